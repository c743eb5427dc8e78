// SPDX-License-Identifier: GPL-2.0
/*
 * IOAPIC access of cells. The IOAPIC page is never mapped into a cell; its
 * index/data register pair is emulated: the index latch exists per cell,
 * and redirection entries of pins outside the cell's irqchip pin bitmap
 * read as masked and ignore writes. Each emulated access touches the real
 * IOAPIC under one lock, so cells cannot disturb each other's sequences.
 */
#include <jailhouse/cell.h>
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

static void register_access(struct ioapic_cell_chip *chip, bool is_write,
			    unsigned long *value)
{
	unsigned int reg = chip->index, pin;

	if (reg >= IOAPIC_REDIR_TABLE) {
		pin = (reg - IOAPIC_REDIR_TABLE) / 2;
		if (pin >= chip->ioapic->pins || !pin_owned(chip->config, pin)) {
			/* someone else's pin: masked, and stays as it is */
			if (!is_write)
				*value = (reg & 1) ? 0 : IOAPIC_RTE_MASKED;
			return;
		}
	} else if (reg > IOAPIC_ARBITRATION ||
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

static void ioapic_cell_exit(struct cell *cell)
{
	unsigned int n;

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
	return 0;
}

DEFINE_UNIT(ioapic);
