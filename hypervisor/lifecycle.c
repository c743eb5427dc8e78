// SPDX-License-Identifier: GPL-2.0
/*
 * The cell lifecycle: CELL_CREATE, CELL_SET_LOADABLE, CELL_START and
 * CELL_DESTROY, and the comm-region messages through which a running cell
 * agrees to (or refuses) being shut down.
 *
 * Every operation runs on a root-cell CPU with the control lock held.
 * CPUs whose cell changes are suspended in the hypervisor first
 * (arch_cpu_suspend), so no vCPU ever runs on a half-changed cell; the
 * root cell's other CPUs are suspended as well while memory moves between
 * the root cell and another cell. Memory moves by identity: a cell's
 * region at physical address P is the root cell's guest-physical page P,
 * as on every supported board.
 *
 * Nothing changes before every check passed; a failure later on is undone
 * step by step, so the page pool is back to its earlier figure.
 */
#include <jailhouse/arch.h>
#include <jailhouse/cell.h>
#include <jailhouse/config.h>
#include <jailhouse/control.h>
#include <jailhouse/errno.h>
#include <jailhouse/pci.h>
#include <jailhouse/printk.h>
#include <jailhouse/string.h>
#include <jailhouse/unit.h>
#include <asm/processor.h>

/* The driver accepts cell configs up to 1 MiB; so do we. */
#define MAX_CELL_CONFIG_PAGES	256

struct cell *cell_find(unsigned long id)
{
	struct cell *cell;

	for (cell = &root_cell; cell; cell = cell->next)
		if (cell->id == id)
			return cell;
	return NULL;
}

static struct cell *find_by_name(const char *name)
{
	struct cell *cell;

	for (cell = &root_cell; cell; cell = cell->next)
		if (!strncmp(cell->config->name, name,
			     JAILHOUSE_CELL_NAME_MAXLEN + 1))
			return cell;
	return NULL;
}

static unsigned int lowest_free_id(void)
{
	unsigned int id = 1;

	while (cell_find(id))
		id++;
	return id;
}

/* ---- messages ------------------------------------------------------------ */

static bool state_is_terminal(u32 state)
{
	return state == JAILHOUSE_CELL_SHUT_DOWN ||
		state == JAILHOUSE_CELL_FAILED ||
		state == JAILHOUSE_CELL_FAILED_COMM_REV;
}

static struct jailhouse_comm_region *comm_of(struct cell *cell)
{
	return &cell->comm_page->comm_region;
}

static bool cell_is_passive(const struct cell *cell)
{
	return cell->config->flags & JAILHOUSE_CELL_PASSIVE_COMMREG;
}

/*
 * Post @msg and wait for the reply (msg_reply_timeout polls, 0: no limit).
 * Returns the reply, or JAILHOUSE_MSG_NONE on timeout or when the cell
 * reached a terminal state meanwhile.
 */
static u32 send_message(struct cell *cell, u32 msg)
{
	struct jailhouse_comm_region *comm = comm_of(cell);
	u64 timeout = cell->config->msg_reply_timeout;
	u32 reply;

	comm->reply_from_cell = JAILHOUSE_MSG_NONE;
	memory_barrier();
	comm->msg_to_cell = msg;

	while (1) {
		reply = comm->reply_from_cell;
		if (reply != JAILHOUSE_MSG_NONE)
			break;
		if (state_is_terminal(comm->cell_state))
			break;
		if (timeout && --timeout == 0) {
			printk("Cell \"%s\" did not answer message %u in time\n",
			       cell->config->name, msg);
			break;
		}
		cpu_relax();
	}
	comm->msg_to_cell = JAILHOUSE_MSG_NONE;
	return reply;
}

/*
 * May @cell be shut down (loaded, restarted, destroyed)? A cell that is
 * not running agrees; a running cell is asked, unless it is passive; a
 * locked cell must say yes itself. A cell that does not answer within
 * its timeout is taken to agree, unless it locked itself.
 */
