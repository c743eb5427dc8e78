// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of the config validator (hypervisor/config_check.c): valid
 * configs pass; each class of error is rejected with its message.
 *
 * Usage: test_config_check [CELLFILE...]  - extra .cell files (built from
 * configs/) are checked to pass as well: system configs alone, cell
 * configs alone.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jailhouse/config_check.h>

#include "fixtures.h"
#include "testlib.h"

struct run {
	unsigned int errors;
	unsigned int warnings;
	unsigned int returned;
	char log[32768];
};

static void collect(void *arg, int severity, const char *fmt, ...)
{
	struct run *run = arg;
	size_t used = strlen(run->log);
	va_list ap;

	if (used + 8 >= sizeof(run->log))
		return;
	used += snprintf(run->log + used, sizeof(run->log) - used, "%s: ",
			 severity == JH_CHECK_ERROR ? "E" : "W");
	va_start(ap, fmt);
	used += vsnprintf(run->log + used, sizeof(run->log) - used, fmt, ap);
	va_end(ap);
	if (used + 1 < sizeof(run->log))
		strcat(run->log, "\n");
}

static struct run *new_run(struct jh_check *chk)
{
	static struct run run;

	memset(&run, 0, sizeof(run));
	memset(chk, 0, sizeof(*chk));
	chk->report = collect;
	chk->arg = &run;
	return &run;
}

static void finish(struct run *run, struct jh_check *chk)
{
	run->errors = chk->errors;
	run->warnings = chk->warnings;
}

static __u8 img_a[FX_IMAGE_MAX], img_b[FX_IMAGE_MAX], img_c[FX_IMAGE_MAX];

static struct run *check_system_bytes(const void *image, size_t size)
{
	struct jh_check chk;
	struct run *run = new_run(&chk);

	run->returned = jh_check_system_image(&chk, image, size);
	finish(run, &chk);
	return run;
}

static struct run *check_cell_bytes(const void *image, size_t size)
{
	struct jh_check chk;
	struct run *run = new_run(&chk);

	run->returned = jh_check_cell_image(&chk, image, size);
	finish(run, &chk);
	return run;
}

static struct run *check_system(const struct fx_system *sys)
{
	return check_system_bytes(img_a, fx_pack_system(sys, img_a));
}

static struct run *check_cell(const struct fx_cell *cell)
{
	return check_cell_bytes(img_b, fx_pack_cell(cell, img_b));
}

/* structural check of both, then the cell against the system */
static struct run *check_in_system(const struct fx_system *sys,
				   const struct fx_cell *cell)
{
	size_t ssize = fx_pack_system(sys, img_a);
	size_t csize = fx_pack_cell(cell, img_b);
	struct jh_check chk;
	struct run *run = new_run(&chk);

	run->returned = jh_check_system_image(&chk, img_a, ssize);
	run->returned += jh_check_cell_image(&chk, img_b, csize);
	run->returned += jh_check_cell_in_system(&chk, (void *)img_a,
						 (void *)img_b);
	finish(run, &chk);
	return run;
}

static struct run *check_disjoint(const struct fx_cell *a,
				  const struct fx_cell *b)
{
	const struct jailhouse_cell_desc *cells[2] = {
		(void *)img_b, (void *)img_c
	};
	struct jh_check chk;
	struct run *run;

	fx_pack_cell(a, img_b);
	fx_pack_cell(b, img_c);
	run = new_run(&chk);
	run->returned = jh_check_cells_disjoint(&chk, cells, 2);
	finish(run, &chk);
	return run;
}

static const char *first_line(const char *log)
{
	static char line[512];
	size_t len = strcspn(log, "\n");

	if (len >= sizeof(line))
		len = sizeof(line) - 1;
	memcpy(line, log, len);
	line[len] = '\0';
	return len ? line : "(no findings)";
}

/* Does the log have a line of this severity ("E" / "W") containing text? */
static int has_finding(const struct run *run, const char *sev,
		       const char *text)
{
	const char *line = run->log, *end;
	char buf[1024];
	size_t len;

	for (; *line; line = *end ? end + 1 : end) {
		end = strchr(line, '\n');
		if (!end)
			end = line + strlen(line);
		len = end - line;
		if (len >= sizeof(buf))
			len = sizeof(buf) - 1;
		memcpy(buf, line, len);
		buf[len] = '\0';
		if (!strncmp(buf, sev, 1) && strstr(buf, text))
			return 1;
	}
	return 0;
}

