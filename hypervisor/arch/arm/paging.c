// SPDX-License-Identifier: GPL-2.0
/*
 * LPAE long-descriptor formats for the generic page-table code:
 *
 *  - HYP stage 1 (HTTBR): 32-bit input, levels 1-3 with 4, 512, 512
 *    entries; blocks of 1 GiB and 2 MiB.
 *  - stage 2 (VTTBR): 40-bit IPA, starting at level 1 with 1024 entries
 *    (two concatenated pages); blocks of 1 GiB and 2 MiB.
 */
#include <jailhouse/arch.h>
#include <jailhouse/paging.h>
#include <asm/paging.h>
#include <asm/processor.h>

#define DESC_VALID		(1ULL << 0)
#define DESC_TABLE		(1ULL << 1)	/* levels 1, 2 */
#define DESC_PAGE		(1ULL << 1)	/* level 3 */
#define DESC_ADDR_MASK		0x000000fffffff000ULL
#define DESC_AF			(1ULL << 10)
#define DESC_SH_INNER		(3ULL << 8)
#define DESC_XN			(1ULL << 54)

/* stage 1 */
#define S1_ATTRIDX(idx)		((u64)(idx) << 2)
#define S1_ATTRIDX_MASK		(7ULL << 2)
#define S1_AP_SBO		(1ULL << 6)	/* AP[1], should be one */
#define S1_AP_RO		(1ULL << 7)	/* AP[2] */

/* stage 2 */
#define S2_MEMATTR_NORMAL_WB	(0xfULL << 2)
#define S2_MEMATTR_DEVICE	(0x1ULL << 2)
#define S2_MEMATTR_MASK		(0xfULL << 2)
#define S2_HAP_READ		(1ULL << 6)
#define S2_HAP_WRITE		(1ULL << 7)

#define LAST_LEVEL		2

static pt_entry_t leaf_type(unsigned int lvl)
{
	return lvl == LAST_LEVEL ? DESC_VALID | DESC_PAGE : DESC_VALID;
}

static pt_entry_t make_table(u64 table_phys)
{
	return (table_phys & DESC_ADDR_MASK) | DESC_VALID | DESC_TABLE;
}

static bool is_valid(pt_entry_t entry, unsigned int lvl)
{
	return entry & DESC_VALID;
}

static bool is_leaf(pt_entry_t entry, unsigned int lvl)
{
	return lvl == LAST_LEVEL || !(entry & DESC_TABLE);
}

static u64 get_phys(pt_entry_t entry, unsigned int lvl)
{
	return entry & DESC_ADDR_MASK;
}

static pt_entry_t hyp_make_leaf(unsigned int lvl, u64 phys,
				unsigned long flags)
{
	pt_entry_t entry = (phys & DESC_ADDR_MASK) | leaf_type(lvl) |
		DESC_AF | S1_AP_SBO;

	if (flags & PAGE_FLAG_DEVICE)
		entry |= S1_ATTRIDX(HMAIR_IDX_DEVICE) | DESC_XN;
	else
		entry |= S1_ATTRIDX(HMAIR_IDX_NORMAL) | DESC_SH_INNER;
	if (!(flags & PAGE_FLAG_WRITE))
		entry |= S1_AP_RO;
	if (!(flags & PAGE_FLAG_EXEC))
		entry |= DESC_XN;
	return entry;
}

static unsigned long hyp_get_flags(pt_entry_t entry, unsigned int lvl)
{
	unsigned long flags = PAGE_FLAG_READ;

	if (!(entry & S1_AP_RO))
		flags |= PAGE_FLAG_WRITE;
	if (!(entry & DESC_XN))
		flags |= PAGE_FLAG_EXEC;
	if ((entry & S1_ATTRIDX_MASK) == S1_ATTRIDX(HMAIR_IDX_DEVICE))
		flags |= PAGE_FLAG_DEVICE;
	return flags;
}

const struct paging_format arch_hv_paging_format = {
	.num_levels = 3,
	.level = {
		{ .shift = 30, .index_bits = 2, .block = true },
		{ .shift = 21, .index_bits = 9, .block = true },
		{ .shift = 12, .index_bits = 9, .block = true },
	},
	.root_pages = 1,
	.make_leaf = hyp_make_leaf,
	.make_table = make_table,
	.is_valid = is_valid,
	.is_leaf = is_leaf,
	.get_phys = get_phys,
	.get_flags = hyp_get_flags,
};

static pt_entry_t s2_make_leaf(unsigned int lvl, u64 phys,
			       unsigned long flags)
{
	pt_entry_t entry = (phys & DESC_ADDR_MASK) | leaf_type(lvl) | DESC_AF;

	if (flags & PAGE_FLAG_DEVICE)
		entry |= S2_MEMATTR_DEVICE;
	else
		entry |= S2_MEMATTR_NORMAL_WB | DESC_SH_INNER;
	if (flags & PAGE_FLAG_READ)
		entry |= S2_HAP_READ;
	if (flags & PAGE_FLAG_WRITE)
		entry |= S2_HAP_WRITE;
	if (!(flags & PAGE_FLAG_EXEC))
		entry |= DESC_XN;
	return entry;
}

static unsigned long s2_get_flags(pt_entry_t entry, unsigned int lvl)
{
	unsigned long flags = 0;

	if (entry & S2_HAP_READ)
		flags |= PAGE_FLAG_READ;
	if (entry & S2_HAP_WRITE)
		flags |= PAGE_FLAG_WRITE;
	if (!(entry & DESC_XN))
		flags |= PAGE_FLAG_EXEC;
	if ((entry & S2_MEMATTR_MASK) == S2_MEMATTR_DEVICE)
		flags |= PAGE_FLAG_DEVICE;
	return flags;
}

const struct paging_format arm_stage2_format = {
	.num_levels = 3,
	.level = {
		{ .shift = 30, .index_bits = 10, .block = true },
		{ .shift = 21, .index_bits = 9, .block = true },
		{ .shift = 12, .index_bits = 9, .block = true },
	},
	.root_pages = 2,
	.make_leaf = s2_make_leaf,
	.make_table = make_table,
	.is_valid = is_valid,
	.is_leaf = is_leaf,
	.get_phys = get_phys,
	.get_flags = s2_get_flags,
};

/* TLBIMVAHIS per page: invalidate HYP entries on all CPUs. */
void arch_paging_flush_hv(unsigned long virt, unsigned long size)
{
	unsigned long addr;

	arm_dsb();
	for (addr = virt & PAGE_MASK; addr < virt + size; addr += PAGE_SIZE)
		asm volatile("mcr p15, 4, %0, c8, c3, 1" : : "r" (addr));
	arm_dsb();
	arm_isb();
}

/* TLBIALLNSNHIS: all guest (non-secure, non-HYP) entries, all CPUs. */
void arm_paging_flush_stage2(void)
{
	arm_dsb();
	asm volatile("mcr p15, 4, %0, c8, c3, 4" : : "r" (0));
	arm_dsb();
	arm_isb();
}
