// SPDX-License-Identifier: GPL-2.0
/*
 * Hypercall dispatch, disabling the hypervisor, parking and stopping CPUs.
 * Management calls (those that change the partitioning) are accepted only
 * from CPUs of the root cell and run one at a time.
 */
#include <jailhouse/arch.h>
#include <jailhouse/cell.h>
#include <jailhouse/control.h>
#include <jailhouse/errno.h>
#include <jailhouse/hypercall.h>
#include <jailhouse/image.h>
#include <jailhouse/pci.h>
#include <jailhouse/printk.h>
#include <jailhouse/unit.h>
#include <asm/spinlock.h>

static DEFINE_SPINLOCK(control_spinlock);
static unsigned int cpus_disabling, cpus_disabled;

void control_lock(void)
{
	spin_lock(&control_spinlock);
}

void control_unlock(void)
{
	spin_unlock(&control_spinlock);
}

static bool cpu_id_valid(unsigned long cpu)
{
	return cpu < hypervisor_max_cpus() && cpu < MAX_CPUS &&
		per_cpu(cpu)->cell;
}

/* A root-cell CPU that does not run guest code (it cannot call DISABLE). */
static unsigned int stopped_root_cpu(void)
{
	unsigned int cpu;

	for (cpu = first_cpu(root_cell.cpu_set); cpu < MAX_CPUS;
	     cpu = next_cpu(cpu, root_cell.cpu_set))
		if (per_cpu(cpu)->initialized && per_cpu(cpu)->stopped)
			return cpu;
	return MAX_CPUS;
}

/*
 * Every CPU that entered calls DISABLE. Each undoes its own state; the
 * last one also the global state, once all others are done with it. The
 * cells' memory is not torn down: it goes back to Linux as a whole.
 */
static long hypervisor_disable(struct per_cpu *cpu_data)
{
	unsigned int stopped_cpu;

	control_lock();
	if (num_cells > 1) {
		control_unlock();
		printk("Cannot disable: %u cells besides the root cell exist, destroy them first\n",
		       num_cells - 1);
		return -EBUSY;
	}
	stopped_cpu = stopped_root_cpu();
	if (stopped_cpu != MAX_CPUS) {
		control_unlock();
		printk("Cannot disable: CPU %u is stopped, bring it online first\n",
		       stopped_cpu);
		return -EBUSY;
	}
	if (cpus_disabling++ == 0)
		printk("Shutting down hypervisor\n");
	control_unlock();

	arch_cpu_exit(cpu_data);
	if (atomic_inc_return(&cpus_disabled) ==
	    hypervisor_header.online_cpus) {
		units_shutdown();
		arch_shutdown();
	}
	arch_cpu_restore(cpu_data, 0);
}

static long hypervisor_get_info(unsigned long type)
{
	switch (type) {
	case JAILHOUSE_INFO_MEM_POOL_SIZE:
		return mem_pool.pages;
	case JAILHOUSE_INFO_MEM_POOL_USED:
		return mem_pool.used_pages;
	case JAILHOUSE_INFO_REMAP_POOL_SIZE:
		return remap_pool.pages;
	case JAILHOUSE_INFO_REMAP_POOL_USED:
		return remap_pool.used_pages;
	case JAILHOUSE_INFO_NUM_CELLS:
		return num_cells;
	default:
		return -EINVAL;
	}
}

static long cpu_get_info(struct per_cpu *caller, unsigned long cpu,
			 unsigned long type)
{
	struct per_cpu *target;

	if (!cpu_id_valid(cpu))
		return -EINVAL;
	target = per_cpu(cpu);
	/* non-root cells may only look at their own CPUs */
	if (caller->cell != &root_cell && target->cell != caller->cell)
		return -EPERM;

	if (type == JAILHOUSE_CPU_INFO_STATE)
		return target->failed ? JAILHOUSE_CPU_FAILED :
			JAILHOUSE_CPU_RUNNING;
	if (type >= JAILHOUSE_CPU_INFO_STAT_BASE &&
	    type - JAILHOUSE_CPU_INFO_STAT_BASE < JAILHOUSE_NUM_CPU_STATS)
		return target->stats[type - JAILHOUSE_CPU_INFO_STAT_BASE] &
			0x7fffffffUL;
	return -EINVAL;
}

static long cell_get_state(struct per_cpu *caller, unsigned long id)
{
	struct cell *cell = cell_find(id);

	if (!cell)
		return -ENOENT;
	if (caller->cell != &root_cell && caller->cell != cell)
		return -EPERM;
	if (cell == &root_cell || !cell->comm_page)
		return JAILHOUSE_CELL_RUNNING;
	return cell->comm_page->comm_region.cell_state;
}

