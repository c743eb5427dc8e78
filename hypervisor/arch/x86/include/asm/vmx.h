/* SPDX-License-Identifier: GPL-2.0 */
/*
 * VT-x facts: VMCS field encodings, control bits, exit reasons and exit
 * qualification layouts (Intel SDM Vol. 3, chapters 24-27 and appendix B),
 * plus the inline VMX instructions.
 */
#ifndef _JAILHOUSE_ASM_VMX_H
#define _JAILHOUSE_ASM_VMX_H

#include <jailhouse/types.h>

enum vmcs_field {
	/* 16-bit */
	VIRTUAL_PROCESSOR_ID		= 0x0000,
	GUEST_ES_SELECTOR		= 0x0800,
	GUEST_CS_SELECTOR		= 0x0802,
	GUEST_SS_SELECTOR		= 0x0804,
	GUEST_DS_SELECTOR		= 0x0806,
	GUEST_FS_SELECTOR		= 0x0808,
	GUEST_GS_SELECTOR		= 0x080a,
	GUEST_LDTR_SELECTOR		= 0x080c,
	GUEST_TR_SELECTOR		= 0x080e,
	HOST_ES_SELECTOR		= 0x0c00,
	HOST_CS_SELECTOR		= 0x0c02,
	HOST_SS_SELECTOR		= 0x0c04,
	HOST_DS_SELECTOR		= 0x0c06,
	HOST_FS_SELECTOR		= 0x0c08,
	HOST_GS_SELECTOR		= 0x0c0a,
	HOST_TR_SELECTOR		= 0x0c0c,

	/* 64-bit */
	IO_BITMAP_A			= 0x2000,
	IO_BITMAP_B			= 0x2002,
	MSR_BITMAP			= 0x2004,
	VM_EXIT_MSR_STORE_ADDR		= 0x2006,
	VM_EXIT_MSR_LOAD_ADDR		= 0x2008,
	VM_ENTRY_MSR_LOAD_ADDR		= 0x200a,
	TSC_OFFSET			= 0x2010,
	VIRTUAL_APIC_PAGE_ADDR		= 0x2012,
	APIC_ACCESS_ADDR		= 0x2014,
	EPT_POINTER			= 0x201a,
	GUEST_PHYSICAL_ADDRESS		= 0x2400,
	VMCS_LINK_POINTER		= 0x2800,
	GUEST_IA32_DEBUGCTL		= 0x2802,
	GUEST_IA32_PAT			= 0x2804,
	GUEST_IA32_EFER			= 0x2806,
	GUEST_PDPTR0			= 0x280a,
	GUEST_PDPTR1			= 0x280c,
	GUEST_PDPTR2			= 0x280e,
	GUEST_PDPTR3			= 0x2810,
	HOST_IA32_PAT			= 0x2c00,
	HOST_IA32_EFER			= 0x2c02,

	/* 32-bit */
	PIN_BASED_VM_EXEC_CONTROL	= 0x4000,
	CPU_BASED_VM_EXEC_CONTROL	= 0x4002,
	EXCEPTION_BITMAP		= 0x4004,
	PAGE_FAULT_ERROR_CODE_MASK	= 0x4006,
	PAGE_FAULT_ERROR_CODE_MATCH	= 0x4008,
	CR3_TARGET_COUNT		= 0x400a,
	VM_EXIT_CONTROLS		= 0x400c,
	VM_EXIT_MSR_STORE_COUNT		= 0x400e,
	VM_EXIT_MSR_LOAD_COUNT		= 0x4010,
	VM_ENTRY_CONTROLS		= 0x4012,
	VM_ENTRY_MSR_LOAD_COUNT		= 0x4014,
	VM_ENTRY_INTR_INFO_FIELD	= 0x4016,
	VM_ENTRY_EXCEPTION_ERROR_CODE	= 0x4018,
	VM_ENTRY_INSTRUCTION_LEN	= 0x401a,
	TPR_THRESHOLD			= 0x401c,
	SECONDARY_VM_EXEC_CONTROL	= 0x401e,
	VM_INSTRUCTION_ERROR		= 0x4400,
	VM_EXIT_REASON			= 0x4402,
	VM_EXIT_INTR_INFO		= 0x4404,
	VM_EXIT_INTR_ERROR_CODE		= 0x4406,
	IDT_VECTORING_INFO_FIELD	= 0x4408,
	IDT_VECTORING_ERROR_CODE	= 0x440a,
	VM_EXIT_INSTRUCTION_LEN		= 0x440c,
	VMX_INSTRUCTION_INFO		= 0x440e,
	GUEST_ES_LIMIT			= 0x4800,
	GUEST_CS_LIMIT			= 0x4802,
	GUEST_SS_LIMIT			= 0x4804,
	GUEST_DS_LIMIT			= 0x4806,
	GUEST_FS_LIMIT			= 0x4808,
	GUEST_GS_LIMIT			= 0x480a,
	GUEST_LDTR_LIMIT		= 0x480c,
	GUEST_TR_LIMIT			= 0x480e,
	GUEST_GDTR_LIMIT		= 0x4810,
	GUEST_IDTR_LIMIT		= 0x4812,
	GUEST_ES_AR_BYTES		= 0x4814,
	GUEST_CS_AR_BYTES		= 0x4816,
	GUEST_SS_AR_BYTES		= 0x4818,
	GUEST_DS_AR_BYTES		= 0x481a,
	GUEST_FS_AR_BYTES		= 0x481c,
	GUEST_GS_AR_BYTES		= 0x481e,
	GUEST_LDTR_AR_BYTES		= 0x4820,
	GUEST_TR_AR_BYTES		= 0x4822,
	GUEST_INTERRUPTIBILITY_INFO	= 0x4824,
	GUEST_ACTIVITY_STATE		= 0x4826,
	GUEST_SYSENTER_CS		= 0x482a,
	VMX_PREEMPTION_TIMER_VALUE	= 0x482e,
	HOST_IA32_SYSENTER_CS		= 0x4c00,

