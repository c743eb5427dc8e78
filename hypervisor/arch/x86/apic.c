// SPDX-License-Identifier: GPL-2.0
/*
 * Local APIC handling.
 *
 * Interrupts reach guests without the hypervisor: external interrupts and
 * NMIs are not intercepted, EOIs of x2APIC guests go straight to the
 * hardware. What is intercepted is what could reach another cell: the
 * interrupt command register (ICR), and in xAPIC mode the whole APIC page
 * (one 4 KiB page cannot be split; Linux's two-step ICR writes must also
 * stay atomic against the hypervisor's own IPIs).
 *
 * The hypervisor signals a CPU by NMI (NMIs exit; the target tells its
 * kicks from the guest's own NMIs by a counter, see control.c). A CPU
 * waiting for SIPI ignores NMIs, it gets a SIPI instead. INIT would be the
 * natural choice, but Bochs 2.7 keeps an INIT that caused a VM exit
 * pending, so the guest could never run again.
 */
#include <jailhouse/cell.h>
#include <jailhouse/control.h>
#include <jailhouse/errno.h>
#include <jailhouse/paging.h>
#include <jailhouse/percpu.h>
#include <jailhouse/printk.h>
#include <asm/apic.h>
#include <asm/processor.h>
#include <asm/spinlock.h>
#include <asm/vcpu.h>

#define APIC_BASE_ADDR_MASK	0x000ffffffffff000ULL

#define XAPIC_DFR_FLAT		0xf

#define X2APIC_BROADCAST	0xffffffffU
#define XAPIC_BROADCAST		0xffU

#define APIC_REG_SVR		0x0f0
#define APIC_REG_ISR		0x100	/* 8 registers, 16 bytes apart */
#define APIC_REG_ESR		0x280
#define APIC_REG_LVT_TIMER	0x320
#define APIC_REG_LVT_ERROR	0x370
#define APIC_REG_TIMER_INIT	0x380
#define APIC_REG_TIMER_CUR	0x390
#define APIC_REG_TIMER_DIV	0x3e0
#define APIC_TIMER_DIV_1	0xb
#define APIC_LVT_MASKED		0x10000
#define APIC_SVR_DISABLED	0xff	/* reset value: software-disabled */

static u64 xapic_phys;
static volatile void *xapic_virt;
/* the mode Linux runs its APICs in: the root cell's CPUs get it back */
static bool root_x2apic;

static bool apic_enabled(u64 apic_base)
{
	return apic_base & APIC_BASE_EN;
}

/* Every CPU has its own mode: a cell's CPU may switch to x2APIC. */
static bool this_x2apic(void)
{
	return this_cpu_data()->arch.x2apic;
}

int apic_init(void)
{
	u64 apic_base = read_msr(MSR_IA32_APIC_BASE);

	if (!apic_enabled(apic_base)) {
		printk("ERROR: local APIC disabled\n");
		return -EIO;
	}
	root_x2apic = apic_base & APIC_BASE_EXTD;
	xapic_phys = apic_base & APIC_BASE_ADDR_MASK;
	/* also needed in x2APIC mode: the page stays intercepted */
	xapic_virt = paging_map_device(xapic_phys, PAGE_SIZE);
	if (!xapic_virt)
		return -ENOMEM;
	return 0;
}

void apic_print_mode(void)
{
	printk("Local APIC in %s mode\n", root_x2apic ? "x2APIC" : "xAPIC");
}

void apic_shutdown(void)
{
	paging_unmap_remap((void *)xapic_virt, PAGE_SIZE);
	xapic_virt = NULL;
}

static u32 xapic_read(unsigned int reg)
{
	return mmio_read32((u8 *)xapic_virt + reg);
}

static void xapic_write(unsigned int reg, u32 value)
{
	mmio_write32((u8 *)xapic_virt + reg, value);
}

static u32 x2apic_reg(unsigned int reg)
{
	return MSR_X2APIC_BASE + reg / 16;
}

/* A register of this CPU's APIC, in the mode it is in. */
static u32 apic_reg_read(unsigned int reg)
{
	return this_x2apic() ? read_msr(x2apic_reg(reg)) : xapic_read(reg);
}

static void apic_reg_write(unsigned int reg, u32 value)
{
	if (this_x2apic())
		write_msr(x2apic_reg(reg), value);
	else
		xapic_write(reg, value);
}

