/* SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause) */
/*
 * x86 inmate start. The cell's boot CPU arrives at image offset 0 in real
 * mode (CS base 0, IP 0, caches disabled, no paging); application
 * processors started by smp_start_cpu() arrive at offset 0x2000 (SIPI
 * vector 2). Both switch to protected mode with the library's GDT, enable
 * PAE paging with an identity map of the low 4 GiB (2 MiB pages, the upper
 * 2 GiB uncached for devices) and enter 64-bit mode.
 */
#define X86_CR0_PE	0x00000001
#define X86_CR0_NW	0x20000000
#define X86_CR0_CD	0x40000000
#define X86_CR0_PG	0x80000000
#define X86_CR4_PAE	0x00000020
#define MSR_EFER	0xc0000080
#define EFER_LME	0x00000100

#define PAGE_PRESENT	0x001
#define PAGE_RW		0x002
#define PAGE_PWT	0x008
#define PAGE_PCD	0x010
#define PAGE_HUGE	0x080
#define PAGE_TABLE	(PAGE_PRESENT | PAGE_RW)

#define CS32		0x08
#define CS64		0x10
#define DS32		0x18

/* 2048 large pages of 2 MiB = 4 GiB; from 2 GiB on uncached (devices) */
#define PD_ENTRIES	2048
#define PD_UNCACHED	1024

/* real mode -> 32-bit protected mode with our GDT, continuing at target */
.macro enter_protected_mode target
	cli
	xor	%ax, %ax
	mov	%ax, %ds
	lgdtl	gdt_descriptor
	mov	%cr0, %eax
	or	$X86_CR0_PE, %eax
	mov	%eax, %cr0
	ljmpl	$CS32, $\target
.endm

	.section .boot, "ax"
	.code16
	.global __reset_entry
__reset_entry:
	enter_protected_mode boot_cpu_start32

	.balign	8
gdt:
	.quad	0
	.quad	0x00cf9b000000ffff	/* CS32: 4 GiB code, 32 bit */
	.quad	0x00af9b000000ffff	/* CS64: long mode code */
	.quad	0x00cf93000000ffff	/* DS32: 4 GiB data */
gdt_end:

	.global gdt_descriptor
gdt_descriptor:
	.word	gdt_end - gdt - 1
	.quad	gdt

/* no stack yet: a macro, not a function */
.macro load_data_segments
	mov	$DS32, %eax
	mov	%eax, %ds
	mov	%eax, %es
	mov	%eax, %ss
	mov	%eax, %fs
	mov	%eax, %gs
.endm

	.code32
boot_cpu_start32:
	load_data_segments
	mov	$stack_top, %esp

	/* the loader copies only the file: clear .bss ourselves */
	mov	$__bss_start, %edi
	mov	$__bss_end, %ecx
	sub	%edi, %ecx
	shr	$2, %ecx
	xor	%eax, %eax
	cld
	rep stosl

	call	build_identity_map
	xor	%ebx, %ebx		/* boot CPU */
	jmp	enter_long_mode

build_identity_map:
	mov	$pdpt, %eax
	or	$PAGE_TABLE, %eax
	mov	%eax, pml4

	/* four page directories, one per GiB */
	xor	%ecx, %ecx
1:	mov	%ecx, %eax
	shl	$12, %eax
	add	$page_dirs, %eax
	or	$PAGE_TABLE, %eax
	mov	%eax, pdpt(, %ecx, 8)
	inc	%ecx
	cmp	$4, %ecx
	jb	1b

	xor	%ecx, %ecx
2:	mov	%ecx, %eax
	shl	$21, %eax
	or	$(PAGE_TABLE | PAGE_HUGE), %eax
	cmp	$PD_UNCACHED, %ecx
	jb	3f
	or	$(PAGE_PCD | PAGE_PWT), %eax
3:	mov	%eax, page_dirs(, %ecx, 8)
	inc	%ecx
	cmp	$PD_ENTRIES, %ecx
	jb	2b
	ret

/* %ebx: 0 on the boot CPU, 1 on application processors */
enter_long_mode:
	mov	%cr4, %eax
	or	$X86_CR4_PAE, %eax
	mov	%eax, %cr4
	mov	$pml4, %eax
	mov	%eax, %cr3

	mov	$MSR_EFER, %ecx
	rdmsr
	or	$EFER_LME, %eax
	wrmsr

	/* caches on (reset state has CD and NW set), paging on */
	mov	%cr0, %eax
	and	$~(X86_CR0_CD | X86_CR0_NW), %eax
	or	$(X86_CR0_PG | X86_CR0_PE), %eax
	mov	%eax, %cr0
	ljmpl	$CS64, $start64

	.code64
start64:
	test	%ebx, %ebx
	jnz	1f
	mov	$stack_top, %rsp
	jmp	c_entry

1:	mov	smp_ap_stack(%rip), %rsp
	jmp	smp_ap_entry

/* Application processors: SIPI vector 2, CS base 0x2000, IP 0 */
	.section .ap_boot, "ax"
	.code16
	.global smp_ap_reset_entry
smp_ap_reset_entry:
	enter_protected_mode ap_start32

	.code32
ap_start32:
	load_data_segments
	mov	$1, %ebx
	jmp	enter_long_mode

/*
 * Interrupt and exception entry: one 16-byte stub per vector pushes a
 * zero error code where the CPU pushes none, then the vector number.
 */
	.text
	.code64
	.balign	16
	.global int_stubs
int_stubs:
	vector = 0
	.rept	256
	.balign	16
	.if vector == 8 || (vector >= 10 && vector <= 14) || vector == 17 || vector == 21 || vector == 29 || vector == 30
	.else
	pushq	$0
	.endif
	pushq	$vector
	jmp	int_common
	vector = vector + 1
	.endr

/* saves the registers C may clobber; struct int_frame in int.c */
int_common:
	push	%rax
	push	%rcx
	push	%rdx
	push	%rsi
	push	%rdi
	push	%r8
	push	%r9
	push	%r10
	push	%r11
	mov	%rsp, %rdi
	cld
	call	x86_int_dispatch
	pop	%r11
	pop	%r10
	pop	%r9
	pop	%r8
	pop	%rdi
	pop	%rsi
	pop	%rdx
	pop	%rcx
	pop	%rax
	add	$16, %rsp		/* vector, error code */
	iretq

	.bss
	.balign	4096
pml4:
	.fill	512, 8, 0
pdpt:
	.fill	512, 8, 0
	.global	page_dirs
page_dirs:
	.fill	PD_ENTRIES, 8, 0
