// SPDX-License-Identifier: GPL-2.0
/* Running the shared config validator with the console as report sink. */
#include <jailhouse/cell.h>
#include <jailhouse/config.h>
#include <jailhouse/config_check.h>
#include <jailhouse/errno.h>
#include <jailhouse/printk.h>
#include <jailhouse/string.h>
#include <asm/paging.h>

int config_check_header(const struct jailhouse_system *config)
{
	if (memcmp(config->signature, JAILHOUSE_SYSTEM_SIGNATURE,
		   JAILHOUSE_SIGNATURE_LEN)) {
		printk("ERROR: not a system configuration\n");
		return -EINVAL;
	}
	if (config->revision != JAILHOUSE_CONFIG_REVISION) {
		printk("ERROR: configuration revision %u, expected %u\n",
		       config->revision, JAILHOUSE_CONFIG_REVISION);
		return -EINVAL;
	}
	if (config->architecture != JAILHOUSE_ARCHITECTURE) {
		printk("ERROR: configuration is for architecture %u, this hypervisor is for %u\n",
		       config->architecture,
		       JAILHOUSE_ARCHITECTURE);
		return -EINVAL;
	}
	return 0;
}

static void __printf(3, 4) report_finding(void *arg, int severity,
					  const char *fmt, ...)
{
	char msg[200];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	printk("%s: config: %s\n",
	       severity == JH_CHECK_ERROR ? "ERROR" : "WARNING", msg);
}

int config_check_system(const struct jailhouse_system *config, u64 max_size)
{
	struct jh_check chk = { .report = report_finding };
	u64 size = jailhouse_system_config_size(config);

	if (size > max_size) {
		printk("ERROR: config: size %llu exceeds the %llu bytes in hypervisor memory\n",
		       size, max_size);
		return -E2BIG;
	}
	if (jh_check_system_image(&chk, config, size)) {
		printk("ERROR: system configuration rejected (%u errors)\n",
		       chk.errors);
		return -EINVAL;
	}
	return 0;
}

int config_check_cell(const struct jailhouse_cell_desc *config, u64 size,
		      const struct jailhouse_cell_desc *const others[],
		      unsigned int num_others)
{
	const struct jailhouse_cell_desc *all[CONFIG_CHECK_MAX_CELLS + 1];
	struct jh_check chk = { .report = report_finding };
	unsigned int n;

	if (num_others > CONFIG_CHECK_MAX_CELLS)
		return -ENOSPC;
	if (jh_check_cell_image(&chk, config, size) ||
	    jh_check_cell_in_system(&chk, system_config, config)) {
		printk("ERROR: cell configuration \"%.*s\" rejected (%u errors)\n",
		       JAILHOUSE_CELL_NAME_MAXLEN, config->name, chk.errors);
		return -EINVAL;
	}
	for (n = 0; n < num_others; n++)
		all[n] = others[n];
	all[n] = config;
	if (jh_check_cells_disjoint(&chk, all, num_others + 1)) {
		printk("ERROR: cell \"%.*s\" overlaps an existing cell\n",
		       JAILHOUSE_CELL_NAME_MAXLEN, config->name);
		return -EBUSY;
	}
	return 0;
}
