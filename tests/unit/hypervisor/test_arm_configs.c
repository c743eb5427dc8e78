// SPDX-License-Identifier: GPL-2.0
/*
 * The ARM system configs fit the ARMv7 hypervisor (one binary for QEMU virt
 * and Banana Pi): hypervisor memory as the boot mapping needs it
 * (hypervisor/arch/arm/include/asm/layout.h), a debug console the
 * hypervisor drives (PL011 or 8250 over MMIO), GICv2 with a PPI as
 * maintenance interrupt. The shared validator checks everything else.
 *
 *   test_arm_configs FILE.cell...   (non-ARM or non-system configs skipped)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jailhouse/cell-config.h>

#include "../testlib.h"
#include "../../../hypervisor/arch/arm/include/asm/layout.h"

static int read_file(const char *path, unsigned char *buf, size_t size,
		     size_t *len)
{
	FILE *f = fopen(path, "rb");

	if (!f)
		return -1;
	*len = fread(buf, 1, size, f);
	fclose(f);
	return 0;
}

static void check_config(const char *path)
{
	static unsigned char buf[65536];
	const struct jailhouse_system *sys = (const void *)buf;
	const char *name = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	unsigned long long start, size;
	char test[128];
	size_t len;

	if (read_file(path, buf, sizeof(buf), &len) || len < sizeof(*sys) ||
	    memcmp(sys->signature, JAILHOUSE_SYSTEM_SIGNATURE, 5) ||
	    sys->architecture != JAILHOUSE_ARM)
		return;

	start = sys->hypervisor_memory.phys_start;
	size = sys->hypervisor_memory.size;
	snprintf(test, sizeof(test), "hv/arm-config-fits/%s/hypervisor-memory",
		 name);
	t_result(!(start % HV_BLOCK_SIZE) && !(size % HV_BLOCK_SIZE) &&
		 size && size <= 0x100000000ULL - JAILHOUSE_BASE &&
		 start + size <= HV_PHYS_LIMIT, test,
		 "0x%llx+0x%llx: needs 2 MiB alignment, <= 256 MiB, below 0x%x",
		 start, size, HV_PHYS_LIMIT);

	snprintf(test, sizeof(test), "hv/arm-config-fits/%s/debug-console",
		 name);
	t_result((sys->debug_console.type == JAILHOUSE_CON_TYPE_PL011 ||
		  sys->debug_console.type == JAILHOUSE_CON_TYPE_8250) &&
		 CON_IS_MMIO(sys->debug_console.flags), test,
		 "type %u flags 0x%x: PL011 or 8250 over MMIO",
		 sys->debug_console.type, sys->debug_console.flags);

	snprintf(test, sizeof(test), "hv/arm-config-fits/%s/gic", name);
	t_result(sys->platform_info.arm.gic_version == 2 &&
		 sys->platform_info.arm.maintenance_irq >= 16 &&
		 sys->platform_info.arm.maintenance_irq < 32, test,
		 "GIC version %u, maintenance IRQ %u",
		 sys->platform_info.arm.gic_version,
		 sys->platform_info.arm.maintenance_irq);
}

int main(int argc, char **argv)
{
	int n;

	for (n = 1; n < argc; n++)
		check_config(argv[n]);
	return t_failed() ? 1 : 0;
}
