// SPDX-License-Identifier: GPL-2.0
/*
 * Host unit tests of the arch-neutral hypervisor core: formatted output,
 * page pools, generic page tables (with a made-up 3-level format), the
 * MMIO dispatcher, sub-page access rules and fault descriptions.
 *
 * The core's vsnprintf/snprintf are renamed hv_* at build time so that the
 * C library's versions stay available as reference.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jailhouse/cell-config.h>
#include <jailhouse/errno.h>
#include <jailhouse/fault.h>
#include <jailhouse/mmio.h>
#include <jailhouse/paging.h>
#include <jailhouse/percpu.h>
#include <jailhouse/uart.h>

#include "../testlib.h"
#include "hv_printf.h"

/* --- stand-ins for what the tested files call ---------------------------- */

static char console_log[4096];

void printk(const char *fmt, ...)
{
	size_t len = strlen(console_log);
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(console_log + len, sizeof(console_log) - len, fmt, ap);
	va_end(ap);
}

void arch_paging_flush_hv(unsigned long virt, unsigned long size)
{
}

struct per_cpu *test_this_cpu(void)
{
	return NULL;
}

/* --- formatted output ---------------------------------------------------- */

/* Our vsnprintf against the C library's, same format and arguments. */
static void __attribute__((format(printf, 2, 3)))
check_fmt(const char *name, const char *fmt, ...)
{
	char ours[128], ref[128], test[64];
	va_list ap, ap2;
	int n1, n2;

	va_start(ap, fmt);
	va_copy(ap2, ap);
	n1 = hv_vsnprintf(ours, sizeof(ours), fmt, ap);
	n2 = vsnprintf(ref, sizeof(ref), fmt, ap2);
	va_end(ap2);
	va_end(ap);
	snprintf(test, sizeof(test), "hv/printk/%s", name);
	t_result(n1 == n2 && !strcmp(ours, ref), test,
		 "got \"%s\" (%d), expected \"%s\" (%d)", ours, n1, ref, n2);
}

static void test_printk(void)
{
	char buf[64];
	int n;

	check_fmt("signed", "%d %i %d", -42, 7, 0);
	check_fmt("width", "[%5d] [%-5d] [%05d]", 42, 42, 42);
	check_fmt("unsigned-max", "%u", 4294967295U);
	check_fmt("hex", "%x %X %#x %08x", 0xbeefU, 0xbeefU, 0x1fU, 0x1fU);
	check_fmt("long-hex", "%lx %016lx", 0xdeadbeefUL, 0x1234UL);
	check_fmt("llx", "%llx", 0x123456789abcdef0ULL);
	check_fmt("llu-max", "%llu", 18446744073709551615ULL);
	check_fmt("lld-min", "%lld", (long long)(-9223372036854775807LL - 1));
	check_fmt("octal", "%o %#o", 8U, 8U);
	check_fmt("string", "[%s] [%10s] [%-10s] [%.3s]", "abc", "abc", "abc",
		  "abcdef");
	check_fmt("char", "[%c] [%3c] [%-3c]", 'x', 'y', 'z');
	check_fmt("percent", "100%% %d", 1);
	check_fmt("star", "[%*d] [%-*d] [%.*s]", 6, 1, 6, 2, 2, "xyz");
	/* char and short length modifiers, built at run time */
	static const char hh_h[] = { '%', 'h', 'h', 'u', ' ', '%', 'h', 'd', 0 };

	check_fmt("length-hh-h", hh_h, 300, 70000);
	check_fmt("size_t", "%zu", (size_t)123456789);
	check_fmt("precision-int", "[%.5d] [%8.3x]", 42, 0xaU);
	check_fmt("plus-space", "[%+d] [% d]", 5, 5);

	n = hv_snprintf(buf, sizeof(buf), "%p", (void *)0x1234);
	t_result(n == 18 && !strcmp(buf, "0x0000000000001234"),
		 "hv/printk/pointer", "got \"%s\"", buf);

	n = hv_snprintf(buf, 5, "hello %s", "world");
	t_result(n == 11 && !strcmp(buf, "hell"), "hv/printk/truncation",
		 "got \"%s\" (%d)", buf, n);
}

/* --- page pool ----------------------------------------------------------- */

#define HV_PHYS		0x80000000ULL
#define HV_PAGES	512

static u8 *hv_mem;