static bool cell_shutdown_approved(struct cell *cell)
{
	struct jailhouse_comm_region *comm = comm_of(cell);
	u32 state = comm->cell_state, reply;

	if (state_is_terminal(state))
		return true;
	if (cell_is_passive(cell))
		return state != JAILHOUSE_CELL_RUNNING_LOCKED;

	reply = send_message(cell, JAILHOUSE_MSG_SHUTDOWN_REQUEST);
	if (reply == JAILHOUSE_MSG_REQUEST_APPROVED)
		return true;
	if (reply == JAILHOUSE_MSG_NONE)
		return state_is_terminal(comm->cell_state) ||
			comm->cell_state != JAILHOUSE_CELL_RUNNING_LOCKED;
	return false;
}

static int require_shutdown_approval(struct cell *cell, const char *what)
{
	if (cell_shutdown_approved(cell))
		return 0;
	printk("Cell \"%s\" refuses to be %s (state %s)\n", cell->config->name,
	       what, comm_of(cell)->cell_state ==
	       JAILHOUSE_CELL_RUNNING_LOCKED ? "running/locked" : "running");
	return -EPERM;
}

/* Reconfiguration is refused while any other cell locked itself. */
static int require_no_locked_cell(const struct cell *except)
{
	struct cell *cell;

	for (cell = root_cell.next; cell; cell = cell->next) {
		if (cell == except ||
		    comm_of(cell)->cell_state != JAILHOUSE_CELL_RUNNING_LOCKED)
			continue;
		printk("Cell \"%s\" is locked: no reconfiguration now\n",
		       cell->config->name);
		return -EPERM;
	}
	return 0;
}

/* Tell active running cells that the partitioning changed (no waiting). */
static void announce_reconfiguration(void)
{
	struct cell *cell;
	struct jailhouse_comm_region *comm;

	for (cell = root_cell.next; cell; cell = cell->next) {
		comm = comm_of(cell);
		if (cell_is_passive(cell) || state_is_terminal(comm->cell_state))
			continue;
		comm->reply_from_cell = JAILHOUSE_MSG_NONE;
		memory_barrier();
		comm->msg_to_cell = JAILHOUSE_MSG_RECONFIG_COMPLETED;
		}
}

/* ---- CPUs ---------------------------------------------------------------- */

static void cpus_resume(const unsigned long *set, unsigned int except,
			unsigned int upto)
{
	unsigned int cpu;

	for (cpu = first_cpu(set); cpu < upto; cpu = next_cpu(cpu, set))
		if (cpu != except && per_cpu(cpu)->initialized)
			arch_cpu_resume(cpu);
}

/* Suspend the CPUs of @set but @except; all or none. */
static int cpus_suspend(const unsigned long *set, unsigned int except)
{
	unsigned int cpu;
	int err;

	for (cpu = first_cpu(set); cpu < MAX_CPUS; cpu = next_cpu(cpu, set)) {
		if (cpu == except || !per_cpu(cpu)->initialized)
			continue;
		err = arch_cpu_suspend(cpu);
		if (err) {
			cpus_resume(set, except, cpu);
			return err;
		}
	}
	return 0;
}

/* Root CPUs plus the CPUs of @cell, all but the caller. */
static int suspend_root_and(struct cell *cell, unsigned int caller)
{
	int err;

	err = cpus_suspend(root_cell.cpu_set, caller);
	if (err || !cell)
		return err;
	err = cpus_suspend(cell->cpu_set, caller);
	if (err)
		cpus_resume(root_cell.cpu_set, caller, MAX_CPUS);
	return err;
}

static void resume_root_and(struct cell *cell, unsigned int caller)
{
	cpus_resume(root_cell.cpu_set, caller, MAX_CPUS);
	if (cell)
		cpus_resume(cell->cpu_set, caller, MAX_CPUS);
}

/* ---- memory moving between the root cell and a cell ---------------------- */

