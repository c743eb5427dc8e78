/* SPDX-License-Identifier: GPL-2.0 */
/*
 * x86-64 processor registers, MSR numbers and the inline instructions the
 * hypervisor uses to reach them. Numbers are from the Intel SDM.
 */
#ifndef _JAILHOUSE_ASM_PROCESSOR_H
#define _JAILHOUSE_ASM_PROCESSOR_H

/* RFLAGS */
#define X86_RFLAGS_CF		(1UL << 0)
#define X86_RFLAGS_RESERVED1	(1UL << 1)
#define X86_RFLAGS_ZF		(1UL << 6)
#define X86_RFLAGS_TF		(1UL << 8)
#define X86_RFLAGS_IF		(1UL << 9)
#define X86_RFLAGS_VM		(1UL << 17)

/* Control registers */
#define X86_CR0_PE		(1UL << 0)
#define X86_CR0_MP		(1UL << 1)
#define X86_CR0_EM		(1UL << 2)
#define X86_CR0_TS		(1UL << 3)
#define X86_CR0_ET		(1UL << 4)
#define X86_CR0_NE		(1UL << 5)
#define X86_CR0_WP		(1UL << 16)
#define X86_CR0_AM		(1UL << 18)
#define X86_CR0_NW		(1UL << 29)
#define X86_CR0_CD		(1UL << 30)
#define X86_CR0_PG		(1UL << 31)

#define X86_CR4_PSE		(1UL << 4)
#define X86_CR4_PAE		(1UL << 5)
#define X86_CR4_PGE		(1UL << 7)
#define X86_CR4_LA57		(1UL << 12)
#define X86_CR4_OSFXSR		(1UL << 9)
#define X86_CR4_OSXMMEXCPT	(1UL << 10)
#define X86_CR4_VMXE		(1UL << 13)
#define X86_CR4_SMXE		(1UL << 14)
#define X86_CR4_FSGSBASE	(1UL << 16)
#define X86_CR4_PCIDE		(1UL << 17)
#define X86_CR4_OSXSAVE		(1UL << 18)
#define X86_CR4_SMEP		(1UL << 20)
#define X86_CR4_SMAP		(1UL << 21)
#define X86_CR4_PKE		(1UL << 22)
#define X86_CR4_CET		(1UL << 23)

#define X86_CR3_PCID_MASK	0xfffUL

/* EFER */
#define EFER_SCE		(1UL << 0)
#define EFER_LME		(1UL << 8)
#define EFER_LMA		(1UL << 10)
#define EFER_NXE		(1UL << 11)

/* Exceptions */
#define DE_VECTOR		0
#define DB_VECTOR		1
#define NMI_VECTOR		2
#define BP_VECTOR		3
#define UD_VECTOR		6
#define NM_VECTOR		7
#define DF_VECTOR		8
#define TS_VECTOR		10
#define NP_VECTOR		11
#define SS_VECTOR		12
#define GP_VECTOR		13
#define PF_VECTOR		14
#define AC_VECTOR		17
#define MC_VECTOR		18
#define NUM_EXCEPTION_VECTORS	32

/* MSRs */
#define MSR_IA32_TSC			0x00000010
#define MSR_IA32_APIC_BASE		0x0000001b
#define MSR_IA32_FEATURE_CONTROL	0x0000003a
#define MSR_IA32_SPEC_CTRL		0x00000048
#define MSR_IA32_PRED_CMD		0x00000049
#define MSR_IA32_SYSENTER_CS		0x00000174
#define MSR_IA32_SYSENTER_ESP		0x00000175
#define MSR_IA32_SYSENTER_EIP		0x00000176
#define MSR_IA32_MISC_ENABLE		0x000001a0
#define MSR_IA32_DEBUGCTL		0x000001d9
#define MSR_IA32_PAT			0x00000277
#define MSR_IA32_MTRR_DEF_TYPE		0x000002ff
#define MSR_IA32_VMX_BASIC		0x00000480
#define MSR_IA32_VMX_PINBASED_CTLS	0x00000481
#define MSR_IA32_VMX_PROCBASED_CTLS	0x00000482
#define MSR_IA32_VMX_EXIT_CTLS		0x00000483
#define MSR_IA32_VMX_ENTRY_CTLS		0x00000484
#define MSR_IA32_VMX_MISC		0x00000485
#define MSR_IA32_VMX_CR0_FIXED0		0x00000486
#define MSR_IA32_VMX_CR0_FIXED1		0x00000487
#define MSR_IA32_VMX_CR4_FIXED0		0x00000488
#define MSR_IA32_VMX_CR4_FIXED1		0x00000489
#define MSR_IA32_VMX_PROCBASED_CTLS2	0x0000048b
#define MSR_IA32_VMX_EPT_VPID_CAP	0x0000048c
#define MSR_IA32_VMX_TRUE_PINBASED_CTLS	0x0000048d
#define MSR_IA32_VMX_TRUE_PROCBASED_CTLS 0x0000048e
#define MSR_IA32_VMX_TRUE_EXIT_CTLS	0x0000048f
#define MSR_IA32_VMX_TRUE_ENTRY_CTLS	0x00000490
#define MSR_IA32_TSC_DEADLINE		0x000006e0
#define MSR_X2APIC_BASE			0x00000800
#define MSR_X2APIC_ICR			0x00000830
#define MSR_X2APIC_END			0x000008ff
#define MSR_EFER			0xc0000080
#define MSR_FS_BASE			0xc0000100
#define MSR_GS_BASE			0xc0000101
#define MSR_KERNEL_GS_BASE		0xc0000102
#define MSR_STAR			0xc0000081
#define MSR_LSTAR			0xc0000082
#define MSR_CSTAR			0xc0000083
#define MSR_SYSCALL_MASK		0xc0000084
#define MSR_TSC_AUX			0xc0000103
#define MSR_IA32_XSS			0x00000da0

