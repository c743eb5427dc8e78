// SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause)
/*
 * Host tests of the timer arithmetic and the jitter statistics: counters
 * of real magnitudes (62.5 MHz CNTVCT, 3 GHz TSC, hours of uptime) must
 * convert without overflow.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "jh-lib.h"

typedef unsigned long long u64;

#define JITTER_LINE \
	"Timer fired, jitter:   9000 ns, min:   -200 ns, max:   9000 ns\n"

static u64 frequency;
static u64 now;
static u64 programmed_deadline;
static char last_line[256];

/* arch and console stand-ins */
u64 timer_get_frequency(void)
{
	return frequency;
}

u64 timer_ticks(void)
{
	return now;
}

void timer_start_at(u64 deadline)
{
	programmed_deadline = deadline;
}

void jh_printk(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(last_line, sizeof(last_line), fmt, ap);
	va_end(ap);
}

static void expect_u64(const char *name, u64 got, u64 want)
{
	char why[128];

	snprintf(why, sizeof(why), "got %llu, want %llu", got, want);
	check_report(got == want, name, why);
}

int main(void)
{
	struct jitter_stats stats = { 0 };

	frequency = 62500000;		/* QEMU virt CNTFRQ */
	expect_u64("timing_ticks_to_ns_arm", timer_ticks_to_ns(6250000),
		   100000000);
	/* ten hours of uptime: ticks * 1e9 alone would overflow 64 bits */
	expect_u64("timing_ticks_to_ns_no_overflow",
		   timer_ticks_to_ns(62500000ULL * 36000), 36000ULL * 1000000000);
	expect_u64("timing_ns_to_ticks_arm", timer_ns_to_ticks(100000000),
		   6250000);

	frequency = 3000000000ULL;	/* 3 GHz TSC */
	expect_u64("timing_ticks_to_ns_tsc", timer_ticks_to_ns(3000000000ULL * 7200),
		   7200ULL * 1000000000);
	expect_u64("timing_muldiv64_apic_count",
		   muldiv64(300000000, 1000000000, 3000000000ULL), 100000000);
	check_report(timer_ticks_diff_ns(1000, 4000) == -1000 &&
		     timer_ticks_diff_ns(4000, 1000) == 1000,
		     "timing_diff_signed", "early ticks must be negative");

	/* 1 GHz: ticks are ns; deadlines advance by whole periods */
	frequency = 1000000000;
	now = 1000;
	timer_periodic_start(100000000);
	expect_u64("timing_periodic_first_deadline", programmed_deadline,
		   100001000);
	now = 100001500;
	check_report(timer_periodic_tick() == 500, "timing_periodic_late",
		     "lateness of the first tick");
	expect_u64("timing_periodic_no_drift", programmed_deadline, 200001000);

	jitter_report(&stats, 5000);
	jitter_report(&stats, -200);
	jitter_report(&stats, 9000);
	check_report(stats.min_ns == -200 && stats.max_ns == 9000 &&
		     stats.samples == 3, "timing_jitter_min_max",
		     "min/max/samples not tracked");
	check_report(!strcmp(last_line, JITTER_LINE), "timing_jitter_format",
		     last_line);
	return check_exit_code();
}
