// SPDX-License-Identifier: GPL-2.0
/*
 * Writes the fixture configs as .cell files into a directory, for the CLI
 * tests and as fuzzing seeds:
 *
 *   valid:   x86-sys, x86-apic-demo, x86-tiny-demo, x86-ivshmem-demo,
 *            arm-sys, arm-gic-demo, arm-ivshmem-a, arm-ivshmem-b
 *   invalid: bad-hv-overlap (x86 system, root maps hypervisor memory),
 *            bad-foreign-cpu (x86 cell with a CPU the root lacks),
 *            bad-truncated (x86 system cut short)
 *   seeds:   combo-* (system + cell + split offset, see fuzz_config.c)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixtures.h"

static const char *out_dir;

static void write_file(const char *name, const void *data, size_t size)
{
	char path[1024];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", out_dir, name);
	f = fopen(path, "wb");
	if (!f || fwrite(data, 1, size, f) != size || fclose(f)) {
		perror(path);
		exit(1);
	}
}

static __u8 image[FX_IMAGE_MAX * 2 + 2];

static void write_system(const char *name, const struct fx_system *sys)
{
	write_file(name, image, fx_pack_system(sys, image));
}

static void write_cell(const char *name, const struct fx_cell *cell)
{
	write_file(name, image, fx_pack_cell(cell, image));
}

static void write_combo(const char *name, const struct fx_system *sys,
			const struct fx_cell *cell)
{
	size_t split = fx_pack_system(sys, image);
	size_t size = split + fx_pack_cell(cell, image + split);

	image[size++] = split & 0xff;
	image[size++] = split >> 8;
	write_file(name, image, size);
}

int main(int argc, char *argv[])
{
	static struct fx_system sys;
	static struct fx_cell cell;

	if (argc != 2) {
		fprintf(stderr, "usage: mkfixtures DIR\n");
		return 2;
	}
	out_dir = argv[1];

	fx_x86_system(&sys);
	write_system("x86-sys.cell", &sys);
	fx_x86_apic_demo(&cell);
	write_cell("x86-apic-demo.cell", &cell);
	write_combo("combo-x86-apic-demo", &sys, &cell);
	fx_x86_tiny_demo(&cell);
	write_cell("x86-tiny-demo.cell", &cell);
	fx_x86_ivshmem_demo(&cell);
	write_cell("x86-ivshmem-demo.cell", &cell);
	write_combo("combo-x86-ivshmem-demo", &sys, &cell);
	fx_set_cpus(&cell, 0x20);
	write_cell("bad-foreign-cpu.cell", &cell);
	write_file("bad-truncated.cell", image,
		   fx_pack_system(&sys, image) - 100);
	fx_add_mem(&sys.root, 0x3a000000, 0x3a000000, 0x100000, FX_RAM);
	write_system("bad-hv-overlap.cell", &sys);

	fx_arm_system(&sys);
	write_system("arm-sys.cell", &sys);
	fx_arm_gic_demo(&cell);
	write_cell("arm-gic-demo.cell", &cell);
	write_combo("combo-arm-gic-demo", &sys, &cell);
	fx_arm_ivshmem_demo(&cell, 1, 0x4, 0x7c800000);
	write_cell("arm-ivshmem-a.cell", &cell);
	write_combo("combo-arm-ivshmem-a", &sys, &cell);
	fx_arm_ivshmem_demo(&cell, 2, 0x8, 0x7c900000);
	write_cell("arm-ivshmem-b.cell", &cell);
	return 0;
}
