// SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause)
/*
 * uart-demo: greets on the console forever, polling the UART (no
 * interrupts). Parameter: delay-ms (pause between lines, default 500).
 */
#include <inmate.h>

void inmate_main(void)
{
	unsigned long delay_ms = cmdline_parse_int("delay-ms", 500);
	unsigned int count;

	for (count = 1;; count++) {
		printk("Hello %d from cell!\n", count);
		delay_us(delay_ms * 1000);
		comm_region_service();
	}
}
