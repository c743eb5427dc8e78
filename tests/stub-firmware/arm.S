/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ARMv7 entry of the stub, reached through the kernel's hyp stub
 * (HVC_SOFT_RESTART): HYP mode, MMU off, r0 = 1, r1 = entry address,
 * r2 = CPU, r3 = header address (asm/jailhouse_header.h). Position
 * independent: it runs at whatever physical address the memory has.
 */
#include "stub.h"

	.arch	armv7-a
	.arch_extension virt
	.arm
	.text
	.globl	stub_entry
stub_entry:
	mov	r4, r0
	mov	r5, r1
	mov	r6, r2
	mov	r7, r3

	mvn	r0, #(STUB_EINVAL - 1)	/* -EINVAL */
	cmp	r6, #STUB_MAX_CPUS
	bhs	1f

	/* own stack in our bss, found PC-relative */
	ldr	r8, 2f
3:	add	r8, pc, r8
	add	r9, r6, #1
	add	sp, r8, r9, lsl #12	/* STUB_STACK_SIZE */

	/* regs[] = { r0, r1, r2, r3 } as received, for stub_main */
	push	{r4-r7}
	mov	r1, sp
	mov	r0, r6
	bl	stub_main

1:	eret

2:	.word	stub_stacks - (3b + 8)

	.bss
	.balign	4096
stub_stacks:
	.fill	STUB_MAX_CPUS * STUB_STACK_SIZE, 1, 0