static void expect_clean(const char *name, const struct run *run)
{
	t_result(run->errors == 0 && run->warnings == 0 && run->returned == 0,
		 name, "%u errors, %u warnings: %s", run->errors,
		 run->warnings, first_line(run->log));
}

static void expect_error(const char *name, const struct run *run,
			 const char *text)
{
	t_result(run->errors > 0 && run->returned == run->errors &&
		 has_finding(run, "E", text), name,
		 "wanted an error containing \"%s\", got %u errors: %s", text,
		 run->errors, first_line(run->log));
}

static void expect_warning_only(const char *name, const struct run *run,
				const char *text)
{
	t_result(run->errors == 0 && run->returned == 0 &&
		 has_finding(run, "W", text), name,
		 "wanted only a warning containing \"%s\", got %u errors, %u warnings: %s",
		 text, run->errors, run->warnings, first_line(run->log));
}

static struct fx_system sys;
static struct fx_cell cell, other;

/* ------------------------------------------------------------------ */

static void test_valid_configs(void)
{
	fx_x86_system(&sys);
	expect_clean("config_check_x86_system_fixture_is_clean",
		     check_system(&sys));
	fx_x86_apic_demo(&cell);
	expect_clean("config_check_x86_apic_demo_fixture_is_clean",
		     check_cell(&cell));
	expect_clean("config_check_x86_apic_demo_fits_system",
		     check_in_system(&sys, &cell));
	fx_x86_ivshmem_demo(&cell);
	expect_clean("config_check_x86_ivshmem_peer_fits_root_peer",
		     check_in_system(&sys, &cell));
	fx_x86_apic_demo(&cell);
	fx_x86_tiny_demo(&other);
	expect_clean("config_check_x86_apic_and_tiny_demo_are_disjoint",
		     check_disjoint(&cell, &other));

	fx_arm_system(&sys);
	expect_clean("config_check_arm_system_fixture_is_clean",
		     check_system(&sys));
	fx_arm_gic_demo(&cell);
	expect_clean("config_check_arm_gic_demo_fits_system",
		     check_in_system(&sys, &cell));
	fx_arm_ivshmem_demo(&cell, 1, 0x4, 0x7c800000);
	fx_arm_ivshmem_demo(&other, 2, 0x8, 0x7c900000);
	expect_clean("config_check_arm_ivshmem_cell_a_fits_system",
		     check_in_system(&sys, &cell));
	expect_clean("config_check_arm_ivshmem_cells_share_only_the_link",
		     check_disjoint(&cell, &other));
}

static void test_image_header(void)
{
	struct jailhouse_system *image = (void *)img_a;
	size_t size;

	fx_x86_system(&sys);
	size = fx_pack_system(&sys, img_a);
	expect_error("config_check_rejects_truncated_system_image",
		     check_system_bytes(img_a, size - 1), "truncated");
	expect_error("config_check_rejects_image_shorter_than_header",
		     check_system_bytes(img_a, 4), "too short");
	expect_error("config_check_rejects_system_without_root_desc",
		     check_system_bytes(img_a, 400), "needs at least 488");

	image->signature[0] = 'X';
	expect_error("config_check_rejects_wrong_signature",
		     check_system_bytes(img_a, size),
		     "not a system configuration");
	fx_x86_apic_demo(&cell);
	size = fx_pack_cell(&cell, img_a);
	expect_error("config_check_names_cell_passed_as_system",
		     check_system_bytes(img_a, size),
		     "this is a cell config, not a system config");
	expect_error("config_check_rejects_truncated_cell_image",
		     check_cell_bytes(img_a, size - 32), "truncated");

	size = fx_pack_system(&sys, img_a);
	image->revision = 13;
	expect_error("config_check_rejects_wrong_revision",
		     check_system_bytes(img_a, size),
		     "config revision 13, but revision 14 is required");
	image->revision = JAILHOUSE_CONFIG_REVISION;
	image->architecture = 7;
	expect_error("config_check_rejects_unknown_architecture",
		     check_system_bytes(img_a, size),
		     "unknown architecture byte 7");
	image->architecture = JAILHOUSE_ARM64;
	expect_error("config_check_rejects_unsupported_arm64",
		     check_system_bytes(img_a, size),
		     "architecture arm64 is not supported");

	size = fx_pack_system(&sys, img_a);
	memset(img_a + size, 0, 64);
	expect_warning_only("config_check_warns_about_trailing_bytes",
			    check_system_bytes(img_a, size + 64),
			    "64 bytes after");
}

