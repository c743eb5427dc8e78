// SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause)
/*
 * Communication region: ABI check, cell state and the message protocol
 * with the hypervisor (shutdown requests, reconfiguration notices).
 */
#include <inmate.h>

bool comm_region_is_valid(void)
{
	return memcmp(comm_region->signature, COMM_REGION_MAGIC,
		      sizeof(comm_region->signature)) == 0 &&
		comm_region->revision == COMM_REGION_ABI_REVISION;
}

void comm_region_set_state(u32 state)
{
	comm_region->cell_state = state;
}

static bool approve_always(void)
{
	return true;
}

u32 comm_region_handle_message(bool (*decide_shutdown)(void))
{
	u32 msg = comm_region->msg_to_cell, reply;

	switch (msg) {
	case JAILHOUSE_MSG_NONE:
		break;
	case JAILHOUSE_MSG_SHUTDOWN_REQUEST:
		if (!decide_shutdown)
			decide_shutdown = approve_always;
		if (decide_shutdown()) {
			/*
			 * A terminal state first: the hypervisor stops waiting
			 * for a reply as soon as it sees it.
			 */
			comm_region_set_state(JAILHOUSE_CELL_SHUT_DOWN);
			reply = JAILHOUSE_MSG_REQUEST_APPROVED;
		} else {
			reply = JAILHOUSE_MSG_REQUEST_DENIED;
		}
		jailhouse_send_reply_from_cell(comm_region, reply);
		break;
	case JAILHOUSE_MSG_RECONFIG_COMPLETED:
		jailhouse_send_reply_from_cell(comm_region,
					       JAILHOUSE_MSG_RECEIVED);
		break;
	default:
		jailhouse_send_reply_from_cell(comm_region,
					       JAILHOUSE_MSG_UNKNOWN);
		break;
	}
	return msg;
}

void comm_region_service(void)
{
	if (comm_region_handle_message(NULL) == JAILHOUSE_MSG_SHUTDOWN_REQUEST)
		stop();
}

void comm_region_print(const char *prefix)
{
	const struct jailhouse_console *con = (void *)&comm_region->console;

	printk("%scomm region: signature %.6s revision %d state %d flags 0x%x\n",
	       prefix, comm_region->signature,
	       comm_region->revision, comm_region->cell_state,
	       comm_region->flags);
	printk("%scomm region: console type %d address 0x%llx flags 0x%x divider %d\n",
	       prefix, con->type, con->address, con->flags, con->divider);
	printk("%scomm region: pci_mmconfig_base 0x%llx\n", prefix,
	       comm_region->pci_mmconfig_base);
	arch_comm_region_print(prefix);
}
