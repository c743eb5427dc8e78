// SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause)
/*
 * apic-demo: a 10 Hz tick from the local APIC timer (vector 32), printing
 * how late each tick arrived, measured with the TSC. The cell locks itself
 * (RUNNING_LOCKED: no cell reconfiguration while it runs) and refuses the
 * first shutdown request.
 *
 * Parameters: pollute-cache (keep thrashing a buffer between ticks, to
 * show the effect of cache pressure on jitter), led-reg, led-pin.
 */
#include <inmate.h>

#define TICK_PERIOD_NS		(100 * NS_PER_MSEC)
#define POLLUTION_SIZE		(256 * 1024)
#define CACHE_LINE		64

static u8 pollution_buffer[POLLUTION_SIZE] __aligned(CACHE_LINE);
static struct jitter_stats stats;
static bool denied_once;

static void handle_irq(unsigned int irq)
{
	if (irq != TIMER_IRQ)
		return;
	jitter_report(&stats, timer_periodic_tick());
	led_toggle();
}

static void pollute_cache(void)
{
	unsigned int offset;

	for (offset = 0; offset < POLLUTION_SIZE; offset += CACHE_LINE)
		((volatile u8 *)pollution_buffer)[offset]++;
}

static bool decide_shutdown(void)
{
	if (!denied_once) {
		denied_once = true;
		printk("Rejecting first shutdown request - try again!\n");
		return false;
	}
	printk("Stopped APIC demo\n");
	return true;
}

void inmate_main(void)
{
	bool pollute = cmdline_parse_bool("pollute-cache", false);
	u64 tsc_hz, apic_hz;

	comm_region_set_state(JAILHOUSE_CELL_RUNNING_LOCKED);
	if (pollute)
		printk("Cache pollution enabled\n");
	led_init();

	irq_init(handle_irq);
	timer_init();
	tsc_hz = timer_get_frequency();
	apic_hz = apic_timer_frequency();
	printk("Calibrated TSC frequency: %lu.%03lu kHz\n",
	       (unsigned long)(tsc_hz / 1000), (unsigned long)(tsc_hz % 1000));
	printk("Calibrated APIC frequency: %lu kHz\n",
	       (unsigned long)(apic_hz / 1000));

	timer_periodic_start(TICK_PERIOD_NS);
	irqs_enable();

	for (;;) {
		if (pollute)
			pollute_cache();
		else
			cpu_wait_for_interrupt();

		comm_region_handle_message(decide_shutdown);
		if (comm_region->cell_state == JAILHOUSE_CELL_SHUT_DOWN) {
			timer_stop();
			return;
		}
	}
}
