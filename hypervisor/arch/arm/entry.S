/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Entry into HYP mode from the kernel's hyp stub, trap vectors, and the
 * way back.
 *
 * The driver issues "hvc #0" with r0 = 1 (HVC_SOFT_RESTART), r1 = physical
 * address of arch_entry and r2 = Linux CPU number, on every online CPU.
 * The stub branches here in HYP mode with the HYP MMU off; ELR_hyp and
 * SPSR_hyp still describe the caller, so "eret" returns to it. Like a
 * function call, r0-r3 and r12 are clobbered (r0 = result), r4-r11 and
 * the shared User/System LR are preserved.
 *
 * Code in .text.entry is also mapped at its physical address (identity),
 * because switching the MMU on or off must happen there.
 */
#include <asm/layout.h>
#include <asm/sysregs.h>

/* offsets in struct jailhouse_header and struct jailhouse_system */
#define HDR_CORE_SIZE		24
#define HDR_PERCPU_SIZE		32
#define HDR_CONSOLE_OFFSET	48
#define HDR_CONFIG_OFFSET	64
#define HDR_INIT_ERROR		136
#define CFG_HV_MEM_SIZE		28

/* boot mapping: 2 MiB blocks, normal write-back, inner shareable, RWX */
#define BOOT_BLOCK_ATTRS	0x741
#define BOOT_PT_SIZE		(3 * 4096)

#define EINVAL			22

	.arch armv7-a
	.arch_extension virt
	.arm
	.syntax unified

	.section .text.entry, "ax"
	.balign 4096

	.global arch_entry