#define FEATURE_CONTROL_LOCKED			(1UL << 0)
#define FEATURE_CONTROL_VMXON_OUTSIDE_SMX	(1UL << 2)

#define APIC_BASE_BSP		(1UL << 8)
#define APIC_BASE_EXTD		(1UL << 10)
#define APIC_BASE_EN		(1UL << 11)

/* CPUID */
#define X86_CPUID_FEATURES		0x00000001
#define X86_CPUID_XSTATE		0x0000000d
#define X86_FEATURE_VMX			(1U << 5)	/* leaf 1 ECX */
#define X86_FEATURE_XSAVE		(1U << 26)	/* leaf 1 ECX */
#define X86_FEATURE_X2APIC		(1U << 21)	/* leaf 1 ECX */
#define X86_FEATURE_HYPERVISOR		(1U << 31)	/* leaf 1 ECX */
#define X86_FEATURE_RDPID		(1U << 22)	/* leaf 7 ECX */
#define X86_FEATURE_XSAVES		(1U << 3)	/* leaf 0xd.1 EAX */
#define X86_CPUID_EXT_FEATURES		0x80000001
#define X86_FEATURE_RDTSCP		(1U << 27)	/* leaf 0x80000001 EDX */

/* XCR0: the state components XSAVE and XRSTOR handle */
#define XCR0_X87			(1ULL << 0)
#define XCR0_SSE			(1ULL << 1)
#define XCR0_AVX			(1ULL << 2)
#define XCR0_AVX512			(7ULL << 5)

/* Segment descriptor access rights as the VMCS stores them */
#define X86_AR_TYPE_MASK	0x000f
#define X86_AR_TYPE_ACCESSED	0x0001
#define X86_AR_TYPE_CODE	0x0008
#define X86_AR_S		0x0010
#define X86_AR_DPL_MASK		0x0060
#define X86_AR_P		0x0080
#define X86_AR_L		0x2000
#define X86_AR_DB		0x4000
#define X86_AR_G		0x8000
#define X86_AR_UNUSABLE		0x10000

#define X86_TSS64_AVAILABLE	0x9
#define X86_TSS64_BUSY		0xb
#define X86_LDT_TYPE		0x2

#ifndef __ASSEMBLY__

#include <jailhouse/types.h>

/* A descriptor-table register image, as sgdt/lgdt use it. */
struct desc_table_reg {
	u16 limit;
	u64 base;
} __attribute__((packed));

/* Full state of one segment register, visible and hidden part. */
struct segment {
	u64 base;
	u32 limit;
	u32 access_rights;	/* VMCS format, X86_AR_* */
	u16 selector;
};

static inline void cpu_relax(void)
{
	asm volatile("pause" : : : "memory");
}

static inline void memory_barrier(void)
{
	asm volatile("mfence" : : : "memory");
}

static inline void cpuid_count(u32 leaf, u32 subleaf, u32 *eax, u32 *ebx,
			       u32 *ecx, u32 *edx)
{
	asm volatile("cpuid"
		: "=a" (*eax), "=b" (*ebx), "=c" (*ecx), "=d" (*edx)
		: "a" (leaf), "c" (subleaf)
		: "memory");
}

static inline u32 cpuid_ecx(u32 leaf, u32 subleaf)
{
	u32 eax, ebx, ecx, edx;

	cpuid_count(leaf, subleaf, &eax, &ebx, &ecx, &edx);
	return ecx;
}

static inline u64 read_msr(u32 msr)
{
	u32 low, high;

	asm volatile("rdmsr" : "=a" (low), "=d" (high) : "c" (msr));
	return low | ((u64)high << 32);
}

