// SPDX-License-Identifier: GPL-2.0
/*
 * The ARM GICv2 distributor emulation (hypervisor/arch/arm/gic.c) on the
 * host: a cell owning SGIs/PPIs of its CPUs and SPIs 32-63 accesses the
 * distributor through its MMIO dispatcher; the test checks what reaches
 * the (fake) physical registers. This is the isolation a cell relies on:
 * no foreign interrupts, SGIs only to its own CPUs.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <jailhouse/cell.h>
#include <jailhouse/errno.h>
#include <jailhouse/mmio.h>
#include <jailhouse/paging.h>
#include <jailhouse/unit.h>
#include <asm/gic.h>

#include "../testlib.h"

#define GICD_BASE	0x08000000
#define GICC_BASE	0x08010000
#define GICH_BASE	0x08030000
#define GICV_BASE	0x08040000

static u32 gicd_regs[GICD_SIZE / 4], gicc_regs[GICC_SIZE / 4];
static u32 gich_regs[GICH_SIZE / 4];
static char console[4096];

/* the per-CPU areas and the current CPU */
struct per_cpu percpu_area[4];
asm(".globl __percpu_start\n.set __percpu_start, percpu_area\n");
static struct per_cpu *current_cpu;

struct per_cpu *test_this_cpu(void)
{
	return current_cpu;
}

/* --- what gic.c needs from the rest of the hypervisor --------------------- */

const struct jailhouse_system *system_config;
struct cell root_cell;

unsigned int next_cpu(int cpu, const unsigned long *set)
{
	for (cpu++; cpu < MAX_CPUS; cpu++)
		if (test_bit(cpu, set))
			return cpu;
	return MAX_CPUS;
}

void printk(const char *fmt, ...)
{
	size_t len = strlen(console);
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(console + len, sizeof(console) - len, fmt, ap);
	va_end(ap);
}

void *paging_map_device(u64 phys, unsigned long size)
{
	if (phys == GICD_BASE)
		return gicd_regs;
	if (phys == GICC_BASE)
		return gicc_regs;
	if (phys == GICH_BASE)
		return gich_regs;
	return NULL;
}

void paging_unmap_remap(void *virt, unsigned long size)
{
}

static u64 gicv_mapped_at;

int paging_create(const struct paging_structures *pg, u64 phys, u64 size,
		  u64 virt, unsigned long flags, unsigned long options)
{
	if (phys == GICV_BASE && size == GICC_SIZE)
		gicv_mapped_at = virt;
	return 0;
}

int paging_destroy(const struct paging_structures *pg, u64 virt, u64 size)
{
	return 0;
}

/* --- setup ----------------------------------------------------------------- */

static struct jailhouse_system sys;
static u8 cell_image[512];
static struct cell cell;
static unsigned long pool_bitmap[1];
static u8 pool_mem[16 * PAGE_SIZE] __attribute__((aligned(PAGE_SIZE)));

/* A cell on CPUs 0 and 1 with RAM and, optionally, a region over GICD. */
static struct jailhouse_cell_desc *make_cell(bool cover_gicd)
{
	struct jailhouse_cell_desc *desc = (void *)cell_image;
	struct jailhouse_memory *mem;
	struct jailhouse_irqchip *chip;
	u8 *tail = cell_image + sizeof(*desc);

	memset(cell_image, 0, sizeof(cell_image));
	strcpy(desc->name, "test-cell");
	desc->cpu_set_size = 4;
	desc->num_memory_regions = cover_gicd ? 2 : 1;
	desc->num_irqchips = 1;
	tail[0] = 0x3;
	mem = (void *)(tail + 4);
	mem[0] = (struct jailhouse_memory) {
		.phys_start = 0x40000000, .virt_start = 0x40000000,
		.size = 0x10000000, .flags = JAILHOUSE_MEM_READ,
	};
	mem[1] = (struct jailhouse_memory) {
		.phys_start = GICD_BASE, .virt_start = GICD_BASE,
		.size = 0x20000, .flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_IO,
	};
	chip = (void *)&mem[desc->num_memory_regions];
	chip->address = GICD_BASE;
	chip->pin_base = 32;
	chip->pin_bitmap[0] = 0xffffffff;	/* SPIs 32-63 */
	return desc;
}

static const struct unit *gic_unit(void)
{
	const struct unit *unit;

	for (unit = __units_start; unit < __units_end; unit++)
		if (!strcmp(unit->name, "gic"))
			return unit;
	return NULL;
}

