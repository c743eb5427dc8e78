// SPDX-License-Identifier: GPL-2.0
/*
 * Generic cell construction: CPU set, MMIO dispatcher, memory regions
 * (through the arch for RAM/IO, through the dispatcher for sub-page
 * regions), communication page and units. The root cell comes from the
 * system config.
 */
#include <jailhouse/arch.h>
#include <jailhouse/cell.h>
#include <jailhouse/errno.h>
#include <jailhouse/image.h>
#include <jailhouse/printk.h>
#include <jailhouse/string.h>
#include <jailhouse/unit.h>

struct cell root_cell;
unsigned int num_cells;
const struct jailhouse_system *system_config;

unsigned int next_cpu(int cpu, const unsigned long *set)
{
	for (cpu++; cpu < MAX_CPUS; cpu++)
		if (test_bit(cpu, set))
			return cpu;
	return MAX_CPUS;
}

/* The config's bitmap is little-endian bytes, whatever its word size. */
static int cell_copy_cpu_set(struct cell *cell)
{
	const u8 *bytes = (const u8 *)jailhouse_cell_cpu_set(cell->config);
	u32 size = cell->config->cpu_set_size;
	unsigned int n, max_cpus = hypervisor_max_cpus();

	memset(cell->cpu_set, 0, sizeof(cell->cpu_set));
	for (n = 0; n < size * 8; n++) {
		if (!(bytes[n / 8] & (1 << (n % 8))))
			continue;
		/*
		 * One config may serve machines with fewer CPUs: CPUs this
		 * machine cannot have are left out.
		 */
		if (n >= max_cpus || n >= MAX_CPUS)
			break;
		set_bit_nonatomic(n, cell->cpu_set);
	}
	if (first_cpu(cell->cpu_set) >= MAX_CPUS) {
		printk("ERROR: cell \"%s\": none of its CPUs exists here (%u CPUs)\n",
		       cell->config->name, max_cpus);
		return -ERANGE;
	}
	return 0;
}

static unsigned int count_subpage_regions(const struct jailhouse_cell_desc *c)
{
	const struct jailhouse_memory *mem = jailhouse_cell_mem_regions(c);
	unsigned int n, count = 0;

	for (n = 0; n < c->num_memory_regions; n++)
		if (JAILHOUSE_MEMORY_IS_SUBPAGE(&mem[n]))
			count++;
	return count;
}

static struct mmio_subpage *find_free_subpage(struct cell *cell)
{
	unsigned int n;

	for (n = 0; n < cell->num_subpages; n++)
		if (!cell->subpages[n].virt)
			return &cell->subpages[n];
	return NULL;
}

static struct mmio_subpage *find_subpage(struct cell *cell,
					 const struct jailhouse_memory *mem)
{
	unsigned int n;

	for (n = 0; n < cell->num_subpages; n++)
		if (cell->subpages[n].virt && cell->subpages[n].mem == mem)
			return &cell->subpages[n];
	return NULL;
}

/* A COMM_REGION region maps the cell's communication page instead. */
static int map_comm_region(struct cell *cell,
			   const struct jailhouse_memory *mem)
{
	struct jailhouse_memory comm = *mem;

	if (!cell->comm_page) {
		cell->comm_page = page_alloc(&mem_pool, 1);
		if (!cell->comm_page)
			return -ENOMEM;
	}
	comm.phys_start = paging_hvirt2phys(cell->comm_page);
	comm.size = PAGE_SIZE;
	return arch_map_memory_region(cell, &comm);
}

int cell_map_region(struct cell *cell, const struct jailhouse_memory *mem)
{
	struct mmio_subpage *subpage;

	if (JAILHOUSE_MEMORY_IS_SUBPAGE(mem)) {
		subpage = find_free_subpage(cell);
		if (!subpage)
			return -ENOSPC;
		return mmio_subpage_register(&cell->mmio, subpage, mem);
	}
	if (mem->flags & JAILHOUSE_MEM_COMM_REGION)
		return map_comm_region(cell, mem);
	return arch_map_memory_region(cell, mem);
}

