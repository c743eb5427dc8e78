// SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause)
/*
 * Console selection: the UART described in the communication region, as
 * overridden by con-* options on the command line, and/or the hypervisor's
 * debug console (hypercall) when the comm region marks it active or the
 * command line asks for it ("con-virtual") and the cell is permitted to.
 *
 * With the hypercall console in use, the UART is only driven when the
 * command line names one explicitly; otherwise a UART shared with the root
 * cell would print every line twice.
 */
#include <inmate.h>

static const struct uart_driver *const uart_drivers[] = {
	&uart_8250_driver,
	&uart_pl011_driver,
};

static struct uart_chip console_chip;
static bool uart_active;
static bool hypercall_active;

static const struct uart_driver *driver_by_type(u16 type)
{
	for (unsigned int i = 0; i < ARRAY_SIZE(uart_drivers); i++)
		if (uart_drivers[i]->type == type)
			return uart_drivers[i];
	return NULL;
}

static const struct uart_driver *driver_by_name(const char *name)
{
	for (unsigned int i = 0; i < ARRAY_SIZE(uart_drivers); i++)
		if (strcasecmp(uart_drivers[i]->name, name) == 0)
			return uart_drivers[i];
	return NULL;
}

static u16 flag_from_cmdline(u16 flags, const char *key, u16 flag,
			     bool flag_means_true)
{
	bool set = !!(flags & flag);
	bool value = cmdline_parse_bool(key, set == flag_means_true);

	if (value == flag_means_true)
		return flags | flag;
	return flags & ~flag;
}

static void uart_enable_clock(struct uart_chip *chip)
{
	u32 gate;

	if (!chip->clock_reg)
		return;
	gate = mmio_read32(chip->clock_reg);
	if (CON_HAS_INVERTED_GATE(chip->flags))
		gate &= ~(1U << chip->gate_nr);
	else
		gate |= 1U << chip->gate_nr;
	mmio_write32(chip->clock_reg, gate);
}

static bool uart_setup(struct jailhouse_console *con)
{
	struct uart_chip *chip = &console_chip;

	chip->driver = driver_by_type(con->type);
	if (!chip->driver || !con->address)
		return false;
	chip->base = (unsigned long)con->address;
	chip->divider = con->divider;
	chip->flags = con->flags;
	chip->gate_nr = con->gate_nr;
	chip->clock_reg = (unsigned long)con->clock_reg;

	if (CON_IS_MMIO(chip->flags))
		uart_use_mmio_access(chip);
	else if (!arch_uart_use_pio_access(chip))
		return false;

	uart_enable_clock(chip);
	chip->driver->init(chip);
	return true;
}

void console_init(bool trust_comm_region)
{
	struct jailhouse_console con;
	bool virtual_requested, uart_on_cmdline;
	const struct uart_driver *driver;
	u32 comm_flags = 0;
	char type[16];

	memset(&con, 0, sizeof(con));
	if (trust_comm_region) {
		memcpy(&con, (void *)&comm_region->console, sizeof(con));
		comm_flags = comm_region->flags;
	}
	if (con.type == JAILHOUSE_CON_TYPE_NONE)
		con.flags = arch_console_default_flags();

	cmdline_parse_str("con-type", type, sizeof(type), "");
	virtual_requested = strcasecmp(type, "jailhouse") == 0;
	uart_on_cmdline = (type[0] && !virtual_requested) ||
		cmdline_parse_int("con-base", 0) != 0;
	if (strcasecmp(type, "none") == 0 || virtual_requested) {
		con.type = JAILHOUSE_CON_TYPE_NONE;
	} else if (type[0]) {
		driver = driver_by_name(type);
		con.type = driver ? driver->type : JAILHOUSE_CON_TYPE_NONE;
	}

	con.address = cmdline_parse_int("con-base", con.address);
	con.divider = cmdline_parse_int("con-divider", con.divider);
	con.gate_nr = cmdline_parse_int("con-gate-nr", con.gate_nr);
	con.clock_reg = cmdline_parse_int("con-clock-reg", con.clock_reg);
	con.flags = flag_from_cmdline(con.flags, "con-is-mmio",
				      JAILHOUSE_CON_ACCESS_MMIO, true);
	con.flags = flag_from_cmdline(con.flags, "con-regdist-1",
				      JAILHOUSE_CON_REGDIST_4, false);
	con.flags = flag_from_cmdline(con.flags, "con-gate-inverted",
				      JAILHOUSE_CON_INVERTED_GATE, true);

	virtual_requested = cmdline_parse_bool("con-virtual",
					       virtual_requested);
	hypercall_active = JAILHOUSE_COMM_HAS_DBG_PUTC_ACTIVE(comm_flags) ||
		(virtual_requested &&
		 JAILHOUSE_COMM_HAS_DBG_PUTC_PERMITTED(comm_flags));

	if (!hypercall_active || uart_on_cmdline)
		uart_active = uart_setup(&con);
}

static void uart_putc(struct uart_chip *chip, char c)
{
	while (chip->driver->is_busy(chip))
		cpu_relax();
	chip->driver->write(chip, c);
}

void console_write(const char *s)
{
	for (; *s; s++) {
		if (hypercall_active)
			arch_hypercall_putc(*s);
		if (!uart_active)
			continue;
		if (*s == '\n')
			uart_putc(&console_chip, '\r');
		uart_putc(&console_chip, *s);
	}
}

bool console_uses_hypercall(void)
{
	return hypercall_active;
}

const struct uart_chip *console_uart(void)
{
	return uart_active ? &console_chip : NULL;
}
