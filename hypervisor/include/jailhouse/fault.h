/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Fault reports for accesses a cell config does not allow. Each report
 * names the cell, CPU, guest PC, access type, width and address, and the
 * config region nearest to the address with the change that would allow
 * the access. The caller parks the CPU afterwards.
 */
#ifndef _JAILHOUSE_FAULT_H
#define _JAILHOUSE_FAULT_H

#include <jailhouse/utils.h>

struct mmio_access;
struct jailhouse_cell_desc;

enum fault_access {
	FAULT_READ,
	FAULT_WRITE,
	FAULT_EXEC,
};

/* A decoded MMIO/RAM access that no region or handler allowed. */
void fault_report_mmio(const struct mmio_access *access, unsigned long pc);

/*
 * An abort whose instruction the hardware did not describe (e.g. no valid
 * syndrome): width and value are unknown; why explains what is missing.
 */
void fault_report_mmio_undecoded(u64 address, bool is_write,
				 unsigned long pc, const char *why);

/* An instruction fetch from guest-physical memory the cell may not run. */
void fault_report_exec(u64 address, unsigned long pc);

/* " Cell "name" CPU n PC 0x..." for arch-specific reports. */
void fault_print_location(unsigned long pc);

/* A port I/O access outside the cell's PIO whitelist (x86). */
void fault_report_pio(u16 port, unsigned int size, bool is_write,
		      unsigned long pc);

/*
 * Helpers, exposed for unit tests: describe the config region nearest to
 * address and the fix into buf (one line, no newline).
 */
void fault_describe_mem_fix(char *buf, size_t size,
			    const struct jailhouse_cell_desc *config,
			    u64 address, unsigned int width,
			    enum fault_access kind);
void fault_describe_pio_fix(char *buf, size_t size,
			    const struct jailhouse_cell_desc *config,
			    u16 port, unsigned int width);

#endif /* !_JAILHOUSE_FAULT_H */
