// SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause)
/*
 * gic-demo: a 10 Hz tick from the virtual timer through the GIC, printing
 * how late each tick arrived. Parameters: led-reg, led-pin (blink an LED
 * per tick).
 */
#include <inmate.h>

#define TICK_PERIOD_NS	(100 * NS_PER_MSEC)

static struct jitter_stats stats;

static void handle_irq(unsigned int irq)
{
	if (irq != TIMER_IRQ)
		return;
	jitter_report(&stats, timer_periodic_tick());
	led_toggle();
}

void inmate_main(void)
{
	led_init();

	printk("Initializing the GIC...\n");
	irq_init(handle_irq);
	irq_enable(TIMER_IRQ);

	printk("Initializing the timer...\n");
	timer_init();
	timer_periodic_start(TICK_PERIOD_NS);
	irqs_enable();

	for (;;) {
		cpu_wait_for_interrupt();
		comm_region_service();
	}
}
