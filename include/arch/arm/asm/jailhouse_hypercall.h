/* SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause) */
/*
 * ARMv7 part of the hypercall ABI: "hvc #0x4a48" ("JH") with the code in
 * r0, arguments in r1 and r2, the result in r0; r3 may be clobbered.
 */
#ifndef _JAILHOUSE_ASM_HYPERCALL_H
#define _JAILHOUSE_ASM_HYPERCALL_H

#define JAILHOUSE_HVC_CODE			0x4a48

/* ARM statistics continue the generic list */
#define JAILHOUSE_CPU_STAT_VMEXITS_MAINTENANCE	JAILHOUSE_GENERIC_CPU_STATS
#define JAILHOUSE_CPU_STAT_VMEXITS_VIRQ		(JAILHOUSE_GENERIC_CPU_STATS + 1)
#define JAILHOUSE_CPU_STAT_VMEXITS_VSGI		(JAILHOUSE_GENERIC_CPU_STATS + 2)
#define JAILHOUSE_CPU_STAT_VMEXITS_PSCI		(JAILHOUSE_GENERIC_CPU_STATS + 3)
#define JAILHOUSE_CPU_STAT_VMEXITS_SMCCC	(JAILHOUSE_GENERIC_CPU_STATS + 4)
#define JAILHOUSE_CPU_STAT_VMEXITS_CP15		(JAILHOUSE_GENERIC_CPU_STATS + 5)
#define JAILHOUSE_NUM_CPU_STATS			(JAILHOUSE_GENERIC_CPU_STATS + 6)

/* Inmates find their communication region here (guest-physical). */
#define JAILHOUSE_COMM_REGION_INMATE_ADDR	0x80000000

struct jailhouse_comm_region {
	COMM_REGION_GENERIC_HEADER;

	/* ARM tail */
	__u8 gic_version;
	__u8 padding[7];
	__u64 gicd_base;
	__u64 gicc_base;
	__u64 gicr_base;
	__u32 vpci_irq_base;
} __attribute__((packed));

_Static_assert(sizeof(struct jailhouse_comm_region) == 100,
	       "ARM comm region ABI");

#ifndef __ASSEMBLY__

#define JAILHOUSE_HVC_INSN	".arch_extension virt\n\thvc #0x4a48"

static inline __u32 jailhouse_call(__u32 num)
{
	register __u32 r0 asm("r0") = num;

	asm volatile(JAILHOUSE_HVC_INSN
		: "+r" (r0)
		: : "r3", "memory");
	return r0;
}

static inline __u32 jailhouse_call_arg1(__u32 num, __u32 arg1)
{
	register __u32 r0 asm("r0") = num;
	register __u32 r1 asm("r1") = arg1;

	asm volatile(JAILHOUSE_HVC_INSN
		: "+r" (r0), "+r" (r1)
		: : "r3", "memory");
	return r0;
}

static inline __u32 jailhouse_call_arg2(__u32 num, __u32 arg1, __u32 arg2)
{
	register __u32 r0 asm("r0") = num;
	register __u32 r1 asm("r1") = arg1;
	register __u32 r2 asm("r2") = arg2;

	asm volatile(JAILHOUSE_HVC_INSN
		: "+r" (r0), "+r" (r1), "+r" (r2)
		: : "r3", "memory");
	return r0;
}

static inline void
jailhouse_send_msg_to_cell(struct jailhouse_comm_region *comm_region,
			   __u32 msg)
{
	comm_region->reply_from_cell = JAILHOUSE_MSG_NONE;
	asm volatile("dmb ishst" : : : "memory");
	comm_region->msg_to_cell = msg;
}

static inline void
jailhouse_send_reply_from_cell(struct jailhouse_comm_region *comm_region,
			       __u32 reply)
{
	comm_region->msg_to_cell = JAILHOUSE_MSG_NONE;
	asm volatile("dmb ishst" : : : "memory");
	comm_region->reply_from_cell = reply;
}

#endif /* !__ASSEMBLY__ */

#endif /* !_JAILHOUSE_ASM_HYPERCALL_H */