	/* natural width */
	CR0_GUEST_HOST_MASK		= 0x6000,
	CR4_GUEST_HOST_MASK		= 0x6002,
	CR0_READ_SHADOW			= 0x6004,
	CR4_READ_SHADOW			= 0x6006,
	EXIT_QUALIFICATION		= 0x6400,
	GUEST_LINEAR_ADDRESS		= 0x640a,
	GUEST_CR0			= 0x6800,
	GUEST_CR3			= 0x6802,
	GUEST_CR4			= 0x6804,
	GUEST_ES_BASE			= 0x6806,
	GUEST_CS_BASE			= 0x6808,
	GUEST_SS_BASE			= 0x680a,
	GUEST_DS_BASE			= 0x680c,
	GUEST_FS_BASE			= 0x680e,
	GUEST_GS_BASE			= 0x6810,
	GUEST_LDTR_BASE			= 0x6812,
	GUEST_TR_BASE			= 0x6814,
	GUEST_GDTR_BASE			= 0x6816,
	GUEST_IDTR_BASE			= 0x6818,
	GUEST_DR7			= 0x681a,
	GUEST_RSP			= 0x681c,
	GUEST_RIP			= 0x681e,
	GUEST_RFLAGS			= 0x6820,
	GUEST_PENDING_DBG_EXCEPTIONS	= 0x6822,
	GUEST_SYSENTER_ESP		= 0x6824,
	GUEST_SYSENTER_EIP		= 0x6826,
	HOST_CR0			= 0x6c00,
	HOST_CR3			= 0x6c02,
	HOST_CR4			= 0x6c04,
	HOST_FS_BASE			= 0x6c06,
	HOST_GS_BASE			= 0x6c08,
	HOST_TR_BASE			= 0x6c0a,
	HOST_GDTR_BASE			= 0x6c0c,
	HOST_IDTR_BASE			= 0x6c0e,
	HOST_IA32_SYSENTER_ESP		= 0x6c10,
	HOST_IA32_SYSENTER_EIP		= 0x6c12,
	HOST_RSP			= 0x6c14,
	HOST_RIP			= 0x6c16,
};

/*
 * The segment fields of the guest area are laid out with a stride of 2
 * in segment order ES, CS, SS, DS, FS, GS, LDTR, TR.
 */
enum vmx_segment {
	VMX_ES, VMX_CS, VMX_SS, VMX_DS, VMX_FS, VMX_GS, VMX_LDTR, VMX_TR,
};

#define GUEST_SEG_SELECTOR(s)	(GUEST_ES_SELECTOR + 2 * (s))
#define GUEST_SEG_LIMIT(s)	(GUEST_ES_LIMIT + 2 * (s))
#define GUEST_SEG_AR(s)		(GUEST_ES_AR_BYTES + 2 * (s))
#define GUEST_SEG_BASE(s)	(GUEST_ES_BASE + 2 * (s))