static void test_count_overflow(void)
{
	struct jailhouse_system *image = (void *)img_a;
	size_t size;

	fx_x86_system(&sys);
	size = fx_pack_system(&sys, img_a);
	image->root_cell.num_memory_regions = 0xffffffff;
	expect_error("config_check_rejects_huge_region_count",
		     check_system_bytes(img_a, size),
		     "a count is wrong");
	size = fx_pack_system(&sys, img_a);
	image->root_cell.cpu_set_size = 0xffffffff;
	image->root_cell.num_pci_devices = 0xffffffff;
	image->root_cell.num_pci_caps = 0xffffffff;
	image->root_cell.num_irqchips = 0xffffffff;
	image->root_cell.num_stream_ids = 0xffffffff;
	expect_error("config_check_sums_all_counts_without_overflow",
		     check_system_bytes(img_a, size), "declares");
}

static void test_cpu_sets(void)
{
	fx_x86_apic_demo(&cell);
	cell.cpu_set_size = 0;
	expect_error("config_check_rejects_zero_cpu_set_size",
		     check_cell(&cell), "cpu_set_size is 0");
	fx_set_cpus(&cell, 0);
	expect_error("config_check_rejects_empty_cpu_set", check_cell(&cell),
		     "CPU set is empty");
	fx_set_cpus(&cell, 2);
	cell.cpu_set_size = 4;
	expect_error("config_check_rejects_cpu_set_not_in_longs_on_x86",
		     check_cell(&cell), "not a multiple of 8 bytes");

	fx_x86_system(&sys);
	fx_x86_apic_demo(&cell);
	fx_set_cpus(&cell, 0x20);
	expect_error("config_check_rejects_cpu_not_owned_by_root",
		     check_in_system(&sys, &cell),
		     "CPU 5 is not a CPU of the root cell");
	fx_set_cpus(&cell, 0x1);
	expect_error("config_check_rejects_cpu0_on_x86",
		     check_in_system(&sys, &cell), "CPU 0 cannot be assigned");
	fx_set_cpus(&cell, 0xe);
	fx_set_cpus(&sys.root, 0xe);
	expect_error("config_check_rejects_cell_taking_all_root_cpus",
		     check_in_system(&sys, &cell), "takes every CPU");

	fx_arm_system(&sys);
	fx_set_cpus(&sys.root, 0x30f);
	expect_error("config_check_rejects_cpu_beyond_gicv2_limit",
		     check_system(&sys), "CPU 8 does not exist with a GICv2");
}

