// SPDX-License-Identifier: GPL-2.0
/*
 * JAILHOUSE_ENABLE and JAILHOUSE_DISABLE.
 *
 * Enable: copy and validate the system config, check the CPU and the CPU
 * set, claim and map the reserved hypervisor memory, load the firmware
 * into it, and enter the firmware on all online CPUs at once. Every step
 * that fails undoes the ones before, so a failed enable leaves the system
 * as it was (only the console ring and the core image are kept in copies
 * for `jailhouse console` and gcov).
 *
 * All CPUs enter under stop_machine(): the kernel first gathers every
 * online CPU in its stopper thread (which only runs when the CPU is not
 * inside a spinlock or an interrupts-off section) with interrupts still
 * enabled, then disables interrupts everywhere and only then calls our
 * function. So when the firmware makes the CPUs wait for each other, each
 * of them is guaranteed to arrive: none is stuck with interrupts off
 * waiting for a lock held by, or an IPI answer from, a waiting CPU. An
 * IPI-based rendezvous (on_each_cpu) lacks that guarantee: the IPI may
 * interrupt a lock holder while another CPU spins on that lock with
 * interrupts off, and neither would ever proceed.
 */
#define pr_fmt(fmt) "jailhouse: " fmt

#include <linux/cpu.h>
#include <linux/firmware.h>
#include <linux/io.h>
#include <linux/ioport.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/stop_machine.h>
#include <linux/uaccess.h>
#include <linux/vmalloc.h>

#include "arch.h"
#include "driver.h"

#include <jailhouse/hypercall.h>

struct entry_ctx {
	struct jh_entry *entry;		/* NULL for disable */
	const struct cpumask *expected_cpus;
	int *results;			/* per CPU, nr_cpu_ids entries */
};

static bool cpu_in_set(const struct jailhouse_cell_desc *cell,
		       unsigned int cpu)
{
	const u8 *set = (const u8 *)jailhouse_cell_cpu_set(cell);

	return cpu / 8 < cell->cpu_set_size && (set[cpu / 8] >> (cpu % 8)) & 1;
}

/*
 * The CPUs of a (validated) cell config that this machine has, as a
 * cpumask. Returns the first CPU of the set the machine does not have,
 * or -1.
 */
int jh_config_cpu_set(const struct jailhouse_cell_desc *cell,
		      struct cpumask *mask)
{
	unsigned int cpu;
	int missing = -1;

	cpumask_clear(mask);
	for (cpu = 0; cpu < cell->cpu_set_size * 8; cpu++) {
		if (!cpu_in_set(cell, cpu))
			continue;
		if (cpu < nr_cpu_ids && cpu_possible(cpu))
			cpumask_set_cpu(cpu, mask);
		else if (missing < 0)
			missing = cpu;
	}
	return missing;
}

/*
 * Copy a system config of a size derived from its own header, reject
 * foreign images with the messages users know, then validate all of it.
 */
static struct jailhouse_system *
copy_system_config(struct jailhouse_system __user *arg, size_t *size)
{
	struct jailhouse_system head, *system;
	u64 len;
	int err;

	if (copy_from_user(&head, arg, sizeof(head)))
		return ERR_PTR(-EFAULT);

	if (memcmp(head.signature, JAILHOUSE_SYSTEM_SIGNATURE,
		   sizeof(head.signature))) {
		pr_err("Not a system configuration\n");
		return ERR_PTR(-EINVAL);
	}
	if (head.revision != JAILHOUSE_CONFIG_REVISION) {
		pr_err("Configuration revision mismatch\n");
		return ERR_PTR(-EINVAL);
	}
	if (head.architecture != jh_arch_config_arch) {
		pr_err("Configuration architecture mismatch\n");
		return ERR_PTR(-EINVAL);
	}

	len = jailhouse_system_config_size(&head);
	if (len > JH_MAX_CONFIG_SIZE) {
		pr_err("System configuration too large: %llu bytes (at most %u)\n",
		       len, JH_MAX_CONFIG_SIZE);
		return ERR_PTR(-E2BIG);
	}

	system = vmalloc(len);
	if (!system)
		return ERR_PTR(-ENOMEM);
	if (copy_from_user(system, arg, len)) {
		err = -EFAULT;
		goto fail;
	}
	err = jh_check_system(system, len);
	if (err)
		goto fail;

	*size = len;
	return system;

fail:
	vfree(system);
	return ERR_PTR(err);
}

