/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Link layout of the firmware image, shared by all architectures (the
 * link address and the architecture come from <asm/layout.h>).
 *
 *   JAILHOUSE_BASE  .header         struct jailhouse_header
 *                   .text           code; .text.entry first (page aligned)
 *                   .rodata, tables (units, UART drivers), .data
 *   __image_end     (end of the .bin file)
 *                   .bss
 *   __core_end      per-CPU areas follow (header.h)
 */
#include <asm/layout.h>

#define PAGE_SIZE	4096

ENTRY(arch_entry)

SECTIONS
{
	. = JAILHOUSE_BASE;
	__hv_start = .;
	hypervisor_header = .;

	.header : { KEEP(*(.header)) }

	. = ALIGN(PAGE_SIZE);
	__text_start = .;
	.text : {
		KEEP(*(.text.entry))
		*(.text .text.*)
	}
	. = ALIGN(PAGE_SIZE);
	__text_end = .;

	.rodata : { *(.rodata .rodata.*) }

	.units : ALIGN(8) {
		__units_start = .;
		KEEP(*(.units))
		__units_end = .;
	}

	.uart_drivers : ALIGN(8) {
		__uart_drivers_start = .;
		KEEP(*(.uart_drivers))
		__uart_drivers_end = .;
	}

	.data : { *(.data .data.*) }

	. = ALIGN(PAGE_SIZE);
	__image_end = .;

	.bss (NOLOAD) : {
		*(.bss .bss.*)
		*(COMMON)
	}

	. = ALIGN(PAGE_SIZE);
	__core_end = .;
	__percpu_start = .;

	__core_size = ABSOLUTE(__core_end - __hv_start);
	__entry_offset = ABSOLUTE(arch_entry - __hv_start);

	/DISCARD/ : {
		*(.note .note.*)
		*(.comment)
		*(.eh_frame .eh_frame_hdr)
		*(.ARM.exidx* .ARM.extab*)
		*(.ARM.attributes)
		*(.interp .dynamic .dynsym .dynstr .hash .gnu.hash)
	}
}
