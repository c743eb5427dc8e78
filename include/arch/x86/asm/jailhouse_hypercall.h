/* SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause) */
/*
 * x86 part of the hypercall ABI: vmcall with the code in EAX, arguments in
 * RDI and RSI (EDI/ESI from 32-bit code), result in EAX.
 */
#ifndef _JAILHOUSE_ASM_HYPERCALL_H
#define _JAILHOUSE_ASM_HYPERCALL_H

/* x86 statistics continue the generic list */
#define JAILHOUSE_CPU_STAT_VMEXITS_PIO		JAILHOUSE_GENERIC_CPU_STATS
#define JAILHOUSE_CPU_STAT_VMEXITS_XAPIC	(JAILHOUSE_GENERIC_CPU_STATS + 1)
#define JAILHOUSE_CPU_STAT_VMEXITS_CR		(JAILHOUSE_GENERIC_CPU_STATS + 2)
#define JAILHOUSE_CPU_STAT_VMEXITS_CPUID	(JAILHOUSE_GENERIC_CPU_STATS + 3)
#define JAILHOUSE_CPU_STAT_VMEXITS_XSETBV	(JAILHOUSE_GENERIC_CPU_STATS + 4)
#define JAILHOUSE_CPU_STAT_VMEXITS_EXCEPTION	(JAILHOUSE_GENERIC_CPU_STATS + 5)
#define JAILHOUSE_CPU_STAT_VMEXITS_MSR_OTHER	(JAILHOUSE_GENERIC_CPU_STATS + 6)
#define JAILHOUSE_CPU_STAT_VMEXITS_MSR_X2APIC_ICR \
						(JAILHOUSE_GENERIC_CPU_STATS + 7)
#define JAILHOUSE_NUM_CPU_STATS			(JAILHOUSE_GENERIC_CPU_STATS + 8)

/* CPUID leaves that identify the hypervisor */
#define JAILHOUSE_CPUID_SIGNATURE		0x40000000
#define JAILHOUSE_CPUID_FEATURES		0x40000001

/* Inmates find their communication region here (guest-physical). */
#define JAILHOUSE_COMM_REGION_INMATE_ADDR	0x100000

#define JAILHOUSE_HYPERCALL_INSN		"vmcall"

struct jailhouse_comm_region {
	COMM_REGION_GENERIC_HEADER;

	/* x86 tail */
	__u16 pm_timer_address;
	__u16 num_cpus;
	__u32 tsc_khz;
	__u32 apic_khz;		/* 0 when the TSC-deadline timer is used */
} __attribute__((packed));

_Static_assert(sizeof(struct jailhouse_comm_region) == 76,
	       "x86 comm region ABI");

#ifndef __ASSEMBLY__

static inline __u32 jailhouse_call(__u32 num)
{
	__u32 result;

	asm volatile(JAILHOUSE_HYPERCALL_INSN
		: "=a" (result)
		: "a" (num)
		: "memory");
	return result;
}

static inline __u32 jailhouse_call_arg1(__u32 num, unsigned long arg1)
{
	__u32 result;

	asm volatile(JAILHOUSE_HYPERCALL_INSN
		: "=a" (result)
		: "a" (num), "D" (arg1)
		: "memory");
	return result;
}

static inline __u32 jailhouse_call_arg2(__u32 num, unsigned long arg1,
					unsigned long arg2)
{
	__u32 result;

	asm volatile(JAILHOUSE_HYPERCALL_INSN
		: "=a" (result)
		: "a" (num), "D" (arg1), "S" (arg2)
		: "memory");
	return result;
}

/* The sender clears the other direction, then publishes its own field. */
static inline void
jailhouse_send_msg_to_cell(struct jailhouse_comm_region *comm_region,
			   __u32 msg)
{
	comm_region->reply_from_cell = JAILHOUSE_MSG_NONE;
	asm volatile("mfence" : : : "memory");
	comm_region->msg_to_cell = msg;
}

static inline void
jailhouse_send_reply_from_cell(struct jailhouse_comm_region *comm_region,
			       __u32 reply)
{
	comm_region->msg_to_cell = JAILHOUSE_MSG_NONE;
	asm volatile("mfence" : : : "memory");
	comm_region->reply_from_cell = reply;
}

#endif /* !__ASSEMBLY__ */

#endif /* !_JAILHOUSE_ASM_HYPERCALL_H */
