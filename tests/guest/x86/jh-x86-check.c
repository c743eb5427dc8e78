// SPDX-License-Identifier: GPL-2.0
/*
 * Guest-side checks for the x86 hypervisor scenarios (static binary):
 *
 *   jh-x86-check cpuid <hypervisor|native>
 *	run CPUID on every online CPU; with "hypervisor" each must report
 *	CPUID.1:ECX[31] and leaf 0x40000000 = 0x40000001 "Jailhouse",
 *	and no VMX; with "native", VMX and no hypervisor leaf
 *   jh-x86-check burn <cpu> <rounds>
 *	checksum a buffer <rounds> times pinned to <cpu>, compare every
 *	result with the first one
 *   jh-x86-check inl <cpu> <port>
 *	read a 32-bit I/O port from <cpu> (as Linux reads the PM timer)
 *   jh-x86-check outw <port> <value>
 *	write a 16-bit I/O port, e.g. ACPI PM1a control to power off
 *	without the kernel's shutdown path
 *   jh-x86-check sse-fill <cpu>
 *	leave a pattern in the SSE registers of <cpu> and spin there until
 *	killed (what a cell taking that CPU must not find)
 *
 * Prints one line per CPU / result; exit code 0 when all matched.
 */
#define _GNU_SOURCE
#include <sched.h>
#include <sys/io.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void cpuid(uint32_t leaf, uint32_t *r)
{
	asm volatile("cpuid"
		: "=a" (r[0]), "=b" (r[1]), "=c" (r[2]), "=d" (r[3])
		: "a" (leaf), "c" (0));
}

static int pin(int cpu)
{
	cpu_set_t set;

	CPU_ZERO(&set);
	CPU_SET(cpu, &set);
	return sched_setaffinity(0, sizeof(set), &set);
}

static int check_cpuid(int want_hypervisor)
{
	long n, cpus = sysconf(_SC_NPROCESSORS_ONLN);
	int bad = 0;

	for (n = 0; n < cpus; n++) {
		uint32_t r1[4], rh[4];
		char sig[13];
		int hv, vmx, ok;

		if (pin(n)) {
			printf("cpu %ld: cannot pin\n", n);
			bad++;
			continue;
		}
		cpuid(1, r1);
		cpuid(0x40000000, rh);
		memcpy(sig, &rh[1], 4);
		memcpy(sig + 4, &rh[2], 4);
		memcpy(sig + 8, &rh[3], 4);
		sig[12] = 0;
		hv = (r1[2] >> 31) & 1;
		vmx = (r1[2] >> 5) & 1;
		ok = want_hypervisor ?
			hv && !vmx && rh[0] == 0x40000001 &&
			!strcmp(sig, "Jailhouse") :
			!hv && vmx;
		printf("cpu %ld: hypervisor bit %d vmx %d leaf 0x40000000: eax=0x%x \"%s\" -> %s\n",
		       n, hv, vmx, rh[0], sig,
		       ok ? "ok" : "MISMATCH");
		bad += !ok;
	}
	return bad ? 1 : 0;
}

static uint64_t checksum(const uint8_t *buf, size_t len)
{
	uint64_t h = 1469598103934665603ULL;
	size_t i;

	for (i = 0; i < len; i++)
		h = (h ^ buf[i]) * 1099511628211ULL;
	return h;
}

static int checksum_loop(int cpu, long rounds)
{
	size_t len = 1 << 20, i;
	uint8_t *buf = malloc(len);
	uint64_t first = 0, sum;
	uint32_t x = 12345;
	long r, bad = 0;

	if (!buf || pin(cpu)) {
		printf("burn cpu %d: setup failed\n", cpu);
		return 1;
	}
	for (i = 0; i < len; i++) {
		x = x * 1103515245 + 12345;
		buf[i] = x >> 16;
	}
	for (r = 0; r < rounds; r++) {
		sum = checksum(buf, len);
		if (r == 0)
			first = sum;
		else if (sum != first)
			bad++;
		if (sched_getcpu() != cpu)
			bad++;
	}
	printf("burn cpu %d: %ld rounds, checksum %016llx, %ld mismatches\n",
	       cpu, rounds, (unsigned long long)first, bad);
	/* the same data always gives this sum */
	return bad || first != 0x2f6ee98d6f244483ULL ? 1 : 0;
}

