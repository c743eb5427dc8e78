// SPDX-License-Identifier: GPL-2.0
/*
 * The ivshmem v2 device model (hypervisor/ivshmem.c) on the host: config
 * space as a guest driver reads it, BAR programming and the MMIO
 * dispatch that follows it, the register block, the MSI-X table, the
 * state table, doorbells and the interrupt rules (enable, masks, one-shot),
 * peers joining and leaving a link. The arch's interrupt hook is recorded
 * here instead of delivered.
 */
#include "harness.h"

#define BAR0_A		0xfe000000ULL
#define BAR1_A		0xfe001000ULL
#define BAR0_B		0xff000000ULL
#define BAR1_B		0xff001000ULL

struct trigger {
	const struct ivshmem_endpoint *target;
	unsigned int vector;
};

static struct trigger triggers[16];
static unsigned int num_triggers;

bool arch_ivshmem_trigger_interrupt(struct ivshmem_endpoint *ive,
				    unsigned int vector)
{
	if (num_triggers < 16)
		triggers[num_triggers] = (struct trigger){ ive, vector };
	num_triggers++;
	return true;
}

static struct test_cell a, b, c;

static const struct cell_params params_a = {
	.name = "root", .peer = 0, .peers = 3, .msix_vectors = 16,
	.bdf = LINK_BDF, .protocol = 0x4001, .shmem_virt = LINK_PHYS,
	.cpus = 0x1,
};

static const struct cell_params params_b = {
	.name = "cell-b", .peer = 1, .peers = 3, .msix_vectors = 16,
	.bdf = LINK_BDF, .protocol = 0x4001, .shmem_virt = 0x80000000,
	.cpus = 0x2,
};

static const struct ivshmem_endpoint *endpoint(struct test_cell *tc)
{
	return ivshmem_endpoint(&tc->dev);
}

/* Exactly one interrupt, vector @vector, to @tc since the last reset. */
static void expect_one_trigger(const char *name, struct test_cell *tc,
			       unsigned int vector)
{
	t_result(num_triggers == 1 && triggers[0].target == endpoint(tc) &&
		 triggers[0].vector == vector, name,
		 "%u interrupts, first to %p vector %u (want %p vector %u)",
		 num_triggers, num_triggers ? (void *)triggers[0].target :
		 NULL, num_triggers ? triggers[0].vector : 0,
		 (void *)endpoint(tc), vector);
	num_triggers = 0;
}

static void expect_no_trigger(const char *name)
{
	t_result(num_triggers == 0, name, "%u interrupts raised",
		 num_triggers);
	num_triggers = 0;
}

