// SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause)
/*
 * First C code of every inmate, entered from the arch start code with a
 * stack and a cleared .bss: check the communication region ABI, bring up
 * the console, run the inmate, stop.
 */
#include <inmate.h>

void c_entry(void)
{
	bool comm_ok;

	arch_init();
	comm_ok = comm_region_is_valid();
	console_init(comm_ok);

	if (!comm_ok) {
		printk("FATAL: communication region ABI mismatch (need \"%s\" revision %d)\n",
		       COMM_REGION_MAGIC, COMM_REGION_ABI_REVISION);
		comm_region_set_state(JAILHOUSE_CELL_FAILED_COMM_REV);
		stop();
	}

	inmate_main();
	stop();
}
