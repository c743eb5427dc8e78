// SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause)
/*
 * Time conversions and busy waiting on top of the arch's free-running
 * counter, plus the jitter statistics the timer demos print.
 */
#include <inmate.h>

u64 muldiv64(u64 a, u64 b, u64 c)
{
	/* split a so that neither partial product overflows in practice */
	return (a / c) * b + (a % c) * b / c;
}

u64 timer_ticks_to_ns(u64 ticks)
{
	return muldiv64(ticks, NS_PER_SEC, timer_get_frequency());
}

u64 timer_ns_to_ticks(u64 ns)
{
	return muldiv64(ns, timer_get_frequency(), NS_PER_SEC);
}

void delay_us(unsigned long us)
{
	u64 end = timer_ticks() + timer_ns_to_ticks(us * NS_PER_USEC);

	while ((long long)(timer_ticks() - end) < 0)
		cpu_relax();
}

void jitter_report(struct jitter_stats *stats, long long jitter_ns)
{
	if (stats->samples == 0 || jitter_ns < stats->min_ns)
		stats->min_ns = jitter_ns;
	if (stats->samples == 0 || jitter_ns > stats->max_ns)
		stats->max_ns = jitter_ns;
	stats->samples++;

	printk("Timer fired, jitter: %6ld ns, min: %6ld ns, max: %6ld ns\n",
	       (long)jitter_ns, (long)stats->min_ns, (long)stats->max_ns);
}

static u64 periodic_ticks;
static u64 periodic_deadline;

void timer_periodic_start(u64 period_ns)
{
	periodic_ticks = timer_ns_to_ticks(period_ns);
	periodic_deadline = timer_ticks() + periodic_ticks;
	timer_start_at(periodic_deadline);
}

long long timer_periodic_tick(void)
{
	long long late = timer_ticks_diff_ns(timer_ticks(), periodic_deadline);

	periodic_deadline += periodic_ticks;
	timer_start_at(periodic_deadline);
	return late;
}

long long timer_ticks_diff_ns(u64 now, u64 then)
{
	if (now >= then)
		return (long long)timer_ticks_to_ns(now - then);
	return -(long long)timer_ticks_to_ns(then - now);
}

static unsigned long led_reg;
static unsigned int led_pin;

void led_init(void)
{
	led_reg = cmdline_parse_int("led-reg", 0);
	led_pin = cmdline_parse_int("led-pin", 0) & 31;
}

void led_toggle(void)
{
	if (led_reg)
		mmio_write32(led_reg, mmio_read32(led_reg) ^ (1U << led_pin));
}
