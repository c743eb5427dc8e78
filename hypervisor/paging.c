// SPDX-License-Identifier: GPL-2.0
/*
 * Generic multi-level page tables. The format (levels, entry encoding)
 * comes from the architecture; this file only walks, allocates and frees.
 * Tables come from the memory pool and are reached through the linear
 * mapping of hypervisor memory.
 */
#include <jailhouse/arch.h>
#include <jailhouse/errno.h>
#include <jailhouse/paging.h>

u64 hv_phys_start;
unsigned long hv_virt_start;
struct paging_structures hv_paging;

static u64 level_span(const struct paging_format *fmt, unsigned int lvl)
{
	return 1ULL << fmt->level[lvl].shift;
}

static unsigned int level_entries(const struct paging_format *fmt,
				  unsigned int lvl)
{
	return 1U << fmt->level[lvl].index_bits;
}

static unsigned int level_pages(const struct paging_format *fmt,
				unsigned int lvl)
{
	return lvl == 0 ? fmt->root_pages : 1;
}

static unsigned int level_index(const struct paging_format *fmt,
				unsigned int lvl, u64 virt)
{
	return (virt >> fmt->level[lvl].shift) & (level_entries(fmt, lvl) - 1);
}

static bool is_last_level(const struct paging_format *fmt, unsigned int lvl)
{
	return lvl == fmt->num_levels - 1;
}

/* Entries are written in one piece: a walker never sees half an entry. */
static void write_entry(pt_entry_t *entry, pt_entry_t value)
{
	__atomic_store_n(entry, value, __ATOMIC_RELAXED);
}

static pt_entry_t *next_table(const struct paging_format *fmt,
			      pt_entry_t entry, unsigned int lvl)
{
	return paging_phys2hvirt(fmt->get_phys(entry, lvl));
}

static bool is_table(const struct paging_format *fmt, pt_entry_t entry,
		     unsigned int lvl)
{
	return fmt->is_valid(entry, lvl) && !is_last_level(fmt, lvl) &&
		!fmt->is_leaf(entry, lvl);
}

int paging_init_root(struct paging_structures *pg,
		     const struct paging_format *fmt)
{
	pg->fmt = fmt;
	pg->root = page_alloc_aligned(&mem_pool, fmt->root_pages);
	return pg->root ? 0 : -ENOMEM;
}

static void free_table(const struct paging_format *fmt, pt_entry_t *table,
		       unsigned int lvl)
{
	unsigned int n;

	for (n = 0; n < level_entries(fmt, lvl); n++)
		if (is_table(fmt, table[n], lvl))
			free_table(fmt, next_table(fmt, table[n], lvl),
				   lvl + 1);
	page_free(&mem_pool, table, level_pages(fmt, lvl));
}

void paging_free_tables(struct paging_structures *pg)
{
	if (!pg->root)
		return;
	free_table(pg->fmt, pg->root, 0);
	pg->root = NULL;
}

static bool table_is_empty(const struct paging_format *fmt,
			   const pt_entry_t *table, unsigned int lvl)
{
	unsigned int n;

	for (n = 0; n < level_entries(fmt, lvl); n++)
		if (fmt->is_valid(table[n], lvl))
			return false;
	return true;
}

/*
 * Replace a block entry by a complete next-level table that maps the same
 * range with the same flags. The new table is filled before it is linked.
 */
static int split_block(const struct paging_format *fmt, pt_entry_t *entry,
		       unsigned int lvl)
{
	u64 phys = fmt->get_phys(*entry, lvl);
	unsigned long flags = fmt->get_flags(*entry, lvl);
	u64 child_span = level_span(fmt, lvl + 1);
	pt_entry_t *table;
	unsigned int n;

	table = page_alloc(&mem_pool, 1);
	if (!table)
		return -ENOMEM;
	for (n = 0; n < level_entries(fmt, lvl + 1); n++)
		table[n] = fmt->make_leaf(lvl + 1, phys + n * child_span,
					  flags);
	write_entry(entry, fmt->make_table(paging_hvirt2phys(table)));
	return 0;
}

/* Can [virt, virt + size) -> phys be mapped by one entry at lvl? */
static bool fits_block(const struct paging_format *fmt, unsigned int lvl,
		       u64 phys, u64 virt, u64 size, unsigned long options)
{
	u64 span = level_span(fmt, lvl);

	if (is_last_level(fmt, lvl))
		return true;
	return fmt->level[lvl].block && !(options & PAGING_NO_HUGE) &&
		!(virt & (span - 1)) && !(phys & (span - 1)) && size >= span;
}

