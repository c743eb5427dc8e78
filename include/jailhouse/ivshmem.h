/* SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause) */
/*
 * ivshmem v2 device interface: PCI identity, register block (BAR0) and the
 * vendor capability that describes the shared memory. Shared by the
 * hypervisor's device model, the inmate library and the Linux UIO driver.
 */
#ifndef _JAILHOUSE_IVSHMEM_H
#define _JAILHOUSE_IVSHMEM_H

#define IVSHMEM_VENDOR_ID		0x110a
#define IVSHMEM_DEVICE_ID		0x4106
#define IVSHMEM_REVISION		0
#define IVSHMEM_CLASS_BASE		0xff	/* sub-class/prog-if = protocol */

#define IVSHMEM_MAX_PEERS		12
#define IVSHMEM_MAX_MSIX_VECTORS	16
#define IVSHMEM_MSIX_REGION_SIZE	0x200	/* table + PBA for 16 vectors */

/* Config space: vendor cap at 0x40, MSI-X cap at 0x60 */
#define IVSHMEM_CFG_VNDR_CAP		0x40
#define IVSHMEM_CFG_MSIX_CAP		0x60
#define IVSHMEM_CFG_SIZE		0x80

/* Vendor capability fields, relative to the capability */
#define IVSHMEM_VNDR_LENGTH		0x02
#define IVSHMEM_VNDR_PRIV_CTRL		0x03
#define IVSHMEM_VNDR_STATE_TAB_SZ	0x04
#define IVSHMEM_VNDR_RW_SECTION_SZ	0x08
#define IVSHMEM_VNDR_OUTPUT_SECTION_SZ	0x10
#define IVSHMEM_VNDR_ADDRESS		0x18
#define IVSHMEM_VNDR_LEN_WITH_ADDR	0x20
#define IVSHMEM_VNDR_LEN_NO_ADDR	0x18
#define IVSHMEM_PRIV_CTRL_ONESHOT_INT	0x01

/* BAR0 register block (aligned 32-bit accesses) */
#define IVSHMEM_REG_ID			0x00	/* RO: own peer ID */
#define IVSHMEM_REG_MAX_PEERS		0x04	/* RO */
#define IVSHMEM_REG_INT_CTRL		0x08	/* RW: bit 0 enables */
#define IVSHMEM_REG_DOORBELL		0x0c	/* WO: vector | peer << 16 */
#define IVSHMEM_REG_STATE		0x10	/* RW */
#define IVSHMEM_REG_SIZE		0x1000

#define IVSHMEM_INT_ENABLE		0x1
#define IVSHMEM_DOORBELL(peer, vector)	(((peer) << 16) | ((vector) & 0xffff))

#endif /* !_JAILHOUSE_IVSHMEM_H */
