/* SPDX-License-Identifier: GPL-2.0 */
/* Host stand-in for an architecture: just enough for the core's tests. */
#ifndef _ASM_LAYOUT_H
#define _ASM_LAYOUT_H

#define JAILHOUSE_BASE		0x10000000UL
#define JAILHOUSE_ARCHITECTURE	0
#define REMAP_BASE		0x20000000UL
#define REMAP_PAGES		64
#define PERCPU_STACK_SIZE	4096

#endif