static void test_memory_regions(void)
{
	unsigned int i;

	fx_x86_system(&sys);
	i = fx_add_mem(&sys.root, 0x3a000000, 0x3a000000, 0x100000, FX_RAM);
	expect_error("config_check_rejects_hypervisor_memory_in_root",
		     check_system(&sys),
		     "memory region 11 (phys 0x3a000000..0x3a0fffff) overlaps hypervisor memory (0x3a000000..0x3a5fffff): shrink it or move hypervisor_memory");
	(void)i;

	fx_x86_system(&sys);
	fx_x86_apic_demo(&cell);
	cell.mem[0].phys_start = 0x3a400000;
	expect_error("config_check_rejects_hypervisor_memory_in_cell",
		     check_in_system(&sys, &cell),
		     "overlaps hypervisor memory");

	fx_x86_system(&sys);
	fx_add_mem(&sys.root, 0x50000, 0x50000, 0x1000, FX_RAM);
	expect_error("config_check_rejects_guest_overlap",
		     check_system(&sys),
		     "memory regions 0 (guest 0x0..0x9ffff) and 11 (guest 0x50000..0x50fff) overlap in guest-physical space");

	fx_x86_apic_demo(&cell);
	fx_add_mem(&cell, 0x3a600000, 0x200000, 0x1000, FX_RAM);
	expect_error("config_check_rejects_writable_physical_alias",
		     check_cell(&cell), "map the same physical memory");
	fx_x86_apic_demo(&cell);
	fx_add_mem(&cell, 0x3a600000, 0x200000, 0x1000,
		   JAILHOUSE_MEM_READ);
	cell.mem[0].flags &= ~JAILHOUSE_MEM_WRITE;
	expect_warning_only("config_check_warns_about_readonly_alias",
			    check_cell(&cell), "map the same physical memory twice");

	fx_x86_apic_demo(&cell);
	cell.mem[0].size = 0x100800;
	expect_error("config_check_rejects_unaligned_ram",
		     check_cell(&cell), "is not page aligned");
	fx_x86_apic_demo(&cell);
	fx_add_mem(&cell, 0xfed00000, 0xfed00000, 0x400, FX_IO);
	expect_clean("config_check_allows_subpage_io_region",
		     check_cell(&cell));
	fx_x86_apic_demo(&cell);
	fx_add_mem(&cell, 0xfed00000, 0xfed00000, 0x400, FX_RAM);
	expect_error("config_check_rejects_subpage_ram_region",
		     check_cell(&cell), "only IO regions may be sub-page");
	fx_x86_apic_demo(&cell);
	fx_add_mem(&cell, 0xfed00100, 0x200000, 0x1000, FX_IO);
	expect_error("config_check_rejects_io_region_misaligned_physically",
		     check_cell(&cell), "not physically");

	fx_x86_apic_demo(&cell);
	fx_add_mem(&cell, 0, 0, 0, 0);
	expect_error("config_check_rejects_zero_size_outside_ivshmem",
		     check_cell(&cell), "memory region 2 has size 0");
	fx_x86_apic_demo(&cell);
	fx_add_mem(&cell, 0xfffffffffffff000ULL, 0x300000, 0x2000, FX_RAM);
	expect_error("config_check_rejects_wrapping_region",
		     check_cell(&cell), "wraps around");
	fx_x86_apic_demo(&cell);
	fx_add_mem(&cell, 0x3a900000, 0x1000000000000ULL, 0x1000, FX_RAM);
	expect_error("config_check_rejects_guest_address_beyond_ept",
		     check_cell(&cell), "48-bit guest-physical");
	fx_x86_apic_demo(&cell);
	cell.mem[0].flags = JAILHOUSE_MEM_WRITE | JAILHOUSE_MEM_LOADABLE;
	expect_error("config_check_rejects_write_only_on_x86",
		     check_cell(&cell), "write-only");
}

static void test_comm_region(void)
{
	fx_x86_system(&sys);
	fx_add_mem(&sys.root, 0, 0x80000000, 0x1000, FX_COMM);
	expect_error("config_check_rejects_comm_region_in_root",
		     check_system(&sys), "only non-root cells have");
	fx_x86_apic_demo(&cell);
	fx_add_mem(&cell, 0, 0x200000, 0x1000, FX_COMM);
	expect_error("config_check_rejects_two_comm_regions",
		     check_cell(&cell), "has 2 communication regions");
	fx_x86_apic_demo(&cell);
	cell.mem[1].size = 0x2000;
	expect_error("config_check_rejects_comm_region_not_one_page",
		     check_cell(&cell), "must be one page");
	fx_x86_apic_demo(&cell);
	cell.num_mem = 1;
	expect_warning_only("config_check_warns_about_missing_comm_region",
			    check_cell(&cell), "no communication region");
}

static void test_ram_ownership(void)
{
	fx_x86_system(&sys);
	fx_x86_apic_demo(&cell);
	cell.mem[0].phys_start = 0x50000000;
	expect_error("config_check_rejects_ram_not_owned_by_root",
		     check_in_system(&sys, &cell),
		     "memory region 0 (phys 0x50000000..0x500fffff) is not RAM of the root cell");
	cell.mem[0].phys_start = 0x3df80000;
	expect_clean("config_check_accepts_ram_across_adjacent_root_regions",
		     check_in_system(&sys, &cell));
	cell.mem[0].phys_start = 0xfed00000;
	cell.mem[0].size = 0x1000;
	expect_error("config_check_rejects_ram_inside_root_io_region",
		     check_in_system(&sys, &cell), "is not RAM of the root cell");
}

