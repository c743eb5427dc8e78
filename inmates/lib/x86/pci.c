// SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause)
/*
 * PCI config access on x86: MMCONFIG when the comm region names its base
 * (q35), otherwise the 0xcf8/0xcfc port pair (i440FX has nothing else).
 * MSI-X messages target this CPU's APIC in physical destination mode.
 */
#include <inmate.h>

#define PCI_CONFIG_ADDRESS	0xcf8
#define PCI_CONFIG_DATA		0xcfc
#define PCI_CONFIG_ENABLE	0x80000000U
#define MSI_ADDRESS_BASE	0xfee00000U

static void pci_select(u16 bdf, unsigned int addr)
{
	outl(PCI_CONFIG_ENABLE | ((u32)bdf << 8) | (addr & 0xfc),
	     PCI_CONFIG_ADDRESS);
}

u32 pci_read_config(u16 bdf, unsigned int addr, unsigned int size)
{
	u64 mmcfg = comm_region->pci_mmconfig_base;

	if (mmcfg)
		return pci_ecam_read(mmcfg, bdf, addr, size);

	pci_select(bdf, addr);
	switch (size) {
	case 1:
		return inb(PCI_CONFIG_DATA + (addr & 3));
	case 2:
		return inw(PCI_CONFIG_DATA + (addr & 2));
	default:
		return inl(PCI_CONFIG_DATA);
	}
}

void pci_write_config(u16 bdf, unsigned int addr, u32 value,
		      unsigned int size)
{
	u64 mmcfg = comm_region->pci_mmconfig_base;

	if (mmcfg) {
		pci_ecam_write(mmcfg, bdf, addr, value, size);
		return;
	}

	pci_select(bdf, addr);
	switch (size) {
	case 1:
		outb(value, PCI_CONFIG_DATA + (addr & 3));
		break;
	case 2:
		outw(value, PCI_CONFIG_DATA + (addr & 2));
		break;
	default:
		outl(value, PCI_CONFIG_DATA);
		break;
	}
}

unsigned int pci_irq_base(void)
{
	return 32;
}

void arch_msix_message(unsigned int irq, u64 *address, u32 *data)
{
	u32 dest = apic_id();

	/* x2APIC IDs above 255 go to the extended destination bits */
	*address = MSI_ADDRESS_BASE | ((dest & 0xff) << 12) |
		((u64)(dest >> 8) << 32);
	*data = irq & 0xff;
}
