// SPDX-License-Identifier: GPL-2.0
/*
 * GICv2 virtualisation.
 *
 * Physical interrupts are taken in HYP mode (HCR.IMO), acknowledged, their
 * priority dropped (GICC_CTLR.EOImode = 1) and injected into the virtual
 * CPU interface through a list register. Peripheral interrupts use
 * hardware-linked list registers: the guest's EOI on GICV deactivates the
 * physical interrupt, so each interrupt costs exactly one exit. SGIs are
 * deactivated at once and injected as software interrupts.
 *
 * The guest reaches its CPU interface through GICV mapped at the GICC
 * address. The distributor is not mapped: every access traps and is
 * filtered here, so a cell only touches interrupts it owns and sends
 * SGIs only to its own CPUs.
 */
#include <jailhouse/cell.h>
#include <jailhouse/control.h>
#include <jailhouse/errno.h>
#include <jailhouse/mmio.h>
#include <jailhouse/printk.h>
#include <jailhouse/unit.h>
#include <asm/arm.h>
#include <asm/gic.h>
#include <asm/spinlock.h>

static void *gicd, *gicc, *gich;
static u64 gicd_base, gicc_base, gich_base, gicv_base;
static unsigned int num_irqs, num_lrs;
static unsigned int maint_irq;
static DEFINE_SPINLOCK(gicd_lock);
/* IRQs a cell tried to use without owning them (reported once each) */
static unsigned long irq_warned[BITS_TO_LONGS(1024)];

static u32 gicd_read(unsigned int reg)
{
	return mmio_read32((u8 *)gicd + reg);
}

static void gicd_write(unsigned int reg, u32 val)
{
	mmio_write32((u8 *)gicd + reg, val);
}

static u32 gicc_read(unsigned int reg)
{
	return mmio_read32((u8 *)gicc + reg);
}

static void gicc_write(unsigned int reg, u32 val)
{
	mmio_write32((u8 *)gicc + reg, val);
}

static u32 gich_read(unsigned int reg)
{
	return mmio_read32((u8 *)gich + reg);
}

static void gich_write(unsigned int reg, u32 val)
{
	mmio_write32((u8 *)gich + reg, val);
}

static u32 read_lr(unsigned int n)
{
	return gich_read(GICH_LR_BASE + n * 4);
}

static void write_lr(unsigned int n, u32 val)
{
	gich_write(GICH_LR_BASE + n * 4, val);
}

static bool cell_owns_irq(const struct cell *cell, unsigned int irq)
{
	return irq < num_irqs && test_bit(irq, cell->arch.irq_owned);
}

/* GIC CPU interface bits of all CPUs of the cell. */
static u8 cell_cpu_ifs(const struct cell *cell)
{
	unsigned int cpu;
	u8 mask = 0;

	for (cpu = first_cpu(cell->cpu_set); cpu < MAX_CPUS;
	     cpu = next_cpu(cpu, cell->cpu_set))
		mask |= per_cpu(cpu)->arch.gic_cpu_if;
	return mask;
}

/* ---- injection ---------------------------------------------------------- */

/*
 * Marks a queued SPI without physical source (virtual PCI INTx): it is
 * injected as a software interrupt, not linked to a physical one.
 */
#define QUEUED_VIRTUAL_SPI	0x8000

static u64 free_lrs(void)
{
	u64 elrsr = gich_read(GICH_ELRSR0);

	if (num_lrs > 32)
		elrsr |= (u64)gich_read(GICH_ELRSR1) << 32;
	return elrsr;
}

/*
 * Put an interrupt into a list register. A pending SGI from the same
 * source is merged; false means all list registers are busy.
 */
