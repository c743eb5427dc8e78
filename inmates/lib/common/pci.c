// SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause)
/*
 * PCI helpers shared by both architectures: device and capability lookup,
 * ECAM access and MSI-X programming. Config access itself (port I/O or
 * ECAM) is chosen by the arch's pci_read_config/pci_write_config.
 */
#include <inmate.h>

#define PCI_MSIX_ENTRY_SIZE	16
#define PCI_MSIX_BIR_MASK	0x7

u32 pci_ecam_read(u64 base, u16 bdf, unsigned int addr, unsigned int size)
{
	unsigned long reg = (unsigned long)base + ((unsigned long)bdf << 12) +
		addr;

	switch (size) {
	case 1:
		return mmio_read8(reg);
	case 2:
		return mmio_read16(reg);
	default:
		return mmio_read32(reg);
	}
}

void pci_ecam_write(u64 base, u16 bdf, unsigned int addr, u32 value,
		    unsigned int size)
{
	unsigned long reg = (unsigned long)base + ((unsigned long)bdf << 12) +
		addr;

	switch (size) {
	case 1:
		mmio_write8(reg, value);
		break;
	case 2:
		mmio_write16(reg, value);
		break;
	default:
		mmio_write32(reg, value);
		break;
	}
}

static bool pci_device_matches(u16 bdf, u16 vendor, u16 device)
{
	u16 id = pci_read_config(bdf, PCI_CFG_VENDOR_ID, 2);

	if (id == PCI_ID_ANY || (vendor != PCI_ID_ANY && id != vendor))
		return false;
	return device == PCI_ID_ANY ||
		pci_read_config(bdf, PCI_CFG_DEVICE_ID, 2) == device;
}

/* Functions 1..7 only exist behind a multi-function function 0. */
static bool pci_is_multifunction(u16 bdf)
{
	u16 fn0 = bdf & ~7U;

	return pci_read_config(fn0, PCI_CFG_VENDOR_ID, 2) != PCI_ID_ANY &&
		(pci_read_config(fn0, PCI_CFG_HEADER_TYPE, 1) & 0x80);
}

int pci_find_device(u16 vendor, u16 device, u16 start_bdf)
{
	unsigned int max_bus = cmdline_parse_int("pci-max-bus",
						 PCI_DEFAULT_MAX_BUS);
	unsigned int bdf, end = max_bus > 0xff ? 0x10000 : (max_bus + 1) << 8;

	for (bdf = start_bdf; bdf < end; bdf++) {
		if (PCI_FN(bdf) != 0 && !pci_is_multifunction(bdf)) {
			bdf |= 7;	/* next device */
			continue;
		}
		if (pci_device_matches(bdf, vendor, device))
			return bdf;
	}
	return -1;
}

unsigned int pci_find_cap(u16 bdf, u8 cap_id)
{
	unsigned int pos, hops;

	if (!(pci_read_config(bdf, PCI_CFG_STATUS, 2) & PCI_STS_CAPS))
		return 0;

	pos = pci_read_config(bdf, PCI_CFG_CAP_PTR, 1) & ~3U;
	/* bounded walk: a broken list must not hang the inmate */
	for (hops = 0; pos >= 0x40 && hops < 48; hops++) {
		if (pci_read_config(bdf, pos, 1) == cap_id)
			return pos;
		pos = pci_read_config(bdf, pos + 1, 1) & ~3U;
	}
	return 0;
}

static u64 pci_bar_address(u16 bdf, unsigned int bar)
{
	unsigned int reg = PCI_CFG_BAR + bar * 4;
	u32 low = pci_read_config(bdf, reg, 4);
	u64 address = low & ~0xfU;

	if (low & PCI_BAR_64BIT)
		address |= (u64)pci_read_config(bdf, reg + 4, 4) << 32;
	return address;
}

int pci_msix_set_vector(u16 bdf, unsigned int irq, unsigned int index)
{
	unsigned int cap = pci_find_cap(bdf, PCI_CAP_MSIX);
	u32 table, ctrl, msg_data;
	unsigned long entry;
	u64 msg_addr;

	if (!cap)
		return -1;
	ctrl = pci_read_config(bdf, cap + PCI_CFG_MSIX_CTRL, 2);
	if (index > (ctrl & 0x7ff))
		return -1;

	table = pci_read_config(bdf, cap + PCI_CFG_MSIX_TABLE, 4);
	entry = (unsigned long)pci_bar_address(bdf, table & PCI_MSIX_BIR_MASK)
		+ (table & ~PCI_MSIX_BIR_MASK) + index * PCI_MSIX_ENTRY_SIZE;

	arch_msix_message(irq, &msg_addr, &msg_data);
	mmio_write32(entry, (u32)msg_addr);
	mmio_write32(entry + 4, (u32)(msg_addr >> 32));
	mmio_write32(entry + 8, msg_data);
	mmio_write32(entry + 12, 0);	/* unmask */

	ctrl = (ctrl | PCI_MSIX_ENABLE) & ~PCI_MSIX_FMASK;
	pci_write_config(bdf, cap + PCI_CFG_MSIX_CTRL, ctrl, 2);
	return 0;
}
