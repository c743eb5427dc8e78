/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_PAGING_H
#define _ASM_PAGING_H

#include <jailhouse/paging.h>
#include <asm/layout.h>

extern const struct paging_format arch_hv_paging_format;

#endif