/*
 * The root cell must own every CPU Linux runs on, and every CPU it owns
 * that this machine has must be running Linux: the hypervisor takes over
 * only the CPUs that enter it, and a CPU brought online later would run
 * Linux outside its control. CPUs the machine does not have are ignored
 * (one config may serve machines with fewer CPUs); the firmware learns
 * the number of possible CPUs from max_cpus.
 */
static int check_root_cpus(const struct jailhouse_system *system,
			   const struct cpumask *online)
{
	const struct jailhouse_cell_desc *root = &system->root_cell;
	unsigned int cpu;

	for_each_cpu(cpu, online) {
		if (!cpu_in_set(root, cpu)) {
			pr_err("CPU %u is online but not in the root cell's CPU set; add it to the config or take it offline\n",
			       cpu);
			return -EINVAL;
		}
	}
	for (cpu = 0; cpu < nr_cpu_ids; cpu++) {
		if (cpu_in_set(root, cpu) && cpu_possible(cpu) &&
		    !cpumask_test_cpu(cpu, online)) {
			pr_err("CPU %u of the root cell is offline; bring it online first\n",
			       cpu);
			return -EBUSY;
		}
	}
	return 0;
}

/* Claim the reserved hypervisor memory, explaining what to do if we can't */
static int claim_hv_memory(const struct jailhouse_memory *mem)
{
	u64 phys = mem->phys_start, size = mem->size;
	int err;

	err = jh_arch_check_hv_memory(phys, size);
	if (err)
		return err;

	if (region_intersects(phys, size, IORESOURCE_SYSTEM_RAM,
			      IORES_DESC_NONE) != REGION_DISJOINT) {
		pr_err("Hypervisor memory 0x%llx-0x%llx is System RAM that Linux uses\n",
		       phys, phys + size - 1);
		jh_arch_print_reservation_hint(phys, size);
		return -EBUSY;
	}

	jh.hv_res = request_mem_region(phys, size, "Jailhouse hypervisor");
	if (!jh.hv_res) {
		pr_err("Cannot claim hypervisor memory 0x%llx-0x%llx: another driver uses it (see /proc/iomem)\n",
		       phys, phys + size - 1);
		jh_arch_print_reservation_hint(phys, size);
		return -EBUSY;
	}
	jh.hv_phys = phys;
	jh.hv_size = size;
	return 0;
}

static void release_hv_memory(void)
{
	release_mem_region(jh.hv_phys, jh.hv_size);
	jh.hv_res = NULL;
}

/*
 * Layout of the hypervisor memory after the image (see header.h): per-CPU
 * areas, arch data, config. Offsets are from the start of the memory.
 */
struct hv_layout {
	u64 arch_data_offset;
	u64 config_offset;
};

/* Sanity of the firmware file against the header contract (header.h). */
static int check_firmware(const struct firmware *fw, const char *name,
			  struct hv_layout *layout)
{
	const struct jailhouse_header *hdr = (const void *)fw->data;
	u64 cpus_end, needed;

