/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The ARM processor helpers for a host build of ARM arch files: the real
 * header's types, host versions of its inline-assembly functions.
 */
#ifndef _FAKE_ARM_PROCESSOR_H
#define _FAKE_ARM_PROCESSOR_H

#define cpu_relax		arm_real_cpu_relax
#define memory_barrier		arm_real_memory_barrier
#define arm_dsb			arm_real_dsb
#define arm_isb			arm_real_isb
#define wait_for_interrupt	arm_real_wait_for_interrupt
#include "../../../../../hypervisor/arch/arm/include/asm/processor.h"
#undef cpu_relax
#undef memory_barrier
#undef arm_dsb
#undef arm_isb
#undef wait_for_interrupt

static inline void cpu_relax(void)
{
}

static inline void memory_barrier(void)
{
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
}

static inline void arm_dsb(void)
{
	memory_barrier();
}

static inline void arm_isb(void)
{
}

static inline void wait_for_interrupt(void)
{
}

#endif
