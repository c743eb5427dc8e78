/* SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause) */
/*
 * The inmate library functions under test, as the host tests see them:
 * the libc-named ones carry the jh_ prefix the Makefile gives them. Also
 * the stand-ins the tests provide for console and arch functions.
 */
#ifndef _JH_LIB_H
#define _JH_LIB_H

#include <stdbool.h>
#include <stddef.h>

#define ARRAY_SIZE(a)		(sizeof(a) / sizeof((a)[0]))
#define CMDLINE_BUFFER_SIZE	256

struct jitter_stats {
	long long min_ns;
	long long max_ns;
	unsigned long samples;
};

/* lib/common/printk.c */
int jh_snprintf(char *buf, size_t size, const char *fmt, ...);
void jh_printk(const char *fmt, ...);

/* lib/common/cmdline.c */
extern char cmdline[CMDLINE_BUFFER_SIZE];
long long cmdline_parse_int(const char *key, long long def);
bool cmdline_parse_bool(const char *key, bool def);
const char *cmdline_parse_str(const char *key, char *buf, size_t size,
			      const char *def);

/* lib/common/timing.c */
unsigned long long muldiv64(unsigned long long a, unsigned long long b,
			    unsigned long long c);
unsigned long long timer_ticks_to_ns(unsigned long long ticks);
unsigned long long timer_ns_to_ticks(unsigned long long ns);
long long timer_ticks_diff_ns(unsigned long long now,
			      unsigned long long then);
void jitter_report(struct jitter_stats *stats, long long jitter_ns);
void timer_periodic_start(unsigned long long period_ns);
long long timer_periodic_tick(void);

/* lib/arm/div.c */
unsigned long long udivmod64(unsigned long long n, unsigned long long d,
			     unsigned long long *rem);
long long sdivmod64(long long n, long long d, long long *rem);

/* stand-ins provided by the tests */
void console_write(const char *s);
unsigned long long timer_get_frequency(void);
unsigned long long timer_ticks(void);
void timer_start_at(unsigned long long deadline);

#endif /* !_JH_LIB_H */
