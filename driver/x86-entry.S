/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The x86 trampoline page: the only driver code the firmware ever runs
 * on (entry return and DISABLE). It is one page of module text, mapped at
 * its Linux address both in the entry page tables and, by the firmware, in
 * the hypervisor's own page tables. Register protocol: design.md, "x86
 * entry: register-level protocol" and "x86 disable: leaving VMX".
 */
#include <linux/linkage.h>
#include <asm/nospec-branch.h>
#include <asm/page_types.h>
#include <asm/unwind_hints.h>

	.text
	.balign PAGE_SIZE
SYM_INNER_LABEL(jh_x86_trampoline_start, SYM_L_GLOBAL)

/*
 * long jh_x86_enter_firmware(unsigned long cpu, unsigned long entry_cr3,
 *			      unsigned long entry);
 *
 * Interrupts are off. Never touches the stack between the CR3 switch and
 * the return label: the Linux stack is not mapped in the entry tables.
 */
SYM_CODE_START(jh_x86_enter_firmware)
	UNWIND_HINT_EMPTY
	push	%rbx
	push	%rbp
	push	%r12
	push	%r13
	push	%r14
	push	%r15

	mov	%rdx, %rax		/* firmware entry */
	mov	%rsi, %r8		/* entry page tables */
	/* RDI: CPU number, already in place */
	mov	%cr3, %rsi		/* RSI: Linux CR3 */
	mov	%rsp, %rdx		/* RDX: Linux RSP */
	lea	jh_x86_entry_return(%rip), %rcx	/* RCX: return label */

	mov	%r8, %cr3
	ANNOTATE_RETPOLINE_SAFE
	jmp	*%rax
SYM_CODE_END(jh_x86_enter_firmware)

/* RAX = result, RSI = Linux CR3, RDX = Linux RSP (as passed above) */
SYM_CODE_START(jh_x86_entry_return)
	UNWIND_HINT_EMPTY
	mov	%rsi, %cr3
	mov	%rdx, %rsp
	pop	%r15
	pop	%r14
	pop	%r13
	pop	%r12
	pop	%rbp
	pop	%rbx
	RET
SYM_CODE_END(jh_x86_entry_return)

/*
 * long jh_x86_disable(void);
 *
 * DISABLE hypercall. On success the firmware resumes here natively after
 * the vmcall, still on its own page tables (which map this page) with
 * RDX intact, so reload Linux's CR3 before touching the stack.
 */
SYM_CODE_START(jh_x86_disable)
	UNWIND_HINT_EMPTY
	mov	%cr3, %rdx
	mov	$0, %eax		/* JAILHOUSE_HC_DISABLE */
	vmcall
	mov	%rdx, %cr3
	movslq	%eax, %rax
	RET
SYM_CODE_END(jh_x86_disable)

/* x86.c checks that all of the above fits into one page */
SYM_INNER_LABEL(jh_x86_trampoline_end, SYM_L_GLOBAL)
