/* SPDX-License-Identifier: GPL-2.0 */
/*
 * jailhouse.ko: state shared by the files of the driver.
 *
 * Locking: jh.lock (a mutex) serializes every ioctl, the reboot notifier
 * and every sysfs read that issues hypercalls. sysfs directories of cells
 * are never removed with jh.lock held (a reader blocked on the lock would
 * keep kernfs from finishing the removal); see jh_unlock().
 */
#ifndef _JAILHOUSE_DRIVER_H
#define _JAILHOUSE_DRIVER_H

#include <linux/cpumask.h>
#include <linux/err.h>
#include <linux/kobject.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/types.h>

#include <jailhouse/cell-config.h>
#include <jailhouse/header.h>
#include <jailhouse/hypercall.h>
#include <jailhouse/ioctl.h>

struct device;

/* Largest config image the driver copies from userspace */
#define JH_MAX_CONFIG_SIZE	(1024 * 1024)

struct jh_stats_dir;

struct jh_cell {
	struct kobject kobj;		/* cells/<id>, owns this struct */
	struct jh_stats_dir *stats;	/* cells/<id>/statistics */
	struct jh_stats_dir **cpu_stats; /* statistics/cpu<n>, nr_cpu_ids */
	struct list_head entry;		/* in jh.cells */
	struct list_head dead_entry;	/* in jh.dead_cells */
	unsigned int id;
	char name[JAILHOUSE_CELL_NAME_MAXLEN + 1];
	cpumask_t cpus_assigned;
	cpumask_t cpus_from_linux;	/* CPUs we took offline for the cell */
	bool removed;			/* no more hypercalls for this cell */
	bool in_sysfs;
	struct jailhouse_cell_desc *config;	/* physically contiguous */
	size_t config_alloc_size;
};

struct jh_state {
	struct mutex lock;		/* see the top of this file */
	bool enabled;
	struct device *dev;		/* root device "jailhouse" */
	struct kobject *cells_dir;

	/* hypervisor memory, claimed and mapped while enabled */
	struct resource *hv_res;
	void *hv_mem;
	u64 hv_phys;
	u64 hv_size;

	/* copy of the system config while enabled */
	struct jailhouse_system *system;
	size_t system_size;

	struct list_head cells;		/* root cell first */
	struct list_head dead_cells;	/* sysfs removal pending */
};

extern struct jh_state jh;

static inline struct jailhouse_header *jh_header(void)
{
	return jh.hv_mem;
}

/*
 * Hypercalls return a 32-bit value: an errno in -4095..-1, else data.
 * Returns the negative errno or the value.
 */
static inline s64 jh_hypercall_result(u32 ret)
{
	return (s32)ret < 0 && (s32)ret >= -MAX_ERRNO ? (s32)ret : (s64)ret;
}

/* Hypercalls with their result decoded as above */
static inline s64 jh_call1(unsigned int code, unsigned long arg1)
{
	return jh_hypercall_result(jailhouse_call_arg1(code, arg1));
}

static inline s64 jh_call2(unsigned int code, unsigned long arg1,
			   unsigned long arg2)
{
	return jh_hypercall_result(jailhouse_call_arg2(code, arg1, arg2));
}

/* mutex_unlock(&jh.lock), then remove the sysfs entries of dead cells */
void jh_unlock(void);

/* enable.c */
int jh_cmd_enable(struct jailhouse_system __user *arg);
int jh_cmd_disable(void);

/* cell.c */
int jh_cells_init(void);
void jh_cells_exit(void);
struct jh_cell *jh_cell_create_root(void);
void jh_cell_free(struct jh_cell *cell);	/* kobject release only */
void jh_cell_retire_all(void);
int jh_cmd_cell_create(struct jailhouse_cell_create __user *arg);
int jh_cmd_cell_load(struct jailhouse_cell_load __user *arg);
int jh_cmd_cell_start(struct jailhouse_cell_id __user *arg);
int jh_cmd_cell_destroy(struct jailhouse_cell_id __user *arg);
int jh_cell_destroy_non_root(void);
const char *jh_cell_state_name(unsigned int state);

/* pci.c: the root cell's virtual PCI devices in Linux (after enable) */
void jh_pci_virtual_add(void);
void jh_pci_virtual_remove(void);

/* sysfs.c */
int jh_sysfs_init(struct device *dev);
void jh_sysfs_exit(struct device *dev);
void jh_sysfs_cell_init(struct jh_cell *cell);
int jh_sysfs_cell_add(struct jh_cell *cell);
void jh_sysfs_cell_remove(struct jh_cell *cell);
void jh_sysfs_cell_put(struct jh_cell *cell);

/* enable.c */
int jh_config_cpu_set(const struct jailhouse_cell_desc *cell,
		      struct cpumask *mask);

/* console.c */
ssize_t jh_console_read(struct file *file, char __user *buf, size_t count,
			loff_t *ppos);
int jh_console_open(struct inode *inode, struct file *file);
int jh_console_release(struct inode *inode, struct file *file);
ssize_t jh_console_show_tail(char *buf, size_t size);
void jh_console_attach(struct jailhouse_console_ring *ring);
void jh_console_detach(void);
void jh_console_exit(void);

/* snapshot of the hypervisor core for /sys/devices/jailhouse/core */
void jh_core_snapshot(const void *core, size_t size);
ssize_t jh_core_read(char *buf, loff_t off, size_t count);
void jh_core_free(void);

/* config_check.c: the shared validator, findings go to the kernel log */
int jh_check_system(const struct jailhouse_system *system, size_t size);
int jh_check_cell(const struct jailhouse_system *system,
		  const struct jailhouse_cell_desc *cell, size_t size);
int jh_check_disjoint(const struct jailhouse_cell_desc *const cells[],
		      unsigned int num_cells);

#endif /* !_JAILHOUSE_DRIVER_H */
