// SPDX-License-Identifier: GPL-2.0
/*
 * Exits from the guest into HYP mode: hypercalls, PSCI calls (trapped
 * SMC), stage-2 data aborts (MMIO emulation), trapped CP15 accesses and
 * physical interrupts. Everything else is reported and parks the CPU.
 */
#include <jailhouse/cell.h>
#include <jailhouse/control.h>
#include <jailhouse/errno.h>
#include <jailhouse/fault.h>
#include <jailhouse/mmio.h>
#include <jailhouse/printk.h>
#include <asm/arm.h>
#include <asm/sysregs.h>

#define BANKED_READ(reg, val)						\
	({								\
		asm volatile(".arch_extension virt\n\tmrs %0, " #reg	\
			     : "=r" (val));				\
	})
#define BANKED_WRITE(reg, val)						\
	({								\
		asm volatile(".arch_extension virt\n\tmsr " #reg ", %0"	\
			     : : "r" (val));				\
	})

/* SP and LR of the guest's current mode (banked, not in the frame). */
static u32 banked_sp_lr(u32 mode, bool lr)
{
	u32 val = 0;

	switch (mode) {
	case PSR_MODE_USR:
	case PSR_MODE_SYS:
		BANKED_READ(sp_usr, val);
		break;
	case PSR_MODE_FIQ:
		if (lr)
			BANKED_READ(lr_fiq, val);
		else
			BANKED_READ(sp_fiq, val);
		break;
	case PSR_MODE_IRQ:
		if (lr)
			BANKED_READ(lr_irq, val);
		else
			BANKED_READ(sp_irq, val);
		break;
	case PSR_MODE_SVC:
		if (lr)
			BANKED_READ(lr_svc, val);
		else
			BANKED_READ(sp_svc, val);
		break;
	case PSR_MODE_ABT:
		if (lr)
			BANKED_READ(lr_abt, val);
		else
			BANKED_READ(sp_abt, val);
		break;
	case PSR_MODE_UND:
		if (lr)
			BANKED_READ(lr_und, val);
		else
			BANKED_READ(sp_und, val);
		break;
	}
	return val;
}

static void set_banked_sp_lr(u32 mode, bool lr, u32 val)
{
	switch (mode) {
	case PSR_MODE_USR:
	case PSR_MODE_SYS:
		BANKED_WRITE(sp_usr, val);
		break;
	case PSR_MODE_FIQ:
		if (lr)
			BANKED_WRITE(lr_fiq, val);
		else
			BANKED_WRITE(sp_fiq, val);
		break;
	case PSR_MODE_IRQ:
		if (lr)
			BANKED_WRITE(lr_irq, val);
		else
			BANKED_WRITE(sp_irq, val);
		break;
	case PSR_MODE_SVC:
		if (lr)
			BANKED_WRITE(lr_svc, val);
		else
			BANKED_WRITE(sp_svc, val);
		break;
	case PSR_MODE_ABT:
		if (lr)
			BANKED_WRITE(lr_abt, val);
		else
			BANKED_WRITE(sp_abt, val);
		break;
	case PSR_MODE_UND:
		if (lr)
			BANKED_WRITE(lr_und, val);
		else
			BANKED_WRITE(sp_und, val);
		break;
	}
}

static u32 fiq_reg(unsigned int reg)
{
	u32 val = 0;

	switch (reg) {
	case 8:
		BANKED_READ(r8_fiq, val);
		break;
	case 9:
		BANKED_READ(r9_fiq, val);
		break;
	case 10:
		BANKED_READ(r10_fiq, val);
		break;
	case 11:
		BANKED_READ(r11_fiq, val);
		break;
	case 12:
		BANKED_READ(r12_fiq, val);
		break;
	}
	return val;
}

static void set_fiq_reg(unsigned int reg, u32 val)
{
	switch (reg) {
	case 8:
		BANKED_WRITE(r8_fiq, val);
		break;
	case 9:
		BANKED_WRITE(r9_fiq, val);
		break;
	case 10:
		BANKED_WRITE(r10_fiq, val);
		break;
	case 11:
		BANKED_WRITE(r11_fiq, val);
		break;
	case 12:
		BANKED_WRITE(r12_fiq, val);
		break;
	}
}

/* Register n as the guest instruction that trapped sees it. */
u32 arm_guest_reg(struct trap_frame *frame, unsigned int reg)
{
	u32 mode = read_spsr_hyp() & PSR_MODE_MASK;

	if (reg < 8 || (reg <= 12 && mode != PSR_MODE_FIQ))
		return frame->r[reg];
	if (reg <= 12)
		return fiq_reg(reg);
	if (reg == 14 && (mode == PSR_MODE_USR || mode == PSR_MODE_SYS))
		return frame->lr;
	if (reg == 15)
		return read_elr_hyp() + ((read_spsr_hyp() & PSR_T) ? 4 : 8);
	return banked_sp_lr(mode, reg == 14);
}