static void setup_hv_memory(void)
{
	hv_mem = aligned_alloc(PAGE_SIZE * 64, HV_PAGES * PAGE_SIZE);
	memset(hv_mem, 0xaa, HV_PAGES * PAGE_SIZE);
	hv_virt_start = (unsigned long)hv_mem;
	hv_phys_start = HV_PHYS;
}

static unsigned long bitmap[BITS_TO_LONGS(HV_PAGES)];

static void test_page_pool(void)
{
	struct page_pool pool;
	u8 *a, *b, *c;
	bool ok;

	/* base one page past a 64-page boundary: alignment is absolute */
	page_pool_init(&pool, "test", (unsigned long)hv_mem + PAGE_SIZE, 32,
		       bitmap, true);
	page_pool_reserve(&pool, 0, 2);
	t_result(pool.used_pages == 2, "hv/pool/reserve", "used %lu",
		 pool.used_pages);

	a = page_alloc(&pool, 1);
	t_result(a == hv_mem + 3 * PAGE_SIZE && a[0] == 0 &&
		 a[PAGE_SIZE - 1] == 0, "hv/pool/alloc-zeroed",
		 "a=%p", (void *)a);

	b = page_alloc_aligned(&pool, 4);
	t_result(b && ((unsigned long)b - (unsigned long)hv_mem) %
		 (4 * PAGE_SIZE) == 0, "hv/pool/aligned",
		 "offset 0x%lx", (unsigned long)(b - hv_mem));

	t_result(!page_alloc_aligned(&pool, 3),
		 "hv/pool/aligned-needs-power-of-two", "accepted 3");

	c = page_alloc(&pool, 40);
	t_result(!c && pool.used_pages == 7, "hv/pool/exhaustion",
		 "used %lu", pool.used_pages);

	page_free(&pool, b, 4);
	page_free(&pool, a, 1);
	t_result(pool.used_pages == 2, "hv/pool/free", "used %lu",
		 pool.used_pages);

	c = page_alloc(&pool, 30);
	ok = c == hv_mem + 3 * PAGE_SIZE && pool.used_pages == 32;
	t_result(ok, "hv/pool/fill-completely", "c=%p used %lu", (void *)c,
		 pool.used_pages);
	t_result(!page_alloc(&pool, 1), "hv/pool/full", "got a page");
}

/* --- generic paging with a made-up format -------------------------------- */

/*
 * 3 levels over 32-bit addresses: 1 GiB blocks (4 entries), 2 MiB blocks,
 * 4 KiB pages. Entry: bit 0 valid, bit 1 table, bits 2-5 flags, 12+ addr.
 */
#define T_VALID		0x1ULL
#define T_TABLE		0x2ULL
#define T_ADDR		0x000ffffffffff000ULL

static pt_entry_t t_leaf(unsigned int lvl, u64 phys, unsigned long flags)
{
	return (phys & T_ADDR) | T_VALID | ((u64)(flags & 0xf) << 2);
}

static pt_entry_t t_table(u64 phys)
{
	return (phys & T_ADDR) | T_VALID | T_TABLE;
}

static bool t_valid(pt_entry_t e, unsigned int lvl)
{
	return e & T_VALID;
}

static bool t_is_leaf(pt_entry_t e, unsigned int lvl)
{
	return lvl == 2 || !(e & T_TABLE);
}

static u64 t_phys(pt_entry_t e, unsigned int lvl)
{
	return e & T_ADDR;
}

static unsigned long t_flags(pt_entry_t e, unsigned int lvl)
{
	return (e >> 2) & 0xf;
}

static const struct paging_format test_format = {
	.num_levels = 3,
	.level = {
		{ .shift = 30, .index_bits = 2, .block = true },
		{ .shift = 21, .index_bits = 9, .block = true },
		{ .shift = 12, .index_bits = 9, .block = true },
	},
	.root_pages = 1,
	.make_leaf = t_leaf,
	.make_table = t_table,
	.is_valid = t_valid,
	.is_leaf = t_is_leaf,
	.get_phys = t_phys,
	.get_flags = t_flags,
};

const struct paging_format arch_hv_paging_format;

static bool maps_to(struct paging_structures *pg, u64 virt, u64 phys,
		    unsigned long flags)
{
	u64 got;
	unsigned long got_flags;

	return paging_virt2phys(pg, virt, &got, &got_flags) &&
		got == phys && got_flags == flags;
}