static void test_protected_ranges(void)
{
	fx_x86_system(&sys);
	fx_add_mem(&sys.root, 0xfee00000, 0xfee00000, 0x1000, FX_IO);
	expect_error("config_check_rejects_mapped_local_apic",
		     check_system(&sys), "overlaps the local APIC");
	fx_x86_system(&sys);
	fx_add_mem(&sys.root, 0xfec00000, 0xfec00000, 0x1000, FX_IO);
	expect_error("config_check_rejects_mapped_ioapic",
		     check_system(&sys), "overlaps an IOAPIC");
	fx_x86_system(&sys);
	sys.header.platform_info.pci_mmconfig_base = 0xe0000000;
	sys.header.platform_info.pci_mmconfig_end_bus = 0xff;
	fx_add_mem(&sys.root, 0xe0100000, 0xe0100000, 0x1000, FX_IO);
	expect_error("config_check_rejects_mapped_mmconfig",
		     check_system(&sys), "overlaps the PCI MMCONFIG window");
	fx_arm_system(&sys);
	fx_add_mem(&sys.root, 0x08000000, 0x08000000, 0x1000, FX_IO);
	expect_error("config_check_rejects_mapped_gic_distributor",
		     check_system(&sys), "overlaps the GIC distributor");
	fx_arm_system(&sys);
	fx_arm_gic_demo(&cell);
	fx_add_mem(&cell, 0x08030000, 0x08030000, 0x1000, FX_IO);
	expect_error("config_check_rejects_gich_in_cell",
		     check_in_system(&sys, &cell),
		     "GIC hypervisor interface");
}

static void test_pio_and_irqchips(void)
{
	fx_arm_gic_demo(&cell);
	fx_add_pio(&cell, 0x3f8, 8);
	expect_error("config_check_rejects_pio_on_arm", check_cell(&cell),
		     "port I/O exists only on x86");
	fx_x86_apic_demo(&cell);
	fx_add_pio(&cell, 0xfff0, 0x20);
	expect_error("config_check_rejects_pio_beyond_0xffff",
		     check_cell(&cell), "goes beyond port 0xffff");

	fx_arm_gic_demo(&cell);
	cell.chips[0].pin_base = 40;
	expect_error("config_check_rejects_unaligned_gic_pin_base",
		     check_cell(&cell), "pin_base 40");
	fx_arm_gic_demo(&cell);
	cell.chips[0].pin_base = 992;
	cell.chips[0].pin_bitmap[1] = 1;
	expect_error("config_check_rejects_interrupt_beyond_last_spi",
		     check_cell(&cell), "interrupt 1024");
	fx_x86_apic_demo(&cell);
	fx_add_irqchip(&cell, 0xfec00000, 8, 1);
	expect_error("config_check_rejects_ioapic_pin_base",
		     check_cell(&cell), "IOAPIC pins start at 0");
	fx_arm_system(&sys);
	sys.root.chips[0].address = 0x08001000;
	expect_error("config_check_rejects_irqchip_not_the_gicd",
		     check_system(&sys), "not the GIC distributor");
	fx_arm_system(&sys);
	fx_arm_gic_demo(&cell);
	cell.chips[0].address = 0x08001000;
	expect_error("config_check_rejects_cell_irqchip_unknown_to_root",
		     check_in_system(&sys, &cell),
		     "matches no irqchip of the root cell");
}

