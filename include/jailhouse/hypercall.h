/* SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause) */
/*
 * Hypercall numbers, cell/CPU states, messages and the communication region
 * shared by the hypervisor, the driver, inmates and RTOS ports.
 *
 * The architecture part (calling convention, statistics, comm-region tail)
 * comes from <asm/jailhouse_hypercall.h>; build with
 * -I include/arch/<arch> to select it.
 */
#ifndef _JAILHOUSE_HYPERCALL_H
#define _JAILHOUSE_HYPERCALL_H

#include <jailhouse/types.h>
#include <jailhouse/console.h>

#define JAILHOUSE_HC_DISABLE			0
#define JAILHOUSE_HC_CELL_CREATE		1
#define JAILHOUSE_HC_CELL_START			2
#define JAILHOUSE_HC_CELL_SET_LOADABLE		3
#define JAILHOUSE_HC_CELL_DESTROY		4
#define JAILHOUSE_HC_HYPERVISOR_GET_INFO	5
#define JAILHOUSE_HC_CELL_GET_STATE		6
#define JAILHOUSE_HC_CPU_GET_INFO		7
#define JAILHOUSE_HC_DEBUG_CONSOLE_PUTC		8

/* HYPERVISOR_GET_INFO types */
#define JAILHOUSE_INFO_MEM_POOL_SIZE		0
#define JAILHOUSE_INFO_MEM_POOL_USED		1
#define JAILHOUSE_INFO_REMAP_POOL_SIZE		2
#define JAILHOUSE_INFO_REMAP_POOL_USED		3
#define JAILHOUSE_INFO_NUM_CELLS		4

/* CPU_GET_INFO types */
#define JAILHOUSE_CPU_INFO_STATE		0
#define JAILHOUSE_CPU_INFO_STAT_BASE		1000

/* CPU states */
#define JAILHOUSE_CPU_RUNNING			0
#define JAILHOUSE_CPU_FAILED			2	/* terminal */

/* Statistics every architecture keeps; arch headers continue the list. */
#define JAILHOUSE_CPU_STAT_VMEXITS_TOTAL	0
#define JAILHOUSE_CPU_STAT_VMEXITS_MMIO		1
#define JAILHOUSE_CPU_STAT_VMEXITS_MANAGEMENT	2
#define JAILHOUSE_CPU_STAT_VMEXITS_HYPERCALL	3
#define JAILHOUSE_GENERIC_CPU_STATS		4

/* Messages from the hypervisor to a cell */
#define JAILHOUSE_MSG_NONE			0
#define JAILHOUSE_MSG_SHUTDOWN_REQUEST		1
#define JAILHOUSE_MSG_RECONFIG_COMPLETED	2

/* Replies from a cell */
#define JAILHOUSE_MSG_UNKNOWN			1
#define JAILHOUSE_MSG_REQUEST_DENIED		2
#define JAILHOUSE_MSG_REQUEST_APPROVED		3
#define JAILHOUSE_MSG_RECEIVED			4

/* Cell states: set to RUNNING by the hypervisor, then owned by the cell */
#define JAILHOUSE_CELL_RUNNING			0
#define JAILHOUSE_CELL_RUNNING_LOCKED		1
#define JAILHOUSE_CELL_SHUT_DOWN		2	/* terminal */
#define JAILHOUSE_CELL_FAILED			3	/* terminal */
#define JAILHOUSE_CELL_FAILED_COMM_REV		4	/* terminal */

/* Communication region flags */
#define JAILHOUSE_COMM_FLAG_DBG_PUTC_PERMITTED	0x0001
#define JAILHOUSE_COMM_FLAG_DBG_PUTC_ACTIVE	0x0002

#define JAILHOUSE_COMM_HAS_DBG_PUTC_PERMITTED(flags) \
	(!!((flags) & JAILHOUSE_COMM_FLAG_DBG_PUTC_PERMITTED))
#define JAILHOUSE_COMM_HAS_DBG_PUTC_ACTIVE(flags) \
	(!!((flags) & JAILHOUSE_COMM_FLAG_DBG_PUTC_ACTIVE))

#define COMM_REGION_ABI_REVISION		2
#define COMM_REGION_MAGIC			"JHCOMM"

/* The first 64 bytes of every communication region. */
#define COMM_REGION_GENERIC_HEADER					\
	char signature[6];						\
	__u16 revision;							\
	volatile __u32 cell_state;					\
	volatile __u32 msg_to_cell;					\
	volatile __u32 reply_from_cell;					\
	volatile __u32 flags;						\
	struct jailhouse_console console;				\
	__u64 pci_mmconfig_base

#include <asm/jailhouse_hypercall.h>

#define __JH_COMM_OFF(field) \
	__builtin_offsetof(struct jailhouse_comm_region, field)

_Static_assert(__JH_COMM_OFF(cell_state) == 8, "comm region ABI");
_Static_assert(__JH_COMM_OFF(msg_to_cell) == 12, "comm region ABI");
_Static_assert(__JH_COMM_OFF(reply_from_cell) == 16, "comm region ABI");
_Static_assert(__JH_COMM_OFF(flags) == 20, "comm region ABI");
_Static_assert(__JH_COMM_OFF(console) == 24, "comm region ABI");
_Static_assert(__JH_COMM_OFF(pci_mmconfig_base) == 56, "comm region ABI");

#endif /* !_JAILHOUSE_HYPERCALL_H */