static bool is_block_at_level1(struct paging_structures *pg, u64 virt)
{
	pt_entry_t e = pg->root[(virt >> 30) & 3];
	pt_entry_t *l2 = paging_phys2hvirt(e & T_ADDR);

	return (e & T_TABLE) && !(l2[(virt >> 21) & 511] & T_TABLE);
}

static void test_paging(void)
{
	static unsigned long pool_bitmap[BITS_TO_LONGS(HV_PAGES)];
	struct paging_structures pg;
	unsigned long base_used;
	u64 phys;
	int err;

	page_pool_init(&mem_pool, "mem", (unsigned long)hv_mem, HV_PAGES,
		       pool_bitmap, true);
	err = paging_init_root(&pg, &test_format);
	base_used = mem_pool.used_pages;
	t_result(!err && base_used == 1, "hv/paging/root", "err %d used %lu",
		 err, base_used);

	err = paging_create(&pg, 0x40000000, 0x400000, 0x80000000,
			    PAGE_DEFAULT_FLAGS, PAGING_HUGE);
	t_result(!err && mem_pool.used_pages == base_used + 1 &&
		 is_block_at_level1(&pg, 0x80000000) &&
		 maps_to(&pg, 0x80201234, 0x40201234, PAGE_DEFAULT_FLAGS),
		 "hv/paging/2m-blocks", "err %d used %lu", err,
		 mem_pool.used_pages);

	err = paging_create(&pg, 0x9000000, 0x1000, 0xc0001000,
			    PAGE_FLAG_READ | PAGE_FLAG_DEVICE, PAGING_HUGE);
	t_result(!err && maps_to(&pg, 0xc0001ffc, 0x9000ffc,
				 PAGE_FLAG_READ | PAGE_FLAG_DEVICE) &&
		 !paging_virt2phys(&pg, 0xc0000000, &phys, NULL),
		 "hv/paging/4k-page", "err %d", err);

	err = paging_destroy(&pg, 0x80100000, 0x1000);
	t_result(!err && !paging_virt2phys(&pg, 0x80100800, &phys, NULL) &&
		 maps_to(&pg, 0x800ff000, 0x400ff000, PAGE_DEFAULT_FLAGS) &&
		 maps_to(&pg, 0x80101000, 0x40101000, PAGE_DEFAULT_FLAGS) &&
		 maps_to(&pg, 0x80300000, 0x40300000, PAGE_DEFAULT_FLAGS),
		 "hv/paging/split-block-on-unmap", "err %d", err);

	err = paging_create(&pg, 0x40000000, 0x200000, 0x80000000,
			    PAGE_FLAG_READ, PAGING_HUGE);
	t_result(!err && maps_to(&pg, 0x80100000, 0x40100000, PAGE_FLAG_READ) &&
		 is_block_at_level1(&pg, 0x80000000),
		 "hv/paging/remap-replaces-table", "err %d", err);

	err = paging_create(&pg, 0x50000000, 0x3000, 0x90000000,
			    PAGE_DEFAULT_FLAGS, PAGING_NO_HUGE);
	t_result(!err && maps_to(&pg, 0x90002000, 0x50002000,
				 PAGE_DEFAULT_FLAGS),
		 "hv/paging/no-huge", "err %d", err);

	t_result(paging_create(&pg, 0x1001, 0x1000, 0x2000, 0, 0) == -EINVAL,
		 "hv/paging/unaligned-refused", "accepted");

	paging_destroy(&pg, 0x80000000, 0x400000);
	paging_destroy(&pg, 0xc0001000, 0x1000);
	paging_destroy(&pg, 0x90000000, 0x3000);
	t_result(mem_pool.used_pages == base_used,
		 "hv/paging/tables-freed-after-unmap", "used %lu, expected %lu",
		 mem_pool.used_pages, base_used);

	paging_free_tables(&pg);
	t_result(mem_pool.used_pages == 0, "hv/paging/free-root",
		 "used %lu", mem_pool.used_pages);
}

/* --- MMIO dispatcher ------------------------------------------------------ */

static u64 seen_offset;
static void *seen_arg;

static enum mmio_result record_handler(void *arg, struct mmio_access *a)
{
	seen_offset = a->address;
	seen_arg = arg;
	a->value = 0x55;
	return MMIO_HANDLED;
}

