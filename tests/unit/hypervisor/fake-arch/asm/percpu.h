/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_PERCPU_H
#define _ASM_PERCPU_H

#include <asm/layout.h>

struct per_cpu;

struct per_cpu_arch {
	int unused;
};

struct per_cpu *test_this_cpu(void);

static inline struct per_cpu *arch_this_cpu_data(void)
{
	return test_this_cpu();
}

#endif