static int read_port(int cpu, unsigned int port)
{
	unsigned int value;

	if (pin(cpu) || ioperm(port, 4, 1)) {
		printf("inl cpu %d: cannot pin or get port access\n", cpu);
		return 1;
	}
	printf("inl cpu %d: reading port 0x%x\n", cpu, port);
	fflush(stdout);
	value = inl(port);
	printf("inl cpu %d: port 0x%x = 0x%x\n", cpu, port, value);
	return 0;
}

static int write_port16(unsigned int port, unsigned int value)
{
	if (ioperm(port, 2, 1)) {
		printf("outw: no access to port 0x%x\n", port);
		return 1;
	}
	outw(value, port);
	return 0;
}

/*
 * Leaves a pattern in xmm0-xmm15 of @cpu and keeps the CPU busy, so that
 * this is the last task to run there when Linux gives the CPU away. The
 * loop is assembly: any C library call could overwrite the registers.
 */
static int fill_sse(int cpu)
{
	static const uint8_t pattern[16] __attribute__((aligned(16))) = {
		0x5a, 0x5a, 0x5a, 0x5a, 0x5a, 0x5a, 0x5a, 0x5a,
		0x5a, 0x5a, 0x5a, 0x5a, 0x5a, 0x5a, 0x5a, 0x5a,
	};

	if (pin(cpu)) {
		printf("sse-fill cpu %d: cannot pin\n", cpu);
		return 1;
	}
	printf("sse-fill cpu %d: xmm0-xmm15 = 5a..., spinning\n", cpu);
	fflush(stdout);
	asm volatile("movdqa (%0),%%xmm0\n\t"
		     "movdqa %%xmm0,%%xmm1\n\tmovdqa %%xmm0,%%xmm2\n\t"
		     "movdqa %%xmm0,%%xmm3\n\tmovdqa %%xmm0,%%xmm4\n\t"
		     "movdqa %%xmm0,%%xmm5\n\tmovdqa %%xmm0,%%xmm6\n\t"
		     "movdqa %%xmm0,%%xmm7\n\tmovdqa %%xmm0,%%xmm8\n\t"
		     "movdqa %%xmm0,%%xmm9\n\tmovdqa %%xmm0,%%xmm10\n\t"
		     "movdqa %%xmm0,%%xmm11\n\tmovdqa %%xmm0,%%xmm12\n\t"
		     "movdqa %%xmm0,%%xmm13\n\tmovdqa %%xmm0,%%xmm14\n\t"
		     "movdqa %%xmm0,%%xmm15\n"
		     "1:\tpause\n\tjmp 1b"
		     : /* never returns */
		     : "r" (pattern)
		     : "memory");
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 3 && !strcmp(argv[1], "cpuid"))
		return check_cpuid(!strcmp(argv[2], "hypervisor"));
	if (argc == 4 && !strcmp(argv[1], "burn"))
		return checksum_loop(atoi(argv[2]), atol(argv[3]));
	if (argc == 4 && !strcmp(argv[1], "inl"))
		return read_port(atoi(argv[2]), strtoul(argv[3], NULL, 0));
	if (argc == 4 && !strcmp(argv[1], "outw"))
		return write_port16(strtoul(argv[2], NULL, 0),
				    strtoul(argv[3], NULL, 0));
	if (argc == 3 && !strcmp(argv[1], "sse-fill"))
		return fill_sse(atoi(argv[2]));
	fprintf(stderr, "usage: %s cpuid <hypervisor|native>\n"
		"       %s burn <cpu> <rounds>\n"
		"       %s inl <cpu> <port>\n"
		"       %s outw <port> <value>\n"
		"       %s sse-fill <cpu>\n",
		argv[0], argv[0], argv[0], argv[0], argv[0]);
	return 2;
}
