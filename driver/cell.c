// SPDX-License-Identifier: GPL-2.0
/*
 * Cells: JAILHOUSE_CELL_CREATE / _LOAD / _START / _DESTROY.
 *
 * A struct jh_cell lives as long as its kobject: it is initialized when
 * the cell is allocated, exposed as cells/<id> once the hypervisor knows
 * the cell, and freed by the last kobject_put(). Cells that go away are
 * marked "removed" under jh.lock (sysfs readers then get -ENODEV) and
 * leave sysfs only after jh.lock is dropped (jh_unlock()).
 */
#define pr_fmt(fmt) "jailhouse: " fmt

#include <linux/cpu.h>
#include <linux/cpuhotplug.h>
#include <linux/io.h>
#include <linux/ioport.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#include "arch.h"
#include "driver.h"

#include <jailhouse/hypercall.h>

/* Most images one CELL_LOAD may carry */
#define JH_MAX_PRELOAD_IMAGES	256

/*
 * CPUs that non-root cells own. Linux must not bring them online while
 * a cell has them (it would try to boot a CPU the hypervisor gave away);
 * a CPU hotplug callback refuses that with a clear message. Written under
 * jh.lock word by word; the callback only tests single bits.
 */
static struct cpumask cell_owned_cpus;
static enum cpuhp_state cpu_guard_state;

static const char *const cell_state_names[] = {
	[JAILHOUSE_CELL_RUNNING] = "running",
	[JAILHOUSE_CELL_RUNNING_LOCKED] = "running/locked",
	[JAILHOUSE_CELL_SHUT_DOWN] = "shut down",
	[JAILHOUSE_CELL_FAILED] = "failed",
	[JAILHOUSE_CELL_FAILED_COMM_REV] = "Comm ABI mismatch",
};

static int refuse_cell_cpu(unsigned int cpu)
{
	if (cpumask_test_cpu(cpu, &cell_owned_cpus)) {
		pr_err("CPU %u belongs to a cell; destroy the cell to get it back\n",
		       cpu);
		return -EBUSY;
	}
	return 0;
}

int jh_cells_init(void)
{
	int state;

	state = cpuhp_setup_state_nocalls(CPUHP_BP_PREPARE_DYN,
					  "jailhouse:cell-cpus",
					  refuse_cell_cpu, NULL);
	if (state < 0)
		return state;
	cpu_guard_state = state;
	return 0;
}

void jh_cells_exit(void)
{
	cpuhp_remove_state_nocalls(cpu_guard_state);
}

const char *jh_cell_state_name(unsigned int state)
{
	if (state < ARRAY_SIZE(cell_state_names))
		return cell_state_names[state];
	return "invalid";
}

void jh_cell_free(struct jh_cell *cell)
{
	if (cell->config)
		free_pages_exact(cell->config, cell->config_alloc_size);
	kfree(cell->cpu_stats);
	kfree(cell);
}

static struct jh_cell *cell_alloc(void)
{
	struct jh_cell *cell = kzalloc(sizeof(*cell), GFP_KERNEL);

	if (!cell)
		return NULL;
	cell->cpu_stats = kcalloc(nr_cpu_ids, sizeof(*cell->cpu_stats),
				  GFP_KERNEL);
	if (!cell->cpu_stats) {
		kfree(cell);
		return NULL;
	}
	INIT_LIST_HEAD(&cell->entry);
	INIT_LIST_HEAD(&cell->dead_entry);
	jh_sysfs_cell_init(cell);
	return cell;
}

/* No more hypercalls for this cell; sysfs goes at jh_unlock(). */
static void cell_retire(struct jh_cell *cell)
{
	cell->removed = true;
	list_del_init(&cell->entry);
	list_add_tail(&cell->dead_entry, &jh.dead_cells);
}

static struct jh_cell *root_cell(void)
{
	return list_first_entry(&jh.cells, struct jh_cell, entry);
}

