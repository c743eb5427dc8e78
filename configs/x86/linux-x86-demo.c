/*
 * Jailhouse-compatible partitioning hypervisor
 *
 * Cell for a non-root Linux on the x86 emulated machines (Bochs i440FX and
 * QEMU q35, layout: Documentation/design.md, "Linux inmate / large cells"
 * area at 0x3b000000): CPU 1, 1 MiB low RAM for the boot loader, 46 MiB
 * RAM, the hypervisor's debug console as the only console, and a virtual
 * Ethernet link (ivshmem v2, protocol VETH, virtual PCI device 00:0e.0,
 * MSI-X) whose other end is free for a future root-cell or cell peer.
 *
 * This config is also the compatibility proof: it is written exactly the
 * way upstream Jailhouse's current config format is written (designated
 * initializers, .architecture, ARRAY_SIZE, PIO_RANGE,
 * JAILHOUSE_SHMEM_NET_REGIONS, JAILHOUSE_IVSHMEM_BAR_MASK_MSIX) and must
 * compile unchanged against our include/jailhouse/cell-config.h.
 *
 * SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause)
 */

#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>

struct {
	struct jailhouse_cell_desc cell;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[7];
	struct jailhouse_cache cache_regions[1];
	struct jailhouse_irqchip irqchips[0];
	struct jailhouse_pio pio_regions[2];
	struct jailhouse_pci_device pci_devices[1];
	struct jailhouse_pci_capability pci_caps[0];
} __attribute__((packed)) config = {
	.cell = {
		.signature = JAILHOUSE_CELL_DESC_SIGNATURE,
		.architecture = JAILHOUSE_X86,
		.revision = JAILHOUSE_CONFIG_REVISION,
		.name = "linux-x86-demo",
		.flags = JAILHOUSE_CELL_PASSIVE_COMMREG |
			JAILHOUSE_CELL_VIRTUAL_CONSOLE_PERMITTED |
			JAILHOUSE_CELL_VIRTUAL_CONSOLE_ACTIVE,

		.cpu_set_size = sizeof(config.cpus),
		.num_memory_regions = ARRAY_SIZE(config.mem_regions),
		.num_cache_regions = ARRAY_SIZE(config.cache_regions),
		.num_irqchips = ARRAY_SIZE(config.irqchips),
		.num_pio_regions = ARRAY_SIZE(config.pio_regions),
		.num_pci_devices = ARRAY_SIZE(config.pci_devices),
		.num_pci_caps = ARRAY_SIZE(config.pci_caps),
	},

	.cpus = {
		0x2,
	},

	.mem_regions = {
		/* low RAM: real-mode boot loader and boot parameters */
		{
			.phys_start = 0x3b100000,
			.virt_start = 0,
			.size = 0x00100000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_DMA |
				JAILHOUSE_MEM_LOADABLE,
		},
		/* communication region */
		{
			.virt_start = 0x00100000,
			.size = 0x00001000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_COMM_REGION,
		},
		/* virtual Ethernet link: 1 MiB, this cell is peer 1 */
		JAILHOUSE_SHMEM_NET_REGIONS(0x3b000000, 1),
		/* high RAM: the kernel and its memory */
		{
			.phys_start = 0x3b200000,
			.virt_start = 0x00200000,
			.size = 0x02e00000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_DMA |
				JAILHOUSE_MEM_LOADABLE,
		},
	},

	.cache_regions = {
		/* L3 partitioning (Intel CAT) where the CPU has it */
		{
			.start = 0,
			.size = 2,
			.type = JAILHOUSE_CACHE_L3,
		},
	},

	.pio_regions = {
		PIO_RANGE(0x0608, 4),	/* ACPI PM timer, QEMU q35 (ICH9) */
		PIO_RANGE(0xb008, 4),	/* ACPI PM timer, Bochs (PIIX4) */
	},

	.pci_devices = {
		/* 00:0e.0: ivshmem v2, virtual Ethernet */
		{
			.type = JAILHOUSE_PCI_TYPE_IVSHMEM,
			.domain = 0x0000,
			.bdf = 0x0e << 3,
			.bar_mask = JAILHOUSE_IVSHMEM_BAR_MASK_MSIX,
			.num_msix_vectors = 2,
			.shmem_regions_start = 2,
			.shmem_dev_id = 1,
			.shmem_peers = 2,
			.shmem_protocol = JAILHOUSE_SHMEM_PROTO_VETH,
		},
	},
};