/* Regions that leave the root cell while the cell exists. */
static bool region_taken_from_root(const struct jailhouse_memory *mem)
{
	return !(mem->flags & (JAILHOUSE_MEM_COMM_REGION |
			       JAILHOUSE_MEM_ROOTSHARED)) &&
		!JAILHOUSE_MEMORY_IS_SUBPAGE(mem);
}

static struct jailhouse_memory root_view(const struct jailhouse_memory *mem)
{
	struct jailhouse_memory view = *mem;

	view.virt_start = mem->phys_start;
	return view;
}

/*
 * Give the root cell back what its own config grants inside @mem: every
 * root region that overlaps it is mapped again as a whole, with the root
 * region's flags. Mapping whole regions brings back the large blocks, so
 * the tables split off when the cell took its part are freed again; the
 * parts other cells hold are taken away again afterwards
 * (retake_from_root).
 */
static int remap_to_root(const struct jailhouse_memory *mem)
{
	const struct jailhouse_memory *root_mem = cell_mem_regions(&root_cell);
	unsigned int n;
	int err;

	for (n = 0; n < root_cell.config->num_memory_regions; n++) {
		if (JAILHOUSE_MEMORY_IS_SUBPAGE(&root_mem[n]) ||
		    root_mem[n].flags & JAILHOUSE_MEM_COMM_REGION ||
		    mem->phys_start >= root_mem[n].phys_start + root_mem[n].size ||
		    root_mem[n].phys_start >= mem->phys_start + mem->size)
			continue;
		err = arch_map_memory_region(&root_cell, &root_mem[n]);
		if (err)
			return err;
	}
	return 0;
}

static void return_regions_to_root(const struct cell *cell, unsigned int upto)
{
	const struct jailhouse_memory *mem = cell_mem_regions(cell);
	unsigned int n;

	for (n = 0; n < upto; n++)
		if (region_taken_from_root(&mem[n]) && remap_to_root(&mem[n]))
			printk("WARNING: region %u of cell \"%s\" could not be given back to the root cell\n",
			       n, cell->config->name);
}

static int map_loadable_into_root(struct cell *cell);

/*
 * After whole root regions were mapped again: what the remaining cells
 * hold leaves the root cell once more, and the LOADABLE regions of
 * loadable cells come back read-write.
 */
static void retake_from_root(void)
{
	const struct jailhouse_memory *mem;
	struct jailhouse_memory view;
	struct cell *cell;
	unsigned int n;

	for (cell = root_cell.next; cell; cell = cell->next) {
		mem = cell_mem_regions(cell);
		for (n = 0; n < cell->config->num_memory_regions; n++) {
			if (!region_taken_from_root(&mem[n]))
				continue;
			view = root_view(&mem[n]);
			if (arch_unmap_memory_region(&root_cell, &view))
				printk("ERROR: region %u of cell \"%s\" may be visible to the root cell\n",
				       n, cell->config->name);
		}
		if (cell->loadable && map_loadable_into_root(cell))
			printk("WARNING: cell \"%s\": loadable regions not mapped into the root cell\n",
			       cell->config->name);
	}
}

static int take_regions_from_root(const struct cell *cell)
{
	const struct jailhouse_memory *mem = cell_mem_regions(cell);
	struct jailhouse_memory view;
	unsigned int n;
	int err;

	for (n = 0; n < cell->config->num_memory_regions; n++) {
		if (!region_taken_from_root(&mem[n]))
			continue;
		view = root_view(&mem[n]);
		err = arch_unmap_memory_region(&root_cell, &view);
		if (err) {
			printk("ERROR: cannot take memory region %u of cell \"%s\" from the root cell: error %d\n",
			       n, cell->config->name, err);
			return_regions_to_root(cell, n + 1);
			retake_from_root();
			return err;
		}
	}
	return 0;
}

static bool region_is_loadable(const struct jailhouse_memory *mem)
{
	return (mem->flags & JAILHOUSE_MEM_LOADABLE) &&
		!JAILHOUSE_MEMORY_IS_SUBPAGE(mem);
}