static int setup(void)
{
	const struct unit *gic = gic_unit();
	unsigned int cpu;

	sys.platform_info.arm.gic_version = 2;
	sys.platform_info.arm.gicd_base = GICD_BASE;
	sys.platform_info.arm.gicc_base = GICC_BASE;
	sys.platform_info.arm.gich_base = GICH_BASE;
	sys.platform_info.arm.gicv_base = GICV_BASE;
	sys.platform_info.arm.maintenance_irq = 25;
	system_config = &sys;
	gicd_regs[GICD_TYPER / 4] = 7;		/* 256 interrupts */
	gich_regs[GICH_VTR / 4] = 3;		/* 4 list registers */

	for (cpu = 0; cpu < 4; cpu++) {
		percpu_area[cpu].cpu_id = cpu;
		percpu_area[cpu].arch.gic_cpu_if = 1 << cpu;
	}
	current_cpu = &percpu_area[0];
	page_pool_init(&mem_pool, "mem", (unsigned long)pool_mem, 16,
		       pool_bitmap, true);

	cell.config = make_cell(false);
	set_bit_nonatomic(0, cell.cpu_set);
	set_bit_nonatomic(1, cell.cpu_set);
	percpu_area[0].cell = &cell;
	percpu_area[1].cell = &cell;
	if (!gic || gic->init() || mmio_dispatcher_init(&cell.mmio, 2))
		return -1;
	return gic->cell_init(&cell);
}

/* The cell accesses the distributor; returns what the cell reads. */
static u32 cell_access(bool is_write, u32 reg, unsigned int size, u32 value)
{
	struct mmio_access a = {
		.address = GICD_BASE + reg, .size = size, .is_write = is_write,
		.value = value,
	};

	if (mmio_dispatch(&cell.mmio, &a) != MMIO_HANDLED)
		return 0xdeadbeef;
	return a.value;
}

static u32 reg(u32 offset)
{
	return gicd_regs[offset / 4];
}

/* --- checks ---------------------------------------------------------------- */

static void test_enable_registers(void)
{
	cell_access(true, GICD_ISENABLER + 4, 4, 0xffffffff);
	t_result(reg(GICD_ISENABLER + 4) == 0xffffffff,
		 "hv/gic/own-spis-enabled", "0x%08x",
		 reg(GICD_ISENABLER + 4));
	cell_access(true, GICD_ISENABLER + 8, 4, 0xffffffff);
	t_result(reg(GICD_ISENABLER + 8) == 0, "hv/gic/foreign-spis-untouched",
		 "0x%08x", reg(GICD_ISENABLER + 8));
	t_result(!!strstr(console, "uses IRQ 64, not in its irqchips"),
		 "hv/gic/foreign-spi-reported", "console: %s", console);

	gicd_regs[(GICD_ICENABLER + 8) / 4] = 0xffffffff;
	t_result(cell_access(false, GICD_ICENABLER + 8, 4, 0) == 0,
		 "hv/gic/foreign-spis-read-as-zero", "read back set bits");

	cell_access(true, GICD_ICENABLER, 4, 0xffffffff);
	t_result(reg(GICD_ICENABLER) == ~((1U << 25) | (1U << SGI_HV_KICK)),
		 "hv/gic/hypervisor-sgi-and-ppi-kept", "0x%08x",
		 reg(GICD_ICENABLER));

	cell_access(true, GICD_ISPENDR + 5, 1, 0xff);
	t_result(((u8 *)gicd_regs)[GICD_ISPENDR + 5] == 0xff,
		 "hv/gic/byte-access", "0x%02x",
		 ((u8 *)gicd_regs)[GICD_ISPENDR + 5]);
}

