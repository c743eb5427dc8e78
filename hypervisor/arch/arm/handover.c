// SPDX-License-Identifier: GPL-2.0
/*
 * Guest CPU state reset when a CPU changes owner or its cell starts
 * afresh.
 *
 * Nothing in HYP mode switches the PL1/PL0 registers between guests: the
 * hypervisor only loads a new stage 2. A cell reads the CP15 registers
 * below, the banked registers of every guest mode, the performance
 * counters and the VFP/Advanced SIMD registers without a trap. Left
 * alone, a cell taking a CPU from Linux would find the kernel's per-CPU
 * offset and current task, a process's TLS pointer and vector registers,
 * the last fault addresses and the kernel's stacks; Linux would find
 * what a cell left when it gets the CPU back. Everything is set to its
 * reset value, or 0 where the architecture leaves the reset value
 * UNKNOWN or IMPLEMENTATION DEFINED. Linux programs what it needs again
 * on its secondary CPU start path.
 */
#include <jailhouse/types.h>
#include <asm/arm.h>
#include <asm/processor.h>
#include <asm/sysregs.h>

#define CPACR_CP10_CP11_FULL	(0xf << 20)
#define HCPTR_TCP10		(1 << 10)
#define HCPTR_TCP11		(1 << 11)
#define HCPTR_TASE		(1 << 15)
#define FPEXC_EN		(1 << 30)
#define MVFR0_SIMD_REGS_32	2	/* MVFR0[3:0]: D0-D31 */

#define ID_PFR0_THUMBEE(pfr0)	(((pfr0) >> 12) & 0xf)
#define ID_DFR0_PERFMON(dfr0)	(((dfr0) >> 24) & 0xf)
#define PERFMON_PMUV2		2
#define PERFMON_IMP_DEF		0xf
#define PMCR_P			(1 << 1)	/* reset event counters */
#define PMCR_C			(1 << 2)	/* reset cycle counter */
#define PMCR_N(pmcr)		(((pmcr) >> 11) & 0x1f)
#define PM_ALL_COUNTERS		0xffffffff
#define PMSELR_CYCLE_FILTER	31	/* PMXEVTYPER is then PMCCFILTR */

/* SP, LR and SPSR of each PL1 mode, r8-r12 of FIQ mode, SP of User */
#define RESET_BANKED(reg)						\
	({								\
		asm volatile(".arch_extension virt\n\tmsr " #reg ", %0"	\
			     : : "r" (0));				\
	})

static void reset_banked_registers(void)
{
	RESET_BANKED(sp_usr);
	RESET_BANKED(sp_svc);
	RESET_BANKED(lr_svc);
	RESET_BANKED(spsr_svc);
	RESET_BANKED(sp_abt);
	RESET_BANKED(lr_abt);
	RESET_BANKED(spsr_abt);
	RESET_BANKED(sp_und);
	RESET_BANKED(lr_und);
	RESET_BANKED(spsr_und);
	RESET_BANKED(sp_irq);
	RESET_BANKED(lr_irq);
	RESET_BANKED(spsr_irq);
	RESET_BANKED(r8_fiq);
	RESET_BANKED(r9_fiq);
	RESET_BANKED(r10_fiq);
	RESET_BANKED(r11_fiq);
	RESET_BANKED(r12_fiq);
	RESET_BANKED(sp_fiq);
	RESET_BANKED(lr_fiq);
	RESET_BANKED(spsr_fiq);
}

/* translation, fault, memory attribute, thread ID and timer registers */
static void reset_system_registers(void)
{
	arm_write_sysreg(SCTLR, SCTLR_RESET_VALUE);
	arm_write_sysreg(TTBCR, 0);
	arm_write_sysreg64(TTBR0, 0ULL);
	arm_write_sysreg64(TTBR1, 0ULL);
	arm_write_sysreg(DACR, 0);
	arm_write_sysreg(PRRR, 0);
	arm_write_sysreg(NMRR, 0);
	arm_write_sysreg(AMAIR0, 0);
	arm_write_sysreg(AMAIR1, 0);
	arm_write_sysreg(VBAR, 0);
	arm_write_sysreg(CONTEXTIDR, 0);

	arm_write_sysreg(DFSR, 0);
	arm_write_sysreg(IFSR, 0);
	arm_write_sysreg(ADFSR, 0);
	arm_write_sysreg(AIFSR, 0);
	arm_write_sysreg(DFAR, 0);
	arm_write_sysreg(IFAR, 0);
	arm_write_sysreg64(PAR, 0ULL);
	arm_write_sysreg(CSSELR, 0);

	arm_write_sysreg(TPIDRURW, 0);
	arm_write_sysreg(TPIDRURO, 0);
	arm_write_sysreg(TPIDRPRW, 0);

	arm_write_sysreg(CNTKCTL, 0);
	arm_write_sysreg(CNTV_CTL, 0);
	arm_write_sysreg(CNTP_CTL, 0);
	arm_write_sysreg64(CNTV_CVAL, 0ULL);
	arm_write_sysreg64(CNTP_CVAL, 0ULL);
}

/* Linux switches TEEHBR with every task where ThumbEE exists */
static void reset_thumbee(void)
{
	u32 pfr0;

	arm_read_sysreg(ID_PFR0, pfr0);
	if (!ID_PFR0_THUMBEE(pfr0))
		return;
	arm_write_sysreg(TEECR, 0);
	arm_write_sysreg(TEEHBR, 0);
}

