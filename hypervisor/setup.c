// SPDX-License-Identifier: GPL-2.0
/*
 * Enabling the hypervisor. Every CPU Linux has online enters at the same
 * time. The first one to arrive sets up everything global (pools, page
 * tables, console, config check, root cell); then every CPU initialises
 * itself; then all meet at a barrier. If anything failed anywhere, every
 * CPU returns the first error and nothing stays changed.
 */
#include <jailhouse/arch.h>
#include <jailhouse/cell.h>
#include <jailhouse/config.h>
#include <jailhouse/control.h>
#include <jailhouse/errno.h>
#include <jailhouse/image.h>
#include <jailhouse/printk.h>
#include <jailhouse/string.h>
#include <jailhouse/uart.h>
#include <jailhouse/unit.h>
#include <asm/paging.h>
#include <asm/processor.h>

static volatile int early_init_result = 1;	/* 1: still running */
static volatile int late_init_result = 1;
static int first_error;
static unsigned int cpus_arrived, cpus_initialized, cpus_left;

unsigned int hypervisor_max_cpus(void)
{
	return hypervisor_header.max_cpus;
}

/* The first error of any CPU wins; it is what every CPU returns. */
static void record_error(int err)
{
	if (err && atomic_cmpxchg_int(&first_error, 0, err) == 0)
		hypervisor_header.init_error = err;
}

static void wait_for(unsigned int *counter, unsigned int value)
{
	while (atomic_read(counter) < value)
		cpu_relax();
}

static unsigned long hypervisor_memory_size(void)
{
	return system_config->hypervisor_memory.size;
}

/*
 * The page pool is what follows the config in hypervisor memory. Its
 * first pages hold the pool's own bitmap and are reserved at once.
 */
static int init_page_pools(void)
{
	unsigned long config_end, pool_pages, bitmap_pages, remap_bitmap;

	config_end = align_up(hypervisor_header.config_offset +
			      jailhouse_system_config_size(system_config),
			      PAGE_SIZE);
	if (config_end >= hypervisor_memory_size()) {
		printk("ERROR: hypervisor memory of 0x%lx bytes is too small\n",
		       hypervisor_memory_size());
		return -ENOMEM;
	}
	pool_pages = (hypervisor_memory_size() - config_end) / PAGE_SIZE;
	bitmap_pages = PAGES(BITS_TO_LONGS(pool_pages) * sizeof(long));
	page_pool_init(&mem_pool, "mem", hv_virt_start + config_end,
		       pool_pages, (unsigned long *)(hv_virt_start + config_end),
		       true);
	page_pool_reserve(&mem_pool, 0, bitmap_pages);

	remap_bitmap = (unsigned long)page_alloc(&mem_pool,
			PAGES(BITS_TO_LONGS(REMAP_PAGES) * sizeof(long)));
	if (!remap_bitmap)
		return -ENOMEM;
	page_pool_init(&remap_pool, "remap", REMAP_BASE, REMAP_PAGES,
		       (unsigned long *)remap_bitmap, false);
	return 0;
}

/*
 * Hypervisor memory is mapped linearly at the link address: code
 * read-only and executable, everything else (the header included, it
 * reports init_error) read-write.
 */
static int init_hv_paging(void)
{
	unsigned long text_size = __text_end - __text_start;
	unsigned long text_offs = (unsigned long)__text_start - hv_virt_start;
	int err;

	err = paging_init_root(&hv_paging, &arch_hv_paging_format);
	if (err)
		return err;
	err = paging_create(&hv_paging, hv_phys_start, text_offs,
			    hv_virt_start, PAGE_DEFAULT_FLAGS, PAGING_HUGE);
	if (!err)
		err = paging_create(&hv_paging, hv_phys_start + text_offs,
				    text_size, hv_virt_start + text_offs,
				    PAGE_FLAG_READ | PAGE_FLAG_EXEC,
				    PAGING_HUGE);
	if (!err)
		err = paging_create(&hv_paging,
				    hv_phys_start + text_offs + text_size,
				    hypervisor_memory_size() - text_offs -
				    text_size,
				    hv_virt_start + text_offs + text_size,
				    PAGE_DEFAULT_FLAGS, PAGING_HUGE);
	return err;
}

