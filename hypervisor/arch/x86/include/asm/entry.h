/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the assembly parts (entry.S, exception.S) export to C and which C
 * functions they call.
 */
#ifndef _JAILHOUSE_ASM_ENTRY_H
#define _JAILHOUSE_ASM_ENTRY_H

#include <jailhouse/utils.h>
#include <asm/regs.h>

struct per_cpu;

/* exception.S: 32 stubs of EXCEPTION_STUB_SIZE bytes, vector order */
#define EXCEPTION_STUB_SIZE	16
extern const u8 exception_stubs[];

/* The stack exception.S builds before calling x86_exception_handler(). */
struct exception_frame {
	union registers regs;
	unsigned long vector;
	unsigned long error;
	unsigned long rip;
	unsigned long cs;
	unsigned long rflags;
	unsigned long rsp;
	unsigned long ss;
};

void x86_exception_handler(struct exception_frame *frame);

/* entry.S: host RIP of every VM exit */
extern const u8 vmx_vmexit[];

/* entry.S: 1 = a VM exit happened, 0 = VMLAUNCH failed */
int vmx_probe_entry(void);

/* entry.S: VMRESUME with these registers; returns only on failure */
void vmx_resume_guest(const union registers *regs);

/* setup.c, called by arch_entry (entry.S) */
void __noreturn x86_entry(unsigned int cpu_id, unsigned long linux_cr3,
			  unsigned long linux_rsp, unsigned long linux_return,
			  struct per_cpu *cpu_data);

#endif /* !_JAILHOUSE_ASM_ENTRY_H */
