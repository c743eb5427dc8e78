/*
 * Jailhouse-compatible partitioning hypervisor
 *
 * Root cell for QEMU "virt" (ARMv7, cortex-a15, GICv2, 2-4 CPUs, 1 GiB RAM
 * at 0x40000000), booted with virtualization=on,gic-version=2 and the
 * kernel parameter mem=960M. Memory layout: Documentation/design.md;
 * machine facts: Documentation/configs.md.
 *
 * The CPU set names all four CPUs: the hypervisor uses the ones that are
 * online, so the same config serves -smp 2 and -smp 4.
 *
 * Both locations of the real PCIe ECAM window are mapped: 0x4010000000
 * (QEMU's default, highmem=on) and 0x3f000000 (highmem=off). Only one
 * exists on a given machine; the other range is unbacked. The 64-bit
 * PCIe MMIO window at 0x8000000000 is not mapped: no device on this
 * machine uses it (add a region when you add such a device).
 *
 * ivshmem: 0001:00:00.0 is peer 0 of link 0 (3 peers, with cells A and B
 * of the ivshmem-demo, INTID 182), 0001:00:01.0 peer 0 of link 1 (2 peers,
 * with cell B only, INTID 183).
 *
 * SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause)
 */

#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>

#define LINK0_BASE	0x7cf00000
#define LINK0_PEERS	3
#define LINK1_BASE	0x7cf10000
#define LINK1_PEERS	2
#define THIS_PEER	0

