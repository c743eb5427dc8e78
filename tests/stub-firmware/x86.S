/* SPDX-License-Identifier: GPL-2.0 */
/*
 * x86 entry of the stub: RDI = CPU, RSI = Linux CR3, RDX = Linux RSP,
 * RCX = return label, CR3 = the driver's entry page tables, IF = 0
 * (design.md, "x86 entry: register-level protocol").
 */
#include "stub.h"

	.text
	.globl	stub_entry
stub_entry:
	mov	%rdi, %r12
	mov	%rsi, %r13
	mov	%rdx, %r14
	mov	%rcx, %r15

	mov	$-STUB_EINVAL, %rax
	cmp	$STUB_MAX_CPUS, %rdi
	jae	1f

	/* own stack: the Linux stack is not mapped here */
	lea	stub_stacks(%rip), %rsp
	lea	1(%rdi), %rax
	shl	$12, %rax		/* STUB_STACK_SIZE */
	add	%rax, %rsp

	/* regs[] = { CR3, RSP, return label } for stub_main */
	push	%r15
	push	%r14
	push	%r13
	mov	%rsp, %rsi
	mov	%r12, %rdi
	sub	$8, %rsp
	call	stub_main
	movslq	%eax, %rax

1:	mov	%r13, %rsi		/* back as received */
	mov	%r14, %rdx
	jmp	*%r15

	.bss
	.balign	4096
stub_stacks:
	.fill	STUB_MAX_CPUS * STUB_STACK_SIZE, 1, 0
