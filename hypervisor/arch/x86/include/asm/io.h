/* SPDX-License-Identifier: GPL-2.0 */
/* Port I/O: the cell's intercept bitmap and I/O exits (io.c). */
#ifndef _JAILHOUSE_ASM_IO_H
#define _JAILHOUSE_ASM_IO_H

#include <jailhouse/utils.h>
#include <asm/regs.h>

struct cell;

/* I/O bitmap from the cell's PIO whitelist; PCI config ports trapped. */
int io_cell_init(struct cell *cell);
void io_cell_exit(struct cell *cell);

/* false: access refused, the report is printed, the caller parks. */
bool pio_handle_exit(union registers *regs);

/* MSR intercept bitmap of a cell (vmexit.c). */
void msr_bitmap_init(u8 *bitmap, bool root);

#endif /* !_JAILHOUSE_ASM_IO_H */