struct {
	struct jailhouse_system header;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[21];
	struct jailhouse_irqchip irqchips[2];
	struct jailhouse_pci_device pci_devices[2];
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
			.address = 0x09000000,
			.size = 0x1000,
			.type = JAILHOUSE_CON_TYPE_PL011,
			.flags = JAILHOUSE_CON_ACCESS_MMIO |
				 JAILHOUSE_CON_REGDIST_4,
		},
		.platform_info = {
			/* virtual PCI host for the ivshmem devices */
			.pci_mmconfig_base = 0x08e00000,
			.pci_mmconfig_end_bus = 0,
			.pci_is_virtual = 1,
			.pci_domain = 1,
			.arm = {
				.gic_version = 2,
				.gicd_base = 0x08000000,
				.gicc_base = 0x08010000,
				.gich_base = 0x08030000,
				.gicv_base = 0x08040000,
				.maintenance_irq = 25,
			},
		},
		.root_cell = {
			.name = "qemu-virt",

			.cpu_set_size = sizeof(config.cpus),
			.num_memory_regions = ARRAY_SIZE(config.mem_regions),
			.num_irqchips = ARRAY_SIZE(config.irqchips),
			.num_pci_devices = ARRAY_SIZE(config.pci_devices),

			/* ivshmem INTx: SPIs 150-153 = INTIDs 182-185 */
			.vpci_irq_base = 150,
		},
	},

	.cpus = {
		0xf,
	},

	.mem_regions = {
		/* 0: UART (PL011) */
		{
			.phys_start = 0x09000000,
			.virt_start = 0x09000000,
			.size = 0x1000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO,
		},
		/* 1: RTC (PL031) */
		{
			.phys_start = 0x09010000,
			.virt_start = 0x09010000,
			.size = 0x1000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO,
		},
		/* 2: fw_cfg (0x18 bytes used, whole page mapped) */
		{
			.phys_start = 0x09020000,
			.virt_start = 0x09020000,
			.size = 0x1000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO,
		},
		/* 3: GPIO (PL061, power button) */
		{
			.phys_start = 0x09030000,
			.virt_start = 0x09030000,
			.size = 0x1000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO,
		},
		/* 4: virtio-mmio transports 0-31 */
		{
			.phys_start = 0x0a000000,
			.virt_start = 0x0a000000,
			.size = 0x4000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO,
		},
		/* 5: PCIe 32-bit MMIO window */
		{
			.phys_start = 0x10000000,
			.virt_start = 0x10000000,
			.size = 0x2eff0000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO,
		},
		/* 6: PCIe I/O port window */
		{
			.phys_start = 0x3eff0000,
			.virt_start = 0x3eff0000,
			.size = 0x10000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO,
		},
		/* 7: PCIe ECAM with highmem=off (buses 0-15) */
		{
			.phys_start = 0x3f000000,
			.virt_start = 0x3f000000,
			.size = 0x1000000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO,
		},
		/* 8: RAM (Linux, mem=960M) */
		{
			.phys_start = 0x40000000,
			.virt_start = 0x40000000,
			.size = 0x3c000000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_EXECUTE,
		},
		/* 9: RAM (inmates: demo and test cells) */
		{
			.phys_start = 0x7c600000,
			.virt_start = 0x7c600000,
			.size = 0x00900000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_EXECUTE,
		},
		/* 10: ivshmem link 0, state table */
		{
			.phys_start = LINK0_BASE,
			.virt_start = LINK0_BASE,
			.size = 0x1000,
			.flags = JAILHOUSE_MEM_READ,
		},
		/* 11: ivshmem link 0, R/W section */
		{
			.phys_start = LINK0_BASE + 0x1000,
			.virt_start = LINK0_BASE + 0x1000,
			.size = 0x9000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE,
		},
		/* 12: ivshmem link 0, output section of peer 0 (root) */
		{
			.phys_start = LINK0_BASE + 0xa000,
			.virt_start = LINK0_BASE + 0xa000,
			.size = 0x2000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE,
		},
		/* 13: ivshmem link 0, output section of peer 1 */
		{
			.phys_start = LINK0_BASE + 0xc000,
			.virt_start = LINK0_BASE + 0xc000,
			.size = 0x2000,
			.flags = JAILHOUSE_MEM_READ,
		},
		/* 14: ivshmem link 0, output section of peer 2 */
		{
			.phys_start = LINK0_BASE + 0xe000,
			.virt_start = LINK0_BASE + 0xe000,
			.size = 0x2000,
			.flags = JAILHOUSE_MEM_READ,
		},
		/* 15: ivshmem link 1 (root <-> cell B), state table */
		{
			.phys_start = LINK1_BASE,
			.virt_start = LINK1_BASE,
			.size = 0x1000,
			.flags = JAILHOUSE_MEM_READ,
		},
		/* 16: ivshmem link 1, R/W section */
		{
			.phys_start = LINK1_BASE + 0x1000,
			.virt_start = LINK1_BASE + 0x1000,
			.size = 0x9000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE,
		},
		/* 17: ivshmem link 1, output section of peer 0 (root) */
		{
			.phys_start = LINK1_BASE + 0xa000,
			.virt_start = LINK1_BASE + 0xa000,
			.size = 0x2000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE,
		},
		/* 18: ivshmem link 1, output section of peer 1 (cell B) */
		{
			.phys_start = LINK1_BASE + 0xc000,
			.virt_start = LINK1_BASE + 0xc000,
			.size = 0x2000,
			.flags = JAILHOUSE_MEM_READ,
		},
		/* 19: RAM (further links, Linux inmate, large cells) */
		{
			.phys_start = 0x7cf20000,
			.virt_start = 0x7cf20000,
			.size = 0x030e0000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_EXECUTE,
		},
		/* 20: PCIe ECAM, QEMU default (highmem=on, buses 0-255) */
		{
			.phys_start = 0x4010000000,
			.virt_start = 0x4010000000,
			.size = 0x10000000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO,
		},
	},

	.irqchips = {
		/* GIC distributor: every SPI (32-287) belongs to Linux */
		{
			.address = 0x08000000,
			.pin_base = 32,
			.pin_bitmap = {
				0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff,
			},
		},
		{
			.address = 0x08000000,
			.pin_base = 160,
			.pin_bitmap = {
				0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff,
			},
		},
	},

	.pci_devices = {
		/* 0001:00:00.0: ivshmem v2, link 0 (INTx: INTID 182) */
		{
			.type = JAILHOUSE_PCI_TYPE_IVSHMEM,
			.domain = 1,
			.bdf = 0x00,
			.bar_mask = JAILHOUSE_IVSHMEM_BAR_MASK_INTX,
			.shmem_regions_start = 10,
			.shmem_dev_id = THIS_PEER,
			.shmem_peers = LINK0_PEERS,
			.shmem_protocol = JAILHOUSE_SHMEM_PROTO_UNDEFINED,
		},
		/* 0001:00:01.0: ivshmem v2, link 1 (INTx pin B: INTID 183) */
		{
			.type = JAILHOUSE_PCI_TYPE_IVSHMEM,
			.domain = 1,
			.bdf = 0x08,
			.bar_mask = JAILHOUSE_IVSHMEM_BAR_MASK_INTX,
			.shmem_regions_start = 15,
			.shmem_dev_id = THIS_PEER,
			.shmem_peers = LINK1_PEERS,
			.shmem_protocol = JAILHOUSE_SHMEM_PROTO_UNDEFINED,
		},
	},
};