static void test_config_space(void)
{
	t_result(cfg_read(&a, 0x00, 4) == 0x4106110a, "hv/ivshmem/cfg-ids",
		 "0x%08x", cfg_read(&a, 0x00, 4));
	t_result(cfg_read(&a, 0x02, 2) == 0x4106, "hv/ivshmem/cfg-device-16bit",
		 "0x%04x", cfg_read(&a, 0x02, 2));
	t_result(cfg_read(&a, 0x04, 4) == 0x00100000,
		 "hv/ivshmem/cfg-status-caplist", "0x%08x",
		 cfg_read(&a, 0x04, 4));
	t_result(cfg_read(&a, 0x08, 4) == 0xff400100,
		 "hv/ivshmem/cfg-class-protocol", "0x%08x",
		 cfg_read(&a, 0x08, 4));
	t_result(cfg_read(&a, 0x2c, 4) == 0x4106110a,
		 "hv/ivshmem/cfg-subsystem", "0x%08x", cfg_read(&a, 0x2c, 4));
	t_result(cfg_read(&a, 0x34, 1) == 0x40, "hv/ivshmem/cfg-cap-pointer",
		 "0x%02x", cfg_read(&a, 0x34, 1));
	t_result(cfg_read(&a, 0x3d, 1) == 0, "hv/ivshmem/cfg-no-intx-with-msix",
		 "pin %u", cfg_read(&a, 0x3d, 1));
	t_result(cfg_read(&a, 0x40, 4) == 0x00206009,
		 "hv/ivshmem/cfg-vendor-cap-header", "0x%08x",
		 cfg_read(&a, 0x40, 4));
	t_result(cfg_read(&a, 0x44, 4) == 0x1000 &&
		 cfg_read(&a, 0x48, 4) == 0x9000 && cfg_read(&a, 0x4c, 4) == 0 &&
		 cfg_read(&a, 0x50, 4) == 0x2000 && cfg_read(&a, 0x54, 4) == 0,
		 "hv/ivshmem/cfg-section-sizes", "table 0x%x rw 0x%x out 0x%x",
		 cfg_read(&a, 0x44, 4), cfg_read(&a, 0x48, 4),
		 cfg_read(&a, 0x50, 4));
	t_result(cfg_read(&a, 0x58, 4) == (u32)LINK_PHYS &&
		 cfg_read(&b, 0x58, 4) == 0x80000000 &&
		 cfg_read(&b, 0x5c, 4) == 0, "hv/ivshmem/cfg-address-per-cell",
		 "a 0x%x b 0x%x", cfg_read(&a, 0x58, 4),
		 cfg_read(&b, 0x58, 4));
	t_result(cfg_read(&a, 0x60, 4) == 0x000f0011 &&
		 cfg_read(&a, 0x64, 4) == 0x1 && cfg_read(&a, 0x68, 4) == 0x101,
		 "hv/ivshmem/cfg-msix-cap", "0x%08x 0x%08x 0x%08x",
		 cfg_read(&a, 0x60, 4), cfg_read(&a, 0x64, 4),
		 cfg_read(&a, 0x68, 4));
	t_result(cfg_read(&a, 0x80, 4) == 0 && cfg_read(&a, 0x100, 4) == 0,
		 "hv/ivshmem/cfg-rest-zero", "0x%x 0x%x",
		 cfg_read(&a, 0x80, 4), cfg_read(&a, 0x100, 4));
	t_result(pci_cfg_read(&a.cell, LINK_BDF + 8, 0, 4) == 0xffffffff,
		 "hv/ivshmem/cfg-other-slot-absent", "0x%08x",
		 pci_cfg_read(&a.cell, LINK_BDF + 8, 0, 4));

	cfg_write(&a, 0x00, 4, 0x12345678);
	cfg_write(&a, 0x08, 4, 0);
	cfg_write(&a, 0x44, 4, 0xffffffff);
	cfg_write(&a, 0x58, 4, 0);
	t_result(cfg_read(&a, 0x00, 4) == 0x4106110a &&
		 cfg_read(&a, 0x08, 4) == 0xff400100 &&
		 cfg_read(&a, 0x44, 4) == 0x1000 &&
		 cfg_read(&a, 0x58, 4) == (u32)LINK_PHYS,
		 "hv/ivshmem/cfg-read-only", "ids 0x%08x class 0x%08x",
		 cfg_read(&a, 0x00, 4), cfg_read(&a, 0x08, 4));
	cfg_write(&a, 0x04, 2, 0xffff);
	t_result(cfg_read(&a, 0x04, 4) == 0x00100407,
		 "hv/ivshmem/cfg-command-writable-bits", "0x%08x",
		 cfg_read(&a, 0x04, 4));
	cfg_write(&a, 0x04, 2, 0);
	cfg_write(&a, 0x3c, 2, 0xffff);
	t_result(cfg_read(&a, 0x3c, 2) == 0x00ff, "hv/ivshmem/cfg-int-line-only",
		 "0x%04x", cfg_read(&a, 0x3c, 2));

	cfg_write(&a, 0x10, 4, 0xffffffff);
	cfg_write(&a, 0x14, 4, 0xffffffff);
	t_result(cfg_read(&a, 0x10, 4) == 0xfffff000 &&
		 cfg_read(&a, 0x14, 4) == 0xfffff000 &&
		 cfg_read(&a, 0x18, 4) == 0, "hv/ivshmem/cfg-bar-sizing",
		 "bar0 0x%08x bar1 0x%08x bar2 0x%08x", cfg_read(&a, 0x10, 4),
		 cfg_read(&a, 0x14, 4), cfg_read(&a, 0x18, 4));
}

