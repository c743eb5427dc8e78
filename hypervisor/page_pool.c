// SPDX-License-Identifier: GPL-2.0
/*
 * Page pools: a bitmap allocator over a contiguous range of pages. Used by
 * one CPU at a time (management operations are serialised), so there is
 * no lock here.
 */
#include <jailhouse/paging.h>
#include <jailhouse/string.h>

struct page_pool mem_pool;
struct page_pool remap_pool;

void page_pool_init(struct page_pool *pool, const char *name,
		    unsigned long base, unsigned long pages,
		    unsigned long *bitmap, bool zero_on_alloc)
{
	pool->name = name;
	pool->base = base;
	pool->pages = pages;
	pool->used_pages = 0;
	pool->bitmap = bitmap;
	pool->zero_on_alloc = zero_on_alloc;
	memset(bitmap, 0, BITS_TO_LONGS(pages) * sizeof(unsigned long));
}

static bool page_is_used(const struct page_pool *pool, unsigned long page)
{
	return test_bit(page, pool->bitmap);
}

static void mark_pages(struct page_pool *pool, unsigned long first,
		       unsigned long num, bool used)
{
	unsigned long page;

	for (page = first; page < first + num; page++) {
		if (used)
			set_bit_nonatomic(page, pool->bitmap);
		else
			clear_bit_nonatomic(page, pool->bitmap);
	}
	if (used)
		pool->used_pages += num;
	else
		pool->used_pages -= num;
}

void page_pool_reserve(struct page_pool *pool, unsigned long first_page,
		       unsigned long num)
{
	mark_pages(pool, first_page, num, true);
}

/*
 * First run of num free pages whose absolute page number (pool base
 * included) is a multiple of align; -1 if there is none.
 */
static long find_free_run(const struct page_pool *pool, unsigned long num,
			  unsigned long align)
{
	unsigned long misalign = (pool->base / PAGE_SIZE) & (align - 1);
	unsigned long start = misalign ? align - misalign : 0;
	unsigned long n;

	while (start + num <= pool->pages) {
		for (n = 0; n < num; n++)
			if (page_is_used(pool, start + n))
				break;
		if (n == num)
			return (long)start;
		/* continue behind the used page, at the next aligned start */
		start = align_up(start + n + 1 + misalign, align) - misalign;
	}
	return -1;
}

static void *alloc_run(struct page_pool *pool, unsigned long num,
		       unsigned long align)
{
	long first;
	void *virt;

	if (num == 0 || num > pool->pages - pool->used_pages)
		return NULL;
	first = find_free_run(pool, num, align);
	if (first < 0)
		return NULL;
	mark_pages(pool, first, num, true);
	virt = (void *)(pool->base + first * PAGE_SIZE);
	if (pool->zero_on_alloc)
		memset(virt, 0, num * PAGE_SIZE);
	return virt;
}

void *page_alloc(struct page_pool *pool, unsigned long num)
{
	return alloc_run(pool, num, 1);
}

void *page_alloc_aligned(struct page_pool *pool, unsigned long num)
{
	if (num & (num - 1))
		return NULL;
	return alloc_run(pool, num, num);
}

void page_free(struct page_pool *pool, void *first, unsigned long num)
{
	unsigned long page;

	if (!first)
		return;
	page = ((unsigned long)first - pool->base) / PAGE_SIZE;
	mark_pages(pool, page, num, false);
}
