/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Page pools and generic page tables.
 *
 * Two pools: the memory pool hands out zeroed pages of hypervisor memory
 * (page tables, cell structures), the remap pool hands out virtual
 * addresses in a window of the hypervisor's address space where devices
 * and guest pages get mapped on demand. Both report their usage through
 * HYPERVISOR_GET_INFO.
 *
 * The page-table code knows no architecture: a struct paging_format
 * describes the levels and encodes/decodes entries; the arch provides one
 * format for the hypervisor's own tables and one for stage 2 / EPT.
 * Addresses are u64 throughout, so a 32-bit hypervisor can build 40-bit
 * stage-2 tables.
 */
#ifndef _JAILHOUSE_PAGING_H
#define _JAILHOUSE_PAGING_H

#include <jailhouse/utils.h>

#define PAGE_SHIFT		12
#define PAGE_SIZE		(1UL << PAGE_SHIFT)
#define PAGE_MASK		(~(PAGE_SIZE - 1))
#define PAGE_OFFS_MASK		(PAGE_SIZE - 1)
#define PAGES(size)		(((size) + PAGE_SIZE - 1) / PAGE_SIZE)

struct page_pool {
	const char *name;
	/* hypervisor virtual address of page 0 of the pool */
	unsigned long base;
	unsigned long pages;
	unsigned long used_pages;
	unsigned long *bitmap;
	/* zero pages on allocation (memory pool) or not (address pools) */
	bool zero_on_alloc;
};

extern struct page_pool mem_pool;
extern struct page_pool remap_pool;

void page_pool_init(struct page_pool *pool, const char *name,
		    unsigned long base, unsigned long pages,
		    unsigned long *bitmap, bool zero_on_alloc);
/* Marks pages as used that were never allocated (bitmap, boot data). */
void page_pool_reserve(struct page_pool *pool, unsigned long first_page,
		       unsigned long num);
/* num contiguous pages, or NULL. */
void *page_alloc(struct page_pool *pool, unsigned long num);
/* num must be a power of two; the block is aligned to num pages. */
void *page_alloc_aligned(struct page_pool *pool, unsigned long num);
void page_free(struct page_pool *pool, void *first, unsigned long num);

/* Generic mapping flags, translated by each paging format. */
#define PAGE_FLAG_READ		0x01
#define PAGE_FLAG_WRITE		0x02
#define PAGE_FLAG_EXEC		0x04
#define PAGE_FLAG_DEVICE	0x08	/* uncached, strongly ordered */
#define PAGE_DEFAULT_FLAGS	(PAGE_FLAG_READ | PAGE_FLAG_WRITE)

/* Options for paging_create() */
#define PAGING_HUGE		0x0	/* use block mappings where aligned */
#define PAGING_NO_HUGE		0x1	/* 4 KiB pages only */

#define PAGING_MAX_LEVELS	4

typedef u64 pt_entry_t;

struct paging_level {
	/* lowest address bit this level's index translates */
	unsigned char shift;
	/* number of index bits (the root may be wider: concatenation) */
	unsigned char index_bits;
	/* may an entry at this level map a block (the last level always) */
	bool block;
};

struct paging_format {
	unsigned int num_levels;
	struct paging_level level[PAGING_MAX_LEVELS];	/* root first */
	/* pages of the root table; it is aligned to its own size */
	unsigned int root_pages;

	/* encoders / decoders; lvl 0 is the root level */
	pt_entry_t (*make_leaf)(unsigned int lvl, u64 phys,
				unsigned long flags);
	pt_entry_t (*make_table)(u64 table_phys);
	bool (*is_valid)(pt_entry_t entry, unsigned int lvl);
	bool (*is_leaf)(pt_entry_t entry, unsigned int lvl);
	/* output address of a leaf, or address of the next table */
	u64 (*get_phys)(pt_entry_t entry, unsigned int lvl);
	unsigned long (*get_flags)(pt_entry_t entry, unsigned int lvl);
};

struct paging_structures {
	const struct paging_format *fmt;
	pt_entry_t *root;
};

/* Translation between hypervisor memory and its linear mapping. */
extern u64 hv_phys_start;
extern unsigned long hv_virt_start;

static inline void *paging_phys2hvirt(u64 phys)
{
	return (void *)(unsigned long)(phys - hv_phys_start + hv_virt_start);
}

static inline u64 paging_hvirt2phys(const volatile void *virt)
{
	return (unsigned long)virt - hv_virt_start + hv_phys_start;
}

/* The hypervisor's own page tables (set up by the core at enable). */
extern struct paging_structures hv_paging;

int paging_init_root(struct paging_structures *pg,
		     const struct paging_format *fmt);
/* Frees every table including the root. Mappings themselves stay. */
void paging_free_tables(struct paging_structures *pg);

/*
 * Map [virt, virt + size) to [phys, ...). Existing mappings in the range
 * are replaced. Returns -ENOMEM when the pool runs dry (the part mapped so
 * far stays; callers unwind with paging_destroy()).
 * The caller flushes TLBs as its architecture requires.
 */
int paging_create(const struct paging_structures *pg, u64 phys, u64 size,
		  u64 virt, unsigned long flags, unsigned long options);
/* Unmap a range; tables that become empty are freed. */
int paging_destroy(const struct paging_structures *pg, u64 virt, u64 size);
/* Returns false if virt is not mapped. flags may be NULL. */
bool paging_virt2phys(const struct paging_structures *pg, u64 virt,
		      u64 *phys, unsigned long *flags);

/*
 * Device and temporary mappings in the hypervisor's address space (remap
 * pool). Returns NULL on exhaustion. The unmap makes the change visible on
 * all CPUs before the addresses can be handed out again.
 */
void *paging_map_device(u64 phys, unsigned long size);
void *paging_map_remap(u64 phys, unsigned long size, unsigned long flags);
void paging_unmap_remap(void *virt, unsigned long size);

#endif /* !_JAILHOUSE_PAGING_H */
