/* SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause) */
/*
 * Boot sector for the bare-metal x86 smoke runs in Bochs: loads a fake
 * comm region (disk sector 1) and an inmate image (sectors 2..) and starts
 * the image the way a cell starts: real mode, CS:IP = 0:0, comm region at
 * 0x100000, legacy PICs masked (cells have none).
 *
 * Build: assembled as 16-bit code linked at 0 and run at 0x9000:0 after
 * moving itself out of the way of the image (which overwrites 0x7c00).
 */
#define LOAD_SEGMENT	0x1000		/* disk data lands at 0x10000 */
#define SHIM_SEGMENT	0x9000
#define SECTORS		121		/* comm region + 60 KiB of image */
#define IMAGE_WORDS	((SECTORS - 1) * 256)

	.code16
	.text
	.global _start
_start:
	cli
	xor	%ax, %ax
	mov	%ax, %ds
	mov	$0x7c00, %si
	mov	$SHIM_SEGMENT, %ax
	mov	%ax, %es
	xor	%di, %di
	mov	$256, %cx
	cld
	rep movsw
	ljmp	$SHIM_SEGMENT, $relocated

relocated:
	mov	%cs, %ax
	mov	%ax, %ds
	mov	%ax, %ss
	mov	$0x8000, %sp
	sti

	/* DL still holds the BIOS boot drive */
	mov	$disk_address_packet, %si
	mov	$0x42, %ah
	int	$0x13
	jc	failed

	cli
	mov	$0xff, %al
	out	%al, $0x21
	out	%al, $0xa1

	/* A20 on, so that 0xffff:0x10 reaches 0x100000 */
	in	$0x92, %al
	or	$0x02, %al
	and	$0xfe, %al
	out	%al, $0x92

	mov	$LOAD_SEGMENT, %ax
	mov	%ax, %ds
	xor	%si, %si
	mov	$0xffff, %ax
	mov	%ax, %es
	mov	$0x10, %di
	mov	$256, %cx
	rep movsw

	mov	$0x200, %si
	xor	%ax, %ax
	mov	%ax, %es
	xor	%di, %di
	mov	$IMAGE_WORDS, %cx
	rep movsw

	xor	%ax, %ax
	mov	%ax, %ds
	mov	%ax, %ss
	xor	%sp, %sp
	ljmp	$0, $0

failed:
	hlt
	jmp	failed

	.balign	4
disk_address_packet:
	.byte	0x10, 0
	.word	SECTORS
	.word	0, LOAD_SEGMENT
	.quad	1

	.org	510
	.word	0xaa55