/* LOADABLE regions appear in the root cell, read-write, for the driver. */
static int map_loadable_into_root(struct cell *cell)
{
	const struct jailhouse_memory *mem = cell_mem_regions(cell);
	struct jailhouse_memory view;
	unsigned int n;
	int err;

	for (n = 0; n < cell->config->num_memory_regions; n++) {
		if (!region_is_loadable(&mem[n]))
			continue;
		view = root_view(&mem[n]);
		view.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE;
		err = arch_map_memory_region(&root_cell, &view);
		if (err) {
			while (n-- > 0) {
				if (!region_is_loadable(&mem[n]))
					continue;
				view = root_view(&mem[n]);
				arch_unmap_memory_region(&root_cell, &view);
			}
			return err;
		}
	}
	return 0;
}

static void unmap_loadable_from_root(struct cell *cell)
{
	const struct jailhouse_memory *mem = cell_mem_regions(cell);
	struct jailhouse_memory view;
	unsigned int n;

	for (n = 0; n < cell->config->num_memory_regions; n++) {
		if (!region_is_loadable(&mem[n]))
			continue;
		view = root_view(&mem[n]);
		arch_unmap_memory_region(&root_cell, &view);
	}
}

/* ---- the config of a new cell -------------------------------------------- */

/* Is [phys, phys + size) RAM the root cell may read? */
static bool root_may_read(u64 phys, u64 size)
{
	const struct jailhouse_memory *mem = cell_mem_regions(&root_cell);
	unsigned int n;

	for (n = 0; n < root_cell.config->num_memory_regions; n++)
		if ((mem[n].flags & (JAILHOUSE_MEM_READ | JAILHOUSE_MEM_IO |
				     JAILHOUSE_MEM_COMM_REGION)) ==
		    JAILHOUSE_MEM_READ &&
		    phys >= mem[n].virt_start &&
		    phys - mem[n].virt_start < mem[n].size &&
		    size <= mem[n].size - (phys - mem[n].virt_start))
			return true;
	return false;
}

/* Copy @size bytes of root-cell memory at @phys, page by page. */
static int copy_from_root(void *dst, u64 phys, u64 size)
{
	unsigned long chunk, offset;
	void *map;

	while (size) {
		offset = phys & PAGE_OFFS_MASK;
		chunk = MIN(size, (u64)(PAGE_SIZE - offset));
		map = paging_map_remap(phys, chunk, PAGE_FLAG_READ);
		if (!map)
			return -ENOMEM;
		memcpy(dst, map, chunk);
		paging_unmap_remap(map, chunk);
		dst = (u8 *)dst + chunk;
		phys += chunk;
		size -= chunk;
	}
	return 0;
}

/*
 * Fetch the config at @phys into hypervisor memory. Only the copy is
 * looked at afterwards, so the root cell cannot change it under our feet.
 */
static struct jailhouse_cell_desc *fetch_config(u64 phys, u64 *size_out,
						unsigned long *pages)
{
	struct jailhouse_cell_desc header;
	struct jailhouse_cell_desc *config;
	u64 size;
	int err;

	if (!root_may_read(phys, sizeof(header))) {
		printk("ERROR: cell config at 0x%llx is not in root-cell RAM\n",
		       phys);
		return NULL;
	}
	if (copy_from_root(&header, phys, sizeof(header)))
		return NULL;
	if (memcmp(header.signature, JAILHOUSE_CELL_DESC_SIGNATURE,
		   JAILHOUSE_SIGNATURE_LEN)) {
		printk("ERROR: not a cell configuration at 0x%llx\n", phys);
		return NULL;
	}
	size = jailhouse_cell_config_size(&header);
	if (PAGES(size) > MAX_CELL_CONFIG_PAGES ||
	    !root_may_read(phys, size)) {
		printk("ERROR: cell config of %llu bytes at 0x%llx is too large or not in root-cell RAM\n",
		       size, phys);
		return NULL;
	}
	*pages = PAGES(size);
	config = page_alloc(&mem_pool, *pages);
	if (!config) {
		printk("ERROR: no memory for a cell config of %llu bytes\n",
		       size);
		return NULL;
	}
	err = copy_from_root(config, phys, size);
	/* the header may have changed between the two reads */
	if (!err && jailhouse_cell_config_size(config) != size)
		err = -EINVAL;
	if (err) {
		page_free(&mem_pool, config, *pages);
		return NULL;
	}
	*size_out = size;
	return config;
}

