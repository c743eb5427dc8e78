/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ARMv7 system registers (cp15) used in HYP mode, with the bit fields the
 * hypervisor needs. Encodings from the ARM Architecture Reference Manual
 * ARMv7-A/R (virtualization and large physical address extensions).
 */
#ifndef _ASM_SYSREGS_H
#define _ASM_SYSREGS_H

/* 32-bit registers: "p15, opc1, %0, CRn, CRm, opc2" */
#define SYSREG_MIDR		"p15, 0, %0, c0, c0, 0"
#define SYSREG_MPIDR		"p15, 0, %0, c0, c0, 5"
#define SYSREG_CTR		"p15, 0, %0, c0, c0, 1"
#define SYSREG_SCTLR		"p15, 0, %0, c1, c0, 0"
#define SYSREG_ACTLR		"p15, 0, %0, c1, c0, 1"
#define SYSREG_VPIDR		"p15, 4, %0, c0, c0, 0"
#define SYSREG_VMPIDR		"p15, 4, %0, c0, c0, 5"
#define SYSREG_HSCTLR		"p15, 4, %0, c1, c0, 0"
#define SYSREG_HCR		"p15, 4, %0, c1, c1, 0"
#define SYSREG_HDCR		"p15, 4, %0, c1, c1, 1"
#define SYSREG_HCPTR		"p15, 4, %0, c1, c1, 2"
#define SYSREG_HSTR		"p15, 4, %0, c1, c1, 3"
#define SYSREG_HTCR		"p15, 4, %0, c2, c0, 2"
#define SYSREG_VTCR		"p15, 4, %0, c2, c1, 2"
#define SYSREG_HDFAR		"p15, 4, %0, c6, c0, 0"
#define SYSREG_HIFAR		"p15, 4, %0, c6, c0, 2"
#define SYSREG_HPFAR		"p15, 4, %0, c6, c0, 4"
#define SYSREG_HSR		"p15, 4, %0, c5, c2, 0"
#define SYSREG_HMAIR0		"p15, 4, %0, c10, c2, 0"
#define SYSREG_HMAIR1		"p15, 4, %0, c10, c2, 1"
#define SYSREG_HVBAR		"p15, 4, %0, c12, c0, 0"
#define SYSREG_HTPIDR		"p15, 4, %0, c13, c0, 2"
#define SYSREG_CNTHCTL		"p15, 4, %0, c14, c1, 0"
/* guest (PL1) registers the hypervisor resets when a cell starts */
#define SYSREG_ID_PFR0		"p15, 0, %0, c0, c1, 0"
#define SYSREG_ID_DFR0		"p15, 0, %0, c0, c1, 2"
#define SYSREG_CSSELR		"p15, 2, %0, c0, c0, 0"
#define SYSREG_CPACR		"p15, 0, %0, c1, c0, 2"
#define SYSREG_TTBCR		"p15, 0, %0, c2, c0, 2"
#define SYSREG_DACR		"p15, 0, %0, c3, c0, 0"
#define SYSREG_DFSR		"p15, 0, %0, c5, c0, 0"
#define SYSREG_IFSR		"p15, 0, %0, c5, c0, 1"
#define SYSREG_ADFSR		"p15, 0, %0, c5, c1, 0"
#define SYSREG_AIFSR		"p15, 0, %0, c5, c1, 1"
#define SYSREG_DFAR		"p15, 0, %0, c6, c0, 0"
#define SYSREG_IFAR		"p15, 0, %0, c6, c0, 2"
#define SYSREG_PMCR		"p15, 0, %0, c9, c12, 0"
#define SYSREG_PMCNTENCLR	"p15, 0, %0, c9, c12, 2"
#define SYSREG_PMOVSR		"p15, 0, %0, c9, c12, 3"
#define SYSREG_PMSELR		"p15, 0, %0, c9, c12, 5"
#define SYSREG_PMXEVTYPER	"p15, 0, %0, c9, c13, 1"
#define SYSREG_PMUSERENR	"p15, 0, %0, c9, c14, 0"
#define SYSREG_PMINTENCLR	"p15, 0, %0, c9, c14, 2"
#define SYSREG_PRRR		"p15, 0, %0, c10, c2, 0"	/* MAIR0 */
#define SYSREG_NMRR		"p15, 0, %0, c10, c2, 1"	/* MAIR1 */
#define SYSREG_AMAIR0		"p15, 0, %0, c10, c3, 0"
#define SYSREG_AMAIR1		"p15, 0, %0, c10, c3, 1"
#define SYSREG_VBAR		"p15, 0, %0, c12, c0, 0"
#define SYSREG_CONTEXTIDR	"p15, 0, %0, c13, c0, 1"
#define SYSREG_TPIDRURW		"p15, 0, %0, c13, c0, 2"
#define SYSREG_TPIDRURO		"p15, 0, %0, c13, c0, 3"
#define SYSREG_TPIDRPRW		"p15, 0, %0, c13, c0, 4"
#define SYSREG_CNTKCTL		"p15, 0, %0, c14, c1, 0"
#define SYSREG_CNTP_CTL		"p15, 0, %0, c14, c2, 1"
#define SYSREG_CNTV_CTL		"p15, 0, %0, c14, c3, 1"
/* ThumbEE (cp14) */
#define SYSREG_TEECR		"p14, 6, %0, c0, c0, 0"
#define SYSREG_TEEHBR		"p14, 6, %0, c1, c0, 0"

