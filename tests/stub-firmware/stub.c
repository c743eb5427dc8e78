// SPDX-License-Identifier: GPL-2.0
/*
 * Test stub firmware for the driver's entry mechanism.
 *
 * It carries the real firmware header (include/jailhouse/header.h), so
 * the driver loads and enters it exactly like the hypervisor. Every CPU
 * marks its arrival, waits until all online CPUs arrived (rendezvous),
 * writes one line about what it found into the hypervisor console ring
 * (in CPU order), and returns -ENOSYS through the documented return path.
 * The driver must then fail the enable cleanly; the test reads the lines
 * with `jailhouse console` or /sys/devices/jailhouse/console.
 *
 * Only plain loads and stores are used between CPUs (one flag per CPU):
 * on ARM the stub runs with the MMU off, where exclusive accesses are not
 * guaranteed to work.
 */
#include <jailhouse/cell-config.h>

#include "stub.h"

#define HDR_OFF(field)	__builtin_offsetof(struct jailhouse_header, field)
_Static_assert(HDR_OFF(header_version) == STUB_OFF_VERSION, "header.S");
_Static_assert(HDR_OFF(link_address) == STUB_OFF_LINK_ADDRESS, "header.S");
_Static_assert(HDR_OFF(core_size) == STUB_OFF_CORE_SIZE, "header.S");
_Static_assert(HDR_OFF(percpu_size) == STUB_OFF_PERCPU_SIZE, "header.S");
_Static_assert(HDR_OFF(entry) == STUB_OFF_ENTRY, "header.S");
_Static_assert(HDR_OFF(console_offset) == STUB_OFF_CONSOLE, "header.S");
_Static_assert(sizeof(struct jailhouse_header) == STUB_HEADER_SIZE,
	       "header.S");
_Static_assert(JAILHOUSE_FW_HEADER_VERSION == STUB_FW_HEADER_VERSION,
	       "header.S");
_Static_assert(sizeof(JAILHOUSE_FW_SIGNATURE) == sizeof(STUB_FW_SIGNATURE),
	       "header.S");
_Static_assert(STUB_ARCH == (STUB_ARCH_NAME), "header.S");

struct jailhouse_console_ring stub_console
	__attribute__((section(".bss.console"), aligned(4096)));

/*
 * Flags other CPUs read while we write them: each access must reach
 * memory (relaxed atomics of a byte are plain loads and stores).
 */
#define LOAD(x)		__atomic_load_n(&(x), __ATOMIC_RELAXED)
#define STORE(x, v)	__atomic_store_n(&(x), (v), __ATOMIC_RELAXED)

static unsigned char arrived[STUB_MAX_CPUS];
static unsigned char reported[STUB_MAX_CPUS];

/* The compiler may emit calls to this for struct initialization. */
void *memset(void *dst, int c, unsigned long n);
void *memset(void *dst, int c, unsigned long n)
{
	unsigned char *p = dst;

	while (n--)
		*p++ = c;
	return dst;
}

void line_str(struct stub_line *line, const char *s)
{
	while (*s && line->len < sizeof(line->buf) - 1)
		line->buf[line->len++] = *s++;
}

static void line_hex32(struct stub_line *line, unsigned int val, int digits)
{
	static const char hex[] = "0123456789abcdef";
	char out[9];
	int n;

	for (n = 0; n < digits; n++)
		out[n] = hex[(val >> (4 * (digits - 1 - n))) & 0xf];
	out[digits] = 0;
	line_str(line, out);
}

void line_hex(struct stub_line *line, unsigned long long val)
{
	unsigned int high = val >> 32;
	int digits = 1;

	line_str(line, "0x");
	if (high) {
		while (digits < 8 && (high >> (4 * digits)))
			digits++;
		line_hex32(line, high, digits);
		line_hex32(line, (unsigned int)val, 8);
		return;
	}
	while (digits < 8 && ((unsigned int)val >> (4 * digits)))
		digits++;
	line_hex32(line, (unsigned int)val, digits);
}

/* no division: the ARM stub has no runtime library */
void line_dec(struct stub_line *line, unsigned int val)
{
	static const unsigned int powers[] = { 1000000000, 100000000,
		10000000, 1000000, 100000, 10000, 1000, 100, 10, 1 };
	char out[11];
	unsigned int n, len = 0, digit;

	for (n = 0; n < ARRAY_SIZE(powers); n++) {
		for (digit = 0; val >= powers[n]; digit++)
			val -= powers[n];
		if (digit || len || powers[n] == 1)
			out[len++] = '0' + digit;
	}
	out[len] = 0;
	line_str(line, out);
}

/* Append a line to the console ring (only one CPU writes at a time). */
static void console_write(struct stub_line *line)
{
	struct jailhouse_console_ring *ring = &stub_console;
	unsigned int n;

	line_str(line, "\n");
	ring->seq++;
	stub_arch_relax();
	for (n = 0; n < line->len; n++)
		ring->content[(ring->tail + n) % JAILHOUSE_CONSOLE_RING_SIZE] =
			line->buf[n];
	stub_arch_relax();
	ring->tail += line->len;
	stub_arch_relax();
	ring->seq++;
}

static unsigned int max_cpus(void)
{
	unsigned int max = stub_header.max_cpus;

	return max < STUB_MAX_CPUS ? max : STUB_MAX_CPUS;
}

static unsigned int count(unsigned char *flags)
{
	unsigned int cpu, num = 0;

	for (cpu = 0; cpu < max_cpus(); cpu++)
		num += LOAD(flags[cpu]);
	return num;
}

static void report_summary(unsigned int num)
{
	const struct jailhouse_system *config = (const void *)
		(__header_start + stub_header.config_offset);
	struct stub_line line = { .len = 0 };
	const char *sig = JAILHOUSE_SYSTEM_SIGNATURE;
	int n, ok = 1;

	for (n = 0; n < JAILHOUSE_SIGNATURE_LEN; n++)
		ok &= config->signature[n] == sig[n];

	line_str(&line, "stub: ");
	line_dec(&line, num);
	line_str(&line, " of ");
	line_dec(&line, stub_header.online_cpus);
	line_str(&line, " CPUs arrived, max_cpus ");
	line_dec(&line, stub_header.max_cpus);
	line_str(&line, ok ? ", system config found at " :
		 ", NO system config at ");
	line_hex(&line, stub_header.config_offset);
	console_write(&line);
}

int stub_main(unsigned int cpu, const unsigned long *regs)
{
	struct stub_line line = { .len = 0 };
	unsigned int num, other, first = 1;

	STORE(arrived[cpu], 1);
	while ((num = count(arrived)) < stub_header.online_cpus)
		stub_arch_relax();
	stub_header.entered_cpus = num;

	/* report in CPU order; the lowest CPU adds the summary */
	for (other = 0; other < cpu; other++) {
		if (LOAD(arrived[other]))
			first = 0;
		while (LOAD(arrived[other]) && !LOAD(reported[other]))
			stub_arch_relax();
	}
	if (first)
		report_summary(num);
	stub_arch_describe(&line, cpu, regs);
	console_write(&line);

	if (count(reported) + 1 == num) {
		line.len = 0;
		line_str(&line, "stub: all CPUs return -ENOSYS");
		console_write(&line);
	}
	stub_header.init_error = -STUB_ENOSYS;
	STORE(reported[cpu], 1);
	return -STUB_ENOSYS;
}
