/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Guest general-purpose registers as the VM-exit path saves them, and the
 * frame used to jump to Linux natively when VMX is left.
 */
#ifndef _JAILHOUSE_ASM_REGS_H
#define _JAILHOUSE_ASM_REGS_H

/* Register numbers as instruction encodings and exit qualifications use. */
#define REG_RAX		0
#define REG_RCX		1
#define REG_RDX		2
#define REG_RBX		3
#define REG_RSP		4
#define REG_RBP		5
#define REG_RSI		6
#define REG_RDI		7
#define NUM_GPRS	16

/* struct native_jump layout, used by entry.S */
#define NATIVE_JUMP_RIP		(NUM_GPRS * 8)
#define NATIVE_JUMP_RSP		(NUM_GPRS * 8 + 8)
#define NATIVE_JUMP_RFLAGS	(NUM_GPRS * 8 + 16)
#define NATIVE_JUMP_GDTR	(NUM_GPRS * 8 + 24)
#define NATIVE_JUMP_IDTR	(NUM_GPRS * 8 + 34)

#ifndef __ASSEMBLY__

#include <jailhouse/types.h>
#include <asm/processor.h>

/*
 * Saved by the exit path in this order; the RSP slot is not filled (the
 * guest RSP lives in the VMCS).
 */
union registers {
	struct {
		unsigned long rax, rcx, rdx, rbx, rsp_unused, rbp, rsi, rdi;
		unsigned long r8, r9, r10, r11, r12, r13, r14, r15;
	};
	unsigned long by_index[NUM_GPRS];
};

/*
 * Everything the last instructions before native Linux code need: all
 * general registers except RCX (and the unused RSP slot), the target,
 * and the descriptor tables that can only be loaded at the very end.
 */
struct native_jump {
	union registers regs;
	unsigned long rip;
	unsigned long rsp;
	unsigned long rflags;
	struct desc_table_reg gdtr;
	struct desc_table_reg idtr;
} __attribute__((packed));

_Static_assert(sizeof(union registers) == NUM_GPRS * 8, "registers");
_Static_assert(__builtin_offsetof(struct native_jump, rip) ==
	       NATIVE_JUMP_RIP, "native_jump");
_Static_assert(__builtin_offsetof(struct native_jump, rflags) ==
	       NATIVE_JUMP_RFLAGS, "native_jump");
_Static_assert(__builtin_offsetof(struct native_jump, gdtr) ==
	       NATIVE_JUMP_GDTR, "native_jump");
_Static_assert(__builtin_offsetof(struct native_jump, idtr) ==
	       NATIVE_JUMP_IDTR, "native_jump");

/* Ends in Linux code; see entry.S. */
void __attribute__((noreturn)) native_jump(const struct native_jump *frame);

/* Enters the guest with the given registers; returns only on failure. */
void vmx_launch(const union registers *regs);

#endif /* !__ASSEMBLY__ */

#endif /* !_JAILHOUSE_ASM_REGS_H */
