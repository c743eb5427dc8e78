// SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause)
/*
 * rogue: a test inmate that does one forbidden thing, chosen on the
 * command line, so scenarios can prove the hypervisor stops it:
 *
 *   action=read-ram addr=A     read 32 bits at guest-physical A
 *                              (e.g. root-cell RAM)
 *   action=write-hv addr=A     write 32 bits at A (e.g. hypervisor memory)
 *   action=touch-mmio addr=A   read a device register at A
 *   action=touch-port addr=P   read I/O port P (x86 only)
 *
 * It prints "ROGUE: attempting <action> at <addr>" right before the access
 * and "ROGUE: survived <action> ..." if it comes back - which must never
 * happen under the hypervisor. Without a valid action it prints
 * "ROGUE: no action" and stops.
 *
 *   ivshmem-state=N            first set the State register of the cell's
 *                              ivshmem device to N, so a scenario can see
 *                              the state drop to 0 when the cell fails
 *   cpu=ID                     the access is done by that CPU of the cell
 *                              (x86 APIC ID, ARM MPIDR), started by the
 *                              boot CPU, which prints "ROGUE: tick N" every
 *                              100 ms meanwhile: the ticks must stop when
 *                              the cell fails as a whole
 */
#include <inmate.h>
#include <jailhouse/ivshmem.h>

#define ROGUE_PATTERN	0x6a61696c	/* "jail" */
#define ROGUE_IVSHMEM_BAR0	0xff000000UL

static bool do_access(const char *action, unsigned long addr, u32 *value)
{
	if (strcmp(action, "read-ram") == 0 ||
	    strcmp(action, "touch-mmio") == 0) {
		*value = mmio_read32(addr);
		return true;
	}
	if (strcmp(action, "write-hv") == 0) {
		mmio_write32(addr, ROGUE_PATTERN);
		*value = ROGUE_PATTERN;
		return true;
	}
#ifdef INMATE_PORT_IO
	if (strcmp(action, "touch-port") == 0) {
		*value = inb(addr);
		return true;
	}
#endif
	return false;
}

static void set_ivshmem_state(u32 state)
{
	int bdf = pci_find_device(IVSHMEM_VENDOR_ID, IVSHMEM_DEVICE_ID, 0);
	unsigned long regs;

	if (bdf < 0) {
		printk("ROGUE: no ivshmem device\n");
		return;
	}
	pci_write_config(bdf, PCI_CFG_BAR, ROGUE_IVSHMEM_BAR0, 4);
	pci_write_config(bdf, PCI_CFG_COMMAND, PCI_CMD_MEM, 2);
	/* the address as the device reports it, as a driver would use it */
	regs = pci_read_config(bdf, PCI_CFG_BAR, 4) & ~0xfUL;
	mmio_write32(regs + IVSHMEM_REG_STATE, state);
	printk("ROGUE: ivshmem state %u\n", state);
	/* let the peers take this interrupt before the fault's one */
	delay_us(200000);
}

static char action[32];
static unsigned long addr;

/* Prints the attempt line, does the access; returns only if it survived. */
static void attempt(void)
{
	u32 value = 0;

	printk("ROGUE: attempting %s at 0x%lx\n", action, addr);
	memory_barrier();
	if (!do_access(action, addr, &value)) {
		printk("ROGUE: no action (unknown or unsupported: '%s')\n",
		       action);
		return;
	}
	memory_barrier();
	printk("ROGUE: survived %s at 0x%lx (value 0x%08x)\n", action, addr,
	       value);
}

#ifdef INMATE_SMP
#define TICK_US			100000
#define TICKS_BEFORE_ACCESS	3

static volatile bool rogue_cpu_ready;

static void rogue_cpu(unsigned int index)
{
	printk("ROGUE: CPU %u (" SMP_CPU_ID_NAME " %u) does the access\n",
	       index, smp_cpu_id());
	rogue_cpu_ready = true;
	/* the boot CPU ticks meanwhile; it does not print concurrently */
	delay_us(TICKS_BEFORE_ACCESS * TICK_US + TICK_US / 2);
	attempt();
}

/* The boot CPU ticks until the hypervisor parks it with its cell. */
static void attempt_on_cpu(u32 id)
{
	unsigned long ticks = 0;

	if (smp_start_cpu(id, rogue_cpu) <= 0) {
		printk("ROGUE: CPU with " SMP_CPU_ID_NAME " %u did not start\n",
		       id);
		return;
	}
	while (!rogue_cpu_ready)
		cpu_relax();
	for (;;) {
		delay_us(TICK_US);
		printk("ROGUE: tick %lu\n", ++ticks);
	}
}
#else
static void attempt_on_cpu(u32 id)
{
	printk("ROGUE: no SMP support\n");
}
#endif

void inmate_main(void)
{
	long long cpu = cmdline_parse_int("cpu", -1);

	addr = cmdline_parse_int("addr", 0);
	cmdline_parse_str("action", action, sizeof(action), "");
	if (cmdline_parse_int("ivshmem-state", 0))
		set_ivshmem_state(cmdline_parse_int("ivshmem-state", 0));
	if (cpu >= 0)
		attempt_on_cpu(cpu);
	else
		attempt();
}
