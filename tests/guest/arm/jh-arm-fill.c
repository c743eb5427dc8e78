// SPDX-License-Identifier: GPL-2.0
/*
 * Linux-side filler for the handover checks of the ARM scenarios (static
 * binary):
 *
 *   jh-arm-fill <cpu>
 *	pin to <cpu>, write a pattern (0x5a...) into TPIDRURW, D0-D31
 *	(D0-D15 without VFPD32) and FPSCR, print "jh-arm-fill: cpu N
 *	filled" and spin, rewriting the pattern, until killed. A cell
 *	that takes the CPU then finds what this task left unless the
 *	hypervisor resets the registers on the handover.
 */
#define _GNU_SOURCE
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/auxv.h>

#define FILL32		0x5a5a5a5aU
/* FPSCR: flags and rounding mode only, no short vectors or traps */
#define FPSCR_FILL	0x50c00000U
#ifndef HWCAP_ARM_VFPD32
#define HWCAP_ARM_VFPD32	(1 << 19)
#endif

static uint64_t pattern[32];

static void fill_registers(int d32)
{
	asm volatile("mcr p15, 0, %0, c13, c0, 2" : : "r" (FILL32));
	asm volatile(".fpu vfpv3\n\t"
		     "vldmia %0, {d0-d15}\n\t"
		     "vmsr fpscr, %1"
		     : : "r" (pattern), "r" (FPSCR_FILL)
		     : "memory", "d0", "d1", "d2", "d3", "d4", "d5", "d6",
		       "d7", "d8", "d9", "d10", "d11", "d12", "d13", "d14",
		       "d15");
	if (d32)
		asm volatile(".fpu vfpv3\n\t"
			     "vldmia %0, {d16-d31}"
			     : : "r" (&pattern[16]) : "memory");
}

int main(int argc, char **argv)
{
	int cpu, d32 = !!(getauxval(AT_HWCAP) & HWCAP_ARM_VFPD32);
	cpu_set_t set;
	unsigned int n;

	if (argc != 2) {
		fprintf(stderr, "usage: %s <cpu>\n", argv[0]);
		return 2;
	}
	cpu = atoi(argv[1]);
	CPU_ZERO(&set);
	CPU_SET(cpu, &set);
	if (sched_setaffinity(0, sizeof(set), &set)) {
		perror("sched_setaffinity");
		return 1;
	}
	for (n = 0; n < 32; n++)
		pattern[n] = 0x5a5a5a5a5a5a5a5aULL;
	fill_registers(d32);
	printf("jh-arm-fill: cpu %d filled (D0-D%d, FPSCR, TPIDRURW)\n", cpu,
	       d32 ? 31 : 15);
	fflush(stdout);
	for (;;)
		fill_registers(d32);
}
