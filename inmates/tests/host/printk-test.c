// SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause)
/*
 * Host tests of the inmate library's vsnprintf: exact expectations for the
 * formats demos print (scripts parse them), truncation rules, and a
 * comparison with the C library for every standard conversion we support.
 * The library's symbols are renamed (jh_*) by the Makefile, so both
 * implementations can live in one program.
 */
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "jh-lib.h"

static char console_out[1024];

/* the library's console, captured */
void console_write(const char *s)
{
	strncat(console_out, s, sizeof(console_out) - strlen(console_out) - 1);
}

static void expect(const char *name, const char *got, const char *want)
{
	char why[300];

	snprintf(why, sizeof(why), "got '%s', want '%s'", got, want);
	check_report(strcmp(got, want) == 0, name, why);
}

#define EXPECT_FMT(name, want, ...) do {				\
	char buf[128];							\
	jh_snprintf(buf, sizeof(buf), __VA_ARGS__);			\
	expect("printk_" name, buf, want);				\
} while (0)

/* Same output as the C library for the same format and argument. */
#define SAME_AS_LIBC(name, ...) do {					\
	char ours[128], theirs[128];					\
	int n_ours = jh_snprintf(ours, sizeof(ours), __VA_ARGS__);	\
	int n_theirs = snprintf(theirs, sizeof(theirs), __VA_ARGS__);	\
	char why[400];							\
	snprintf(why, sizeof(why), "ours '%s' (%d), libc '%s' (%d)",	\
		 ours, n_ours, theirs, n_theirs);			\
	check_report(!strcmp(ours, theirs) && n_ours == n_theirs,	\
		     "printk_libc_" name, why);				\
} while (0)

static void test_demo_formats(void)
{
	EXPECT_FMT("jitter_line",
		   "Timer fired, jitter:   3600 ns, min:  -1200 ns, max: 1234567 ns",
		   "Timer fired, jitter: %6ld ns, min: %6ld ns, max: %6ld ns",
		   3600L, -1200L, 1234567L);
	EXPECT_FMT("pm_timer_line", "PM Timer:  3254515867",
		   "PM Timer: %11llu", 3254515867ULL);
	EXPECT_FMT("tsc_line", "Calibrated TSC frequency: 19999.087 kHz",
		   "Calibrated TSC frequency: %lu.%03lu kHz", 19999UL, 87UL);
	EXPECT_FMT("pci_bdf", "IVSHMEM: Found device at 00:0e.0",
		   "IVSHMEM: Found device at %02x:%02x.%x", 0, 14, 0);
	EXPECT_FMT("pointer", "bar0 is at 0xff000000",
		   "bar0 is at %p", (void *)0xff000000UL);
	EXPECT_FMT("hello", "Hello 7 from cell!", "Hello %d from cell!", 7);
}

static void test_edge_cases(void)
{
	char buf[8];
	int len;

	EXPECT_FMT("null_string", "(null)", "%s", (char *)NULL);
	EXPECT_FMT("unknown_conversion", "a%qb", "a%qb");
	EXPECT_FMT("llong_min", "-9223372036854775808", "%lld", LLONG_MIN);
	EXPECT_FMT("hh_narrowing", "1", "%hhu", 257);
	EXPECT_FMT("h_narrowing", "-1", "%hd", 65535);
	EXPECT_FMT("star_width", "   42|42   |", "%*d|%*d|", 5, 42, -5, 42);

	len = jh_snprintf(buf, sizeof(buf), "hello world");
	check_report(len == 11 && strcmp(buf, "hello w") == 0,
		     "printk_truncation", "wrong length or buffer content");

	memset(buf, 'x', sizeof(buf));
	len = jh_snprintf(buf, 0, "%d", 12345);
	check_report(len == 5 && buf[0] == 'x', "printk_size_zero",
		     "wrote into a zero-sized buffer or wrong length");

	console_out[0] = '\0';
	jh_printk("tick %u\n", 10U);
	expect("printk_console", console_out, "tick 10\n");
}

static void test_against_libc(void)
{
	SAME_AS_LIBC("d", "%d|%i", -17, 0);
	SAME_AS_LIBC("width_flags", "[%5d][%-5d][%05d][%+d][% d]", 42, 42,
		     -42, 5, 5);
	SAME_AS_LIBC("precision", "[%.3d][%8.3d][%.0d][%-8.3d]", 7, -7, 0, 7);
	SAME_AS_LIBC("hex", "%x %X %#x %#X %08x %#010x", 0xbeefU, 0xbeefU,
		     255U, 255U, 0xabU, 0xabU);
	SAME_AS_LIBC("hex_zero_alt", "%#x %#o", 0U, 0U);
	SAME_AS_LIBC("octal", "%o %#o", 8U, 8U);
	SAME_AS_LIBC("unsigned", "%u %lu %llu", 4000000000U, ULONG_MAX,
		     ULLONG_MAX);
	SAME_AS_LIBC("long", "%ld %lld %li", LONG_MIN, -1LL, 123456789L);
	SAME_AS_LIBC("size_t", "%zu %zx", (size_t)4096, (size_t)4096);
	SAME_AS_LIBC("string", "[%s][%10s][%-10s][%.2s][%5.1s]", "abc",
		     "abc", "abc", "abc", "abc");
	SAME_AS_LIBC("char", "[%c][%3c][%-3c]", 'x', 'y', 'z');
	SAME_AS_LIBC("percent", "100%% %d%%", 5);
}

int main(void)
{
	test_demo_formats();
	test_edge_cases();
	test_against_libc();
	return check_exit_code();
}
