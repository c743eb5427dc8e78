// SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause)
/*
 * tiny-demo: the smallest useful cell. Greets, prints the ACPI PM timer
 * (in ns) ten times a second apart, then idles answering the hypervisor's
 * messages. Needs nothing but the console and the PM timer port.
 */
#include <inmate.h>

#define LINES		10
#define IDLE_POLL_NS	(10 * NS_PER_MSEC)

/* PM timer based, so the demo needs no TSC calibration or APIC */
static void wait_ns(u64 ns)
{
	u64 end = pm_timer_read() + ns;

	if (!comm_region->pm_timer_address) {
		delay_us(ns / NS_PER_USEC);
		return;
	}
	while (pm_timer_read() < end)
		cpu_relax();
}

void inmate_main(void)
{
	unsigned int line;

	printk("Hello from this tiny cell!\n");
	for (line = 0; line < LINES; line++) {
		if (line > 0)
			wait_ns(NS_PER_SEC);
		printk("PM Timer: %11llu\n", pm_timer_read());
	}

	for (;;) {
		comm_region_service();
		wait_ns(IDLE_POLL_NS);
	}
}