static void test_pci(void)
{
	unsigned int dev;

	fx_x86_system(&sys);
	sys.root.pci[0].type = 9;
	expect_error("config_check_rejects_unknown_pci_type",
		     check_system(&sys), "unknown type 9");
	fx_x86_system(&sys);
	fx_add_pci(&sys.root, JAILHOUSE_PCI_TYPE_DEVICE, 0, 0x01 << 3);
	expect_error("config_check_rejects_duplicate_bdf",
		     check_system(&sys), "are both 0000:00:01.0");
	fx_x86_system(&sys);
	sys.root.pci[1].caps_start = 2;
	sys.root.pci[1].num_caps = 3;
	sys.root.caps[0].id = PCI_CAP_ID_MSI;
	sys.root.caps[0].start = 0x50;
	sys.root.caps[0].len = 14;
	sys.root.num_caps = 1;
	expect_error("config_check_rejects_caps_out_of_range",
		     check_system(&sys), "uses capabilities 2..4, but the cell has 1");
	sys.root.pci[1].num_caps = 0;
	sys.root.caps[0].start = 0xf8;
	expect_error("config_check_rejects_cap_beyond_config_space",
		     check_system(&sys), "outside the standard capability space");
	fx_x86_system(&sys);
	dev = fx_add_pci(&sys.root, JAILHOUSE_PCI_TYPE_DEVICE, 0, 0x02 << 3);
	sys.root.pci[dev].num_msix_vectors = 8;
	sys.root.pci[dev].msix_region_size = 0x40;
	sys.root.pci[dev].msix_address = 0xfebf0000;
	expect_error("config_check_rejects_small_msix_region",
		     check_system(&sys), "too small for 8 vectors");
}

static void test_ivshmem(void)
{
	struct jailhouse_pci_device *d;

	fx_x86_ivshmem_demo(&cell);
	d = &cell.pci[0];
	d->shmem_regions_start = 4;
	expect_error("config_check_rejects_shmem_regions_out_of_range",
		     check_cell(&cell), "needs memory regions 4..8");
	fx_x86_ivshmem_demo(&cell);
	cell.pci[0].shmem_dev_id = 3;
	expect_error("config_check_rejects_peer_id_beyond_peers",
		     check_cell(&cell), "shmem_dev_id 3");
	fx_x86_ivshmem_demo(&cell);
	cell.pci[0].shmem_peers = 13;
	expect_error("config_check_rejects_too_many_peers",
		     check_cell(&cell), "shmem_peers 13");
	fx_x86_ivshmem_demo(&cell);
	cell.mem[2].flags |= JAILHOUSE_MEM_WRITE;
	expect_error("config_check_rejects_writable_state_table",
		     check_cell(&cell), "state table (memory region 2) must be read-only");
	fx_x86_ivshmem_demo(&cell);
	cell.mem[4].flags |= JAILHOUSE_MEM_WRITE;
	expect_error("config_check_rejects_writable_foreign_output",
		     check_cell(&cell),
		     "output section 0 (memory region 4) belongs to peer 0");
	fx_x86_ivshmem_demo(&cell);
	cell.mem[5].virt_start += 0x1000;
	expect_error("config_check_rejects_gap_in_ivshmem_layout",
		     check_cell(&cell), "without gaps");
	fx_x86_ivshmem_demo(&cell);
	cell.mem[6].size = 0x1000;
	expect_error("config_check_rejects_unequal_output_sections",
		     check_cell(&cell), "all output sections must have the same size");

	/* { 0 } R/W section as in the 2-peer network layout */
	fx_x86_apic_demo(&cell);
	fx_add_ivshmem(&cell, 0, 0x0e << 3, 0x3af10000, 0x1000, 0, 0x7f000,
		       2, 1, 1);
	expect_clean("config_check_allows_empty_ivshmem_rw_section",
		     check_cell(&cell));

	fx_x86_system(&sys);
	fx_x86_ivshmem_demo(&cell);
	cell.pci[0].shmem_dev_id = 0;
	cell.mem[4].flags |= JAILHOUSE_MEM_WRITE;
	cell.mem[5].flags &= ~JAILHOUSE_MEM_WRITE;
	expect_error("config_check_rejects_peer_id_used_by_root",
		     check_in_system(&sys, &cell), "peer ID 0 is also used");
	fx_x86_ivshmem_demo(&cell);
	cell.pci[0].shmem_peers = 2;
	cell.num_mem--;
	expect_error("config_check_rejects_peer_count_mismatch",
		     check_in_system(&sys, &cell), "2 peers here, 3 in root cell");
	fx_x86_ivshmem_demo(&cell);
	fx_x86_system(&sys);
	sys.root.mem[4].size = 0x8000;
	sys.root.mem[5].phys_start -= 0x1000;
	sys.root.mem[5].virt_start -= 0x1000;
	sys.root.mem[6].phys_start -= 0x1000;
	sys.root.mem[6].virt_start -= 0x1000;
	sys.root.mem[7].phys_start -= 0x1000;
	sys.root.mem[7].virt_start -= 0x1000;
	expect_error("config_check_rejects_ivshmem_layout_mismatch",
		     check_in_system(&sys, &cell),
		     "both ends must use the same shared memory layout");

	/* interrupts: x86 needs MSI-X, ARM INTx needs its SPI granted */
	fx_x86_ivshmem_demo(&cell);
	cell.pci[0].num_msix_vectors = 0;
	expect_warning_only("config_check_warns_about_x86_ivshmem_without_msix",
			    check_cell(&cell), "it cannot interrupt");
	fx_arm_ivshmem_demo(&cell, 1, 0x4, 0x7c800000);
	cell.pci[0].num_msix_vectors = 0;
	expect_clean("config_check_allows_arm_ivshmem_intx_granted",
		     check_cell(&cell));
	cell.chips[0].pin_bitmap[0] = 0;
	expect_warning_only("config_check_warns_about_arm_ivshmem_intx_not_granted",
			    check_cell(&cell), "GIC interrupt 186");
}

