/*
 * Jailhouse-compatible partitioning hypervisor
 *
 * Cell for the tiny-demo inmate on the x86 emulated machines (Bochs
 * i440FX and QEMU q35, same memory layout, see Documentation/design.md):
 * CPU 1, 1 MiB RAM at guest address 0, COM1.
 *
 * The demo reads the ACPI PM timer, which is deliberately not listed:
 * every non-root cell may read the system's PM timer port (as with upstream
 * Jailhouse, whose tiny-demo config does not list it either), and
 * x86/cell-demos checks the demo's "PM Timer:" lines with this config.
 *
 * The demo never looks at comm region messages, so the hypervisor must not
 * wait for its answer (PASSIVE_COMMREG): shutdown is always granted.
 *
 * SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause)
 */

#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>

struct {
	struct jailhouse_cell_desc cell;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[2];
	struct jailhouse_pio pio_regions[1];
} __attribute__((packed)) config = {
	.cell = {
		.signature = JAILHOUSE_CELL_DESC_SIGNATURE,
		.architecture = JAILHOUSE_X86,
		.revision = JAILHOUSE_CONFIG_REVISION,
		.name = "tiny-demo",
		.flags = JAILHOUSE_CELL_PASSIVE_COMMREG |
			 JAILHOUSE_CELL_VIRTUAL_CONSOLE_PERMITTED,

		.cpu_set_size = sizeof(config.cpus),
		.num_memory_regions = ARRAY_SIZE(config.mem_regions),
		.num_pio_regions = ARRAY_SIZE(config.pio_regions),

		.console = {
			.address = 0x3f8,
			.type = JAILHOUSE_CON_TYPE_8250,
			.flags = JAILHOUSE_CON_ACCESS_PIO |
				 JAILHOUSE_CON_REGDIST_1,
		},
	},

	.cpus = {
		0x2,
	},

	.mem_regions = {
		/* RAM: 0x3a700000 (tiny-demo slot), guest 0 */
		{
			.phys_start = 0x3a700000,
			.virt_start = 0,
			.size = 0x00100000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_LOADABLE,
		},
		/* communication region */
		{
			.virt_start = 0x00100000,
			.size = 0x00001000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_COMM_REGION,
		},
	},

	.pio_regions = {
		PIO_RANGE(0x3f8, 8),	/* COM1 */
	},
};