static void print_pool_usage(const char *when)
{
	printk("Page pool usage %s: mem %lu/%lu, remap %lu/%lu\n", when,
	       mem_pool.used_pages, mem_pool.pages, remap_pool.used_pages,
	       remap_pool.pages);
}

static int init_early(unsigned int cpu_id)
{
	int err;

	system_config = (const struct jailhouse_system *)
		((u8 *)&hypervisor_header + hypervisor_header.config_offset);
	err = config_check_header(system_config);
	if (err)
		return err;

	hv_phys_start = system_config->hypervisor_memory.phys_start;
	hv_virt_start = (unsigned long)&hypervisor_header;

	err = init_page_pools();
	if (err)
		return err;
	err = init_hv_paging();
	if (err)
		return err;
	err = arch_init_early();
	if (err)
		return err;
	err = uart_console_init(&system_config->debug_console);
	if (err)
		goto err_arch;

	printk("\nInitializing Jailhouse hypervisor %s on CPU %u\n",
	       JAILHOUSE_VERSION, cpu_id);
	printk("Code location: %p\n", __text_start);

	err = config_check_system(system_config,
				  hypervisor_memory_size() -
				  hypervisor_header.config_offset);
	if (err)
		goto err_arch;

	err = units_init();
	if (err)
		goto err_arch;
	err = root_cell_init();
	if (err)
		goto err_units;

	print_pool_usage("after early setup");
	printk("Initializing processors:\n");
	return 0;

err_units:
	units_shutdown();
err_arch:
	arch_shutdown();
	return err;
}

static int cpu_init(unsigned int cpu_id, struct per_cpu *cpu_data)
{
	int err;

	if (!cell_owns_cpu(&root_cell, cpu_id)) {
		printk("ERROR: CPU %u is online but not in the root cell's CPU set\n",
		       cpu_id);
		err = -EINVAL;
	} else {
		err = arch_cpu_init(cpu_data);
	}
	if (err)
		printk(" CPU %u... FAILED (error %d)\n", cpu_id, err);
	else
		printk(" CPU %u... OK\n", cpu_id);
	return err;
}

static int init_late(void)
{
	int err = arch_init_late();

	if (err)
		return err;
	print_pool_usage("after late setup");
	printk("Activating hypervisor\n");
	return 0;
}

/* The last CPU to give up undoes the global state the others relied on. */
static int leave_after_failure(struct per_cpu *cpu_data, bool early_ok)
{
	unsigned int online = hypervisor_header.online_cpus;

	/* per-CPU state first: the global teardown must come after it */
	arch_cpu_exit(cpu_data);
	if (atomic_inc_return(&cpus_left) == online && early_ok) {
		cell_exit(&root_cell);
		units_shutdown();
		arch_shutdown();
	}
	return first_error;
}

int entry(unsigned int cpu_id, struct per_cpu *cpu_data)
{
	unsigned int online = hypervisor_header.online_cpus;
	bool first;
	int err;

	cpu_data->cpu_id = cpu_id;
	cpu_data->cell = &root_cell;

	first = atomic_inc_return(&cpus_arrived) == 1;
	hypervisor_header.entered_cpus = cpus_arrived;
	if (first) {
		err = init_early(cpu_id);
		record_error(err);
		atomic_set(&early_init_result, err);
	} else {
		while (atomic_read(&early_init_result) == 1)
			cpu_relax();
	}
	if (early_init_result)
		return leave_after_failure(cpu_data, false);

	record_error(cpu_init(cpu_id, cpu_data));
	atomic_inc_return(&cpus_initialized);
	wait_for(&cpus_initialized, online);

	if (first) {
		if (!first_error)
			record_error(init_late());
		atomic_set(&late_init_result, first_error);
	} else {
		while (atomic_read(&late_init_result) == 1)
			cpu_relax();
	}
	if (first_error)
		return leave_after_failure(cpu_data, true);
	return 0;
}
