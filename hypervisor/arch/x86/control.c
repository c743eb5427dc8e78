// SPDX-License-Identifier: GPL-2.0
/*
 * Cells on x86 (EPT, I/O and MSR bitmaps) and the requests CPUs send each
 * other: a request is a bit in the target's per-CPU data plus a kick that
 * makes the target leave guest mode; every CPU looks at its requests
 * before it enters its guest again.
 */
#include <jailhouse/arch.h>
#include <jailhouse/cell.h>
#include <jailhouse/control.h>
#include <jailhouse/errno.h>
#include <jailhouse/percpu.h>
#include <jailhouse/printk.h>
#include <jailhouse/string.h>
#include <asm/apic.h>
#include <asm/io.h>
#include <asm/paging.h>
#include <asm/timing.h>
#include <asm/vcpu.h>
#include <asm/vmx.h>

/* ~ a few hundred milliseconds of pause loops on current CPUs */
#define REQUEST_TIMEOUT_SPINS	100000000UL
#define REQUEST_REKICK_SPINS	100000UL

static unsigned long hv_tlb_generation;

/* --- requests ------------------------------------------------------------ */

/*
 * Sets a request for @cpu and kicks it until it has taken the request.
 * Kicks can get lost when they hit the target while it is in the
 * hypervisor (Bochs drops INIT in VMX root operation), hence the re-kick.
 */
/* Kicks @cpu until @done(@cpu) holds; false on timeout. */
static bool kick_until(unsigned int cpu, bool (*done)(unsigned int cpu,
						      unsigned long arg),
		       unsigned long arg)
{
	unsigned long spins;

	for (spins = 0; spins < REQUEST_TIMEOUT_SPINS; spins++) {
		if (done(cpu, arg))
			return true;
		if (spins % REQUEST_REKICK_SPINS == 0)
			apic_kick_cpu(cpu);
		cpu_relax();
	}
	return false;
}

static bool request_taken(unsigned int cpu, unsigned long request)
{
	return !(atomic_read(&per_cpu(cpu)->arch.requests) & (1UL << request));
}

void vcpu_request(unsigned int cpu, unsigned int request)
{
	struct per_cpu_arch *target = &per_cpu(cpu)->arch;

	__atomic_or_fetch(&target->requests, 1UL << request,
			  __ATOMIC_SEQ_CST);
	if (cpu == this_cpu_data()->cpu_id)
		return;	/* taken before this CPU enters its guest again */
	/* a suspended CPU takes its requests when it is resumed */
	if (atomic_read(&target->suspended))
		return;
	if (!kick_until(cpu, request_taken, request))
		printk("WARNING: CPU %u did not take request %u from CPU %u\n",
		       cpu, request, this_cpu_data()->cpu_id);
}

/*
 * Cell lifecycle (called by the core with the control lock held): a CPU
 * is suspended in the hypervisor while its cell changes, reset or parked
 * requests take effect when it is resumed.
 */
static bool cpu_suspended(unsigned int cpu, unsigned long unused)
{
	return atomic_read(&per_cpu(cpu)->arch.suspended);
}

int arch_cpu_suspend(unsigned int cpu)
{
	atomic_set(&per_cpu(cpu)->arch.suspend_hold, true);
	if (kick_until(cpu, cpu_suspended, 0))
		return 0;
	atomic_set(&per_cpu(cpu)->arch.suspend_hold, false);
	printk("ERROR: CPU %u does not respond\n", cpu);
	return -EBUSY;
}

void arch_cpu_resume(unsigned int cpu)
{
	atomic_set(&per_cpu(cpu)->arch.suspend_hold, false);
}

void arch_cpu_reset(unsigned int cpu)
{
	__atomic_or_fetch(&per_cpu(cpu)->arch.requests, 1UL << VCPU_REQ_RESET,
			  __ATOMIC_SEQ_CST);
}

void arch_cpu_park(unsigned int cpu)
{
	__atomic_or_fetch(&per_cpu(cpu)->arch.requests, 1UL << VCPU_REQ_PARK,
			  __ATOMIC_SEQ_CST);
}

/* Kicked until taken, unless suspended (then taken at the resume). */
void arch_cpu_request_park(unsigned int cpu)
{
	vcpu_request(cpu, VCPU_REQ_PARK);
}

void arch_cell_reset(struct cell *cell)
{
	unsigned int cpu;

	for (cpu = first_cpu(cell->cpu_set); cpu < MAX_CPUS;
	     cpu = next_cpu(cpu, cell->cpu_set))
		arch_cpu_reset(cpu);
}

