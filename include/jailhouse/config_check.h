/* SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause) */
/*
 * Config validation: one implementation (hypervisor/config_check.c) used by
 * the hypervisor, the driver, the jailhouse tool and the host unit tests.
 *
 * The checker never reads outside [image, image + size) and never writes to
 * the image. Each finding is handed to the caller's report() sink as one
 * printf-style message (standard conversions only, no trailing newline)
 * that names the item (e.g. "memory region 3") and the fix.
 */
#ifndef _JAILHOUSE_CONFIG_CHECK_H
#define _JAILHOUSE_CONFIG_CHECK_H

#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>

#define JH_CHECK_ERROR		0
#define JH_CHECK_WARNING	1

struct jh_check {
	/* sink for findings; may be NULL to only count */
	void (*report)(void *arg, int severity, const char *fmt, ...)
		__attribute__((format(printf, 3, 4)));
	void *arg;
	unsigned int errors;
	unsigned int warnings;
};

/*
 * Structural check of a system config image including its root cell:
 * signature, revision, size vs. counts, alignment, overlaps, hypervisor
 * memory, CPU set, PIO, PCI, ivshmem and console sanity.
 * Returns the number of errors found (0: usable).
 */
unsigned int jh_check_system_image(struct jh_check *chk, const void *image,
				   __u64 size);

/* Same for a non-root cell config image. */
unsigned int jh_check_cell_image(struct jh_check *chk, const void *image,
				 __u64 size);

/*
 * A (structurally valid) non-root cell against a (structurally valid)
 * system: CPUs and RAM must come from the root cell, the cell must not map
 * hypervisor memory, ivshmem links must match their peers.
 */
unsigned int jh_check_cell_in_system(struct jh_check *chk,
				     const struct jailhouse_system *system,
				     const struct jailhouse_cell_desc *cell);

/*
 * Cells that are meant to run at the same time must not share CPUs, or RAM
 * other than declared shared (ROOTSHARED/ivshmem) regions.
 */
unsigned int jh_check_cells_disjoint(struct jh_check *chk,
				     const struct jailhouse_cell_desc
					*const cells[],
				     unsigned int num_cells);

#endif /* !_JAILHOUSE_CONFIG_CHECK_H */
