// SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause)
/*
 * Host tests of the inmate command line parser, on the real .cmdline
 * buffer (filled here the way `jailhouse cell load -s` fills it).
 */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "jh-lib.h"

static void set_cmdline(const char *text)
{
	memset(cmdline, 0, CMDLINE_BUFFER_SIZE);
	strncpy(cmdline, text, CMDLINE_BUFFER_SIZE);
}

static void expect_int(const char *name, const char *key, long long def,
		       long long want)
{
	long long got = cmdline_parse_int(key, def);
	char why[200];

	snprintf(why, sizeof(why), "'%s': got %lld, want %lld", key, got,
		 want);
	check_report(got == want, name, why);
}

static void expect_bool(const char *name, const char *key, bool def,
			bool want)
{
	bool got = cmdline_parse_bool(key, def);

	check_report(got == want, name, want ? "want true" : "want false");
}

static void expect_str(const char *name, const char *key, size_t size,
		       const char *def, const char *want)
{
	char buf[64], why[200];

	memset(buf, '#', sizeof(buf));
	cmdline_parse_str(key, buf, size, def);
	snprintf(why, sizeof(why), "'%s': got '%s', want '%s'", key, buf,
		 want);
	check_report(strcmp(buf, want) == 0, name, why);
}

static void test_ints(void)
{
	set_cmdline("dec=42 hex=0x3F8 HEX=0XFF neg=-12 bad=12x empty= bare big=0x100000000");
	expect_int("cmdline_int_decimal", "dec", 0, 42);
	expect_int("cmdline_int_hex", "hex", 0, 0x3f8);
	expect_int("cmdline_int_hex_upper", "HEX", 0, 0xff);
	expect_int("cmdline_int_negative", "neg", 0, -12);
	expect_int("cmdline_int_invalid_gives_default", "bad", 7, 7);
	expect_int("cmdline_int_empty_gives_default", "empty", 7, 7);
	expect_int("cmdline_int_bare_key_gives_default", "bare", 7, 7);
	expect_int("cmdline_int_missing_gives_default", "nope", -3, -3);
	expect_int("cmdline_int_64bit", "big", 0, 0x100000000LL);
}

static void test_keys(void)
{
	set_cmdline("con-base-x=1 con-basex=2 xcon-base=3 con-base=0x2f8");
	expect_int("cmdline_key_exact_match_only", "con-base", 0, 0x2f8);

	set_cmdline("target=1 irq_base=40 target=2");
	expect_int("cmdline_last_occurrence_wins", "target", 0, 2);
	expect_int("cmdline_middle_key", "irq_base", 0, 40);

	set_cmdline("\t a=1 \t\n b=2  ");
	expect_int("cmdline_blanks_tab_newline", "b", 0, 2);

	set_cmdline("");
	expect_int("cmdline_empty", "a", 5, 5);
}

static void test_bools(void)
{
	set_cmdline("pollute-cache t1=1 t2=true t3=yes t4=on f1=0 f2=false f3=no f4=off odd=maybe");
	expect_bool("cmdline_bool_bare_key", "pollute-cache", false, true);
	expect_bool("cmdline_bool_1", "t1", false, true);
	expect_bool("cmdline_bool_true", "t2", false, true);
	expect_bool("cmdline_bool_yes", "t3", false, true);
	expect_bool("cmdline_bool_on", "t4", false, true);
	expect_bool("cmdline_bool_0", "f1", true, false);
	expect_bool("cmdline_bool_false", "f2", true, false);
	expect_bool("cmdline_bool_no", "f3", true, false);
	expect_bool("cmdline_bool_off", "f4", true, false);
	expect_bool("cmdline_bool_invalid_gives_default", "odd", true, true);
	expect_bool("cmdline_bool_missing_gives_default", "gone", false,
		    false);
}

static void test_strings(void)
{
	set_cmdline("con-type=PL011 action=read-ram long=abcdefghijkl e=");
	expect_str("cmdline_str_value", "con-type", 16, "", "PL011");
	expect_str("cmdline_str_missing_default", "nope", 16, "8250", "8250");
	expect_str("cmdline_str_truncated", "long", 5, "", "abcd");
	expect_str("cmdline_str_empty_value", "e", 16, "def", "");
	expect_str("cmdline_str_dashed_value", "action", 16, "", "read-ram");
}

/* A full buffer has no terminating NUL: parsing must stop at its end. */
static void test_full_buffer(void)
{
	memset(cmdline, 'x', CMDLINE_BUFFER_SIZE);
	memcpy(cmdline, "a=1 ", 4);
	memcpy(cmdline + CMDLINE_BUFFER_SIZE - 4, " z=9", 4);
	expect_int("cmdline_full_buffer_first", "a", 0, 1);
	expect_int("cmdline_full_buffer_last_word", "z", 0, 9);
}

int main(void)
{
	test_ints();
	test_keys();
	test_bools();
	test_strings();
	test_full_buffer();
	return check_exit_code();
}