void arch_config_commit(struct cell *cell_added_removed)
{
	/* memory moved between the root cell and this one */
	arch_cell_tlb_flush(&root_cell);
	if (cell_added_removed)
		arch_cell_tlb_flush(cell_added_removed);
}

/*
 * The x86 tail of a cell's comm region. The APIC timer frequency is only
 * measured on the cell's own boot CPU (@on_cell_cpu), until then it is
 * what the config or an earlier measurement says.
 */
static void fill_comm_region(struct cell *cell, bool on_cell_cpu)
{
	struct jailhouse_comm_region *comm;
	unsigned int cpu, count = 0;

	if (cell == &root_cell || !cell->comm_page)
		return;
	comm = &cell->comm_page->comm_region;
	for (cpu = first_cpu(cell->cpu_set); cpu < MAX_CPUS;
	     cpu = next_cpu(cpu, cell->cpu_set))
		count++;
	comm->pm_timer_address =
		system_config->platform_info.x86.pm_timer_address;
	comm->num_cpus = count;
	comm->tsc_khz = timing_tsc_khz();
	comm->apic_khz = on_cell_cpu ? timing_apic_khz() :
		timing_apic_khz_known();
}

/*
 * The CPU runs another cell from now on (or starts its cell afresh):
 * nothing of the previous owner may survive in its local APIC, its
 * registers or the device state the hypervisor keeps for it.
 */
static void switch_cell(struct per_cpu *cpu_data)
{
	struct cell *cell = cpu_data->cell;
	struct per_cpu_arch *arch = &cpu_data->arch;

	apic_cpu_reset();
	vcpu_reset_unswitched_state();
	arch->pci_address = 0;
	arch->nmi_pending = false;
	vcpu_load_cell(cell);
	if (cpu_data->cpu_id == first_cpu(cell->cpu_set))
		fill_comm_region(cell, true);
}

/*
 * The architectural state a CPU of its cell starts in: a non-root cell's
 * first CPU in real mode at the reset address, the others waiting for
 * SIPI (from the cell's boot CPU); root cell CPUs wait for Linux's
 * INIT/SIPI.
 */
static void reset_cpu(struct per_cpu *cpu_data)
{
	struct cell *cell = cpu_data->cell;

	switch_cell(cpu_data);
	if (cell != &root_cell &&
	    cpu_data->cpu_id == first_cpu(cell->cpu_set)) {
		vcpu_start_at(cell->config->cpu_reset_address);
		cpu_data->stopped = false;
	} else {
		vcpu_wait_for_sipi();
		cpu_data->stopped = true;
	}
}

/* Powered off in its (possibly new) cell until a SIPI starts it. */
static void park_cpu(struct per_cpu *cpu_data)
{
	if (cpu_data->arch.loaded_cell != cpu_data->cell)
		switch_cell(cpu_data);
	vcpu_wait_for_sipi();
	cpu_data->stopped = true;
}

void hv_tlb_generation_bump(void)
{
	__atomic_add_fetch(&hv_tlb_generation, 1, __ATOMIC_SEQ_CST);
}

static void flush_hv_tlb_if_stale(struct per_cpu_arch *arch)
{
	unsigned long generation = atomic_read(&hv_tlb_generation);

	if (arch->hv_tlb_generation != generation) {
		write_cr3(read_cr3());
		arch->hv_tlb_generation = generation;
	}
}

/*
 * An NMI arrived, as VM exit or in the hypervisor: a kick if another CPU
 * announced one, otherwise the guest's own, to be injected.
 */
void vcpu_nmi_received(struct per_cpu *cpu_data)
{
	struct per_cpu_arch *arch = &cpu_data->arch;

	if (__atomic_exchange_n(&arch->kicks, 0, __ATOMIC_SEQ_CST))
		cpu_stats_inc(cpu_data, JAILHOUSE_CPU_STAT_VMEXITS_MANAGEMENT);
	else
		arch->nmi_pending = true;
}

/*
 * Inject the guest's NMI when it can take one, otherwise ask for an exit
 * once it can (NMI-window exiting, available with virtual NMIs).
 */
