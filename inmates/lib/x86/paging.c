// SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause)
/*
 * Caching attributes of the identity map header.S builds (2 MiB pages over
 * the low 4 GiB). Note: turning a range uncached does not write back what
 * the caches hold for it (that would need WBINVD, a VM exit); map ranges
 * before using them.
 */
#include <inmate.h>

#define LARGE_PAGE_SHIFT	21
#define PAGE_PWT		0x008
#define PAGE_PCD		0x010
#define IDENTITY_MAP_END	(1ULL << 32)

int map_range(u64 phys, u64 size, enum map_type type)
{
	u64 first = phys >> LARGE_PAGE_SHIFT;
	u64 last = (phys + size - 1) >> LARGE_PAGE_SHIFT;
	unsigned long cr3;
	u64 page;

	if (phys + size > IDENTITY_MAP_END)
		return -1;
	if (size == 0)
		return 0;
	for (page = first; page <= last; page++) {
		if (type == MAP_CACHED)
			page_dirs[page] &= ~(u64)(PAGE_PCD | PAGE_PWT);
		else
			page_dirs[page] |= PAGE_PCD | PAGE_PWT;
	}
	/* reload CR3: flushes the TLB */
	asm volatile("mov %%cr3, %0\n\tmov %0, %%cr3" : "=r" (cr3) : :
		     "memory");
	return 0;
}
