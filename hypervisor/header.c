// SPDX-License-Identifier: GPL-2.0
/*
 * The firmware header (include/jailhouse/header.h) at the start of the
 * image. The struct below mirrors it field by field: 64-bit fields that
 * hold link-time addresses are written as an unsigned long plus padding,
 * because a 32-bit build cannot put an address into a 64-bit initializer.
 * Both architectures are little-endian.
 */
#include <jailhouse/image.h>
#include <jailhouse/percpu.h>
#include <asm/paging.h>

struct link_u64 {
	unsigned long value;
	unsigned long upper[sizeof(u64) / sizeof(unsigned long) - 1];
} __packed;

struct header_image {
	char signature[8];
	u32 header_version;
	u32 arch;
	u64 link_address;
	struct link_u64 core_size;
	u64 percpu_size;
	struct link_u64 entry;
	struct link_u64 console_offset;
	u32 max_cpus;
	u32 online_cpus;
	u64 config_offset;
	u64 arch_params[8];
	s32 init_error;
	u32 entered_cpus;
} __packed;

BUILD_BUG_ON(offsetof(struct header_image, core_size) !=
	     offsetof(struct jailhouse_header, core_size));
BUILD_BUG_ON(offsetof(struct header_image, entry) !=
	     offsetof(struct jailhouse_header, entry));
BUILD_BUG_ON(offsetof(struct header_image, console_offset) !=
	     offsetof(struct jailhouse_header, console_offset));
BUILD_BUG_ON(offsetof(struct header_image, max_cpus) !=
	     offsetof(struct jailhouse_header, max_cpus));
BUILD_BUG_ON(offsetof(struct header_image, entered_cpus) !=
	     offsetof(struct jailhouse_header, entered_cpus));
BUILD_BUG_ON(sizeof(struct header_image) != sizeof(struct jailhouse_header));

/* The linker script names it hypervisor_header (jailhouse/image.h). */
static struct header_image header __section(".header") __used = {
	.signature = JAILHOUSE_FW_SIGNATURE,
	.header_version = JAILHOUSE_FW_HEADER_VERSION,
	.arch = JAILHOUSE_ARCHITECTURE,
	.link_address = JAILHOUSE_BASE,
	.core_size = { (unsigned long)__core_size },
	.percpu_size = sizeof(struct per_cpu),
	.entry = { (unsigned long)__entry_offset },
	.console_offset = { (unsigned long)&console_ring - JAILHOUSE_BASE },
};
