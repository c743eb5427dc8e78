/* SPDX-License-Identifier: GPL-2.0 */
/* x86 part of a cell: its EPT, I/O and MSR intercept bitmaps, IOAPICs. */
#ifndef _JAILHOUSE_ASM_CELL_H
#define _JAILHOUSE_ASM_CELL_H

#include <jailhouse/paging.h>

#define IOAPIC_MAX_CHIPS	8

struct cell;
struct ioapic;
struct jailhouse_irqchip;

/* One irqchip entry of a cell config, as the cell sees it. */
struct ioapic_cell_chip {
	struct ioapic *ioapic;		/* NULL: slot unused */
	const struct jailhouse_irqchip *config;
	struct cell *cell;
	u32 index;			/* the cell's register select latch */
};

struct cell_arch {
	struct paging_structures ept;
	/* VMX I/O bitmaps A and B, 2 pages, a set bit intercepts the port */
	u8 *io_bitmap;
	/* VMX MSR bitmap, 1 page, a set bit intercepts the access */
	u8 *msr_bitmap;
	struct ioapic_cell_chip ioapic[IOAPIC_MAX_CHIPS];
};

#endif /* !_JAILHOUSE_ASM_CELL_H */