static void test_bars(void)
{
	cfg_write(&a, 0x10, 4, BAR0_A);
	cfg_write(&a, 0x14, 4, BAR1_A);
	t_result(reg_read(&a, BAR0_A, IVSHMEM_REG_MAX_PEERS) == ~0U,
		 "hv/ivshmem/bar-not-decoded-before-mem-enable", "read 0x%x",
		 reg_read(&a, BAR0_A, IVSHMEM_REG_MAX_PEERS));
	cfg_write(&a, 0x04, 2, 0x0006);
	t_result(reg_read(&a, BAR0_A, IVSHMEM_REG_MAX_PEERS) == 3,
		 "hv/ivshmem/bar0-decoded", "read 0x%x",
		 reg_read(&a, BAR0_A, IVSHMEM_REG_MAX_PEERS));
	t_result(guest_mmio(&a, BAR1_A + 0x100, 4, false, 0) == 0,
		 "hv/ivshmem/bar1-pba-zero", "read 0x%llx",
		 (unsigned long long)guest_mmio(&a, BAR1_A + 0x100, 4, false,
						0));

	/* moving BAR0 while decoding moves the trap */
	cfg_write(&a, 0x10, 4, BAR0_A + 0x10000);
	t_result(reg_read(&a, BAR0_A, 0) == ~0U &&
		 reg_read(&a, BAR0_A + 0x10000, IVSHMEM_REG_MAX_PEERS) == 3,
		 "hv/ivshmem/bar0-moves", "old 0x%x new 0x%x",
		 reg_read(&a, BAR0_A, 0),
		 reg_read(&a, BAR0_A + 0x10000, IVSHMEM_REG_MAX_PEERS));
	cfg_write(&a, 0x04, 2, 0);
	t_result(reg_read(&a, BAR0_A + 0x10000, 0) == ~0U,
		 "hv/ivshmem/bar-decode-off", "read 0x%x",
		 reg_read(&a, BAR0_A + 0x10000, 0));
	th_map_bars(&a, BAR0_A, BAR1_A);
	th_map_bars(&b, BAR0_B, BAR1_B);
}

static void test_registers(void)
{
	t_result(reg_read(&a, BAR0_A, IVSHMEM_REG_ID) == 0 &&
		 reg_read(&b, BAR0_B, IVSHMEM_REG_ID) == 1,
		 "hv/ivshmem/reg-id", "a %u b %u",
		 reg_read(&a, BAR0_A, IVSHMEM_REG_ID),
		 reg_read(&b, BAR0_B, IVSHMEM_REG_ID));
	reg_write(&a, BAR0_A, IVSHMEM_REG_ID, 7);
	reg_write(&a, BAR0_A, IVSHMEM_REG_MAX_PEERS, 7);
	t_result(reg_read(&a, BAR0_A, IVSHMEM_REG_ID) == 0 &&
		 reg_read(&a, BAR0_A, IVSHMEM_REG_MAX_PEERS) == 3,
		 "hv/ivshmem/reg-read-only", "id %u peers %u",
		 reg_read(&a, BAR0_A, IVSHMEM_REG_ID),
		 reg_read(&a, BAR0_A, IVSHMEM_REG_MAX_PEERS));
	reg_write(&a, BAR0_A, IVSHMEM_REG_INT_CTRL, 0xffffffff);
	t_result(reg_read(&a, BAR0_A, IVSHMEM_REG_INT_CTRL) == 1,
		 "hv/ivshmem/reg-int-ctrl-bit0", "0x%x",
		 reg_read(&a, BAR0_A, IVSHMEM_REG_INT_CTRL));
	t_result(reg_read(&a, BAR0_A, IVSHMEM_REG_DOORBELL) == 0 &&
		 reg_read(&a, BAR0_A, 0x14) == 0 &&
		 reg_read(&a, BAR0_A, 0xffc) == 0,
		 "hv/ivshmem/reg-doorbell-and-unbacked-read-zero", "0x%x",
		 reg_read(&a, BAR0_A, IVSHMEM_REG_DOORBELL));
	t_result(guest_mmio(&a, BAR0_A + IVSHMEM_REG_MAX_PEERS, 1, false, 0)
		 == 0 && guest_mmio(&a, BAR0_A + 2, 4, false, 0) == 0,
		 "hv/ivshmem/reg-narrow-unaligned-read-zero", "byte 0x%llx",
		 (unsigned long long)guest_mmio(&a, BAR0_A + 4, 1, false, 0));
	guest_mmio(&a, BAR0_A + IVSHMEM_REG_STATE, 1, true, 0x55);
	t_result(reg_read(&a, BAR0_A, IVSHMEM_REG_STATE) == 0,
		 "hv/ivshmem/reg-narrow-write-ignored", "state 0x%x",
		 reg_read(&a, BAR0_A, IVSHMEM_REG_STATE));
}

