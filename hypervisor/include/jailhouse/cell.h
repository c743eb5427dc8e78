/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A cell: a set of CPUs, guest-physical memory, devices and interrupts
 * described by a cell config. The root cell is built from the system
 * config at enable; further cells arrive through CELL_CREATE.
 */
#ifndef _JAILHOUSE_CELL_H
#define _JAILHOUSE_CELL_H

#include <jailhouse/utils.h>
#include <jailhouse/mmio.h>
#include <jailhouse/percpu.h>
#include <jailhouse/cell-config.h>
#include <asm/cell.h>

struct pci_device;

struct cell {
	struct cell_arch arch;

	unsigned int id;
	/* copy of the config in hypervisor memory (trusted after checking) */
	const struct jailhouse_cell_desc *config;
	unsigned long config_pages;	/* 0: part of the system config */

	unsigned long cpu_set[BITS_TO_LONGS(MAX_CPUS)];
	/* LOADABLE regions are mapped into the root cell (shut down) */
	bool loadable;

	struct mmio_dispatcher mmio;
	struct mmio_subpage *subpages;
	unsigned int num_subpages;

	struct pci_device *pci_devices;
	unsigned int num_pci_devices;

	/*
	 * One page, mapped into the cell at its COMM_REGION memory region.
	 * Every non-root cell has one, allocated before arch_cell_create()
	 * (which may fill the arch tail); the root cell only if its config
	 * has a COMM_REGION region.
	 */
	union {
		struct jailhouse_comm_region comm_region;
		u8 padding[PAGE_SIZE];
	} *comm_page;

	struct cell *next;
};

extern struct cell root_cell;
extern unsigned int num_cells;
extern const struct jailhouse_system *system_config;

/*
 * CPUs of a set in ascending order:
 *	for (cpu = first_cpu(set); cpu < MAX_CPUS; cpu = next_cpu(cpu, set))
 */
unsigned int next_cpu(int cpu, const unsigned long *set);

static inline unsigned int first_cpu(const unsigned long *set)
{
	return next_cpu(-1, set);
}

static inline bool cell_owns_cpu(const struct cell *cell, unsigned int cpu)
{
	return cpu < MAX_CPUS && test_bit(cpu, cell->cpu_set);
}

static inline const struct jailhouse_memory *
cell_mem_regions(const struct cell *cell)
{
	return jailhouse_cell_mem_regions(cell->config);
}

/* Mapping flags and options for a config memory region. */
static inline unsigned long
mem_region_page_flags(const struct jailhouse_memory *mem)
{
	unsigned long flags = 0;

	if (mem->flags & JAILHOUSE_MEM_READ)
		flags |= PAGE_FLAG_READ;
	if (mem->flags & JAILHOUSE_MEM_WRITE)
		flags |= PAGE_FLAG_WRITE;
	if (mem->flags & JAILHOUSE_MEM_EXECUTE)
		flags |= PAGE_FLAG_EXEC;
	if (mem->flags & JAILHOUSE_MEM_IO)
		flags |= PAGE_FLAG_DEVICE;
	return flags;
}

static inline unsigned long
mem_region_paging_options(const struct jailhouse_memory *mem)
{
	return (mem->flags & JAILHOUSE_MEM_NO_HUGEPAGES) ? PAGING_NO_HUGE :
		PAGING_HUGE;
}

/*
 * Build / tear down the generic part of a cell from its (checked) config:
 * CPU set, MMIO dispatcher sized for all units, sub-page regions, memory
 * mappings via the arch, units' cell_init. On error everything done so far
 * is undone.
 */
int cell_init(struct cell *cell);
void cell_exit(struct cell *cell);

/* Map / unmap one config memory region (RAM, IO or sub-page). */
int cell_map_region(struct cell *cell, const struct jailhouse_memory *mem);
int cell_unmap_region(struct cell *cell, const struct jailhouse_memory *mem);

/* Root cell from the system config (called once during enable). */
int root_cell_init(void);

/* The cell with this ID, or NULL. */
struct cell *cell_find(unsigned long id);

/*
 * CELL_CREATE, CELL_SET_LOADABLE, CELL_START, CELL_DESTROY from a root
 * CPU (lifecycle.c): takes the control lock, returns the hypercall result.
 */
long cell_management(unsigned long code, unsigned long arg);

#endif /* !_JAILHOUSE_CELL_H */
