/* SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause) */
/*
 * PCI capability IDs as numbered by the PCI Local Bus and PCIe base
 * specifications. Cell configs name capabilities with these.
 */
#ifndef _JAILHOUSE_PCI_DEFS_H
#define _JAILHOUSE_PCI_DEFS_H

#ifndef PCI_CAP_ID_PM
#define PCI_CAP_ID_PM		0x01	/* power management */
#define PCI_CAP_ID_AGP		0x02
#define PCI_CAP_ID_VPD		0x03	/* vital product data */
#define PCI_CAP_ID_SLOTID	0x04
#define PCI_CAP_ID_MSI		0x05
#define PCI_CAP_ID_CHSWP	0x06
#define PCI_CAP_ID_PCIX		0x07
#define PCI_CAP_ID_HT		0x08	/* HyperTransport */
#define PCI_CAP_ID_VNDR		0x09	/* vendor specific */
#define PCI_CAP_ID_DBG		0x0a
#define PCI_CAP_ID_CCRC		0x0b
#define PCI_CAP_ID_SHPC		0x0c
#define PCI_CAP_ID_SSVID	0x0d	/* bridge subsystem vendor/device */
#define PCI_CAP_ID_AGP3		0x0e
#define PCI_CAP_ID_SECDEV	0x0f
#define PCI_CAP_ID_EXP		0x10	/* PCI Express */
#define PCI_CAP_ID_MSIX		0x11
#define PCI_CAP_ID_SATA		0x12
#define PCI_CAP_ID_AF		0x13	/* advanced features */
#define PCI_CAP_ID_EA		0x14	/* enhanced allocation */
#endif

#ifndef PCI_EXT_CAP_ID_ERR
#define PCI_EXT_CAP_ID_ERR	0x01	/* advanced error reporting */
#define PCI_EXT_CAP_ID_VC	0x02
#define PCI_EXT_CAP_ID_DSN	0x03	/* device serial number */
#define PCI_EXT_CAP_ID_PWR	0x04
#define PCI_EXT_CAP_ID_VNDR	0x0b
#define PCI_EXT_CAP_ID_ACS	0x0d
#define PCI_EXT_CAP_ID_ARI	0x0e
#define PCI_EXT_CAP_ID_ATS	0x0f
#define PCI_EXT_CAP_ID_SRIOV	0x10
#define PCI_EXT_CAP_ID_LTR	0x18
#define PCI_EXT_CAP_ID_SECPCI	0x19
#define PCI_EXT_CAP_ID_L1SS	0x1e
#endif

#endif /* !_JAILHOUSE_PCI_DEFS_H */
