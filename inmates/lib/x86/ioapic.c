// SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause)
/*
 * IOAPIC redirection entries: route a pin to a vector on this CPU
 * (fixed delivery, physical destination).
 */
#include <inmate.h>

#define IOAPIC_REGSEL		0x00
#define IOAPIC_WINDOW		0x10
#define IOAPIC_REDIR_TABLE	0x10
#define  IOAPIC_POLARITY_LOW	(1U << 13)
#define  IOAPIC_TRIGGER_LEVEL	(1U << 15)
#define  IOAPIC_MASKED		(1U << 16)

static void ioapic_write(unsigned int reg, u32 value)
{
	mmio_write32(IOAPIC_BASE + IOAPIC_REGSEL, reg);
	mmio_write32(IOAPIC_BASE + IOAPIC_WINDOW, value);
}

void ioapic_pin_set_vector(unsigned int pin, enum ioapic_trigger trigger,
			   unsigned int vector)
{
	u32 low = vector & 0xff;

	if (trigger != IOAPIC_EDGE_HIGH)
		low |= IOAPIC_TRIGGER_LEVEL;
	if (trigger == IOAPIC_LEVEL_LOW)
		low |= IOAPIC_POLARITY_LOW;

	/* mask while the destination half is inconsistent */
	ioapic_write(IOAPIC_REDIR_TABLE + pin * 2, IOAPIC_MASKED);
	ioapic_write(IOAPIC_REDIR_TABLE + pin * 2 + 1, apic_id() << 24);
	ioapic_write(IOAPIC_REDIR_TABLE + pin * 2, low);
}

void ioapic_pin_mask(unsigned int pin)
{
	ioapic_write(IOAPIC_REDIR_TABLE + pin * 2, IOAPIC_MASKED);
}
