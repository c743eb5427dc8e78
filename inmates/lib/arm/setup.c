// SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause)
/*
 * ARMv7 glue: CPU stop, exception reports and the small arch hooks of the
 * common library (console defaults, hypercall console, MSI-X message).
 */
#include <inmate.h>

void arch_init(void)
{
	arm_mmu_enable();
}

void stop(void)
{
	irqs_disable();
	asm volatile("cpsid f" : : : "memory");
	for (;;)
		cpu_wait_for_interrupt();
}

static const char *const exception_names[] = {
	"reset", "undefined instruction", "supervisor call", "prefetch abort",
	"data abort", "reserved vector", "IRQ", "FIQ",
};

/* lr points this far behind the instruction that took the exception */
static const unsigned int exception_pc_offset[] = { 0, 4, 4, 4, 8, 4, 4, 4 };

void arm_exception_report(unsigned int type, unsigned long lr,
			  unsigned long spsr)
{
	printk("FATAL: %s exception at PC 0x%08lx, SPSR 0x%08lx\n",
	       exception_names[type & 7], lr - exception_pc_offset[type & 7],
	       spsr);
	if (type == 4)
		printk("FATAL: DFAR 0x%08x DFSR 0x%08x\n", arm_read_dfar(),
		       arm_read_dfsr());
	else if (type == 3)
		printk("FATAL: IFAR 0x%08x IFSR 0x%08x\n", arm_read_ifar(),
		       arm_read_ifsr());
	stop();
}

u16 arch_console_default_flags(void)
{
	return JAILHOUSE_CON_ACCESS_MMIO | JAILHOUSE_CON_REGDIST_4;
}

bool arch_uart_use_pio_access(struct uart_chip *chip)
{
	return false;
}

void arch_hypercall_putc(char c)
{
	jailhouse_call_arg1(JAILHOUSE_HC_DEBUG_CONSOLE_PUTC, (u8)c);
}

/*
 * Jailhouse's ARM MSI-X emulation takes the GIC INTID as message data;
 * the address is not used.
 */
void arch_msix_message(unsigned int irq, u64 *address, u32 *data)
{
	*address = 0;
	*data = irq;
}

void arch_comm_region_print(const char *prefix)
{
	printk("%scomm region: gic_version %d gicd 0x%llx gicc 0x%llx gicr 0x%llx vpci_irq_base %d\n",
	       prefix, comm_region->gic_version, comm_region->gicd_base,
	       comm_region->gicc_base, comm_region->gicr_base,
	       comm_region->vpci_irq_base);
}