static void test_mmio(void)
{
	struct mmio_dispatcher d;
	struct mmio_access a = { .size = 4 };
	int regs[3], err;

	mmio_dispatcher_init(&d, 3);
	mmio_region_register(&d, 0x3000, 0x100, record_handler, &regs[2]);
	mmio_region_register(&d, 0x1000, 0x100, record_handler, &regs[0]);
	err = mmio_region_register(&d, 0x2000, 0x1000, record_handler,
				   &regs[1]);
	t_result(!err && d.count == 3 && d.regions[0].start == 0x1000 &&
		 d.regions[2].start == 0x3000, "hv/mmio/sorted", "err %d", err);

	t_result(mmio_region_register(&d, 0x5000, 0x10, record_handler, NULL)
		 == -ENOSPC, "hv/mmio/full", "accepted");

	a.address = 0x2ffc;
	t_result(mmio_dispatch(&d, &a) == MMIO_HANDLED && seen_arg == &regs[1] &&
		 seen_offset == 0xffc && a.value == 0x55 && a.address == 0x2ffc,
		 "hv/mmio/dispatch-relative", "offset 0x%llx",
		 (unsigned long long)seen_offset);

	a.address = 0x1100;
	t_result(mmio_dispatch(&d, &a) == MMIO_UNHANDLED, "hv/mmio/gap",
		 "handled");
	a.address = 0x10fe;
	t_result(mmio_dispatch(&d, &a) == MMIO_ERROR, "hv/mmio/crossing-end",
		 "not refused");

	mmio_region_unregister(&d, 0x2000);
	t_result(mmio_region_register(&d, 0x1080, 0x100, record_handler, NULL)
		 == -EEXIST, "hv/mmio/overlap", "accepted");
	a.address = 0x2000;
	t_result(mmio_dispatch(&d, &a) == MMIO_UNHANDLED && d.count == 2,
		 "hv/mmio/unregister", "count %u", d.count);
	mmio_dispatcher_free(&d);
}

static void test_subpage_rules(void)
{
	struct jailhouse_memory mem = {
		.phys_start = 0x9000000, .virt_start = 0x9000000,
		.size = 0x40, .flags = JAILHOUSE_MEM_READ |
		JAILHOUSE_MEM_IO | JAILHOUSE_MEM_IO_32,
	};
	struct mmio_access a = { .address = 0x10, .size = 4 };

	t_result(mmio_subpage_access_ok(&mem, &a), "hv/subpage/read-32",
		 "refused");
	a.is_write = true;
	t_result(!mmio_subpage_access_ok(&mem, &a), "hv/subpage/read-only",
		 "write allowed");
	a.is_write = false;
	a.size = 1;
	t_result(!mmio_subpage_access_ok(&mem, &a), "hv/subpage/width",
		 "byte access allowed");
	a.size = 4;
	a.address = 0x12;
	t_result(!mmio_subpage_access_ok(&mem, &a), "hv/subpage/unaligned",
		 "unaligned allowed");
	mem.flags |= JAILHOUSE_MEM_IO_UNALIGNED;
	t_result(mmio_subpage_access_ok(&mem, &a),
		 "hv/subpage/unaligned-allowed", "refused");
	a.address = 0x3e;
	t_result(!mmio_subpage_access_ok(&mem, &a), "hv/subpage/past-end",
		 "allowed");
}

/* --- fault descriptions --------------------------------------------------- */

static void test_fault_descriptions(void)
{
	static u8 image[sizeof(struct jailhouse_cell_desc) + 4 +
			2 * sizeof(struct jailhouse_memory)];
	struct jailhouse_cell_desc *cell = (void *)image;
	struct jailhouse_memory *mem;
	char buf[400];

	cell->cpu_set_size = 4;
	cell->num_memory_regions = 2;
	mem = (struct jailhouse_memory *)jailhouse_cell_mem_regions(cell);
	mem[0] = (struct jailhouse_memory) {
		.phys_start = 0x40000000, .virt_start = 0x40000000,
		.size = 0x3c000000, .flags = JAILHOUSE_MEM_READ |
		JAILHOUSE_MEM_WRITE | JAILHOUSE_MEM_EXECUTE,
	};
	mem[1] = (struct jailhouse_memory) {
		.phys_start = 0x8040000, .virt_start = 0x8040000,
		.size = 0x1000, .flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_IO,
	};

	fault_describe_mem_fix(buf, sizeof(buf), cell, 0x9000018, 4,
			       FAULT_READ);
	t_result(strstr(buf, "Nearest region: #1 0x8040000-0x8040fff") &&
		 strstr(buf, "below") &&
		 strstr(buf, ".phys_start = 0x9000000") &&
		 strstr(buf, "JAILHOUSE_MEM_IO"), "hv/fault/nearest-and-fix",
		 "got \"%s\"", buf);

	fault_describe_mem_fix(buf, sizeof(buf), cell, 0x8040010, 4,
			       FAULT_WRITE);
	t_result(strstr(buf, "Inside region: #1") &&
		 strstr(buf, "add JAILHOUSE_MEM_WRITE"), "hv/fault/read-only",
		 "got \"%s\"", buf);

	fault_describe_mem_fix(buf, sizeof(buf), cell, 0x8040000, 4,
			       FAULT_EXEC);
	t_result(!!strstr(buf, "add JAILHOUSE_MEM_EXECUTE"),
		 "hv/fault/not-executable", "got \"%s\"", buf);
}