struct jh_cell *jh_cell_create_root(void)
{
	const struct jailhouse_cell_desc *desc = &jh.system->root_cell;
	struct jh_cell *cell = cell_alloc();

	if (!cell)
		return ERR_PTR(-ENOMEM);
	cell->id = 0;
	strscpy(cell->name, desc->name, sizeof(cell->name));
	jh_config_cpu_set(desc, &cell->cpus_assigned);
	return cell;
}

void jh_cell_retire_all(void)
{
	struct jh_cell *cell, *next;

	list_for_each_entry_safe(cell, next, &jh.cells, entry)
		cell_retire(cell);
}

static struct jh_cell *find_cell(struct jailhouse_cell_id *cell_id)
{
	struct jh_cell *cell;

	cell_id->name[sizeof(cell_id->name) - 1] = 0;
	list_for_each_entry(cell, &jh.cells, entry) {
		if (cell_id->id == JAILHOUSE_CELL_ID_UNUSED ?
		    !strcmp(cell->name, cell_id->name) :
		    cell->id == cell_id->id)
			return cell;
	}
	return NULL;
}

/* The non-root cell a LOAD/START/DESTROY argument names */
static struct jh_cell *get_user_cell(struct jailhouse_cell_id __user *arg,
				     const char *verb)
{
	struct jailhouse_cell_id cell_id;
	struct jh_cell *cell;

	if (copy_from_user(&cell_id, arg, sizeof(cell_id)))
		return ERR_PTR(-EFAULT);
	if (!jh.enabled)
		return ERR_PTR(-EINVAL);

	cell = find_cell(&cell_id);
	if (!cell)
		return ERR_PTR(-ENOENT);
	if (cell->id == 0) {
		pr_err("The root cell cannot be %s\n", verb);
		return ERR_PTR(-EINVAL);
	}
	return cell;
}

/* ---- create ---- */

static struct jailhouse_cell_desc *
copy_cell_config(const struct jailhouse_cell_create *req, size_t *alloc_size)
{
	struct jailhouse_cell_desc *config;
	size_t size = req->config_size;

	if (size < sizeof(*config)) {
		pr_err("Not a cell configuration\n");
		return ERR_PTR(-EINVAL);
	}
	if (size > JH_MAX_CONFIG_SIZE) {
		pr_err("Cell configuration too large: %zu bytes (at most %u)\n",
		       size, JH_MAX_CONFIG_SIZE);
		return ERR_PTR(-E2BIG);
	}

	/* physically contiguous: the hypervisor reads it by address */
	config = alloc_pages_exact(size, GFP_KERNEL);
	if (!config)
		return ERR_PTR(-ENOMEM);
	*alloc_size = size;

	if (copy_from_user(config, u64_to_user_ptr(req->config_address),
			   size)) {
		free_pages_exact(config, size);
		return ERR_PTR(-EFAULT);
	}
	return config;
}

static int check_cell_header(const struct jailhouse_cell_desc *config)
{
	if (memcmp(config->signature, JAILHOUSE_CELL_DESC_SIGNATURE,
		   sizeof(config->signature))) {
		pr_err("Not a cell configuration\n");
		return -EINVAL;
	}
	if (config->revision != JAILHOUSE_CONFIG_REVISION) {
		pr_err("Configuration revision mismatch\n");
		return -EINVAL;
	}
	if (config->architecture != jh_arch_config_arch) {
		pr_err("Configuration architecture mismatch\n");
		return -EINVAL;
	}
	return 0;
}

/*
 * The validator proves the cell fits the system config; here we check
 * what only the running system knows: free CPUs, name, Linux's RAM.
 */
