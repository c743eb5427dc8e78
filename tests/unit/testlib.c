// SPDX-License-Identifier: GPL-2.0
/*
 * Minimal test reporting (see testlib.h).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "testlib.h"

static unsigned int failed;

static void emit(FILE *out, int ok, const char *name, const char *why)
{
	if (ok)
		fprintf(out, "PASS: %s\n", name);
	else
		fprintf(out, "FAIL: %s - %s\n", name, why);
}

void t_result(int ok, const char *name, const char *why_fmt, ...)
{
	const char *results = getenv("JH_RESULTS");
	char why[1024] = "";
	va_list ap;
	FILE *out;

	if (!ok) {
		va_start(ap, why_fmt);
		vsnprintf(why, sizeof(why), why_fmt, ap);
		va_end(ap);
		failed++;
	}
	emit(stdout, ok, name, why);
	fflush(stdout);
	if (results && *results) {
		out = fopen(results, "a");
		if (out) {
			emit(out, ok, name, why);
			fclose(out);
		}
	}
}

unsigned int t_failed(void)
{
	return failed;
}
