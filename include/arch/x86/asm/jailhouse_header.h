/* SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause) */
/*
 * x86 part of the driver <-> firmware contract (see header.h and the
 * "x86 entry" section of Documentation/design.md for the register-level
 * protocol). Not an upstream ABI: driver and firmware ship together.
 */
#ifndef _JAILHOUSE_ASM_HEADER_H
#define _JAILHOUSE_ASM_HEADER_H

#include <jailhouse/types.h>

/* Indexes into jailhouse_header.arch_params[] (all set by the driver) */
/* offset of the Linux CPU state array from the hypervisor memory start */
#define JAILHOUSE_X86_PARAM_CPU_STATE_OFFSET	0
/* sizeof(struct jailhouse_x86_linux_cpu), checked by the firmware */
#define JAILHOUSE_X86_PARAM_CPU_STATE_SIZE	1
/* physical address, Linux virtual address and size of the trampoline */
#define JAILHOUSE_X86_PARAM_TRAMPOLINE_PHYS	2
#define JAILHOUSE_X86_PARAM_TRAMPOLINE_VIRT	3
#define JAILHOUSE_X86_PARAM_TRAMPOLINE_SIZE	4

/* Bytes of Linux's GDT the driver copies (GDTR.limit + 1 must fit). */
#define JAILHOUSE_X86_GDT_COPY_ENTRIES		32

/*
 * State of one CPU as Linux had it right before the entry trampoline ran,
 * captured by the driver on that CPU with interrupts disabled. The array
 * holds max_cpus entries indexed by Linux CPU number; entries of CPUs that
 * do not enter are unused.
 *
 * The firmware starts the guest from exactly this state (plus CR3, RSP
 * and RIP from the entry registers). The GDT is copied because Linux's GDT
 * is not mapped in the firmware's address space; the hypervisor reads the
 * hidden parts of the segment registers (base, limit, access rights) and
 * the TSS and LDT descriptors from this copy.
 */
struct jailhouse_x86_linux_cpu {
	__u64 gdt[JAILHOUSE_X86_GDT_COPY_ENTRIES];	/* raw descriptors */
	__u64 gdtr_base;
	__u64 idtr_base;
	__u16 gdtr_limit;
	__u16 idtr_limit;
	__u16 cs;
	__u16 ss;
	__u16 ds;
	__u16 es;
	__u16 fs;
	__u16 gs;
	__u16 tr;
	__u16 ldtr;
	__u32 reserved;
	__u64 rflags;		/* IF must be clear */
	__u64 cr0;
	__u64 cr4;
	__u64 efer;		/* MSR 0xc0000080 */
	__u64 pat;		/* MSR 0x277 */
	__u64 fs_base;		/* MSR 0xc0000100 */
	__u64 gs_base;		/* MSR 0xc0000101 */
	__u64 sysenter_cs;	/* MSR 0x174 */
	__u64 sysenter_esp;	/* MSR 0x175 */
	__u64 sysenter_eip;	/* MSR 0x176 */
	__u64 debugctl;		/* MSR 0x1d9 */
	__u64 dr7;
} __attribute__((packed));

_Static_assert(__builtin_offsetof(struct jailhouse_x86_linux_cpu, gdtr_base)
	       == 256, "x86 linux cpu state");
_Static_assert(__builtin_offsetof(struct jailhouse_x86_linux_cpu, rflags)
	       == 296, "x86 linux cpu state");
_Static_assert(sizeof(struct jailhouse_x86_linux_cpu) == 392,
	       "x86 linux cpu state");

#endif /* !_JAILHOUSE_ASM_HEADER_H */