/* The shared validator: the image, the system, the other cells. */
static int validate_config(const struct jailhouse_cell_desc *config,
			   u64 size)
{
	const struct jailhouse_cell_desc *others[CONFIG_CHECK_MAX_CELLS];
	struct cell *cell;
	unsigned int num = 0;

	for (cell = root_cell.next; cell; cell = cell->next) {
		if (num >= ARRAY_SIZE(others)) {
			printk("ERROR: at most %u cells\n", num);
			return -ENOSPC;
		}
		others[num++] = cell->config;
	}
	return config_check_cell(config, size, others, num);
}

/* What only the running system knows: names, free CPUs. */
static int check_resources(const struct jailhouse_cell_desc *config,
			   unsigned int caller)
{
	const u8 *bytes = (const u8 *)jailhouse_cell_cpu_set(config);
	unsigned int cpu, remaining = 0;
	struct per_cpu *cpu_data;
	bool wanted;

	if (find_by_name(config->name)) {
		printk("ERROR: a cell named \"%s\" exists already\n",
		       config->name);
		return -EEXIST;
	}
	for (cpu = 0; cpu < config->cpu_set_size * 8; cpu++) {
		wanted = bytes[cpu / 8] & (1 << (cpu % 8));
		if (!wanted)
			continue;
		if (cpu >= hypervisor_max_cpus() || cpu >= MAX_CPUS) {
			printk("ERROR: cell \"%s\": CPU %u does not exist\n",
			       config->name, cpu);
			return -EINVAL;
		}
		cpu_data = per_cpu(cpu);
		if (!cell_owns_cpu(&root_cell, cpu)) {
			printk("ERROR: cell \"%s\": CPU %u belongs to another cell\n",
			       config->name, cpu);
			return -EBUSY;
		}
		if (!cpu_data->initialized) {
			printk("ERROR: cell \"%s\": CPU %u was offline when the hypervisor was enabled\n",
			       config->name, cpu);
			return -EINVAL;
		}
		if (cpu == caller) {
			printk("ERROR: cell \"%s\": CPU %u issues this call and stays with the root cell\n",
			       config->name, cpu);
			return -EBUSY;
		}
	}
	for (cpu = first_cpu(root_cell.cpu_set); cpu < MAX_CPUS;
	     cpu = next_cpu(cpu, root_cell.cpu_set))
		if (cpu >= config->cpu_set_size * 8 ||
		    !(bytes[cpu / 8] & (1 << (cpu % 8))))
			remaining++;
	if (!remaining) {
		printk("ERROR: cell \"%s\" would take the last root-cell CPU\n",
		       config->name);
		return -EBUSY;
	}
	return 0;
}

/* ---- comm region --------------------------------------------------------- */

static void comm_region_init(struct cell *cell)
{
	struct jailhouse_comm_region *comm = comm_of(cell);
	u32 flags = cell->config->flags;

	memcpy(comm->signature, COMM_REGION_MAGIC, sizeof(comm->signature));
	comm->revision = COMM_REGION_ABI_REVISION;
	comm->msg_to_cell = JAILHOUSE_MSG_NONE;
	comm->reply_from_cell = JAILHOUSE_MSG_NONE;
	comm->flags = 0;
	if (CELL_FLAGS_VIRTUAL_CONSOLE_PERMITTED(flags))
		comm->flags |= JAILHOUSE_COMM_FLAG_DBG_PUTC_PERMITTED;
	if (CELL_FLAGS_VIRTUAL_CONSOLE_ACTIVE(flags))
		comm->flags |= JAILHOUSE_COMM_FLAG_DBG_PUTC_ACTIVE;
	comm->console = cell->config->console;
	comm->pci_mmconfig_base =
		system_config->platform_info.pci_mmconfig_base;
	memory_barrier();
	comm->cell_state = JAILHOUSE_CELL_RUNNING;
}

