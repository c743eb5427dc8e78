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
/* M, C, Z, I: as arm_mmu_enable() sets them on the boot CPU */
#define SCTLR_MMU_CACHES	0x1805
#define DACR_DOMAIN0_CLIENT	0x1

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

/* take exceptions through our table, in ARM state (clobbers r1) */
.macro use_our_vectors
	adr	r1, __reset_vectors
	mcr	p15, 0, r1, c12, c0, 0
	mrc	p15, 0, r1, c1, c0, 0
	bic	r1, r1, #SCTLR_V
	bic	r1, r1, #SCTLR_TE
	mcr	p15, 0, r1, c1, c0, 0
	isb
.endm

reset_entry:
	use_our_vectors

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

/*
 * Further CPUs of the cell, started by PSCI CPU_ON (lib/arm/smp.c) with
 * MMU and caches off; r0 points to their struct arm_smp_boot (stack tops,
 * cleaned to memory by the starting CPU). The MMU goes on with the boot
 * CPU's table before the stack is touched, so this CPU never works on
 * memory with caches off that other CPUs see cached.
 */
	.global arm_smp_entry
arm_smp_entry:
	use_our_vectors

	mov	r1, #DACR_DOMAIN0_CLIENT
	mcr	p15, 0, r1, c3, c0, 0
	mov	r1, #0
	mcr	p15, 0, r1, c2, c0, 2		/* TTBCR */
	ldr	r1, =arm_l1_table
	mcr	p15, 0, r1, c2, c0, 0		/* TTBR0 */
	mov	r1, #0
	mcr	p15, 0, r1, c8, c7, 0		/* TLBIALL */
	mcr	p15, 0, r1, c7, c5, 0		/* ICIALLU */
	mcr	p15, 0, r1, c7, c5, 6		/* BPIALL */
	dsb
	isb
	mrc	p15, 0, r1, c1, c0, 0
	ldr	r2, =SCTLR_MMU_CACHES
	orr	r1, r1, r2
	mcr	p15, 0, r1, c1, c0, 0
	isb

	ldr	r1, [r0, #4]			/* irq_stack_top */
	cps	#PSR_MODE_IRQ
	mov	sp, r1
	cps	#PSR_MODE_SVC
	ldr	sp, [r0]			/* stack_top */
	b	arm_smp_c_entry

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
