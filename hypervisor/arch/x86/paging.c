// SPDX-License-Identifier: GPL-2.0
/*
 * The two page-table formats of x86-64 for the generic paging code:
 * IA-32e 4-level paging for the hypervisor's own address space and EPT for
 * the guest-physical address space of cells (Intel SDM Vol. 3, 4.5 and
 * 29.3.2). Also the per-CPU window through which the hypervisor reads
 * guest memory (page tables and instructions of a trapped access).
 */
#include <jailhouse/arch.h>
#include <jailhouse/errno.h>
#include <jailhouse/paging.h>
#include <jailhouse/percpu.h>
#include <asm/paging.h>
#include <asm/processor.h>
#include <asm/vcpu.h>

#define PTE_PRESENT		(1ULL << 0)
#define PTE_RW			(1ULL << 1)
#define PTE_PWT			(1ULL << 3)
#define PTE_PCD			(1ULL << 4)
#define PTE_ACCESSED		(1ULL << 5)
#define PTE_DIRTY		(1ULL << 6)
#define PTE_PS			(1ULL << 7)
#define PTE_NX			(1ULL << 63)
#define PTE_ADDR_MASK		0x000ffffffffff000ULL

#define EPT_READ		(1ULL << 0)
#define EPT_WRITE		(1ULL << 1)
#define EPT_EXEC		(1ULL << 2)
#define EPT_PERM_MASK		(EPT_READ | EPT_WRITE | EPT_EXEC)
#define EPT_TYPE_SHIFT		3
#define EPT_TYPE_MASK		(7ULL << EPT_TYPE_SHIFT)
#define EPT_TYPE_UC		(0ULL << EPT_TYPE_SHIFT)
#define EPT_TYPE_WB		(6ULL << EPT_TYPE_SHIFT)
#define EPT_LEAF_BLOCK		(1ULL << 7)

#define EPTP_TYPE_WB		6ULL
#define EPTP_WALK_4		(3ULL << 3)

#define LAST_LEVEL		3

static u64 level_span_mask(unsigned int lvl)
{
	return (1ULL << (12 + 9 * (LAST_LEVEL - lvl))) - 1;
}

static u64 leaf_phys(pt_entry_t entry, unsigned int lvl)
{
	return entry & PTE_ADDR_MASK & ~level_span_mask(lvl);
}

/* --- hypervisor page tables ------------------------------------------- */

static pt_entry_t hv_make_leaf(unsigned int lvl, u64 phys,
			       unsigned long flags)
{
	pt_entry_t entry = phys | PTE_PRESENT | PTE_ACCESSED | PTE_DIRTY;

	if (flags & PAGE_FLAG_WRITE)
		entry |= PTE_RW;
	if (!(flags & PAGE_FLAG_EXEC))
		entry |= PTE_NX;
	/* PAT index 3 is UC in the power-on PAT the host runs with */
	if (flags & PAGE_FLAG_DEVICE)
		entry |= PTE_PCD | PTE_PWT;
	if (lvl != LAST_LEVEL)
		entry |= PTE_PS;
	return entry;
}

static pt_entry_t hv_make_table(u64 table_phys)
{
	return table_phys | PTE_PRESENT | PTE_RW | PTE_ACCESSED;
}

static bool hv_is_valid(pt_entry_t entry, unsigned int lvl)
{
	return entry & PTE_PRESENT;
}

static bool hv_is_leaf(pt_entry_t entry, unsigned int lvl)
{
	return lvl == LAST_LEVEL || (entry & PTE_PS);
}

static u64 hv_get_phys(pt_entry_t entry, unsigned int lvl)
{
	if (hv_is_leaf(entry, lvl))
		return leaf_phys(entry, lvl);
	return entry & PTE_ADDR_MASK;
}

static unsigned long hv_get_flags(pt_entry_t entry, unsigned int lvl)
{
	unsigned long flags = PAGE_FLAG_READ;

	if (entry & PTE_RW)
		flags |= PAGE_FLAG_WRITE;
	if (!(entry & PTE_NX))
		flags |= PAGE_FLAG_EXEC;
	if (entry & PTE_PCD)
		flags |= PAGE_FLAG_DEVICE;
	return flags;
}

const struct paging_format arch_hv_paging_format = {
	.num_levels = 4,
	.level = {
		{ .shift = 39, .index_bits = 9, .block = false },
		{ .shift = 30, .index_bits = 9, .block = false },
		{ .shift = 21, .index_bits = 9, .block = true },
		{ .shift = 12, .index_bits = 9, .block = true },
	},
	.root_pages = 1,
	.make_leaf = hv_make_leaf,
	.make_table = hv_make_table,
	.is_valid = hv_is_valid,
	.is_leaf = hv_is_leaf,
	.get_phys = hv_get_phys,
	.get_flags = hv_get_flags,
};

/* --- EPT ---------------------------------------------------------------- */

/*
 * RAM is write-back and leaves the guest's PAT in charge (Linux maps its
 * frame buffers WC, its MMIO UC through PAT). Device regions are UC, which
 * still lets a guest PAT of WC take effect.
 */
static pt_entry_t ept_make_leaf(unsigned int lvl, u64 phys,
				unsigned long flags)
{
	pt_entry_t entry = phys;

	/* write without read is an EPT misconfiguration */
	if (flags & (PAGE_FLAG_READ | PAGE_FLAG_WRITE))
		entry |= EPT_READ;
	if (flags & PAGE_FLAG_WRITE)
		entry |= EPT_WRITE;
	if (flags & PAGE_FLAG_EXEC)
		entry |= EPT_EXEC;
	entry |= (flags & PAGE_FLAG_DEVICE) ? EPT_TYPE_UC : EPT_TYPE_WB;
	if (lvl != LAST_LEVEL)
		entry |= EPT_LEAF_BLOCK;
	return entry;
}

