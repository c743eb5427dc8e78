// SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause)
/*
 * ok-inmate: a well-behaved test inmate for lifecycle scenarios. It prints
 * a start marker and its comm region, then counts timer interrupts
 * (period-ms, default 100) and reports every tens tick, and approves
 * shutdown requests. Parameters: period-ms, ticks (stop counting after
 * this many, 0 = never), start-cpu=ID (start that CPU of the cell first:
 * x86 INIT/SIPI to APIC ID, ARM PSCI CPU_ON to MPIDR; it reports its ID
 * and stops, on ARM with CPU_OFF, which AFFINITY_INFO must then show),
 * foreign-cpu=ID (try to start a CPU that is not the cell's: must be
 * refused), pci-scan (list the PCI functions the cell sees), xsave (x86:
 * what the start code of inmates built for upstream Jailhouse does: write
 * IA32_MTRR_DEF_TYPE back with its enable bit, turn on XSAVE with x87 and
 * SSE state through XSETBV), and the inmate library's x2apic-msrs (x86:
 * program the APIC through the x2APIC MSRs, as such inmates do).
 *
 * Markers: "OK-INMATE: started", "OK-INMATE: tick N",
 * "OK-INMATE: done after N ticks", "OK-INMATE: shutdown approved",
 * "OK-INMATE: CPU N running, APIC ID M" (ARM: "MPIDR M"),
 * "OK-INMATE: CPU with MPIDR M is off again",
 * "OK-INMATE: foreign CPU M refused",
 * "OK-INMATE: PCI bb:dd.f vvvv:dddd class cccccc",
 * "OK-INMATE: XSAVE on, MTRR default type T",
 * "OK-INMATE: APIC ID N through x2APIC MSRs" (or "the xAPIC page").
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
static volatile u32 started_cpu_id = NO_CPU;

static void second_cpu(unsigned int index)
{
	started_cpu_id = smp_cpu_id();
}

#ifdef SMP_CPU_OFF
/* The started CPU powers itself off when second_cpu() returns. */
static void report_cpu_off(u32 id)
{
	unsigned int waited;
	int state = smp_cpu_state(id);

	for (waited = 0; state != SMP_CPU_OFF && waited < 1000; waited++) {
		delay_us(1000);
		state = smp_cpu_state(id);
	}
	if (state == SMP_CPU_OFF)
		printk(PREFIX "CPU with " SMP_CPU_ID_NAME " %u is off again\n",
		       id);
	else
		printk(PREFIX "CPU with " SMP_CPU_ID_NAME " %u state %d\n",
		       id, state);
}
#else
static void report_cpu_off(u32 id)
{
}
#endif

/* A CPU of another cell must not start for us. */
static void start_foreign_cpu(void)
{
	long long id = cmdline_parse_int("foreign-cpu", -1);

	if (id < 0)
		return;
	if (smp_start_cpu(id, second_cpu) > 0)
		printk(PREFIX "foreign CPU %lld started\n", id);
	else
		printk(PREFIX "foreign CPU %lld refused\n", id);
}

/* The started CPU only reports; the boot CPU prints for it. */
static void start_second_cpu(void)
{
	long long id = cmdline_parse_int("start-cpu", -1);
	int index;

	start_foreign_cpu();
	if (id < 0)
		return;
	index = smp_start_cpu(id, second_cpu);
	while (index > 0 && started_cpu_id == NO_CPU)
		cpu_relax();
	if (index <= 0) {
		printk(PREFIX "CPU with " SMP_CPU_ID_NAME " %lld did not start\n",
		       id);
		return;
	}
	printk(PREFIX "CPU %d running, " SMP_CPU_ID_NAME " %u\n", index,
	       started_cpu_id);
	report_cpu_off(id);
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

#ifdef MSR_MTRR_DEF_TYPE
static void upstream_start_code(void)
{
	u64 def_type;

	if (!cmdline_parse_bool("xsave", false))
		return;
	def_type = read_msr(MSR_MTRR_DEF_TYPE);
	write_msr(MSR_MTRR_DEF_TYPE, def_type | MTRR_DEF_TYPE_ENABLE);
	write_cr4(read_cr4() | X86_CR4_OSXSAVE);
	write_xcr0(XCR0_X87 | XCR0_SSE);
	printk(PREFIX "XSAVE on, MTRR default type %x\n", (u32)def_type);
}

static void report_apic_interface(void)
{
	printk(PREFIX "APIC ID %u through %s\n", apic_id(),
	       apic_is_x2apic() ? "x2APIC MSRs" : "the xAPIC page");
}
#else
static void upstream_start_code(void)
{
}

static void report_apic_interface(void)
{
}
#endif

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
	upstream_start_code();
	timer_init();
	report_apic_interface();
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
