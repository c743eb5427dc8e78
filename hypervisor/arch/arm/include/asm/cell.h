/* SPDX-License-Identifier: GPL-2.0 */
/* ARM part of a cell: stage-2 tables, VMID, interrupt ownership. */
#ifndef _ASM_CELL_H
#define _ASM_CELL_H

#include <jailhouse/paging.h>

#define GIC_MAX_IRQS		1020

struct cell_arch {
	struct paging_structures stage2;
	u32 vmid;
	/* interrupts (SGI/PPI/SPI IDs) the cell may use */
	unsigned long irq_owned[BITS_TO_LONGS(1024)];
	/* CPU interface bits of the cell's CPUs */
	u8 gic_cpu_ifs;
};

#endif /* !_ASM_CELL_H */
