/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_SPINLOCK_H
#define _ASM_SPINLOCK_H

typedef struct {
	int locked;
} spinlock_t;

#define DEFINE_SPINLOCK(name)	spinlock_t name = { 0 }

static inline void spin_lock(spinlock_t *lock)
{
	lock->locked++;
}

static inline void spin_unlock(spinlock_t *lock)
{
	lock->locked--;
}

#endif
