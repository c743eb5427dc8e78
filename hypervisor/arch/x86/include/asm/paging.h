/* SPDX-License-Identifier: GPL-2.0 */
/*
 * x86-64 address space of the hypervisor and the two page-table formats:
 * 4-level IA-32e paging for the hypervisor itself, 4-level EPT for cells.
 */
#ifndef _JAILHOUSE_ASM_PAGING_H
#define _JAILHOUSE_ASM_PAGING_H

#include <jailhouse/paging.h>
#include <asm/layout.h>

extern const struct paging_format arch_hv_paging_format;

/* EPT; the 1 GiB level is enabled at init if the CPU supports it. */
extern struct paging_format ept_paging_format;

/* EPTP value for a cell's EPT root: WB, 4-level walk. */
u64 ept_pointer(const struct paging_structures *ept);

#endif /* !_JAILHOUSE_ASM_PAGING_H */
