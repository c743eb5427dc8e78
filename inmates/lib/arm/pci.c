// SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause)
/*
 * PCI on ARM: ECAM at the comm region's pci_mmconfig_base (the
 * hypervisor's virtual host bridge), INTx as GIC SPIs from vpci_irq_base.
 */
#include <inmate.h>

u32 pci_read_config(u16 bdf, unsigned int addr, unsigned int size)
{
	u64 base = comm_region->pci_mmconfig_base;

	if (!base)
		return 0xffffffffU >> (32 - 8 * size);
	return pci_ecam_read(base, bdf, addr, size);
}

void pci_write_config(u16 bdf, unsigned int addr, u32 value,
		      unsigned int size)
{
	u64 base = comm_region->pci_mmconfig_base;

	if (base)
		pci_ecam_write(base, bdf, addr, value, size);
}

unsigned int pci_irq_base(void)
{
	return 32 + comm_region->vpci_irq_base;
}
