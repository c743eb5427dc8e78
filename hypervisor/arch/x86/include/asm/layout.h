/* SPDX-License-Identifier: GPL-2.0 */
/*
 * x86-64 address-space layout of the hypervisor. Usable from C, assembly
 * and the linker script (so: no integer suffixes).
 *
 * The x86-64 guard hole 0xffff800000000000-0xffff87ffffffffff is reserved
 * for a hypervisor; Linux maps nothing there (Documentation/design.md).
 *
 *   0xffff800000000000  JAILHOUSE_BASE: hypervisor memory, linear
 *   0xffff810000000000  REMAP_BASE: remap pool (devices, config pages)
 *   0xffff820000000000  per-CPU windows onto guest memory (paging.c)
 *   Linux address       the driver's trampoline pages (design.md)
 */
#ifndef _ASM_LAYOUT_H
#define _ASM_LAYOUT_H

#define JAILHOUSE_BASE		0xffff800000000000
#define JAILHOUSE_ARCHITECTURE	0	/* JAILHOUSE_X86 */

#define REMAP_BASE		0xffff810000000000
#define REMAP_PAGES		4096	/* 16 MiB window */

#define GUEST_WINDOW_BASE	0xffff820000000000

#endif /* !_ASM_LAYOUT_H */