void arm_set_guest_reg(struct trap_frame *frame, unsigned int reg, u32 val)
{
	u32 mode = read_spsr_hyp() & PSR_MODE_MASK;

	if (reg < 8 || (reg <= 12 && mode != PSR_MODE_FIQ))
		frame->r[reg] = val;
	else if (reg <= 12)
		set_fiq_reg(reg, val);
	else if (reg == 14 && (mode == PSR_MODE_USR || mode == PSR_MODE_SYS))
		frame->lr = val;
	else if (reg <= 14)
		set_banked_sp_lr(mode, reg == 14, val);
}

/* Does the condition of the trapped (possibly conditional) insn pass? */
bool arm_condition_passed(u32 hsr)
{
	u32 psr = read_spsr_hyp();
	bool n = psr >> 31 & 1, z = psr >> 30 & 1, c = psr >> 29 & 1,
	     v = psr >> 28 & 1, result;
	u32 cond;

	if (!(hsr & HSR_CV))
		return true;
	cond = HSR_COND(hsr);
	switch (cond >> 1) {
	case 0:
		result = z;
		break;
	case 1:
		result = c;
		break;
	case 2:
		result = n;
		break;
	case 3:
		result = v;
		break;
	case 4:
		result = c && !z;
		break;
	case 5:
		result = n == v;
		break;
	case 6:
		result = n == v && !z;
		break;
	default:
		return true;
	}
	return (cond & 1) ? !result : result;
}

/* Step over the trapped instruction, keeping a Thumb IT block in sync. */
void arm_skip_instruction(u32 hsr)
{
	u32 psr = read_spsr_hyp();
	u32 it;

	write_elr_hyp(read_elr_hyp() + ((hsr & HSR_IL) ? 4 : 2));
	if (!(psr & PSR_T))
		return;
	it = (PSR_IT_HIGH(psr) << 2) | PSR_IT_LOW(psr);
	if (!it)
		return;
	it = (it & 0x7) ? (it & 0xe0) | ((it << 1) & 0x1f) : 0;
	psr &= ~((0x3 << 25) | (0x3f << 10));
	psr |= ((it & 0x3) << 25) | ((it >> 2) << 10);
	write_spsr_hyp(psr);
}

static void handle_hvc(struct trap_frame *frame, u32 hsr)
{
	if ((HSR_ISS(hsr) & 0xffff) != JAILHOUSE_HVC_CODE) {
		/* e.g. a hyp-stub call: the stub is not reachable now */
		frame->r[0] = (u32)-ENOSYS;
		return;
	}
	frame->r[0] = (u32)hypercall(frame->r[0], frame->r[1], frame->r[2]);
}

static u64 fault_ipa(u32 far)
{
	u32 hpfar;

	arm_read_sysreg(HPFAR, hpfar);
	return ((u64)(hpfar & ~0xfU) << 8) | (far & 0xfff);
}

static const char no_syndrome[] =
	"no instruction syndrome (multi-register, exclusive or write-back access)";

static void handle_dabt(struct per_cpu *cpu_data, struct trap_frame *frame,
			u32 hsr)
{
	u32 iss = HSR_ISS(hsr), hdfar, val;
	struct mmio_access access;
	unsigned int reg;
	enum mmio_result result;

	arm_read_sysreg(HDFAR, hdfar);
	cpu_stats_inc(cpu_data, JAILHOUSE_CPU_STAT_VMEXITS_MMIO);

	access.address = fault_ipa(hdfar);
	access.is_write = iss & HSR_DABT_WNR;
	if (!(iss & HSR_DABT_ISV)) {
		fault_report_mmio_undecoded(access.address, access.is_write,
					    read_elr_hyp(), no_syndrome);
		panic_park();
	}
	if (iss & HSR_DABT_S1PTW) {
		fault_report_mmio_undecoded(access.address, false,
					    read_elr_hyp(),
					    "guest page-table walk");
		panic_park();
	}

	reg = HSR_DABT_SRT(iss);
	access.size = 1 << HSR_DABT_SAS(iss);
	access.value = 0;
	if (access.is_write) {
		access.value = arm_guest_reg(frame, reg);
		if (access.size < 4)
			access.value &= (1UL << (access.size * 8)) - 1;
	}

	result = mmio_dispatch(&cpu_data->cell->mmio, &access);
	if (result != MMIO_HANDLED) {
		fault_report_mmio(&access, read_elr_hyp());
		panic_park();
	}

	if (!access.is_write) {
		val = access.value;
		if ((iss & HSR_DABT_SSE) && access.size < 4 &&
		    (val & (1U << (access.size * 8 - 1))))
			val |= ~0U << (access.size * 8);
		arm_set_guest_reg(frame, reg, val);
	}
	arm_skip_instruction(hsr);
}

