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

/* ---- library internals, called from header.S ---- */
void __noreturn arm_exception_report(unsigned int type, unsigned long lr,
				     unsigned long spsr);
void arm_irq_dispatch(void);
void arm_mmu_enable(void);
extern u8 stack_top[];		/* end of the image (linker script) */
u64 udivmod64(u64 n, u64 d, u64 *rem);
s64 sdivmod64(s64 n, s64 d, s64 *rem);

#endif /* !_INMATE_ARCH_H */