static bool inject(u16 irq, u8 source, u8 priority)
{
	u64 elrsr = free_lrs();
	bool hw = irq >= 16 && !(irq & QUEUED_VIRTUAL_SPI);
	unsigned int n, free = num_lrs;
	u32 lr, match;

	irq &= GICH_LR_VIRT_ID_MASK;
	match = irq | (irq < 16 ? (u32)source << GICH_LR_CPUID_SHIFT : 0);

	for (n = 0; n < num_lrs; n++) {
		if (elrsr & (1ULL << n)) {
			if (free == num_lrs)
				free = n;
			continue;
		}
		lr = read_lr(n);
		if (hw || (lr & 0x1fff) != match)
			continue;
		if (!(lr & GICH_LR_PENDING))
			write_lr(n, lr | GICH_LR_PENDING);
		return true;
	}
	if (free == num_lrs)
		return false;

	lr = match | ((u32)(priority >> 3) << GICH_LR_PRIO_SHIFT) |
		GICH_LR_PENDING;
	if (hw)
		lr |= GICH_LR_HW | ((u32)irq << GICH_LR_PHYS_ID_SHIFT);
	write_lr(free, lr);
	return true;
}

static void queue_pending(struct per_cpu *cpu_data, u16 irq, u8 source)
{
	struct gic_pending *q = &cpu_data->arch.pending;
	unsigned int slot;

	spin_lock(&cpu_data->arch.pending_lock);
	if (q->count < GIC_PENDING_QUEUE) {
		slot = (q->head + q->count) % GIC_PENDING_QUEUE;
		q->irq[slot] = irq;
		q->source[slot] = source;
		q->count++;
	} else {
		printk("WARNING: CPU %u: virtual interrupt queue full, dropping IRQ %u\n",
		       cpu_data->cpu_id, irq);
	}
	spin_unlock(&cpu_data->arch.pending_lock);
	/* underflow maintenance: refill when list registers drain */
	gich_write(GICH_HCR, GICH_HCR_EN | GICH_HCR_UIE);
}

static void inject_or_queue(struct per_cpu *cpu_data, u16 irq, u8 source,
			    u8 priority)
{
	cpu_stats_inc(cpu_data, JAILHOUSE_CPU_STAT_VMEXITS_VIRQ);
	if (cpu_data->arch.pending.count || !inject(irq, source, priority))
		queue_pending(cpu_data, irq, source);
}

static void refill_from_queue(struct per_cpu *cpu_data)
{
	struct gic_pending *q = &cpu_data->arch.pending;

	spin_lock(&cpu_data->arch.pending_lock);
	while (q->count &&
	       inject(q->irq[q->head], q->source[q->head],
		      GIC_DEFAULT_PRIORITY)) {
		q->head = (q->head + 1) % GIC_PENDING_QUEUE;
		q->count--;
	}
	/* other CPUs may have queued: keep refilling until empty */
	gich_write(GICH_HCR, q->count ? GICH_HCR_EN | GICH_HCR_UIE :
		   GICH_HCR_EN);
	spin_unlock(&cpu_data->arch.pending_lock);
}

static void deactivate(u32 iar)
{
	gicc_write(GICC_EOIR, iar);
	gicc_write(GICC_DIR, iar);
}

void gic_handle_irqs(struct per_cpu *cpu_data)
{
	u32 iar, irq, priority;

	while (1) {
		iar = gicc_read(GICC_IAR);
		irq = iar & 0x3ff;
		if (irq >= GIC_SPURIOUS_FIRST)
			break;
		priority = gicc_read(GICC_RPR) & 0xff;

		if (irq == maint_irq) {
			deactivate(iar);
			cpu_stats_inc(cpu_data,
				      JAILHOUSE_CPU_STAT_VMEXITS_MAINTENANCE);
			refill_from_queue(cpu_data);
		} else if (irq == SGI_HV_KICK) {
			deactivate(iar);
			cpu_stats_inc(cpu_data,
				      JAILHOUSE_CPU_STAT_VMEXITS_MANAGEMENT);
			/* virtual SPIs other CPUs queued for this one */
			if (READ_ONCE(cpu_data->arch.pending.count))
				refill_from_queue(cpu_data);
		} else if (irq < 16) {
			deactivate(iar);
			inject_or_queue(cpu_data, irq, (iar >> 10) & 7,
					priority);
		} else if (cell_owns_irq(cpu_data->cell, irq)) {
			/* priority drop only: the guest's EOI deactivates */
			gicc_write(GICC_EOIR, iar);
			inject_or_queue(cpu_data, irq, 0, priority);
		} else {
			deactivate(iar);
			printk("WARNING: CPU %u received IRQ %u, which its cell does not own\n",
			       cpu_data->cpu_id, irq);
		}
	}
}

