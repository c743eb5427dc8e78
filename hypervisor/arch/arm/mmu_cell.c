// SPDX-License-Identifier: GPL-2.0
/* Stage-2 address spaces of cells (LPAE, 40-bit IPA). */
#include <jailhouse/arch.h>
#include <jailhouse/cell.h>
#include <asm/arm.h>
#include <asm/paging.h>
#include <asm/sysregs.h>

/* What an inmate learns about the machine from its comm region. */
static void fill_comm_region(struct cell *cell)
{
	struct jailhouse_comm_region *comm = &cell->comm_page->comm_region;
	const struct jailhouse_system *sys = system_config;

	comm->gic_version = sys->platform_info.arm.gic_version;
	comm->gicd_base = sys->platform_info.arm.gicd_base;
	comm->gicc_base = sys->platform_info.arm.gicc_base;
	comm->gicr_base = 0;
	comm->vpci_irq_base = cell->config->vpci_irq_base;
}

int arch_cell_create(struct cell *cell)
{
	cell->arch.vmid = cell->id & 0xff;
	if (cell->comm_page)
		fill_comm_region(cell);
	return paging_init_root(&cell->arch.stage2, &arm_stage2_format);
}

void arch_cell_destroy(struct cell *cell)
{
	paging_free_tables(&cell->arch.stage2);
	arm_paging_flush_stage2();
}

int arch_map_memory_region(struct cell *cell,
			   const struct jailhouse_memory *mem)
{
	return paging_create(&cell->arch.stage2, mem->phys_start, mem->size,
			     mem->virt_start, mem_region_page_flags(mem),
			     mem_region_paging_options(mem));
}

int arch_unmap_memory_region(struct cell *cell,
			     const struct jailhouse_memory *mem)
{
	return paging_destroy(&cell->arch.stage2, mem->virt_start, mem->size);
}

void arch_cell_tlb_flush(struct cell *cell)
{
	arm_paging_flush_stage2();
}

void arm_cell_load_stage2(struct cell *cell)
{
	u64 vttbr = paging_hvirt2phys(cell->arch.stage2.root) |
		((u64)cell->arch.vmid << VTTBR_VMID_SHIFT);

	arm_write_sysreg64(VTTBR, vttbr);
	arm_isb();
}
