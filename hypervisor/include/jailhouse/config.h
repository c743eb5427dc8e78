/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Config validation inside the hypervisor. The checks themselves live in
 * the shared validator (hypervisor/config_check.c, <jailhouse/config_check.h>);
 * this wrapper prints its findings on the hypervisor console.
 */
#ifndef _JAILHOUSE_CONFIG_H
#define _JAILHOUSE_CONFIG_H

#include <jailhouse/cell-config.h>

/* Signature, revision, architecture: enough to trust the header fields. */
int config_check_header(const struct jailhouse_system *config);

/* Full structural check of the system config (at most max_size bytes). */
int config_check_system(const struct jailhouse_system *config, u64 max_size);

/* Cells the hypervisor can check a new cell against at once. */
#define CONFIG_CHECK_MAX_CELLS	32

/*
 * A non-root cell config (size bytes, already copied into hypervisor
 * memory) against its own structure, the system config and the configs
 * of the cells that exist. Findings go to the console.
 */
int config_check_cell(const struct jailhouse_cell_desc *config, u64 size,
		      const struct jailhouse_cell_desc *const others[],
		      unsigned int num_others);

#endif /* !_JAILHOUSE_CONFIG_H */
