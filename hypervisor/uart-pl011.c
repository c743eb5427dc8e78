// SPDX-License-Identifier: GPL-2.0
/* ARM PrimeCell PL011 UART (always 32-bit registers at byte offsets). */
#include <jailhouse/mmio.h>
#include <jailhouse/uart.h>

#define PL011_DR	0x00	/* data */
#define PL011_FR	0x18	/* flags */
#define  PL011_FR_TXFF	0x20	/* transmit FIFO full */
#define PL011_IBRD	0x24	/* integer baud divisor */
#define PL011_LCRH	0x2c	/* line control */
#define  PL011_LCRH_8N1_FIFO	0x70
#define PL011_CR	0x30	/* control */
#define  PL011_CR_EN	0x0301	/* UART, TX and RX enable */

static void *pl011_reg(struct uart_chip *chip, unsigned int offset)
{
	return (u8 *)chip->virt_base + offset;
}

static void uart_pl011_init(struct uart_chip *chip)
{
	if (!chip->info->divider)
		return;
	mmio_write32(pl011_reg(chip, PL011_CR), 0);
	mmio_write32(pl011_reg(chip, PL011_IBRD), chip->info->divider);
	mmio_write32(pl011_reg(chip, PL011_LCRH), PL011_LCRH_8N1_FIFO);
	mmio_write32(pl011_reg(chip, PL011_CR), PL011_CR_EN);
}

static bool uart_pl011_is_busy(struct uart_chip *chip)
{
	return mmio_read32(pl011_reg(chip, PL011_FR)) & PL011_FR_TXFF;
}

static void uart_pl011_write_char(struct uart_chip *chip, char c)
{
	mmio_write32(pl011_reg(chip, PL011_DR), (u8)c);
}

DEFINE_UART_DRIVER(uart_pl011) = {
	.type = JAILHOUSE_CON_TYPE_PL011,
	.init = uart_pl011_init,
	.is_busy = uart_pl011_is_busy,
	.write_char = uart_pl011_write_char,
};
