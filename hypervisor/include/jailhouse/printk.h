/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Hypervisor console output. Every line goes to the console ring that the
 * driver exposes (header.h) and, once configured, to the debug UART of the
 * system config.
 *
 * Formats: %d %i %u %x %X %o %p %s %c %%, flags '-' '0' '#', a field width
 * (or '*'), a precision for %s, and the length modifiers hh h l ll z.
 */
#ifndef _JAILHOUSE_PRINTK_H
#define _JAILHOUSE_PRINTK_H

#include <jailhouse/utils.h>

#define __printf(a, b)	__attribute__((format(printf, a, b)))

void printk(const char *fmt, ...) __printf(1, 2);

/* Returns the length the output would have had (like C99 vsnprintf). */
int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int snprintf(char *buf, size_t size, const char *fmt, ...) __printf(3, 4);

/* Raw output of one character / a string (no formatting). */
void console_putc(char c);
void console_write(const char *s);

#endif /* !_JAILHOUSE_PRINTK_H */