/* Identity and logical destination of this CPU's APIC in its mode. */
static void apic_read_identity(struct per_cpu_arch *arch)
{
	if (arch->x2apic) {
		arch->apic_id = read_msr(x2apic_reg(APIC_REG_ID));
		arch->apic_ldr = read_msr(x2apic_reg(APIC_REG_LDR));
	} else {
		arch->apic_id = xapic_read(APIC_REG_ID) >> 24;
		arch->apic_ldr = xapic_read(APIC_REG_LDR) >> 24;
		arch->apic_dfr = xapic_read(APIC_REG_DFR) >> 28;
	}
}

int apic_cpu_init(struct per_cpu *cpu_data)
{
	struct per_cpu_arch *arch = &cpu_data->arch;

	arch->x2apic = read_msr(MSR_IA32_APIC_BASE) & APIC_BASE_EXTD;
	if (arch->x2apic != root_x2apic) {
		printk("ERROR: CPUs in different APIC modes\n");
		return -EIO;
	}
	apic_read_identity(arch);
	return 0;
}

/* Switch this CPU's APIC to x2APIC or back to xAPIC mode. */
static void apic_set_mode(bool x2apic)
{
	struct per_cpu_arch *arch = &this_cpu_data()->arch;
	u64 base = read_msr(MSR_IA32_APIC_BASE);

	if (arch->x2apic == x2apic)
		return;
	if (x2apic) {
		write_msr(MSR_IA32_APIC_BASE, base | APIC_BASE_EXTD);
	} else {
		/* x2APIC -> xAPIC is only allowed through "disabled" */
		write_msr(MSR_IA32_APIC_BASE,
			  base & ~(APIC_BASE_EN | APIC_BASE_EXTD));
		write_msr(MSR_IA32_APIC_BASE,
			  (base & ~APIC_BASE_EXTD) | APIC_BASE_EN);
	}
	arch->x2apic = x2apic;
	apic_read_identity(arch);
}

/*
 * This CPU changes hands (to a new cell, or back to the root cell): its
 * APIC must not keep anything of the previous owner - no timer running,
 * no unmasked LVT, no interrupt in service (a missing EOI would block
 * the new owner's interrupts of lower priority). It ends up
 * software-disabled, as after reset, in Linux's mode: every cell uses the
 * mode Linux chose (x2APIC where Linux runs x2APIC: EOI and timer writes
 * then reach the APIC without VM exits). Leaving x2APIC mode needs the
 * APIC globally disabled and enabled again, which Bochs cannot do (it
 * ignores IA32_APIC_BASE writes while the APIC is disabled), so a CPU
 * never changes its mode on the way between cells.
 */
void apic_cpu_reset(void)
{
	unsigned int reg, n;

	apic_reg_write(APIC_REG_TIMER_INIT, 0);
	for (reg = APIC_REG_LVT_TIMER; reg <= APIC_REG_LVT_ERROR; reg += 0x10)
		apic_reg_write(reg, APIC_LVT_MASKED);
	/* each EOI retires the highest vector in service */
	for (n = 0; n < 256; n++) {
		for (reg = 0; reg < 8; reg++)
			if (apic_reg_read(APIC_REG_ISR + reg * 0x10))
				break;
		if (reg == 8)
			break;
		apic_reg_write(APIC_REG_EOI, 0);
	}
	apic_reg_write(APIC_REG_SVR, APIC_SVR_DISABLED);
	apic_reg_write(APIC_REG_ESR, 0);
	apic_set_mode(root_x2apic);
	this_cpu_data()->arch.xapic_icr_high = 0;
}

/* The APIC timer counting down from its maximum, no interrupt. */
void apic_timer_start_free_running(void)
{
	apic_reg_write(APIC_REG_LVT_TIMER, APIC_LVT_MASKED);
	apic_reg_write(APIC_REG_TIMER_DIV, APIC_TIMER_DIV_1);
	apic_reg_write(APIC_REG_TIMER_INIT, 0xffffffff);
}

u32 apic_timer_count(void)
{
	return apic_reg_read(APIC_REG_TIMER_CUR);
}

void apic_timer_stop(void)
{
	apic_reg_write(APIC_REG_TIMER_INIT, 0);
}

/* Physical IPI; dest is an APIC ID or logical destination. */
static void apic_send(u32 dest, u32 icr)
{
	if (this_x2apic()) {
		write_msr(MSR_X2APIC_ICR, ((u64)dest << 32) | icr);
		return;
	}
	while (xapic_read(APIC_REG_ICR) & APIC_ICR_PENDING)
		cpu_relax();
	xapic_write(APIC_REG_ICR_HI, dest << 24);
	xapic_write(APIC_REG_ICR, icr);
}

