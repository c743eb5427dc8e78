/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Ticket spinlock: CPUs get the lock in the order they asked for it, so a
 * busy CPU cannot starve another one in the hypervisor.
 */
#ifndef _JAILHOUSE_ASM_SPINLOCK_H
#define _JAILHOUSE_ASM_SPINLOCK_H

#include <jailhouse/types.h>
#include <asm/processor.h>

typedef struct {
	u32 next;	/* ticket the next caller draws */
	u32 owner;	/* ticket currently allowed in */
} spinlock_t;

#define DEFINE_SPINLOCK(name)	spinlock_t name = { 0, 0 }

static inline void spin_lock(spinlock_t *lock)
{
	u32 ticket = __atomic_fetch_add(&lock->next, 1, __ATOMIC_RELAXED);

	while (__atomic_load_n(&lock->owner, __ATOMIC_ACQUIRE) != ticket)
		cpu_relax();
}

static inline void spin_unlock(spinlock_t *lock)
{
	__atomic_store_n(&lock->owner, lock->owner + 1, __ATOMIC_RELEASE);
}

#endif /* !_JAILHOUSE_ASM_SPINLOCK_H */
