/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The hypervisor's ways in and out on x86-64:
 *  - arch_entry: reached from the driver's trampoline on every CPU
 *    (register protocol: Documentation/design.md, "x86 entry");
 *  - vmx_vmexit: host RIP of every VMCS, saves the guest registers and
 *    hands them to the C exit handler;
 *  - vmx_probe_entry / vmx_resume_guest: entering the guest;
 *  - native_jump: the last instructions before Linux runs natively again.
 */
#include <jailhouse/errno.h>
#include <asm/percpu.h>
#include <asm/regs.h>

/* offsets in struct jailhouse_header (asserted in header.h) */
#define HEADER_PERCPU_SIZE	32
#define HEADER_MAX_CPUS		56

/* VMCS field encodings (asm/vmx.h holds them as C enums) */
#define VMCS_HOST_RSP		0x6c14
#define VMCS_HOST_RIP		0x6c16

	.text

/*
 * In: RDI = Linux CPU number, RSI = Linux CR3, RDX = Linux RSP,
 * RCX = return label; IF = 0; CR3 = entry page tables; no usable stack.
 */
	.globl arch_entry
arch_entry:
	cli
	cld
	mov	hypervisor_header + HEADER_MAX_CPUS(%rip), %eax
	cmp	%rax, %rdi
	jae	1f

	/*
	 * R8 = this CPU's per-CPU area; its stack comes first, so the stack
	 * top is the start of the area plus the stack size.
	 */
	mov	hypervisor_header + HEADER_PERCPU_SIZE(%rip), %rax
	imul	%rdi, %rax
	lea	__percpu_start(%rip), %r8
	add	%rax, %r8
	lea	PERCPU_STACK_SIZE(%r8), %rsp

	/* x86_entry(cpu, linux_cr3, linux_rsp, return_label, per_cpu) */
	call	x86_entry
	/* not reached: x86_entry leaves as a guest or through native_jump */
	ud2

1:	/* unusable CPU number: nothing was touched, report and go back */
	mov	$-EINVAL, %rax
	jmp	*%rcx

/*
 * VM exit: RSP = top of this CPU's stack (HOST_RSP), IF = 0. The guest
 * registers are pushed in union registers order (RAX at the lowest
 * address), the RSP slot stays unused.
 */
	.globl vmx_vmexit
vmx_vmexit:
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
	call	vmx_handle_exit

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

	vmresume

	/* only reached if the entry failed; the stack is the exit frame */
	mov	%rsp, %rdi
	call	vmx_entry_failure
	ud2

/*
 * int vmx_probe_entry(void)
 * VMLAUNCH with host RSP/RIP pointing back here, so that the exit that
 * follows (preemption timer of zero) continues this function: returns 1.
 * Returns 0 if VMLAUNCH itself fails.
 */
	.globl vmx_probe_entry
vmx_probe_entry:
	push	%rbx
	push	%rbp
	push	%r12
	push	%r13
	push	%r14
	push	%r15

	mov	$VMCS_HOST_RSP, %rax
	vmwrite	%rsp, %rax
	mov	$VMCS_HOST_RIP, %rax
	lea	1f(%rip), %rdx
	vmwrite	%rdx, %rax

	vmlaunch
	xor	%eax, %eax
	jmp	2f
1:	mov	$1, %eax
2:	pop	%r15
	pop	%r14
	pop	%r13
	pop	%r12
	pop	%rbp
	pop	%rbx
	ret

/*
 * void vmx_resume_guest(const union registers *regs)
 * VMRESUME with the given guest registers. Returns only if VMRESUME
 * fails (the caller's callee-saved registers are kept for that case); on
 * success the stack below HOST_RSP is simply abandoned.
 */
	.globl vmx_resume_guest
vmx_resume_guest:
	push	%rbx
	push	%rbp
	push	%r12
	push	%r13
	push	%r14
	push	%r15

	mov	REG_RAX*8(%rdi), %rax
	mov	REG_RCX*8(%rdi), %rcx
	mov	REG_RDX*8(%rdi), %rdx
	mov	REG_RBX*8(%rdi), %rbx
	mov	REG_RBP*8(%rdi), %rbp
	mov	REG_RSI*8(%rdi), %rsi
	mov	8*8(%rdi), %r8
	mov	9*8(%rdi), %r9
	mov	10*8(%rdi), %r10
	mov	11*8(%rdi), %r11
	mov	12*8(%rdi), %r12
	mov	13*8(%rdi), %r13
	mov	14*8(%rdi), %r14
	mov	15*8(%rdi), %r15
	mov	REG_RDI*8(%rdi), %rdi

	vmresume

	pop	%r15
	pop	%r14
	pop	%r13
	pop	%r12
	pop	%rbp
	pop	%rbx
	ret

/*
 * void native_jump(const struct native_jump *frame)
 * VMX is off and every other register is already Linux's. Loads the
 * descriptor tables (only referenced from now on), RFLAGS, the general
 * registers except RCX, RSP and jumps. The target lies in the
 * trampoline pages, mapped identically here and in Linux, and loads
 * Linux's CR3 itself.
 */
	.globl native_jump
native_jump:
	mov	%rdi, %rcx
	lgdt	NATIVE_JUMP_GDTR(%rcx)
	lidt	NATIVE_JUMP_IDTR(%rcx)
	pushq	NATIVE_JUMP_RFLAGS(%rcx)
	popfq
	mov	REG_RAX*8(%rcx), %rax
	mov	REG_RDX*8(%rcx), %rdx
	mov	REG_RBX*8(%rcx), %rbx
	mov	REG_RBP*8(%rcx), %rbp
	mov	REG_RSI*8(%rcx), %rsi
	mov	REG_RDI*8(%rcx), %rdi
	mov	8*8(%rcx), %r8
	mov	9*8(%rcx), %r9
	mov	10*8(%rcx), %r10
	mov	11*8(%rcx), %r11
	mov	12*8(%rcx), %r12
	mov	13*8(%rcx), %r13
	mov	14*8(%rcx), %r14
	mov	15*8(%rcx), %r15
	mov	NATIVE_JUMP_RSP(%rcx), %rsp
	jmp	*NATIVE_JUMP_RIP(%rcx)
