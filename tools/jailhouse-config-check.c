// SPDX-License-Identifier: GPL-2.0
/*
 * "jailhouse config check": the config validator on files, offline.
 *
 * Each file is checked on its own first; cells that pass are then checked
 * against the system (CPUs, RAM and devices must come from the root cell)
 * and, unless --separately is given, against each other as cells that
 * run at the same time. Exit code 0 only if no errors were found.
 */
#include <stdlib.h>
#include <string.h>

#include "jailhouse-common.h"

#define JH_MAX_CONFIG_FILE	(16UL << 20)

static void config_check_usage(FILE *out)
{
	fputs("Usage: jailhouse config check [-h] [-s | --separately] SYSCONFIG [CELLCONFIG ...]\n"
	      "\n"
	      "Checks a system config and cell configs (.cell files): structure,\n"
	      "alignment, overlaps, hypervisor memory, CPUs, interrupts, PCI and\n"
	      "ivshmem devices, consoles; each cell against the system, and the\n"
	      "cells against each other as if they ran at the same time.\n"
	      "\n"
	      "  -s, --separately  the cells are alternatives: do not check them\n"
	      "                    against each other\n"
	      "  -h, --help        show this help\n"
	      "\n"
	      "Exit status: 0 no errors (warnings allowed), 1 errors, 2 usage.\n",
	      out);
}

struct checked_file {
	struct jh_file file;
	int usable;	/* read and free of structural errors */
};

static void check_one(struct checked_file *cf, int system,
		      struct jh_check *total)
{
	struct jh_check chk = {
		.report = jh_print_finding,
		.arg = (void *)cf->file.path,
	};
	const char *path = cf->file.path;

	if (jh_read_file(path, JH_MAX_CONFIG_FILE, &cf->file) < 0) {
		total->errors++;
		return;
	}
	if (system)
		jh_check_system_image(&chk, cf->file.data, cf->file.size);
	else
		jh_check_cell_image(&chk, cf->file.data, cf->file.size);
	cf->usable = chk.errors == 0;
	total->errors += chk.errors;
	total->warnings += chk.warnings;
}

static void check_cells_together(struct checked_file *cells,
				 unsigned int num_cells,
				 struct jh_check *total)
{
	const struct jailhouse_cell_desc **descs;
	struct jh_check chk = {
		.report = jh_print_finding,
		.arg = "cells",
	};
	unsigned int n, usable = 0;

	descs = calloc(num_cells, sizeof(*descs));
	if (!descs) {
		jh_err("out of memory");
		total->errors++;
		return;
	}
	for (n = 0; n < num_cells; n++)
		if (cells[n].usable)
			descs[usable++] = cells[n].file.data;
	if (usable > 1)
		jh_check_cells_disjoint(&chk, descs, usable);
	free(descs);
	total->errors += chk.errors;
	total->warnings += chk.warnings;
}

int jh_cmd_config_check(int argc, char *argv[])
{
	struct jh_check total = { .report = NULL };
	struct checked_file sys, *cells;
	unsigned int num_cells, n;
	int pos = 3, separately = 0;

	for (; pos < argc && argv[pos][0] == '-'; pos++) {
		if (!strcmp(argv[pos], "-h") || !strcmp(argv[pos], "--help")) {
			config_check_usage(stdout);
			return JH_EXIT_OK;
		}
		if (!strcmp(argv[pos], "-s") ||
		    !strcmp(argv[pos], "--separately")) {
			separately = 1;
			continue;
		}
		if (!strcmp(argv[pos], "--")) {
			pos++;
			break;
		}
		jh_err("config check: unknown option \"%s\"", argv[pos]);
		config_check_usage(stderr);
		return JH_EXIT_USAGE;
	}
	if (pos >= argc) {
		jh_err("config check: missing SYSCONFIG");
		config_check_usage(stderr);
		return JH_EXIT_USAGE;
	}

	jh_findings_to(stdout);
	memset(&sys, 0, sizeof(sys));
	sys.file.path = argv[pos++];
	num_cells = argc - pos;
	cells = calloc(num_cells + 1, sizeof(*cells));
	if (!cells) {
		jh_err("out of memory");
		return JH_EXIT_FAIL;
	}
	check_one(&sys, JH_CONFIG_SYSTEM, &total);
	for (n = 0; n < num_cells; n++) {
		cells[n].file.path = argv[pos + n];
		check_one(&cells[n], JH_CONFIG_CELL, &total);
	}

	for (n = 0; n < num_cells && sys.usable; n++) {
		struct jh_check chk = {
			.report = jh_print_finding,
			.arg = (void *)cells[n].file.path,
		};

		if (!cells[n].usable)
			continue;
		jh_check_cell_in_system(&chk, sys.file.data,
					cells[n].file.data);
		total.errors += chk.errors;
		total.warnings += chk.warnings;
	}
	if (!separately)
		check_cells_together(cells, num_cells, &total);

	printf("%u error%s, %u warning%s in %u config%s\n", total.errors,
	       total.errors == 1 ? "" : "s", total.warnings,
	       total.warnings == 1 ? "" : "s", num_cells + 1,
	       num_cells ? "s" : "");

	jh_free_file(&sys.file);
	for (n = 0; n < num_cells; n++)
		jh_free_file(&cells[n].file);
	free(cells);
	return total.errors ? JH_EXIT_FAIL : JH_EXIT_OK;
}
