// SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause)
/*
 * x86 time: the TSC is the library's free-running counter, calibrated
 * against the ACPI PM timer (3.579545 MHz, port from the comm region);
 * without a PM timer the comm region's tsc_khz is taken as is. The local
 * APIC timer (apic.c) provides the interrupts.
 */
#include <inmate.h>

#define PM_TIMER_HZ		3579545ULL
#define PM_TIMER_MASK		0xffffff	/* 24 bits is the minimum */
#define CALIBRATION_DIVISOR	20		/* 50 ms window */

static u64 tsc_hz;

static u32 pm_timer_raw(void)
{
	return inl(comm_region->pm_timer_address) & PM_TIMER_MASK;
}

u64 pm_timer_read(void)
{
	static u64 total;
	static u32 last;
	static bool started;
	u32 raw;

	if (!comm_region->pm_timer_address)
		return 0;
	raw = pm_timer_raw();
	/* extend the counter to 64 bits; wraps every 4.7 s */
	total += started ? (raw - last) & PM_TIMER_MASK : raw;
	started = true;
	last = raw;
	return muldiv64(total, NS_PER_SEC, PM_TIMER_HZ);
}

static u64 tsc_calibrate(void)
{
	u32 start, now, elapsed;
	u64 tsc_start;

	if (!comm_region->pm_timer_address)
		return (u64)comm_region->tsc_khz * 1000;

	/* start on a PM timer edge */
	start = pm_timer_raw();
	while ((now = pm_timer_raw()) == start)
		cpu_relax();
	start = now;
	tsc_start = rdtsc();
	do {
		elapsed = (pm_timer_raw() - start) & PM_TIMER_MASK;
	} while (elapsed < PM_TIMER_HZ / CALIBRATION_DIVISOR);

	return muldiv64(rdtsc() - tsc_start, PM_TIMER_HZ, elapsed);
}

void timer_init(void)
{
	if (!tsc_hz) {
		tsc_hz = tsc_calibrate();
		if (!tsc_hz) {
			printk("WARNING: no PM timer and no tsc_khz in the comm region, assuming 1 GHz TSC\n");
			tsc_hz = NS_PER_SEC;
		}
	}
	apic_init();
	x86_apic_timer_init();
}

u64 tsc_frequency(void)
{
	return tsc_hz;
}

u64 timer_get_frequency(void)
{
	if (!tsc_hz)
		timer_init();
	return tsc_hz;
}

u64 timer_ticks(void)
{
	return rdtsc();
}