/*
 * Make the GIC re-evaluate what to signal to this CPU. Rewriting the
 * priority mask changes nothing on hardware; QEMU's GICv2 model only
 * recomputes its physical outputs on such an access, and it does not do
 * so when a guest deactivates a hardware-linked interrupt through GICV,
 * so a level interrupt that is still asserted then (a timer whose next
 * deadline passed already) would stay pending without being signalled.
 */
void gic_refresh_physical(void)
{
	gicc_write(GICC_PMR, gicc_read(GICC_PMR));
}

/* A parked or powered-off CPU acknowledges and drops what arrives. */
void gic_drop_pending_irqs(void)
{
	u32 iar;

	while (1) {
		iar = gicc_read(GICC_IAR);
		if ((iar & 0x3ff) >= GIC_SPURIOUS_FIRST)
			break;
		deactivate(iar);
	}
}

/*
 * A virtual SPI (no physical source, e.g. an ivshmem INTx line) becomes
 * pending in @cell if the cell owns it and its guest enabled it at the
 * distributor: on the cell's first CPU the guest targets it at (the first
 * CPU of the cell if none), directly if that is this CPU, else through
 * the CPU's queue and a kick. Returns false if nothing was injected.
 */
bool gic_inject_virtual_spi(struct cell *cell, unsigned int irq)
{
	struct per_cpu *target;
	struct gic_pending *q;
	unsigned int cpu;
	bool queued;
	u8 targets;

	if (irq < 32 || !cell_owns_irq(cell, irq) ||
	    !(gicd_read(GICD_ISENABLER + irq / 32 * 4) & (1U << (irq % 32))))
		return false;
	targets = mmio_read8((u8 *)gicd + GICD_ITARGETSR + irq) &
		cell_cpu_ifs(cell);
	for (cpu = first_cpu(cell->cpu_set); cpu < MAX_CPUS;
	     cpu = next_cpu(cpu, cell->cpu_set))
		if (!targets || per_cpu(cpu)->arch.gic_cpu_if & targets)
			break;
	if (cpu >= MAX_CPUS)
		return false;

	target = per_cpu(cpu);
	if (target == this_cpu_data()) {
		inject_or_queue(target, irq | QUEUED_VIRTUAL_SPI, 0,
				GIC_DEFAULT_PRIORITY);
		return true;
	}
	q = &target->arch.pending;
	spin_lock(&target->arch.pending_lock);
	queued = q->count < GIC_PENDING_QUEUE;
	if (queued) {
		q->irq[(q->head + q->count) % GIC_PENDING_QUEUE] =
			irq | QUEUED_VIRTUAL_SPI;
		q->count++;
	}
	spin_unlock(&target->arch.pending_lock);
	if (queued)
		gic_send_kick(cpu);
	return queued;
}

void gic_send_kick(unsigned int cpu)
{
	arm_dsb();
	gicd_write(GICD_SGIR, ((u32)per_cpu(cpu)->arch.gic_cpu_if << 16) |
		   SGI_HV_KICK);
}

/* ---- per-CPU setup ------------------------------------------------------ */

static void clear_virtual_interface(void)
{
	unsigned int n;

	for (n = 0; n < num_lrs; n++)
		write_lr(n, 0);
	gich_write(GICH_APR, 0);
}

