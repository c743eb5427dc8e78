// SPDX-License-Identifier: GPL-2.0
/*
 * ARM delivery of ivshmem doorbells (hypervisor/arch/arm/ivshmem.c): the
 * INTx line of a device is SPI 32 + vpci_irq_base + pin - 1 of the
 * receiving cell, the pin rotating with the device's slot.
 */
#include "harness.h"
#include <asm/arm.h>

#define BAR0_A		0x08f00000ULL
#define BAR0_B		0xff000000ULL

static struct test_cell a, b;
static unsigned int injected, injected_irq;
static struct cell *injected_cell;

bool gic_inject_virtual_spi(struct cell *cell, unsigned int irq)
{
	injected++;
	injected_irq = irq;
	injected_cell = cell;
	return true;
}

static void check_link(u16 bdf, unsigned int expect_irq, const char *name)
{
	char state_name[96];
	const struct cell_params pa = {
		.name = "root", .peer = 0, .peers = 2, .bdf = bdf,
		.shmem_virt = LINK_PHYS, .cpus = 0x3, .vpci_irq_base = 150,
	};
	const struct cell_params pb = {
		.name = "cell-a", .peer = 1, .peers = 2, .bdf = bdf,
		.shmem_virt = 0x7cf00000, .cpus = 0x4, .vpci_irq_base = 154,
	};
	int err;

	err = th_create(&a, &pa) ?: th_create(&b, &pb);
	if (err) {
		t_result(0, name, "cells not created: %d %s", err, console);
		return;
	}
	th_map_bars(&a, BAR0_A, 0);
	th_map_bars(&b, BAR0_B, 0);
	reg_write(&b, BAR0_B, IVSHMEM_REG_INT_CTRL, 1);
	reg_write(&a, BAR0_A, IVSHMEM_REG_INT_CTRL, 1);
	injected = 0;
	reg_write(&a, BAR0_A, IVSHMEM_REG_DOORBELL, IVSHMEM_DOORBELL(1, 0));
	t_result(injected == 1 && injected_irq == expect_irq &&
		 injected_cell == &b.cell, name,
		 "%u injections, INTID %u (want %u)", injected, injected_irq,
		 expect_irq);
	injected = 0;
	reg_write(&b, BAR0_B, IVSHMEM_REG_STATE, 1);
	snprintf(state_name, sizeof(state_name), "%s/state-to-root", name);
	t_result(injected == 1 && injected_cell == &a.cell &&
		 injected_irq == expect_irq - 4, state_name,
		 "%u injections, INTID %u", injected, injected_irq);
	th_destroy(&b);
	th_destroy(&a);
}

int main(void)
{
	th_init();
	check_link(0x00, 32 + 154, "hv/ivshmem-arm/intx-slot0-pin-a");
	check_link(0x01 << 3, 32 + 154 + 1, "hv/ivshmem-arm/intx-slot1-pin-b");
	check_link(0x05 << 3, 32 + 154 + 1, "hv/ivshmem-arm/intx-slot5-pin-b");
	return t_failed() ? 1 : 0;
}
