/* SPDX-License-Identifier: GPL-2.0 */
/* ARM page-table formats: HYP stage 1 and stage 2 (both LPAE). */
#ifndef _ASM_PAGING_H
#define _ASM_PAGING_H

#include <jailhouse/paging.h>
#include <asm/layout.h>

extern const struct paging_format arch_hv_paging_format;
extern const struct paging_format arm_stage2_format;

void arm_paging_flush_stage2(void);

#endif /* !_ASM_PAGING_H */
