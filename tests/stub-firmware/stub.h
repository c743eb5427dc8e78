/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Test stub firmware: interface between the common part (stub.c) and the
 * architecture parts (x86.c/x86.S, arm.c/arm.S).
 */
#ifndef _STUB_H
#define _STUB_H

/* header fields, checked against include/jailhouse/header.h in stub.c */
#define STUB_FW_SIGNATURE	"JHFWIMG\0"
#define STUB_FW_HEADER_VERSION	1
#define STUB_OFF_VERSION	8
#define STUB_OFF_LINK_ADDRESS	16
#define STUB_OFF_CORE_SIZE	24
#define STUB_OFF_PERCPU_SIZE	32
#define STUB_OFF_ENTRY		40
#define STUB_OFF_CONSOLE	48
#define STUB_HEADER_SIZE	144
#define STUB_PERCPU_SIZE	4096

#define STUB_MAX_CPUS		64
#define STUB_STACK_SIZE		4096
#define STUB_ENOSYS		38
#define STUB_EINVAL		22

#ifndef __ASSEMBLY__

#include <jailhouse/header.h>

/* everything here is linked into the stub itself: PC-relative access */
#pragma GCC visibility push(hidden)

struct stub_line {
	char buf[240];
	unsigned int len;
};

extern struct jailhouse_header stub_header;	/* header.S */
extern char __header_start[];			/* linker script */

void line_str(struct stub_line *line, const char *s);
void line_hex(struct stub_line *line, unsigned long long val);
void line_dec(struct stub_line *line, unsigned int val);

/* One line about what the calling CPU found at the entry. */
void stub_arch_describe(struct stub_line *line, unsigned int cpu,
			const unsigned long *regs);
void stub_arch_relax(void);

/* Common part: rendezvous, report, result. regs: what the entry got. */
int stub_main(unsigned int cpu, const unsigned long *regs);

#pragma GCC visibility pop

#endif /* !__ASSEMBLY__ */

#endif /* !_STUB_H */
