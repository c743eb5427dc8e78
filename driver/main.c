// SPDX-License-Identifier: GPL-2.0
/*
 * jailhouse.ko: module entry points, /dev/jailhouse and the reboot hook.
 */
#define pr_fmt(fmt) "jailhouse: " fmt

#include <linux/compat.h>
#include <linux/device.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/reboot.h>
#include <linux/uaccess.h>

#include "driver.h"

#include <jailhouse/ioctl.h>

#define JH_VERSION	"0.1"

struct jh_state jh = {
	.lock = __MUTEX_INITIALIZER(jh.lock),
	.cells = LIST_HEAD_INIT(jh.cells),
	.dead_cells = LIST_HEAD_INIT(jh.dead_cells),
};

void jh_unlock(void)
{
	LIST_HEAD(dead);
	struct jh_cell *cell, *next;

	list_splice_init(&jh.dead_cells, &dead);
	mutex_unlock(&jh.lock);

	list_for_each_entry_safe(cell, next, &dead, dead_entry) {
		list_del(&cell->dead_entry);
		jh_sysfs_cell_remove(cell);
		jh_sysfs_cell_put(cell);
	}
}

static long jh_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	void __user *uarg = (void __user *)arg;
	long err;

	if (mutex_lock_interruptible(&jh.lock))
		return -EINTR;

	switch (cmd) {
	case JAILHOUSE_ENABLE:
		err = jh_cmd_enable(uarg);
		break;
	case JAILHOUSE_DISABLE:
		err = jh_cmd_disable();
		break;
	case JAILHOUSE_CELL_CREATE:
		err = jh_cmd_cell_create(uarg);
		break;
	case JAILHOUSE_CELL_LOAD:
		err = jh_cmd_cell_load(uarg);
		break;
	case JAILHOUSE_CELL_START:
		err = jh_cmd_cell_start(uarg);
		break;
	case JAILHOUSE_CELL_DESTROY:
		err = jh_cmd_cell_destroy(uarg);
		break;
	default:
		err = -EINVAL;
		break;
	}

	jh_unlock();
	return err;
}

#ifdef CONFIG_COMPAT
/* JAILHOUSE_ENABLE as a 32-bit tool encodes it (pointer size 4) */
#define JAILHOUSE_ENABLE_COMPAT		_IOW(0, 0, compat_uptr_t)

static long jh_compat_ioctl(struct file *file, unsigned int cmd,
			    unsigned long arg)
{
	/* All other structs have the same layout in both worlds. */
	if (cmd == JAILHOUSE_ENABLE_COMPAT)
		cmd = JAILHOUSE_ENABLE;
	return jh_ioctl(file, cmd, (unsigned long)compat_ptr(arg));
}
#endif

static const struct file_operations jh_fops = {
	.owner = THIS_MODULE,
	.unlocked_ioctl = jh_ioctl,
#ifdef CONFIG_COMPAT
	.compat_ioctl = jh_compat_ioctl,
#endif
	.open = jh_console_open,
	.release = jh_console_release,
	.read = jh_console_read,
	.llseek = noop_llseek,
};

static struct miscdevice jh_misc_dev = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "jailhouse",
	.fops = &jh_fops,
};

/* Never leave a running hypervisor behind when the machine goes down. */
static int jh_reboot_notify(struct notifier_block *nb, unsigned long code,
			    void *unused)
{
	int err;

	if (code != SYS_RESTART && code != SYS_HALT && code != SYS_POWER_OFF)
		return NOTIFY_DONE;

	mutex_lock(&jh.lock);
	if (jh.enabled) {
		err = jh_cmd_disable();
		if (err)
			pr_err("Could not disable the hypervisor before reboot: %d\n",
			       err);
	}
	jh_unlock();
	return NOTIFY_DONE;
}

static struct notifier_block jh_reboot_nb = {
	.notifier_call = jh_reboot_notify,
};

static int __init jh_init(void)
{
	int err;

	jh.dev = root_device_register("jailhouse");
	if (IS_ERR(jh.dev))
		return PTR_ERR(jh.dev);

	err = jh_sysfs_init(jh.dev);
	if (err)
		goto unregister_dev;

	err = misc_register(&jh_misc_dev);
	if (err)
		goto exit_sysfs;

	err = jh_cells_init();
	if (err)
		goto deregister_misc;

	err = register_reboot_notifier(&jh_reboot_nb);
	if (err)
		goto exit_cells;

	pr_info("Driver %s loaded\n", JH_VERSION);
	return 0;

exit_cells:
	jh_cells_exit();
deregister_misc:
	misc_deregister(&jh_misc_dev);
exit_sysfs:
	jh_sysfs_exit(jh.dev);
unregister_dev:
	root_device_unregister(jh.dev);
	return err;
}

/*
 * The module cannot go away while the hypervisor runs: enable takes a
 * module reference (the firmware returns into the module's trampoline on
 * disable), so here the hypervisor is always disabled.
 */
static void __exit jh_exit(void)
{
	unregister_reboot_notifier(&jh_reboot_nb);
	jh_cells_exit();
	misc_deregister(&jh_misc_dev);
	jh_sysfs_exit(jh.dev);
	root_device_unregister(jh.dev);
	jh_console_exit();
	jh_core_free();
}

module_init(jh_init);
module_exit(jh_exit);

MODULE_DESCRIPTION("Loader for the Jailhouse partitioning hypervisor");
MODULE_LICENSE("GPL");
MODULE_VERSION(JH_VERSION);
MODULE_FIRMWARE("jailhouse.bin");
MODULE_FIRMWARE("jailhouse-intel.bin");