static void handle_pabt(u32 hsr)
{
	u32 hifar;

	arm_read_sysreg(HIFAR, hifar);
	fault_report_exec(fault_ipa(hifar), read_elr_hyp());
	panic_park();
}

/* ACTLR (trapped by HCR.TAC): reads see the real value, writes vanish. */
static void handle_cp15_32(struct per_cpu *cpu_data,
			   struct trap_frame *frame, u32 hsr)
{
	u32 iss = HSR_ISS(hsr), val;

	cpu_stats_inc(cpu_data, JAILHOUSE_CPU_STAT_VMEXITS_CP15);
	if (!arm_condition_passed(hsr)) {
		arm_skip_instruction(hsr);
		return;
	}
	if (HSR_CP15_OPC1(iss) == 0 && HSR_CP15_CRN(iss) == 1 &&
	    HSR_CP15_CRM(iss) == 0 && HSR_CP15_OPC2(iss) == 1) {
		if (iss & HSR_CP15_READ) {
			arm_read_sysreg(ACTLR, val);
			arm_set_guest_reg(frame, HSR_CP15_RT(iss), val);
		}
		arm_skip_instruction(hsr);
		return;
	}
	printk("FATAL: Unhandled CP15 %s p15, %u, r%u, c%u, c%u, %u\n",
	       (iss & HSR_CP15_READ) ? "read (mrc)" : "write (mcr)",
	       HSR_CP15_OPC1(iss), HSR_CP15_RT(iss), HSR_CP15_CRN(iss),
	       HSR_CP15_CRM(iss), HSR_CP15_OPC2(iss));
	fault_print_location(read_elr_hyp());
	panic_park();
}

/*
 * Root-cell CPUs trap WFI (HCR.TWI): before the CPU sleeps, the GIC gets a
 * chance to signal an interrupt it holds back (gic_refresh_physical).
 * The WFI is not skipped: it runs again natively, with trapping paused
 * until the next exit, so an idle root CPU costs one extra exit per
 * sleep. Non-root cells never trap WFI (one exit per timer tick).
 */
void arm_set_wfi_trap(struct per_cpu *cpu_data)
{
	u32 hcr;

	arm_read_sysreg(HCR, hcr);
	if (cpu_data->cell == &root_cell && !cpu_data->arch.wfi_trap_paused)
		hcr |= HCR_TWI;
	else
		hcr &= ~HCR_TWI;
	arm_write_sysreg(HCR, hcr);
	arm_isb();
}

static void handle_wfi(struct per_cpu *cpu_data)
{
	gic_refresh_physical();
	cpu_data->arch.wfi_trap_paused = true;
	arm_set_wfi_trap(cpu_data);
}

/* Any other exit ends the pause. */
static void resume_wfi_trap(struct per_cpu *cpu_data)
{
	if (cpu_data->arch.wfi_trap_paused) {
		cpu_data->arch.wfi_trap_paused = false;
		arm_set_wfi_trap(cpu_data);
	}
}

static void handle_smc(struct per_cpu *cpu_data, struct trap_frame *frame,
		       u32 hsr)
{
	/* the preferred return address is the SMC itself */
	if (!arm_condition_passed(hsr) || psci_handle_smc(cpu_data, frame))
		arm_skip_instruction(hsr | HSR_IL);
}

void arm_handle_trap(struct trap_frame *frame)
{
	struct per_cpu *cpu_data = this_cpu_data();
	u32 hsr;

	arm_read_sysreg(HSR, hsr);
	cpu_stats_inc(cpu_data, JAILHOUSE_CPU_STAT_VMEXITS_TOTAL);

	if (HSR_EC(hsr) == HSR_EC_WFI_WFE) {
		handle_wfi(cpu_data);
		return;
	}
	resume_wfi_trap(cpu_data);

	switch (HSR_EC(hsr)) {
	case HSR_EC_HVC:
		handle_hvc(frame, hsr);
		break;
	case HSR_EC_SMC:
		handle_smc(cpu_data, frame, hsr);
		break;
	case HSR_EC_DABT_GUEST:
		handle_dabt(cpu_data, frame, hsr);
		break;
	case HSR_EC_PABT_GUEST:
		handle_pabt(hsr);
		break;
	case HSR_EC_CP15_32:
		handle_cp15_32(cpu_data, frame, hsr);
		break;
	default:
		printk("FATAL: Unhandled HYP trap, HSR 0x%08x (class 0x%02x)\n",
		       hsr, HSR_EC(hsr));
		fault_print_location(read_elr_hyp());
		panic_park();
	}
}

void arm_handle_irq(struct trap_frame *frame)
{
	struct per_cpu *cpu_data = this_cpu_data();

	cpu_stats_inc(cpu_data, JAILHOUSE_CPU_STAT_VMEXITS_TOTAL);
	resume_wfi_trap(cpu_data);
	gic_handle_irqs(cpu_data);
	arm_check_requests(cpu_data, frame);
}
