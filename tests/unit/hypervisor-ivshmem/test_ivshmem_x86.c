// SPDX-License-Identifier: GPL-2.0
/*
 * x86 delivery of ivshmem doorbells (hypervisor/arch/x86/ivshmem.c): the
 * MSI-X message the receiving guest programmed is decoded into an APIC
 * destination and vector; malformed messages and messages reaching CPUs
 * outside the receiving cell are refused and reported once.
 */
#include "harness.h"
#include <asm/apic.h>

#define BAR0_A		0xfe000000ULL
#define BAR0_B		0xff000000ULL
#define BAR1_B		0xff001000ULL

static struct test_cell a, b;
static unsigned int sends;
static u32 sent_dest, sent_vector;
static bool sent_logical;
static unsigned long foreign_cpus;	/* CPUs outside cell B */

static bool sent_lowpri;

bool apic_send_cell_irq(struct cell *cell, u32 dest, bool logical,
			bool lowest_priority, unsigned int vector)
{
	/* physical destination = CPU number in this stand-in */
	if (!logical && dest < BITS_PER_LONG &&
	    (foreign_cpus & (1UL << dest)))
		return false;
	sends++;
	sent_dest = dest;
	sent_logical = logical;
	sent_lowpri = lowest_priority;
	sent_vector = vector;
	return true;
}

static void program_vector(unsigned int v, u32 address, u32 data)
{
	guest_mmio(&b, BAR1_B + v * 16, 4, true, address);
	guest_mmio(&b, BAR1_B + v * 16 + 8, 4, true, data);
	guest_mmio(&b, BAR1_B + v * 16 + 12, 4, true, 0);
}

static void ring(unsigned int v)
{
	sends = 0;
	reg_write(&a, BAR0_A, IVSHMEM_REG_DOORBELL, IVSHMEM_DOORBELL(1, v));
}

int main(void)
{
	const struct cell_params pa = {
		.name = "root", .peer = 0, .peers = 2, .msix_vectors = 4,
		.bdf = LINK_BDF, .shmem_virt = LINK_PHYS, .cpus = 0x1,
	};
	const struct cell_params pb = {
		.name = "cell-b", .peer = 1, .peers = 2, .msix_vectors = 4,
		.bdf = LINK_BDF, .shmem_virt = LINK_PHYS, .cpus = 0x2,
	};
	int err;

	th_init();
	err = th_create(&a, &pa) ?: th_create(&b, &pb);
	t_result(!err, "hv/ivshmem-x86/cells-created", "error %d: %s", err,
		 console);
	if (err)
		return 1;
	th_map_bars(&a, BAR0_A, 0);
	th_map_bars(&b, BAR0_B, BAR1_B);
	reg_write(&b, BAR0_B, IVSHMEM_REG_INT_CTRL, 1);
	cfg_write(&b, 0x62, 2, 0x8000);

	program_vector(0, 0xfee01000, 0x0041);
	ring(0);
	t_result(sends == 1 && sent_dest == 1 && !sent_logical &&
		 !sent_lowpri && sent_vector == 0x41,
		 "hv/ivshmem-x86/msi-physical-decoded",
		 "%u sends, dest %u logical %d vector 0x%x", sends, sent_dest,
		 sent_logical, sent_vector);
	program_vector(1, 0xfee0200c, 0x0152);
	ring(1);
	t_result(sends == 1 && sent_dest == 2 && sent_logical &&
		 sent_lowpri && sent_vector == 0x52,
		 "hv/ivshmem-x86/msi-logical-lowpri-decoded",
		 "%u sends, dest %u logical %d vector 0x%x", sends, sent_dest,
		 sent_logical, sent_vector);

	/* x2APIC destination 0x102: upper bits in the upper address dword */
	guest_mmio(&b, BAR1_B + 3 * 16 + 4, 4, true, 1);
	program_vector(3, 0xfee02000, 0x0043);
	ring(3);
	t_result(sends == 1 && sent_dest == 0x102 && sent_vector == 0x43,
		 "hv/ivshmem-x86/msi-x2apic-high-destination",
		 "%u sends, dest 0x%x vector 0x%x", sends, sent_dest,
		 sent_vector);
	guest_mmio(&b, BAR1_B + 3 * 16 + 4, 4, true, 0);

	program_vector(2, 0xfee01000, 0x0441);		/* NMI */
	console[0] = 0;
	ring(2);
	t_result(sends == 0 && strstr(console, "MSI-X vector 2"),
		 "hv/ivshmem-x86/msi-nmi-refused", "%u sends: %s", sends,
		 console);
	console[0] = 0;
	ring(2);
	t_result(console[0] == 0, "hv/ivshmem-x86/refusal-reported-once",
		 "console: %s", console);
	program_vector(2, 0xfee01000, 0x0010);		/* exception vector */
	ring(2);
	t_result(sends == 0 && strstr(console, "MSI-X vector 2"),
		 "hv/ivshmem-x86/msi-low-vector-refused",
		 "%u sends: %s", sends, console);
	program_vector(3, 0xfec00000, 0x0041);		/* not the APIC */
	ring(3);
	t_result(sends == 0, "hv/ivshmem-x86/msi-bad-address-refused",
		 "%u sends", sends);

	foreign_cpus = 1UL << 1;
	ring(0);
	t_result(sends == 0, "hv/ivshmem-x86/msi-foreign-cpu-refused",
		 "%u sends", sends);

	th_destroy(&b);
	th_destroy(&a);
	return t_failed() ? 1 : 0;
}
