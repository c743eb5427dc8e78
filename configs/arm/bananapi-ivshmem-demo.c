/*
 * Jailhouse-compatible partitioning hypervisor
 *
 * Cell for the ivshmem-demo inmate on the Banana Pi M1, reproducing the
 * configuration of the seed thesis ("Exploring IVSHMEM in the Jailhouse
 * Hypervisor", appendix B.1) as far as config revision 14 allows:
 * 1 CPU (CPU 1), 64 KiB RAM, UARTs 4-7 (console UART7), CCU and GPIO
 * port H windows, and peer 1 of 2 on ivshmem link 0 with the root cell
 * (bananapi-root.c is peer 0). INTx pin A raises SPI 123 = INTID 155.
 *
 * Adaptations (details in Documentation/configs.md):
 *  - .architecture = JAILHOUSE_ARM added (the field did not exist yet).
 *  - The state table region was 1 MiB, read/write, and overlapped the two
 *    output sections that follow it: now 4 KiB and read-only, which makes
 *    regions 4-7 exactly JAILHOUSE_SHMEM_NET_REGIONS(0x7bf00000, 1).
 *  - BAR masks were the ivshmem v1 ones (256-byte BAR0, BAR1 all ones);
 *    v2 needs a 4 KiB register BAR0 and, with INTx, no MSI-X BAR1:
 *    JAILHOUSE_IVSHMEM_BAR_MASK_INTX.
 *  - Console clock_reg 0x01c2006d is not a register address; the APB1
 *    gating register is 0x01c2006c (UART7 = gate 23, as given).
 *  - Console .size = 0x400 (UART7's register window) added: an MMIO
 *    console must say how much to map.
 *
 * SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause)
 */

#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>

struct {
	struct jailhouse_cell_desc cell;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[9];
	struct jailhouse_irqchip irqchips[1];
	struct jailhouse_pci_device pci_devices[1];
} __attribute__((packed)) config = {
	.cell = {
		.signature = JAILHOUSE_CELL_DESC_SIGNATURE,
		.architecture = JAILHOUSE_ARM,
		.revision = JAILHOUSE_CONFIG_REVISION,
		.name = "bananapi-ivshmem-demo",
		.flags = JAILHOUSE_CELL_PASSIVE_COMMREG,

		.vpci_irq_base = 123,

		.cpu_set_size = sizeof(config.cpus),
		.num_memory_regions = ARRAY_SIZE(config.mem_regions),
		.num_irqchips = ARRAY_SIZE(config.irqchips),
		.num_pci_devices = ARRAY_SIZE(config.pci_devices),

		.console = {
			.address = 0x01c29c00,
			.size = 0x400,
			.clock_reg = 0x01c2006c,
			.gate_nr = 23,
			.divider = 0x0d,
			.type = JAILHOUSE_CON_TYPE_8250,
			.flags = JAILHOUSE_CON_ACCESS_MMIO |
				 JAILHOUSE_CON_REGDIST_4,
		},
	},

	.cpus = {
		0x2,
	},

	.mem_regions = {
		/* 0: CCU */
		{
			.phys_start = 0x01c20200,
			.virt_start = 0x01c20200,
			.size = 0x200,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO | JAILHOUSE_MEM_IO_32,
		},
		/* 1: GPIO: port H */
		{
			.phys_start = 0x01c208fc,
			.virt_start = 0x01c208fc,
			.size = 0x24,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO | JAILHOUSE_MEM_IO_32,
		},
		/* 2: UART 4-7 */
		{
			.phys_start = 0x01c29000,
			.virt_start = 0x01c29000,
			.size = 0x1000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO,
		},
		/* 3: RAM */
		{
			.phys_start = 0x7bef0000,
			.virt_start = 0,
			.size = 0x00010000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_LOADABLE,
		},
		/* 4: IVSHMEM state table (thesis: 1 MiB, read/write) */
		{
			.phys_start = 0x7bf00000,
			.virt_start = 0x7bf00000,
			.size = 0x1000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_ROOTSHARED,
		},
		/* 5: no common R/W section */
		{ 0 },
		/* 6: output section of peer 0 (root cell) */
		{
			.phys_start = 0x7bf01000,
			.virt_start = 0x7bf01000,
			.size = 0x7f000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_ROOTSHARED,
		},
		/* 7: output section of peer 1 (this cell) */
		{
			.phys_start = 0x7bf80000,
			.virt_start = 0x7bf80000,
			.size = 0x7f000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_ROOTSHARED,
		},
		/* 8: communication region */
		{
			.virt_start = 0x80000000,
			.size = 0x00001000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_COMM_REGION,
		},
	},

	.irqchips = {
		/* GIC */
		{
			.address = 0x01c81000,
			.pin_base = 32,
			.pin_bitmap = {
				1 << (52 - 32),		/* UART7 */
				0,
				0,
				1 << (155 - 128),	/* ivshmem INTx */
			},
		},
	},

	.pci_devices = {
		{
			.type = JAILHOUSE_PCI_TYPE_IVSHMEM,
			.bdf = 0x00,
			.bar_mask = JAILHOUSE_IVSHMEM_BAR_MASK_INTX,
			.shmem_regions_start = 4,
			.shmem_dev_id = 1,
			.shmem_peers = 2,
			.shmem_protocol = JAILHOUSE_SHMEM_PROTO_UNDEFINED,
		},
	},
};
