// SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause)
/*
 * GICv2 distributor and CPU interface, at the addresses the communication
 * region announces. Under the hypervisor the CPU interface is the virtual
 * one, so acknowledging and ending interrupts does not trap.
 */
#include <inmate.h>

#define GICD_CTLR		0x000
#define  GICD_CTLR_ENABLE	0x1
#define GICD_ISENABLER		0x100
#define GICD_ICENABLER		0x180
#define GICD_IPRIORITYR		0x400
#define GICD_ITARGETSR		0x800

#define GICC_CTLR		0x000
#define  GICC_CTLR_ENABLE	0x1
#define GICC_PMR		0x004
#define GICC_IAR		0x00c
#define GICC_EOIR		0x010
#define GICC_INTID_MASK		0x3ff
#define GICC_SPURIOUS		1020	/* INTIDs from here on are special */

#define GIC_FIRST_SPI		32
#define GIC_IRQ_PRIORITY	0xa0
#define GIC_PRIORITY_MASK	0xf0	/* let every priority above it in */

static unsigned long gicd_base, gicc_base;
static irq_handler_t irq_handler;

void irq_init(irq_handler_t handler)
{
	if (comm_region->gic_version != 2) {
		printk("FATAL: GICv%d is not supported by this inmate\n",
		       comm_region->gic_version);
		stop();
	}
	gicd_base = (unsigned long)comm_region->gicd_base;
	gicc_base = (unsigned long)comm_region->gicc_base;
	irq_handler = handler;

	/* the distributor is shared: only switch it on if nobody did */
	if (!(mmio_read32(gicd_base + GICD_CTLR) & GICD_CTLR_ENABLE))
		mmio_write32(gicd_base + GICD_CTLR, GICD_CTLR_ENABLE);
	mmio_write32(gicc_base + GICC_PMR, GIC_PRIORITY_MASK);
	mmio_write32(gicc_base + GICC_CTLR, GICC_CTLR_ENABLE);
}

void irq_enable(unsigned int irq)
{
	u8 this_cpu;

	mmio_write8(gicd_base + GICD_IPRIORITYR + irq, GIC_IRQ_PRIORITY);
	if (irq >= GIC_FIRST_SPI) {
		/* the banked SGI targets name the reading CPU */
		this_cpu = mmio_read8(gicd_base + GICD_ITARGETSR);
		mmio_write8(gicd_base + GICD_ITARGETSR + irq, this_cpu);
	}
	mmio_write32(gicd_base + GICD_ISENABLER + (irq / 32) * 4,
		     1U << (irq % 32));
}

void irq_disable(unsigned int irq)
{
	mmio_write32(gicd_base + GICD_ICENABLER + (irq / 32) * 4,
		     1U << (irq % 32));
}

void arm_irq_dispatch(void)
{
	u32 iar = mmio_read32(gicc_base + GICC_IAR);
	unsigned int irq = iar & GICC_INTID_MASK;

	if (irq >= GICC_SPURIOUS)
		return;
	if (irq_handler)
		irq_handler(irq);
	mmio_write32(gicc_base + GICC_EOIR, iar);
}
