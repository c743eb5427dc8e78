/* SPDX-License-Identifier: GPL-2.0 */
/* Symbols of the firmware image, defined by hypervisor.lds.S. */
#ifndef _JAILHOUSE_IMAGE_H
#define _JAILHOUSE_IMAGE_H

#include <jailhouse/header.h>

/* the header at the start of the image (header.c fills it) */
extern struct jailhouse_header hypervisor_header;

extern u8 __text_start[], __text_end[], __core_end[];

/* absolute symbols: use their address as the value */
extern u8 __core_size[], __entry_offset[];

/* the console ring the driver reads (console.c) */
extern struct jailhouse_console_ring console_ring;

#endif /* !_JAILHOUSE_IMAGE_H */