/* ---- hypercalls ---------------------------------------------------------- */

static void link_cell(struct cell *cell)
{
	struct cell *last = &root_cell;

	while (last->next)
		last = last->next;
	last->next = cell;
	num_cells++;
}

static void unlink_cell(struct cell *cell)
{
	struct cell *prev = &root_cell;

	while (prev->next != cell)
		prev = prev->next;
	prev->next = cell->next;
	cell->next = NULL;
	num_cells--;
}

static void free_cell(struct cell *cell)
{
	unsigned long config_pages = cell->config_pages;

	page_free(&mem_pool, (void *)cell->config, config_pages);
	page_free(&mem_pool, cell, PAGES(sizeof(*cell)));
}

/* Move the CPUs of @cell from the root cell into it, parked. */
static void hand_cpus_to_cell(struct cell *cell)
{
	unsigned int cpu;

	for (cpu = first_cpu(cell->cpu_set); cpu < MAX_CPUS;
	     cpu = next_cpu(cpu, cell->cpu_set)) {
		clear_bit_nonatomic(cpu, root_cell.cpu_set);
		per_cpu(cpu)->cell = cell;
		per_cpu(cpu)->failed = false;
		arch_cpu_park(cpu);
	}
}

static void return_cpus_to_root(struct cell *cell)
{
	unsigned int cpu;

	for (cpu = first_cpu(cell->cpu_set); cpu < MAX_CPUS;
	     cpu = next_cpu(cpu, cell->cpu_set)) {
		set_bit_nonatomic(cpu, root_cell.cpu_set);
		per_cpu(cpu)->cell = &root_cell;
		per_cpu(cpu)->failed = false;
		arch_cpu_park(cpu);
	}
}

static long create_locked(struct per_cpu *caller, u64 config_phys)
{
	struct jailhouse_cell_desc *config;
	unsigned long config_pages;
	struct cell *cell;
	u64 config_size;
	int err;

	err = require_no_locked_cell(NULL);
	if (err)
		return err;
	config = fetch_config(config_phys, &config_size, &config_pages);
	if (!config)
		return -EINVAL;
	err = validate_config(config, config_size);
	if (!err)
		err = check_resources(config, caller->cpu_id);
	if (err)
		goto err_config;

	cell = page_alloc(&mem_pool, PAGES(sizeof(*cell)));
	if (!cell) {
		err = -ENOMEM;
		goto err_config;
	}
	cell->config = config;
	cell->config_pages = config_pages;
	cell->id = lowest_free_id();

	err = suspend_root_and(NULL, caller->cpu_id);
	if (err)
		goto err_cell;
	err = cell_init(cell);
	if (err)
		goto err_resume;
	err = take_regions_from_root(cell);
	if (err)
		goto err_exit;

	comm_of(cell)->cell_state = JAILHOUSE_CELL_SHUT_DOWN;
	hand_cpus_to_cell(cell);
	arch_config_commit(cell);
	link_cell(cell);
	/* the CPUs handed over take their park request now */
	resume_root_and(cell, caller->cpu_id);

	printk("Created cell \"%s\" (id %u)\n", config->name, cell->id);
	announce_reconfiguration();
	return cell->id;

err_exit:
	cell_exit(cell);
err_resume:
	resume_root_and(NULL, caller->cpu_id);
err_cell:
	page_free(&mem_pool, cell, PAGES(sizeof(*cell)));
err_config:
	page_free(&mem_pool, config, config_pages);
	printk("Cell not created: error %d, nothing changed\n", err);
	return err;
}

static struct cell *management_target(unsigned long id, long *err)
{
	struct cell *cell = cell_find(id);

	*err = 0;
	if (!cell)
		*err = -ENOENT;
	else if (cell == &root_cell)
		*err = -EINVAL;
	return *err ? NULL : cell;
}

