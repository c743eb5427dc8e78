/* SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause) */
/*
 * Minimal check harness of the inmate host tests: one PASS/FAIL line per
 * check on stdout, also appended to $JH_RESULTS when set.
 */
#ifndef _CHECK_H
#define _CHECK_H

#include <stdio.h>
#include <stdlib.h>

static int check_failures;

static void check_report(int ok, const char *name, const char *why)
{
	const char *path = getenv("JH_RESULTS");
	FILE *results = path && *path ? fopen(path, "a") : NULL;
	char line[512];

	if (ok)
		snprintf(line, sizeof(line), "PASS: %s\n", name);
	else
		snprintf(line, sizeof(line), "FAIL: %s - %s\n", name, why);
	fputs(line, stdout);
	if (results) {
		fputs(line, results);
		fclose(results);
	}
	if (!ok)
		check_failures++;
}

static int check_exit_code(void)
{
	return check_failures ? EXIT_FAILURE : EXIT_SUCCESS;
}

#endif /* !_CHECK_H */
