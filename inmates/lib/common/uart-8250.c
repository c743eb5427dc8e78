// SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause)
/*
 * 8250/16550 UART, transmit only. Register access (port I/O, 8-bit MMIO or
 * 32-bit MMIO with 4-byte register distance) comes from the chip.
 */
#include <inmate.h>

#define UART_THR		0	/* transmit holding (DLAB = 0) */
#define UART_DLL		0	/* divisor low (DLAB = 1) */
#define UART_IER		1	/* interrupt enable (DLAB = 0) */
#define UART_DLM		1	/* divisor high (DLAB = 1) */
#define UART_LCR		3
#define  UART_LCR_8N1		0x03
#define  UART_LCR_DLAB		0x80
#define UART_LSR		5
#define  UART_LSR_THRE		0x20

static void uart_8250_init(struct uart_chip *chip)
{
	/* divider 0: keep what firmware or Linux programmed */
	if (!chip->divider)
		return;
	chip->reg_out(chip, UART_LCR, UART_LCR_DLAB);
	chip->reg_out(chip, UART_DLL, chip->divider & 0xff);
	chip->reg_out(chip, UART_DLM, (chip->divider >> 8) & 0xff);
	chip->reg_out(chip, UART_LCR, UART_LCR_8N1);
	chip->reg_out(chip, UART_IER, 0);
}

static bool uart_8250_is_busy(struct uart_chip *chip)
{
	return !(chip->reg_in(chip, UART_LSR) & UART_LSR_THRE);
}

static void uart_8250_write(struct uart_chip *chip, char c)
{
	chip->reg_out(chip, UART_THR, (u8)c);
}

const struct uart_driver uart_8250_driver = {
	.name = "8250",
	.type = JAILHOUSE_CON_TYPE_8250,
	.init = uart_8250_init,
	.is_busy = uart_8250_is_busy,
	.write = uart_8250_write,
};

static u32 mmio8_reg_in(struct uart_chip *chip, unsigned int reg)
{
	return mmio_read8(chip->base + reg);
}

static void mmio8_reg_out(struct uart_chip *chip, unsigned int reg, u32 value)
{
	mmio_write8(chip->base + reg, value);
}

static u32 mmio32_reg_in(struct uart_chip *chip, unsigned int reg)
{
	return mmio_read32(chip->base + reg * 4);
}

static void mmio32_reg_out(struct uart_chip *chip, unsigned int reg,
			   u32 value)
{
	mmio_write32(chip->base + reg * 4, value);
}

void uart_use_mmio_access(struct uart_chip *chip)
{
	if (CON_USES_REGDIST_1(chip->flags)) {
		chip->reg_in = mmio8_reg_in;
		chip->reg_out = mmio8_reg_out;
	} else {
		chip->reg_in = mmio32_reg_in;
		chip->reg_out = mmio32_reg_out;
	}
}