/* Peer @tc takes interrupts on every vector, pointed at 0xfee00000. */
static void enable_msix(struct test_cell *tc, u64 bar1)
{
	unsigned int v;

	for (v = 0; v < 16; v++) {
		guest_mmio(tc, bar1 + v * 16, 4, true, 0xfee00000);
		guest_mmio(tc, bar1 + v * 16 + 8, 4, true, 0x40 + v);
		guest_mmio(tc, bar1 + v * 16 + 12, 4, true, 0);
	}
	cfg_write(tc, 0x62, 2, 0x8000);
}

static void test_msix_table(void)
{
	guest_mmio(&b, BAR1_B + 0x30, 4, true, 0xfee01003);
	guest_mmio(&b, BAR1_B + 0x34, 4, true, 0x1);
	guest_mmio(&b, BAR1_B + 0x38, 4, true, 0x4031);
	guest_mmio(&b, BAR1_B + 0x3c, 4, true, 0xfffffffe);
	t_result(guest_mmio(&b, BAR1_B + 0x30, 4, false, 0) == 0xfee01000 &&
		 guest_mmio(&b, BAR1_B + 0x34, 4, false, 0) == 1 &&
		 guest_mmio(&b, BAR1_B + 0x38, 4, false, 0) == 0x4031 &&
		 guest_mmio(&b, BAR1_B + 0x3c, 4, false, 0) == 0,
		 "hv/ivshmem/msix-entry-fields", "addr 0x%llx ctrl 0x%llx",
		 (unsigned long long)guest_mmio(&b, BAR1_B + 0x30, 4, false, 0),
		 (unsigned long long)guest_mmio(&b, BAR1_B + 0x3c, 4, false,
						0));
	t_result(guest_mmio(&b, BAR1_B + 0x40 + 12, 4, false, 0) == 1,
		 "hv/ivshmem/msix-masked-after-reset", "ctrl 0x%llx",
		 (unsigned long long)guest_mmio(&b, BAR1_B + 0x4c, 4, false,
						0));
	if (sizeof(unsigned long) == 8) {
		guest_mmio(&b, BAR1_B + 0x50, 8, true, 0x00000000fee02000ULL);
		t_result(guest_mmio(&b, BAR1_B + 0x50, 8, false, 0) ==
			 0xfee02000ULL, "hv/ivshmem/msix-64bit-access",
			 "0x%llx", (unsigned long long)
			 guest_mmio(&b, BAR1_B + 0x50, 8, false, 0));
	}
	enable_msix(&a, BAR1_A);
	enable_msix(&b, BAR1_B);
	t_result(cfg_read(&b, 0x62, 2) == 0x800f,
		 "hv/ivshmem/msix-enable-bit", "ctrl 0x%x",
		 cfg_read(&b, 0x62, 2));
}

static void test_state(void)
{
	u32 *table = (u32 *)state_page;

	num_triggers = 0;
	reg_write(&a, BAR0_A, IVSHMEM_REG_INT_CTRL, 1);
	reg_write(&b, BAR0_B, IVSHMEM_REG_INT_CTRL, 1);
	reg_write(&a, BAR0_A, IVSHMEM_REG_STATE, 5);
	t_result(table[0] == 5 && reg_read(&a, BAR0_A, IVSHMEM_REG_STATE) == 5,
		 "hv/ivshmem/state-mirrored", "table[0] %u", table[0]);
	expect_one_trigger("hv/ivshmem/state-change-signals-peer-vector0", &b,
			   0);
	reg_write(&a, BAR0_A, IVSHMEM_REG_STATE, 5);
	expect_no_trigger("hv/ivshmem/same-state-no-signal");
	reg_write(&b, BAR0_B, IVSHMEM_REG_STATE, 2);
	t_result(table[1] == 2 && table[0] == 5 && table[2] == 0,
		 "hv/ivshmem/state-table-per-peer", "%u %u %u", table[0],
		 table[1], table[2]);
	expect_one_trigger("hv/ivshmem/state-signal-other-direction", &a, 0);
}