void apic_kick_cpu(unsigned int cpu)
{
	struct per_cpu_arch *target = &per_cpu(cpu)->arch;

	if (target->wait_for_sipi) {
		apic_send(target->apic_id, APIC_ICR_DLVR_SIPI);
	} else {
		__atomic_add_fetch(&target->kicks, 1, __ATOMIC_SEQ_CST);
		apic_send(target->apic_id, APIC_ICR_DLVR_NMI);
	}
}

/* --- IPIs from guests ----------------------------------------------------- */

static bool cpu_entered(unsigned int cpu)
{
	return per_cpu(cpu)->cell;
}

static bool logical_match(const struct per_cpu_arch *arch, u32 dest)
{
	/* logical IDs only mean something between APICs in the same mode */
	if (arch->x2apic != this_x2apic())
		return false;
	if (arch->x2apic)
		return (dest >> 16) == (arch->apic_ldr >> 16) &&
			(dest & arch->apic_ldr & 0xffff);
	if (arch->apic_dfr == XAPIC_DFR_FLAT)
		return dest & arch->apic_ldr;
	/* cluster model: 4-bit cluster, 4-bit member mask */
	return (dest >> 4) == (arch->apic_ldr >> 4) &&
		(dest & arch->apic_ldr & 0xf);
}

static bool ipi_targets_cpu(unsigned int cpu, u32 icr, u32 dest)
{
	const struct per_cpu_arch *arch = &per_cpu(cpu)->arch;
	bool self = cpu == this_cpu_data()->cpu_id;
	u32 broadcast = this_x2apic() ? X2APIC_BROADCAST : XAPIC_BROADCAST;

	switch (icr & APIC_ICR_SHORTHAND_MASK) {
	case APIC_ICR_SH_SELF:
		return self;
	case APIC_ICR_SH_ALL:
		return true;
	case APIC_ICR_SH_OTHERS:
		return !self;
	}
	if (dest == broadcast)
		return true;
	if (icr & APIC_ICR_DEST_LOGICAL)
		return logical_match(arch, dest);
	return arch->apic_id == dest;
}

static void request_init(unsigned int cpu)
{
	vcpu_request(cpu, VCPU_REQ_INIT);
}

static void request_sipi(unsigned int cpu, unsigned int vector)
{
	per_cpu(cpu)->arch.sipi_vector = vector;
	vcpu_request(cpu, VCPU_REQ_SIPI);
}

/*
 * A guest's IPI: delivered unchanged if every CPU it reaches belongs to
 * the sender's cell, otherwise one by one to the cell's own CPUs only.
 * INIT and SIPI are emulated (they must not reset a physical CPU the
 * hypervisor runs on); SMI and ExtINT are refused.
 */
static bool guest_ipi(u32 icr, u32 dest)
{
	struct cell *cell = this_cell();
	u32 mode = icr & APIC_ICR_DLVR_MASK;
	bool foreign = false;
	unsigned int cpu;

	if (mode == APIC_ICR_DLVR_SMI || mode == APIC_ICR_DLVR_EXTINT) {
		printk("WARNING: cell \"%s\" CPU %u: IPI delivery mode %#x refused\n",
		       cell->config->name,
		       this_cpu_data()->cpu_id, mode >> 8);
		return true;
	}
	/* INIT level de-assert: a no-op on all current CPUs */
	if (mode == APIC_ICR_DLVR_INIT && !(icr & APIC_ICR_LEVEL_ASSERT))
		return true;

	for (cpu = 0; cpu < hypervisor_max_cpus(); cpu++)
		if (cpu_entered(cpu) && ipi_targets_cpu(cpu, icr, dest) &&
		    !cell_owns_cpu(cell, cpu))
			foreign = true;

	if (!foreign && mode != APIC_ICR_DLVR_INIT &&
	    mode != APIC_ICR_DLVR_SIPI) {
		apic_send(dest, icr);
		return true;
	}

	for (cpu = 0; cpu < hypervisor_max_cpus(); cpu++) {
		if (!cpu_entered(cpu) || !cell_owns_cpu(cell, cpu) ||
		    !ipi_targets_cpu(cpu, icr, dest))
			continue;
		if (mode == APIC_ICR_DLVR_INIT)
			request_init(cpu);
		else if (mode == APIC_ICR_DLVR_SIPI)
			request_sipi(cpu, icr & APIC_ICR_VECTOR_MASK);
		else
			apic_send(per_cpu(cpu)->arch.apic_id,
				  (icr & ~(APIC_ICR_SHORTHAND_MASK |
					   APIC_ICR_DEST_LOGICAL |
					   APIC_ICR_DLVR_MASK)) |
				  (mode == APIC_ICR_DLVR_NMI ?
				   APIC_ICR_DLVR_NMI : APIC_ICR_DLVR_FIXED));
	}
	return true;
}

