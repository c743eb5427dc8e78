/* SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause) */
/*
 * Contract between the driver and the hypervisor firmware image
 * (jailhouse-intel.bin / jailhouse.bin). Not an upstream ABI: the driver
 * and the firmware of this project are always shipped together, and the
 * driver refuses an image whose signature or header version differs.
 *
 * Layout of the hypervisor memory region (hypervisor_memory.phys_start):
 *
 *   +0                       firmware image (this header first), then bss
 *   +core_size               per-CPU areas, max_cpus * percpu_size
 *   +config_offset           copy of the system config (page aligned)
 *   +...                     rest: the hypervisor's page pool
 *
 * The driver zeroes everything from the end of the file to the end of the
 * region before copying the config.
 */
#ifndef _JAILHOUSE_HEADER_H
#define _JAILHOUSE_HEADER_H

#include <jailhouse/types.h>

#define JAILHOUSE_FW_SIGNATURE		"JHFWIMG\0"
#define JAILHOUSE_FW_HEADER_VERSION	1

/* Size of the hypervisor console ring's text buffer */
#define JAILHOUSE_CONSOLE_RING_SIZE	(16384 - 16)

/*
 * Hypervisor console ring, written by the hypervisor only. A reader copies
 * content, then re-reads seq: if it changed or is odd, it retries.
 * tail counts all bytes ever written; content[tail % SIZE] is next.
 */
struct jailhouse_console_ring {
	volatile __u32 seq;	/* odd while a writer is active */
	volatile __u32 tail;
	__u32 reserved[2];
	char content[JAILHOUSE_CONSOLE_RING_SIZE];
} __attribute__((packed));

struct jailhouse_header {
	char signature[8];		/* JAILHOUSE_FW_SIGNATURE */
	__u32 header_version;		/* JAILHOUSE_FW_HEADER_VERSION */
	__u32 arch;			/* JAILHOUSE_X86 / JAILHOUSE_ARM */

	/* set at link time */
	__u64 link_address;		/* virtual address of this header */
	__u64 core_size;		/* image + bss, page aligned */
	__u64 percpu_size;		/* per-CPU area, page aligned */
	__u64 entry;			/* offset of the arch entry point */
	__u64 console_offset;		/* offset of jailhouse_console_ring */

	/* set by the driver before entry */
	__u32 max_cpus;			/* highest possible CPU ID + 1 */
	__u32 online_cpus;		/* CPUs that will call the entry */
	__u64 config_offset;		/* where the driver put the config */
	__u64 arch_params[8];		/* arch-specific, see arch docs */

	/* set by the hypervisor */
	volatile __s32 init_error;	/* first failing CPU's -errno */
	volatile __u32 entered_cpus;	/* CPUs that reached the entry */
} __attribute__((packed));

_Static_assert(__builtin_offsetof(struct jailhouse_header, link_address)
	       == 16, "firmware header");
_Static_assert(__builtin_offsetof(struct jailhouse_header, max_cpus) == 56,
	       "firmware header");
_Static_assert(sizeof(struct jailhouse_header) == 144, "firmware header");
_Static_assert(sizeof(struct jailhouse_console_ring) == 16384,
	       "console ring");

#endif /* !_JAILHOUSE_HEADER_H */
