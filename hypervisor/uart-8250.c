// SPDX-License-Identifier: GPL-2.0
/* 8250/16550 compatible UART, port I/O or MMIO (register index access). */
#include <jailhouse/uart.h>

#define UART_TX		0	/* transmit holding register */
#define UART_DLL	0	/* divisor latch low (DLAB = 1) */
#define UART_DLM	1	/* divisor latch high (DLAB = 1) */
#define UART_IER	1
#define UART_LCR	3
#define  UART_LCR_8N1	0x03
#define  UART_LCR_DLAB	0x80
#define UART_LSR	5
#define  UART_LSR_THRE	0x20	/* transmit holding register empty */

/* Only reprogram the line when the config asks for a divider. */
static void uart_8250_init(struct uart_chip *chip)
{
	u32 divider = chip->info->divider;

	if (!divider)
		return;
	chip->reg_out(chip, UART_LCR, UART_LCR_DLAB);
	chip->reg_out(chip, UART_DLL, divider & 0xff);
	chip->reg_out(chip, UART_DLM, (divider >> 8) & 0xff);
	chip->reg_out(chip, UART_LCR, UART_LCR_8N1);
}

static bool uart_8250_is_busy(struct uart_chip *chip)
{
	return !(chip->reg_in(chip, UART_LSR) & UART_LSR_THRE);
}

static void uart_8250_write_char(struct uart_chip *chip, char c)
{
	chip->reg_out(chip, UART_TX, (u8)c);
}

DEFINE_UART_DRIVER(uart_8250) = {
	.type = JAILHOUSE_CON_TYPE_8250,
	.init = uart_8250_init,
	.is_busy = uart_8250_is_busy,
	.write_char = uart_8250_write_char,
};