int gic_cpu_init(struct per_cpu *cpu_data)
{
	struct per_cpu_arch *arch = &cpu_data->arch;
	u32 ctlr, vmcr, rpr;

	rpr = gicc_read(GICC_RPR) & 0xff;
	if (rpr != GIC_IDLE_PRIORITY) {
		printk("ERROR: CPU %u entered with an interrupt in service (priority 0x%x)\n",
		       cpu_data->cpu_id, rpr);
		printk(" The driver must enter from process context.\n");
		return -EBUSY;
	}

	/* each byte of the banked GICD_ITARGETSR0 names the reading CPU */
	arch->gic_cpu_if = mmio_read8((u8 *)gicd + GICD_ITARGETSR);
	if (!arch->gic_cpu_if)
		arch->gic_cpu_if = 1;	/* uniprocessor GIC */

	ctlr = gicc_read(GICC_CTLR);
	arch->phys_gicc_ctlr = ctlr;
	arch->phys_gicc_pmr = gicc_read(GICC_PMR);
	arch->phys_gicc_bpr = gicc_read(GICC_BPR);
	arch->phys_gicc_abpr = gicc_read(GICC_ABPR);

	/* the guest's virtual interface starts where its physical one was */
	vmcr = ((arch->phys_gicc_pmr >> 3) << GICH_VMCR_PMR_SHIFT) |
		((arch->phys_gicc_bpr & 7) << GICH_VMCR_BP_SHIFT) |
		((arch->phys_gicc_abpr & 7) << GICH_VMCR_ABP_SHIFT);
	if (ctlr & GICC_CTLR_ENABLE)
		vmcr |= GICH_VMCR_GRP0EN;
	if (ctlr & GICC_CTLR_EOIMODE)
		vmcr |= GICH_VMCR_VEM;

	gich_write(GICH_HCR, 0);
	clear_virtual_interface();
	gich_write(GICH_VMCR, vmcr);
	gich_write(GICH_HCR, GICH_HCR_EN);

	/* split priority drop and deactivation for hardware-linked LRs */
	gicc_write(GICC_CTLR, ctlr | GICC_CTLR_EOIMODE);

	mmio_write8((u8 *)gicd + GICD_IPRIORITYR + maint_irq,
		    GIC_DEFAULT_PRIORITY);
	gicd_write(GICD_ISENABLER, 1U << maint_irq);
	return 0;
}

/*
 * Give a list register's interrupt back to the physical GIC: a hardware
 * interrupt is active physically until the guest's EOI, so end that, and
 * make still pending ones pending at the distributor again.
 */
static void hand_back_lr(u32 lr)
{
	unsigned int irq = lr & GICH_LR_VIRT_ID_MASK;
	unsigned int source = (lr >> GICH_LR_CPUID_SHIFT) & 7;

	if (lr & GICH_LR_HW) {
		if (lr & GICH_LR_PENDING)
			gicd_write(GICD_ISPENDR + (irq / 32) * 4,
				   1U << (irq % 32));
		gicc_write(GICC_DIR, irq);
	} else if (irq < 16 && (lr & GICH_LR_PENDING)) {
		mmio_write8((u8 *)gicd + GICD_SPENDSGIR + irq, 1U << source);
	}
}

/* Empty the list registers and the queue into the physical GIC. */
static void hand_back_virtual_state(struct per_cpu *cpu_data)
{
	struct gic_pending *q = &cpu_data->arch.pending;
	unsigned int n;
	u16 irq;

	for (n = 0; n < num_lrs; n++)
		if (!(free_lrs() & (1ULL << n)))
			hand_back_lr(read_lr(n));
	spin_lock(&cpu_data->arch.pending_lock);
	for (; q->count; q->count--) {
		irq = q->irq[q->head];
		if (irq & QUEUED_VIRTUAL_SPI)
			continue;	/* no physical line to hand it to */
		hand_back_lr(irq | GICH_LR_PENDING |
			     (irq >= 16 ? GICH_LR_HW :
			      (u32)q->source[q->head] << GICH_LR_CPUID_SHIFT));
		q->head = (q->head + 1) % GIC_PENDING_QUEUE;
	}
	spin_unlock(&cpu_data->arch.pending_lock);
	clear_virtual_interface();
}