/*
 * An interrupt a virtual device of @cell raises with the MSI message its
 * guest programmed: accepted if the destination reaches CPUs of @cell and
 * no others, then sent as a fixed IPI to each of them by physical APIC ID
 * (to the first one only for lowest-priority delivery), so the sender's
 * APIC mode does not matter. The receiving CPU takes it without an exit.
 */
bool apic_send_cell_irq(struct cell *cell, u32 dest, bool logical,
			bool lowest_priority, unsigned int vector)
{
	u32 match = logical ? APIC_ICR_DEST_LOGICAL : 0;
	unsigned long targets[BITS_TO_LONGS(MAX_CPUS)] = { 0 };
	unsigned int cpu;

	for (cpu = 0; cpu < hypervisor_max_cpus() && cpu < MAX_CPUS; cpu++) {
		if (!cpu_entered(cpu) || !ipi_targets_cpu(cpu, match, dest))
			continue;
		if (!cell_owns_cpu(cell, cpu))
			return false;
		set_bit_nonatomic(cpu, targets);
	}
	cpu = first_cpu(targets);
	if (cpu >= MAX_CPUS)
		return false;
	for (; cpu < MAX_CPUS; cpu = next_cpu(cpu, targets)) {
		apic_send(per_cpu(cpu)->arch.apic_id,
			  (vector & APIC_ICR_VECTOR_MASK) | APIC_ICR_DLVR_FIXED);
		if (lowest_priority)
			break;
	}
	return true;
}

bool x2apic_icr_write(u64 value)
{
	if (!this_x2apic())
		return false;
	return guest_ipi((u32)value, value >> 32);
}

/* --- x2APIC MSRs on an xAPIC ---------------------------------------------- */

#define APIC_REG_VERSION	0x030
#define APIC_REG_TPR		0x080
#define APIC_REG_PPR		0x0a0
#define APIC_REG_IRR_END	0x270
#define APIC_REG_LVT_CMCI	0x2f0
#define APIC_REG_SELF_IPI	0x3f0	/* x2APIC only */

enum { X2APIC_RO = 1, X2APIC_WO = 2, X2APIC_RW = 3 };

/* The registers that exist as x2APIC MSRs (xAPIC offsets, inclusive) */
static const struct {
	u16 first, last;
	u8 access;
} x2apic_regs[] = {
	{ APIC_REG_ID, APIC_REG_VERSION, X2APIC_RO },
	{ APIC_REG_TPR, APIC_REG_TPR, X2APIC_RW },
	{ APIC_REG_PPR, APIC_REG_PPR, X2APIC_RO },
	{ APIC_REG_EOI, APIC_REG_EOI, X2APIC_WO },
	{ APIC_REG_LDR, APIC_REG_LDR, X2APIC_RO },
	{ APIC_REG_SVR, APIC_REG_SVR, X2APIC_RW },
	{ APIC_REG_ISR, APIC_REG_IRR_END, X2APIC_RO },
	{ APIC_REG_ESR, APIC_REG_ESR, X2APIC_RW },
	{ APIC_REG_LVT_CMCI, APIC_REG_ICR, X2APIC_RW },
	{ APIC_REG_LVT_TIMER, APIC_REG_TIMER_INIT, X2APIC_RW },
	{ APIC_REG_TIMER_CUR, APIC_REG_TIMER_CUR, X2APIC_RO },
	{ APIC_REG_TIMER_DIV, APIC_REG_TIMER_DIV, X2APIC_RW },
	{ APIC_REG_SELF_IPI, APIC_REG_SELF_IPI, X2APIC_WO },
};

bool apic_cells_in_x2apic_mode(void)
{
	return root_x2apic;
}

static bool x2apic_reg_allows(unsigned int reg, bool is_write)
{
	unsigned int n;

	for (n = 0; n < ARRAY_SIZE(x2apic_regs); n++)
		if (reg >= x2apic_regs[n].first && reg <= x2apic_regs[n].last)
			return x2apic_regs[n].access &
				(is_write ? X2APIC_WO : X2APIC_RO);
	return false;
}

/*
 * A 64-bit x2APIC ICR value sent through an xAPIC. Physical destinations
 * above 0xfe match no CPU (xAPIC IDs are 8 bits); x2APIC logical IDs
 * (cluster and member bit) have no xAPIC form and are refused.
 */
