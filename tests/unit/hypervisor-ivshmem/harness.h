/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Host harness for the ivshmem device model: cells with one ivshmem
 * device each, built from real config images, the ivshmem unit's hooks,
 * and the guest's view (config space, MMIO through the cell's dispatcher).
 * Included by each test program (one per arch variant).
 */
#ifndef _TEST_IVSHMEM_HARNESS_H
#define _TEST_IVSHMEM_HARNESS_H

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <jailhouse/cell.h>
#include <jailhouse/errno.h>
#include <jailhouse/ivshmem.h>
#include <jailhouse/mmio.h>
#include <jailhouse/paging.h>
#include <jailhouse/pci.h>
#include <jailhouse/unit.h>

#include "../testlib.h"

#define LINK_PHYS	0x3af00000ULL	/* state table of the test link */
#define LINK_BDF	(0x0f << 3)	/* 00:0f.0 */
#define SHMEM_REGIONS	5		/* table, R/W, 3 outputs */
#define POOL_PAGES	64

struct test_cell {
	struct cell cell;
	struct pci_device dev;
	u8 image[1024];
};

struct cell_params {
	const char *name;
	unsigned int peer;
	unsigned int peers;
	unsigned int msix_vectors;
	u16 bdf;
	u16 protocol;
	u64 shmem_virt;		/* where the cell sees the state table */
	unsigned long cpus;
	u32 vpci_irq_base;
};

static char console[8192];
static struct jailhouse_system sys;
const struct jailhouse_system *system_config = &sys;
static u8 state_page[PAGE_SIZE] __attribute__((aligned(PAGE_SIZE)));
static unsigned int state_page_maps;
static unsigned long pool_bitmap[BITS_TO_LONGS(POOL_PAGES)];
static u8 pool_mem[POOL_PAGES * PAGE_SIZE] __attribute__((aligned(PAGE_SIZE)));

/* --- what ivshmem.c needs from the rest of the hypervisor ----------------- */

void printk(const char *fmt, ...)
{
	size_t len = strlen(console);
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(console + len, sizeof(console) - len, fmt, ap);
	va_end(ap);
}

void *paging_map_remap(u64 phys, unsigned long size, unsigned long flags)
{
	if (phys != LINK_PHYS || size != PAGE_SIZE ||
	    flags != PAGE_DEFAULT_FLAGS)
		return NULL;
	state_page_maps++;
	return state_page;
}

/* no physical config space or sub-page regions in these tests */
void *paging_map_device(u64 phys, unsigned long size)
{
	return NULL;
}

void paging_unmap_remap(void *virt, unsigned long size)
{
	if (virt == state_page)
		state_page_maps--;
}

/* --- cells ------------------------------------------------------------------ */

static const struct unit *ivshmem_unit(void)
{
	const struct unit *unit;

	for (unit = __units_start; unit < __units_end; unit++)
		if (!strcmp(unit->name, "ivshmem"))
			return unit;
	return NULL;
}

static void th_init(void)
{
	page_pool_init(&mem_pool, "mem", (unsigned long)pool_mem, POOL_PAGES,
		       pool_bitmap, true);
	ivshmem_unit()->init();
}