static inline void write_msr(u32 msr, u64 value)
{
	asm volatile("wrmsr"
		: /* no output */
		: "c" (msr), "a" ((u32)value), "d" ((u32)(value >> 32))
		: "memory");
}

static inline unsigned long read_cr0(void)
{
	unsigned long cr0;

	asm volatile("mov %%cr0,%0" : "=r" (cr0));
	return cr0;
}

static inline void write_cr0(unsigned long val)
{
	asm volatile("mov %0,%%cr0" : : "r" (val) : "memory");
}

static inline unsigned long read_cr2(void)
{
	unsigned long cr2;

	asm volatile("mov %%cr2,%0" : "=r" (cr2));
	return cr2;
}

static inline unsigned long read_cr3(void)
{
	unsigned long cr3;

	asm volatile("mov %%cr3,%0" : "=r" (cr3));
	return cr3;
}

static inline void write_cr3(unsigned long val)
{
	asm volatile("mov %0,%%cr3" : : "r" (val) : "memory");
}

static inline unsigned long read_cr4(void)
{
	unsigned long cr4;

	asm volatile("mov %%cr4,%0" : "=r" (cr4));
	return cr4;
}

static inline void write_cr4(unsigned long val)
{
	asm volatile("mov %0,%%cr4" : : "r" (val) : "memory");
}

static inline void write_cr2(unsigned long val)
{
	asm volatile("mov %0,%%cr2" : : "r" (val));
}

static inline void write_dr7(unsigned long val)
{
	asm volatile("mov %0,%%dr7" : : "r" (val));
}

static inline u64 read_xcr0(void)
{
	u32 low, high;

	asm volatile("xgetbv" : "=a" (low), "=d" (high) : "c" (0));
	return low | ((u64)high << 32);
}

static inline void write_xcr0(u64 value)
{
	asm volatile("xsetbv"
		: /* no output */
		: "c" (0), "a" ((u32)value), "d" ((u32)(value >> 32)));
}

static inline void load_gdt(const struct desc_table_reg *dtr)
{
	asm volatile("lgdt %0" : : "m" (*dtr));
}

static inline void load_idt(const struct desc_table_reg *dtr)
{
	asm volatile("lidt %0" : : "m" (*dtr));
}

static inline void load_tr(u16 selector)
{
	asm volatile("ltr %0" : : "rm" (selector));
}

static inline void load_ldtr(u16 selector)
{
	asm volatile("lldt %0" : : "rm" (selector));
}

static inline void pio_write8(u8 value, u16 port)
{
	asm volatile("outb %0,%1" : : "a" (value), "d" (port));
}

static inline void pio_write16(u16 value, u16 port)
{
	asm volatile("outw %0,%1" : : "a" (value), "d" (port));
}

static inline void pio_write32(u32 value, u16 port)
{
	asm volatile("outl %0,%1" : : "a" (value), "d" (port));
}

static inline u8 pio_read8(u16 port)
{
	u8 value;

	asm volatile("inb %1,%0" : "=a" (value) : "d" (port));
	return value;
}

static inline u16 pio_read16(u16 port)
{
	u16 value;

	asm volatile("inw %1,%0" : "=a" (value) : "d" (port));
	return value;
}

static inline u32 pio_read32(u16 port)
{
	u32 value;

	asm volatile("inl %1,%0" : "=a" (value) : "d" (port));
	return value;
}

static inline u64 read_tsc(void)
{
	u32 low, high;

	asm volatile("rdtsc" : "=a" (low), "=d" (high));
	return ((u64)high << 32) | low;
}

/*
 * An NMI that caused a VM exit leaves NMIs blocked until the next IRET
 * (the CPU treats the exit like the delivery of the NMI): an IRET to the
 * next instruction ends that, so further NMIs (kicks) arrive again.
 */
static inline void unblock_nmis(void)
{
	unsigned long scratch;

	asm volatile("mov %%ss, %0\n\t"
		     "push %0\n\t"		/* SS */
		     "lea 8(%%rsp), %0\n\t"
		     "push %0\n\t"		/* RSP as before the first push */
		     "pushf\n\t"		/* RFLAGS */
		     "mov %%cs, %0\n\t"
		     "push %0\n\t"		/* CS */
		     "lea 1f(%%rip), %0\n\t"
		     "push %0\n\t"		/* RIP */
		     "iretq\n"
		     "1:"
		     : "=&r" (scratch) : : "memory");
}

static inline void disable_irqs(void)
{
	asm volatile("cli" : : : "memory");
}

static inline void __noreturn_halt(void)
{
	for (;;)
		asm volatile("cli; hlt" : : : "memory");
}

#endif /* !__ASSEMBLY__ */

#endif /* !_JAILHOUSE_ASM_PROCESSOR_H */
