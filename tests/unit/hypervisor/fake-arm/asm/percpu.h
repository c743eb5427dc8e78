/* SPDX-License-Identifier: GPL-2.0 */
/* The real ARM per-CPU layout; the current CPU comes from the test. */
#ifndef _FAKE_ARM_PERCPU_H
#define _FAKE_ARM_PERCPU_H

#define arch_this_cpu_data	arm_real_this_cpu_data
#include "../../../../../hypervisor/arch/arm/include/asm/percpu.h"
#undef arch_this_cpu_data

struct per_cpu *test_this_cpu(void);

static inline struct per_cpu *arch_this_cpu_data(void)
{
	return test_this_cpu();
}

#endif
