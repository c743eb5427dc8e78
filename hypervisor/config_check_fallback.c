// SPDX-License-Identifier: GPL-2.0
/*
 * Used only until the shared validator (config_check.c, owned by the
 * tools) is in the tree: the few checks the hypervisor cannot run without.
 * The Makefile picks config_check.c as soon as it exists.
 */
#include <stdbool.h>
#include <jailhouse/config_check.h>

static unsigned int finding(struct jh_check *chk, const char *msg,
			    unsigned int index)
{
	chk->errors++;
	if (chk->report)
		chk->report(chk->arg, JH_CHECK_ERROR, "%s %u", msg, index);
	return 1;
}

static bool overlaps(const struct jailhouse_memory *a,
		     const struct jailhouse_memory *b)
{
	return a->phys_start < b->phys_start + b->size &&
		b->phys_start < a->phys_start + a->size;
}

unsigned int jh_check_system_image(struct jh_check *chk, const void *image,
				   __u64 size)
{
	const struct jailhouse_system *sys = image;
	const struct jailhouse_memory *mem;
	unsigned int n, errors = 0;

	if (chk->report)
		chk->report(chk->arg, JH_CHECK_WARNING, "%s",
			    "full validator not built in, basic checks only");
	chk->warnings++;
	if (size < sizeof(*sys) || jailhouse_system_config_size(sys) > size)
		return finding(chk, "image truncated, size", (unsigned int)size);

	mem = jailhouse_cell_mem_regions(&sys->root_cell);
	for (n = 0; n < sys->root_cell.num_memory_regions; n++) {
		if (mem[n].phys_start + mem[n].size < mem[n].phys_start)
			errors += finding(chk, "address overflow in memory "
					  "region", n);
		if (!(mem[n].flags & JAILHOUSE_MEM_COMM_REGION) &&
		    overlaps(&mem[n], &sys->hypervisor_memory))
			errors += finding(chk, "hypervisor memory mapped by "
					  "root cell memory region", n);
	}
	return errors;
}
