/* SPDX-License-Identifier: GPL-2.0 */
/*
 * x86 part of the per-CPU data (struct per_cpu_arch) and the per-CPU
 * accessor. The hardware structures that need page alignment come first;
 * struct per_cpu places this part page aligned, right after the stack.
 */
#ifndef _JAILHOUSE_ASM_PERCPU_H
#define _JAILHOUSE_ASM_PERCPU_H

#define X86_PAGE_SIZE		4096

#define PERCPU_STACK_SIZE	(4 * X86_PAGE_SIZE)

/* Host GDT: null, 64-bit code, data, 16-byte TSS */
#define HOST_CS			0x08
#define HOST_DS			0x10
#define HOST_TR			0x18
#define HOST_GDT_ENTRIES	5

/* guest memory window pages per CPU (see paging.c) */
#define GUEST_WINDOW_PAGES	8

/* IST slot used for NMI, #DF and #MC in host mode */
#define HOST_IST_EVENTS		1

#ifndef __ASSEMBLY__

#include <jailhouse/types.h>
#include <asm/cpu_state.h>
#include <asm/jailhouse_header.h>
#include <asm/regs.h>

struct x86_tss {
	u32 reserved0;
	u64 rsp[3];
	u64 reserved1;
	u64 ist[7];
	u64 reserved2;
	u16 reserved3;
	u16 iomap_base;
} __attribute__((packed));

struct per_cpu;
struct cell;

struct per_cpu_arch {
	u8 vmxon_region[X86_PAGE_SIZE] __attribute__((aligned(X86_PAGE_SIZE)));
	u8 vmcs[X86_PAGE_SIZE] __attribute__((aligned(X86_PAGE_SIZE)));
	/* stack for NMI, #DF and #MC in host mode (IST) */
	u8 event_stack[X86_PAGE_SIZE]
		__attribute__((aligned(X86_PAGE_SIZE)));

	/* the host GS base points here, so %gs:0 is this CPU's per_cpu */
	struct per_cpu *self;

	u64 host_gdt[HOST_GDT_ENTRIES];
	struct x86_tss tss;
	/* descriptors rebuilt for a native state load, see cpu_state.c */
	u64 private_gdt[JAILHOUSE_X86_GDT_COPY_ENTRIES];

	/* Linux as it entered: what a failed enable goes back to */
	struct native_state linux_state;
	unsigned long linux_return;	/* the trampoline's return label */
	unsigned long linux_rsp;

	/*
	 * Where Linux continues after DISABLE, taken from the VMCS before
	 * VMX is switched off (arch_cpu_exit), used by arch_cpu_restore.
	 */
	bool leave_after_vmcall;
	struct native_state leave_state;
	union registers leave_regs;
	unsigned long leave_rip;
	unsigned long leave_rsp;

	struct native_jump jump;

	/* guest registers of the exit being handled */
	union registers *regs;
	/* guest registers of the first entry */
	union registers launch_regs;

	/* VMX */
	bool vmx_on;
	bool vmcs_loaded;
	bool guest_active;	/* launched; leaving means VMCS state */
	/* the cell whose EPT and bitmaps the VMCS holds */
	struct cell *loaded_cell;

	/* page-table entries behind this CPU's guest memory window */
	u64 *window_pte[GUEST_WINDOW_PAGES];
	unsigned long hv_tlb_generation;

	/* local APIC, in x2APIC mode (per CPU: cells may switch) */
	bool x2apic;
	u32 apic_id;
	u32 apic_ldr;		/* logical destination register */
	u32 apic_dfr;		/* xAPIC destination format */
	u32 xapic_icr_high;	/* the guest's ICR destination in xAPIC mode */

	/* PCI configuration address latch (port 0xcf8) of this CPU's guest */
	u32 pci_address;

	/* an NMI of the guest still has to be injected */
	volatile bool nmi_pending;
	/* NMIs other CPUs sent as kicks and not yet seen */
	unsigned int kicks;
	/* pending requests from other CPUs, see control.c */
	volatile unsigned long requests;
	/* suspension by another CPU: requested / in effect */
	bool suspend_hold;
	bool suspended;
	volatile u32 sipi_vector;
	/* waiting for SIPI (parked or INIT received): kick with SIPI */
	volatile bool wait_for_sipi;
};

static inline struct per_cpu *arch_this_cpu_data(void)
{
	struct per_cpu *cpu;

	asm volatile("mov %%gs:0,%0" : "=r" (cpu));
	return cpu;
}

#endif /* !__ASSEMBLY__ */

#endif /* !_JAILHOUSE_ASM_PERCPU_H */