static void test_consoles(void)
{
	fx_x86_system(&sys);
	sys.header.debug_console.type = 0x42;
	expect_error("config_check_rejects_unknown_console_type",
		     check_system(&sys), "debug_console has unknown type 66");
	fx_arm_system(&sys);
	sys.header.debug_console.flags = 0;
	expect_error("config_check_rejects_pio_console_on_arm",
		     check_system(&sys), "uses port I/O, which arm does not have");
	fx_arm_system(&sys);
	sys.header.debug_console.size = 0;
	expect_error("config_check_rejects_mmio_console_without_size",
		     check_system(&sys), "is MMIO but has address");
	fx_arm_system(&sys);
	sys.header.debug_console.address = 0x40000000;
	expect_error("config_check_rejects_debug_console_in_ram",
		     check_system(&sys), "lies in RAM");
	fx_arm_gic_demo(&cell);
	cell.console.size = 0;
	expect_clean("config_check_allows_cell_console_without_size",
		     check_cell(&cell));
	cell.num_mem = 2;
	expect_warning_only("config_check_warns_about_unmapped_cell_console",
			    check_cell(&cell), "console at 0x9000000 is not inside");
}

static void test_system_fields(void)
{
	fx_x86_system(&sys);
	sys.header.hypervisor_memory.size = 0;
	expect_error("config_check_rejects_empty_hypervisor_memory",
		     check_system(&sys), "hypervisor_memory has size 0");
	fx_x86_system(&sys);
	sys.header.hypervisor_memory.phys_start += 0x800;
	expect_error("config_check_rejects_unaligned_hypervisor_memory",
		     check_system(&sys), "hypervisor_memory (0x3a000800..");
	fx_arm_system(&sys);
	sys.header.platform_info.arm.gic_version = 3;
	expect_error("config_check_rejects_gicv3_on_armv7",
		     check_system(&sys), "gic_version 3 is not supported");
	fx_arm_system(&sys);
	sys.header.platform_info.arm.maintenance_irq = 40;
	expect_error("config_check_rejects_maintenance_irq_not_ppi",
		     check_system(&sys), "maintenance_irq 40");
	fx_x86_system(&sys);
	sys.header.platform_info.x86.apic_mode = 5;
	expect_error("config_check_rejects_unknown_apic_mode",
		     check_system(&sys), "apic_mode 5");
	fx_x86_system(&sys);
	sys.header.platform_info.iommu_units[0].type = JAILHOUSE_IOMMU_SMMUV3;
	sys.header.platform_info.iommu_units[0].base = 0xfed90000;
	sys.header.platform_info.iommu_units[0].size = 0x1000;
	expect_error("config_check_rejects_arm_iommu_on_x86",
		     check_system(&sys), "does not exist on x86");
	fx_x86_system(&sys);
	memset(sys.root.name, 'x', sizeof(sys.root.name));
	expect_error("config_check_rejects_unterminated_name",
		     check_system(&sys), "not NUL-terminated");
}

