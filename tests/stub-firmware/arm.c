// SPDX-License-Identifier: GPL-2.0
/* ARMv7 observations of the stub: the CPU state the hyp stub left us. */
#include "stub.h"

#define MODE_MASK	0x1f
#define MODE_HYP	0x1a
#define SCTLR_M		0x1

void stub_arch_relax(void)
{
	/* MMU off: all accesses are strongly ordered, no cache involved */
	asm volatile("dsb" : : : "memory");
}

void stub_arch_describe(struct stub_line *line, unsigned int cpu,
			const unsigned long *regs)
{
	unsigned long cpsr, hsctlr, hvbar, mpidr, here;

	asm volatile("mrs %0, cpsr" : "=r" (cpsr));
	asm volatile("mrc p15, 4, %0, c1, c0, 0" : "=r" (hsctlr));
	asm volatile("mrc p15, 4, %0, c12, c0, 0" : "=r" (hvbar));
	asm volatile("mrc p15, 0, %0, c0, c0, 5" : "=r" (mpidr));
	here = (unsigned long)__header_start;	/* PC-relative: physical */

	line_str(line, "stub: CPU ");
	line_dec(line, cpu);
	line_str(line, (cpsr & MODE_MASK) == MODE_HYP ? " entered in HYP mode" :
		 " entered NOT in HYP mode");
	line_str(line, (hsctlr & SCTLR_M) ? ", HYP MMU on" : ", HYP MMU off");
	line_str(line, ", CPSR ");
	line_hex(line, cpsr);
	line_str(line, " HVBAR ");
	line_hex(line, hvbar);
	line_str(line, " MPIDR ");
	line_hex(line, mpidr);
	line_str(line, regs[0] == 1 ? ", r0 = HVC_SOFT_RESTART" : ", r0 BAD");
	line_str(line, regs[3] == here ? ", header address ok" :
		 ", header address BAD");
	line_str(line, regs[1] == here + stub_header.entry ?
		 ", entry address ok" : ", entry address BAD");
}