/* --- UART drivers on a fake register file ------------------------------- */

static const struct uart_driver *find_uart(u16 type)
{
	const struct uart_driver *drv;

	for (drv = __uart_drivers_start; drv < __uart_drivers_end; drv++)
		if (drv->type == type)
			return drv;
	return NULL;
}

static u32 regs8250[8];
static u32 lcr_writes[8], dll_seen, dlm_seen;
static unsigned int lcr_count;

static u32 fake_in(struct uart_chip *chip, unsigned int reg)
{
	return regs8250[reg];
}

static void fake_out(struct uart_chip *chip, unsigned int reg, u32 value)
{
	if (reg == 3 && lcr_count < 8)
		lcr_writes[lcr_count++] = value;
	if ((regs8250[3] & 0x80) && reg == 0)
		dll_seen = value;
	else if ((regs8250[3] & 0x80) && reg == 1)
		dlm_seen = value;
	regs8250[reg] = value;
}

static void test_uarts(void)
{
	struct jailhouse_console info = {
		.type = JAILHOUSE_CON_TYPE_8250, .divider = 0x0d,
	};
	struct uart_chip chip = {
		.info = &info, .reg_in = fake_in, .reg_out = fake_out,
	};
	const struct uart_driver *drv = find_uart(JAILHOUSE_CON_TYPE_8250);
	u32 pl011[32] = { 0 };

	if (!drv) {
		t_result(0, "hv/uart/8250-registered", "not in the table");
		return;
	}
	drv->init(&chip);
	t_result(dll_seen == 0x0d && dlm_seen == 0 && lcr_count == 2 &&
		 lcr_writes[0] == 0x80 && lcr_writes[1] == 0x03,
		 "hv/uart/8250-divider", "dll 0x%x dlm 0x%x lcr writes %u",
		 dll_seen, dlm_seen, lcr_count);

	regs8250[5] = 0;
	t_result(drv->is_busy(&chip), "hv/uart/8250-busy-until-thre",
		 "not busy with LSR 0");
	regs8250[5] = 0x20;
	drv->write_char(&chip, 'J');
	t_result(!drv->is_busy(&chip) && regs8250[0] == 'J',
		 "hv/uart/8250-write", "THR 0x%x", regs8250[0]);

	info.divider = 0;
	lcr_count = 0;
	drv->init(&chip);
	t_result(lcr_count == 0, "hv/uart/8250-untouched-without-divider",
		 "%u LCR writes", lcr_count);

	drv = find_uart(JAILHOUSE_CON_TYPE_PL011);
	if (!drv) {
		t_result(0, "hv/uart/pl011-registered", "not in the table");
		return;
	}
	info.type = JAILHOUSE_CON_TYPE_PL011;
	chip.virt_base = pl011;
	pl011[0x18 / 4] = 0x20;		/* FR.TXFF */
	t_result(drv->is_busy(&chip), "hv/uart/pl011-busy-when-fifo-full",
		 "not busy");
	pl011[0x18 / 4] = 0;
	drv->write_char(&chip, 'H');
	t_result(pl011[0] == 'H', "hv/uart/pl011-write", "DR 0x%x", pl011[0]);
}

int main(void)
{
	setup_hv_memory();
	test_printk();
	test_page_pool();
	test_paging();
	test_mmio();
	test_subpage_rules();
	test_fault_descriptions();
	test_uarts();
	return t_failed() ? 1 : 0;
}