/*
 * The guest CPU powers off or changes cells: what it had not handled goes
 * back, and its virtual CPU interface starts disabled, as after reset.
 */
void gic_cpu_reset_virtual(struct per_cpu *cpu_data)
{
	hand_back_virtual_state(cpu_data);
	gich_write(GICH_VMCR, 0);
	gich_write(GICH_HCR, GICH_HCR_EN);
}

void gic_cpu_exit(struct per_cpu *cpu_data)
{
	struct per_cpu_arch *arch = &cpu_data->arch;
	u32 vmcr, ctlr;

	gicd_write(GICD_ICENABLER, 1U << maint_irq);
	vmcr = gich_read(GICH_VMCR);
	gich_write(GICH_HCR, 0);
	hand_back_virtual_state(cpu_data);

	/* the physical interface continues with the guest's settings */
	gicc_write(GICC_PMR, (vmcr >> GICH_VMCR_PMR_SHIFT) << 3);
	gicc_write(GICC_BPR, (vmcr >> GICH_VMCR_BP_SHIFT) & 7);
	gicc_write(GICC_ABPR, (vmcr >> GICH_VMCR_ABP_SHIFT) & 7);
	ctlr = arch->phys_gicc_ctlr & ~(GICC_CTLR_ENABLE | GICC_CTLR_EOIMODE);
	if (vmcr & GICH_VMCR_GRP0EN)
		ctlr |= GICC_CTLR_ENABLE;
	if (vmcr & GICH_VMCR_VEM)
		ctlr |= GICC_CTLR_EOIMODE;
	gicc_write(GICC_CTLR, ctlr);
}

/* ---- distributor emulation ---------------------------------------------- */

static void warn_unowned(const struct cell *cell, unsigned int irq)
{
	/* SGIs and PPIs the hypervisor keeps cannot be configured anyway */
	if (irq < 32 || irq >= 1024 || test_bit(irq, irq_warned))
		return;
	set_bit_nonatomic(irq, irq_warned);
	printk("WARNING: cell \"%s\" uses IRQ %u, not in its irqchips pin_bitmap\n",
	       cell->config->name, irq);
}

/*
 * Registers with a field of bits_per_irq bits per interrupt: the mask of
 * the fields the cell owns within an access of size bytes at offset.
 */
static u32 owned_field_mask(const struct cell *cell, unsigned int offset,
			    unsigned int size, unsigned int bits_per_irq,
			    u32 touched)
{
	unsigned int first = offset * 8 / bits_per_irq;
	unsigned int count = size * 8 / bits_per_irq, n;
	u32 field = (bits_per_irq == 32) ? ~0U : (1U << bits_per_irq) - 1;
	u32 mask = 0, bits;

	for (n = 0; n < count; n++) {
		bits = field << (n * bits_per_irq);
		if (cell_owns_irq(cell, first + n))
			mask |= bits;
		else if (touched & bits)
			warn_unowned(cell, first + n);
	}
	return mask;
}

static u32 phys_read(unsigned int reg, unsigned int size)
{
	struct mmio_access access = { .address = reg, .size = size };

	mmio_perform_access(gicd, &access);
	return access.value;
}

static void phys_write(unsigned int reg, unsigned int size, u32 val)
{
	struct mmio_access access = {
		.address = reg, .size = size, .is_write = true, .value = val,
	};

	mmio_perform_access(gicd, &access);
}

