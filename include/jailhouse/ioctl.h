/* SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause) */
/*
 * /dev/jailhouse ioctl ABI between the management tool and the driver.
 * Numbers and struct layouts equal upstream's, so either tool works with
 * either driver.
 */
#ifndef _JAILHOUSE_IOCTL_H
#define _JAILHOUSE_IOCTL_H

#include <jailhouse/types.h>
#include <jailhouse/cell-config.h>

#ifdef __KERNEL__
#include <linux/ioctl.h>
#else
#include <sys/ioctl.h>
#endif

/* select the cell by name instead of by ID */
#define JAILHOUSE_CELL_ID_UNUSED	(-1)

struct jailhouse_cell_create {
	__u64 config_address;	/* user pointer to the cell config image */
	__u32 config_size;
	__u32 padding;
};

struct jailhouse_cell_id {
	__s32 id;
	__u32 padding;
	char name[JAILHOUSE_CELL_NAME_MAXLEN + 1];
};

struct jailhouse_preload_image {
	__u64 source_address;	/* user pointer */
	__u64 size;
	__u64 target_address;	/* cell-virtual address */
	__u64 padding;
};

struct jailhouse_cell_load {
	struct jailhouse_cell_id cell_id;
	__u32 num_preload_images;
	__u32 padding;
	struct jailhouse_preload_image image[];
};

#define JAILHOUSE_ENABLE		_IOW(0, 0, void *)
#define JAILHOUSE_DISABLE		_IO(0, 1)
#define JAILHOUSE_CELL_CREATE		_IOW(0, 2, struct jailhouse_cell_create)
#define JAILHOUSE_CELL_LOAD		_IOW(0, 3, struct jailhouse_cell_load)
#define JAILHOUSE_CELL_START		_IOW(0, 4, struct jailhouse_cell_id)
#define JAILHOUSE_CELL_DESTROY		_IOW(0, 5, struct jailhouse_cell_id)

_Static_assert(sizeof(struct jailhouse_cell_create) == 16, "ioctl ABI");
_Static_assert(sizeof(struct jailhouse_cell_id) == 40, "ioctl ABI");
_Static_assert(sizeof(struct jailhouse_preload_image) == 32, "ioctl ABI");
_Static_assert(sizeof(struct jailhouse_cell_load) == 48, "ioctl ABI");
_Static_assert(JAILHOUSE_CELL_CREATE == 0x40100002, "ioctl ABI");
_Static_assert(JAILHOUSE_CELL_LOAD == 0x40300003, "ioctl ABI");
_Static_assert(JAILHOUSE_CELL_START == 0x40280004, "ioctl ABI");
_Static_assert(JAILHOUSE_CELL_DESTROY == 0x40280005, "ioctl ABI");
_Static_assert(JAILHOUSE_DISABLE == 0x00000001, "ioctl ABI");
_Static_assert(JAILHOUSE_ENABLE == (sizeof(void *) == 8 ?
				    0x40080000 : 0x40040000), "ioctl ABI");

#endif /* !_JAILHOUSE_IOCTL_H */
