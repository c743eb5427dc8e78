// SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause)
/*
 * Starting further CPUs of the cell. They enter at image offset 0x2000
 * (SIPI vector 2, see header.S), take the stack prepared here and report
 * back before running the caller's function. One CPU at a time.
 */
#include <inmate.h>

#define AP_STACK_SIZE		4096
#define AP_SIPI_PAGE		2	/* 0x2000 */
#define AP_START_TIMEOUT_US	100000

static u8 ap_stacks[SMP_MAX_CPUS - 1][AP_STACK_SIZE] __aligned(16);
static void (*ap_function)(unsigned int index);
static volatile unsigned int ap_index;
static volatile bool ap_running;
static unsigned int cpus_started = 1;

/* read by header.S before the AP has a stack */
unsigned long smp_ap_stack;

void smp_ap_entry(void)
{
	unsigned int index = ap_index;
	void (*function)(unsigned int index) = ap_function;

	x86_idt_load();
	apic_init();
	ap_running = true;
	function(index);
	stop();
}

int smp_start_cpu(u32 apic_id, void (*entry)(unsigned int index))
{
	unsigned int waited;

	if (cpus_started >= SMP_MAX_CPUS)
		return -1;

	ap_index = cpus_started;
	ap_function = entry;
	smp_ap_stack =
		(unsigned long)&ap_stacks[cpus_started - 1][AP_STACK_SIZE];
	ap_running = false;
	memory_barrier();

	x86_apic_send_init_sipi(apic_id, AP_SIPI_PAGE);
	for (waited = 0; !ap_running; waited += 10) {
		if (waited >= AP_START_TIMEOUT_US)
			return -1;
		delay_us(10);
	}
	return cpus_started++;
}
