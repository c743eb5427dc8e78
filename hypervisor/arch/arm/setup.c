// SPDX-License-Identifier: GPL-2.0
/*
 * ARM setup: per-CPU HYP configuration, activation of the root cell's
 * guests, and handing HYP mode back to the kernel's stub.
 */
#include <jailhouse/arch.h>
#include <jailhouse/cell.h>
#include <jailhouse/control.h>
#include <jailhouse/errno.h>
#include <jailhouse/printk.h>
#include <jailhouse/string.h>
#include <asm/arm.h>
#include <asm/paging.h>
#include <asm/sysregs.h>

BUILD_BUG_ON(offsetof(struct per_cpu, arch.boot_pt) != PERCPU_STACK_SIZE);

static u32 midr;

struct trap_frame *arm_guest_frame(struct per_cpu *cpu_data)
{
	return (struct trap_frame *)(cpu_data->stack + PERCPU_STACK_SIZE) - 1;
}

void arm_dcache_clean_range(const void *start, unsigned long size)
{
	unsigned long line, addr, end = (unsigned long)start + size;
	u32 ctr;

	arm_read_sysreg(CTR, ctr);
	line = 4UL << ((ctr >> 16) & 0xf);
	arm_dsb();
	for (addr = (unsigned long)start & ~(line - 1); addr < end;
	     addr += line)
		asm volatile("mcr p15, 0, %0, c7, c10, 1" /* DCCMVAC */
			     : : "r" (addr) : "memory");
	arm_dsb();
}

static void switch_to_hv_paging(void)
{
	u64 httbr = paging_hvirt2phys(hv_paging.root);

	arm_dsb();
	arm_write_sysreg64(HTTBR, httbr);
	arm_isb();
	asm volatile("mcr p15, 4, %0, c8, c7, 0" : : "r" (0)); /* TLBIALLH */
	arm_dsb();
	arm_isb();
}

int arch_init_early(void)
{
	u64 entry_phys;
	int err;

	/* .text.entry is identity mapped for switching the MMU on and off */
	entry_phys = paging_hvirt2phys(arm_leave_identity) & PAGE_MASK;
	if (entry_phys + PAGE_SIZE > REMAP_BASE) {
		printk("ERROR: hypervisor memory must lie below 0x%x\n",
		       REMAP_BASE);
		return -EINVAL;
	}
	err = paging_create(&hv_paging, entry_phys, PAGE_SIZE, entry_phys,
			    PAGE_FLAG_READ | PAGE_FLAG_EXEC, PAGING_NO_HUGE);
	if (err)
		return err;

	arm_read_sysreg(MIDR, midr);
	switch_to_hv_paging();
	return 0;
}

int arch_cpu_init(struct per_cpu *cpu_data)
{
	struct per_cpu_arch *arch = &cpu_data->arch;
	u32 mpidr;
	int err;

	switch_to_hv_paging();

	arm_read_sysreg(MPIDR, mpidr);
	arch->mpidr = mpidr & MPIDR_AFFINITY_MASK;
	arch->psci_state = PSCI_CPU_IS_ON;

	err = gic_cpu_init(cpu_data);
	if (err)
		return err;

	arm_write_sysreg(VPIDR, midr);
	arm_write_sysreg(VMPIDR, mpidr);
	arm_write_sysreg(HVBAR, (u32)hyp_vectors);
	arm_write_sysreg(VTCR, VTCR_RES1 | VTCR_T0SZ_40BIT | VTCR_SL0_LEVEL1 |
			 TCR_IRGN0_WBWA | TCR_ORGN0_WBWA | TCR_SH0_INNER);
	arm_cell_load_stage2(cpu_data->cell);
	arm_write_sysreg(HCR, HCR_VM | HCR_SWIO | HCR_FMO | HCR_IMO |
			 HCR_AMO | HCR_TSC | HCR_TAC);
	arm_set_wfi_trap(cpu_data);
	cpu_data->initialized = true;
	return 0;
}

int arch_init_late(void)
{
	return 0;
}

void arch_shutdown(void)
{
}

