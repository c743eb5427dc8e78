/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ARMv7 address-space layout of the hypervisor (HYP mode, LPAE, 32-bit
 * virtual addresses). Usable from C, assembly and the linker script.
 *
 *   0xf0000000  JAILHOUSE_BASE: hypervisor memory, linearly mapped
 *   0xe0000000  REMAP_BASE: remap pool (devices, temporary mappings)
 *   identity    the page(s) of .text.entry at their physical address,
 *               needed to switch the HYP MMU on and off
 *
 * Hence the hypervisor memory must lie below 0xc0000000 physical, and be
 * 2 MiB aligned in start and size (the boot mapping uses 2 MiB blocks).
 */
#ifndef _ASM_LAYOUT_H
#define _ASM_LAYOUT_H

#define JAILHOUSE_BASE		0xf0000000
#define JAILHOUSE_ARCHITECTURE	1	/* JAILHOUSE_ARM */

#define REMAP_BASE		0xe0000000
#define REMAP_PAGES		8192	/* 32 MiB window */

/* Highest physical address (exclusive) hypervisor memory may use. */
#define HV_PHYS_LIMIT		0xc0000000
#define HV_BLOCK_SIZE		0x200000

#define PERCPU_STACK_SIZE	8192

#endif /* !_ASM_LAYOUT_H */