static bool x2apic_icr_on_xapic(u64 value)
{
	u32 icr = (u32)value, dest = value >> 32;

	if (icr & APIC_ICR_SHORTHAND_MASK)
		return guest_ipi(icr, 0);
	if (icr & APIC_ICR_DEST_LOGICAL) {
		printk("FATAL: cell \"%s\" CPU %u: x2APIC logical destination %#x on an xAPIC\n",
		       this_cell()->config->name, this_cpu_data()->cpu_id,
		       dest);
		return false;
	}
	if (dest == X2APIC_BROADCAST)
		return guest_ipi(icr, XAPIC_BROADCAST);
	if (dest >= XAPIC_BROADCAST)
		return true;
	return guest_ipi(icr, dest);
}

/*
 * Inmates written for Jailhouse program their local APIC through the
 * x2APIC MSRs only, without switching its mode, while the CPUs of a cell
 * keep the mode Linux runs in (apic_cpu_reset()). On an xAPIC, MSR
 * 0x800 + n acts on the register at offset 16 * n with its x2APIC
 * meaning: the ID and the logical ID are derived from the whole APIC ID,
 * the ICR takes a 32-bit destination, SELF IPI sends to this CPU. What
 * x2APIC hardware refuses with #GP (DFR, ICR high, reserved MSRs, writes
 * to read-only registers) is refused.
 */
bool x2apic_msr_on_xapic(u32 msr, u64 *value, bool is_write)
{
	u32 id = this_cpu_data()->arch.apic_id;
	unsigned int reg = (msr - MSR_X2APIC_BASE) * 16;

	if (this_x2apic() || !x2apic_reg_allows(reg, is_write))
		return false;
	if (!is_write) {
		if (reg == APIC_REG_ID)
			*value = id;
		else if (reg == APIC_REG_LDR)
			*value = ((id >> 4) << 16) | (1U << (id & 0xf));
		else
			*value = xapic_read(reg);
		return true;
	}
	if (reg == APIC_REG_ICR)
		return x2apic_icr_on_xapic(*value);
	if (reg == APIC_REG_SELF_IPI)
		return guest_ipi(APIC_ICR_SH_SELF | APIC_ICR_DLVR_FIXED |
				 (*value & APIC_ICR_VECTOR_MASK), 0);
	xapic_write(reg, (u32)*value);
	return true;
}

bool apic_base_write(u64 value)
{
	u64 current = read_msr(MSR_IA32_APIC_BASE);

	/* only the switch from xAPIC to x2APIC mode is followed */
	if ((value ^ current) & ~APIC_BASE_EXTD) {
		printk("FATAL: unsupported IA32_APIC_BASE change %#llx -> %#llx\n", current, value);
		return false;
	}
	if (!(value & APIC_BASE_EXTD) && this_x2apic())
		return false;
	if (value & APIC_BASE_EXTD && !this_x2apic() &&
	    this_cell() != &root_cell) {
		printk("FATAL: a cell cannot switch its APIC to x2APIC mode (it runs in the root cell's mode)\n");
		return false;
	}
	if (value & APIC_BASE_EXTD && !this_x2apic()) {
		printk("CPU %u: guest switched to x2APIC mode\n",
		       this_cpu_data()->cpu_id);
		apic_set_mode(true);
	}
	return true;
}

/* --- xAPIC page ------------------------------------------------------------ */

u64 apic_xapic_phys(void)
{
	return xapic_phys;
}

bool apic_is_xapic_page(u64 gpa)
{
	return (gpa & PAGE_MASK) == xapic_phys;
}

enum mmio_result xapic_access(struct mmio_access *access)
{
	struct per_cpu_arch *arch = &this_cpu_data()->arch;
	unsigned int reg = access->address & PAGE_OFFS_MASK;

	/* APIC registers are 32 bits wide at 16-byte strides */
	if (this_x2apic() || access->size != 4 || reg & 0xf)
		return MMIO_ERROR;

	if (!access->is_write) {
		access->value = reg == APIC_REG_ICR_HI ?
			arch->xapic_icr_high : xapic_read(reg);
		return MMIO_HANDLED;
	}

	switch (reg) {
	case APIC_REG_ICR_HI:
		arch->xapic_icr_high = access->value;
		break;
	case APIC_REG_ICR:
		guest_ipi(access->value, arch->xapic_icr_high >> 24);
		break;
	case APIC_REG_LDR:
		xapic_write(reg, access->value);
		arch->apic_ldr = access->value >> 24;
		break;
	case APIC_REG_DFR:
		xapic_write(reg, access->value);
		arch->apic_dfr = access->value >> 28;
		break;
	default:
		xapic_write(reg, access->value);
		break;
	}
	return MMIO_HANDLED;
}