arch_entry:
	/* r0 := physical address of the image (the header) */
	adr	r0, arch_entry
	ldr	r1, =(arch_entry - JAILHOUSE_BASE)
	sub	r0, r0, r1

	/* per-CPU area: image + core_size + cpu * percpu_size */
	ldr	r1, [r0, #HDR_PERCPU_SIZE]
	ldr	r3, [r0, #HDR_CORE_SIZE]
	mla	r1, r1, r2, r3
	add	r1, r1, r0

	/* the caller's registers form the first trap frame */
	add	sp, r1, #PERCPU_STACK_SIZE
	push	{r0-r12, lr}

	mov	r4, r0				/* image, physical */
	mov	r5, r1				/* per-CPU area, physical */
	mov	r6, r2				/* CPU number */
	mrc	p15, 4, r7, c1, c0, 0		/* HSCTLR of the stub */

	/* hypervisor memory: 2 MiB aligned, below HV_PHYS_LIMIT */
	ldr	r0, [r4, #HDR_CONFIG_OFFSET]
	add	r0, r0, r4
	ldr	r8, [r0, #CFG_HV_MEM_SIZE]
	ldr	r1, =(HV_BLOCK_SIZE - 1)
	tst	r4, r1
	bne	boot_error
	tst	r8, r1
	bne	boot_error
	cmp	r8, #0
	beq	boot_error
	cmp	r8, #(0x100000000 - JAILHOUSE_BASE)
	bhi	boot_error
	ldr	r1, =HV_PHYS_LIMIT
	add	r0, r4, r8
	cmp	r0, r1
	bhi	boot_error

	/* boot page tables in the per-CPU area: L1, L2 (link), L2 (1:1) */
	add	r9, r5, #PERCPU_STACK_SIZE
	add	r10, r9, #4096
	add	r11, r9, #8192

	mov	r0, r9
	add	r1, r9, #BOOT_PT_SIZE
	mov	r2, #0
	mov	r3, #0
1:	strd	r2, r3, [r0], #8
	cmp	r0, r1
	blo	1b

	orr	r0, r10, #3			/* L1: link address -> L2 */
	str	r0, [r9, #((JAILHOUSE_BASE >> 30) * 8)]
	lsr	r1, r4, #30			/* L1: image's GiB -> L2 (1:1) */
	orr	r0, r11, #3
	str	r0, [r9, r1, lsl #3]
	ubfx	r1, r4, #21, #9			/* 1:1 block of the image */
	ldr	r0, =BOOT_BLOCK_ATTRS
	orr	r0, r0, r4
	str	r0, [r11, r1, lsl #3]

	ldr	r2, =(((JAILHOUSE_BASE >> 21) & 511) * 8)
	add	r2, r10, r2			/* hypervisor memory blocks */
	mov	r1, r4
	add	r3, r4, r8
2:	ldr	r0, =BOOT_BLOCK_ATTRS
	orr	r0, r0, r1
	str	r0, [r2], #8
	add	r1, r1, #HV_BLOCK_SIZE
	cmp	r1, r3
	blo	2b

	/* drop stale cache lines over what we wrote with the MMU off */
	mov	r0, r9
	add	r1, r9, #BOOT_PT_SIZE
	bl	dcache_invalidate_range
	mov	r0, sp
	add	r1, r5, #PERCPU_STACK_SIZE
	bl	dcache_invalidate_range

	ldr	r0, =HMAIR0_VALUE
	mcr	p15, 4, r0, c10, c2, 0		/* HMAIR0 */
	ldr	r0, =(TCR_RES1 | TCR_IRGN0_WBWA | TCR_ORGN0_WBWA | TCR_SH0_INNER)
	mcr	p15, 4, r0, c2, c0, 2		/* HTCR */
	mov	r1, #0
	mcrr	p15, 4, r9, r1, c2		/* HTTBR */
	isb
	mcr	p15, 4, r0, c8, c7, 0		/* TLBIALLH */
	dsb	sy
	isb
	ldr	r0, =(HSCTLR_RES1 | HSCTLR_M | HSCTLR_C | HSCTLR_I)
	mcr	p15, 4, r0, c1, c0, 0		/* HSCTLR: MMU on */
	isb
	ldr	pc, =entry_virtual

boot_error:
	/*
	 * MMU still off: nothing to undo. Explain in the console ring (the
	 * driver invalidates its cache lines after the entry).
	 */
	ldr	r0, [r4, #HDR_CONSOLE_OFFSET]
	add	r0, r0, r4
	add	r12, r0, #16			/* ring content */
	adr	r1, boot_error_msg
	mov	r2, #0
1:	ldrb	r3, [r1, r2]
	cmp	r3, #0
	strbne	r3, [r12, r2]
	addne	r2, r2, #1
	bne	1b
	str	r2, [r0, #4]			/* ring tail */
	mvn	r0, #(EINVAL - 1)
	str	r0, [r4, #HDR_INIT_ERROR]
	pop	{r0-r12, lr}
	mvn	r0, #(EINVAL - 1)
	eret

boot_error_msg:
	.asciz	"ERROR: on ARM, hypervisor_memory must be 2 MiB aligned in start and size, at most 256 MiB and below 0xc0000000\n"
	.balign	4

/* Invalidate data cache lines over [r0, r1) by address; clobbers r2, r3. */
dcache_invalidate_range:
	mrc	p15, 0, r3, c0, c0, 1		/* CTR */
	ubfx	r3, r3, #16, #4			/* DminLine: log2(words) */
	mov	r2, #4
	lsl	r2, r2, r3
	sub	r3, r2, #1
	bic	r0, r0, r3
1:	mcr	p15, 0, r0, c7, c6, 1		/* DCIMVAC */
	add	r0, r0, r2
	cmp	r0, r1
	blo	1b
	dsb	sy
	bx	lr

/*
 * arm_leave_hyp(frame_phys, hvbar, hsctlr, leave_phys): jump to the
 * identity-mapped copy of leave_identity, switch the MMU off, give HYP
 * mode back to the stub and return to the guest state in the frame. The
 * frame must have been cleaned to the point of coherency.
 */
	.global arm_leave_hyp
arm_leave_hyp:
	bx	r3

	.global arm_leave_identity
arm_leave_identity:
	mcr	p15, 4, r2, c1, c0, 0		/* HSCTLR: MMU off */
	isb
	mcr	p15, 4, r1, c12, c0, 0		/* HVBAR */
	mov	r1, #0
	mcr	p15, 4, r1, c8, c7, 0		/* TLBIALLH */
	dsb	sy
	isb
	mov	sp, r0
	pop	{r0-r12, lr}
	eret

	.ltorg

	.text

entry_virtual:
	ldr	r0, =JAILHOUSE_BASE
	sub	r0, r0, r4			/* virtual - physical */
	add	sp, sp, r0
	add	r5, r5, r0
	mcr	p15, 4, r5, c13, c0, 2		/* HTPIDR: per-CPU data */
	mov	r0, r6
	mov	r1, r5
	mov	r2, r7
	b	arm_entry_c

/* arm_activate(frame): continue the guest with the registers in frame. */
	.global arm_activate
arm_activate:
	mov	sp, r0
	pop	{r0-r12, lr}
	eret

	.balign 32
	.global hyp_vectors
hyp_vectors:
	b	.			/* reset: unused */
	b	hyp_undef
	b	hyp_svc
	b	hyp_pabt
	b	hyp_dabt
	b	guest_trap
	b	guest_irq
	b	guest_fiq

.macro hyp_fault kind
	push	{r0-r12, lr}
	mov	r0, sp
	mov	r1, #\kind
	b	arm_hyp_fault
.endm

hyp_undef:
	hyp_fault 1
hyp_svc:
	hyp_fault 2
hyp_pabt:
	hyp_fault 3
hyp_dabt:
	hyp_fault 4
guest_fiq:
	hyp_fault 7

guest_trap:
	push	{r0-r12, lr}
	mov	r0, sp
	bl	arm_handle_trap
	pop	{r0-r12, lr}
	eret

guest_irq:
	push	{r0-r12, lr}
	mov	r0, sp
	bl	arm_handle_irq
	pop	{r0-r12, lr}
	eret
