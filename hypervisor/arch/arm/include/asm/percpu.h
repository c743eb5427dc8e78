/* SPDX-License-Identifier: GPL-2.0 */
/* ARM part of the per-CPU data. */
#ifndef _ASM_PERCPU_H
#define _ASM_PERCPU_H

#include <jailhouse/utils.h>
#include <asm/layout.h>
#include <asm/spinlock.h>
#include <asm/sysregs.h>

#define GIC_MAX_LIST_REGS	64
#define GIC_PENDING_QUEUE	32

struct per_cpu;

/* Interrupts waiting for a free list register. */
struct gic_pending {
	u16 irq[GIC_PENDING_QUEUE];
	u8 source[GIC_PENDING_QUEUE];	/* SGI sender (CPU interface) */
	unsigned int head, count;
};

/* PSCI power state of the guest CPU */
enum psci_state {
	PSCI_CPU_IS_ON = 0,
	PSCI_CPU_IS_OFF = 1,
	PSCI_CPU_IS_ON_PENDING = 2,
};

struct per_cpu_arch {
	/*
	 * Boot page tables, built with the MMU off by arch_entry: level 1,
	 * level 2 for the link address, level 2 for the identity block.
	 */
	u64 boot_pt[3][512] __aligned(4096);

	/* HYP state found at entry, restored when leaving */
	u32 stub_hvbar, stub_hsctlr, stub_hcr, stub_vtcr, stub_hstr;
	u64 stub_vttbr;

	u32 mpidr;

	/* GICv2 */
	u8 gic_cpu_if;		/* this CPU's interface bit (ITARGETSR) */
	u32 phys_gicc_ctlr, phys_gicc_pmr, phys_gicc_bpr, phys_gicc_abpr;
	struct gic_pending pending;
	spinlock_t pending_lock;	/* protects pending */

	/* PSCI */
	volatile enum psci_state psci_state;
	volatile u32 psci_entry;
	volatile u32 psci_context;
	volatile bool kick_pending;

	/* cell lifecycle (control.c) */
	volatile bool suspend_hold;	/* set by the management CPU */
	volatile bool suspended;	/* set by this CPU while it waits */
	unsigned long requests;		/* ARM_REQ_*, atomic */

	/* root-cell CPU: WFI trapping paused until the next exit (traps.c) */
	bool wfi_trap_paused;
};

static inline struct per_cpu *arch_this_cpu_data(void)
{
	struct per_cpu *cpu_data;

	arm_read_sysreg(HTPIDR, cpu_data);
	return cpu_data;
}

#endif /* !_ASM_PERCPU_H */
