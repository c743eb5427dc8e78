/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ivshmem v2 virtual PCI device: the hypervisor's device model.
 *
 * Every JAILHOUSE_PCI_TYPE_IVSHMEM entry of a cell config becomes an
 * endpoint. Endpoints of different cells with the same domain, BDF and
 * shared memory (state table address) form a link; each endpoint is the
 * peer shmem_dev_id of its link. The core (ivshmem.c) emulates config
 * space, the register BAR, the MSI-X table and the state table; the arch
 * only turns "raise vector n of this endpoint" into an interrupt of the
 * endpoint's cell.
 */
#ifndef _JAILHOUSE_HV_IVSHMEM_H
#define _JAILHOUSE_HV_IVSHMEM_H

/* the shared ABI header of the same name (include/jailhouse/ivshmem.h) */
#include_next <jailhouse/ivshmem.h>

#include <jailhouse/utils.h>
#include <asm/spinlock.h>

struct cell;
struct pci_device;
struct ivshmem_link;

/* MSI-X: table of IVSHMEM_MAX_MSIX_VECTORS entries, then the PBA */
#define IVSHMEM_MSIX_ENTRY_SIZE		16
#define IVSHMEM_MSIX_PBA_OFFSET		0x100
#define IVSHMEM_MSIX_CTRL_MASKED	0x1

/* BARs the device decodes (BAR0 registers, BAR1 MSI-X) */
#define IVSHMEM_NUM_BARS		2

struct ivshmem_msix_entry {
	u32 address_lo;
	u32 address_hi;
	u32 data;
	u32 ctrl;
};

struct ivshmem_endpoint {
	struct pci_device *device;
	struct ivshmem_link *link;
	unsigned int id;

	/* emulated config space (header, vendor cap, MSI-X cap) */
	u32 cspace[IVSHMEM_CFG_SIZE / 4];
	/* guest-physical address each BAR is registered at (0: none) */
	u64 bar_at[IVSHMEM_NUM_BARS];
	u64 bar_size[IVSHMEM_NUM_BARS];

	u32 state;
	u32 int_ctrl;
	struct ivshmem_msix_entry msix[IVSHMEM_MAX_MSIX_VECTORS];

	/* vectors whose message the arch refused and reported */
	u32 refused_reported;
	/* interrupts raised / doorbells dropped (debugging, tests) */
	unsigned long irqs_sent;
	unsigned long irqs_dropped;
};

struct ivshmem_link {
	u16 domain;
	u16 bdf;
	u64 shmem_phys;			/* physical address of the state table */
	unsigned int max_peers;
	volatile u32 *state_table;	/* hypervisor mapping (cached) */
	/* protects peer[], the peers' registers and config space */
	spinlock_t lock;
	struct ivshmem_endpoint *peer[IVSHMEM_MAX_PEERS];
	struct ivshmem_link *next;
};

/* --- core -> arch ------------------------------------------------------- */

/*
 * Raise interrupt @vector of @ive in its cell. The core has checked that
 * the device may interrupt (interrupts enabled, vector unmasked) and holds
 * the link lock; the arch validates the target (x86: the MSI message must
 * address CPUs of the endpoint's cell only). Returns false if the
 * interrupt was not delivered.
 */
bool arch_ivshmem_trigger_interrupt(struct ivshmem_endpoint *ive,
				    unsigned int vector);

/* --- arch / tests -> core ----------------------------------------------- */

/* Is MSI-X enabled and vector @vector not masked? */
bool ivshmem_msix_vector_enabled(const struct ivshmem_endpoint *ive,
				 unsigned int vector);

/* Interrupt pin of the device (1 = INTA; 0 with MSI-X). */
unsigned int ivshmem_intx_pin(const struct ivshmem_endpoint *ive);

/* The endpoint behind a virtual PCI device, NULL for other devices. */
struct ivshmem_endpoint *ivshmem_endpoint(const struct pci_device *dev);

#endif /* !_JAILHOUSE_HV_IVSHMEM_H */
