// SPDX-License-Identifier: GPL-2.0
/* x86 observations of the stub: what the driver's entry handed over. */
#include "stub.h"

#include <asm/jailhouse_header.h>

#define KERNEL_CS	0x10	/* Linux's __KERNEL_CS on x86-64 */
#define TSS_BUSY_64	0xb

void stub_arch_relax(void)
{
	asm volatile("pause" : : : "memory");
}

/* The state the driver captured on this CPU looks like Linux's own. */
static int state_ok(unsigned int cpu)
{
	const struct jailhouse_header *hdr = &stub_header;
	const unsigned long long *params = (const void *)((const char *)hdr +
		__builtin_offsetof(struct jailhouse_header, arch_params));
	const struct jailhouse_x86_linux_cpu *state;
	unsigned long long tss;

	if (params[JAILHOUSE_X86_PARAM_CPU_STATE_SIZE] != sizeof(*state))
		return 0;
	state = (const struct jailhouse_x86_linux_cpu *)(__header_start +
		params[JAILHOUSE_X86_PARAM_CPU_STATE_OFFSET]) + cpu;
	if (state->cs != KERNEL_CS || !state->tr || state->rflags & 0x200 ||
	    state->tr / 8 >= JAILHOUSE_X86_GDT_COPY_ENTRIES)
		return 0;
	tss = state->gdt[state->tr / 8];
	return ((tss >> 40) & 0xf) == TSS_BUSY_64 &&
		(state->cr4 & (1 << 5)) && (state->efer & (1 << 10));
}

static int in_trampoline(unsigned long addr)
{
	const struct jailhouse_header *hdr = &stub_header;
	const unsigned long long *params = (const void *)((const char *)hdr +
		__builtin_offsetof(struct jailhouse_header, arch_params));
	unsigned long long start = params[JAILHOUSE_X86_PARAM_TRAMPOLINE_VIRT];

	return addr >= start &&
		addr - start < params[JAILHOUSE_X86_PARAM_TRAMPOLINE_SIZE];
}

void stub_arch_describe(struct stub_line *line, unsigned int cpu,
			const unsigned long *regs)
{
	line_str(line, "stub: CPU ");
	line_dec(line, cpu);
	line_str(line, " entered: Linux CR3 ");
	line_hex(line, regs[0]);
	line_str(line, " RSP ");
	line_hex(line, regs[1]);
	line_str(line, in_trampoline(regs[2]) ? ", return label in trampoline" :
		 ", return label OUTSIDE trampoline");
	line_str(line, state_ok(cpu) ? ", Linux state ok" :
		 ", Linux state BAD");
}
