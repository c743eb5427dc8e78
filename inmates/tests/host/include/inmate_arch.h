/* SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause) */
/*
 * Stand-in for the arch header when the portable library code is compiled
 * into host unit tests.
 */
#ifndef _INMATE_ARCH_H
#define _INMATE_ARCH_H

#define TIMER_IRQ		0
#define PCI_DEFAULT_MAX_BUS	0

static inline void cpu_relax(void)
{
}

static inline void memory_barrier(void)
{
}

#endif /* !_INMATE_ARCH_H */