static long debug_console_putc(struct per_cpu *caller, unsigned long c)
{
	u32 flags = caller->cell->config->flags;

	if (caller->cell != &root_cell &&
	    !CELL_FLAGS_VIRTUAL_CONSOLE_PERMITTED(flags) &&
	    !CELL_FLAGS_VIRTUAL_CONSOLE_ACTIVE(flags))
		return -EPERM;
	console_putc((char)c);
	return 0;
}

static bool is_management_call(unsigned long code)
{
	return code == JAILHOUSE_HC_DISABLE ||
		code == JAILHOUSE_HC_CELL_CREATE ||
		code == JAILHOUSE_HC_CELL_START ||
		code == JAILHOUSE_HC_CELL_SET_LOADABLE ||
		code == JAILHOUSE_HC_CELL_DESTROY;
}

long hypercall(unsigned long code, unsigned long arg1, unsigned long arg2)
{
	struct per_cpu *cpu_data = this_cpu_data();

	cpu_stats_inc(cpu_data, JAILHOUSE_CPU_STAT_VMEXITS_HYPERCALL);

	if (is_management_call(code) && cpu_data->cell != &root_cell)
		return -EPERM;

	switch (code) {
	case JAILHOUSE_HC_DISABLE:
		return hypervisor_disable(cpu_data);
	case JAILHOUSE_HC_HYPERVISOR_GET_INFO:
		return hypervisor_get_info(arg1);
	case JAILHOUSE_HC_CELL_GET_STATE:
		return cell_get_state(cpu_data, arg1);
	case JAILHOUSE_HC_CPU_GET_INFO:
		return cpu_get_info(cpu_data, arg1, arg2);
	case JAILHOUSE_HC_DEBUG_CONSOLE_PUTC:
		return debug_console_putc(cpu_data, arg1);
	case JAILHOUSE_HC_CELL_CREATE:
	case JAILHOUSE_HC_CELL_START:
	case JAILHOUSE_HC_CELL_SET_LOADABLE:
	case JAILHOUSE_HC_CELL_DESTROY:
		return cell_management(code, arg1);
	default:
		return -ENOSYS;
	}
}

void panic_stop(void)
{
	struct per_cpu *cpu_data = this_cpu_data();

	printk("Stopping CPU %u (Cell: \"%s\")\n", cpu_data->cpu_id,
	       cpu_data->cell ? cpu_data->cell->config->name : "none");
	cpu_data->failed = true;
	cpu_data->stopped = true;
	arch_panic_stop();
}

/*
 * A cell fails as a whole: the CPUs of the faulting CPU's cell that are not
 * failing on their own are marked failed and asked to park. Whoever marks
 * a CPU failed first parks it, so two CPUs of one cell faulting at the
 * same time never wait for each other. A CPU in the middle of a hypercall
 * finishes it and parks before it runs guest code again.
 */
static void park_siblings(struct per_cpu *cpu_data)
{
	struct cell *cell = cpu_data->cell;
	unsigned int cpu;

	for (cpu = first_cpu(cell->cpu_set); cpu < MAX_CPUS;
	     cpu = next_cpu(cpu, cell->cpu_set)) {
		if (cpu == cpu_data->cpu_id ||
		    __atomic_exchange_n(&per_cpu(cpu)->failed, true,
					__ATOMIC_SEQ_CST))
			continue;
		printk("Parking CPU %u (Cell: \"%s\"): its cell failed on CPU %u\n",
		       cpu, cell->config->name, cpu_data->cpu_id);
		arch_cpu_request_park(cpu);
	}
}

void panic_park(void)
{
	struct per_cpu *cpu_data = this_cpu_data();
	struct cell *cell = cpu_data->cell;
	bool parked_by_sibling;

	printk("Parking CPU %u (Cell: \"%s\")\n", cpu_data->cpu_id,
	       cell->config->name);
	parked_by_sibling = __atomic_exchange_n(&cpu_data->failed, true,
						__ATOMIC_SEQ_CST);
	cpu_data->stopped = true;
	if (cell != &root_cell && cell->comm_page) {
		cell->comm_page->comm_region.cell_state =
			JAILHOUSE_CELL_FAILED;
		if (!parked_by_sibling)
			park_siblings(cpu_data);
		/* its peers learn through their virtual devices */
		pci_cell_reset(cell);
	}
	arch_panic_park();
}
