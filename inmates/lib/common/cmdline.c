// SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause)
/*
 * Command line parsing. The text is a blank-separated list of "key=value"
 * or "key" words; the last occurrence of a key wins, so options appended
 * by a script override earlier defaults.
 */
#include <inmate.h>

/*
 * The loader fills this buffer (section .cmdline at image offset 0x1000).
 * Weak, so an inmate can define its own with built-in defaults.
 */
char cmdline[CMDLINE_BUFFER_SIZE] __weak
	__attribute__((section(".cmdline"), aligned(16)));

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool cmdline_lookup(const char *text, size_t text_size, const char *key,
		    const char **value, size_t *value_len)
{
	size_t key_len = strlen(key), pos = 0, word_start, word_end;
	bool found = false;

	while (pos < text_size && text[pos]) {
		while (pos < text_size && text[pos] && is_blank(text[pos]))
			pos++;
		word_start = pos;
		while (pos < text_size && text[pos] && !is_blank(text[pos]))
			pos++;
		word_end = pos;
		if (word_end - word_start < key_len ||
		    strncmp(&text[word_start], key, key_len) != 0)
			continue;

		if (word_start + key_len == word_end) {
			/* bare key */
			*value = &text[word_end];
			*value_len = 0;
			found = true;
		} else if (text[word_start + key_len] == '=') {
			*value = &text[word_start + key_len + 1];
			*value_len = word_end - word_start - key_len - 1;
			found = true;
		}
	}
	return found;
}

static int digit_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return 99;
}

bool cmdline_value_to_int(const char *value, size_t len, long long *result)
{
	unsigned long long magnitude = 0;
	unsigned int base = 10;
	bool negative = false;
	size_t pos = 0;
	int digit;

	if (pos < len && (value[pos] == '-' || value[pos] == '+'))
		negative = value[pos++] == '-';
	if (len - pos > 2 && value[pos] == '0' &&
	    (value[pos + 1] == 'x' || value[pos + 1] == 'X')) {
		base = 16;
		pos += 2;
	}
	if (pos >= len)
		return false;

	for (; pos < len; pos++) {
		digit = digit_value(value[pos]);
		if (digit >= (int)base)
			return false;
		magnitude = magnitude * base + digit;
	}
	*result = negative ? -(long long)magnitude : (long long)magnitude;
	return true;
}

static bool word_is(const char *value, size_t len, const char *word)
{
	return strlen(word) == len && strncmp(value, word, len) == 0;
}

bool cmdline_value_to_bool(const char *value, size_t len, bool *result)
{
	if (len == 0 || word_is(value, len, "1") ||
	    word_is(value, len, "true") || word_is(value, len, "yes") ||
	    word_is(value, len, "on")) {
		*result = true;
		return true;
	}
	if (word_is(value, len, "0") || word_is(value, len, "false") ||
	    word_is(value, len, "no") || word_is(value, len, "off")) {
		*result = false;
		return true;
	}
	return false;
}

long long cmdline_parse_int(const char *key, long long def)
{
	const char *value;
	long long result;
	size_t len;

	if (cmdline_lookup(cmdline, sizeof(cmdline), key, &value, &len) &&
	    cmdline_value_to_int(value, len, &result))
		return result;
	return def;
}

bool cmdline_parse_bool(const char *key, bool def)
{
	const char *value;
	bool result;
	size_t len;

	if (cmdline_lookup(cmdline, sizeof(cmdline), key, &value, &len) &&
	    cmdline_value_to_bool(value, len, &result))
		return result;
	return def;
}

const char *cmdline_parse_str(const char *key, char *buf, size_t size,
			      const char *def)
{
	const char *value = def;
	size_t len = def ? strlen(def) : 0;

	if (size == 0)
		return buf;
	cmdline_lookup(cmdline, sizeof(cmdline), key, &value, &len);
	if (len > size - 1)
		len = size - 1;
	if (value)
		memcpy(buf, value, len);
	buf[len] = '\0';
	return buf;
}