static int check_cell_resources(const struct jailhouse_cell_desc *config,
				const struct cpumask *cpus)
{
	const struct jailhouse_memory *mem = jailhouse_cell_mem_regions(config);
	struct jh_cell *root = root_cell(), *cell;
	unsigned int cpu, n;

	list_for_each_entry(cell, &jh.cells, entry) {
		if (!strcmp(cell->name, config->name)) {
			pr_err("Cell \"%s\" already exists\n", config->name);
			return -EEXIST;
		}
	}

	for_each_cpu(cpu, cpus) {
		if (!cpumask_test_cpu(cpu, &root->cpus_assigned)) {
			pr_err("CPU %u of cell \"%s\" belongs to another cell\n",
			       cpu, config->name);
			return -EBUSY;
		}
		if (!jh_arch_cpu_can_leave_linux(cpu))
			return -EINVAL;
	}
	if (cpumask_subset(&root->cpus_assigned, cpus)) {
		pr_err("Cell \"%s\" would take the last CPU of the root cell\n",
		       config->name);
		return -EINVAL;
	}

	for (n = 0; n < config->num_memory_regions; n++, mem++) {
		if (mem->flags & (JAILHOUSE_MEM_COMM_REGION |
				  JAILHOUSE_MEM_ROOTSHARED | JAILHOUSE_MEM_IO))
			continue;
		if (region_intersects(mem->phys_start, mem->size,
				      IORESOURCE_SYSTEM_RAM, IORES_DESC_NONE) !=
		    REGION_DISJOINT) {
			pr_err("Memory region %u of cell \"%s\" (0x%llx-0x%llx) is System RAM that Linux uses; reserve it at boot\n",
			       n, config->name, mem->phys_start,
			       mem->phys_start + mem->size - 1);
			return -EBUSY;
		}
	}
	return 0;
}

/* The validator's view on sharing between the new and the existing cells */
static int check_against_cells(const struct jailhouse_cell_desc *config)
{
	const struct jailhouse_cell_desc **configs;
	struct jh_cell *cell;
	unsigned int num = 0;
	int err;

	list_for_each_entry(cell, &jh.cells, entry)
		num++;
	configs = kcalloc(num, sizeof(*configs), GFP_KERNEL);
	if (!configs)
		return -ENOMEM;

	num = 0;
	list_for_each_entry(cell, &jh.cells, entry)
		if (cell->config)
			configs[num++] = cell->config;
	configs[num++] = config;

	err = jh_check_disjoint(configs, num);
	kfree(configs);
	return err;
}

static unsigned int free_cell_id(void)
{
	struct jh_cell *cell;
	unsigned int id = 1;

again:
	list_for_each_entry(cell, &jh.cells, entry) {
		if (cell->id == id) {
			id++;
			goto again;
		}
	}
	return id;
}

/* Give the CPUs that Linux gave up for @cell back to Linux. */
static void return_cpus_to_linux(struct jh_cell *cell)
{
	unsigned int cpu;
	int err;

	for_each_cpu(cpu, &cell->cpus_from_linux) {
		err = add_cpu(cpu);
		if (err)
			pr_warn("Could not bring CPU %u back online: %d\n",
				cpu, err);
	}
	cpumask_clear(&cell->cpus_from_linux);
}

static int take_cpus_from_linux(struct jh_cell *cell)
{
	unsigned int cpu;
	int err;

	for_each_cpu(cpu, &cell->cpus_assigned) {
		if (!cpu_online(cpu))
			continue;
		err = remove_cpu(cpu);
		if (err) {
			pr_err("Cannot take CPU %u from Linux: %d\n", cpu, err);
			return_cpus_to_linux(cell);
			return err;
		}
		cpumask_set_cpu(cpu, &cell->cpus_from_linux);
	}
	return 0;
}

