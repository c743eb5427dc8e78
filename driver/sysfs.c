// SPDX-License-Identifier: GPL-2.0
/*
 * /sys/devices/jailhouse: enabled, console, pool figures, core, and
 * cells/<id>/{name,state,cpus_*,statistics/[cpu<n>/]vmexits_*}.
 */
#define pr_fmt(fmt) "jailhouse: " fmt

#include <linux/device.h>
#include <linux/slab.h>
#include <linux/sysfs.h>

#include "arch.h"
#include "driver.h"

#include <jailhouse/hypercall.h>

/* ---- root device attributes ---- */

static ssize_t enabled_show(struct device *dev, struct device_attribute *attr,
			    char *buf)
{
	return sysfs_emit(buf, "%d\n", READ_ONCE(jh.enabled));
}
static DEVICE_ATTR_RO(enabled);

static ssize_t console_show(struct device *dev, struct device_attribute *attr,
			    char *buf)
{
	return jh_console_show_tail(buf, PAGE_SIZE);
}
static DEVICE_ATTR_RO(console);

/* Pool figures while enabled, 0 otherwise. */
static ssize_t show_hv_info(char *buf, unsigned int type)
{
	s64 val = 0;

	if (mutex_lock_interruptible(&jh.lock))
		return -EINTR;
	if (jh.enabled)
		val = jh_call1(JAILHOUSE_HC_HYPERVISOR_GET_INFO, type);
	jh_unlock();

	return val < 0 ? val : sysfs_emit(buf, "%lld\n", val);
}

#define HV_INFO_ATTR(name, type)					\
static ssize_t name##_show(struct device *dev,				\
			   struct device_attribute *attr, char *buf)	\
{									\
	return show_hv_info(buf, type);					\
}									\
static DEVICE_ATTR_RO(name)

HV_INFO_ATTR(mem_pool_size, JAILHOUSE_INFO_MEM_POOL_SIZE);
HV_INFO_ATTR(mem_pool_used, JAILHOUSE_INFO_MEM_POOL_USED);
HV_INFO_ATTR(remap_pool_size, JAILHOUSE_INFO_REMAP_POOL_SIZE);
HV_INFO_ATTR(remap_pool_used, JAILHOUSE_INFO_REMAP_POOL_USED);

static struct attribute *jh_root_attrs[] = {
	&dev_attr_enabled.attr,
	&dev_attr_console.attr,
	&dev_attr_mem_pool_size.attr,
	&dev_attr_mem_pool_used.attr,
	&dev_attr_remap_pool_size.attr,
	&dev_attr_remap_pool_used.attr,
	NULL,
};

/*
 * The hypervisor image as it was when the driver last released the
 * hypervisor memory (for gcov data). Not available while enabled.
 */
static ssize_t core_read(struct file *file, struct kobject *kobj,
			 struct bin_attribute *attr, char *buf, loff_t off,
			 size_t count)
{
	if (READ_ONCE(jh.enabled))
		return -EBUSY;
	return jh_core_read(buf, off, count);
}
static BIN_ATTR_ADMIN_RO(core, 0);

static struct bin_attribute *jh_root_bin_attrs[] = {
	&bin_attr_core,
	NULL,
};

static const struct attribute_group jh_root_group = {
	.attrs = jh_root_attrs,
	.bin_attrs = jh_root_bin_attrs,
};

/* ---- statistics ---- */

static const char *const generic_stat_names[JAILHOUSE_GENERIC_CPU_STATS] = {
	[JAILHOUSE_CPU_STAT_VMEXITS_TOTAL] = "vmexits_total",
	[JAILHOUSE_CPU_STAT_VMEXITS_MMIO] = "vmexits_mmio",
	[JAILHOUSE_CPU_STAT_VMEXITS_MANAGEMENT] = "vmexits_management",
	[JAILHOUSE_CPU_STAT_VMEXITS_HYPERCALL] = "vmexits_hypercall",
};

struct jh_stat_attr {
	struct attribute attr;
	unsigned int index;
};

static struct jh_stat_attr stat_attrs[JAILHOUSE_NUM_CPU_STATS];
static struct attribute *stat_attr_ptrs[JAILHOUSE_NUM_CPU_STATS + 1];

static const struct attribute_group stat_group = {
	.attrs = stat_attr_ptrs,
};

static const struct attribute_group *stat_groups[] = {
	&stat_group,
	NULL,
};

/* statistics/ of a cell (cpu < 0) or statistics/cpu<n>/ */
struct jh_stats_dir {
	struct kobject kobj;
	struct jh_cell *cell;
	int cpu;
};