/* Set/clear registers: writing zeros has no effect, so mask and write. */
static void access_set_clear_register(const struct cell *cell,
				      unsigned int base,
				      unsigned int bits_per_irq,
				      struct mmio_access *a)
{
	unsigned int offset = a->address - base;
	u32 mask;

	if (a->is_write) {
		mask = owned_field_mask(cell, offset, a->size, bits_per_irq,
					a->value);
		phys_write(a->address, a->size, a->value & mask);
	} else {
		mask = owned_field_mask(cell, offset, a->size, bits_per_irq,
					0);
		a->value = phys_read(a->address, a->size) & mask;
	}
}

static u32 restrict_targets(const struct cell *cell, u32 val,
			    unsigned int size)
{
	u8 allowed = cell_cpu_ifs(cell), first = allowed & -allowed, t;
	unsigned int n;
	u32 result = 0;

	for (n = 0; n < size; n++) {
		t = (val >> (n * 8)) & allowed;
		result |= (u32)(t ? t : first) << (n * 8);
	}
	return result;
}

/* Value registers: read-modify-write the owned fields only. */
static void access_field_register(const struct cell *cell, unsigned int base,
				  unsigned int bits_per_irq,
				  struct mmio_access *a)
{
	unsigned int offset = a->address - base;
	u32 mask, val;

	if (!a->is_write) {
		mask = owned_field_mask(cell, offset, a->size, bits_per_irq, 0);
		a->value = phys_read(a->address, a->size) & mask;
		return;
	}
	mask = owned_field_mask(cell, offset, a->size, bits_per_irq, 0);
	val = a->value;
	if (base == GICD_ITARGETSR)
		val = restrict_targets(cell, val, a->size);
	spin_lock(&gicd_lock);
	val = (phys_read(a->address, a->size) & ~mask) | (val & mask);
	phys_write(a->address, a->size, val);
	spin_unlock(&gicd_lock);
}

static void emulate_sgir(struct cell *cell, u32 val)
{
	struct per_cpu *cpu_data = this_cpu_data();
	u8 allowed = cell_cpu_ifs(cell), self = cpu_data->arch.gic_cpu_if;
	unsigned int sgi = val & 0xf;
	u8 targets;

	cpu_stats_inc(cpu_data, JAILHOUSE_CPU_STAT_VMEXITS_VSGI);
	switch ((val >> 24) & 3) {
	case GICD_SGIR_TARGET_LIST:
		targets = (val >> 16) & 0xff;
		break;
	case GICD_SGIR_TARGET_OTHERS:
		targets = allowed & ~self;
		break;
	case GICD_SGIR_TARGET_SELF:
		targets = self;
		break;
	default:
		return;
	}
	targets &= allowed;
	if (sgi == SGI_HV_KICK || !targets)
		return;
	gicd_write(GICD_SGIR, ((u32)targets << 16) | sgi);
}

static bool in_range(u64 reg, unsigned int base, unsigned int size)
{
	return reg >= base && reg < base + size;
}

static enum mmio_result gicd_handler(void *arg, struct mmio_access *a)
{
	struct cell *cell = arg;
	u64 reg = a->address;

	if (a->size != 4 && a->size != 1 && a->size != 2)
		return MMIO_ERROR;