static pt_entry_t ept_make_table(u64 table_phys)
{
	return table_phys | EPT_PERM_MASK;
}

static bool ept_is_valid(pt_entry_t entry, unsigned int lvl)
{
	return entry & EPT_PERM_MASK;
}

static bool ept_is_leaf(pt_entry_t entry, unsigned int lvl)
{
	return lvl == LAST_LEVEL || (entry & EPT_LEAF_BLOCK);
}

static u64 ept_get_phys(pt_entry_t entry, unsigned int lvl)
{
	if (ept_is_leaf(entry, lvl))
		return leaf_phys(entry, lvl);
	return entry & PTE_ADDR_MASK;
}

static unsigned long ept_get_flags(pt_entry_t entry, unsigned int lvl)
{
	unsigned long flags = 0;

	if (entry & EPT_READ)
		flags |= PAGE_FLAG_READ;
	if (entry & EPT_WRITE)
		flags |= PAGE_FLAG_WRITE;
	if (entry & EPT_EXEC)
		flags |= PAGE_FLAG_EXEC;
	if ((entry & EPT_TYPE_MASK) == EPT_TYPE_UC)
		flags |= PAGE_FLAG_DEVICE;
	return flags;
}

struct paging_format ept_paging_format = {
	.num_levels = 4,
	.level = {
		{ .shift = 39, .index_bits = 9, .block = false },
		{ .shift = 30, .index_bits = 9, .block = false },
		{ .shift = 21, .index_bits = 9, .block = true },
		{ .shift = 12, .index_bits = 9, .block = true },
	},
	.root_pages = 1,
	.make_leaf = ept_make_leaf,
	.make_table = ept_make_table,
	.is_valid = ept_is_valid,
	.is_leaf = ept_is_leaf,
	.get_phys = ept_get_phys,
	.get_flags = ept_get_flags,
};

u64 ept_pointer(const struct paging_structures *ept)
{
	return paging_hvirt2phys(ept->root) | EPTP_WALK_4 | EPTP_TYPE_WB;
}

/* --- guest memory window -------------------------------------------------- */

/*
 * Every CPU owns GUEST_WINDOW_PAGES virtual pages at a fixed place. The
 * page-table entries behind them are found once; afterwards a mapping
 * change is one entry write plus invlpg on the owning CPU only, so no
 * other CPU ever needs a TLB flush for them.
 */
static unsigned long window_address(unsigned int cpu, unsigned int slot)
{
	return GUEST_WINDOW_BASE +
		((unsigned long)cpu * GUEST_WINDOW_PAGES + slot) * PAGE_SIZE;
}

static pt_entry_t *hv_leaf_entry(unsigned long virt)
{
	pt_entry_t *table = hv_paging.root;
	unsigned int lvl;

	for (lvl = 0; lvl < LAST_LEVEL; lvl++) {
		pt_entry_t entry = table[(virt >> (39 - 9 * lvl)) & 0x1ff];

		if (!(entry & PTE_PRESENT) || (entry & PTE_PS))
			return NULL;
		table = paging_phys2hvirt(entry & PTE_ADDR_MASK);
	}
	return &table[(virt >> 12) & 0x1ff];
}

int guest_window_init(struct per_cpu *cpu_data)
{
	unsigned int slot;
	int err;

	for (slot = 0; slot < GUEST_WINDOW_PAGES; slot++) {
		unsigned long virt = window_address(cpu_data->cpu_id, slot);

		/* any page will do until the first real use */
		err = paging_create(&hv_paging, hv_phys_start, PAGE_SIZE, virt,
				    PAGE_FLAG_READ, PAGING_NO_HUGE);
		if (err)
			return err;
		cpu_data->arch.window_pte[slot] = hv_leaf_entry(virt);
		if (!cpu_data->arch.window_pte[slot])
			return -EINVAL;
	}
	return 0;
}

void *guest_window_map(unsigned int slot, u64 phys, bool writable)
{
	struct per_cpu *cpu_data = this_cpu_data();
	unsigned long virt = window_address(cpu_data->cpu_id, slot);
	pt_entry_t entry = hv_make_leaf(LAST_LEVEL, phys & PAGE_MASK,
					PAGE_FLAG_READ |
					(writable ? PAGE_FLAG_WRITE : 0));

	/* the same page as last time: nothing to change, nothing to flush */
	if (*cpu_data->arch.window_pte[slot] != entry) {
		*cpu_data->arch.window_pte[slot] = entry;
		asm volatile("invlpg (%0)" : : "r" (virt) : "memory");
	}
	return (void *)(virt + (phys & PAGE_OFFS_MASK));
}

void arch_paging_flush_hv(unsigned long virt, unsigned long size)
{
	/*
	 * Remap-pool ranges are only unmapped while the other CPUs wait in
	 * the hypervisor for a management operation to finish; they flush
	 * their hypervisor TLB entries before they resume (see control.c).
	 * Locally, invalidate page by page.
	 */
	unsigned long end = virt + size;

	for (; virt < end; virt += PAGE_SIZE)
		asm volatile("invlpg (%0)" : : "r" (virt) : "memory");
	hv_tlb_generation_bump();
}
