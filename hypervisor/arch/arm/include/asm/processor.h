/* SPDX-License-Identifier: GPL-2.0 */
/* ARMv7 CPU helpers: barriers, idle hints, the guest register frame. */
#ifndef _ASM_PROCESSOR_H
#define _ASM_PROCESSOR_H

#include <asm/sysregs.h>

#ifndef __ASSEMBLY__

#include <jailhouse/utils.h>

/*
 * Guest registers saved on the HYP stack by every trap: r0-r12 and the
 * User/System LR (Hyp mode shares them with the guest). The guest's PC
 * and CPSR stay in ELR_hyp and SPSR_hyp.
 */
struct trap_frame {
	u32 r[13];
	u32 lr;
};

static inline void cpu_relax(void)
{
	asm volatile("yield" : : : "memory");
}

static inline void memory_barrier(void)
{
	asm volatile("dmb ish" : : : "memory");
}

static inline void arm_dsb(void)
{
	asm volatile("dsb ish" : : : "memory");
}

static inline void arm_isb(void)
{
	asm volatile("isb" : : : "memory");
}

static inline void wait_for_interrupt(void)
{
	asm volatile("dsb; wfi" : : : "memory");
}

static inline u32 read_elr_hyp(void)
{
	u32 val;

	asm volatile(".arch_extension virt\n\tmrs %0, elr_hyp" : "=r" (val));
	return val;
}

static inline void write_elr_hyp(u32 val)
{
	asm volatile(".arch_extension virt\n\tmsr elr_hyp, %0" : : "r" (val));
}

static inline u32 read_spsr_hyp(void)
{
	u32 val;

	asm volatile(".arch_extension virt\n\tmrs %0, spsr" : "=r" (val));
	return val;
}

static inline void write_spsr_hyp(u32 val)
{
	asm volatile(".arch_extension virt\n\tmsr spsr_fsxc, %0"
		     : : "r" (val));
}

#endif /* !__ASSEMBLY__ */

#endif /* !_ASM_PROCESSOR_H */
