// SPDX-License-Identifier: GPL-2.0
/*
 * TSC and local APIC timer frequencies for the comm region of cells
 * (tsc_khz, apic_khz): taken from the system config when it names them,
 * otherwise measured once against the ACPI PM timer (3.579545 MHz, a
 * fixed rate on every PC). Emulators make this matter: Bochs runs its TSC
 * at the emulated instruction rate, not at the rate CPUID suggests.
 *
 * The APIC timer is measured on a CPU that has just been handed to a
 * non-root cell (its APIC was cleaned, nobody else uses that timer):
 * measuring on a CPU of Linux would steal Linux's programmed timer.
 */
#include <jailhouse/cell.h>
#include <jailhouse/printk.h>
#include <asm/apic.h>
#include <asm/processor.h>
#include <asm/timing.h>

#define PM_TIMER_HZ		3579545UL
#define PM_TIMER_MASK		0xffffffU	/* 24 bits at least */
/* 1/100 s: precise to 0.1 % with the PM timer's resolution */
#define WINDOW_PM_TICKS		(PM_TIMER_HZ / 100)

static u32 tsc_khz, apic_khz;

static u32 pm_timer_now(void)
{
	return pio_read32(system_config->platform_info.x86.pm_timer_address) &
		PM_TIMER_MASK;
}

/*
 * Calls @sample at the start and at the end of a PM timer window; returns
 * the window's length in PM timer ticks (0 without a PM timer).
 */
static u32 pm_timer_window(void (*sample)(u64 *value), u64 *start,
			   u64 *end)
{
	u32 first, now, elapsed;

	if (!system_config->platform_info.x86.pm_timer_address)
		return 0;
	first = pm_timer_now();
	while ((now = pm_timer_now()) == first)
		cpu_relax();
	sample(start);
	do {
		elapsed = (pm_timer_now() - now) & PM_TIMER_MASK;
	} while (elapsed < WINDOW_PM_TICKS);
	sample(end);
	return elapsed;
}

static void sample_tsc(u64 *value)
{
	*value = read_tsc();
}

static void sample_apic_timer(u64 *value)
{
	*value = apic_timer_count();
}

static u32 khz_over_window(u64 counted, u32 pm_ticks)
{
	return pm_ticks ? counted * PM_TIMER_HZ / pm_ticks / 1000 : 0;
}

u32 timing_tsc_khz(void)
{
	u64 start, end;
	u32 ticks;

	if (!tsc_khz)
		tsc_khz = system_config->platform_info.x86.tsc_khz;
	if (!tsc_khz) {
		ticks = pm_timer_window(sample_tsc, &start, &end);
		tsc_khz = khz_over_window(end - start, ticks);
		printk("TSC: %u kHz (measured)\n", tsc_khz);
	}
	return tsc_khz;
}

u32 timing_apic_khz_known(void)
{
	if (!apic_khz)
		apic_khz = system_config->platform_info.x86.apic_khz;
	return apic_khz;
}

/* Only on a CPU whose APIC timer nobody uses (see above). */
u32 timing_apic_khz(void)
{
	u64 start, end;
	u32 ticks;

	if (!timing_apic_khz_known()) {
		apic_timer_start_free_running();
		ticks = pm_timer_window(sample_apic_timer, &start, &end);
		apic_timer_stop();
		/* the timer counts down */
		apic_khz = khz_over_window(start - end, ticks);
		printk("APIC timer: %u kHz (measured)\n", apic_khz);
	}
	return apic_khz;
}
