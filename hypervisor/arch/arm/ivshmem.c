// SPDX-License-Identifier: GPL-2.0
/*
 * ivshmem interrupts on ARM: the device's INTx line is the virtual SPI
 * 32 + vpci_irq_base + pin - 1 of its cell. MSI-X (if a config asks for
 * it) carries the INTID in the message data, which must be an SPI the
 * cell owns. Either way the interrupt is injected into the GIC's virtual
 * CPU interface of a CPU of the receiving cell.
 */
#include <jailhouse/cell.h>
#include <jailhouse/ivshmem.h>
#include <jailhouse/pci.h>
#include <asm/arm.h>

bool arch_ivshmem_trigger_interrupt(struct ivshmem_endpoint *ive,
				    unsigned int vector)
{
	struct cell *cell = ive->device->cell;
	unsigned int pin = ivshmem_intx_pin(ive);

	if (pin)
		return gic_inject_virtual_spi(cell, 32 +
					      cell->config->vpci_irq_base +
					      pin - 1);
	/* the message address is ignored: GICv2 has no doorbell frame */
	return gic_inject_virtual_spi(cell, ive->msix[vector].data);
}
