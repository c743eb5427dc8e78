/* SPDX-License-Identifier: GPL-2.0 */
/*
 * PCI devices of a cell and config-space access. Physical devices the cell
 * owns are passed through; virtual devices (ivshmem) provide config-space
 * hooks; everything else reads as absent (all ones) and ignores writes.
 */
#ifndef _JAILHOUSE_PCI_H
#define _JAILHOUSE_PCI_H

#include <jailhouse/utils.h>
#include <jailhouse/cell-config.h>

struct cell;
struct pci_device;

#define PCI_BDF(bus, dev, fn)	(((bus) << 8) | ((dev) << 3) | (fn))
#define PCI_BUS(bdf)		(((bdf) >> 8) & 0xff)
#define PCI_DEV(bdf)		(((bdf) >> 3) & 0x1f)
#define PCI_FN(bdf)		((bdf) & 0x7)

#define PCI_CFG_SPACE_SIZE	0x1000

/* Config-space emulation of a virtual device (set by its unit). */
struct pci_device_ops {
	u32 (*cfg_read)(struct pci_device *dev, unsigned int reg,
			unsigned int size);
	/* returns false if the write is refused (fault) */
	bool (*cfg_write)(struct pci_device *dev, unsigned int reg,
			  unsigned int size, u32 value);
	/* back to power-on state (the cell stopped or restarts) */
	void (*reset)(struct pci_device *dev);
};

struct pci_device {
	const struct jailhouse_pci_device *info;
	struct cell *cell;
	const struct pci_device_ops *ops;	/* virtual devices only */
	void *priv;				/* owned by ops' unit */
	void *cfg_space;			/* physical: hv mapping */
};

struct pci_device *pci_get_device(struct cell *cell, u16 domain, u16 bdf);

/* Config access by a cell; value all ones for absent devices. */
u32 pci_cfg_read(struct cell *cell, u16 bdf, unsigned int reg,
		 unsigned int size);
bool pci_cfg_write(struct cell *cell, u16 bdf, unsigned int reg,
		   unsigned int size, u32 value);

/*
 * Reset the cell's virtual devices: call when a non-root cell is shut
 * down, has failed, or is (re)started. An ivshmem device then drops its
 * state to 0 and its peers get the state-change interrupt.
 */
void pci_cell_reset(struct cell *cell);

#endif /* !_JAILHOUSE_PCI_H */
