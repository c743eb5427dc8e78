/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Optional subsystems ("units": interrupt controller, PCI, ivshmem, ...)
 * describe themselves with DEFINE_UNIT(); the linker collects the
 * descriptors in one section and the core walks them. Adding a unit
 * touches one file.
 */
#ifndef _JAILHOUSE_UNIT_H
#define _JAILHOUSE_UNIT_H

#include <jailhouse/utils.h>

struct cell;

struct unit {
	const char *name;
	/* global setup at enable, after the root cell skeleton exists */
	int (*init)(void);
	/* global teardown when the hypervisor is disabled or init failed */
	void (*shutdown)(void);
	/* MMIO dispatcher slots this unit needs for the cell */
	unsigned int (*mmio_count_regions)(struct cell *cell);
	int (*cell_init)(struct cell *cell);
	void (*cell_exit)(struct cell *cell);
};

#define DEFINE_UNIT(__name)						\
	static const struct unit __unit_##__name			\
	__used __section(".units") __aligned(sizeof(void *)) = {	\
		.name = #__name,					\
		.init = __name##_init,					\
		.shutdown = __name##_shutdown,				\
		.mmio_count_regions = __name##_mmio_count_regions,	\
		.cell_init = __name##_cell_init,			\
		.cell_exit = __name##_cell_exit,			\
	}

extern const struct unit __units_start[], __units_end[];

int units_init(void);
void units_shutdown(void);
unsigned int units_mmio_count_regions(struct cell *cell);
int units_cell_init(struct cell *cell);
void units_cell_exit(struct cell *cell);

#endif /* !_JAILHOUSE_UNIT_H */
