/* SPDX-License-Identifier: GPL-2.0 */
/*
 * MMIO dispatcher: each cell has a sorted table of guest-physical ranges
 * with a handler. A trapped access that hits no handler is a fault.
 *
 * Handlers receive the access with the address made relative to the start
 * of their range. Registration happens while the cell's CPUs cannot trap
 * concurrently (cell creation, or with the cell suspended); lookups are
 * lock-free.
 */
#ifndef _JAILHOUSE_MMIO_H
#define _JAILHOUSE_MMIO_H

#include <jailhouse/utils.h>

struct cell;
struct jailhouse_memory;

struct mmio_access {
	u64 address;		/* guest physical; offset inside handlers */
	unsigned int size;	/* 1, 2, 4 or 8 bytes */
	bool is_write;
	unsigned long value;	/* in for writes, out for reads */
};

enum mmio_result {
	MMIO_ERROR = -1,	/* access refused: report and park */
	MMIO_UNHANDLED = 0,	/* no handler covers the address */
	MMIO_HANDLED = 1,
};

typedef enum mmio_result (*mmio_handler)(void *arg,
					 struct mmio_access *access);

struct mmio_region {
	u64 start;
	u64 size;
	mmio_handler handler;
	void *arg;
};

struct mmio_dispatcher {
	struct mmio_region *regions;	/* sorted by start, no overlaps */
	unsigned int count;
	unsigned int capacity;
	unsigned int pages;
	volatile unsigned int seq;	/* odd while being modified */
};

int mmio_dispatcher_init(struct mmio_dispatcher *mmio, unsigned int capacity);
void mmio_dispatcher_free(struct mmio_dispatcher *mmio);

/* -EEXIST if the range overlaps a registered one, -ENOSPC if full. */
int mmio_region_register(struct mmio_dispatcher *mmio, u64 start, u64 size,
			 mmio_handler handler, void *arg);
void mmio_region_unregister(struct mmio_dispatcher *mmio, u64 start);

/* Looks up and calls the handler; access->address stays absolute. */
enum mmio_result mmio_dispatch(struct mmio_dispatcher *mmio,
			       struct mmio_access *access);

/* Perform the access on a hypervisor mapping (device register). */
void mmio_perform_access(volatile void *base, struct mmio_access *access);

/* Reads/writes of device registers. */
static inline u8 mmio_read8(const volatile void *addr)
{
	return *(const volatile u8 *)addr;
}

static inline u16 mmio_read16(const volatile void *addr)
{
	return *(const volatile u16 *)addr;
}

static inline u32 mmio_read32(const volatile void *addr)
{
	return *(const volatile u32 *)addr;
}

static inline u64 mmio_read64(const volatile void *addr)
{
	return *(const volatile u64 *)addr;
}

static inline void mmio_write8(volatile void *addr, u8 value)
{
	*(volatile u8 *)addr = value;
}

static inline void mmio_write16(volatile void *addr, u16 value)
{
	*(volatile u16 *)addr = value;
}

static inline void mmio_write32(volatile void *addr, u32 value)
{
	*(volatile u32 *)addr = value;
}

static inline void mmio_write64(volatile void *addr, u64 value)
{
	*(volatile u64 *)addr = value;
}

/*
 * Sub-page memory regions of a cell config: emulated through the
 * dispatcher with the region's access-width and permission flags.
 */
struct mmio_subpage {
	const struct jailhouse_memory *mem;
	void *virt;		/* hypervisor mapping of the pages */
	unsigned long map_size;
};

int mmio_subpage_register(struct mmio_dispatcher *mmio,
			  struct mmio_subpage *subpage,
			  const struct jailhouse_memory *mem);
void mmio_subpage_unregister(struct mmio_dispatcher *mmio,
			     struct mmio_subpage *subpage);
/* Exposed for unit tests: is this access allowed by the region flags? */
bool mmio_subpage_access_ok(const struct jailhouse_memory *mem,
			    const struct mmio_access *access);

#endif /* !_JAILHOUSE_MMIO_H */