static void test_cells_disjoint(void)
{
	fx_x86_apic_demo(&cell);
	fx_x86_tiny_demo(&other);
	fx_set_cpus(&other, 0x6);
	expect_error("config_check_rejects_shared_cpu",
		     check_disjoint(&cell, &other),
		     "CPU 1 is also assigned to cell \"tiny-demo\"");
	fx_x86_tiny_demo(&other);
	other.mem[0].phys_start = 0x3a680000;
	expect_error("config_check_rejects_shared_ram",
		     check_disjoint(&cell, &other),
		     "overlaps memory region 0 (phys 0x3a680000..0x3a77ffff) of cell \"tiny-demo\"");
	fx_x86_tiny_demo(&other);
	strcpy(other.name, "apic-demo");
	expect_error("config_check_rejects_duplicate_names",
		     check_disjoint(&cell, &other), "same name");
	fx_x86_tiny_demo(&other);
	fx_add_pio(&other, 0x3f8, 8);
	expect_warning_only("config_check_warns_about_shared_ports",
			    check_disjoint(&cell, &other),
			    "PIO region 0 (port 0x3f8) overlaps");
	fx_x86_tiny_demo(&other);
	fx_add_mem(&cell, 0xfed00000, 0xfed00000, 0x1000, FX_IO);
	fx_add_mem(&other, 0xfed00000, 0xfed00000, 0x1000, FX_IO);
	expect_warning_only("config_check_warns_about_shared_device_memory",
			    check_disjoint(&cell, &other),
			    "IO memory region 2 (phys 0xfed00000..0xfed00fff) is also mapped");
	fx_x86_apic_demo(&cell);
	fx_arm_gic_demo(&cell);
	fx_arm_ivshmem_demo(&other, 1, 0x4, 0x7c800000);
	fx_add_irqchip(&other, 0x08000000, 32, 1 << 1);
	expect_error("config_check_rejects_shared_interrupt",
		     check_disjoint(&cell, &other), "interrupt 33");
	fx_arm_ivshmem_demo(&cell, 1, 0x4, 0x7c800000);
	fx_arm_ivshmem_demo(&other, 2, 0x8, 0x7c900000);
	other.mem[2].size = 0x2000;
	expect_error("config_check_rejects_ivshmem_peers_disagreeing",
		     check_disjoint(&cell, &other),
		     "both ends must use the same shared memory layout");
}

/* Every prefix of a valid image is rejected cleanly (no crash, error). */
static void test_all_truncations(void)
{
	unsigned int len, bad = 0;
	size_t size;

	fx_x86_system(&sys);
	size = fx_pack_system(&sys, img_a);
	for (len = 0; len < size; len++)
		if (check_system_bytes(img_a, len)->errors == 0)
			bad++;
	fx_x86_ivshmem_demo(&cell);
	size = fx_pack_cell(&cell, img_a);
	for (len = 0; len < size; len++)
		if (check_cell_bytes(img_a, len)->errors == 0)
			bad++;
	t_result(bad == 0, "config_check_rejects_every_truncation",
		 "%u truncated images were accepted", bad);
}

static void check_files(int argc, char *argv[])
{
	static __u8 image[1 << 20];
	char name[512];
	struct run *run;
	size_t size;
	FILE *f;
	int n;

	for (n = 1; n < argc; n++) {
		snprintf(name, sizeof(name), "config_check_accepts_%s",
			 strrchr(argv[n], '/') ? strrchr(argv[n], '/') + 1 :
			 argv[n]);
		f = fopen(argv[n], "rb");
		if (!f) {
			t_result(0, name, "cannot open %s", argv[n]);
			continue;
		}
		size = fread(image, 1, sizeof(image), f);
		fclose(f);
		if (size >= 5 && !memcmp(image, "JHSYS", 5))
			run = check_system_bytes(image, size);
		else
			run = check_cell_bytes(image, size);
		t_result(run->errors == 0, name, "%u errors: %s", run->errors,
			 first_line(run->log));
	}
}

int main(int argc, char *argv[])
{
	test_valid_configs();
	test_image_header();
	test_count_overflow();
	test_cpu_sets();
	test_memory_regions();
	test_comm_region();
	test_ram_ownership();
	test_protected_ranges();
	test_pio_and_irqchips();
	test_pci();
	test_ivshmem();
	test_consoles();
	test_system_fields();
	test_cells_disjoint();
	test_all_truncations();
	check_files(argc, argv);
	return t_failed() ? 1 : 0;
}
