// SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause)
/*
 * ARM PrimeCell PL011 UART, transmit only. Its registers are always 32-bit
 * MMIO at their documented byte offsets.
 */
#include <inmate.h>

#define PL011_DR		0x00
#define PL011_FR		0x18
#define  PL011_FR_TXFF		0x20
#define PL011_IBRD		0x24
#define PL011_FBRD		0x28
#define PL011_LCRH		0x2c
#define  PL011_LCRH_FEN		0x10
#define  PL011_LCRH_WLEN_8	0x60
#define PL011_CR		0x30
#define  PL011_CR_UARTEN	0x0001
#define  PL011_CR_TXE		0x0100
#define  PL011_CR_RXE		0x0200

static void pl011_init(struct uart_chip *chip)
{
	/* divider 0: keep what firmware or Linux programmed */
	if (!chip->divider)
		return;
	mmio_write32(chip->base + PL011_CR, 0);
	mmio_write32(chip->base + PL011_IBRD, chip->divider);
	mmio_write32(chip->base + PL011_FBRD, 0);
	mmio_write32(chip->base + PL011_LCRH,
		     PL011_LCRH_WLEN_8 | PL011_LCRH_FEN);
	mmio_write32(chip->base + PL011_CR,
		     PL011_CR_UARTEN | PL011_CR_TXE | PL011_CR_RXE);
}

static bool pl011_is_busy(struct uart_chip *chip)
{
	return mmio_read32(chip->base + PL011_FR) & PL011_FR_TXFF;
}

static void pl011_write(struct uart_chip *chip, char c)
{
	mmio_write32(chip->base + PL011_DR, (u8)c);
}

const struct uart_driver uart_pl011_driver = {
	.name = "PL011",
	.type = JAILHOUSE_CON_TYPE_PL011,
	.init = pl011_init,
	.is_busy = pl011_is_busy,
	.write = pl011_write,
};
