/*
 * Jailhouse-compatible partitioning hypervisor
 *
 * Cell for the rogue test inmate as an ivshmem peer on the x86 emulated
 * machines (Bochs i440FX and QEMU q35; a test, not a shipped demo): CPU 1,
 * 1 MiB RAM at guest address 0 (the rogue-test slot: the two cells never
 * exist at the same time), COM1, the ACPI PM timer, and peer 2 of 3 on
 * ivshmem link 0 (virtual PCI device 00:0f.0, MSI-X), laid out as in
 * ivshmem-demo.c. The root cell is peer 0.
 *
 * Like every peer it may write only the R/W section and its own output
 * section (peer 2); the state table and the other output sections are
 * read-only. ci/scenarios/x86/ivshmem-link.sh lets the inmate write the
 * state table and the root's output section: each attempt must leave this
 * cell FAILED, its state entry 0, and the root notified.
 *
 * SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause)
 */

#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>

#define LINK0_BASE	0x3af00000
#define LINK0_PEERS	3
#define LINK0_BDF	(0x0f << 3)	/* 00:0f.0 */
#define THIS_PEER	2

struct {
	struct jailhouse_cell_desc cell;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[7];
	struct jailhouse_pio pio_regions[3];
	struct jailhouse_pci_device pci_devices[1];
} __attribute__((packed)) config = {
	.cell = {
		.signature = JAILHOUSE_CELL_DESC_SIGNATURE,
		.architecture = JAILHOUSE_X86,
		.revision = JAILHOUSE_CONFIG_REVISION,
		.name = "rogue-ivshmem",
		.flags = JAILHOUSE_CELL_PASSIVE_COMMREG |
			 JAILHOUSE_CELL_VIRTUAL_CONSOLE_PERMITTED,

		.cpu_set_size = sizeof(config.cpus),
		.num_memory_regions = ARRAY_SIZE(config.mem_regions),
		.num_pio_regions = ARRAY_SIZE(config.pio_regions),
		.num_pci_devices = ARRAY_SIZE(config.pci_devices),

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
		/* 0: RAM: 0x3a900000 (rogue-test slot), guest 0 */
		{
			.phys_start = 0x3a900000,
			.virt_start = 0,
			.size = 0x00100000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_LOADABLE,
		},
		/* 1: communication region */
		{
			.virt_start = 0x00100000,
			.size = 0x00001000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_COMM_REGION,
		},
		/* 2: link 0 state table */
		{
			.phys_start = LINK0_BASE,
			.virt_start = LINK0_BASE,
			.size = 0x1000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_ROOTSHARED,
		},
		/* 3: link 0 R/W section */
		{
			.phys_start = LINK0_BASE + 0x1000,
			.virt_start = LINK0_BASE + 0x1000,
			.size = 0x9000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_ROOTSHARED,
		},
		/* 4: link 0 output section of peer 0 (root) */
		{
			.phys_start = LINK0_BASE + 0xa000,
			.virt_start = LINK0_BASE + 0xa000,
			.size = 0x2000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_ROOTSHARED,
		},
		/* 5: link 0 output section of peer 1 */
		{
			.phys_start = LINK0_BASE + 0xc000,
			.virt_start = LINK0_BASE + 0xc000,
			.size = 0x2000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_ROOTSHARED,
		},
		/* 6: link 0 output section of peer 2 (this cell) */
		{
			.phys_start = LINK0_BASE + 0xe000,
			.virt_start = LINK0_BASE + 0xe000,
			.size = 0x2000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_ROOTSHARED,
		},
	},

	.pio_regions = {
		PIO_RANGE(0x0608, 4),	/* ACPI PM timer, QEMU q35 (ICH9) */
		PIO_RANGE(0x3f8, 8),	/* COM1 */
		PIO_RANGE(0xb008, 4),	/* ACPI PM timer, Bochs (PIIX4) */
	},

	.pci_devices = {
		/* 00:0f.0: ivshmem v2, link 0 */
		{
			.type = JAILHOUSE_PCI_TYPE_IVSHMEM,
			.domain = 0x0000,
			.bdf = LINK0_BDF,
			.bar_mask = JAILHOUSE_IVSHMEM_BAR_MASK_MSIX,
			.num_msix_vectors = 16,
			.shmem_regions_start = 2,
			.shmem_dev_id = THIS_PEER,
			.shmem_peers = LINK0_PEERS,
			.shmem_protocol = JAILHOUSE_SHMEM_PROTO_UNDEFINED,
		},
	},
};
