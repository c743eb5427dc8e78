/*
 * Jailhouse-compatible partitioning hypervisor
 *
 * Root cell for our Bochs machine: i440FX/PIIX3/PIIX4, 2 CPUs
 * (corei7_skylake_x; 3 for the multi-CPU cell scenario: the CPU set lists
 * 0-3, the hypervisor keeps those the machine has), 1 GiB RAM, Linux
 * booted with memmap=64M$0x3a000000.
 * Every value below was read from the running machine (stock Debian 12
 * kernel): e820, /proc/iomem, /proc/ioports, /proc/interrupts, PCI config
 * space, ACPI MADT/FADT. The facts and how to collect them again are in
 * Documentation/configs.md; the memory layout is in Documentation/design.md.
 *
 * Handled by the hypervisor, hence deliberately not listed as regions or
 * ports: the local APIC (0xfee00000), the IOAPIC (0xfec00000, see
 * irqchips) and PCI configuration access through 0xcf8-0xcff (Bochs has
 * no MMCONFIG).
 *
 * SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause)
 */

#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>

#define LINK0_BASE	0x3af00000
#define LINK0_PEERS	3
#define LINK0_BDF	(0x0f << 3)	/* 00:0f.0 */
#define THIS_PEER	0

struct {
	struct jailhouse_system header;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[14];
	struct jailhouse_irqchip irqchips[1];
	struct jailhouse_pio pio_regions[20];
	struct jailhouse_pci_device pci_devices[6];
} __attribute__((packed)) config = {
	.header = {
		.signature = JAILHOUSE_SYSTEM_SIGNATURE,
		.architecture = JAILHOUSE_X86,
		.revision = JAILHOUSE_CONFIG_REVISION,
		.flags = JAILHOUSE_SYS_VIRTUAL_DEBUG_CONSOLE,
		.hypervisor_memory = {
			.phys_start = 0x3a000000,
			.size = 0x00600000,
		},
		.debug_console = {
			.address = 0x3f8,
			.type = JAILHOUSE_CON_TYPE_8250,
			.flags = JAILHOUSE_CON_ACCESS_PIO |
				 JAILHOUSE_CON_REGDIST_1,
		},
		.platform_info = {
			/* no MMCONFIG: PCI config space via 0xcf8/0xcfc */
			.pci_mmconfig_base = 0,
			.iommu_units = {
				/* none: Bochs emulates no VT-d */
			},
			.x86 = {
				.pm_timer_address = 0xb008,
				/* Linux stays in xAPIC mode here; follow it */
				.apic_mode = JAILHOUSE_APIC_MODE_AUTO,
				/* 0: measured by the hypervisor */
				.tsc_khz = 0,
				.apic_khz = 0,
			},
		},
		.root_cell = {
			.name = "bochs-i440fx",

			.cpu_set_size = sizeof(config.cpus),
			.num_memory_regions = ARRAY_SIZE(config.mem_regions),
			.num_irqchips = ARRAY_SIZE(config.irqchips),
			.num_pio_regions = ARRAY_SIZE(config.pio_regions),
			.num_pci_devices = ARRAY_SIZE(config.pci_devices),
		},
	},

	.cpus = {
		0xf,
	},

	.mem_regions = {
		/* 0: RAM 0-0x9efff, EBDA 0x9f000-0x9ffff (e820 reserved) */
		{
			.phys_start = 0x0,
			.virt_start = 0x0,
			.size = 0xa0000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_DMA,
		},
		/* 1: legacy VGA memory (vgacon text buffer at 0xb8000) */
		{
			.phys_start = 0xa0000,
			.virt_start = 0xa0000,
			.size = 0x20000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO,
		},
		/* 2: video ROM, BIOS (SMBIOS, MP table, ACPI RSDP) */
		{
			.phys_start = 0xc0000,
			.virt_start = 0xc0000,
			.size = 0x40000,
			.flags = JAILHOUSE_MEM_READ,
		},
		/* 3: RAM */
		{
			.phys_start = 0x100000,
			.virt_start = 0x100000,
			.size = 0x39f00000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_DMA,
		},
		/* 4: RAM (inmates: demo and test cells, spare) */
		{
			.phys_start = 0x3a600000,
			.virt_start = 0x3a600000,
			.size = 0x00900000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_DMA,
		},
		/* 5: ivshmem link 0, state table */
		{
			.phys_start = LINK0_BASE,
			.virt_start = LINK0_BASE,
			.size = 0x1000,
			.flags = JAILHOUSE_MEM_READ,
		},
		/* 6: ivshmem link 0, R/W section */
		{
			.phys_start = LINK0_BASE + 0x1000,
			.virt_start = LINK0_BASE + 0x1000,
			.size = 0x9000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE,
		},
		/* 7: ivshmem link 0, output section of peer 0 (root) */
		{
			.phys_start = LINK0_BASE + 0xa000,
			.virt_start = LINK0_BASE + 0xa000,
			.size = 0x2000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE,
		},
		/* 8: ivshmem link 0, output section of peer 1 */
		{
			.phys_start = LINK0_BASE + 0xc000,
			.virt_start = LINK0_BASE + 0xc000,
			.size = 0x2000,
			.flags = JAILHOUSE_MEM_READ,
		},
		/* 9: ivshmem link 0, output section of peer 2 */
		{
			.phys_start = LINK0_BASE + 0xe000,
			.virt_start = LINK0_BASE + 0xe000,
			.size = 0x2000,
			.flags = JAILHOUSE_MEM_READ,
		},
		/* 10: RAM (further links, Linux inmate, large cells) */
		{
			.phys_start = 0x3af10000,
			.virt_start = 0x3af10000,
			.size = 0x030f0000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_DMA,
		},
		/* 11: RAM */
		{
			.phys_start = 0x3e000000,
			.virt_start = 0x3e000000,
			.size = 0x01ff0000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_DMA,
		},
		/* 12: ACPI tables (FACS holds the global lock: writable) */
		{
			.phys_start = 0x3fff0000,
			.virt_start = 0x3fff0000,
			.size = 0x10000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE,
		},
		/* 13: HPET */
		{
			.phys_start = 0xfed00000,
			.virt_start = 0xfed00000,
			.size = 0x1000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO,
		},
	},

	.irqchips = {
		/* IOAPIC (MADT: ID 2, GSI 0-23), all pins belong to Linux */
		{
			.address = 0xfec00000,
			/* source ID for interrupt remapping: none here */
			.id = 0x0000,
			.pin_bitmap = {
				0xffffff,
			},
		},
	},

	.pio_regions = {
		PIO_RANGE(0x0000, 0x20),	/* DMA1 (floppy uses ch. 2) */
		PIO_RANGE(0x0020, 2),		/* PIC1 */
		PIO_RANGE(0x0040, 4),		/* PIT */
		PIO_RANGE(0x0060, 2),		/* i8042 data, port B */
		PIO_RANGE(0x0064, 1),		/* i8042 command/status */
		PIO_RANGE(0x0070, 2),		/* RTC/CMOS */
		PIO_RANGE(0x0080, 0x10),	/* io_delay port, DMA pages */
		PIO_RANGE(0x00a0, 2),		/* PIC2 */
		PIO_RANGE(0x00c0, 0x20),	/* DMA2 */
		PIO_RANGE(0x0170, 8),		/* IDE secondary */
		PIO_RANGE(0x01f0, 8),		/* IDE primary */
		PIO_RANGE(0x0376, 1),		/* IDE secondary control */
		PIO_RANGE(0x0378, 8),		/* parallel port */
		PIO_RANGE(0x03c0, 0x20),	/* VGA */
		PIO_RANGE(0x03f0, 8),		/* floppy, IDE primary ctl */
		PIO_RANGE(0x03f8, 8),		/* COM1 */
		PIO_RANGE(0xb000, 0x40),	/* ACPI PM block (timer b008) */
		PIO_RANGE(0xb100, 0x10),	/* PIIX4 SMBus */
		PIO_RANGE(0xc000, 0x10),	/* IDE bus master (BAR4) */
		PIO_RANGE(0xc020, 0x20),	/* UHCI (BAR4) */
	},

	.pci_devices = {
		/* 00:00.0: i440FX host bridge (8086:1237) */
		{
			.type = JAILHOUSE_PCI_TYPE_DEVICE,
			.domain = 0x0000,
			.bdf = 0x00,
		},
		/* 00:01.0: PIIX3 ISA bridge (8086:7000) */
		{
			.type = JAILHOUSE_PCI_TYPE_DEVICE,
			.domain = 0x0000,
			.bdf = 0x08,
		},
		/* 00:01.1: PIIX3 IDE (8086:7010), legacy mode */
		{
			.type = JAILHOUSE_PCI_TYPE_DEVICE,
			.domain = 0x0000,
			.bdf = 0x09,
			.bar_mask = {
				0x00000000, 0x00000000, 0x00000000,
				0x00000000, 0xfffffff0, 0x00000000,
			},
		},
		/* 00:01.2: PIIX3 UHCI (8086:7020), INTD = IRQ 11 */
		{
			.type = JAILHOUSE_PCI_TYPE_DEVICE,
			.domain = 0x0000,
			.bdf = 0x0a,
			.bar_mask = {
				0x00000000, 0x00000000, 0x00000000,
				0x00000000, 0xffffffe0, 0x00000000,
			},
		},
		/* 00:01.3: PIIX4 ACPI/SMBus (8086:7113), IRQ 9 */
		{
			.type = JAILHOUSE_PCI_TYPE_DEVICE,
			.domain = 0x0000,
			.bdf = 0x0b,
		},
		/* 00:0f.0: ivshmem v2, link 0 (virtual) */
		{
			.type = JAILHOUSE_PCI_TYPE_IVSHMEM,
			.domain = 0x0000,
			.bdf = LINK0_BDF,
			.bar_mask = JAILHOUSE_IVSHMEM_BAR_MASK_MSIX,
			.num_msix_vectors = 16,
			.shmem_regions_start = 5,
			.shmem_dev_id = THIS_PEER,
			.shmem_peers = LINK0_PEERS,
			.shmem_protocol = JAILHOUSE_SHMEM_PROTO_UNDEFINED,
		},
	},
};
