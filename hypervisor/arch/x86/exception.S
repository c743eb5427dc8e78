/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Host-mode exception and NMI entry stubs. Each stub brings the stack into
 * one shape (error code, vector, then the registers) and calls
 * x86_exception_handler(). That function returns only for events the host
 * survives (an NMI meant for the guest); everything else ends in a report.
 */
#include <asm/processor.h>

/* vector with a CPU-pushed error code */
.macro stub_error vector
	.balign 16
	push	$\vector
	jmp	exception_common
.endm

/* vector without error code: push a zero in its place */
.macro stub_plain vector
	.balign 16
	push	$0
	push	$\vector
	jmp	exception_common
.endm

	.text
	.globl exception_stubs
	.balign 16
exception_stubs:
	stub_plain 0
	stub_plain 1
	stub_plain 2
	stub_plain 3
	stub_plain 4
	stub_plain 5
	stub_plain 6
	stub_plain 7
	stub_error 8
	stub_plain 9
	stub_error 10
	stub_error 11
	stub_error 12
	stub_error 13
	stub_error 14
	stub_plain 15
	stub_plain 16
	stub_error 17
	stub_plain 18
	stub_plain 19
	stub_plain 20
	stub_error 21
	stub_plain 22
	stub_plain 23
	stub_plain 24
	stub_plain 25
	stub_plain 26
	stub_plain 27
	stub_plain 28
	stub_error 29
	stub_error 30
	stub_plain 31

exception_common:
	push	%r15
	push	%r14
	push	%r13
	push	%r12
	push	%r11
	push	%r10
	push	%r9
	push	%r8
	push	%rdi
	push	%rsi
	push	%rbp
	sub	$8, %rsp
	push	%rbx
	push	%rdx
	push	%rcx
	push	%rax

	mov	%rsp, %rdi
	/* keep the ABI's 16-byte alignment whatever the event's stack was */
	mov	%rsp, %rbx
	and	$~15, %rsp
	call	x86_exception_handler
	mov	%rbx, %rsp

	pop	%rax
	pop	%rcx
	pop	%rdx
	pop	%rbx
	add	$8, %rsp
	pop	%rbp
	pop	%rsi
	pop	%rdi
	pop	%r8
	pop	%r9
	pop	%r10
	pop	%r11
	pop	%r12
	pop	%r13
	pop	%r14
	pop	%r15
	add	$16, %rsp	/* vector and error code */
	iretq
