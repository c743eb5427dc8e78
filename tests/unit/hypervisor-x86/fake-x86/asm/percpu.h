/* SPDX-License-Identifier: GPL-2.0 */
/* Host stand-in: the per-CPU data the x86 code under test needs. */
#ifndef _JAILHOUSE_ASM_PERCPU_H
#define _JAILHOUSE_ASM_PERCPU_H

#define PERCPU_STACK_SIZE	4096

struct per_cpu;

struct per_cpu_arch {
	int unused;
};

struct per_cpu *test_this_cpu(void);

static inline struct per_cpu *arch_this_cpu_data(void)
{
	return test_this_cpu();
}

#endif /* !_JAILHOUSE_ASM_PERCPU_H */
