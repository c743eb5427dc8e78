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

#endif /* !_JAILHOUSE_CONFIG_H */