int jh_cmd_cell_create(struct jailhouse_cell_create __user *arg)
{
	struct jailhouse_cell_create req;
	struct jailhouse_cell_desc *config;
	struct jh_cell *cell;
	size_t alloc_size;
	int err, missing_cpu;
	s64 ret;

	if (copy_from_user(&req, arg, sizeof(req)))
		return -EFAULT;
	if (!jh.enabled)
		return -EINVAL;

	config = copy_cell_config(&req, &alloc_size);
	if (IS_ERR(config))
		return PTR_ERR(config);

	cell = cell_alloc();
	if (!cell) {
		free_pages_exact(config, alloc_size);
		return -ENOMEM;
	}
	cell->config = config;
	cell->config_alloc_size = alloc_size;

	err = check_cell_header(config);
	if (!err)
		err = jh_check_cell(jh.system, config, req.config_size);
	if (!err)
		err = check_against_cells(config);
	if (err)
		goto put_cell;

	strscpy(cell->name, config->name, sizeof(cell->name));
	missing_cpu = jh_config_cpu_set(config, &cell->cpus_assigned);
	if (missing_cpu >= 0) {
		pr_err("CPU %d of cell \"%s\" does not exist on this machine\n",
		       missing_cpu, cell->name);
		err = -EINVAL;
		goto put_cell;
	}
	err = check_cell_resources(config, &cell->cpus_assigned);
	if (err)
		goto put_cell;

	config->id = free_cell_id();
	err = take_cpus_from_linux(cell);
	if (err)
		goto put_cell;

	ret = jh_call1(JAILHOUSE_HC_CELL_CREATE, virt_to_phys(config));
	if (ret < 0) {
		err = ret;
		pr_err("Creating cell \"%s\" failed: %pe (%d), see `jailhouse console`\n",
		       cell->name, ERR_PTR(err), err);
		return_cpus_to_linux(cell);
		goto put_cell;
	}
	/* the hypervisor has the final word on the ID */
	cell->id = ret > 0 ? ret : config->id;
	cpumask_or(&cell_owned_cpus, &cell_owned_cpus, &cell->cpus_assigned);

	cpumask_andnot(&root_cell()->cpus_assigned,
		       &root_cell()->cpus_assigned, &cell->cpus_assigned);
	list_add_tail(&cell->entry, &jh.cells);
	if (jh_sysfs_cell_add(cell))
		pr_warn("Could not create sysfs entry of cell \"%s\"\n",
			cell->name);

	pr_info("Created Jailhouse cell \"%s\"\n", cell->name);
	return 0;

put_cell:
	jh_sysfs_cell_put(cell);
	return err;
}

/* ---- load ---- */

/* The writable, loadable region of @config that holds the whole image */
static const struct jailhouse_memory *
find_load_region(const struct jailhouse_cell_desc *config,
		 const struct jailhouse_preload_image *image)
{
	const struct jailhouse_memory *mem = jailhouse_cell_mem_regions(config);
	const u64 need = JAILHOUSE_MEM_WRITE | JAILHOUSE_MEM_LOADABLE;
	u64 offset;
	unsigned int n;

	for (n = 0; n < config->num_memory_regions; n++, mem++) {
		if ((mem->flags & need) != need ||
		    image->target_address < mem->virt_start)
			continue;
		offset = image->target_address - mem->virt_start;
		if (offset < mem->size && image->size <= mem->size - offset)
			return mem;
	}
	return NULL;
}

static int load_image(struct jh_cell *cell,
		      const struct jailhouse_preload_image *image,
		      const struct jailhouse_memory *mem)
{
	u64 phys = mem->phys_start + (image->target_address - mem->virt_start);
	void *map;
	int err = 0;

	if (!image->size)
		return 0;
	map = memremap(phys, image->size, MEMREMAP_WB);
	if (!map) {
		pr_err("Cannot map 0x%llx (%llu bytes) of cell \"%s\"\n",
		       phys, image->size, cell->name);
		return -ENOMEM;
	}
	if (copy_from_user(map, u64_to_user_ptr(image->source_address),
			   image->size))
		err = -EFAULT;
	/* cells start with caches off on ARM */
	jh_arch_flush_dcache(map, image->size);
	memunmap(map);
	return err;
}