/* Config image: CPU set, the link's 5 regions, one ivshmem device. */
static void build_config(struct test_cell *tc, const struct cell_params *p)
{
	struct jailhouse_cell_desc *desc = (void *)tc->image;
	struct jailhouse_pci_device *pci;
	struct jailhouse_memory *mem;
	static const u64 sizes[SHMEM_REGIONS] = {
		0x1000, 0x9000, 0x2000, 0x2000, 0x2000,
	};
	u64 offset = 0;
	unsigned int n;

	memset(tc->image, 0, sizeof(tc->image));
	memcpy(desc->signature, JAILHOUSE_CELL_DESC_SIGNATURE, 5);
	strncpy(desc->name, p->name, sizeof(desc->name) - 1);
	desc->cpu_set_size = sizeof(unsigned long);
	desc->num_memory_regions = SHMEM_REGIONS;
	desc->num_pci_devices = 1;
	desc->vpci_irq_base = p->vpci_irq_base;
	memcpy(tc->image + sizeof(*desc), &p->cpus, sizeof(p->cpus));

	mem = (struct jailhouse_memory *)jailhouse_cell_mem_regions(desc);
	for (n = 0; n < SHMEM_REGIONS; n++) {
		mem[n].phys_start = LINK_PHYS + offset;
		mem[n].virt_start = p->shmem_virt + offset;
		mem[n].size = sizes[n];
		mem[n].flags = JAILHOUSE_MEM_READ;
		offset += sizes[n];
	}
	pci = (struct jailhouse_pci_device *)jailhouse_cell_pci_devices(desc);
	pci->type = JAILHOUSE_PCI_TYPE_IVSHMEM;
	pci->bdf = p->bdf;
	pci->bar_mask[0] = 0xfffff000;
	pci->bar_mask[1] = p->msix_vectors ? 0xfffff000 : 0;
	pci->num_msix_vectors = p->msix_vectors;
	pci->shmem_regions_start = 0;
	pci->shmem_dev_id = p->peer;
	pci->shmem_peers = p->peers;
	pci->shmem_protocol = p->protocol;
}

/* Returns the unit's cell_init result. */
static int th_create(struct test_cell *tc, const struct cell_params *p)
{
	const struct unit *unit = ivshmem_unit();
	struct cell *cell = &tc->cell;
	int err;

	memset(cell, 0, sizeof(*cell));
	memset(&tc->dev, 0, sizeof(tc->dev));
	build_config(tc, p);
	cell->config = (void *)tc->image;
	cell->cpu_set[0] = p->cpus;
	tc->dev.info = jailhouse_cell_pci_devices(cell->config);
	tc->dev.cell = cell;
	cell->pci_devices = &tc->dev;
	cell->num_pci_devices = 1;
	err = mmio_dispatcher_init(&cell->mmio,
				   unit->mmio_count_regions(cell));
	if (err)
		return err;
	err = unit->cell_init(cell);
	if (err)
		mmio_dispatcher_free(&cell->mmio);
	return err;
}

static void th_destroy(struct test_cell *tc)
{
	ivshmem_unit()->cell_exit(&tc->cell);
	mmio_dispatcher_free(&tc->cell.mmio);
}

static __attribute__((unused)) u32 cfg_read(struct test_cell *tc,
					    unsigned int reg, unsigned int size)
{
	return pci_cfg_read(&tc->cell, tc->dev.info->bdf, reg, size);
}

static void cfg_write(struct test_cell *tc, unsigned int reg,
		      unsigned int size, u32 value)
{
	pci_cfg_write(&tc->cell, tc->dev.info->bdf, reg, size, value);
}

/* A guest access; returns the value read, or ~0 if nothing handled it. */
static u64 guest_mmio(struct test_cell *tc, u64 addr, unsigned int size,
		      bool is_write, u64 value)
{
	struct mmio_access a = {
		.address = addr, .size = size, .is_write = is_write,
		.value = (unsigned long)value,
	};

	if (mmio_dispatch(&tc->cell.mmio, &a) != MMIO_HANDLED)
		return ~0ULL;
	return a.value;
}

static __attribute__((unused)) u32 reg_read(struct test_cell *tc, u64 bar0, unsigned int reg)
{
	return guest_mmio(tc, bar0 + reg, 4, false, 0);
}

static void reg_write(struct test_cell *tc, u64 bar0, unsigned int reg,
		      u32 value)
{
	guest_mmio(tc, bar0 + reg, 4, true, value);
}

/* Program BAR0 (and BAR1) and switch on decoding and bus mastering. */
static void th_map_bars(struct test_cell *tc, u64 bar0, u64 bar1)
{
	cfg_write(tc, 0x10, 4, bar0);
	cfg_write(tc, 0x14, 4, bar1);
	cfg_write(tc, 0x04, 2, 0x0006);
}

#endif /* !_TEST_IVSHMEM_HARNESS_H */
