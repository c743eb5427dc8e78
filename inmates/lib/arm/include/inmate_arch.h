/* SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause) */
/*
 * ARMv7 specifics of the inmate library: CPU control, CP15 access and the
 * interrupt numbers the demos use.
 */
#ifndef _INMATE_ARCH_H
#define _INMATE_ARCH_H

/* GIC INTID of the EL1 virtual timer (PPI 11) */
#define TIMER_IRQ		27

/* The hypervisor's virtual PCI host bridge offers bus 0 only. */
#define PCI_DEFAULT_MAX_BUS	0

/* CP15 registers the library uses (ARM ARM B4, generic timer B8) */
static inline u32 arm_read_cntfrq(void)
{
	u32 value;

	asm volatile("mrc p15, 0, %0, c14, c0, 0" : "=r" (value));
	return value;
}

static inline u64 arm_read_cntvct(void)
{
	u32 lo, hi;

	asm volatile("isb\n\tmrrc p15, 1, %0, %1, c14" : "=r" (lo), "=r" (hi));
	return ((u64)hi << 32) | lo;
}

static inline void arm_write_cntv_cval(u64 value)
{
	asm volatile("mcrr p15, 3, %0, %1, c14"
		: : "r" ((u32)value), "r" ((u32)(value >> 32)) : "memory");
}

static inline void arm_write_cntv_ctl(u32 value)
{
	asm volatile("mcr p15, 0, %0, c14, c3, 1\n\tisb"
		: : "r" (value) : "memory");
}

static inline u32 arm_read_dfar(void)
{
	u32 value;

	asm volatile("mrc p15, 0, %0, c6, c0, 0" : "=r" (value));
	return value;
}

static inline u32 arm_read_dfsr(void)
{
	u32 value;

	asm volatile("mrc p15, 0, %0, c5, c0, 0" : "=r" (value));
	return value;
}

static inline u32 arm_read_ifar(void)
{
	u32 value;

	asm volatile("mrc p15, 0, %0, c6, c0, 2" : "=r" (value));
	return value;
}

static inline u32 arm_read_ifsr(void)
{
	u32 value;

	asm volatile("mrc p15, 0, %0, c5, c0, 1" : "=r" (value));
	return value;
}

/*
 * Any CP15/CP14 register by its encoding, "p15, opc1, %0, CRn, CRm, opc2",
 * read as is. The swap helpers return a register's value and write a new
 * one: coprocessor registers by their encoding fields, the banked
 * registers of other modes (MRS/MSR banked, virtualization extensions)
 * by name.
 */
#define arm_read_sysreg(enc)						\
	({								\
		u32 __val;						\
		asm volatile("mrc " enc : "=r" (__val));		\
		__val;							\
	})
#define arm_swap_sysreg(cp, opc1, crn, crm, opc2, val)			\
	({								\
		u32 __old;						\
		asm volatile("mrc " #cp ", " #opc1 ", %0, " #crn ", "	\
			     #crm ", " #opc2 "\n\t"			\
			     "mcr " #cp ", " #opc1 ", %1, " #crn ", "	\
			     #crm ", " #opc2 "\n\tisb"			\
			     : "=&r" (__old) : "r" ((u32)(val)) : "memory");	\
		__old;							\
	})
#define arm_swap_sysreg64(cp, opc1, crm, val)				\
	({								\
		u64 __old;						\
		asm volatile("mrrc " #cp ", " #opc1 ", %Q0, %R0, " #crm "\n\t" \
			     "mcrr " #cp ", " #opc1 ", %Q1, %R1, " #crm "\n\tisb" \
			     : "=&r" (__old) : "r" ((u64)(val)) : "memory");	\
		__old;							\
	})
#define arm_swap_banked(reg, val)					\
	({								\
		u32 __old;						\
		asm volatile(".arch_extension virt\n\t"		\
			     "mrs %0, " #reg "\n\tmsr " #reg ", %1"	\
			     : "=&r" (__old) : "r" ((u32)(val)) : "memory");	\
		__old;							\
	})

static inline void cpu_relax(void)
{
	asm volatile("" : : : "memory");
}

static inline void irqs_enable(void)
{
	asm volatile("cpsie i" : : : "memory");
}

static inline void irqs_disable(void)
{
	asm volatile("cpsid i" : : : "memory");
}

/* Sleep until an interrupt is pending (returns even with IRQs masked). */
static inline void cpu_wait_for_interrupt(void)
{
	asm volatile("dsb\n\twfi" : : : "memory");
}

static inline void memory_barrier(void)
{
	asm volatile("dmb ish" : : : "memory");
}

static inline void instruction_barrier(void)
{
	asm volatile("isb" : : : "memory");
}

static inline u32 arm_read_mpidr(void)
{
	u32 value;

	asm volatile("mrc p15, 0, %0, c0, c0, 5" : "=r" (value));
	return value;
}

/* ---- SMP (lib/arm/smp.c) ---- */
#define INMATE_SMP		1
#define SMP_MAX_CPUS		8
#define SMP_CPU_ID_NAME		"MPIDR"
#define MPIDR_AFFINITY_MASK	0x00ffffff

/* This CPU as smp_start_cpu() names it: its MPIDR affinity fields. */
static inline u32 smp_cpu_id(void)
{
	return arm_read_mpidr() & MPIDR_AFFINITY_MASK;
}

/*
 * Start the CPU with this MPIDR (it must belong to the cell) via PSCI
 * CPU_ON; it runs entry(index) on stacks of its own, index counting from
 * 1 (the boot CPU is 0), and powers off (CPU_OFF) when entry returns.
 * Returns the index or -1 (refused or no answer in time).
 */
int smp_start_cpu(u32 mpidr, void (*entry)(unsigned int index));

/* PSCI AFFINITY_INFO: 0 on, 1 off, 2 on pending, < 0 PSCI error. */
#define SMP_CPU_ON		0
#define SMP_CPU_OFF		1
int smp_cpu_state(u32 mpidr);

/* ---- library internals, called from header.S ---- */
void __noreturn arm_exception_report(unsigned int type, unsigned long lr,
				     unsigned long spsr);
void arm_irq_dispatch(void);
void arm_mmu_enable(void);
void arm_smp_entry(void);
void arm_smp_c_entry(void);
void arm_dcache_clean(const void *start, unsigned long size);
extern u8 stack_top[];		/* end of the image (linker script) */
u64 udivmod64(u64 n, u64 d, u64 *rem);
s64 sdivmod64(s64 n, s64 d, s64 *rem);

#endif /* !_INMATE_ARCH_H */