static void test_doorbell(void)
{
	num_triggers = 0;
	reg_write(&a, BAR0_A, IVSHMEM_REG_DOORBELL, IVSHMEM_DOORBELL(1, 3));
	expect_one_trigger("hv/ivshmem/doorbell-to-peer-vector", &b, 3);
	reg_write(&a, BAR0_A, IVSHMEM_REG_DOORBELL, IVSHMEM_DOORBELL(2, 0));
	expect_no_trigger("hv/ivshmem/doorbell-absent-peer-ignored");
	reg_write(&a, BAR0_A, IVSHMEM_REG_DOORBELL, IVSHMEM_DOORBELL(99, 0));
	expect_no_trigger("hv/ivshmem/doorbell-peer-out-of-range-ignored");
	reg_write(&a, BAR0_A, IVSHMEM_REG_DOORBELL, IVSHMEM_DOORBELL(1, 16));
	expect_no_trigger("hv/ivshmem/doorbell-vector-out-of-range-ignored");
	reg_write(&a, BAR0_A, IVSHMEM_REG_DOORBELL, IVSHMEM_DOORBELL(0, 2));
	expect_one_trigger("hv/ivshmem/doorbell-to-self", &a, 2);

	guest_mmio(&b, BAR1_B + 3 * 16 + 12, 4, true, 1);
	reg_write(&a, BAR0_A, IVSHMEM_REG_DOORBELL, IVSHMEM_DOORBELL(1, 3));
	expect_no_trigger("hv/ivshmem/doorbell-masked-vector-dropped");
	guest_mmio(&b, BAR1_B + 3 * 16 + 12, 4, true, 0);

	cfg_write(&b, 0x62, 2, 0xc000);
	reg_write(&a, BAR0_A, IVSHMEM_REG_DOORBELL, IVSHMEM_DOORBELL(1, 3));
	expect_no_trigger("hv/ivshmem/doorbell-function-masked-dropped");
	cfg_write(&b, 0x62, 2, 0x8000);

	cfg_write(&b, 0x04, 2, 0x0002);
	reg_write(&a, BAR0_A, IVSHMEM_REG_DOORBELL, IVSHMEM_DOORBELL(1, 3));
	expect_no_trigger("hv/ivshmem/doorbell-without-bus-master-dropped");
	cfg_write(&b, 0x04, 2, 0x0006);

	reg_write(&b, BAR0_B, IVSHMEM_REG_INT_CTRL, 0);
	reg_write(&a, BAR0_A, IVSHMEM_REG_DOORBELL, IVSHMEM_DOORBELL(1, 3));
	expect_no_trigger("hv/ivshmem/doorbell-interrupts-disabled-dropped");

	/* one-shot: delivery clears the enable bit */
	cfg_write(&b, 0x43, 1, IVSHMEM_PRIV_CTRL_ONESHOT_INT);
	t_result(cfg_read(&b, 0x43, 1) == 1, "hv/ivshmem/oneshot-writable",
		 "priv ctrl 0x%x", cfg_read(&b, 0x43, 1));
	reg_write(&b, BAR0_B, IVSHMEM_REG_INT_CTRL, 1);
	reg_write(&a, BAR0_A, IVSHMEM_REG_DOORBELL, IVSHMEM_DOORBELL(1, 4));
	reg_write(&a, BAR0_A, IVSHMEM_REG_DOORBELL, IVSHMEM_DOORBELL(1, 4));
	expect_one_trigger("hv/ivshmem/oneshot-delivers-once", &b, 4);
	t_result(reg_read(&b, BAR0_B, IVSHMEM_REG_INT_CTRL) == 0,
		 "hv/ivshmem/oneshot-clears-enable", "int ctrl %u",
		 reg_read(&b, BAR0_B, IVSHMEM_REG_INT_CTRL));
	cfg_write(&b, 0x43, 1, 0);
	reg_write(&b, BAR0_B, IVSHMEM_REG_INT_CTRL, 1);
}