static void init_stat_attrs(void)
{
	unsigned int n;

	for (n = 0; n < JAILHOUSE_NUM_CPU_STATS; n++) {
		stat_attrs[n].attr.name = n < JAILHOUSE_GENERIC_CPU_STATS ?
			generic_stat_names[n] :
			jh_arch_stat_names[n - JAILHOUSE_GENERIC_CPU_STATS];
		stat_attrs[n].attr.mode = 0444;
		stat_attrs[n].index = n;
		stat_attr_ptrs[n] = &stat_attrs[n].attr;
	}
}

static s64 cpu_stat(unsigned int cpu, unsigned int index)
{
	return jh_call2(JAILHOUSE_HC_CPU_GET_INFO, cpu,
			JAILHOUSE_CPU_INFO_STAT_BASE + index);
}

static ssize_t stats_show(struct kobject *kobj, struct attribute *attr,
			  char *buf)
{
	struct jh_stats_dir *dir = container_of(kobj, struct jh_stats_dir,
						kobj);
	unsigned int index = container_of(attr, struct jh_stat_attr,
					  attr)->index;
	unsigned int cpu;
	s64 sum = 0, val;
	int err = 0;

	if (mutex_lock_interruptible(&jh.lock))
		return -EINTR;
	if (!jh.enabled || dir->cell->removed) {
		err = -ENODEV;
	} else if (dir->cpu >= 0) {
		sum = cpu_stat(dir->cpu, index);
	} else {
		for_each_cpu(cpu, &dir->cell->cpus_assigned) {
			val = cpu_stat(cpu, index);
			if (val < 0) {
				sum = val;
				break;
			}
			sum += val;
		}
	}
	jh_unlock();

	if (!err && sum < 0)
		err = sum;
	return err ? err : sysfs_emit(buf, "%lld\n", sum);
}

static const struct sysfs_ops stats_sysfs_ops = {
	.show = stats_show,
};

static void stats_release(struct kobject *kobj)
{
	kfree(container_of(kobj, struct jh_stats_dir, kobj));
}

static struct kobj_type stats_ktype = {
	.release = stats_release,
	.sysfs_ops = &stats_sysfs_ops,
	.default_groups = stat_groups,
};

static struct jh_stats_dir *stats_dir_create(struct jh_cell *cell, int cpu,
					     struct kobject *parent)
{
	struct jh_stats_dir *dir = kzalloc(sizeof(*dir), GFP_KERNEL);
	int err;

	if (!dir)
		return NULL;
	dir->cell = cell;
	dir->cpu = cpu;
	if (cpu < 0)
		err = kobject_init_and_add(&dir->kobj, &stats_ktype, parent,
					   "statistics");
	else
		err = kobject_init_and_add(&dir->kobj, &stats_ktype, parent,
					   "cpu%d", cpu);
	if (err) {
		kobject_put(&dir->kobj);
		return NULL;
	}
	return dir;
}

static void stats_dir_remove(struct jh_stats_dir *dir)
{
	if (dir) {
		kobject_del(&dir->kobj);
		kobject_put(&dir->kobj);
	}
}

/* ---- cells/<id>/ ---- */

static struct jh_cell *to_cell(struct kobject *kobj)
{
	return container_of(kobj, struct jh_cell, kobj);
}

static ssize_t name_show(struct kobject *kobj, struct kobj_attribute *attr,
			 char *buf)
{
	return sysfs_emit(buf, "%s\n", to_cell(kobj)->name);
}

static ssize_t state_show(struct kobject *kobj, struct kobj_attribute *attr,
			  char *buf)
{
	struct jh_cell *cell = to_cell(kobj);
	s64 state = -ENODEV;

	if (mutex_lock_interruptible(&jh.lock))
		return -EINTR;
	if (jh.enabled && !cell->removed)
		state = jh_call1(JAILHOUSE_HC_CELL_GET_STATE, cell->id);
	jh_unlock();

	if (state < 0)
		return state;
	return sysfs_emit(buf, "%s\n", jh_cell_state_name(state));
}

static ssize_t cpus_assigned_show(struct kobject *kobj,
				  struct kobj_attribute *attr, char *buf)
{
	return sysfs_emit(buf, "%*pb\n",
			  cpumask_pr_args(&to_cell(kobj)->cpus_assigned));
}

static ssize_t cpus_assigned_list_show(struct kobject *kobj,
				       struct kobj_attribute *attr, char *buf)
{
	return sysfs_emit(buf, "%*pbl\n",
			  cpumask_pr_args(&to_cell(kobj)->cpus_assigned));
}

/* CPUs of the cell that the hypervisor reports as failed */
static int failed_cpus(struct jh_cell *cell, struct cpumask *failed)
{
	unsigned int cpu;
	s64 state;
	int err = 0;

	cpumask_clear(failed);
	if (mutex_lock_interruptible(&jh.lock))
		return -EINTR;
	if (!jh.enabled || cell->removed) {
		err = -ENODEV;
		goto out;
	}
	for_each_cpu(cpu, &cell->cpus_assigned) {
		state = jh_call2(JAILHOUSE_HC_CPU_GET_INFO, cpu,
				 JAILHOUSE_CPU_INFO_STATE);
		if (state < 0) {
			err = state;
			break;
		}
		if (state == JAILHOUSE_CPU_FAILED)
			cpumask_set_cpu(cpu, failed);
	}
out:
	jh_unlock();
	return err;
}

