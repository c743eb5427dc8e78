// SPDX-License-Identifier: GPL-2.0
/*
 * Port I/O of cells. The VMX I/O bitmap lets the ports of a cell's PIO
 * whitelist through without any exit; every other port traps. The PCI
 * configuration ports 0xcf8-0xcff always trap: the address latch is kept
 * per CPU, and data accesses reach only the devices of the cell's config
 * (physical ones through the real ports, virtual ones via their
 * emulation, everything else reads as absent).
 *
 * Non-root cells may also read the ACPI PM timer of the system config
 * without listing it: it is a free-running counter, and inmates written
 * for Jailhouse (tiny-demo, the inmate library's delay_us()) read it
 * through the port the comm region names, with cell configs that do not
 * list it. The root cell gets only what its config lists, so a missing
 * port there is reported (x86/bad-pio-config).
 */
#include <jailhouse/cell.h>
#include <jailhouse/control.h>
#include <jailhouse/fault.h>
#include <jailhouse/errno.h>
#include <jailhouse/paging.h>
#include <jailhouse/pci.h>
#include <jailhouse/percpu.h>
#include <jailhouse/printk.h>
#include <jailhouse/string.h>
#include <asm/io.h>
#include <asm/spinlock.h>
#include <asm/vcpu.h>
#include <asm/vmx.h>

#define PCI_CONFIG_ADDRESS	0xcf8
#define PCI_CONFIG_DATA		0xcfc
#define PCI_CONFIG_PORTS_END	0xd00
#define PCI_ADDRESS_ENABLE	(1U << 31)

#define IO_BITMAP_PAGES		2
#define PM_TIMER_PORTS		4

/* serialises use of the physical address/data port pair */
static DEFINE_SPINLOCK(pci_port_lock);

static void bitmap_set_ports(u8 *bitmap, unsigned int first,
			     unsigned int count, bool intercept)
{
	unsigned int port;

	for (port = first; port < first + count && port <= 0xffff; port++)
		if (intercept)
			bitmap[port / 8] |= 1 << (port % 8);
		else
			bitmap[port / 8] &= ~(1 << (port % 8));
}

int io_cell_init(struct cell *cell)
{
	const struct jailhouse_pio *pio = jailhouse_cell_pio(cell->config);
	u16 pm_timer = system_config->platform_info.x86.pm_timer_address;
	unsigned int n;

	cell->arch.io_bitmap = page_alloc(&mem_pool, IO_BITMAP_PAGES);
	cell->arch.msr_bitmap = page_alloc(&mem_pool, 1);
	if (!cell->arch.io_bitmap || !cell->arch.msr_bitmap) {
		io_cell_exit(cell);
		return -ENOMEM;
	}

	memset(cell->arch.io_bitmap, 0xff, IO_BITMAP_PAGES * PAGE_SIZE);
	for (n = 0; n < cell->config->num_pio_regions; n++)
		bitmap_set_ports(cell->arch.io_bitmap, pio[n].base,
				 pio[n].length, false);
	if (pm_timer && cell != &root_cell)
		bitmap_set_ports(cell->arch.io_bitmap, pm_timer,
				 PM_TIMER_PORTS, false);
	bitmap_set_ports(cell->arch.io_bitmap, PCI_CONFIG_ADDRESS,
			 PCI_CONFIG_PORTS_END - PCI_CONFIG_ADDRESS, true);

	msr_bitmap_init(cell->arch.msr_bitmap, cell == &root_cell);
	return 0;
}

void io_cell_exit(struct cell *cell)
{
	if (cell->arch.io_bitmap)
		page_free(&mem_pool, cell->arch.io_bitmap, IO_BITMAP_PAGES);
	if (cell->arch.msr_bitmap)
		page_free(&mem_pool, cell->arch.msr_bitmap, 1);
	cell->arch.io_bitmap = NULL;
	cell->arch.msr_bitmap = NULL;
}

static bool ports_whitelisted(const struct cell *cell, unsigned int port,
			      unsigned int size)
{
	const struct jailhouse_pio *pio = jailhouse_cell_pio(cell->config);
	unsigned int n;

	for (n = 0; n < cell->config->num_pio_regions; n++)
		if (port >= pio[n].base &&
		    port + size <= (unsigned int)pio[n].base + pio[n].length)
			return true;
	return false;
}

static u32 port_in(unsigned int port, unsigned int size)
{
	switch (size) {
	case 1:
		return pio_read8(port);
	case 2:
		return pio_read16(port);
	default:
		return pio_read32(port);
	}
}

static void port_out(unsigned int port, unsigned int size, u32 value)
{
	switch (size) {
	case 1:
		pio_write8(value, port);
		break;
	case 2:
		pio_write16(value, port);
		break;
	default:
		pio_write32(value, port);
		break;
	}
}

static u32 size_mask(unsigned int size)
{
	return size == 4 ? 0xffffffff : (1U << (8 * size)) - 1;
}

/* IN writes AL/AX (upper bits kept) or EAX (upper half cleared). */
static void set_in_result(union registers *regs, unsigned int size,
			  u32 value)
{
	if (size == 4)
		regs->rax = value;
	else
		regs->rax = (regs->rax & ~(unsigned long)size_mask(size)) |
			(value & size_mask(size));
}

static u32 physical_config_access(u32 address, unsigned int offset,
				  unsigned int size, bool is_write, u32 value)
{
	spin_lock(&pci_port_lock);
	pio_write32(address, PCI_CONFIG_ADDRESS);
	if (is_write)
		port_out(PCI_CONFIG_DATA + offset, size, value);
	else
		value = port_in(PCI_CONFIG_DATA + offset, size);
	spin_unlock(&pci_port_lock);
	return value;
}

/* A data port access (0xcfc-0xcff) with the CPU's latched address. */
static bool pci_data_access(struct cell *cell, u32 address,
			    unsigned int offset, unsigned int size,
			    bool is_write, u32 *value)
{
	u16 bdf = (address >> 8) & 0xffff;
	unsigned int reg = (address & 0xfc) + offset;
	struct pci_device *dev;

	if (!(address & PCI_ADDRESS_ENABLE)) {
		*value = size_mask(size);	/* no configuration cycle */
		return true;
	}
	dev = pci_get_device(cell, system_config->platform_info.pci_domain,
			     bdf);
	if (dev && !dev->ops) {
		*value = physical_config_access(address & ~3U &
						~0x7f000000U, offset, size,
						is_write, *value);
		return true;
	}
	if (!is_write) {
		*value = pci_cfg_read(cell, bdf, reg, size);
		return true;
	}
	return pci_cfg_write(cell, bdf, reg, size, *value);
}

static bool pci_port_access(union registers *regs, unsigned int port,
			    unsigned int size, bool is_write)
{
	struct per_cpu *cpu_data = this_cpu_data();
	u32 value = regs->rax & size_mask(size);

	if (port == PCI_CONFIG_ADDRESS && size == 4) {
		if (is_write)
			cpu_data->arch.pci_address = value;
		else
			set_in_result(regs, size, cpu_data->arch.pci_address);
		return true;
	}
	if (port >= PCI_CONFIG_DATA && port + size <= PCI_CONFIG_PORTS_END) {
		if (!pci_data_access(cpu_data->cell,
				     cpu_data->arch.pci_address,
				     port - PCI_CONFIG_DATA, size, is_write,
				     &value))
			return false;
		if (!is_write)
			set_in_result(regs, size, value);
		return true;
	}
	/* other accesses to 0xcf8-0xcfb, e.g. the reset control at 0xcf9 */
	if (!ports_whitelisted(cpu_data->cell, port, size))
		return false;
	if (is_write)
		port_out(port, size, value);
	else
		set_in_result(regs, size, port_in(port, size));
	return true;
}

bool pio_handle_exit(union registers *regs)
{
	unsigned long qual = vmcs_read64(EXIT_QUALIFICATION);
	unsigned int port = IO_QUAL_PORT(qual);
	unsigned int size = IO_QUAL_SIZE(qual);
	bool is_write = !(qual & IO_QUAL_IN);

	if (!(qual & IO_QUAL_STRING) && port >= PCI_CONFIG_ADDRESS &&
	    port + size <= PCI_CONFIG_PORTS_END &&
	    pci_port_access(regs, port, size, is_write)) {
		vcpu_skip_instruction();
		return true;
	}
	fault_report_pio(port, size, is_write, vmcs_read64(GUEST_RIP));
	if (qual & IO_QUAL_STRING)
		printk(" (string instruction %s)\n",
		       is_write ? "OUTS" : "INS");
	return false;
}
