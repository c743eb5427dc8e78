/*
 * Jailhouse-compatible partitioning hypervisor
 *
 * Cell for the rogue test inmate (a test, not a shipped demo) on the x86
 * emulated machines (Bochs i440FX and QEMU q35, same memory layout, see
 * Documentation/design.md):
 * CPU 1, 1 MiB RAM at guest address 0, COM1 and the ACPI PM timer (at
 * 0xb008 on Bochs, 0x608 on q35: both are listed).
 *
 * The inmate deliberately reads root-cell RAM, writes hypervisor memory and
 * touches devices it was not given; each attempt must end with this cell
 * FAILED while Linux keeps running. It never answers messages
 * (PASSIVE_COMMREG), so shutdown and destroy are always possible.
 *
 * SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause)
 */

#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>

struct {
	struct jailhouse_cell_desc cell;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[2];
	struct jailhouse_pio pio_regions[3];
} __attribute__((packed)) config = {
	.cell = {
		.signature = JAILHOUSE_CELL_DESC_SIGNATURE,
		.architecture = JAILHOUSE_X86,
		.revision = JAILHOUSE_CONFIG_REVISION,
		.name = "rogue-test",
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
		/* RAM: 0x3a900000 (rogue-test slot), guest 0 */
		{
			.phys_start = 0x3a900000,
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
		PIO_RANGE(0x0608, 4),	/* ACPI PM timer, QEMU q35 (ICH9) */
		PIO_RANGE(0x3f8, 8),	/* COM1 */
		PIO_RANGE(0xb008, 4),	/* ACPI PM timer, Bochs (PIIX4) */
	},
};