static ssize_t show_failed(struct kobject *kobj, char *buf, bool as_list)
{
	cpumask_var_t failed;
	ssize_t ret;

	if (!zalloc_cpumask_var(&failed, GFP_KERNEL))
		return -ENOMEM;
	ret = failed_cpus(to_cell(kobj), failed);
	if (!ret)
		ret = sysfs_emit(buf, as_list ? "%*pbl\n" : "%*pb\n",
				 cpumask_pr_args(failed));
	free_cpumask_var(failed);
	return ret;
}

static ssize_t cpus_failed_show(struct kobject *kobj,
				struct kobj_attribute *attr, char *buf)
{
	return show_failed(kobj, buf, false);
}

static ssize_t cpus_failed_list_show(struct kobject *kobj,
				     struct kobj_attribute *attr, char *buf)
{
	return show_failed(kobj, buf, true);
}

static struct kobj_attribute cell_attr_name = __ATTR_RO(name);
static struct kobj_attribute cell_attr_state = __ATTR_RO(state);
static struct kobj_attribute cell_attr_cpus_assigned =
	__ATTR_RO(cpus_assigned);
static struct kobj_attribute cell_attr_cpus_assigned_list =
	__ATTR_RO(cpus_assigned_list);
static struct kobj_attribute cell_attr_cpus_failed = __ATTR_RO(cpus_failed);
static struct kobj_attribute cell_attr_cpus_failed_list =
	__ATTR_RO(cpus_failed_list);

static struct attribute *cell_attrs[] = {
	&cell_attr_name.attr,
	&cell_attr_state.attr,
	&cell_attr_cpus_assigned.attr,
	&cell_attr_cpus_assigned_list.attr,
	&cell_attr_cpus_failed.attr,
	&cell_attr_cpus_failed_list.attr,
	NULL,
};
ATTRIBUTE_GROUPS(cell);

static void cell_release(struct kobject *kobj)
{
	jh_cell_free(to_cell(kobj));
}

static struct kobj_type cell_ktype = {
	.release = cell_release,
	.sysfs_ops = &kobj_sysfs_ops,
	.default_groups = cell_groups,
};

/* From here on, jh_sysfs_cell_put() frees the cell. */
void jh_sysfs_cell_init(struct jh_cell *cell)
{
	kobject_init(&cell->kobj, &cell_ktype);
}

void jh_sysfs_cell_put(struct jh_cell *cell)
{
	kobject_put(&cell->kobj);
}

/* cells/<id> with statistics/ and statistics/cpu<n>/ */
int jh_sysfs_cell_add(struct jh_cell *cell)
{
	unsigned int cpu;
	int err;

	err = kobject_add(&cell->kobj, jh.cells_dir, "%u", cell->id);
	if (err)
		return err;
	cell->in_sysfs = true;

	cell->stats = stats_dir_create(cell, -1, &cell->kobj);
	if (!cell->stats)
		goto nomem;
	for_each_cpu(cpu, &cell->cpus_assigned) {
		cell->cpu_stats[cpu] = stats_dir_create(cell, cpu,
							&cell->stats->kobj);
		if (!cell->cpu_stats[cpu])
			goto nomem;
	}

	kobject_uevent(&cell->kobj, KOBJ_ADD);
	return 0;

nomem:
	jh_sysfs_cell_remove(cell);
	return -ENOMEM;
}

/* Never call with jh.lock held: waits for running sysfs readers. */
void jh_sysfs_cell_remove(struct jh_cell *cell)
{
	unsigned int cpu;

	if (!cell->in_sysfs)
		return;
	for (cpu = 0; cpu < nr_cpu_ids; cpu++) {
		stats_dir_remove(cell->cpu_stats[cpu]);
		cell->cpu_stats[cpu] = NULL;
	}
	stats_dir_remove(cell->stats);
	cell->stats = NULL;
	kobject_del(&cell->kobj);
	cell->in_sysfs = false;
}

/* ---- setup ---- */

int jh_sysfs_init(struct device *dev)
{
	int err;

	init_stat_attrs();

	err = sysfs_create_group(&dev->kobj, &jh_root_group);
	if (err)
		return err;

	jh.cells_dir = kobject_create_and_add("cells", &dev->kobj);
	if (!jh.cells_dir) {
		sysfs_remove_group(&dev->kobj, &jh_root_group);
		return -ENOMEM;
	}
	return 0;
}

void jh_sysfs_exit(struct device *dev)
{
	kobject_put(jh.cells_dir);
	sysfs_remove_group(&dev->kobj, &jh_root_group);
}
