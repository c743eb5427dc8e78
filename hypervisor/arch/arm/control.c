// SPDX-License-Identifier: GPL-2.0
/*
 * CPU control for the cell lifecycle on ARM.
 *
 * A management CPU asks another CPU to suspend, reset or park by setting
 * a flag or request bit in the target's per-CPU data and sending it the
 * hypervisor's SGI (kick). The target looks at its requests whenever it
 * is in the hypervisor: after every physical interrupt taken from guest
 * mode, and in the loop where a powered-off or parked CPU waits.
 *
 * A CPU without guest code to run (PSCI CPU_OFF, parked by the core,
 * fault) sits in arm_cpu_off_loop(), on the top of its stack: starting
 * the guest from there discards the loop's frames (arm_activate).
 */
#include <jailhouse/arch.h>
#include <jailhouse/cell.h>
#include <jailhouse/errno.h>
#include <jailhouse/printk.h>
#include <asm/arm.h>
#include <asm/paging.h>
#include <asm/processor.h>
#include <asm/sysregs.h>

/* polls of the suspended flag, and how often the kick is repeated */
#define SUSPEND_TIMEOUT_SPINS	50000000UL
#define SUSPEND_REKICK_SPINS	1000000UL

#define ARM_REQ_RESET		(1UL << 0)
#define ARM_REQ_PARK		(1UL << 1)

int arch_cpu_suspend(unsigned int cpu)
{
	struct per_cpu_arch *target = &per_cpu(cpu)->arch;
	unsigned long spins;

	target->suspend_hold = true;
	for (spins = 0; spins < SUSPEND_TIMEOUT_SPINS; spins++) {
		memory_barrier();
		if (target->suspended)
			return 0;
		if (spins % SUSPEND_REKICK_SPINS == 0)
			gic_send_kick(cpu);
		cpu_relax();
	}
	target->suspend_hold = false;
	memory_barrier();
	printk("ERROR: CPU %u does not respond to the hypervisor\n", cpu);
	return -EBUSY;
}

void arch_cpu_resume(unsigned int cpu)
{
	memory_barrier();
	per_cpu(cpu)->arch.suspend_hold = false;
	arm_dsb();
	asm volatile("sev");
}

static void power_off(struct per_cpu *cpu_data)
{
	psci_set_off(cpu_data);
	cpu_data->stopped = true;
}

/*
 * The target is suspended: it is off from now on, so that a CPU_ON its
 * (new) cell sends right after the resume is not lost.
 */
static void add_request(unsigned int cpu, unsigned long request)
{
	power_off(per_cpu(cpu));
	__atomic_or_fetch(&per_cpu(cpu)->arch.requests, request,
			  __ATOMIC_SEQ_CST);
}

void arch_cpu_reset(unsigned int cpu)
{
	add_request(cpu, ARM_REQ_RESET);
}

void arch_cpu_park(unsigned int cpu)
{
	add_request(cpu, ARM_REQ_PARK);
}

/* The kick makes a running target take the request at once. */
void arch_cpu_request_park(unsigned int cpu)
{
	add_request(cpu, ARM_REQ_PARK);
	gic_send_kick(cpu);
}

void arch_cell_reset(struct cell *cell)
{
	unsigned int cpu;

	/* the cell starts with caches off and reads its comm region */
	if (cell->comm_page)
		arm_dcache_clean_range(cell->comm_page, PAGE_SIZE);
	for (cpu = first_cpu(cell->cpu_set); cpu < MAX_CPUS;
	     cpu = next_cpu(cpu, cell->cpu_set))
		arch_cpu_reset(cpu);
}

void arch_config_commit(struct cell *cell_added_removed)
{
	/* broadcast: every VMID, every CPU of the inner shareable domain */
	arm_paging_flush_stage2();
}

/* Guest TLB entries of this CPU (its VMID may have belonged to a cell). */
static void flush_guest_tlb_local(void)
{
	arm_dsb();
	asm volatile("mcr p15, 4, %0, c8, c7, 4" : : "r" (0)); /* TLBIALLNSNH */
	arm_dsb();
	arm_isb();
}

/*
 * The CPU changed cells or starts afresh: the cell's stage 2, an empty
 * virtual GIC interface, every guest-visible register in its reset state
 * (handover.c), so nothing of the previous owner survives.
 */
static void load_cell_context(struct per_cpu *cpu_data)
{
	arm_cell_load_stage2(cpu_data->cell);
	cpu_data->arch.wfi_trap_paused = false;
	arm_set_wfi_trap(cpu_data);
	flush_guest_tlb_local();
	gic_cpu_reset_virtual(cpu_data);
	arm_reset_guest_state();
}

/*
 * Wait here while suspended, then act on the requests. Returns only if
 * the guest that was running may continue (no reset or park request).
 * With @frame == NULL the CPU is already off (called from the off loop).
 */
static void handle_requests(struct per_cpu *cpu_data,
			    struct trap_frame *frame)
{
	struct per_cpu_arch *arch = &cpu_data->arch;
	unsigned long requests;

	if (arch->suspend_hold) {
		arch->suspended = true;
		memory_barrier();
		while (arch->suspend_hold)
			cpu_relax();
		arch->suspended = false;
		memory_barrier();
	}

	requests = __atomic_exchange_n(&arch->requests, 0, __ATOMIC_SEQ_CST);
	if (!requests)
		return;

	load_cell_context(cpu_data);
	if (requests & ARM_REQ_RESET && !(requests & ARM_REQ_PARK) &&
	    cpu_data->cpu_id == first_cpu(cpu_data->cell->cpu_set)) {
		frame = arm_guest_frame(cpu_data);
		arm_start_guest(frame, cpu_data->cell->config->cpu_reset_address,
				0);
		psci_set_on(cpu_data);
		cpu_data->stopped = false;
		arm_activate(frame);
	}
	/* off already (add_request): wait there for CPU_ON */
	if (frame)
		arm_cpu_off_loop(cpu_data);
}

/* After an interrupt from guest mode: the kick may carry a request. */
void arm_check_requests(struct per_cpu *cpu_data, struct trap_frame *frame)
{
	handle_requests(cpu_data, frame);
}

void arm_cpu_off_loop(struct per_cpu *cpu_data)
{
	while (1) {
		handle_requests(cpu_data, NULL);
		psci_try_wake(cpu_data);	/* returns only if not woken */
		wait_for_interrupt();
		gic_drop_pending_irqs();
		memory_barrier();
	}
}

void arch_panic_park(void)
{
	struct per_cpu *cpu_data = this_cpu_data();

	gic_cpu_reset_virtual(cpu_data);
	power_off(cpu_data);
	arm_cpu_off_loop(cpu_data);
}
