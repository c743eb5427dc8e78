/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_SPINLOCK_H
#define _ASM_SPINLOCK_H

/* a real lock: the enable test runs one thread per CPU */
typedef struct {
	int locked;
} spinlock_t;

#define DEFINE_SPINLOCK(name)	spinlock_t name = { 0 }

static inline void spin_lock(spinlock_t *lock)
{
	while (__atomic_exchange_n(&lock->locked, 1, __ATOMIC_ACQUIRE))
		;
}

static inline void spin_unlock(spinlock_t *lock)
{
	__atomic_store_n(&lock->locked, 0, __ATOMIC_RELEASE);
}

#endif
