/*
 * Jailhouse-compatible partitioning hypervisor
 *
 * Cell for the ok-inmate test (not a shipped demo) on QEMU virt (layout:
 * Documentation/design.md): CPU 1, 1 MiB RAM at guest address 0 (test
 * inmates slot), the PL011 UART (shared with the root cell), comm region at
 * 0x80000000.
 *
 * Unlike the demo cells it answers comm region messages: the lifecycle
 * scenario uses it to prove shutdown voting (ok-inmate deny=N locks the
 * cell and refuses N shutdown requests). A cell that stops answering is
 * given up on after msg_reply_timeout polls of the hypervisor.
 *
 * SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause)
 */

#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>

struct {
	struct jailhouse_cell_desc cell;
	__u64 cpus[1];
	struct jailhouse_memory mem_regions[3];
} __attribute__((packed)) config = {
	.cell = {
		.signature = JAILHOUSE_CELL_DESC_SIGNATURE,
		.architecture = JAILHOUSE_ARM,
		.revision = JAILHOUSE_CONFIG_REVISION,
		.name = "msg-test",
		.flags = JAILHOUSE_CELL_VIRTUAL_CONSOLE_PERMITTED,

		.msg_reply_timeout = 200000000,

		.cpu_set_size = sizeof(config.cpus),
		.num_memory_regions = ARRAY_SIZE(config.mem_regions),

		.console = {
			.address = 0x09000000,
			.size = 0x1000,
			.type = JAILHOUSE_CON_TYPE_PL011,
			.flags = JAILHOUSE_CON_ACCESS_MMIO |
				 JAILHOUSE_CON_REGDIST_4,
		},
	},

	.cpus = {
		0x2,
	},

	.mem_regions = {
		/* UART (PL011), shared with the root cell's console */
		{
			.phys_start = 0x09000000,
			.virt_start = 0x09000000,
			.size = 0x1000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_IO | JAILHOUSE_MEM_ROOTSHARED,
		},
		/* RAM: 0x7ca00000 (test inmates slot), guest 0 */
		{
			.phys_start = 0x7ca00000,
			.virt_start = 0,
			.size = 0x00100000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_LOADABLE,
		},
		/* communication region */
		{
			.virt_start = 0x80000000,
			.size = 0x00001000,
			.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |
				JAILHOUSE_MEM_COMM_REGION,
		},
	},
};