	if (fw->size < sizeof(*hdr) ||
	    memcmp(hdr->signature, JAILHOUSE_FW_SIGNATURE,
		   sizeof(hdr->signature))) {
		pr_err("%s is not a Jailhouse hypervisor image\n", name);
		return -EINVAL;
	}
	if (hdr->header_version != JAILHOUSE_FW_HEADER_VERSION) {
		pr_err("%s has header version %u, this driver needs %u; install matching driver and firmware\n",
		       name, hdr->header_version, JAILHOUSE_FW_HEADER_VERSION);
		return -EINVAL;
	}
	if (hdr->arch != jh_arch_config_arch) {
		pr_err("%s is built for another architecture\n", name);
		return -EINVAL;
	}
	if (hdr->core_size < fw->size || !PAGE_ALIGNED(hdr->core_size) ||
	    !hdr->percpu_size || !PAGE_ALIGNED(hdr->percpu_size) ||
	    hdr->entry >= fw->size ||
	    hdr->console_offset > hdr->core_size -
			sizeof(struct jailhouse_console_ring)) {
		pr_err("%s has an inconsistent header (sizes or offsets)\n",
		       name);
		return -EINVAL;
	}

	cpus_end = hdr->core_size + (u64)nr_cpu_ids * hdr->percpu_size;
	layout->arch_data_offset = cpus_end;
	layout->config_offset =
		PAGE_ALIGN(cpus_end + jh_arch_data_size(nr_cpu_ids));
	needed = layout->config_offset + PAGE_ALIGN(jh.system_size);
	if (needed > jh.hv_size) {
		pr_err("Hypervisor memory too small: image, %u per-CPU areas and config need 0x%llx bytes, 0x%llx reserved\n",
		       nr_cpu_ids, needed, jh.hv_size);
		return -ENOMEM;
	}
	return 0;
}

/*
 * Put image, zeroes and config into the mapped hypervisor memory and fill
 * the driver's part of the header.
 */
static void load_image(const struct firmware *fw,
		       const struct hv_layout *layout,
		       unsigned int online_cpus, struct jh_entry *entry)
{
	struct jailhouse_header *hdr = jh.hv_mem;

	memcpy(jh.hv_mem, fw->data, fw->size);
	memset(jh.hv_mem + fw->size, 0, jh.hv_size - fw->size);
	memcpy(jh.hv_mem + layout->config_offset, jh.system, jh.system_size);

	hdr->max_cpus = nr_cpu_ids;
	hdr->online_cpus = online_cpus;
	hdr->config_offset = layout->config_offset;
	memset(hdr->arch_params, 0, sizeof(hdr->arch_params));

	entry->header = hdr;
	entry->hv_phys = jh.hv_phys;
	entry->hv_size = jh.hv_size;
	entry->arch_data_offset = layout->arch_data_offset;
}

static int enter_on_cpu(void *data)
{
	struct entry_ctx *ctx = data;
	unsigned int cpu = smp_processor_id();

	/*
	 * stop_machine keeps hotplug away while we run, so all CPUs see the
	 * same mask and decide alike.
	 */
	if (!cpumask_equal(cpu_online_mask, ctx->expected_cpus)) {
		ctx->results[cpu] = -EAGAIN;
		return 0;
	}
	if (ctx->entry)
		ctx->results[cpu] = jh_arch_enter_cpu(ctx->entry, cpu);
	else
		ctx->results[cpu] = jh_arch_disable_cpu();
	return 0;
}

/*
 * Run the entry (or the DISABLE hypercall) on all CPUs in @cpus at once.
 * Returns 0 if all succeeded, the common error if all failed alike,
 * and -EIO (after a loud message) if the CPUs disagree.
 */
