// SPDX-License-Identifier: GPL-2.0
/*
 * The project's one config validator (hypervisor/config_check.c, owned by
 * the tools) built into the module. Its findings go to the kernel log, one
 * line each, with the driver's "jailhouse: " prefix.
 */
#define pr_fmt(fmt) "jailhouse: " fmt

#include <linux/kernel.h>
#include <linux/printk.h>

#include "driver.h"

#include "../hypervisor/config_check.c"

static void report_to_log(void *arg, int severity, const char *fmt, ...)
{
	struct va_format vaf;
	va_list args;

	va_start(args, fmt);
	vaf.fmt = fmt;
	vaf.va = &args;
	if (severity == JH_CHECK_ERROR)
		pr_err("%pV\n", &vaf);
	else
		pr_warn("%pV\n", &vaf);
	va_end(args);
}

static int check_result(struct jh_check *chk, const char *what)
{
	if (!chk->errors)
		return 0;
	pr_err("Invalid %s: %u error(s)\n", what, chk->errors);
	return -EINVAL;
}

int jh_check_system(const struct jailhouse_system *system, size_t size)
{
	struct jh_check chk = { .report = report_to_log };

	jh_check_system_image(&chk, system, size);
	return check_result(&chk, "system configuration");
}

int jh_check_cell(const struct jailhouse_system *system,
		  const struct jailhouse_cell_desc *cell, size_t size)
{
	struct jh_check chk = { .report = report_to_log };

	if (!jh_check_cell_image(&chk, cell, size))
		jh_check_cell_in_system(&chk, system, cell);
	return check_result(&chk, "cell configuration");
}

int jh_check_disjoint(const struct jailhouse_cell_desc *const cells[],
		      unsigned int num_cells)
{
	struct jh_check chk = { .report = report_to_log };

	jh_check_cells_disjoint(&chk, cells, num_cells);
	return check_result(&chk, "cell configuration");
}
