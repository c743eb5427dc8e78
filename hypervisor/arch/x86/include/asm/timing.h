/* SPDX-License-Identifier: GPL-2.0 */
/* TSC and APIC timer frequencies for the cells' comm regions (timing.c). */
#ifndef _JAILHOUSE_ASM_TIMING_H
#define _JAILHOUSE_ASM_TIMING_H

#include <jailhouse/types.h>

u32 timing_tsc_khz(void);
/* Measures on this CPU's APIC timer: only on a CPU just given to a cell. */
u32 timing_apic_khz(void);
/* Without measuring: from the config or an earlier measurement, or 0. */
u32 timing_apic_khz_known(void);

#endif /* !_JAILHOUSE_ASM_TIMING_H */