static void save_stub_state(struct per_cpu *cpu_data, u32 stub_hsctlr)
{
	struct per_cpu_arch *arch = &cpu_data->arch;

	arch->stub_hsctlr = stub_hsctlr;
	arm_read_sysreg(HVBAR, arch->stub_hvbar);
	arm_read_sysreg(HCR, arch->stub_hcr);
	arm_read_sysreg(VTCR, arch->stub_vtcr);
	arm_read_sysreg(HSTR, arch->stub_hstr);
	arm_read_sysreg64(VTTBR, arch->stub_vttbr);
}

/* Guest TLB entries from before the switch must not survive it. */
static void flush_guest_tlb_local(void)
{
	arm_dsb();
	asm volatile("mcr p15, 4, %0, c8, c7, 4" : : "r" (0)); /* TLBIALLNSNH */
	arm_dsb();
	arm_isb();
}

void arm_entry_c(unsigned int cpu_id, struct per_cpu *cpu_data,
		 u32 stub_hsctlr)
{
	struct trap_frame *frame = arm_guest_frame(cpu_data);
	int err;

	save_stub_state(cpu_data, stub_hsctlr);
	/* our vectors from now on: a fault in HYP mode gets reported */
	arm_write_sysreg(HVBAR, (u32)hyp_vectors);
	arm_isb();
	err = entry(cpu_id, cpu_data);
	if (err)
		arch_cpu_restore(cpu_data, err);

	flush_guest_tlb_local();
	frame->r[0] = 0;
	arm_activate(frame);
}

void arch_cpu_exit(struct per_cpu *cpu_data)
{
	struct per_cpu_arch *arch = &cpu_data->arch;

	if (!cpu_data->initialized)
		return;
	gic_cpu_exit(cpu_data);
	arm_write_sysreg(HCR, arch->stub_hcr);
	arm_write_sysreg64(VTTBR, arch->stub_vttbr);
	arm_write_sysreg(VTCR, arch->stub_vtcr);
	arm_write_sysreg(HSTR, arch->stub_hstr);
	arm_isb();
	flush_guest_tlb_local();
	cpu_data->initialized = false;
}

void arch_cpu_restore(struct per_cpu *cpu_data, int return_code)
{
	struct per_cpu_arch *arch = &cpu_data->arch;
	struct trap_frame *frame = arm_guest_frame(cpu_data);

	arch_cpu_exit(cpu_data);
	frame->r[0] = (u32)return_code;
	arm_dcache_clean_range(frame, sizeof(*frame));
	arm_leave_hyp((u32)paging_hvirt2phys(frame), arch->stub_hvbar,
		      arch->stub_hsctlr,
		      (u32)paging_hvirt2phys(arm_leave_identity));
}

void arch_panic_stop(void)
{
	asm volatile("cpsid aif");
	while (1)
		wait_for_interrupt();
}

int arch_uart_pio_setup(struct uart_chip *chip)
{
	printk("ERROR: port I/O consoles do not exist on ARM\n");
	return -EINVAL;
}

static const char *const hyp_fault_names[] = {
	[1] = "undefined instruction", [2] = "supervisor call",
	[3] = "prefetch abort", [4] = "data abort", [7] = "FIQ",
};

void arm_hyp_fault(struct trap_frame *frame, unsigned int kind)
{
	u32 hsr, hdfar, hifar, elr = read_elr_hyp();
	unsigned int n;

	arm_read_sysreg(HSR, hsr);
	arm_read_sysreg(HDFAR, hdfar);
	arm_read_sysreg(HIFAR, hifar);
	printk("FATAL: %s in the hypervisor at 0x%08x\n HSR 0x%08x HDFAR 0x%08x HIFAR 0x%08x\n",
	       kind < ARRAY_SIZE(hyp_fault_names) && hyp_fault_names[kind] ?
	       hyp_fault_names[kind] : "exception", elr, hsr, hdfar, hifar);
	for (n = 0; n < 13; n += 4)
		printk(" r%u: %08x %08x %08x %08x\n", n, frame->r[n],
		       n + 1 < 13 ? frame->r[n + 1] : 0,
		       n + 2 < 13 ? frame->r[n + 2] : 0,
		       n + 3 < 13 ? frame->r[n + 3] : frame->lr);
	panic_stop();
}
