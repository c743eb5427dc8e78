// SPDX-License-Identifier: GPL-2.0
/*
 * MMIO dispatcher and the emulation of sub-page memory regions.
 *
 * Lookups run on every trapped access and must not block, so the table is
 * read without a lock: a writer bumps seq to an odd value while it shifts
 * entries and back to even afterwards; a reader that saw an odd or changed
 * seq looks again.
 */
#include <jailhouse/cell-config.h>
#include <jailhouse/errno.h>
#include <jailhouse/mmio.h>
#include <jailhouse/paging.h>
#include <jailhouse/string.h>
#include <asm/processor.h>

int mmio_dispatcher_init(struct mmio_dispatcher *mmio, unsigned int capacity)
{
	mmio->count = 0;
	mmio->seq = 0;
	mmio->capacity = capacity;
	mmio->pages = PAGES(capacity * sizeof(struct mmio_region));
	mmio->regions = NULL;
	if (!capacity)
		return 0;
	mmio->regions = page_alloc(&mem_pool, mmio->pages);
	return mmio->regions ? 0 : -ENOMEM;
}

void mmio_dispatcher_free(struct mmio_dispatcher *mmio)
{
	if (mmio->regions)
		page_free(&mem_pool, mmio->regions, mmio->pages);
	mmio->regions = NULL;
	mmio->capacity = 0;
	mmio->count = 0;
}

/* Index of the first region whose start is above addr. */
static unsigned int upper_bound(const struct mmio_dispatcher *mmio, u64 addr)
{
	unsigned int low = 0, high = mmio->count, mid;

	while (low < high) {
		mid = low + (high - low) / 2;
		if (mmio->regions[mid].start <= addr)
			low = mid + 1;
		else
			high = mid;
	}
	return low;
}

static bool ranges_overlap(u64 start1, u64 size1, u64 start2, u64 size2)
{
	return start1 < start2 + size2 && start2 < start1 + size1;
}

int mmio_region_register(struct mmio_dispatcher *mmio, u64 start, u64 size,
			 mmio_handler handler, void *arg)
{
	unsigned int pos;

	if (size == 0)
		return -EINVAL;
	if (mmio->count >= mmio->capacity)
		return -ENOSPC;

	pos = upper_bound(mmio, start);
	if (pos > 0 && ranges_overlap(mmio->regions[pos - 1].start,
				      mmio->regions[pos - 1].size, start, size))
		return -EEXIST;
	if (pos < mmio->count && ranges_overlap(mmio->regions[pos].start,
						mmio->regions[pos].size,
						start, size))
		return -EEXIST;

	mmio->seq++;
	memory_barrier();
	memmove(&mmio->regions[pos + 1], &mmio->regions[pos],
		(mmio->count - pos) * sizeof(struct mmio_region));
	mmio->regions[pos] = (struct mmio_region) {
		.start = start, .size = size, .handler = handler, .arg = arg,
	};
	mmio->count++;
	memory_barrier();
	mmio->seq++;
	return 0;
}

void mmio_region_unregister(struct mmio_dispatcher *mmio, u64 start)
{
	unsigned int pos = upper_bound(mmio, start);

	if (pos == 0 || mmio->regions[pos - 1].start != start)
		return;
	pos--;
	mmio->seq++;
	memory_barrier();
	memmove(&mmio->regions[pos], &mmio->regions[pos + 1],
		(mmio->count - pos - 1) * sizeof(struct mmio_region));
	mmio->count--;
	memory_barrier();
	mmio->seq++;
}

static bool lookup(struct mmio_dispatcher *mmio, u64 addr,
		   struct mmio_region *found)
{
	unsigned int seq, pos;
	bool hit;

	do {
		while ((seq = READ_ONCE(mmio->seq)) & 1)
			cpu_relax();
		memory_barrier();
		pos = upper_bound(mmio, addr);
		hit = pos > 0 && addr - mmio->regions[pos - 1].start <
			mmio->regions[pos - 1].size;
		if (hit)
			*found = mmio->regions[pos - 1];
		memory_barrier();
	} while (READ_ONCE(mmio->seq) != seq);
	return hit;
}

