/*
 * Jailhouse-compatible partitioning hypervisor
 *
 * Cell B of the ivshmem-demo on QEMU virt with 4 CPUs (layout:
 * Documentation/design.md): CPU 3, 1 MiB RAM at guest address 0, the PL011
 * UART (shared with the root cell), comm region at 0x80000000, and peer 2
 * of 3 on ivshmem link 0: virtual PCI device 0001:00:00.0 behind the
 * virtual ECAM host at 0x08e00000, INTx pin A = INTID 32 + 158 = 190.
 * Cell A is qemu-virt-ivshmem-demo.c; the root cell is peer 0.
 *
 * Link 0 (64 KiB at 0x7cf00000), identical in every peer's config:
 *   0x7cf00000  4 KiB  state table         read-only for everybody
 *   0x7cf01000 36 KiB  R/W section         read/write for every peer
 *   0x7cf0a000  8 KiB  output of peer 0    writable by peer 0 (root) only
 *   0x7cf0c000  8 KiB  output of peer 1    writable by peer 1 (cell A) only
 *   0x7cf0e000  8 KiB  output of peer 2    writable by peer 2 (cell B) only
 *
 * Second device 0001:00:01.0 (INTx pin B = INTID 191): peer 1 of 2 on
 * link 1, a link of its own with the root cell (peer 0, its device
 * 0001:00:01.0 too), so one cell has two devices (ivshmem-demo device=1
 * drives it):
 *   0x7cf10000  4 KiB  state table         read-only for everybody
 *   0x7cf11000 36 KiB  R/W section         read/write for both peers
 *   0x7cf1a000  8 KiB  output of peer 0    writable by the root only
 *   0x7cf1c000  8 KiB  output of peer 1    writable by cell B only
 *
 * The inmate does not answer comm region messages (PASSIVE_COMMREG).
 *
 * SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause)
 */

#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>

#define LINK0_BASE	0x7cf00000
#define LINK0_PEERS	3
#define THIS_PEER	2
#define LINK1_BASE	0x7cf10000
#define LINK1_PEERS	2
#define LINK1_PEER	1

/* A peer may write the R/W section and its own output section only. */
#define OUTPUT_FLAGS(peer)						\
	(JAILHOUSE_MEM_READ | JAILHOUSE_MEM_ROOTSHARED |		\
	 ((peer) == THIS_PEER ? JAILHOUSE_MEM_WRITE : 0))

