// SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause)
/*
 * Built-in command line for the bare-metal smoke images: there is no
 * loader to write one, so this strong definition replaces the library's
 * empty weak buffer.
 */
#include <inmate.h>

char cmdline[CMDLINE_BUFFER_SIZE]
	__attribute__((section(".cmdline"), aligned(16))) = SMOKE_CMDLINE;
