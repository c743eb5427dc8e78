/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Debug UART of the system config. Drivers for the console types register
 * with DEFINE_UART_DRIVER() and are picked by jailhouse_console.type. The
 * hypervisor never reprograms a UART Linux already set up unless the
 * config gives a divider.
 */
#ifndef _JAILHOUSE_UART_H
#define _JAILHOUSE_UART_H

#include <jailhouse/utils.h>
#include <jailhouse/console.h>

struct uart_chip;

struct uart_driver {
	u16 type;			/* JAILHOUSE_CON_TYPE_* */
	void (*init)(struct uart_chip *chip);
	bool (*is_busy)(struct uart_chip *chip);
	void (*write_char)(struct uart_chip *chip, char c);
};

struct uart_chip {
	const struct jailhouse_console *info;
	const struct uart_driver *driver;
	void *virt_base;		/* MMIO consoles */
	u32 (*reg_in)(struct uart_chip *chip, unsigned int reg);
	void (*reg_out)(struct uart_chip *chip, unsigned int reg, u32 value);
};

#define DEFINE_UART_DRIVER(__name)					\
	static const struct uart_driver __uart_driver_##__name		\
	__used __section(".uart_drivers") __aligned(sizeof(void *))

extern const struct uart_driver __uart_drivers_start[];
extern const struct uart_driver __uart_drivers_end[];

/* Set up the debug console from the system config (first CPU). */
int uart_console_init(const struct jailhouse_console *info);

#endif /* !_JAILHOUSE_UART_H */
