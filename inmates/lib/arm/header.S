/* SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause) */
/*
 * ARMv7 inmate start: the exception vector table sits at the very start of
 * the image, which is also the reset address. The CPU arrives in SVC mode
 * with MMU and caches off and A/I/F masked.
 */
#define PSR_MODE_IRQ	0x12
#define PSR_MODE_SVC	0x13
#define SCTLR_V		(1 << 13)	/* high vectors */
#define SCTLR_TE	(1 << 30)	/* exceptions in Thumb state */

#define EXC_UNDEF	1
#define EXC_SVC		2
#define EXC_PABT	3
#define EXC_DABT	4
#define EXC_UNUSED	5
#define EXC_FIQ		7

	.arm
	.syntax unified

	.section .boot, "ax"
	.global __reset_vectors
__reset_vectors:
	b	reset_entry
	b	undef_entry
	b	svc_entry
	b	pabt_entry
	b	dabt_entry
	b	unused_entry
	b	irq_entry
	b	fiq_entry

reset_entry:
	/* take exceptions through our table, in ARM state */
	adr	r0, __reset_vectors
	mcr	p15, 0, r0, c12, c0, 0
	mrc	p15, 0, r0, c1, c0, 0
	bic	r0, r0, #SCTLR_V
	bic	r0, r0, #SCTLR_TE
	mcr	p15, 0, r0, c1, c0, 0
	isb

	cps	#PSR_MODE_IRQ
	ldr	sp, =irq_stack_top
	cps	#PSR_MODE_SVC
	ldr	sp, =stack_top

	/* the loader copies only the file: clear .bss ourselves */
	ldr	r0, =__bss_start
	ldr	r1, =__bss_end
	mov	r2, #0
1:	cmp	r0, r1
	strlo	r2, [r0], #4
	blo	1b

	b	c_entry

irq_entry:
	sub	lr, lr, #4
	push	{r0-r3, r12, lr}
	bl	arm_irq_dispatch
	ldm	sp!, {r0-r3, r12, pc}^

undef_entry:
	mov	r0, #EXC_UNDEF
	b	fatal_exception
svc_entry:
	mov	r0, #EXC_SVC
	b	fatal_exception
pabt_entry:
	mov	r0, #EXC_PABT
	b	fatal_exception
dabt_entry:
	mov	r0, #EXC_DABT
	b	fatal_exception
unused_entry:
	mov	r0, #EXC_UNUSED
	b	fatal_exception
fiq_entry:
	mov	r0, #EXC_FIQ

/* r0: exception type; report on a stack of its own, never return */
fatal_exception:
	mov	r1, lr
	mrs	r2, spsr
	cps	#PSR_MODE_SVC
	ldr	sp, =fault_stack_top
	b	arm_exception_report

/*
 * 64-bit unsigned division as the ARM EABI names it: quotient in r0:r1,
 * remainder in r2:r3. The work is done in C (udivmod64).
 */
/* eabi_divmod NAME, WORKER: r0:r1 / r2:r3 via WORKER(n, d, &remainder) */
.macro eabi_divmod name, worker
	.global \name
\name:
	push	{r4, lr}
	sub	sp, sp, #16
	add	r12, sp, #8
	str	r12, [sp]
	bl	\worker
	ldr	r2, [sp, #8]
	ldr	r3, [sp, #12]
	add	sp, sp, #16
	pop	{r4, pc}
.endm

	.text
	eabi_divmod __aeabi_uldivmod, udivmod64
	eabi_divmod __aeabi_ldivmod, sdivmod64

	.bss
	.balign	8
	.space	1024
irq_stack_top:
	.space	1024
fault_stack_top:
