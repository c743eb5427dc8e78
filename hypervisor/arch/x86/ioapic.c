// SPDX-License-Identifier: GPL-2.0
/*
 * IOAPIC access of cells. The IOAPIC page is never mapped into a cell; its
 * index/data register pair is emulated: the index latch exists per cell,
 * and redirection entries of pins outside the cell's irqchip pin bitmap
 * read as masked and ignore writes. Each emulated access touches the real
 * IOAPIC under one lock, so cells cannot disturb each other's sequences.
 *
 * A pin listed by a non-root cell belongs to that cell while it exists:
 * the root cell loses it (it is masked on the way in and out), and the
 * cell may only route it as a fixed interrupt to one of its own CPUs.
 */
#include <jailhouse/cell.h>
#include <jailhouse/control.h>
#include <jailhouse/errno.h>
#include <jailhouse/mmio.h>
#include <jailhouse/paging.h>
#include <jailhouse/printk.h>
#include <jailhouse/string.h>
#include <jailhouse/unit.h>
#include <asm/spinlock.h>

#define IOAPIC_REG_SELECT	0x00
#define IOAPIC_REG_WINDOW	0x10
#define IOAPIC_REG_EOI		0x40

#define IOAPIC_ID		0x00
#define IOAPIC_VERSION		0x01
#define IOAPIC_ARBITRATION	0x02
#define IOAPIC_REDIR_TABLE	0x10
#define IOAPIC_RTE_MASKED	0x00010000
#define IOAPIC_RTE_DLVR_MASK	0x00000700
#define IOAPIC_RTE_DLVR_LOWPRI	0x00000100
#define IOAPIC_RTE_DEST_LOGICAL	0x00000800

#define IOAPIC_PINS_PER_CHIP	128

struct ioapic {
	u64 phys;
	volatile void *mmio;
	unsigned int pins;
};

static struct ioapic ioapics[IOAPIC_MAX_CHIPS];
static unsigned int num_ioapics;
static DEFINE_SPINLOCK(ioapic_lock);

static u32 ioapic_read(struct ioapic *ioapic, unsigned int reg)
{
	u32 value;

	spin_lock(&ioapic_lock);
	mmio_write32((u8 *)ioapic->mmio + IOAPIC_REG_SELECT, reg);
	value = mmio_read32((u8 *)ioapic->mmio + IOAPIC_REG_WINDOW);
	spin_unlock(&ioapic_lock);
	return value;
}

static void ioapic_write(struct ioapic *ioapic, unsigned int reg, u32 value)
{
	spin_lock(&ioapic_lock);
	mmio_write32((u8 *)ioapic->mmio + IOAPIC_REG_SELECT, reg);
	mmio_write32((u8 *)ioapic->mmio + IOAPIC_REG_WINDOW, value);
	spin_unlock(&ioapic_lock);
}

static struct ioapic *ioapic_by_address(u64 phys)
{
	unsigned int n;

	for (n = 0; n < num_ioapics; n++)
		if (ioapics[n].phys == phys)
			return &ioapics[n];
	return NULL;
}

static bool pin_owned(const struct jailhouse_irqchip *config,
		      unsigned int pin)
{
	unsigned int bit = pin - config->pin_base;

	return pin >= config->pin_base && bit < IOAPIC_PINS_PER_CHIP &&
		(config->pin_bitmap[bit / 32] & (1U << (bit % 32)));
}

/* A non-root cell listing @pin of @ioapic, NULL if none does. */
static struct cell *pin_claimed(const struct ioapic *ioapic, unsigned int pin)
{
	const struct ioapic_cell_chip *chip;
	struct cell *cell;
	unsigned int n;

	for (cell = root_cell.next; cell; cell = cell->next)
		for (n = 0; n < IOAPIC_MAX_CHIPS; n++) {
			chip = &cell->arch.ioapic[n];
			if (chip->ioapic == ioapic &&
			    pin_owned(chip->config, pin))
				return cell;
		}
	return NULL;
}

static bool chip_owns_pin(const struct ioapic_cell_chip *chip,
			  unsigned int pin)
{
	if (pin >= chip->ioapic->pins || !pin_owned(chip->config, pin))
		return false;
	return chip->cell != &root_cell || !pin_claimed(chip->ioapic, pin);
}

static bool cell_has_apic_id(const struct cell *cell, u32 apic_id)
{
	unsigned int cpu;

	for (cpu = first_cpu(cell->cpu_set); cpu < MAX_CPUS;
	     cpu = next_cpu(cpu, cell->cpu_set))
		if (per_cpu(cpu)->arch.apic_id == apic_id)
			return true;
	return false;
}

/*
 * A non-root cell routes its pins as fixed (or lowest-priority, which
 * the IOAPIC treats alike) interrupts to one of its CPUs by physical APIC
 * ID; anything else would reach CPUs of other cells.
 */
static bool route_allowed(const struct ioapic_cell_chip *chip, u32 low,
			  u32 high)
{
	u32 mode = low & IOAPIC_RTE_DLVR_MASK;

	if (chip->cell == &root_cell || low & IOAPIC_RTE_MASKED)
		return true;
	return (mode == 0 || mode == IOAPIC_RTE_DLVR_LOWPRI) &&
		!(low & IOAPIC_RTE_DEST_LOGICAL) &&
		cell_has_apic_id(chip->cell, high >> 24);
}

static void write_redirection(struct ioapic_cell_chip *chip,
			      unsigned int reg, u32 value)
{
	unsigned int low_reg = reg & ~1U;
	u32 low = (reg & 1) ? ioapic_read(chip->ioapic, low_reg) : value;
	u32 high = (reg & 1) ? value : ioapic_read(chip->ioapic, low_reg + 1);

	if (!route_allowed(chip, low, high)) {
		printk("WARNING: cell \"%s\": IOAPIC pin %u routed outside the cell, kept masked\n",
		       chip->cell->config->name,
		       (reg - IOAPIC_REDIR_TABLE) / 2);
		ioapic_write(chip->ioapic, low_reg, low | IOAPIC_RTE_MASKED);
		if (reg & 1)
			ioapic_write(chip->ioapic, reg, value);
		return;
	}
	ioapic_write(chip->ioapic, reg, value);
}

static void register_access(struct ioapic_cell_chip *chip, bool is_write,
			    unsigned long *value)
{
	unsigned int reg = chip->index, pin;

	if (reg >= IOAPIC_REDIR_TABLE) {
		pin = (reg - IOAPIC_REDIR_TABLE) / 2;
		if (!chip_owns_pin(chip, pin)) {
			/* someone else's pin: masked, and stays as it is */
			if (!is_write)
				*value = (reg & 1) ? 0 : IOAPIC_RTE_MASKED;
			return;
		}
		if (is_write)
			write_redirection(chip, reg, *value);
		else
			*value = ioapic_read(chip->ioapic, reg);
		return;
	}
	if (reg > IOAPIC_ARBITRATION ||
	    (is_write && chip->cell != &root_cell)) {
		if (!is_write)
			*value = 0;
		return;
	}
	if (is_write)
		ioapic_write(chip->ioapic, reg, *value);
	else
		*value = ioapic_read(chip->ioapic, reg);
}

static enum mmio_result ioapic_access(void *arg, struct mmio_access *access)
{
	struct ioapic_cell_chip *chip = arg;

	switch (access->address) {
	case IOAPIC_REG_SELECT:
		if (access->size != 4 && access->size != 1)
			return MMIO_ERROR;
		if (access->is_write)
			chip->index = access->value & 0xff;
		else
			access->value = chip->index;
		return MMIO_HANDLED;
	case IOAPIC_REG_WINDOW:
		if (access->size != 4)
			return MMIO_ERROR;
		register_access(chip, access->is_write, &access->value);
		return MMIO_HANDLED;
	case IOAPIC_REG_EOI:
		if (access->size != 4)
			return MMIO_ERROR;
		if (access->is_write)
			mmio_write32((u8 *)chip->ioapic->mmio + IOAPIC_REG_EOI,
				     access->value);
		else
			access->value = 0;
		return MMIO_HANDLED;
	default:
		return MMIO_ERROR;
	}
}

