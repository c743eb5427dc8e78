// SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause)
/*
 * Port I/O register access for 8250 UARTs (the PC's COM ports).
 */
#include <inmate.h>

static u32 pio_reg_in(struct uart_chip *chip, unsigned int reg)
{
	return inb(chip->base + reg);
}

static void pio_reg_out(struct uart_chip *chip, unsigned int reg, u32 value)
{
	outb(value, chip->base + reg);
}

bool arch_uart_use_pio_access(struct uart_chip *chip)
{
	chip->reg_in = pio_reg_in;
	chip->reg_out = pio_reg_out;
	return true;
}

u16 arch_console_default_flags(void)
{
	return JAILHOUSE_CON_ACCESS_PIO | JAILHOUSE_CON_REGDIST_1;
}