	if (in_range(reg, GICD_IGROUPR, 0x80)) {
		access_field_register(cell, GICD_IGROUPR, 1, a);
	} else if (in_range(reg, GICD_ISENABLER, 0x80 * 6)) {
		/* ISENABLER through ICACTIVER: one bit per interrupt */
		access_set_clear_register(cell, reg & ~0x7fULL, 1, a);
	} else if (in_range(reg, GICD_IPRIORITYR, 0x400)) {
		access_field_register(cell, GICD_IPRIORITYR, 8, a);
	} else if (in_range(reg, GICD_ITARGETSR, 0x20)) {
		/* SGI/PPI targets: read-only, banked */
		a->value = a->is_write ? 0 : phys_read(reg, a->size);
	} else if (in_range(reg, GICD_ITARGETSR, 0x400)) {
		access_field_register(cell, GICD_ITARGETSR, 8, a);
	} else if (in_range(reg, GICD_ICFGR, 0x100)) {
		access_field_register(cell, GICD_ICFGR, 2, a);
	} else if (reg == GICD_SGIR) {
		if (a->is_write && a->size == 4)
			emulate_sgir(cell, a->value);
		else
			a->value = 0;
	} else if (in_range(reg, GICD_CPENDSGIR, 0x20)) {
		/* one byte per SGI: keep the hypervisor's SGI out of reach */
		access_set_clear_register(cell, reg & ~0xfULL, 8, a);
	} else if (reg == GICD_CTLR || reg == GICD_TYPER || reg == GICD_IIDR ||
		   reg >= GICD_ID_START) {
		a->value = a->is_write ? 0 : phys_read(reg, a->size);
	} else {
		a->value = 0;	/* reserved: read as zero, ignore writes */
	}
	return MMIO_HANDLED;
}

/* ---- unit hooks --------------------------------------------------------- */

static const struct jailhouse_memory *
find_gic_overlap(const struct cell *cell, u64 *gic_base)
{
	const struct jailhouse_memory *mem = cell_mem_regions(cell);
	const u64 bases[] = { gicd_base, gicc_base, gich_base, gicv_base };
	const u64 sizes[] = { GICD_SIZE, GICC_SIZE, GICH_SIZE, GICC_SIZE };
	unsigned int n, k;

	for (n = 0; n < cell->config->num_memory_regions; n++)
		for (k = 0; k < ARRAY_SIZE(bases); k++)
			if (mem[n].virt_start < bases[k] + sizes[k] &&
			    bases[k] < mem[n].virt_start + mem[n].size) {
				*gic_base = bases[k];
				return &mem[n];
			}
	return NULL;
}

/* The SPIs the irqchips of @config grant, as a bitmap. */
static void config_spis(const struct jailhouse_cell_desc *config,
			unsigned long *spis)
{
	const struct jailhouse_irqchip *chip = jailhouse_cell_irqchips(config);
	unsigned int n, pin;

	for (n = 0; n < config->num_irqchips; n++) {
		if (chip[n].address != gicd_base)
			continue;
		for (pin = 0; pin < 128; pin++)
			if (chip[n].pin_bitmap[pin / 32] & (1U << (pin % 32)) &&
			    chip[n].pin_base + pin >= 32 &&
			    chip[n].pin_base + pin < num_irqs)
				set_bit_nonatomic(chip[n].pin_base + pin, spis);
	}
}

static void collect_owned_irqs(struct cell *cell)
{
	unsigned int n;

	/* banked SGIs and PPIs of the cell's own CPUs */
	for (n = 0; n < 32; n++)
		if (n != SGI_HV_KICK && n != maint_irq)
			set_bit_nonatomic(n, cell->arch.irq_owned);
	config_spis(cell->config, cell->arch.irq_owned);
}

static void disable_spi(unsigned int irq)
{
	gicd_write(GICD_ICENABLER + (irq / 32) * 4, 1U << (irq % 32));
}

/*
 * A non-root cell takes its SPIs from the root cell, disabled (the root
 * cell's settings must not fire into the new cell), and gives them back
 * disabled when it goes; the root cell gets back what its config grants.
 */
static void take_spis_from_root(struct cell *cell)
{
	unsigned int irq;

	for (irq = 32; irq < num_irqs; irq++) {
		if (!test_bit(irq, cell->arch.irq_owned))
			continue;
		disable_spi(irq);
		clear_bit_nonatomic(irq, root_cell.arch.irq_owned);
	}
}

