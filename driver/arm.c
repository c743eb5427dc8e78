// SPDX-License-Identifier: GPL-2.0
/*
 * ARMv7 part of the driver.
 *
 * The firmware is entered through the hyp stub that the stock kernel
 * leaves in HYP mode when it boots there: "hvc #0" with HVC_SOFT_RESTART
 * branches to a physical address in HYP mode, MMU off. The driver only
 * writes the image through an ordinary (non-executable) mapping and cleans
 * the data cache.
 *
 * Whether Linux booted in HYP mode is recorded only in the unexported
 * __boot_cpu_mode, and executing HVC without a hyp stub is an undefined
 * instruction (or, worse, a jump through a stale HVBAR). The arch timer
 * driver, however, decides from that very variable which timer it uses on
 * 32-bit ARM: the virtual timer only if Linux did NOT boot in HYP mode, a
 * physical one otherwise. So the interrupt the timer requested tells the
 * boot mode without executing anything risky (Documentation/driver.md).
 */
#define pr_fmt(fmt) "jailhouse: " fmt

#include <linux/interrupt.h>
#include <linux/moduleparam.h>
#include <linux/of.h>
#include <linux/of_irq.h>
#include <linux/sizes.h>
#include <asm/cacheflush.h>

#include "arch.h"
#include "arm-entry.h"
#include "driver.h"

#include <jailhouse/hypercall.h>
#include <asm/jailhouse_header.h>

#define JH_ARM_FIRMWARE		"jailhouse.bin"

/* arch timer interrupts in the order of the device tree binding */
#define TIMER_PHYS_SECURE	0
#define TIMER_PHYS_NONSECURE	1
#define TIMER_VIRT		2

static bool assume_hyp_mode;
module_param(assume_hyp_mode, bool, 0444);
MODULE_PARM_DESC(assume_hyp_mode,
		 "Trust that Linux booted in HYP mode when the arch timer cannot tell (default: no)");

const u8 jh_arch_config_arch = JAILHOUSE_ARM;

const char *const jh_arch_stat_names[] = {
	"vmexits_maintenance",
	"vmexits_virt_irq",
	"vmexits_virt_sgi",
	"vmexits_psci",
	"vmexits_smccc",
	"vmexits_cp15",
};

static_assert(ARRAY_SIZE(jh_arch_stat_names) ==
	      JAILHOUSE_NUM_CPU_STATS - JAILHOUSE_GENERIC_CPU_STATS);

static bool stub_refused;

enum boot_mode { BOOT_SVC, BOOT_HYP, BOOT_UNKNOWN };

static bool timer_irq_in_use(struct device_node *np, int index)
{
	unsigned int irq = irq_of_parse_and_map(np, index);

	return irq && irq_has_action(irq);
}

/* Which timer interrupt did the arch timer driver request? */
static enum boot_mode boot_mode_from_timer(const char **why)
{
	struct device_node *np;
	enum boot_mode mode = BOOT_UNKNOWN;

	np = of_find_compatible_node(NULL, NULL, "arm,armv7-timer");
	if (!np)
		np = of_find_compatible_node(NULL, NULL, "arm,armv8-timer");
	if (!np) {
		*why = "no arch timer in the device tree";
		return BOOT_UNKNOWN;
	}

	if (of_find_property(np, "arm,cpu-registers-not-fw-configured",
			     NULL)) {
		/* the timer driver then always takes the physical timer */
		*why = "the timer node says arm,cpu-registers-not-fw-configured";
	} else if (!irq_of_parse_and_map(np, TIMER_VIRT)) {
		*why = "the device tree lists no virtual timer interrupt";
	} else if (timer_irq_in_use(np, TIMER_VIRT)) {
		mode = BOOT_SVC;
	} else if (timer_irq_in_use(np, TIMER_PHYS_SECURE) ||
		   timer_irq_in_use(np, TIMER_PHYS_NONSECURE)) {
		mode = BOOT_HYP;
	} else {
		*why = "the arch timer driver requested no interrupt";
	}
	of_node_put(np);
	return mode;
}

static bool cpu_has_virt_extensions(void)
{
	u32 pfr1;

	asm("mrc p15, 0, %0, c0, c1, 1" : "=r" (pfr1));	/* ID_PFR1 */
	return (pfr1 >> 12) & 0xf;
}

int jh_arch_check_prerequisites(const char **firmware_name)
{
	const char *why = "";

	if (!cpu_has_virt_extensions()) {
		pr_err("HYP mode not available: the CPU has no virtualization extensions\n");
		return -ENODEV;
	}

	switch (boot_mode_from_timer(&why)) {
	case BOOT_SVC:
		pr_err("HYP mode not available: Linux did not boot in HYP mode (its arch timer uses the virtual timer); start the kernel in HYP mode\n");
		return -ENODEV;
	case BOOT_UNKNOWN:
		if (!assume_hyp_mode) {
			pr_err("HYP mode not available: cannot tell whether Linux booted in HYP mode (%s); if it did, load the module with assume_hyp_mode=1\n",
			       why);
			return -ENODEV;
		}
		pr_warn("Assuming that Linux booted in HYP mode (%s)\n", why);
		break;
	case BOOT_HYP:
		break;
	}

	*firmware_name = JH_ARM_FIRMWARE;
	return 0;
}

int jh_arch_check_hv_memory(u64 phys, u64 size)
{
	/* the firmware starts with the MMU off: 32-bit physical addresses */
	if (phys + size > SZ_4G) {
		pr_err("Hypervisor memory 0x%llx-0x%llx must lie below 4 GiB\n",
		       phys, phys + size - 1);
		return -EINVAL;
	}
	return 0;
}

void jh_arch_print_reservation_hint(u64 phys, u64 size)
{
	pr_err("Keep Linux out of 0x%llx-0x%llx at boot: with mem= (Linux's RAM must end below 0x%llx) or a /reserved-memory device tree node with no-map for that range\n",
	       phys, phys + size - 1, phys);
}

u64 jh_arch_data_size(unsigned int max_cpus)
{
	return 0;
}

int jh_arch_prepare_entry(struct jh_entry *entry)
{
	stub_refused = false;
	return 0;
}

int jh_arch_enter_cpu(struct jh_entry *entry, unsigned int cpu)
{
	int ret;

	ret = jh_arm_enter_firmware(entry->hv_phys + entry->header->entry, cpu,
				    entry->hv_phys);
	if (ret == JAILHOUSE_ARM_HVC_STUB_ERR) {
		stub_refused = true;
		return -ENODEV;
	}
	return ret;
}

void jh_arch_entry_done(struct jh_entry *entry, bool enabled)
{
	if (stub_refused)
		pr_err("The hyp stub refused HVC_SOFT_RESTART; is another hypervisor installed?\n");
}

/*
 * Clean and invalidate to PoC (v7_flush_kern_dcache_area, exported), then
 * invalidate all instruction caches and branch predictors of the inner
 * shareable domain (ICIALLUIS, BPIALLIS; the kernel's helper for it is
 * not exported).
 */
void jh_arch_flush_dcache(void *addr, size_t size)
{
	__cpuc_flush_dcache_area(addr, size);
	asm volatile("mcr p15, 0, %0, c7, c1, 0\n\t"
		     "mcr p15, 0, %0, c7, c1, 6\n\t"
		     "dsb ish\n\t"
		     "isb"
		     : : "r" (0) : "memory");
}

int jh_arch_disable_cpu(void)
{
	return jh_hypercall_result(jailhouse_call(JAILHOUSE_HC_DISABLE));
}

bool jh_arch_cpu_can_leave_linux(unsigned int cpu)
{
	return true;
}