static struct jailhouse_preload_image *
copy_images(struct jailhouse_cell_load __user *arg, unsigned int num)
{
	struct jailhouse_preload_image *images;

	if (num > JH_MAX_PRELOAD_IMAGES) {
		pr_err("Too many images: %u (at most %u)\n", num,
		       JH_MAX_PRELOAD_IMAGES);
		return ERR_PTR(-E2BIG);
	}
	images = kmalloc_array(num ? num : 1, sizeof(*images), GFP_KERNEL);
	if (!images)
		return ERR_PTR(-ENOMEM);
	if (copy_from_user(images, arg->image, num * sizeof(*images))) {
		kfree(images);
		return ERR_PTR(-EFAULT);
	}
	return images;
}

/* Load with zero images is how `jailhouse cell shutdown` works. */
int jh_cmd_cell_load(struct jailhouse_cell_load __user *arg)
{
	const struct jailhouse_memory **regions = NULL;
	struct jailhouse_preload_image *images;
	struct jh_cell *cell;
	unsigned int n, num;
	int err = 0;
	s64 ret;

	if (get_user(num, &arg->num_preload_images))
		return -EFAULT;
	cell = get_user_cell(&arg->cell_id, "loaded");
	if (IS_ERR(cell))
		return PTR_ERR(cell);

	images = copy_images(arg, num);
	if (IS_ERR(images))
		return PTR_ERR(images);
	regions = kcalloc(num ? num : 1, sizeof(*regions), GFP_KERNEL);
	if (!regions) {
		err = -ENOMEM;
		goto out;
	}

	/* check every target before the cell is touched */
	for (n = 0; n < num; n++) {
		regions[n] = find_load_region(cell->config, &images[n]);
		if (!regions[n]) {
			pr_err("Image %u (0x%llx, %llu bytes) is not inside one writable, loadable memory region of cell \"%s\"\n",
			       n, images[n].target_address, images[n].size,
			       cell->name);
			err = -EINVAL;
			goto out;
		}
	}

	ret = jh_call1(JAILHOUSE_HC_CELL_SET_LOADABLE, cell->id);
	if (ret < 0) {
		err = ret;
		goto out;
	}

	for (n = 0; n < num && !err; n++)
		err = load_image(cell, &images[n], regions[n]);
out:
	kfree(regions);
	kfree(images);
	return err;
}

/* ---- start, destroy ---- */

int jh_cmd_cell_start(struct jailhouse_cell_id __user *arg)
{
	struct jh_cell *cell = get_user_cell(arg, "started");
	s64 ret;

	if (IS_ERR(cell))
		return PTR_ERR(cell);
	ret = jh_call1(JAILHOUSE_HC_CELL_START, cell->id);
	return ret < 0 ? ret : 0;
}

static int destroy_cell(struct jh_cell *cell)
{
	s64 ret;

	ret = jh_call1(JAILHOUSE_HC_CELL_DESTROY, cell->id);
	if (ret < 0) {
		pr_err("Destroying cell \"%s\" failed: %pe (%lld)\n",
		       cell->name, ERR_PTR(ret), ret);
		return ret;
	}

	cpumask_or(&root_cell()->cpus_assigned, &root_cell()->cpus_assigned,
		   &cell->cpus_assigned);
	cpumask_andnot(&cell_owned_cpus, &cell_owned_cpus,
		       &cell->cpus_assigned);
	return_cpus_to_linux(cell);
	pr_info("Destroyed Jailhouse cell \"%s\"\n", cell->name);
	cell_retire(cell);
	return 0;
}

int jh_cmd_cell_destroy(struct jailhouse_cell_id __user *arg)
{
	struct jh_cell *cell = get_user_cell(arg, "destroyed");

	if (IS_ERR(cell))
		return PTR_ERR(cell);
	return destroy_cell(cell);
}

int jh_cell_destroy_non_root(void)
{
	struct jh_cell *cell, *next;
	int err;

	list_for_each_entry_safe(cell, next, &jh.cells, entry) {
		if (cell->id == 0)
			continue;
		err = destroy_cell(cell);
		if (err)
			return err;
	}
	return 0;
}