static int run_on_all_cpus(struct jh_entry *entry, const struct cpumask *cpus)
{
	struct entry_ctx ctx = {
		.entry = entry,
		.expected_cpus = cpus,
	};
	unsigned int cpu, ok = 0, failed = 0;
	int err = 0;

	ctx.results = kmalloc_array(nr_cpu_ids, sizeof(*ctx.results),
				    GFP_KERNEL);
	if (!ctx.results)
		return -ENOMEM;
	/* a CPU that went offline meanwhile never writes its result */
	for (cpu = 0; cpu < nr_cpu_ids; cpu++)
		ctx.results[cpu] = -EAGAIN;

	stop_machine(enter_on_cpu, &ctx, cpus);

	for_each_cpu(cpu, cpus) {
		if (ctx.results[cpu]) {
			failed++;
			if (!err)
				err = ctx.results[cpu];
		} else {
			ok++;
		}
	}
	if (ok && failed) {
		pr_crit("CPUs disagree: %u succeeded, %u failed (first error %d); system state is undefined\n",
			ok, failed, err);
		for_each_cpu(cpu, cpus)
			pr_crit("  CPU %u: %d\n", cpu, ctx.results[cpu]);
		err = -EIO;
	} else if (err == -EAGAIN) {
		pr_err("CPUs went on- or offline during the switch; try again\n");
	}
	kfree(ctx.results);
	return err;
}

/* Drop the hypervisor memory: keep console and core copies, unmap, release */
static void put_hv_memory(void)
{
	struct jailhouse_header *hdr = jh_header();

	jh_console_detach();
	jh_core_snapshot(jh.hv_mem, min_t(u64, hdr->core_size, jh.hv_size));
	memunmap(jh.hv_mem);
	jh.hv_mem = NULL;
	release_hv_memory();
}

/*
 * Claim the memory, load the firmware into it and enter it on @cpus. On
 * failure, everything is released again (except after -EIO: CPUs
 * disagreed, some may run the hypervisor).
 */
static int start_hypervisor(const char *fw_name, const struct cpumask *cpus)
{
	unsigned int online = cpumask_weight(cpus);
	const struct firmware *fw;
	struct jailhouse_header *hdr;
	struct jh_entry entry = {};
	struct hv_layout layout;
	int err;

	err = claim_hv_memory(&jh.system->hypervisor_memory);
	if (err)
		return err;

	err = request_firmware(&fw, fw_name, jh.dev);
	if (err) {
		pr_err("Missing hypervisor image %s\n", fw_name);
		goto release_mem;
	}
	err = check_firmware(fw, fw_name, &layout);
	if (err)
		goto release_fw;

	jh.hv_mem = memremap(jh.hv_phys, jh.hv_size, MEMREMAP_WB);
	if (!jh.hv_mem) {
		pr_err("Cannot map hypervisor memory 0x%llx (0x%llx bytes)\n",
		       jh.hv_phys, jh.hv_size);
		err = -ENOMEM;
		goto release_fw;
	}
	hdr = jh.hv_mem;
	load_image(fw, &layout, online, &entry);
	release_firmware(fw);
	fw = NULL;

	err = jh_arch_prepare_entry(&entry);
	if (err)
		goto unmap;
	jh_console_attach((void *)hdr + hdr->console_offset);
	jh_arch_flush_dcache(jh.hv_mem, jh.hv_size);

	err = run_on_all_cpus(&entry, cpus);

	/* firmware that ran with caches off may have written to memory */
	jh_arch_flush_dcache(jh.hv_mem, jh.hv_size);
	jh_arch_entry_done(&entry, !err);
	if (err == -EIO)
		return err;	/* keep everything: some CPUs run the hypervisor */
	if (err) {
		pr_err("Hypervisor start failed: %pe (%d); %u of %u CPUs reached the firmware, see `jailhouse console`\n",
		       ERR_PTR(err), err, READ_ONCE(hdr->entered_cpus),
		       online);
		goto unmap;
	}
	return 0;

unmap:
	put_hv_memory();
	return err;

release_fw:
	release_firmware(fw);
release_mem:
	release_hv_memory();
	return err;
}

