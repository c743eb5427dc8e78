// SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause)
/*
 * ok-inmate: a well-behaved test inmate for lifecycle scenarios. It prints
 * a start marker and its comm region, then counts timer interrupts
 * (period-ms, default 100) and reports every tens tick, and approves
 * shutdown requests. Parameters: period-ms, ticks (stop counting after
 * this many, 0 = never), start-cpu=APICID (x86: start that CPU of the cell
 * with INIT/SIPI first; it reports its APIC ID and parks), pci-scan (list
 * the PCI functions the cell sees).
 *
 * Markers: "OK-INMATE: started", "OK-INMATE: tick N",
 * "OK-INMATE: done after N ticks", "OK-INMATE: shutdown approved",
 * "OK-INMATE: CPU N running, APIC ID M",
 * "OK-INMATE: PCI bb:dd.f vvvv:dddd class cccccc".
 */
#include <inmate.h>

#define NO_CPU		(~0U)

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

#ifdef INMATE_SMP
static volatile u32 started_apic_id = NO_CPU;

static void second_cpu(unsigned int index)
{
	started_apic_id = apic_id();
}

/* The started CPU only reports; the boot CPU prints for it. */
static void start_second_cpu(void)
{
	long long id = cmdline_parse_int("start-cpu", -1);
	int index;

	if (id < 0)
		return;
	index = smp_start_cpu(id, second_cpu);
	while (index > 0 && started_apic_id == NO_CPU)
		cpu_relax();
	if (index > 0)
		printk(PREFIX "CPU %d running, APIC ID %u\n", index,
		       started_apic_id);
	else
		printk(PREFIX "CPU with APIC ID %lld did not start\n", id);
}
#else
static void start_second_cpu(void)
{
}
#endif

static void scan_pci(void)
{
	int bdf = -1;

	if (!cmdline_parse_bool("pci-scan", false))
		return;
	while ((bdf = pci_find_device(PCI_ID_ANY, PCI_ID_ANY, bdf + 1)) >= 0)
		printk(PREFIX "PCI %02x:%02x.%x %04x:%04x class %06x\n",
		       PCI_BUS(bdf), PCI_DEV(bdf), PCI_FN(bdf),
		       pci_read_config(bdf, PCI_CFG_VENDOR_ID, 2),
		       pci_read_config(bdf, PCI_CFG_DEVICE_ID, 2),
		       pci_read_config(bdf, PCI_CFG_CLASS_REV, 4) >> 8);
	printk(PREFIX "PCI scan done\n");
}

/* deny=N: the cell starts locked and refuses the first N requests */
static unsigned long denials_left;

static bool approve_shutdown(void)
{
	if (denials_left) {
		denials_left--;
		printk(PREFIX "shutdown request denied (%lu more to deny)\n",
		       denials_left);
		if (!denials_left)
			comm_region_set_state(JAILHOUSE_CELL_RUNNING);
		return false;
	}
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
	denials_left = cmdline_parse_int("deny", 0);
	if (denials_left) {
		comm_region_set_state(JAILHOUSE_CELL_RUNNING_LOCKED);
		printk(PREFIX "locked, denying %lu shutdown requests\n",
		       denials_left);
	}
	timer_init();
	start_second_cpu();
	scan_pci();
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
		/* a denied request leaves the cell running */
		if (comm_region_handle_message(approve_shutdown) ==
		    JAILHOUSE_MSG_SHUTDOWN_REQUEST &&
		    comm_region->cell_state == JAILHOUSE_CELL_SHUT_DOWN)
			stop();
	}
}