/* IA32_VMX_BASIC */
#define VMX_BASIC_REVISION_MASK		0x7fffffffULL
#define VMX_BASIC_VMCS_SIZE(b)		(((b) >> 32) & 0x1fff)
#define VMX_BASIC_32BIT_PHYS_ADDR	(1ULL << 48)
#define VMX_BASIC_MEM_TYPE(b)		(((b) >> 50) & 0xf)
#define VMX_BASIC_TRUE_CTLS		(1ULL << 55)

/* IA32_VMX_MISC */
#define VMX_MISC_PREEMPT_RATE(m)	((m) & 0x1f)
#define VMX_MISC_SAVES_LMA		(1ULL << 5)
#define VMX_MISC_ACTIVITY_HLT		(1ULL << 6)
#define VMX_MISC_ACTIVITY_WAIT_SIPI	(1ULL << 8)

/* IA32_VMX_EPT_VPID_CAP */
#define EPT_CAP_WALK_LENGTH_4		(1ULL << 6)
#define EPT_CAP_WB			(1ULL << 14)
#define EPT_CAP_2M_PAGES		(1ULL << 16)
#define EPT_CAP_1G_PAGES		(1ULL << 17)
#define EPT_CAP_INVEPT			(1ULL << 20)
#define EPT_CAP_INVEPT_SINGLE		(1ULL << 25)
#define EPT_CAP_INVEPT_ALL		(1ULL << 26)
#define VPID_CAP_INVVPID		(1ULL << 32)
#define VPID_CAP_INVVPID_SINGLE		(1ULL << 41)
#define VPID_CAP_INVVPID_ALL		(1ULL << 42)

/* Pin-based controls */
#define PIN_BASED_EXT_INTR_EXITING	(1U << 0)
#define PIN_BASED_NMI_EXITING		(1U << 3)
#define PIN_BASED_VIRTUAL_NMIS		(1U << 5)
#define PIN_BASED_PREEMPTION_TIMER	(1U << 6)

/* Primary processor-based controls */
#define CPU_BASED_INTR_WINDOW_EXITING	(1U << 2)
#define CPU_BASED_USE_TSC_OFFSETING	(1U << 3)
#define CPU_BASED_HLT_EXITING		(1U << 7)
#define CPU_BASED_INVLPG_EXITING	(1U << 9)
#define CPU_BASED_MWAIT_EXITING		(1U << 10)
#define CPU_BASED_RDPMC_EXITING		(1U << 11)
#define CPU_BASED_RDTSC_EXITING		(1U << 12)
#define CPU_BASED_CR3_LOAD_EXITING	(1U << 15)
#define CPU_BASED_CR3_STORE_EXITING	(1U << 16)
#define CPU_BASED_CR8_LOAD_EXITING	(1U << 19)
#define CPU_BASED_CR8_STORE_EXITING	(1U << 20)
#define CPU_BASED_TPR_SHADOW		(1U << 21)
#define CPU_BASED_NMI_WINDOW_EXITING	(1U << 22)
#define CPU_BASED_MOV_DR_EXITING	(1U << 23)
#define CPU_BASED_UNCOND_IO_EXITING	(1U << 24)
#define CPU_BASED_USE_IO_BITMAPS	(1U << 25)
#define CPU_BASED_MONITOR_TRAP_FLAG	(1U << 27)
#define CPU_BASED_USE_MSR_BITMAPS	(1U << 28)
#define CPU_BASED_MONITOR_EXITING	(1U << 29)
#define CPU_BASED_PAUSE_EXITING		(1U << 30)
#define CPU_BASED_ACTIVATE_SECONDARY	(1U << 31)

/* Secondary processor-based controls */
#define SECONDARY_VIRTUALIZE_APIC	(1U << 0)
#define SECONDARY_ENABLE_EPT		(1U << 1)
#define SECONDARY_DESC_TABLE_EXITING	(1U << 2)
#define SECONDARY_ENABLE_RDTSCP		(1U << 3)
#define SECONDARY_VIRTUALIZE_X2APIC	(1U << 4)
#define SECONDARY_ENABLE_VPID		(1U << 5)
#define SECONDARY_WBINVD_EXITING	(1U << 6)
#define SECONDARY_UNRESTRICTED_GUEST	(1U << 7)
#define SECONDARY_ENABLE_INVPCID	(1U << 12)
#define SECONDARY_ENABLE_XSAVES		(1U << 20)

