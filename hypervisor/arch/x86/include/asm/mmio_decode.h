/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Decoding the guest instruction behind a trapped memory access, and the
 * guest page walk needed to fetch it.
 */
#ifndef _JAILHOUSE_ASM_MMIO_DECODE_H
#define _JAILHOUSE_ASM_MMIO_DECODE_H

#include <jailhouse/utils.h>
#include <asm/regs.h>

struct mmio_instruction {
	unsigned int length;		/* bytes, prefixes included */
	unsigned int access_size;	/* bytes of memory accessed */
	bool is_write;
	unsigned long value;		/* data of a write */
	/* destination of a read */
	unsigned int reg;
	unsigned int reg_size;		/* bytes written to the register */
	bool high_byte;			/* AH, CH, DH or BH */
};

/*
 * Decodes the instruction at the guest's RIP. Returns NULL on success,
 * otherwise why it could not be decoded (for the fault report).
 * @is_write is what the hardware reported; a mismatch is an error.
 */
const char *mmio_decode(union registers *regs, bool is_write,
			struct mmio_instruction *insn);

/* Puts the value of a read into the destination register. */
void mmio_complete_read(union registers *regs,
			const struct mmio_instruction *insn,
			unsigned long value);

/*
 * Copies guest memory at a guest-virtual address (current paging mode of
 * the guest) into buf; false if some part is not mapped.
 */
bool guest_read_virtual(unsigned long linear, void *buf, unsigned int len);

#endif /* !_JAILHOUSE_ASM_MMIO_DECODE_H */
