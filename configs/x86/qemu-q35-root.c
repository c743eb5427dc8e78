/*
 * Jailhouse-compatible partitioning hypervisor
 *
 * Root cell for QEMU q35 as the seed users run it under KVM with nested
 * VMX (QEMU 7.2 + SeaBIOS facts, collected under TCG on the same machine
 * model; see Documentation/configs.md):
 *
 *   qemu-system-x86_64 -machine q35,kernel_irqchip=split -m 1G -smp 4 \
 *     -enable-kvm -cpu kvm64,-kvm_pv_eoi,-kvm_steal_time,-kvm_asyncpf,\
 *     -kvmclock,+vmx,+x2apic -drive file=IMG,id=disk,if=none \
 *     -device ide-hd,drive=disk -serial stdio -serial vc \
 *     -netdev user,id=net -device e1000e,addr=2.0,netdev=net \
 *     -device intel-hda,addr=1b.0 -device hda-duplex
 *
 * with the kernel parameter memmap=64M$0x3a000000 (same layout as Bochs,
 * Documentation/design.md). Do not add -device intel-iommu: the hypervisor
 * does not drive VT-d, and Linux must not either.
 *
 * Handled by the hypervisor, hence not listed as regions or ports: the
 * local APIC (x2APIC), the IOAPIC (see irqchips), MMCONFIG at 0xb0000000
 * and 0xcf8-0xcff. The BARs of the real devices are mapped one by one so
 * that the virtual ivshmem device's BARs, which Linux places in the same
 * PCI window, stay trapped.
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
	struct jailhouse_memory mem_regions[21];
	struct jailhouse_irqchip irqchips[1];
	struct jailhouse_pio pio_regions[16];
	struct jailhouse_pci_device pci_devices[8];
	struct jailhouse_pci_capability pci_caps[9];
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
			.pci_mmconfig_base = 0xb0000000,
			.pci_mmconfig_end_bus = 0xff,
			.x86 = {
				.pm_timer_address = 0x608,
				.apic_mode = JAILHOUSE_APIC_MODE_X2APIC,
				/* 0: measured by the hypervisor (host-dependent) */
				.tsc_khz = 0,
				.apic_khz = 0,
			},
		},
		.root_cell = {
			.name = "qemu-q35",

			.cpu_set_size = sizeof(config.cpus),
			.num_memory_regions = ARRAY_SIZE(config.mem_regions),
			.num_irqchips = ARRAY_SIZE(config.irqchips),
			.num_pio_regions = ARRAY_SIZE(config.pio_regions),
			.num_pci_devices = ARRAY_SIZE(config.pci_devices),
			.num_pci_caps = ARRAY_SIZE(config.pci_caps),
		},
	},

	.cpus = {
		0xf,
	},

	.mem_regions = {
		/* 0: RAM 0-0x9fbff, EBDA 0x9fc00-0x9ffff (e820 reserved) */
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
		/* 2: video and option ROMs, BIOS (SMBIOS, ACPI RSDP) */
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
			.size = 0x01fdf000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_DMA,
		},
		/* 12: e820 reserved: ACPI tables, FACS (global lock) */
		{
			.phys_start = 0x3ffdf000,
			.virt_start = 0x3ffdf000,
			.size = 0x21000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE,
		},
		/* 13: 00:01.0 VGA BAR0, framebuffer (bochs-drm) */
		{
			.phys_start = 0xfd000000,
			.virt_start = 0xfd000000,
			.size = 0x1000000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO,
		},
		/* 14: 00:02.0 e1000e BAR0 + BAR1 */
		{
			.phys_start = 0xfeb80000,
			.virt_start = 0xfeb80000,
			.size = 0x40000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO,
		},
		/* 15: 00:02.0 e1000e BAR3 (MSI-X table and PBA) */
		{
			.phys_start = 0xfebd0000,
			.virt_start = 0xfebd0000,
			.size = 0x4000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO,
		},
		/* 16: 00:1b.0 HD audio BAR0 */
		{
			.phys_start = 0xfebd4000,
			.virt_start = 0xfebd4000,
			.size = 0x4000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO,
		},
		/* 17: 00:01.0 VGA BAR2 (VBE/QEMU registers) */
		{
			.phys_start = 0xfebd8000,
			.virt_start = 0xfebd8000,
			.size = 0x1000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO,
		},
		/* 18: 00:1f.2 AHCI BAR5 */
		{
			.phys_start = 0xfebd9000,
			.virt_start = 0xfebd9000,
			.size = 0x1000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO,
		},
		/* 19: HPET */
		{
			.phys_start = 0xfed00000,
			.virt_start = 0xfed00000,
			.size = 0x1000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO,
		},
		/* 20: ICH9 root complex register block (iTCO_wdt: GCS) */
		{
			.phys_start = 0xfed1c000,
			.virt_start = 0xfed1c000,
			.size = 0x4000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO,
		},
	},

	.irqchips = {
		/* IOAPIC (MADT: ID 0, GSI 0-23), all pins belong to Linux */
		{
			.address = 0xfec00000,
			/* QEMU q35 IOAPIC source ID (bus 0xff, devfn 0) */
			.id = 0xff00,
			.pin_bitmap = {
				0xffffff,
			},
		},
	},

	.pio_regions = {
		PIO_RANGE(0x0020, 2),		/* PIC1 */
		PIO_RANGE(0x0040, 4),		/* PIT */
		PIO_RANGE(0x0060, 2),		/* i8042 data, port B */
		PIO_RANGE(0x0064, 1),		/* i8042 command/status */
		PIO_RANGE(0x0070, 2),		/* RTC/CMOS */
		PIO_RANGE(0x0080, 1),		/* io_delay port */
		PIO_RANGE(0x00a0, 2),		/* PIC2 */
		PIO_RANGE(0x02f8, 8),		/* COM2 (-serial vc) */
		PIO_RANGE(0x0378, 3),		/* parallel port */
		PIO_RANGE(0x03c0, 0x20),	/* VGA */
		PIO_RANGE(0x03f8, 8),		/* COM1 */
		PIO_RANGE(0x0510, 0xc),		/* fw_cfg (qemu_fw_cfg) */
		PIO_RANGE(0x0600, 0x80),	/* ACPI PM (timer 608), GPE0, TCO */
		PIO_RANGE(0x0700, 0x40),	/* 00:1f.3 SMBus BAR4 */
		PIO_RANGE(0xc040, 0x20),	/* 00:02.0 e1000e BAR2 */
		PIO_RANGE(0xc060, 0x20),	/* 00:1f.2 AHCI BAR4 */
	},

	.pci_devices = {
		/* 00:00.0: Q35/MCH host bridge (8086:29c0) */
		{
			.type = JAILHOUSE_PCI_TYPE_DEVICE,
			.domain = 0x0000,
			.bdf = 0x00,
		},
		/* 00:01.0: std VGA (1234:1111) */
		{
			.type = JAILHOUSE_PCI_TYPE_DEVICE,
			.domain = 0x0000,
			.bdf = 0x08,
			.bar_mask = {
				0xff000000, 0x00000000, 0xfffff000,
				0x00000000, 0x00000000, 0x00000000,
			},
		},
		/* 00:02.0: e1000e (8086:10d3) */
		{
			.type = JAILHOUSE_PCI_TYPE_DEVICE,
			.domain = 0x0000,
			.bdf = 0x10,
			.bar_mask = {
				0xfffe0000, 0xfffe0000, 0xffffffe0,
				0xffffc000, 0x00000000, 0x00000000,
			},
			.caps_start = 0,
			.num_caps = 6,
			.num_msi_vectors = 1,
			.msi_64bits = 1,
			.num_msix_vectors = 5,
			.msix_region_size = 0x1000,
			.msix_address = 0xfebd0000,
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
		/* 00:1b.0: ICH6 HD audio (8086:2668) */
		{
			.type = JAILHOUSE_PCI_TYPE_DEVICE,
			.domain = 0x0000,
			.bdf = 0xd8,
			.bar_mask = {
				0xffffc000, 0x00000000, 0x00000000,
				0x00000000, 0x00000000, 0x00000000,
			},
			.caps_start = 6,
			.num_caps = 1,
			.num_msi_vectors = 1,
			.msi_64bits = 1,
		},
		/* 00:1f.0: ICH9 LPC bridge (8086:2918) */
		{
			.type = JAILHOUSE_PCI_TYPE_DEVICE,
			.domain = 0x0000,
			.bdf = 0xf8,
		},
		/* 00:1f.2: ICH9 AHCI (8086:2922) */
		{
			.type = JAILHOUSE_PCI_TYPE_DEVICE,
			.domain = 0x0000,
			.bdf = 0xfa,
			.bar_mask = {
				0x00000000, 0x00000000, 0x00000000,
				0x00000000, 0xffffffe0, 0xfffff000,
			},
			.caps_start = 7,
			.num_caps = 2,
			.num_msi_vectors = 1,
			.msi_64bits = 1,
		},
		/* 00:1f.3: ICH9 SMBus (8086:2930) */
		{
			.type = JAILHOUSE_PCI_TYPE_DEVICE,
			.domain = 0x0000,
			.bdf = 0xfb,
			.bar_mask = {
				0x00000000, 0x00000000, 0x00000000,
				0x00000000, 0xffffffc0, 0x00000000,
			},
		},
	},

	.pci_caps = {
		/* 0-5: 00:02.0 e1000e */
		{ /* MSI-X */
			.id = PCI_CAP_ID_MSIX,
			.start = 0xa0,
			.len = 12,
			.flags = JAILHOUSE_PCICAPS_WRITE,
		},
		{ /* power management */
			.id = PCI_CAP_ID_PM,
			.start = 0xc8,
			.len = 8,
			.flags = JAILHOUSE_PCICAPS_WRITE,
		},
		{ /* MSI, 64-bit */
			.id = PCI_CAP_ID_MSI,
			.start = 0xd0,
			.len = 14,
			.flags = JAILHOUSE_PCICAPS_WRITE,
		},
		{ /* PCI Express v1 (integrated endpoint) */
			.id = PCI_CAP_ID_EXP,
			.start = 0xe0,
			.len = 20,
			.flags = JAILHOUSE_PCICAPS_WRITE,
		},
		{ /* AER */
			.id = PCI_EXT_CAP_ID_ERR | JAILHOUSE_PCI_EXT_CAP,
			.start = 0x100,
			.len = 0x48,
			.flags = JAILHOUSE_PCICAPS_WRITE,
		},
		{ /* device serial number */
			.id = PCI_EXT_CAP_ID_DSN | JAILHOUSE_PCI_EXT_CAP,
			.start = 0x140,
			.len = 12,
			.flags = 0,
		},
		/* 6: 00:1b.0 HD audio */
		{ /* MSI, 64-bit */
			.id = PCI_CAP_ID_MSI,
			.start = 0x60,
			.len = 14,
			.flags = JAILHOUSE_PCICAPS_WRITE,
		},
		/* 7-8: 00:1f.2 AHCI */
		{ /* MSI, 64-bit */
			.id = PCI_CAP_ID_MSI,
			.start = 0x80,
			.len = 14,
			.flags = JAILHOUSE_PCICAPS_WRITE,
		},
		{ /* SATA index/data pair */
			.id = PCI_CAP_ID_SATA,
			.start = 0xa8,
			.len = 8,
			.flags = 0,
		},
	},
};
