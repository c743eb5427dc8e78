// SPDX-License-Identifier: GPL-2.0
/*
 * ivshmem interrupts on x86: MSI-X only (a virtual device has no IOAPIC
 * pin). The message the guest programmed is decoded (no interrupt
 * remapping: address 0xfeeXXXXX, fixed or lowest-priority delivery; as in
 * the reference implementation, x2APIC destinations above 255 continue in
 * the upper address dword) and sent as a fixed IPI, but only if it
 * reaches CPUs of the receiving cell and no others. External interrupts
 * do not exit, so the receiver takes it without leaving guest mode.
 */
#include <jailhouse/cell.h>
#include <jailhouse/ivshmem.h>
#include <jailhouse/pci.h>
#include <jailhouse/printk.h>
#include <asm/apic.h>

#define MSI_ADDR_BASE_MASK	0xfff00000
#define MSI_ADDR_BASE		0xfee00000
#define MSI_ADDR_DEST_SHIFT	12
#define MSI_ADDR_DEST_MASK	0xff
#define MSI_ADDR_DEST_LOGICAL	0x4
#define MSI_DATA_VECTOR_MASK	0xff
#define MSI_DATA_DLVR_MASK	0x700
#define MSI_DATA_DLVR_FIXED	0x000
#define MSI_DATA_DLVR_LOWPRI	0x100
#define MSI_FIRST_VECTOR	32	/* below: exceptions, reserved */

static bool msi_message_valid(const struct ivshmem_msix_entry *msix)
{
	u32 mode = msix->data & MSI_DATA_DLVR_MASK;

	return (msix->address_lo & MSI_ADDR_BASE_MASK) == MSI_ADDR_BASE &&
		(mode == MSI_DATA_DLVR_FIXED || mode == MSI_DATA_DLVR_LOWPRI) &&
		(msix->data & MSI_DATA_VECTOR_MASK) >= MSI_FIRST_VECTOR;
}

/* Reported once per vector until the guest reprograms it. */
static void report_refused(struct ivshmem_endpoint *ive, unsigned int vector)
{
	const struct ivshmem_msix_entry *msix = &ive->msix[vector];

	if (ive->refused_reported & (1U << vector))
		return;
	ive->refused_reported |= 1U << vector;
	printk("WARNING: cell \"%s\", ivshmem %02x:%02x.%x: MSI-X vector %u (address 0x%08x%08x, data 0x%x) does not target the cell's own CPUs, not delivered\n",
	       ive->device->cell->config->name,
	       PCI_BUS(ive->device->info->bdf),
	       PCI_DEV(ive->device->info->bdf),
	       PCI_FN(ive->device->info->bdf), vector, msix->address_hi,
	       msix->address_lo, msix->data);
}

bool arch_ivshmem_trigger_interrupt(struct ivshmem_endpoint *ive,
				    unsigned int vector)
{
	const struct ivshmem_msix_entry *msix = &ive->msix[vector];
	u32 dest = ((msix->address_lo >> MSI_ADDR_DEST_SHIFT) &
		    MSI_ADDR_DEST_MASK) | msix->address_hi << 8;

	if (!ivshmem_msix_vector_enabled(ive, vector))
		return false;
	if (msi_message_valid(msix) &&
	    apic_send_cell_irq(ive->device->cell, dest,
			       msix->address_lo & MSI_ADDR_DEST_LOGICAL,
			       (msix->data & MSI_DATA_DLVR_MASK) ==
			       MSI_DATA_DLVR_LOWPRI,
			       msix->data & MSI_DATA_VECTOR_MASK))
		return true;
	report_refused(ive, vector);
	return false;
}