int jh_cmd_enable(struct jailhouse_system __user *arg)
{
	struct jailhouse_system *system;
	const char *fw_name;
	cpumask_var_t online;
	struct jh_cell *root;
	size_t size;
	int err;

	if (jh.enabled)
		return -EBUSY;

	system = copy_system_config(arg, &size);
	if (IS_ERR(system))
		return PTR_ERR(system);

	err = jh_arch_check_prerequisites(&fw_name);
	if (err)
		goto free_system;

	err = -ENOMEM;
	if (!zalloc_cpumask_var(&online, GFP_KERNEL))
		goto free_system;

	cpus_read_lock();
	cpumask_copy(online, cpu_online_mask);
	cpus_read_unlock();

	err = check_root_cpus(system, online);
	if (err)
		goto free_mask;

	jh.system = system;
	jh.system_size = size;
	root = jh_cell_create_root();
	if (IS_ERR(root)) {
		err = PTR_ERR(root);
		goto clear_system;
	}

	err = start_hypervisor(fw_name, online);
	if (err == -EIO) {
		/*
		 * Some CPUs may run the hypervisor: leak its memory, config
		 * and the module rather than free what it may still use.
		 */
		__module_get(THIS_MODULE);
		free_cpumask_var(online);
		return err;
	}
	if (err)
		goto delete_root;

	WRITE_ONCE(jh.enabled, true);
	__module_get(THIS_MODULE);
	list_add(&root->entry, &jh.cells);
	if (jh_sysfs_cell_add(root))
		pr_warn("Could not create sysfs entry of the root cell\n");

	pr_info("The Jailhouse is opening.\n");
	jh_pci_virtual_add();
	free_cpumask_var(online);
	return 0;

delete_root:
	jh_sysfs_cell_put(root);
clear_system:
	jh.system = NULL;
	jh.system_size = 0;
free_mask:
	free_cpumask_var(online);
free_system:
	vfree(system);
	return err;
}

/*
 * Every CPU of the root cell must be online to leave the hypervisor, and
 * none may have been parked by the hypervisor after a fault: it would
 * never join stop_machine().
 */
static int check_root_cpus_online(const struct cpumask *root_cpus)
{
	unsigned int cpu;

	for_each_cpu(cpu, root_cpus) {
		if (!cpu_online(cpu)) {
			pr_err("CPU %u of the root cell is offline; bring it online before disabling\n",
			       cpu);
			return -EBUSY;
		}
		if (jh_call2(JAILHOUSE_HC_CPU_GET_INFO, cpu,
			     JAILHOUSE_CPU_INFO_STATE) == JAILHOUSE_CPU_FAILED) {
			pr_err("CPU %u of the root cell failed (see the hypervisor console); the hypervisor cannot be disabled\n",
			       cpu);
			return -EBUSY;
		}
	}
	return 0;
}

int jh_cmd_disable(void)
{
	struct jh_cell *root;
	cpumask_var_t cpus;
	int err;

	if (!jh.enabled)
		return -EINVAL;
	root = list_first_entry(&jh.cells, struct jh_cell, entry);

	if (!zalloc_cpumask_var(&cpus, GFP_KERNEL))
		return -ENOMEM;

	err = check_root_cpus_online(&root->cpus_assigned);
	if (err)
		goto out;
	err = jh_cell_destroy_non_root();
	if (err)
		goto out;
	/* the CPUs of the destroyed cells are back in the root cell */
	err = check_root_cpus_online(&root->cpus_assigned);
	if (err)
		goto out;

	cpus_read_lock();
	cpumask_copy(cpus, cpu_online_mask);
	cpus_read_unlock();

	jh_pci_virtual_remove();
	err = run_on_all_cpus(NULL, cpus);
	if (err) {
		pr_err("Hypervisor refused to disable: %pe (%d)\n",
		       ERR_PTR(err), err);
		jh_pci_virtual_add();
		goto out;
	}

	WRITE_ONCE(jh.enabled, false);
	jh_cell_retire_all();
	put_hv_memory();
	vfree(jh.system);
	jh.system = NULL;
	jh.system_size = 0;
	module_put(THIS_MODULE);
	pr_info("The Jailhouse was closed.\n");
out:
	free_cpumask_var(cpus);
	return err;
}
