// SPDX-License-Identifier: GPL-2.0
/*
 * PCI devices of a cell and config-space access through the MMCONFIG/ECAM
 * window of the system config. Without a window (x86 port I/O config
 * access), the arch calls pci_cfg_read()/pci_cfg_write() itself.
 *
 * A cell sees the devices of its config: physical ones are passed through,
 * virtual ones (pci_is_virtual windows, ivshmem) are emulated by their
 * unit's ops. Everything else reads as "no device" (all ones).
 */
#include <jailhouse/cell.h>
#include <jailhouse/errno.h>
#include <jailhouse/mmio.h>
#include <jailhouse/paging.h>
#include <jailhouse/pci.h>
#include <jailhouse/unit.h>

#define ECAM_BUS_SHIFT		20
#define ECAM_DEVFN_SHIFT	12

static u64 mmconfig_base(void)
{
	return system_config->platform_info.pci_mmconfig_base;
}

static u64 mmconfig_size(void)
{
	return ((u64)system_config->platform_info.pci_mmconfig_end_bus + 1)
		<< ECAM_BUS_SHIFT;
}

static bool physical_config_space(void)
{
	return mmconfig_base() && !system_config->platform_info.pci_is_virtual;
}

struct pci_device *pci_get_device(struct cell *cell, u16 domain, u16 bdf)
{
	unsigned int n;

	for (n = 0; n < cell->num_pci_devices; n++)
		if (cell->pci_devices[n].info->domain == domain &&
		    cell->pci_devices[n].info->bdf == bdf)
			return &cell->pci_devices[n];
	return NULL;
}

static u32 all_ones(unsigned int size)
{
	return size >= 4 ? 0xffffffff : (1U << (size * 8)) - 1;
}

static bool cfg_access_ok(unsigned int reg, unsigned int size)
{
	return (size == 1 || size == 2 || size == 4) &&
		!(reg & (size - 1)) && reg + size <= PCI_CFG_SPACE_SIZE;
}

static struct pci_device *lookup(struct cell *cell, u16 bdf)
{
	return pci_get_device(cell, system_config->platform_info.pci_domain,
			      bdf);
}

u32 pci_cfg_read(struct cell *cell, u16 bdf, unsigned int reg,
		 unsigned int size)
{
	struct pci_device *dev = lookup(cell, bdf);
	struct mmio_access access = {
		.address = reg, .size = size, .is_write = false,
	};

	if (!dev || !cfg_access_ok(reg, size))
		return all_ones(size);
	if (dev->ops)
		return dev->ops->cfg_read(dev, reg, size);
	if (!dev->cfg_space)
		return all_ones(size);
	mmio_perform_access(dev->cfg_space, &access);
	return (u32)access.value;
}

bool pci_cfg_write(struct cell *cell, u16 bdf, unsigned int reg,
		   unsigned int size, u32 value)
{
	struct pci_device *dev = lookup(cell, bdf);
	struct mmio_access access = {
		.address = reg, .size = size, .is_write = true, .value = value,
	};

	if (!cfg_access_ok(reg, size))
		return false;
	if (!dev)
		return true;	/* writes to absent devices are dropped */
	if (dev->ops)
		return dev->ops->cfg_write(dev, reg, size, value);
	if (dev->cfg_space)
		mmio_perform_access(dev->cfg_space, &access);
	return true;
}

void pci_cell_reset(struct cell *cell)
{
	unsigned int n;

	for (n = 0; n < cell->num_pci_devices; n++)
		if (cell->pci_devices[n].ops)
			cell->pci_devices[n].ops->reset(&cell->pci_devices[n]);
}

static enum mmio_result ecam_handler(void *arg, struct mmio_access *access)
{
	struct cell *cell = arg;
	u16 bdf = access->address >> ECAM_DEVFN_SHIFT;
	unsigned int reg = access->address & (PCI_CFG_SPACE_SIZE - 1);

	if (access->is_write)
		return pci_cfg_write(cell, bdf, reg, access->size,
				     (u32)access->value) ?
			MMIO_HANDLED : MMIO_ERROR;
	access->value = pci_cfg_read(cell, bdf, reg, access->size);
	return MMIO_HANDLED;
}

static void unmap_config_spaces(struct cell *cell)
{
	unsigned int n;

	for (n = 0; n < cell->num_pci_devices; n++)
		if (cell->pci_devices[n].cfg_space)
			paging_unmap_remap(cell->pci_devices[n].cfg_space,
					   PCI_CFG_SPACE_SIZE);
}

static int map_config_space(struct pci_device *dev)
{
	u64 phys = mmconfig_base() +
		((u64)dev->info->bdf << ECAM_DEVFN_SHIFT);

	if (!physical_config_space() ||
	    dev->info->type == JAILHOUSE_PCI_TYPE_IVSHMEM)
		return 0;
	dev->cfg_space = paging_map_device(phys, PCI_CFG_SPACE_SIZE);
	return dev->cfg_space ? 0 : -ENOMEM;
}

static void pci_free_devices(struct cell *cell)
{
	if (!cell->pci_devices)
		return;
	unmap_config_spaces(cell);
	page_free(&mem_pool, cell->pci_devices,
		  PAGES(cell->num_pci_devices * sizeof(struct pci_device)));
	cell->pci_devices = NULL;
	cell->num_pci_devices = 0;
}

static int pci_cell_init(struct cell *cell)
{
	const struct jailhouse_pci_device *info =
		jailhouse_cell_pci_devices(cell->config);
	unsigned int n, count = cell->config->num_pci_devices;
	int err;

	if (count) {
		cell->pci_devices =
			page_alloc(&mem_pool,
				   PAGES(count * sizeof(struct pci_device)));
		if (!cell->pci_devices)
			return -ENOMEM;
		cell->num_pci_devices = count;
	}
	for (n = 0; n < count; n++) {
		cell->pci_devices[n].info = &info[n];
		cell->pci_devices[n].cell = cell;
		err = map_config_space(&cell->pci_devices[n]);
		if (err)
			goto error;
	}
	if (mmconfig_base()) {
		err = mmio_region_register(&cell->mmio, mmconfig_base(),
					   mmconfig_size(), ecam_handler, cell);
		if (err)
			goto error;
	}
	return 0;

error:
	pci_free_devices(cell);
	return err;
}

static void pci_cell_exit(struct cell *cell)
{
	if (mmconfig_base())
		mmio_region_unregister(&cell->mmio, mmconfig_base());
	pci_free_devices(cell);
}

static unsigned int pci_mmio_count_regions(struct cell *cell)
{
	return mmconfig_base() ? 1 : 0;
}

static int pci_init(void)
{
	return 0;
}

static void pci_shutdown(void)
{
}

DEFINE_UNIT(pci);