static void return_spis_to_root(struct cell *cell)
{
	unsigned long root_spis[BITS_TO_LONGS(1024)] = { 0 };
	unsigned int irq;

	config_spis(root_cell.config, root_spis);
	for (irq = 32; irq < num_irqs; irq++) {
		if (!test_bit(irq, cell->arch.irq_owned))
			continue;
		disable_spi(irq);
		if (test_bit(irq, root_spis))
			set_bit_nonatomic(irq, root_cell.arch.irq_owned);
	}
}

static int gic_cell_init(struct cell *cell)
{
	const struct jailhouse_memory *overlap;
	u64 gic_base;
	int err;

	overlap = find_gic_overlap(cell, &gic_base);
	if (overlap) {
		printk("ERROR: cell \"%s\": memory region 0x%llx-0x%llx covers the GIC at 0x%llx\n",
		       cell->config->name, overlap->virt_start,
		       overlap->virt_start + overlap->size - 1, gic_base);
		printk(" Remove it: the hypervisor maps GICC and emulates GICD.\n");
		return -EINVAL;
	}
	collect_owned_irqs(cell);
	if (cell != &root_cell)
		take_spis_from_root(cell);

	err = paging_create(&cell->arch.stage2, gicv_base, GICC_SIZE,
			    gicc_base, PAGE_FLAG_READ | PAGE_FLAG_WRITE |
			    PAGE_FLAG_DEVICE, PAGING_NO_HUGE);
	if (err)
		return err;
	if (!err) {
		err = mmio_region_register(&cell->mmio, gicd_base, GICD_SIZE,
					   gicd_handler, cell);
		if (err)
			paging_destroy(&cell->arch.stage2, gicc_base,
				       GICC_SIZE);
	}
	if (err && cell != &root_cell)
		return_spis_to_root(cell);
	return err;
}

static void gic_cell_exit(struct cell *cell)
{
	mmio_region_unregister(&cell->mmio, gicd_base);
	paging_destroy(&cell->arch.stage2, gicc_base, GICC_SIZE);
	if (cell != &root_cell)
		return_spis_to_root(cell);
}

static unsigned int gic_mmio_count_regions(struct cell *cell)
{
	return 1;
}

static void unmap_all(void)
{
	paging_unmap_remap(gicd, GICD_SIZE);
	paging_unmap_remap(gicc, GICC_SIZE);
	paging_unmap_remap(gich, GICH_SIZE);
	gicd = NULL;
	gicc = NULL;
	gich = NULL;
}

static int gic_init(void)
{
	u8 version = system_config->platform_info.arm.gic_version;

	if (version != 2) {
		printk("ERROR: GIC version %u not supported (GICv2 only)\n",
		       version);
		return -EINVAL;
	}
	gicd_base = system_config->platform_info.arm.gicd_base;
	gicc_base = system_config->platform_info.arm.gicc_base;
	gich_base = system_config->platform_info.arm.gich_base;
	gicv_base = system_config->platform_info.arm.gicv_base;
	gicd = paging_map_device(gicd_base, GICD_SIZE);
	gicc = paging_map_device(gicc_base, GICC_SIZE);
	gich = paging_map_device(gich_base, GICH_SIZE);
	if (!gicd || !gicc || !gich) {
		unmap_all();
		return -ENOMEM;
	}

	num_irqs = MIN(32 * ((gicd_read(GICD_TYPER) & 0x1f) + 1),
		       (unsigned int)GIC_MAX_IRQS);
	num_lrs = (gich_read(GICH_VTR) & 0x3f) + 1;
	maint_irq = system_config->platform_info.arm.maintenance_irq;
	if (maint_irq < 16 || maint_irq >= 32) {
		printk("ERROR: maintenance IRQ %u is not a PPI\n", maint_irq);
		unmap_all();
		return -EINVAL;
	}
	printk("GICv2: %u interrupts, %u list registers, maintenance IRQ %u\n",
	       num_irqs, num_lrs, maint_irq);
	return 0;
}

static void gic_shutdown(void)
{
	if (gicd)
		unmap_all();
}

DEFINE_UNIT(gic);
