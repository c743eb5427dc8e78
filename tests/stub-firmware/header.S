/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The firmware header of the stub (include/jailhouse/header.h), in
 * assembly because its link-time fields are addresses: a 32-bit ARM C
 * initializer cannot place them into 64-bit fields. stub.c checks the
 * offsets used here against the C definition.
 */
#include "stub.h"

#ifdef __x86_64__
#define FIELD64(val)	.quad val
#else
#define FIELD64(val)	.long val, 0	/* little endian */
#endif

	.section .header, "a"
	.globl	stub_header
stub_header:
	.ascii	STUB_FW_SIGNATURE
	.org	stub_header + STUB_OFF_VERSION
	.long	STUB_FW_HEADER_VERSION
	.long	STUB_ARCH
	.org	stub_header + STUB_OFF_LINK_ADDRESS
	FIELD64(stub_header)
	.org	stub_header + STUB_OFF_CORE_SIZE
	FIELD64(__core_size)
	.org	stub_header + STUB_OFF_PERCPU_SIZE
	FIELD64(STUB_PERCPU_SIZE)
	.org	stub_header + STUB_OFF_ENTRY
	FIELD64(__entry_offset)
	.org	stub_header + STUB_OFF_CONSOLE
	FIELD64(__console_offset)
	/* driver and hypervisor fields: zero */
	.org	stub_header + STUB_HEADER_SIZE
