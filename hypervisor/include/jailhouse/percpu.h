/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Per-CPU data. The driver reserves max_cpus areas of percpu_size bytes
 * right after the image (header.h); area n belongs to the CPU that Linux
 * calls CPU n. Each area starts with the CPU's hypervisor stack, followed
 * by the arch part and the generic part.
 */
#ifndef _JAILHOUSE_PERCPU_H
#define _JAILHOUSE_PERCPU_H

#include <jailhouse/utils.h>
#include <jailhouse/paging.h>
#include <jailhouse/hypercall.h>
#include <asm/percpu.h>

/* Bitmaps of CPUs are sized for this many CPUs. */
#define MAX_CPUS		256

struct cell;

struct per_cpu {
	/* The stack grows down towards the previous CPU's area. */
	u8 stack[PERCPU_STACK_SIZE] __aligned(PAGE_SIZE);

	struct per_cpu_arch arch;

	unsigned int cpu_id;
	struct cell *cell;

	/* VM-exit counters, JAILHOUSE_CPU_STAT_* */
	volatile u32 stats[JAILHOUSE_NUM_CPU_STATS];

	/* set by the core, read by HC_CPU_GET_INFO */
	bool failed;
	/*
	 * Not running guest code: powered off by its cell (PSCI CPU_OFF,
	 * INIT) or parked after a fault. Set and cleared by the arch for
	 * power states, by the core for parking.
	 */
	bool stopped;
	/* this CPU completed arch_cpu_init() during enable */
	bool initialized;
} __aligned(PAGE_SIZE);

/* Start of the per-CPU areas (end of the image's bss, page aligned). */
extern struct per_cpu __percpu_start[];

static inline struct per_cpu *per_cpu(unsigned int cpu)
{
	return &__percpu_start[cpu];
}

static inline struct per_cpu *this_cpu_data(void)
{
	return arch_this_cpu_data();
}

static inline struct cell *this_cell(void)
{
	return this_cpu_data()->cell;
}

static inline void cpu_stats_inc(struct per_cpu *cpu_data, unsigned int stat)
{
	cpu_data->stats[stat]++;
}

/* Highest possible CPU ID + 1, from the header (valid after entry). */
unsigned int hypervisor_max_cpus(void);

#endif /* !_JAILHOUSE_PERCPU_H */
