/*
 * Jailhouse-compatible partitioning hypervisor
 *
 * Root cell for the Banana Pi M1 (Allwinner A20: 2x Cortex-A7, GICv2,
 * 1 GiB RAM at 0x40000000), Linux booted by U-Boot in HYP mode with the
 * kernel parameter mem=932M (as in the seed thesis). Memory layout:
 * Documentation/design.md; board facts: Documentation/configs.md.
 *
 * Debug console: UART0 (8250 compatible, 32-bit registers 4 bytes apart,
 * 24 MHz clock / (16 * 13) = 115200 baud, clock gate APB1 bit 16).
 * The virtual PCI host (ivshmem) lives at 0x02000000, domain 0, bus 0.
 *
 * SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause)
 */

#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>

struct {
	struct jailhouse_system header;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[11];
	struct jailhouse_irqchip irqchips[1];
	struct jailhouse_pci_device pci_devices[1];
} __attribute__((packed)) config = {
	.header = {
		.signature = JAILHOUSE_SYSTEM_SIGNATURE,
		.architecture = JAILHOUSE_ARM,
		.revision = JAILHOUSE_CONFIG_REVISION,
		.flags = JAILHOUSE_SYS_VIRTUAL_DEBUG_CONSOLE,
		.hypervisor_memory = {
			.phys_start = 0x7c000000,
			.size = 0x00600000,
		},
		.debug_console = {
			.address = 0x01c28000,
			.size = 0x400,
			.clock_reg = 0x01c2006c,
			.gate_nr = 16,
			.divider = 0x0d,
			.type = JAILHOUSE_CON_TYPE_8250,
			.flags = JAILHOUSE_CON_ACCESS_MMIO |
				 JAILHOUSE_CON_REGDIST_4,
		},
		.platform_info = {
			.pci_mmconfig_base = 0x02000000,
			.pci_mmconfig_end_bus = 0,
			.pci_is_virtual = 1,
			.pci_domain = 0,
			.arm = {
				.gic_version = 2,
				.gicd_base = 0x01c81000,
				.gicc_base = 0x01c82000,
				.gich_base = 0x01c84000,
				.gicv_base = 0x01c86000,
				.maintenance_irq = 25,
			},
		},
		.root_cell = {
			.name = "bananapi",

			.cpu_set_size = sizeof(config.cpus),
			.num_memory_regions = ARRAY_SIZE(config.mem_regions),
			.num_irqchips = ARRAY_SIZE(config.irqchips),
			.num_pci_devices = ARRAY_SIZE(config.pci_devices),

			/* ivshmem INTx: SPI 124 = INTID 156 (cells use 123) */
			.vpci_irq_base = 124,
		},
	},

	.cpus = {
		0x3,
	},

	.mem_regions = {
		/* 0: SRAM A1-A4 */
		{
			.phys_start = 0x00000000,
			.virt_start = 0x00000000,
			.size = 0xc000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_IO,
		},
		/* 1: SRAM D (USB OTG) */
		{
			.phys_start = 0x00010000,
			.virt_start = 0x00010000,
			.size = 0x1000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO,
		},
		/*
		 * 2: SoC peripherals 0x01c00000-0x01c7ffff: SRAM/DRAM
		 * controllers, DMA, MMC, USB, SATA, CCU, PIO, timers, RTC,
		 * UARTs, I2C, GMAC, HSTIMER. The GIC (0x01c80000+) is not
		 * mapped: the hypervisor owns it.
		 */
		{
			.phys_start = 0x01c00000,
			.virt_start = 0x01c00000,
			.size = 0x00080000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO,
		},
		/* 3: display engine (front ends, back ends, mixer) */
		{
			.phys_start = 0x01e00000,
			.virt_start = 0x01e00000,
			.size = 0x00100000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO,
		},
		/* 4: RAM (Linux, mem=932M) */
		{
			.phys_start = 0x40000000,
			.virt_start = 0x40000000,
			.size = 0x3a400000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_EXECUTE,
		},
		/* 5: RAM (inmates: gic-demo, ivshmem-demo, spare) */
		{
			.phys_start = 0x7a400000,
			.virt_start = 0x7a400000,
			.size = 0x01b00000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_EXECUTE,
		},
		/* 6-9: ivshmem link 0 (1 MiB, 2 peers), root = peer 0 */
		JAILHOUSE_SHMEM_NET_REGIONS(0x7bf00000, 0),
		/* 10: RAM (inmates, above the hypervisor) */
		{
			.phys_start = 0x7c600000,
			.virt_start = 0x7c600000,
			.size = 0x03a00000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_EXECUTE,
		},
	},

	.irqchips = {
		/* GIC: every SPI (32-159) belongs to Linux */
		{
			.address = 0x01c81000,
			.pin_base = 32,
			.pin_bitmap = {
				0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff,
			},
		},
	},

	.pci_devices = {
		/* 0000:00:00.0: ivshmem v2, link 0 (INTx: INTID 156) */
		{
			.type = JAILHOUSE_PCI_TYPE_IVSHMEM,
			.domain = 0,
			.bdf = 0x00,
			.bar_mask = JAILHOUSE_IVSHMEM_BAR_MASK_INTX,
			.shmem_regions_start = 6,
			.shmem_dev_id = 0,
			.shmem_peers = 2,
			.shmem_protocol = JAILHOUSE_SHMEM_PROTO_UNDEFINED,
		},
	},
};
