/*
 * Jailhouse-compatible partitioning hypervisor
 *
 * Two-CPU test cell on the x86 emulated machines with at least 3 CPUs
 * (Bochs i440FX with "#@ cpus: 3", QEMU q35; same memory layout, see
 * Documentation/design.md): CPUs 1 and 2, 1 MiB RAM at guest address 0
 * (the test inmates slot), COM1 and the ACPI PM timer (0xb008 on Bochs,
 * 0x608 on q35: both are listed). CPU 1 starts in real mode at the reset
 * address, CPU 2 waits for INIT/SIPI from it (ok-inmate start-cpu=2); the
 * rogue inmate's cpu=2 makes CPU 2 fault while CPU 1 keeps ticking, so
 * the whole cell must stop. Not a shipped demo.
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
	struct jailhouse_memory mem_regions[2];
	struct jailhouse_pio pio_regions[3];
} __attribute__((packed)) config = {
	.cell = {
		.signature = JAILHOUSE_CELL_DESC_SIGNATURE,
		.architecture = JAILHOUSE_X86,
		.revision = JAILHOUSE_CONFIG_REVISION,
		.name = "smp-test",
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
		0x6,
	},

	.mem_regions = {
		/* RAM: 0x3a900000 (test inmates slot), guest 0 */
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