enum mmio_result mmio_dispatch(struct mmio_dispatcher *mmio,
			       struct mmio_access *access)
{
	struct mmio_access local = *access;
	struct mmio_region region;
	enum mmio_result result;

	if (!lookup(mmio, access->address, &region))
		return MMIO_UNHANDLED;
	/* the whole access must lie inside the region */
	if (access->address - region.start + access->size > region.size)
		return MMIO_ERROR;

	local.address = access->address - region.start;
	result = region.handler(region.arg, &local);
	access->value = local.value;
	return result;
}

void mmio_perform_access(volatile void *base, struct mmio_access *access)
{
	volatile u8 *addr = (volatile u8 *)base + access->address;

	if (access->is_write) {
		switch (access->size) {
		case 1:
			mmio_write8(addr, (u8)access->value);
			break;
		case 2:
			mmio_write16(addr, (u16)access->value);
			break;
		case 4:
			mmio_write32(addr, (u32)access->value);
			break;
		case 8:
			mmio_write64(addr, (u64)access->value);
			break;
		}
		return;
	}
	switch (access->size) {
	case 1:
		access->value = mmio_read8(addr);
		break;
	case 2:
		access->value = mmio_read16(addr);
		break;
	case 4:
		access->value = mmio_read32(addr);
		break;
	case 8:
		access->value = (unsigned long)mmio_read64(addr);
		break;
	default:
		access->value = 0;
	}
}

/*
 * Width flags restrict the access sizes; no width flag means any size.
 * Unaligned accesses need JAILHOUSE_MEM_IO_UNALIGNED.
 */
bool mmio_subpage_access_ok(const struct jailhouse_memory *mem,
			    const struct mmio_access *access)
{
	unsigned long widths = mem->flags & JAILHOUSE_MEM_IO_WIDTH_MASK;
	unsigned long width_flag;

	if (access->is_write ? !(mem->flags & JAILHOUSE_MEM_WRITE) :
	    !(mem->flags & JAILHOUSE_MEM_READ))
		return false;
	if (access->address + access->size > mem->size)
		return false;
	if (widths) {
		width_flag = (unsigned long)access->size <<
			JAILHOUSE_MEM_IO_WIDTH_SHIFT;
		if (!(widths & width_flag))
			return false;
	}
	if ((access->address & (access->size - 1)) &&
	    !(mem->flags & JAILHOUSE_MEM_IO_UNALIGNED))
		return false;
	return true;
}

static enum mmio_result subpage_handler(void *arg, struct mmio_access *access)
{
	struct mmio_subpage *subpage = arg;
	const struct jailhouse_memory *mem = subpage->mem;

	if (!mmio_subpage_access_ok(mem, access))
		return MMIO_ERROR;
	mmio_perform_access(subpage->virt, access);
	return MMIO_HANDLED;
}

int mmio_subpage_register(struct mmio_dispatcher *mmio,
			  struct mmio_subpage *subpage,
			  const struct jailhouse_memory *mem)
{
	int err;

	subpage->mem = mem;
	subpage->map_size = mem->size;
	subpage->virt = paging_map_device(mem->phys_start, mem->size);
	if (!subpage->virt)
		return -ENOMEM;
	err = mmio_region_register(mmio, mem->virt_start, mem->size,
				   subpage_handler, subpage);
	if (err) {
		paging_unmap_remap(subpage->virt, subpage->map_size);
		subpage->virt = NULL;
	}
	return err;
}

void mmio_subpage_unregister(struct mmio_dispatcher *mmio,
			     struct mmio_subpage *subpage)
{
	if (!subpage->virt)
		return;
	mmio_region_unregister(mmio, subpage->mem->virt_start);
	paging_unmap_remap(subpage->virt, subpage->map_size);
	subpage->virt = NULL;
}