static void test_intx(void)
{
	static struct test_cell d, e;
	struct cell_params pd = {
		.name = "intx-d", .peer = 0, .peers = 2, .bdf = 0x0a << 3,
		.shmem_virt = LINK_PHYS, .cpus = 0x4,
	};
	struct cell_params pe = pd;
	int err;

	/* a second link must not be on the first one's state table */
	memset(state_page, 0, sizeof(state_page));
	th_destroy(&a);
	th_destroy(&b);
	pe.name = "intx-e";
	pe.peer = 1;
	err = th_create(&d, &pd) ?: th_create(&e, &pe);
	t_result(!err, "hv/ivshmem/intx-cells-created", "error %d: %s", err,
		 console);
	if (err)
		return;
	t_result(cfg_read(&d, 0x3d, 1) == 3 && cfg_read(&d, 0x40, 4) ==
		 0x00200009 && cfg_read(&d, 0x14, 4) == 0,
		 "hv/ivshmem/intx-pin-no-msix", "pin %u vndr 0x%08x",
		 cfg_read(&d, 0x3d, 1), cfg_read(&d, 0x40, 4));
	th_map_bars(&d, BAR0_A, 0);
	th_map_bars(&e, BAR0_B, 0);
	reg_write(&e, BAR0_B, IVSHMEM_REG_INT_CTRL, 1);
	num_triggers = 0;
	reg_write(&d, BAR0_A, IVSHMEM_REG_DOORBELL, IVSHMEM_DOORBELL(1, 5));
	expect_one_trigger("hv/ivshmem/intx-any-vector-raises-line", &e, 5);
	cfg_write(&e, 0x05, 1, 0x04);		/* INTx disable */
	reg_write(&d, BAR0_A, IVSHMEM_REG_DOORBELL, IVSHMEM_DOORBELL(1, 0));
	expect_no_trigger("hv/ivshmem/intx-disable-bit-blocks");
	th_destroy(&e);
	th_destroy(&d);
}

static void test_peers_leave(void)
{
	u32 *table = (u32 *)state_page;
	struct cell_params pc = params_b;
	int err;

	/* B stops (shutdown/failure): its state drops, A hears vector 0 */
	num_triggers = 0;
	b.dev.ops->reset(&b.dev);
	t_result(table[1] == 0 && table[0] == 5, "hv/ivshmem/reset-zeroes-state",
		 "table %u %u", table[0], table[1]);
	expect_one_trigger("hv/ivshmem/reset-notifies-peer", &a, 0);
	t_result(reg_read(&b, BAR0_B, 0) == ~0U &&
		 cfg_read(&b, 0x04, 2) == 0 && cfg_read(&b, 0x10, 4) == 0,
		 "hv/ivshmem/reset-unmaps-bars", "command 0x%x bar0 0x%x",
		 cfg_read(&b, 0x04, 2), cfg_read(&b, 0x10, 4));

	/* B comes back, sets a state, then is destroyed */
	th_map_bars(&b, BAR0_B, BAR1_B);
	reg_write(&b, BAR0_B, IVSHMEM_REG_STATE, 9);
	num_triggers = 0;
	th_destroy(&b);
	t_result(table[1] == 0, "hv/ivshmem/destroy-zeroes-state", "table[1] %u",
		 table[1]);
	expect_one_trigger("hv/ivshmem/destroy-notifies-peer", &a, 0);
	reg_write(&a, BAR0_A, IVSHMEM_REG_DOORBELL, IVSHMEM_DOORBELL(1, 0));
	expect_no_trigger("hv/ivshmem/doorbell-to-departed-peer-ignored");

	/* the slot is free again; an occupied one or other peers is not */
	pc.name = "cell-c";
	err = th_create(&c, &pc);
	t_result(!err, "hv/ivshmem/rejoin-free-slot", "error %d", err);
	pc.name = "cell-dup";
	console[0] = 0;
	err = th_create(&b, &pc);
	t_result(err == -EBUSY && strstr(console, "shmem_dev_id"),
		 "hv/ivshmem/duplicate-peer-id-refused", "error %d: %s", err,
		 console);
	pc.peer = 2;
	pc.peers = 4;
	console[0] = 0;
	err = th_create(&b, &pc);
	t_result(err == -EINVAL && strstr(console, "shmem_peers"),
		 "hv/ivshmem/peer-count-mismatch-refused", "error %d: %s", err,
		 console);
	th_destroy(&c);
}