int cell_unmap_region(struct cell *cell, const struct jailhouse_memory *mem)
{
	struct mmio_subpage *subpage;

	if (JAILHOUSE_MEMORY_IS_SUBPAGE(mem)) {
		subpage = find_subpage(cell, mem);
		if (subpage)
			mmio_subpage_unregister(&cell->mmio, subpage);
		return 0;
	}
	return arch_unmap_memory_region(cell, mem);
}

static void cell_unmap_regions(struct cell *cell, unsigned int count)
{
	const struct jailhouse_memory *mem = cell_mem_regions(cell);

	while (count-- > 0)
		cell_unmap_region(cell, &mem[count]);
}

static int cell_map_regions(struct cell *cell)
{
	const struct jailhouse_memory *mem = cell_mem_regions(cell);
	unsigned int n;
	int err;

	for (n = 0; n < cell->config->num_memory_regions; n++) {
		err = cell_map_region(cell, &mem[n]);
		if (err) {
			printk("ERROR: cell \"%s\": cannot map memory region %u: error %d\n",
			       cell->config->name, n, err);
			cell_unmap_regions(cell, n);
			return err;
		}
	}
	return 0;
}

static void cell_free_structures(struct cell *cell)
{
	if (cell->subpages)
		page_free(&mem_pool, cell->subpages,
			  PAGES(cell->num_subpages *
				sizeof(struct mmio_subpage)));
	cell->subpages = NULL;
	mmio_dispatcher_free(&cell->mmio);
	if (cell->comm_page)
		page_free(&mem_pool, cell->comm_page, 1);
	cell->comm_page = NULL;
}

int cell_init(struct cell *cell)
{
	unsigned long pages;
	unsigned int capacity;
	int err;

	err = cell_copy_cpu_set(cell);
	if (err)
		return err;

	cell->num_subpages = count_subpage_regions(cell->config);
	capacity = cell->num_subpages + units_mmio_count_regions(cell);
	err = mmio_dispatcher_init(&cell->mmio, capacity);
	if (err)
		return err;
	if (cell->num_subpages) {
		pages = PAGES(cell->num_subpages *
			      sizeof(struct mmio_subpage));
		cell->subpages = page_alloc(&mem_pool, pages);
		if (!cell->subpages) {
			err = -ENOMEM;
			goto err_free;
		}
	}

	if (cell != &root_cell) {
		cell->comm_page = page_alloc(&mem_pool, 1);
		if (!cell->comm_page) {
			err = -ENOMEM;
			goto err_free;
		}
	}

	err = arch_cell_create(cell);
	if (err)
		goto err_free;
	err = cell_map_regions(cell);
	if (err)
		goto err_arch;
	err = units_cell_init(cell);
	if (err)
		goto err_unmap;
	arch_cell_tlb_flush(cell);
	return 0;

err_unmap:
	cell_unmap_regions(cell, cell->config->num_memory_regions);
err_arch:
	arch_cell_destroy(cell);
err_free:
	cell_free_structures(cell);
	return err;
}

void cell_exit(struct cell *cell)
{
	units_cell_exit(cell);
	cell_unmap_regions(cell, cell->config->num_memory_regions);
	arch_cell_destroy(cell);
	cell_free_structures(cell);
}

/*
 * The driver keeps reading the console ring after enable, so the root cell
 * sees it (read-only, at its physical address). Nothing else of hypervisor
 * memory is visible to any cell.
 */
static int map_console_ring(void)
{
	struct jailhouse_memory ring = {
		.phys_start = paging_hvirt2phys(&console_ring),
		.virt_start = paging_hvirt2phys(&console_ring),
		.size = sizeof(console_ring),
		.flags = JAILHOUSE_MEM_READ,
	};

	return arch_map_memory_region(&root_cell, &ring);
}

int root_cell_init(void)
{
	int err;

	root_cell.id = 0;
	root_cell.config = &system_config->root_cell;
	root_cell.config_pages = 0;
	err = cell_init(&root_cell);
	if (err)
		return err;
	err = map_console_ring();
	if (err) {
		cell_exit(&root_cell);
		return err;
	}
	arch_cell_tlb_flush(&root_cell);
	num_cells = 1;
	return 0;
}
