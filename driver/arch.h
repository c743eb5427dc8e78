/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Architecture interface of the driver. driver/x86.c (+ x86-entry.S) and
 * driver/arm.c (+ arm-entry.S) implement it; nothing else in the driver
 * knows which architecture it runs on.
 */
#ifndef _JAILHOUSE_DRIVER_ARCH_H
#define _JAILHOUSE_DRIVER_ARCH_H

#include <linux/types.h>

struct jailhouse_header;
struct jailhouse_system;

/* What the generic enable code hands to the arch entry code. */
struct jh_entry {
	struct jailhouse_header *header;	/* = driver mapping of hv mem */
	u64 hv_phys;
	u64 hv_size;
	/* where jh_arch_data_size() bytes are reserved for the arch code */
	u64 arch_data_offset;
	void *arch;				/* private to the arch code */
};

/* JAILHOUSE_X86 / JAILHOUSE_ARM: config and firmware architecture byte */
extern const u8 jh_arch_config_arch;

/*
 * Check that the CPU and the way Linux booted allow the hypervisor, and
 * name the firmware file for it. Prints the reason when not.
 */
int jh_arch_check_prerequisites(const char **firmware_name);

/*
 * Bytes the arch code needs in hypervisor memory right after the per-CPU
 * areas (the config follows them, page aligned).
 */
u64 jh_arch_data_size(unsigned int max_cpus);

/* Reject a hypervisor memory location the entry cannot use. */
int jh_arch_check_hv_memory(u64 phys, u64 size);

/* Tell the user how to reserve [phys, phys + size) on this arch. */
void jh_arch_print_reservation_hint(u64 phys, u64 size);

/*
 * Before entry, in process context, after the image and config are in
 * place: fill header->arch_params and whatever the entry needs. On
 * success, jh_arch_entry_done() must follow.
 */
int jh_arch_prepare_entry(struct jh_entry *entry);

/*
 * Enter the firmware on the calling CPU. Runs on every online CPU at once
 * under stop_machine (interrupts off). Returns the firmware's result.
 */
int jh_arch_enter_cpu(struct jh_entry *entry, unsigned int cpu);

/* After all CPUs returned (success or not): drop entry-only resources. */
void jh_arch_entry_done(struct jh_entry *entry, bool enabled);

/*
 * Make the CPU view of [addr, addr + size) visible to code that runs with
 * caches off, and drop stale lines before reading what such code wrote.
 */
void jh_arch_flush_dcache(void *addr, size_t size);

/* DISABLE hypercall on the calling CPU (under stop_machine). */
int jh_arch_disable_cpu(void);

/* Can Linux give this CPU to a cell at all? Prints why not. */
bool jh_arch_cpu_can_leave_linux(unsigned int cpu);

/* Names of the arch-specific statistics, JAILHOUSE_GENERIC_CPU_STATS on */
extern const char *const jh_arch_stat_names[];

#endif /* !_JAILHOUSE_DRIVER_ARCH_H */
