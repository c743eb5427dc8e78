// SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause)
/*
 * Flat (identity) address map with the ARMv7 short-descriptor format, one
 * 1 MiB section per entry. Everything starts as shareable device memory;
 * the image, the comm region and whatever an inmate maps with
 * map_range(MAP_CACHED) become normal write-back memory.
 *
 * Why bother: with the MMU off every access is non-cacheable, which is
 * not coherent with the cached view the hypervisor and the root cell have
 * of the comm region and of ivshmem memory on real hardware.
 */
#include <inmate.h>

#define L1_ENTRIES		4096
#define SECTION_SHIFT		20
#define SECTION_SIZE		(1UL << SECTION_SHIFT)

#define SECT_TYPE		0x00002
#define SECT_B			0x00004
#define SECT_C			0x00008
#define SECT_XN			0x00010
#define SECT_AP_RW		0x00c00	/* AP[1:0] = 11: full access */
#define SECT_TEX_1		0x01000
#define SECT_S			0x10000
/* TEX 001, C, B: normal, inner and outer write-back write-allocate */
#define SECT_NORMAL		(SECT_TYPE | SECT_AP_RW | SECT_TEX_1 | \
				 SECT_C | SECT_B | SECT_S)
/* TEX 000, B: shareable device */
#define SECT_DEVICE		(SECT_TYPE | SECT_AP_RW | SECT_B | SECT_XN)

#define SCTLR_M			(1U << 0)
#define SCTLR_C			(1U << 2)
#define SCTLR_Z			(1U << 11)
#define SCTLR_I			(1U << 12)
#define DACR_DOMAIN0_CLIENT	0x1

/* also loaded by further CPUs of the cell (arm_smp_entry in header.S) */
u32 arm_l1_table[L1_ENTRIES] __aligned(16384);
static bool mmu_on;

static u32 cache_line_size(void)
{
	u32 ctr;

	asm volatile("mrc p15, 0, %0, c0, c0, 1" : "=r" (ctr));
	return 4U << ((ctr >> 16) & 0xf);	/* DminLine, in words */
}

/* The table walker does not look into the caches (TTBR0 attributes 0). */
void arm_dcache_clean(const void *start, unsigned long size)
{
	unsigned long line = cache_line_size();
	unsigned long addr = (unsigned long)start & ~(line - 1);

	for (; addr < (unsigned long)start + size; addr += line)
		asm volatile("mcr p15, 0, %0, c7, c10, 1" : : "r" (addr));
	asm volatile("dsb" : : : "memory");
}

static void set_sections(u64 phys, u64 size, u32 attributes)
{
	u64 first = phys >> SECTION_SHIFT;
	u64 last = (phys + size - 1) >> SECTION_SHIFT;
	u64 section;

	if (size == 0 || last >= L1_ENTRIES)
		return;
	for (section = first; section <= last; section++)
		arm_l1_table[section] = (section << SECTION_SHIFT) | attributes;
	arm_dcache_clean(&arm_l1_table[first], (last - first + 1) * sizeof(u32));
	if (mmu_on)
		asm volatile("mcr p15, 0, %0, c8, c3, 0\n\t"	/* TLBIALLIS */
			     "dsb\n\tisb" : : "r" (0) : "memory");
}

int map_range(u64 phys, u64 size, enum map_type type)
{
	if (phys + size > (1ULL << 32))
		return -1;
	set_sections(phys, size, type == MAP_CACHED ? SECT_NORMAL :
		     SECT_DEVICE);
	return 0;
}

void arm_mmu_enable(void)
{
	unsigned long image_end = (unsigned long)stack_top;
	unsigned long line = cache_line_size(), addr;
	u32 sctlr;

	set_sections(0, (u64)L1_ENTRIES << SECTION_SHIFT, SECT_DEVICE);
	set_sections(0, image_end, SECT_NORMAL);
	set_sections(JAILHOUSE_COMM_REGION_INMATE_ADDR, SECTION_SIZE,
		     SECT_NORMAL);

	/* drop whatever the caches still hold for our own memory */
	for (addr = 0; addr < image_end; addr += line)
		asm volatile("mcr p15, 0, %0, c7, c6, 1" : : "r" (addr));
	asm volatile("mcr p15, 0, %0, c7, c5, 0\n\t"	/* ICIALLU */
		     "mcr p15, 0, %0, c7, c5, 6\n\t"	/* BPIALL */
		     "dsb" : : "r" (0) : "memory");

	asm volatile("mcr p15, 0, %0, c3, c0, 0" : : "r" (DACR_DOMAIN0_CLIENT));
	asm volatile("mcr p15, 0, %0, c2, c0, 2" : : "r" (0));	/* TTBCR */
	asm volatile("mcr p15, 0, %0, c2, c0, 0" : : "r" (arm_l1_table));
	asm volatile("mcr p15, 0, %0, c8, c7, 0\n\t"	/* TLBIALL */
		     "dsb\n\tisb" : : "r" (0) : "memory");

	asm volatile("mrc p15, 0, %0, c1, c0, 0" : "=r" (sctlr));
	sctlr |= SCTLR_M | SCTLR_C | SCTLR_Z | SCTLR_I;
	asm volatile("mcr p15, 0, %0, c1, c0, 0\n\tisb"
		: : "r" (sctlr) : "memory");
	mmu_on = true;
}
