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

#define arm_read_cp15(op1, crn, crm, op2) ({				\
	u32 __val;							\
	asm volatile("mrc p15, " #op1 ", %0, " #crn ", " #crm ", " #op2	\
		     : "=r" (__val));					\
	__val; })

#define arm_write_cp15(op1, crn, crm, op2, val)				\
	asm volatile("mcr p15, " #op1 ", %0, " #crn ", " #crm ", " #op2	\
		     : : "r" ((u32)(val)) : "memory")

#define arm_read_cp15_64(op1, crm) ({					\
	u32 __lo, __hi;							\
	asm volatile("mrrc p15, " #op1 ", %0, %1, " #crm		\
		     : "=r" (__lo), "=r" (__hi));			\
	((u64)__hi << 32) | __lo; })

#define arm_write_cp15_64(op1, crm, val)				\
	asm volatile("mcrr p15, " #op1 ", %0, %1, " #crm		\
		     : : "r" ((u32)(val)), "r" ((u32)((u64)(val) >> 32))	\
		     : "memory")

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

#endif /* !_INMATE_ARCH_H */
