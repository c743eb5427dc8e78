/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Minimal test reporting: one "PASS: name" or "FAIL: name - why" line per
 * check on stdout, appended to $JH_RESULTS as well when it is set.
 */
#ifndef _TESTS_TESTLIB_H
#define _TESTS_TESTLIB_H

void t_result(int ok, const char *name, const char *why_fmt, ...)
	__attribute__((format(printf, 3, 4)));
unsigned int t_failed(void);

#endif /* !_TESTS_TESTLIB_H */