static void deliver_pending_nmi(struct per_cpu_arch *arch)
{
	u32 blocking, controls;

	if (!arch->nmi_pending)
		return;
	controls = vmcs_read32(CPU_BASED_VM_EXEC_CONTROL);
	blocking = vmcs_read32(GUEST_INTERRUPTIBILITY_INFO);
	if (arch->wait_for_sipi ||
	    vmcs_read32(VM_ENTRY_INTR_INFO_FIELD) & INTR_INFO_VALID)
		return;
	if (blocking & (GUEST_INTR_STATE_STI | GUEST_INTR_STATE_MOV_SS |
			GUEST_INTR_STATE_NMI)) {
		vmcs_write32(CPU_BASED_VM_EXEC_CONTROL,
			     controls | CPU_BASED_NMI_WINDOW_EXITING);
		return;
	}
	if (controls & CPU_BASED_NMI_WINDOW_EXITING)
		vmcs_write32(CPU_BASED_VM_EXEC_CONTROL,
			     controls & ~CPU_BASED_NMI_WINDOW_EXITING);
	vmcs_write32(VM_ENTRY_INTR_INFO_FIELD, NMI_VECTOR | INTR_TYPE_NMI |
		     INTR_INFO_VALID);
	arch->nmi_pending = false;
}

void vcpu_handle_requests(struct per_cpu *cpu_data)
{
	struct per_cpu_arch *arch = &cpu_data->arch;
	unsigned long requests;

	if (atomic_read(&arch->suspend_hold)) {
		atomic_set(&arch->suspended, true);
		while (atomic_read(&arch->suspend_hold))
			cpu_relax();
		atomic_set(&arch->suspended, false);
	}
	flush_hv_tlb_if_stale(arch);

	requests = __atomic_exchange_n(&arch->requests, 0, __ATOMIC_SEQ_CST);
	if (requests & (1UL << VCPU_REQ_RESET))
		reset_cpu(cpu_data);
	if (requests & (1UL << VCPU_REQ_PARK))
		park_cpu(cpu_data);
	if (requests & (1UL << VCPU_REQ_FLUSH_EPT))
		vmx_invept(INVEPT_SINGLE_CONTEXT, vmcs_read64(EPT_POINTER));
	/* INIT/SIPI of the guest: the CPU is off until it gets a SIPI */
	if (requests & (1UL << VCPU_REQ_INIT)) {
		vcpu_wait_for_sipi();
		cpu_data->stopped = true;
	}
	if (requests & (1UL << VCPU_REQ_SIPI) && arch->wait_for_sipi &&
	    !cpu_data->failed) {
		vcpu_start_sipi(arch->sipi_vector);
		cpu_data->stopped = false;
	}

	deliver_pending_nmi(arch);
}

/* --- cells ---------------------------------------------------------------- */

int arch_cell_create(struct cell *cell)
{
	int err;

	err = paging_init_root(&cell->arch.ept, &ept_paging_format);
	if (err)
		return err;
	err = io_cell_init(cell);
	if (err)
		goto err_ept;
	fill_comm_region(cell, false);
	return 0;

err_ept:
	paging_free_tables(&cell->arch.ept);
	return err;
}

void arch_cell_destroy(struct cell *cell)
{
	io_cell_exit(cell);
	paging_free_tables(&cell->arch.ept);
}

/*
 * Guest-physical pages the hypervisor must see every access to, whatever
 * the memory regions say.
 */
static int punch_intercepted_page(struct cell *cell,
				  const struct jailhouse_memory *mem, u64 page,
				  const char *what)
{
	if (page < mem->virt_start || page - mem->virt_start >= mem->size)
		return 0;
	printk("Note: cell \"%s\": the %s page 0x%llx inside a memory region stays intercepted\n",
	       cell->config->name, what, page);
	return paging_destroy(&cell->arch.ept, page, PAGE_SIZE);
}

int arch_map_memory_region(struct cell *cell,
			   const struct jailhouse_memory *mem)
{
	const struct jailhouse_irqchip *chip =
		jailhouse_cell_irqchips(cell->config);
	unsigned int n;
	int err;

	err = paging_create(&cell->arch.ept, mem->phys_start, mem->size,
			    mem->virt_start, mem_region_page_flags(mem),
			    mem_region_paging_options(mem));
	if (err)
		return err;

	err = punch_intercepted_page(cell, mem, apic_xapic_phys(),
				     "local APIC");
	for (n = 0; n < cell->config->num_irqchips && !err; n++)
		err = punch_intercepted_page(cell, mem,
					     chip[n].address & PAGE_MASK,
					     "IOAPIC");
	return err;
}

int arch_unmap_memory_region(struct cell *cell,
			     const struct jailhouse_memory *mem)
{
	return paging_destroy(&cell->arch.ept, mem->virt_start, mem->size);
}

void arch_cell_tlb_flush(struct cell *cell)
{
	unsigned int cpu;

	/* CPUs not yet running the cell flush when they load its EPT */
	for (cpu = first_cpu(cell->cpu_set); cpu < MAX_CPUS;
	     cpu = next_cpu(cpu, cell->cpu_set))
		if (per_cpu(cpu)->arch.guest_active)
			vcpu_request(cpu, VCPU_REQ_FLUSH_EPT);
}