/* Stop the CPUs of @cell (parked until the next start). */
static int park_cell(struct cell *cell, unsigned int caller)
{
	unsigned int cpu;
	int err;

	err = cpus_suspend(cell->cpu_set, caller);
	if (err)
		return err;
	for (cpu = first_cpu(cell->cpu_set); cpu < MAX_CPUS;
	     cpu = next_cpu(cpu, cell->cpu_set))
		arch_cpu_park(cpu);
	return 0;
}

static long set_loadable_locked(struct per_cpu *caller, unsigned long id)
{
	struct cell *cell;
	long err;

	cell = management_target(id, &err);
	if (!cell)
		return err;
	err = require_shutdown_approval(cell, "shut down");
	if (err)
		return err;

	err = park_cell(cell, caller->cpu_id);
	if (err)
		return err;
	comm_of(cell)->cell_state = JAILHOUSE_CELL_SHUT_DOWN;
	pci_cell_reset(cell);
	if (!cell->loadable) {
		err = map_loadable_into_root(cell);
		if (!err)
			cell->loadable = true;
	}
	cpus_resume(cell->cpu_set, caller->cpu_id, MAX_CPUS);
	if (!err)
		printk("Cell \"%s\" shut down, loadable\n",
		       cell->config->name);
	return err;
}

static long start_locked(struct per_cpu *caller, unsigned long id)
{
	struct cell *cell;
	unsigned int cpu;
	long err;

	cell = management_target(id, &err);
	if (!cell)
		return err;
	err = require_shutdown_approval(cell, "restarted");
	if (err)
		return err;

	err = cpus_suspend(cell->cpu_set, caller->cpu_id);
	if (err)
		return err;
	if (cell->loadable) {
		unmap_loadable_from_root(cell);
		arch_config_commit(NULL);
		cell->loadable = false;
	}
	comm_region_init(cell);
	pci_cell_reset(cell);
	for (cpu = first_cpu(cell->cpu_set); cpu < MAX_CPUS;
	     cpu = next_cpu(cpu, cell->cpu_set))
		per_cpu(cpu)->failed = false;
	arch_cell_reset(cell);
	cpus_resume(cell->cpu_set, caller->cpu_id, MAX_CPUS);

	printk("Started cell \"%s\"\n", cell->config->name);
	return 0;
}

static long destroy_locked(struct per_cpu *caller, unsigned long id)
{
	struct cell *cell;
	long err;

	cell = management_target(id, &err);
	if (!cell)
		return err;
	err = require_no_locked_cell(cell);
	if (!err)
		err = require_shutdown_approval(cell, "destroyed");
	if (err)
		return err;

	err = suspend_root_and(cell, caller->cpu_id);
	if (err)
		return err;

	if (cell->loadable)
		unmap_loadable_from_root(cell);
	return_cpus_to_root(cell);
	unlink_cell(cell);
	cell_exit(cell);
	return_regions_to_root(cell, cell->config->num_memory_regions);
	retake_from_root();
	arch_config_commit(NULL);
	/* the CPUs come back powered off; Linux turns them on again */
	resume_root_and(NULL, caller->cpu_id);

	printk("Destroyed cell \"%s\"\n", cell->config->name);
	free_cell(cell);
	announce_reconfiguration();
	return 0;
}

long cell_management(unsigned long code, unsigned long arg)
{
	struct per_cpu *caller = this_cpu_data();
	long result;

	control_lock();
	switch (code) {
	case JAILHOUSE_HC_CELL_CREATE:
		result = create_locked(caller, arg);
		break;
	case JAILHOUSE_HC_CELL_SET_LOADABLE:
		result = set_loadable_locked(caller, arg);
		break;
	case JAILHOUSE_HC_CELL_START:
		result = start_locked(caller, arg);
		break;
	case JAILHOUSE_HC_CELL_DESTROY:
		result = destroy_locked(caller, arg);
		break;
	default:
		result = -ENOSYS;
		break;
	}
	control_unlock();
	return result;
}
