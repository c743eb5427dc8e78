// SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause)
/*
 * ok-inmate: a well-behaved test inmate for lifecycle scenarios. It prints
 * a start marker and its comm region, then counts timer interrupts
 * (period-ms, default 100) and reports every tens tick, and approves
 * shutdown requests. Parameters: period-ms, ticks (stop counting after
 * this many, 0 = never).
 *
 * Markers: "OK-INMATE: started", "OK-INMATE: tick N",
 * "OK-INMATE: done after N ticks", "OK-INMATE: shutdown approved".
 */
#include <inmate.h>

#define PREFIX		"OK-INMATE: "
#define REPORT_EVERY	10

static volatile unsigned long ticks;
static unsigned long max_ticks;

static void handle_irq(unsigned int irq)
{
	if (irq != TIMER_IRQ)
		return;
	ticks++;
	if (max_ticks && ticks >= max_ticks)
		timer_stop();
	else
		timer_periodic_tick();
}

static bool approve_shutdown(void)
{
	printk(PREFIX "shutdown approved after %lu ticks\n", ticks);
	return true;
}

void inmate_main(void)
{
	unsigned long reported = 0;
	bool done = false;

	printk(PREFIX "started\n");
	comm_region_print(PREFIX);

	max_ticks = cmdline_parse_int("ticks", 0);
	timer_init();
	irq_init(handle_irq);
	irq_enable(TIMER_IRQ);
	timer_periodic_start(cmdline_parse_int("period-ms", 100) * NS_PER_MSEC);
	irqs_enable();

	for (;;) {
		/* once the timer is off, poll so messages still get answers */
		if (done)
			delay_us(10000);
		else
			cpu_wait_for_interrupt();

		if (!done && ticks >= reported + REPORT_EVERY) {
			reported = ticks - ticks % REPORT_EVERY;
			printk(PREFIX "tick %lu\n", reported);
		}
		if (!done && max_ticks && ticks >= max_ticks) {
			printk(PREFIX "done after %lu ticks\n", ticks);
			done = true;
		}
		if (comm_region_handle_message(approve_shutdown) ==
		    JAILHOUSE_MSG_SHUTDOWN_REQUEST)
			stop();
	}
}
