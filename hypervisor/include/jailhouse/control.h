/* SPDX-License-Identifier: GPL-2.0 */
/* Enable entry, hypercalls, parking and stopping CPUs. */
#ifndef _JAILHOUSE_CONTROL_H
#define _JAILHOUSE_CONTROL_H

#include <jailhouse/utils.h>

struct per_cpu;

/*
 * Called by the arch entry code on every CPU that the driver sends in,
 * with the CPU's per-CPU area as current stack. Returns 0 when this CPU
 * shall continue as a guest, or the same -errno on every CPU when the
 * hypervisor gave up (then nothing may be left changed).
 */
int entry(unsigned int cpu_id, struct per_cpu *cpu_data);

/* Hypercall dispatch; returns the value for the guest's result register. */
long hypercall(unsigned long code, unsigned long arg1, unsigned long arg2);

/* Stops this CPU for good after a hypervisor-internal error. */
void __noreturn panic_stop(void);

/*
 * The guest on this CPU did something its config does not allow: mark the
 * CPU failed and park it. Other CPUs and cells keep running.
 */
void __noreturn panic_park(void);

/* Serialises management operations (hypercalls that change state). */
void control_lock(void);
void control_unlock(void);

#endif /* !_JAILHOUSE_CONTROL_H */
