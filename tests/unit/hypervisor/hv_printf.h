/* SPDX-License-Identifier: GPL-2.0 */
/* The core's formatted output, renamed for the host build (Makefile). */
#ifndef _TESTS_HV_PRINTF_H
#define _TESTS_HV_PRINTF_H

#include <stdarg.h>
#include <stddef.h>

int hv_snprintf(char *buf, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
int hv_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);

#endif
