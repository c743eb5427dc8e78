// SPDX-License-Identifier: GPL-2.0
/*
 * Console output: the ring buffer the driver reads (header.h) and the
 * debug UART. printk() formats into a line buffer and writes it under one
 * lock, so lines of different CPUs never mix.
 */
#include <jailhouse/arch.h>
#include <jailhouse/errno.h>
#include <jailhouse/image.h>
#include <jailhouse/paging.h>
#include <jailhouse/printk.h>
#include <jailhouse/string.h>
#include <jailhouse/uart.h>
#include <asm/processor.h>
#include <asm/spinlock.h>

struct jailhouse_console_ring console_ring __aligned(PAGE_SIZE);

static struct uart_chip uart_chip;
static bool uart_ready;
static DEFINE_SPINLOCK(console_lock);

static void ring_put(char c)
{
	console_ring.content[console_ring.tail %
			     JAILHOUSE_CONSOLE_RING_SIZE] = c;
	console_ring.tail++;
}

static void uart_put(char c)
{
	if (!uart_ready)
		return;
	while (uart_chip.driver->is_busy(&uart_chip))
		cpu_relax();
	uart_chip.driver->write_char(&uart_chip, c);
}

/* Caller holds console_lock. */
static void console_emit(const char *s)
{
	/* odd sequence number: readers retry */
	console_ring.seq++;
	memory_barrier();
	for (; *s; s++) {
		if (*s == '\n')
			uart_put('\r');
		uart_put(*s);
		ring_put(*s);
	}
	memory_barrier();
	console_ring.seq++;
}

void console_write(const char *s)
{
	spin_lock(&console_lock);
	console_emit(s);
	spin_unlock(&console_lock);
}

void console_putc(char c)
{
	char s[2] = { c, 0 };

	console_write(s);
}

void printk(const char *fmt, ...)
{
	char line[512];
	va_list ap;
	int len;

	va_start(ap, fmt);
	len = vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	if (len >= (int)sizeof(line))
		memcpy(&line[sizeof(line) - 5], "...\n", 5);
	console_write(line);
}

static u32 reg_in_mmio8(struct uart_chip *chip, unsigned int reg)
{
	return *((volatile u8 *)chip->virt_base + reg);
}

static void reg_out_mmio8(struct uart_chip *chip, unsigned int reg, u32 value)
{
	*((volatile u8 *)chip->virt_base + reg) = (u8)value;
}

static u32 reg_in_mmio32(struct uart_chip *chip, unsigned int reg)
{
	return *(volatile u32 *)((u8 *)chip->virt_base + reg * 4);
}

static void reg_out_mmio32(struct uart_chip *chip, unsigned int reg,
			   u32 value)
{
	*(volatile u32 *)((u8 *)chip->virt_base + reg * 4) = value;
}

static const struct uart_driver *uart_find_driver(u16 type)
{
	const struct uart_driver *drv;

	for (drv = __uart_drivers_start; drv < __uart_drivers_end; drv++)
		if (drv->type == type)
			return drv;
	return NULL;
}

/*
 * Registers are addressed by index: regdist 1 means byte registers at
 * consecutive addresses, regdist 4 means 32-bit registers 4 bytes apart.
 */
int uart_console_init(const struct jailhouse_console *info)
{
	const struct uart_driver *drv;
	int err;

	if (info->type == JAILHOUSE_CON_TYPE_NONE)
		return 0;
	drv = uart_find_driver(info->type);
	if (!drv) {
		printk("WARNING: debug console type %u unsupported, console ring only\n",
		       info->type);
		return 0;
	}

	uart_chip.info = info;
	uart_chip.driver = drv;
	if (CON_IS_MMIO(info->flags)) {
		uart_chip.virt_base =
			paging_map_device(info->address,
					  MAX(info->size, (u32)PAGE_SIZE));
		if (!uart_chip.virt_base)
			return -ENOMEM;
		if (CON_USES_REGDIST_1(info->flags)) {
			uart_chip.reg_in = reg_in_mmio8;
			uart_chip.reg_out = reg_out_mmio8;
		} else {
			uart_chip.reg_in = reg_in_mmio32;
			uart_chip.reg_out = reg_out_mmio32;
		}
	} else {
		err = arch_uart_pio_setup(&uart_chip);
		if (err)
			return err;
	}

	drv->init(&uart_chip);
	uart_ready = true;
	return 0;
}
