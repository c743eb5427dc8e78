/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Small helpers every part of the hypervisor uses. Only compiler-provided
 * freestanding headers are included here, never a C library.
 */
#ifndef _JAILHOUSE_UTILS_H
#define _JAILHOUSE_UTILS_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

#include <jailhouse/types.h>

#ifndef ARRAY_SIZE
#define ARRAY_SIZE(a)		(sizeof(a) / sizeof((a)[0]))
#endif

#define BIT(n)			(1UL << (n))
#define BIT_ULL(n)		(1ULL << (n))
#define BITS_PER_LONG		(sizeof(unsigned long) * 8)
#define BITS_TO_LONGS(n)	(((n) + BITS_PER_LONG - 1) / BITS_PER_LONG)

#define MIN(a, b)							\
	({ __typeof__(a) __a = (a); __typeof__(b) __b = (b);		\
	   __a < __b ? __a : __b; })
#define MAX(a, b)							\
	({ __typeof__(a) __a = (a); __typeof__(b) __b = (b);		\
	   __a > __b ? __a : __b; })

#define __stringify_1(x)	#x
#define __stringify(x)		__stringify_1(x)

#define container_of(ptr, type, member) \
	((type *)((char *)(ptr) - offsetof(type, member)))

#define likely(x)		__builtin_expect(!!(x), 1)
#define unlikely(x)		__builtin_expect(!!(x), 0)

#define __packed		__attribute__((packed))
#define __aligned(n)		__attribute__((aligned(n)))
#define __noreturn		__attribute__((noreturn))
#define __unused		__attribute__((unused))
#define __section(s)		__attribute__((section(s)))
#define __used			__attribute__((used))
#define fallthrough		__attribute__((__fallthrough__))

#define READ_ONCE(x)		(*(const volatile __typeof__(x) *)&(x))
#define WRITE_ONCE(x, v)	(*(volatile __typeof__(x) *)&(x) = (v))

/* Compile-time check usable in expressions and at file scope. */
#define BUILD_BUG_ON(cond)	_Static_assert(!(cond), #cond)

static inline bool test_bit(unsigned int nr, const unsigned long *map)
{
	return (map[nr / BITS_PER_LONG] >> (nr % BITS_PER_LONG)) & 1;
}

static inline void set_bit_nonatomic(unsigned int nr, unsigned long *map)
{
	map[nr / BITS_PER_LONG] |= 1UL << (nr % BITS_PER_LONG);
}

static inline void clear_bit_nonatomic(unsigned int nr, unsigned long *map)
{
	map[nr / BITS_PER_LONG] &= ~(1UL << (nr % BITS_PER_LONG));
}

/* Round up to a power-of-two alignment. */
static inline unsigned long align_up(unsigned long x, unsigned long align)
{
	return (x + align - 1) & ~(align - 1);
}

/* Multi-CPU counters and flags: plain GCC atomics, no arch code needed. */
#define atomic_inc_return(p)	__atomic_add_fetch((p), 1, __ATOMIC_SEQ_CST)
#define atomic_read(p)		__atomic_load_n((p), __ATOMIC_ACQUIRE)
#define atomic_set(p, v)	__atomic_store_n((p), (v), __ATOMIC_RELEASE)

/* Store new if *p holds old; returns what *p held. */
static inline int atomic_cmpxchg_int(int *p, int old, int new)
{
	__atomic_compare_exchange_n(p, &old, new, false, __ATOMIC_SEQ_CST,
				    __ATOMIC_SEQ_CST);
	return old;
}

#endif /* !_JAILHOUSE_UTILS_H */
