/* SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause) */
/*
 * Console descriptor shared by system configs, cell configs and the
 * communication region (config revision 14 layout).
 */
#ifndef _JAILHOUSE_CONSOLE_H
#define _JAILHOUSE_CONSOLE_H

#include <jailhouse/types.h>

/* Console types (struct jailhouse_console.type) */
#define JAILHOUSE_CON_TYPE_NONE		0x0000
#define JAILHOUSE_CON_TYPE_EFIFB	0x0001
#define JAILHOUSE_CON_TYPE_8250		0x0002
#define JAILHOUSE_CON_TYPE_PL011	0x0003
#define JAILHOUSE_CON_TYPE_XUARTPS	0x0004
#define JAILHOUSE_CON_TYPE_MVEBU	0x0005
#define JAILHOUSE_CON_TYPE_HSCIF	0x0006
#define JAILHOUSE_CON_TYPE_SCIFA	0x0007
#define JAILHOUSE_CON_TYPE_IMX		0x0008
#define JAILHOUSE_CON_TYPE_IMX_LPUART	0x0009
#define JAILHOUSE_CON_TYPE_SCIF		0x000a

/* Console flags (struct jailhouse_console.flags) */
#define JAILHOUSE_CON_ACCESS_PIO	0x0000
#define JAILHOUSE_CON_ACCESS_MMIO	0x0001
#define JAILHOUSE_CON_REGDIST_1		0x0000
#define JAILHOUSE_CON_REGDIST_4		0x0002
#define JAILHOUSE_CON_FB_1024x768	0x0000
#define JAILHOUSE_CON_FB_1920x1080	0x0004
#define JAILHOUSE_CON_INVERTED_GATE	0x1000
#define JAILHOUSE_CON_MDR_QUIRK		0x2000

#define CON_IS_MMIO(flags)		(!!((flags) & JAILHOUSE_CON_ACCESS_MMIO))
#define CON_USES_REGDIST_1(flags)	(!((flags) & JAILHOUSE_CON_REGDIST_4))
#define CON_HAS_INVERTED_GATE(flags)	(!!((flags) & JAILHOUSE_CON_INVERTED_GATE))
#define CON_HAS_MDR_QUIRK(flags)	(!!((flags) & JAILHOUSE_CON_MDR_QUIRK))

struct jailhouse_console {
	__u64 address;
	__u32 size;
	__u16 type;
	__u16 flags;
	__u32 divider;
	__u32 gate_nr;
	__u64 clock_reg;
} __attribute__((packed));

#endif /* !_JAILHOUSE_CONSOLE_H */
