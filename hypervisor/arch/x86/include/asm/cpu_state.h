/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The state a CPU runs Linux with, in one structure: what the guest starts
 * from on enable, and what is loaded back natively when VMX is left
 * (enable failure or disable).
 */
#ifndef _JAILHOUSE_ASM_CPU_STATE_H
#define _JAILHOUSE_ASM_CPU_STATE_H

#include <asm/processor.h>
#include <asm/vmx.h>

struct jailhouse_x86_linux_cpu;

/* Indexed by enum vmx_segment (ES, CS, SS, DS, FS, GS, LDTR, TR). */
#define NUM_SEGMENTS	8

struct native_state {
	struct segment seg[NUM_SEGMENTS];
	struct desc_table_reg gdtr;
	struct desc_table_reg idtr;
	unsigned long rflags;
	unsigned long cr0;
	unsigned long cr3;
	unsigned long cr4;
	u64 efer;
	u64 pat;
	u64 sysenter_cs;
	u64 sysenter_esp;
	u64 sysenter_eip;
	u64 debugctl;
	u64 dr7;
};

int native_state_from_linux(struct native_state *state,
			    const struct jailhouse_x86_linux_cpu *linux_cpu,
			    unsigned long cr3);

/* Whether native_state_load() can restore @state; run before leaving VMX. */
int native_state_check(const struct native_state *state);

/*
 * Loads everything in @state into the CPU except CR3, RSP, RIP and RFLAGS.
 * VMX must be off. Runs on the hypervisor's page tables; Linux's GDT and
 * IDT are only referenced, never touched.
 */
void native_state_load(const struct native_state *state);

#endif /* !_JAILHOUSE_ASM_CPU_STATE_H */