static void test_value_registers(void)
{
	gicd_regs[(GICD_IPRIORITYR + 64) / 4] = 0x11223344;
	cell_access(true, GICD_IPRIORITYR + 64, 4, 0xa0a0a0a0);
	t_result(reg(GICD_IPRIORITYR + 64) == 0x11223344,
		 "hv/gic/foreign-priority-kept", "0x%08x",
		 reg(GICD_IPRIORITYR + 64));
	cell_access(true, GICD_IPRIORITYR + 60, 4, 0xa0b0c0d0);
	t_result(reg(GICD_IPRIORITYR + 60) == 0xa0b0c0d0,
		 "hv/gic/own-priority-written", "0x%08x",
		 reg(GICD_IPRIORITYR + 60));

	/* ICFGR: 2 bits per interrupt; 48-63 own, 64-79 not */
	gicd_regs[(GICD_ICFGR + 16) / 4] = 0x55555555;
	cell_access(true, GICD_ICFGR + 12, 4, 0xffffffff);
	cell_access(true, GICD_ICFGR + 16, 4, 0xffffffff);
	t_result(reg(GICD_ICFGR + 12) == 0xffffffff &&
		 reg(GICD_ICFGR + 16) == 0x55555555, "hv/gic/config-fields",
		 "0x%08x 0x%08x", reg(GICD_ICFGR + 12), reg(GICD_ICFGR + 16));

	cell_access(true, GICD_ITARGETSR + 40, 1, 0x0f);
	t_result(((u8 *)gicd_regs)[GICD_ITARGETSR + 40] == 0x03,
		 "hv/gic/targets-limited-to-cell", "0x%02x",
		 ((u8 *)gicd_regs)[GICD_ITARGETSR + 40]);
	cell_access(true, GICD_ITARGETSR + 41, 1, 0x04);
	t_result(((u8 *)gicd_regs)[GICD_ITARGETSR + 41] == 0x01,
		 "hv/gic/foreign-target-replaced", "0x%02x",
		 ((u8 *)gicd_regs)[GICD_ITARGETSR + 41]);

	gicd_regs[GICD_CTLR / 4] = 1;
	cell_access(true, GICD_CTLR, 4, 0);
	t_result(reg(GICD_CTLR) == 1 && cell_access(false, GICD_TYPER, 4, 0) == 7,
		 "hv/gic/ctlr-kept-typer-read", "CTLR 0x%x", reg(GICD_CTLR));
}

static void test_sgis(void)
{
	gicd_regs[GICD_SGIR / 4] = 0;
	cell_access(true, GICD_SGIR, 4, (0x0e << 16) | 3);
	t_result(reg(GICD_SGIR) == ((0x02 << 16) | 3),
		 "hv/gic/sgi-only-to-own-cpus", "SGIR 0x%08x", reg(GICD_SGIR));

	gicd_regs[GICD_SGIR / 4] = 0;
	cell_access(true, GICD_SGIR, 4, (1 << 24) | 5);
	t_result(reg(GICD_SGIR) == ((0x02 << 16) | 5),
		 "hv/gic/sgi-to-others-means-own-others", "SGIR 0x%08x",
		 reg(GICD_SGIR));

	gicd_regs[GICD_SGIR / 4] = 0;
	cell_access(true, GICD_SGIR, 4, (0x0c << 16) | 1);
	cell_access(true, GICD_SGIR, 4, (0x02 << 16) | SGI_HV_KICK);
	t_result(reg(GICD_SGIR) == 0, "hv/gic/sgi-foreign-or-reserved-dropped",
		 "SGIR 0x%08x", reg(GICD_SGIR));
	t_result(percpu_area[0].stats[JAILHOUSE_CPU_STAT_VMEXITS_VSGI] == 4,
		 "hv/gic/vsgi-counted", "%u",
		 percpu_area[0].stats[JAILHOUSE_CPU_STAT_VMEXITS_VSGI]);

	cell_access(true, GICD_SPENDSGIR + 12, 4, 0xffffffff);
	t_result(reg(GICD_SPENDSGIR + 12) == 0x00ffffff,
		 "hv/gic/pending-sgi-15-kept", "0x%08x",
		 reg(GICD_SPENDSGIR + 12));
}

static void test_layout(void)
{
	const struct unit *gic = gic_unit();
	struct cell bad = { 0 };

	t_result(gicv_mapped_at == GICC_BASE, "hv/gic/gicv-at-gicc",
		 "mapped at 0x%llx", (unsigned long long)gicv_mapped_at);
	bad.config = make_cell(true);
	t_result(gic->cell_init(&bad) == -EINVAL &&
		 strstr(console, "covers the GIC at 0x8000000"),
		 "hv/gic/region-over-gic-refused", "console: %s", console);
}

int main(void)
{
	if (setup()) {
		t_result(0, "hv/gic/setup", "console: %s", console);
		return 1;
	}
	test_enable_registers();
	test_value_registers();
	test_sgis();
	test_layout();
	return t_failed() ? 1 : 0;
}