static int ioapic_init(void)
{
	const struct jailhouse_cell_desc *root = &system_config->root_cell;
	const struct jailhouse_irqchip *chip = jailhouse_cell_irqchips(root);
	struct ioapic *ioapic;
	unsigned int n;

	for (n = 0; n < root->num_irqchips; n++) {
		if (ioapic_by_address(chip[n].address))
			continue;
		if (num_ioapics == IOAPIC_MAX_CHIPS) {
			printk("ERROR: more than %u IOAPICs\n",
			       IOAPIC_MAX_CHIPS);
			return -E2BIG;
		}
		ioapic = &ioapics[num_ioapics];
		ioapic->phys = chip[n].address;
		ioapic->mmio = paging_map_device(chip[n].address, PAGE_SIZE);
		if (!ioapic->mmio)
			return -ENOMEM;
		num_ioapics++;
		ioapic->pins = ((ioapic_read(ioapic, IOAPIC_VERSION) >> 16) &
				0xff) + 1;
		printk("IOAPIC at 0x%llx with %u pins\n", ioapic->phys,
		       ioapic->pins);
	}
	return 0;
}

static void ioapic_shutdown(void)
{
	while (num_ioapics > 0) {
		num_ioapics--;
		paging_unmap_remap((void *)ioapics[num_ioapics].mmio,
				   PAGE_SIZE);
	}
}

static unsigned int ioapic_mmio_count_regions(struct cell *cell)
{
	return cell->config->num_irqchips;
}

/* Pins change hands masked: the new owner programs them afresh. */
static void mask_cell_pins(struct cell *cell)
{
	struct ioapic_cell_chip *chip;
	unsigned int n, pin;

	if (cell == &root_cell)
		return;
	for (n = 0; n < IOAPIC_MAX_CHIPS; n++) {
		chip = &cell->arch.ioapic[n];
		for (pin = 0; chip->ioapic && pin < chip->ioapic->pins; pin++)
			if (pin_owned(chip->config, pin))
				ioapic_write(chip->ioapic,
					     IOAPIC_REDIR_TABLE + pin * 2,
					     IOAPIC_RTE_MASKED);
	}
}

static void ioapic_cell_exit(struct cell *cell)
{
	unsigned int n;

	mask_cell_pins(cell);
	for (n = 0; n < IOAPIC_MAX_CHIPS; n++)
		if (cell->arch.ioapic[n].ioapic)
			mmio_region_unregister(&cell->mmio,
					       cell->arch.ioapic[n].config->address);
	memset(cell->arch.ioapic, 0, sizeof(cell->arch.ioapic));
}

static int ioapic_cell_init(struct cell *cell)
{
	const struct jailhouse_irqchip *chip =
		jailhouse_cell_irqchips(cell->config);
	struct ioapic_cell_chip *cell_chip;
	unsigned int n;
	int err;

	if (cell->config->num_irqchips > IOAPIC_MAX_CHIPS)
		return -E2BIG;
	for (n = 0; n < cell->config->num_irqchips; n++) {
		cell_chip = &cell->arch.ioapic[n];
		cell_chip->ioapic = ioapic_by_address(chip[n].address);
		if (!cell_chip->ioapic) {
			printk("ERROR: cell \"%s\": irqchip %u at 0x%llx is no IOAPIC of the root cell\n",
			       cell->config->name, n, chip[n].address);
			ioapic_cell_exit(cell);
			return -EINVAL;
		}
		cell_chip->config = &chip[n];
		cell_chip->cell = cell;
		err = mmio_region_register(&cell->mmio, chip[n].address,
					   PAGE_SIZE, ioapic_access,
					   cell_chip);
		if (err) {
			cell_chip->ioapic = NULL;
			ioapic_cell_exit(cell);
			return err;
		}
	}
	mask_cell_pins(cell);
	return 0;
}

DEFINE_UNIT(ioapic);