/* VM-exit controls */
#define VM_EXIT_SAVE_DEBUG_CONTROLS	(1U << 2)
#define VM_EXIT_HOST_ADDR_SPACE_SIZE	(1U << 9)
#define VM_EXIT_ACK_INTR_ON_EXIT	(1U << 15)
#define VM_EXIT_SAVE_IA32_PAT		(1U << 18)
#define VM_EXIT_LOAD_IA32_PAT		(1U << 19)
#define VM_EXIT_SAVE_IA32_EFER		(1U << 20)
#define VM_EXIT_LOAD_IA32_EFER		(1U << 21)
#define VM_EXIT_SAVE_PREEMPT_TIMER	(1U << 22)

/* VM-entry controls */
#define VM_ENTRY_LOAD_DEBUG_CONTROLS	(1U << 2)
#define VM_ENTRY_IA32E_MODE		(1U << 9)
#define VM_ENTRY_LOAD_IA32_PAT		(1U << 14)
#define VM_ENTRY_LOAD_IA32_EFER		(1U << 15)

/* Exit reasons (basic reason, bits 15:0 of VM_EXIT_REASON) */
#define EXIT_REASON_EXCEPTION_NMI	0
#define EXIT_REASON_EXTERNAL_INTERRUPT	1
#define EXIT_REASON_TRIPLE_FAULT	2
#define EXIT_REASON_INIT_SIGNAL		3
#define EXIT_REASON_SIPI		4
#define EXIT_REASON_INTERRUPT_WINDOW	7
#define EXIT_REASON_NMI_WINDOW		8
#define EXIT_REASON_TASK_SWITCH		9
#define EXIT_REASON_CPUID		10
#define EXIT_REASON_GETSEC		11
#define EXIT_REASON_HLT			12
#define EXIT_REASON_INVD		13
#define EXIT_REASON_VMCALL		18
#define EXIT_REASON_VMCLEAR		19
#define EXIT_REASON_VMLAUNCH		20
#define EXIT_REASON_VMPTRLD		21
#define EXIT_REASON_VMPTRST		22
#define EXIT_REASON_VMREAD		23
#define EXIT_REASON_VMRESUME		24
#define EXIT_REASON_VMWRITE		25
#define EXIT_REASON_VMXOFF		26
#define EXIT_REASON_VMXON		27
#define EXIT_REASON_CR_ACCESS		28
#define EXIT_REASON_DR_ACCESS		29
#define EXIT_REASON_IO_INSTRUCTION	30
#define EXIT_REASON_MSR_READ		31
#define EXIT_REASON_MSR_WRITE		32
#define EXIT_REASON_INVALID_STATE	33
#define EXIT_REASON_MSR_LOAD_FAIL	34
#define EXIT_REASON_MWAIT		36
#define EXIT_REASON_MONITOR		39
#define EXIT_REASON_PAUSE		40
#define EXIT_REASON_MCE_DURING_ENTRY	41
#define EXIT_REASON_APIC_ACCESS		44
#define EXIT_REASON_EPT_VIOLATION	48
#define EXIT_REASON_EPT_MISCONFIG	49
#define EXIT_REASON_INVEPT		50
#define EXIT_REASON_PREEMPTION_TIMER	52
#define EXIT_REASON_INVVPID		53
#define EXIT_REASON_WBINVD		54
#define EXIT_REASON_XSETBV		55
#define EXIT_REASON_VMFUNC		59
#define EXIT_REASON_ENTRY_FAIL		(1U << 31)

/* Exit qualification: CR access */
#define CR_ACCESS_CR_NUM(q)		((q) & 0xf)
#define CR_ACCESS_TYPE(q)		(((q) >> 4) & 0x3)
#define CR_ACCESS_TYPE_MOV_TO_CR	0
#define CR_ACCESS_TYPE_MOV_FROM_CR	1
#define CR_ACCESS_TYPE_CLTS		2
#define CR_ACCESS_TYPE_LMSW		3
#define CR_ACCESS_REG(q)		(((q) >> 8) & 0xf)
#define CR_ACCESS_LMSW_DATA(q)		(((q) >> 16) & 0xffff)

/* Exit qualification: I/O instruction */
#define IO_QUAL_SIZE(q)			(((q) & 0x7) + 1)
#define IO_QUAL_IN			(1UL << 3)
#define IO_QUAL_STRING			(1UL << 4)
#define IO_QUAL_REP			(1UL << 5)
#define IO_QUAL_PORT(q)			(((q) >> 16) & 0xffff)