/*
 * Counters stopped and zeroed, no overflow flags, no interrupts, no
 * events selected, no User mode access (HDCR does not trap them).
 */
static void reset_performance_monitors(void)
{
	u32 dfr0, pmcr, counters, n;

	arm_read_sysreg(ID_DFR0, dfr0);
	if (ID_DFR0_PERFMON(dfr0) < PERFMON_PMUV2 ||
	    ID_DFR0_PERFMON(dfr0) == PERFMON_IMP_DEF)
		return;

	arm_read_sysreg(PMCR, pmcr);
	counters = PMCR_N(pmcr);
	arm_write_sysreg(PMCR, PMCR_P | PMCR_C);
	arm_write_sysreg(PMCNTENCLR, PM_ALL_COUNTERS);
	arm_write_sysreg(PMINTENCLR, PM_ALL_COUNTERS);
	arm_write_sysreg(PMOVSR, PM_ALL_COUNTERS);
	for (n = 0; n < counters; n++) {
		arm_write_sysreg(PMSELR, n);
		arm_isb();
		arm_write_sysreg(PMXEVTYPER, 0);
	}
	arm_write_sysreg(PMSELR, PMSELR_CYCLE_FILTER);
	arm_isb();
	arm_write_sysreg(PMXEVTYPER, 0);
	arm_write_sysreg(PMSELR, 0);
	arm_write_sysreg(PMUSERENR, 0);
}

/*
 * HYP code is built without floating point: the VFP instructions are
 * assembled here only. HCPTR may trap cp10/cp11 for HYP as well and
 * FPEXC.EN gates every register but FPEXC itself, so both are opened
 * for the reset. Afterwards FPEXC (EN = 0) and CPACR (no access) hold
 * their reset values.
 */
static void zero_vfp_registers(bool d32)
{
	asm volatile(".fpu vfpv3\n\t"
		     "vmsr fpexc, %0\n\t"
		     "isb\n\t"
		     "vmov d0, %1, %1\n\t"
		     "vmov d1, %1, %1\n\t"
		     "vmov d2, %1, %1\n\t"
		     "vmov d3, %1, %1\n\t"
		     "vmov d4, %1, %1\n\t"
		     "vmov d5, %1, %1\n\t"
		     "vmov d6, %1, %1\n\t"
		     "vmov d7, %1, %1\n\t"
		     "vmov d8, %1, %1\n\t"
		     "vmov d9, %1, %1\n\t"
		     "vmov d10, %1, %1\n\t"
		     "vmov d11, %1, %1\n\t"
		     "vmov d12, %1, %1\n\t"
		     "vmov d13, %1, %1\n\t"
		     "vmov d14, %1, %1\n\t"
		     "vmov d15, %1, %1\n\t"
		     "vmsr fpscr, %1"
		     : : "r" (FPEXC_EN), "r" (0) : "memory");
	if (!d32)
		return;
	asm volatile(".fpu vfpv3\n\t"
		     "vmov d16, %0, %0\n\t"
		     "vmov d17, %0, %0\n\t"
		     "vmov d18, %0, %0\n\t"
		     "vmov d19, %0, %0\n\t"
		     "vmov d20, %0, %0\n\t"
		     "vmov d21, %0, %0\n\t"
		     "vmov d22, %0, %0\n\t"
		     "vmov d23, %0, %0\n\t"
		     "vmov d24, %0, %0\n\t"
		     "vmov d25, %0, %0\n\t"
		     "vmov d26, %0, %0\n\t"
		     "vmov d27, %0, %0\n\t"
		     "vmov d28, %0, %0\n\t"
		     "vmov d29, %0, %0\n\t"
		     "vmov d30, %0, %0\n\t"
		     "vmov d31, %0, %0"
		     : : "r" (0) : "memory");
}

static void reset_vfp(void)
{
	u32 hcptr, cpacr, mvfr0;

	arm_read_sysreg(HCPTR, hcptr);
	arm_write_sysreg(HCPTR, hcptr & ~(HCPTR_TCP10 | HCPTR_TCP11 |
					  HCPTR_TASE));
	/* the access bits of cp10/cp11 stick only if there is an FPU */
	arm_write_sysreg(CPACR, CPACR_CP10_CP11_FULL);
	arm_isb();
	arm_read_sysreg(CPACR, cpacr);
	if ((cpacr & CPACR_CP10_CP11_FULL) == CPACR_CP10_CP11_FULL) {
		asm volatile(".fpu vfpv3\n\tvmrs %0, mvfr0" : "=r" (mvfr0));
		zero_vfp_registers((mvfr0 & 0xf) == MVFR0_SIMD_REGS_32);
		asm volatile(".fpu vfpv3\n\tvmsr fpexc, %0"
			     : : "r" (0) : "memory");
	}
	arm_write_sysreg(CPACR, 0);
	arm_write_sysreg(HCPTR, hcptr);
	arm_isb();
}

/* Runs on the CPU itself, before its new owner's first instruction. */
void arm_reset_guest_state(void)
{
	reset_banked_registers();
	reset_system_registers();
	reset_thumbee();
	reset_performance_monitors();
	reset_vfp();
	arm_isb();
}