/* Map one entry's worth at the deepest suitable level; returns its span. */
static int map_one(const struct paging_structures *pg, u64 phys, u64 virt,
		   u64 size, unsigned long flags, unsigned long options,
		   u64 *mapped)
{
	const struct paging_format *fmt = pg->fmt;
	pt_entry_t *table = pg->root, *entry, *old_table;
	unsigned int lvl;
	int err;

	for (lvl = 0; ; lvl++) {
		entry = &table[level_index(fmt, lvl, virt)];
		if (fits_block(fmt, lvl, phys, virt, size, options)) {
			old_table = is_table(fmt, *entry, lvl) ?
				next_table(fmt, *entry, lvl) : NULL;
			write_entry(entry, fmt->make_leaf(lvl, phys, flags));
			if (old_table)
				free_table(fmt, old_table, lvl + 1);
			*mapped = level_span(fmt, lvl);
			return 0;
		}
		if (!fmt->is_valid(*entry, lvl)) {
			pt_entry_t *new_table = page_alloc(&mem_pool, 1);

			if (!new_table)
				return -ENOMEM;
			write_entry(entry,
				    fmt->make_table(paging_hvirt2phys(new_table)));
		} else if (fmt->is_leaf(*entry, lvl)) {
			err = split_block(fmt, entry, lvl);
			if (err)
				return err;
		}
		table = next_table(fmt, *entry, lvl);
	}
}

int paging_create(const struct paging_structures *pg, u64 phys, u64 size,
		  u64 virt, unsigned long flags, unsigned long options)
{
	u64 mapped;
	int err;

	if ((phys | virt | size) & PAGE_OFFS_MASK)
		return -EINVAL;
	while (size) {
		err = map_one(pg, phys, virt, size, flags, options, &mapped);
		if (err)
			return err;
		phys += mapped;
		virt += mapped;
		size -= mapped;
	}
	return 0;
}

static int unmap_range(const struct paging_format *fmt, pt_entry_t *table,
		       unsigned int lvl, u64 virt, u64 end)
{
	u64 span = level_span(fmt, lvl);
	u64 entry_start, chunk_end;
	pt_entry_t *entry, *child;
	int err;

	while (virt < end) {
		entry = &table[level_index(fmt, lvl, virt)];
		entry_start = virt & ~(span - 1);
		chunk_end = MIN(end, entry_start + span);

		if (!fmt->is_valid(*entry, lvl)) {
			/* nothing mapped here */
		} else if (virt == entry_start &&
			   chunk_end == entry_start + span) {
			child = is_table(fmt, *entry, lvl) ?
				next_table(fmt, *entry, lvl) : NULL;
			write_entry(entry, 0);
			if (child)
				free_table(fmt, child, lvl + 1);
		} else {
			if (fmt->is_leaf(*entry, lvl)) {
				err = split_block(fmt, entry, lvl);
				if (err)
					return err;
			}
			child = next_table(fmt, *entry, lvl);
			err = unmap_range(fmt, child, lvl + 1, virt, chunk_end);
			if (err)
				return err;
			if (table_is_empty(fmt, child, lvl + 1)) {
				write_entry(entry, 0);
				page_free(&mem_pool, child, 1);
			}
		}
		virt = chunk_end;
	}
	return 0;
}

int paging_destroy(const struct paging_structures *pg, u64 virt, u64 size)
{
	if ((virt | size) & PAGE_OFFS_MASK)
		return -EINVAL;
	return unmap_range(pg->fmt, pg->root, 0, virt, virt + size);
}

bool paging_virt2phys(const struct paging_structures *pg, u64 virt,
		      u64 *phys, unsigned long *flags)
{
	const struct paging_format *fmt = pg->fmt;
	pt_entry_t *table = pg->root, entry;
	unsigned int lvl;

	for (lvl = 0; lvl < fmt->num_levels; lvl++) {
		entry = table[level_index(fmt, lvl, virt)];
		if (!fmt->is_valid(entry, lvl))
			return false;
		if (is_last_level(fmt, lvl) || fmt->is_leaf(entry, lvl)) {
			*phys = fmt->get_phys(entry, lvl) +
				(virt & (level_span(fmt, lvl) - 1));
			if (flags)
				*flags = fmt->get_flags(entry, lvl);
			return true;
		}
		table = next_table(fmt, entry, lvl);
	}
	return false;
}

void *paging_map_remap(u64 phys, unsigned long size, unsigned long flags)
{
	unsigned long offset = phys & PAGE_OFFS_MASK;
	unsigned long pages = PAGES(offset + size);
	void *virt;

	virt = page_alloc(&remap_pool, pages);
	if (!virt)
		return NULL;
	if (paging_create(&hv_paging, phys - offset, pages * PAGE_SIZE,
			  (unsigned long)virt, flags, PAGING_NO_HUGE)) {
		paging_destroy(&hv_paging, (unsigned long)virt,
			       pages * PAGE_SIZE);
		page_free(&remap_pool, virt, pages);
		return NULL;
	}
	return (u8 *)virt + offset;
}

void *paging_map_device(u64 phys, unsigned long size)
{
	return paging_map_remap(phys, size, PAGE_FLAG_READ | PAGE_FLAG_WRITE |
				PAGE_FLAG_DEVICE);
}

void paging_unmap_remap(void *virt, unsigned long size)
{
	unsigned long offset = (unsigned long)virt & PAGE_OFFS_MASK;
	unsigned long start = (unsigned long)virt - offset;
	unsigned long pages = PAGES(offset + size);

	if (!virt)
		return;
	paging_destroy(&hv_paging, start, pages * PAGE_SIZE);
	arch_paging_flush_hv(start, pages * PAGE_SIZE);
	page_free(&remap_pool, (void *)start, pages);
}
