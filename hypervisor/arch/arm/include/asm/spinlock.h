/* SPDX-License-Identifier: GPL-2.0 */
/* Ticket spinlock (LDREX/STREX via GCC atomics, WFE while waiting). */
#ifndef _ASM_SPINLOCK_H
#define _ASM_SPINLOCK_H

#include <jailhouse/utils.h>

typedef struct {
	u16 owner;
	u16 next;
} spinlock_t;

#define DEFINE_SPINLOCK(name)	spinlock_t name = { 0, 0 }

static inline void spin_lock(spinlock_t *lock)
{
	u16 ticket = __atomic_fetch_add(&lock->next, 1, __ATOMIC_ACQUIRE);

	while (__atomic_load_n(&lock->owner, __ATOMIC_ACQUIRE) != ticket)
		asm volatile("wfe" : : : "memory");
}

static inline void spin_unlock(spinlock_t *lock)
{
	__atomic_store_n(&lock->owner, lock->owner + 1, __ATOMIC_RELEASE);
	asm volatile("dsb ishst\n\tsev" : : : "memory");
}

#endif /* !_ASM_SPINLOCK_H */