/* Exit qualification: EPT violation */
#define EPT_VIOL_READ			(1UL << 0)
#define EPT_VIOL_WRITE			(1UL << 1)
#define EPT_VIOL_FETCH			(1UL << 2)
#define EPT_VIOL_LINEAR_VALID		(1UL << 7)
#define EPT_VIOL_NMI_UNBLOCKING		(1UL << 12)

/* Interruption information (entry injection, exit info, IDT vectoring) */
#define INTR_INFO_VECTOR_MASK		0xff
#define INTR_INFO_TYPE_MASK		(7U << 8)
#define INTR_TYPE_EXTERNAL		(0U << 8)
#define INTR_TYPE_NMI			(2U << 8)
#define INTR_TYPE_HARD_EXCEPTION	(3U << 8)
#define INTR_TYPE_SOFT_INTR		(4U << 8)
#define INTR_TYPE_PRIV_SOFT_EXCEPTION	(5U << 8)
#define INTR_TYPE_SOFT_EXCEPTION	(6U << 8)
#define INTR_INFO_DELIVER_CODE		(1U << 11)
#define INTR_INFO_UNBLOCK_NMI		(1U << 12)
#define INTR_INFO_VALID			(1U << 31)

/* Guest interruptibility state */
#define GUEST_INTR_STATE_STI		(1U << 0)
#define GUEST_INTR_STATE_MOV_SS		(1U << 1)
#define GUEST_INTR_STATE_SMI		(1U << 2)
#define GUEST_INTR_STATE_NMI		(1U << 3)

/* Guest activity state */
#define GUEST_ACTIVITY_ACTIVE		0
#define GUEST_ACTIVITY_HLT		1
#define GUEST_ACTIVITY_WAIT_SIPI	3

/* INVEPT / INVVPID types */
#define INVEPT_SINGLE_CONTEXT		1
#define INVEPT_ALL_CONTEXT		2
#define INVVPID_SINGLE_CONTEXT		1
#define INVVPID_ALL_CONTEXT		2

#define VMCS_LINK_POINTER_NONE		(~0ULL)

#ifndef __ASSEMBLY__

/* The VMX instructions report failure in CF (invalid) or ZF (valid). */
static inline bool vmcs_write64(unsigned long field, u64 value)
{
	bool ok;

	asm volatile("vmwrite %2,%1\n\tseta %0"
		: "=qm" (ok)
		: "r" ((unsigned long)field), "rm" ((unsigned long)value)
		: "cc", "memory");
	return ok;
}

static inline bool vmcs_write32(unsigned long field, u32 value)
{
	return vmcs_write64(field, value);
}

static inline u64 vmcs_read64(unsigned long field)
{
	unsigned long value;

	asm volatile("vmread %1,%0"
		: "=rm" (value)
		: "r" (field)
		: "cc");
	return value;
}

static inline u32 vmcs_read32(unsigned long field)
{
	return (u32)vmcs_read64(field);
}

static inline u16 vmcs_read16(unsigned long field)
{
	return (u16)vmcs_read64(field);
}

static inline bool vmx_on(u64 phys)
{
	bool ok;

	asm volatile("vmxon %1\n\tseta %0"
		: "=qm" (ok) : "m" (phys) : "cc", "memory");
	return ok;
}

static inline void vmx_off(void)
{
	asm volatile("vmxoff" : : : "cc", "memory");
}

static inline bool vmcs_clear(u64 phys)
{
	bool ok;

	asm volatile("vmclear %1\n\tseta %0"
		: "=qm" (ok) : "m" (phys) : "cc", "memory");
	return ok;
}

static inline bool vmcs_load(u64 phys)
{
	bool ok;

	asm volatile("vmptrld %1\n\tseta %0"
		: "=qm" (ok) : "m" (phys) : "cc", "memory");
	return ok;
}

struct invept_desc {
	u64 eptp;
	u64 reserved;
};

static inline void vmx_invept(unsigned long type, u64 eptp)
{
	struct invept_desc desc = { .eptp = eptp };

	asm volatile("invept %0,%1"
		: : "m" (desc), "r" (type) : "cc", "memory");
}

struct invvpid_desc {
	u16 vpid;
	u16 reserved[3];
	u64 linear_address;
};

static inline void vmx_invvpid(unsigned long type, u16 vpid)
{
	struct invvpid_desc desc = { .vpid = vpid };

	asm volatile("invvpid %0,%1"
		: : "m" (desc), "r" (type) : "cc", "memory");
}

#endif /* !__ASSEMBLY__ */

#endif /* !_JAILHOUSE_ASM_VMX_H */
