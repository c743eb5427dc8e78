// SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause)
/*
 * x86 glue: early CPU setup, CPU stop and the small arch hooks of the
 * common library.
 */
#include <inmate.h>

void arch_init(void)
{
	x86_idt_load();
}

void stop(void)
{
	for (;;) {
		irqs_disable();
		asm volatile("hlt" : : : "memory");
	}
}

void arch_hypercall_putc(char c)
{
	jailhouse_call_arg1(JAILHOUSE_HC_DEBUG_CONSOLE_PUTC, (u8)c);
}

void arch_comm_region_print(const char *prefix)
{
	printk("%scomm region: pm_timer_address 0x%x num_cpus %d tsc_khz %d apic_khz %d\n",
	       prefix, comm_region->pm_timer_address,
	       comm_region->num_cpus, comm_region->tsc_khz,
	       comm_region->apic_khz);
}