struct {
	struct jailhouse_cell_desc cell;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[12];
	struct jailhouse_irqchip irqchips[1];
	struct jailhouse_pci_device pci_devices[2];
} __attribute__((packed)) config = {
	.cell = {
		.signature = JAILHOUSE_CELL_DESC_SIGNATURE,
		.architecture = JAILHOUSE_ARM,
		.revision = JAILHOUSE_CONFIG_REVISION,
		.name = "ivshmem-demo-b",
		.flags = JAILHOUSE_CELL_PASSIVE_COMMREG |
			 JAILHOUSE_CELL_VIRTUAL_CONSOLE_PERMITTED,

		.cpu_set_size = sizeof(config.cpus),
		.num_memory_regions = ARRAY_SIZE(config.mem_regions),
		.num_irqchips = ARRAY_SIZE(config.irqchips),
		.num_pci_devices = ARRAY_SIZE(config.pci_devices),

		.vpci_irq_base = 158,

		.console = {
			.address = 0x09000000,
			.size = 0x1000,
			.type = JAILHOUSE_CON_TYPE_PL011,
			.flags = JAILHOUSE_CON_ACCESS_MMIO |
				 JAILHOUSE_CON_REGDIST_4,
		},
	},

	.cpus = {
		0x8,
	},

	.mem_regions = {
		/* 0: UART (PL011), shared with the root cell's console */
		{
			.phys_start = 0x09000000,
			.virt_start = 0x09000000,
			.size = 0x1000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO | JAILHOUSE_MEM_ROOTSHARED,
		},
		/* 1: RAM: 0x7c900000 (ivshmem-demo cell B slot), guest 0 */
		{
			.phys_start = 0x7c900000,
			.virt_start = 0,
			.size = 0x00100000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_LOADABLE,
		},
		/* 2: communication region */
		{
			.virt_start = 0x80000000,
			.size = 0x00001000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_COMM_REGION,
		},
		/* 3: link 0 state table */
		{
			.phys_start = LINK0_BASE,
			.virt_start = LINK0_BASE,
			.size = 0x1000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_ROOTSHARED,
		},
		/* 4: link 0 R/W section */
		{
			.phys_start = LINK0_BASE + 0x1000,
			.virt_start = LINK0_BASE + 0x1000,
			.size = 0x9000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_ROOTSHARED,
		},
		/* 5: link 0 output section of peer 0 (root) */
		{
			.phys_start = LINK0_BASE + 0xa000,
			.virt_start = LINK0_BASE + 0xa000,
			.size = 0x2000,
			.flags = OUTPUT_FLAGS(0),
		},
		/* 6: link 0 output section of peer 1 (cell A) */
		{
			.phys_start = LINK0_BASE + 0xc000,
			.virt_start = LINK0_BASE + 0xc000,
			.size = 0x2000,
			.flags = OUTPUT_FLAGS(1),
		},
		/* 7: link 0 output section of peer 2 (cell B) */
		{
			.phys_start = LINK0_BASE + 0xe000,
			.virt_start = LINK0_BASE + 0xe000,
			.size = 0x2000,
			.flags = OUTPUT_FLAGS(2),
		},
		/* 8: link 1 (root <-> cell B) state table */
		{
			.phys_start = LINK1_BASE,
			.virt_start = LINK1_BASE,
			.size = 0x1000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_ROOTSHARED,
		},
		/* 9: link 1 R/W section */
		{
			.phys_start = LINK1_BASE + 0x1000,
			.virt_start = LINK1_BASE + 0x1000,
			.size = 0x9000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_ROOTSHARED,
		},
		/* 10: link 1 output section of peer 0 (root) */
		{
			.phys_start = LINK1_BASE + 0xa000,
			.virt_start = LINK1_BASE + 0xa000,
			.size = 0x2000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_ROOTSHARED,
		},
		/* 11: link 1 output section of peer 1 (cell B) */
		{
			.phys_start = LINK1_BASE + 0xc000,
			.virt_start = LINK1_BASE + 0xc000,
			.size = 0x2000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_ROOTSHARED,
		},
	},

	.irqchips = {
		/* GIC: the ivshmem INTx lines, INTID 190 (link 0), 191 (link 1) */
		{
			.address = 0x08000000,
			.pin_base = 160,
			.pin_bitmap = {
				1u << (190 - 160) | 1u << (191 - 160),
			},
		},
	},

	.pci_devices = {
		/* 0001:00:00.0: ivshmem v2, link 0 */
		{
			.type = JAILHOUSE_PCI_TYPE_IVSHMEM,
			.domain = 1,
			.bdf = 0x00,
			.bar_mask = JAILHOUSE_IVSHMEM_BAR_MASK_INTX,
			.shmem_regions_start = 3,
			.shmem_dev_id = THIS_PEER,
			.shmem_peers = LINK0_PEERS,
			.shmem_protocol = JAILHOUSE_SHMEM_PROTO_UNDEFINED,
		},
		/* 0001:00:01.0: ivshmem v2, link 1 (INTx pin B: INTID 191) */
		{
			.type = JAILHOUSE_PCI_TYPE_IVSHMEM,
			.domain = 1,
			.bdf = 0x08,
			.bar_mask = JAILHOUSE_IVSHMEM_BAR_MASK_INTX,
			.shmem_regions_start = 8,
			.shmem_dev_id = LINK1_PEER,
			.shmem_peers = LINK1_PEERS,
			.shmem_protocol = JAILHOUSE_SHMEM_PROTO_UNDEFINED,
		},
	},
};