/* 64-bit registers: "p15, opc1, %Q0, %R0, CRm" */
#define SYSREG64_HTTBR		"p15, 4, %Q0, %R0, c2"
#define SYSREG64_VTTBR		"p15, 6, %Q0, %R0, c2"
#define SYSREG64_TTBR0		"p15, 0, %Q0, %R0, c2"
#define SYSREG64_TTBR1		"p15, 1, %Q0, %R0, c2"
#define SYSREG64_PAR		"p15, 0, %Q0, %R0, c7"
#define SYSREG64_CNTP_CVAL	"p15, 2, %Q0, %R0, c14"
#define SYSREG64_CNTV_CVAL	"p15, 3, %Q0, %R0, c14"

#define arm_read_sysreg(reg, val)					\
	({								\
		asm volatile("mrc " SYSREG_##reg : "=r" (val));		\
	})
#define arm_write_sysreg(reg, val)					\
	({								\
		asm volatile("mcr " SYSREG_##reg			\
			     : : "r" (val) : "memory");			\
	})
#define arm_read_sysreg64(reg, val)					\
	({								\
		asm volatile("mrrc " SYSREG64_##reg : "=r" (val));	\
	})
#define arm_write_sysreg64(reg, val)					\
	({								\
		asm volatile("mcrr " SYSREG64_##reg			\
			     : : "r" (val) : "memory");			\
	})

/* HSCTLR */
#define HSCTLR_RES1		0x30c50818
#define HSCTLR_M		(1 << 0)
#define HSCTLR_C		(1 << 2)
#define HSCTLR_I		(1 << 12)

/* HCR */
#define HCR_VM			(1 << 0)
#define HCR_SWIO		(1 << 1)
#define HCR_FMO			(1 << 3)
#define HCR_IMO			(1 << 4)
#define HCR_AMO			(1 << 5)
#define HCR_TWI			(1 << 13)
#define HCR_TSC			(1 << 19)
#define HCR_TAC			(1 << 21)

/* HTCR / VTCR */
#define TCR_RES1		0x80800000	/* HTCR bits 31, 23 */
#define TCR_IRGN0_WBWA		(1 << 8)
#define TCR_ORGN0_WBWA		(1 << 10)
#define TCR_SH0_INNER		(3 << 12)
#define VTCR_RES1		0x80000000
#define VTCR_T0SZ_40BIT		0x18	/* T0SZ = -8, S = 1 */
#define VTCR_SL0_LEVEL1		(1 << 6)

/* HMAIR0 attribute indexes used by the HYP page tables */
#define HMAIR_IDX_NORMAL	0	/* 0xff: write-back, allocating */
#define HMAIR_IDX_DEVICE	1	/* 0x04: device */
#define HMAIR0_VALUE		0x000004ff

/* VTTBR */
#define VTTBR_VMID_SHIFT	48

/* HSR: exception class and instruction length */
#define HSR_EC_SHIFT		26
#define HSR_EC(hsr)		((hsr) >> HSR_EC_SHIFT)
#define HSR_IL			(1 << 25)
#define HSR_ISS(hsr)		((hsr) & 0x01ffffff)
#define HSR_CV			(1 << 24)
#define HSR_COND(hsr)		(((hsr) >> 20) & 0xf)

#define HSR_EC_UNKNOWN		0x00
#define HSR_EC_WFI_WFE		0x01
#define HSR_EC_CP15_32		0x03
#define HSR_EC_CP15_64		0x04
#define HSR_EC_CP14_32		0x05
#define HSR_EC_CP14_LS		0x06
#define HSR_EC_CP_ACCESS	0x07
#define HSR_EC_CP10_ID		0x08
#define HSR_EC_CP14_64		0x0c
#define HSR_EC_SVC_HYP		0x11
#define HSR_EC_HVC		0x12
#define HSR_EC_SMC		0x13
#define HSR_EC_PABT_GUEST	0x20
#define HSR_EC_PABT_HYP		0x21
#define HSR_EC_DABT_GUEST	0x24
#define HSR_EC_DABT_HYP		0x25

/* data abort ISS */
#define HSR_DABT_ISV		(1 << 24)
#define HSR_DABT_SAS(iss)	(((iss) >> 22) & 0x3)
#define HSR_DABT_SSE		(1 << 21)
#define HSR_DABT_SRT(iss)	(((iss) >> 16) & 0xf)
#define HSR_DABT_EA		(1 << 9)
#define HSR_DABT_S1PTW		(1 << 7)
#define HSR_DABT_WNR		(1 << 6)
#define HSR_DABT_DFSC(iss)	((iss) & 0x3f)

/* CP15 MCR/MRC ISS */
#define HSR_CP15_OPC2(iss)	(((iss) >> 17) & 0x7)
#define HSR_CP15_OPC1(iss)	(((iss) >> 14) & 0x7)
#define HSR_CP15_CRN(iss)	(((iss) >> 10) & 0xf)
#define HSR_CP15_RT(iss)	(((iss) >> 5) & 0xf)
#define HSR_CP15_CRM(iss)	(((iss) >> 1) & 0xf)
#define HSR_CP15_READ		(1 << 0)

/* CPSR / SPSR */
#define PSR_MODE_MASK		0x1f
#define PSR_MODE_USR		0x10
#define PSR_MODE_FIQ		0x11
#define PSR_MODE_IRQ		0x12
#define PSR_MODE_SVC		0x13
#define PSR_MODE_ABT		0x17
#define PSR_MODE_HYP		0x1a
#define PSR_MODE_UND		0x1b
#define PSR_MODE_SYS		0x1f
#define PSR_T			(1 << 5)
#define PSR_F			(1 << 6)
#define PSR_I			(1 << 7)
#define PSR_A			(1 << 8)
#define PSR_IT_LOW(psr)		(((psr) >> 25) & 0x3)
#define PSR_IT_HIGH(psr)	(((psr) >> 10) & 0x3f)

/* SCTLR of a CPU coming out of reset: MMU, caches off */
#define SCTLR_RESET_VALUE	0x00c50078

#define MPIDR_AFFINITY_MASK	0x00ffffff

#endif /* !_ASM_SYSREGS_H */