/*
 * Config space through an ECAM window (ARM's virtual host bridge, x86
 * MMCONFIG): the pci unit dispatches it, the ivshmem unit answers, BAR
 * programming through ECAM reaches the registers.
 */
static void test_ecam(bool is_virtual)
{
	const struct unit *units[2] = { NULL, ivshmem_unit() };
	const struct unit *unit;
	static struct test_cell e;
	struct cell *cell = &e.cell;
	const u64 ecam = 0x08e00000, fn = ecam + (LINK_BDF << 12);
	char name[64];
	int err;

	for (unit = __units_start; unit < __units_end; unit++)
		if (!strcmp(unit->name, "pci"))
			units[0] = unit;
	sys.platform_info.pci_mmconfig_base = ecam;
	sys.platform_info.pci_is_virtual = is_virtual;
	memset(cell, 0, sizeof(*cell));
	build_config(&e, &params_a);
	cell->config = (void *)e.image;
	err = mmio_dispatcher_init(&cell->mmio,
				   units[0]->mmio_count_regions(cell) +
				   units[1]->mmio_count_regions(cell)) ?:
		units[0]->cell_init(cell) ?: units[1]->cell_init(cell);
	snprintf(name, sizeof(name), "hv/ivshmem/ecam-%s-cell",
		 is_virtual ? "virtual" : "mmconfig");
	t_result(!err, name, "error %d: %s", err, console);
	if (err)
		return;

	snprintf(name, sizeof(name), "hv/ivshmem/ecam-%s-ids",
		 is_virtual ? "virtual" : "mmconfig");
	t_result(guest_mmio(&e, fn, 4, false, 0) == 0x4106110a &&
		 guest_mmio(&e, fn + 0x40, 1, false, 0) == 0x09 &&
		 guest_mmio(&e, ecam, 4, false, 0) == 0xffffffff, name,
		 "ids 0x%llx, slot 0 0x%llx",
		 (unsigned long long)guest_mmio(&e, fn, 4, false, 0),
		 (unsigned long long)guest_mmio(&e, ecam, 4, false, 0));
	guest_mmio(&e, fn + 0x10, 4, true, 0x08f00000);
	guest_mmio(&e, fn + 0x04, 2, true, 0x0002);
	snprintf(name, sizeof(name), "hv/ivshmem/ecam-%s-bar-programming",
		 is_virtual ? "virtual" : "mmconfig");
	t_result(reg_read(&e, 0x08f00000, IVSHMEM_REG_MAX_PEERS) == 3, name,
		 "max peers reads 0x%x",
		 reg_read(&e, 0x08f00000, IVSHMEM_REG_MAX_PEERS));

	units[1]->cell_exit(cell);
	units[0]->cell_exit(cell);
	mmio_dispatcher_free(&cell->mmio);
	sys.platform_info.pci_mmconfig_base = 0;
}

int main(void)
{
	unsigned long pool_before;
	int err;

	th_init();
	pool_before = mem_pool.used_pages;
	err = th_create(&a, &params_a) ?: th_create(&b, &params_b);
	t_result(!err && state_page_maps == 1, "hv/ivshmem/link-created",
		 "error %d, %u state table mappings: %s", err,
		 state_page_maps, console);
	if (err)
		return 1;
	t_result(!!strstr(console, "Adding virtual PCI device 00:0f.0 to cell \"cell-b\""),
		 "hv/ivshmem/adding-device-message", "console: %s", console);

	test_config_space();
	test_bars();
	test_registers();
	test_msix_table();
	test_state();
	test_doorbell();
	test_peers_leave();
	test_intx();
	memset(state_page, 0, sizeof(state_page));
	test_ecam(true);
	test_ecam(false);

	t_result(mem_pool.used_pages == pool_before && state_page_maps == 0,
		 "hv/ivshmem/pool-and-mappings-released",
		 "pool %lu -> %lu pages, %u state table mappings", pool_before,
		 mem_pool.used_pages, state_page_maps);
	return t_failed() ? 1 : 0;
}
