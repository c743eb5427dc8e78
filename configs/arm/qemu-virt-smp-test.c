/*
 * Jailhouse-compatible partitioning hypervisor
 *
 * Two-CPU test cell on a 4-CPU QEMU virt machine (layout:
 * Documentation/design.md): CPUs 2 and 3, 1 MiB RAM at guest address 0
 * (the test inmates slot), the PL011 UART (shared with the root cell),
 * comm region at 0x80000000. CPU 2 starts at the reset address, CPU 3
 * waits for PSCI CPU_ON from it (ok-inmate start-cpu=3); the rogue
 * inmate's cpu=3 makes CPU 3 fault while CPU 2 keeps ticking, so the
 * whole cell must stop. Not a shipped demo.
 *
 * Passive (PASSIVE_COMMREG): the rogue inmate never answers messages, so
 * shutdown and destroy are always possible.
 *
 * SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause)
 */

#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>

struct {
	struct jailhouse_cell_desc cell;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[3];
} __attribute__((packed)) config = {
	.cell = {
		.signature = JAILHOUSE_CELL_DESC_SIGNATURE,
		.architecture = JAILHOUSE_ARM,
		.revision = JAILHOUSE_CONFIG_REVISION,
		.name = "smp-test",
		.flags = JAILHOUSE_CELL_PASSIVE_COMMREG |
			 JAILHOUSE_CELL_VIRTUAL_CONSOLE_PERMITTED,

		.cpu_set_size = sizeof(config.cpus),
		.num_memory_regions = ARRAY_SIZE(config.mem_regions),

		.console = {
			.address = 0x09000000,
			.size = 0x1000,
			.type = JAILHOUSE_CON_TYPE_PL011,
			.flags = JAILHOUSE_CON_ACCESS_MMIO |
				 JAILHOUSE_CON_REGDIST_4,
		},
	},

	.cpus = {
		0xc,
	},

	.mem_regions = {
		/* UART (PL011), shared with the root cell's console */
		{
			.phys_start = 0x09000000,
			.virt_start = 0x09000000,
			.size = 0x1000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO | JAILHOUSE_MEM_ROOTSHARED,
		},
		/* RAM: 0x7ca00000 (test inmates slot), guest 0 */
		{
			.phys_start = 0x7ca00000,
			.virt_start = 0,
			.size = 0x00100000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_LOADABLE,
		},
		/* communication region */
		{
			.virt_start = 0x80000000,
			.size = 0x00001000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_COMM_REGION,
		},
	},
};
