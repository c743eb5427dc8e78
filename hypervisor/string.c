// SPDX-License-Identifier: GPL-2.0
/*
 * Freestanding string functions. The compiler may also emit calls to
 * memcpy/memset for structure copies, so these names are mandatory.
 */
#include <jailhouse/string.h>

#define WORD_SIZE	sizeof(unsigned long)

static bool words_aligned(const void *a, const void *b)
{
	return (((unsigned long)a | (unsigned long)b) & (WORD_SIZE - 1)) == 0;
}

void *memcpy(void *dest, const void *src, size_t n)
{
	unsigned char *d = dest;
	const unsigned char *s = src;

	if (words_aligned(d, s)) {
		for (; n >= WORD_SIZE; n -= WORD_SIZE) {
			*(unsigned long *)d = *(const unsigned long *)s;
			d += WORD_SIZE;
			s += WORD_SIZE;
		}
	}
	while (n--)
		*d++ = *s++;
	return dest;
}

void *memmove(void *dest, const void *src, size_t n)
{
	unsigned char *d = dest;
	const unsigned char *s = src;

	if (d <= s || d >= s + n)
		return memcpy(dest, src, n);
	while (n--)
		d[n] = s[n];
	return dest;
}

void *memset(void *s, int c, size_t n)
{
	unsigned char *p = s;
	unsigned long pattern = (unsigned char)c;

	pattern |= pattern << 8;
	pattern |= pattern << 16;
	if (WORD_SIZE > 4)
		pattern |= (pattern << 16) << 16;

	while (n && ((unsigned long)p & (WORD_SIZE - 1))) {
		*p++ = (unsigned char)c;
		n--;
	}
	for (; n >= WORD_SIZE; n -= WORD_SIZE) {
		*(unsigned long *)p = pattern;
		p += WORD_SIZE;
	}
	while (n--)
		*p++ = (unsigned char)c;
	return s;
}

int memcmp(const void *a, const void *b, size_t n)
{
	const unsigned char *x = a, *y = b;

	for (; n; n--, x++, y++)
		if (*x != *y)
			return *x - *y;
	return 0;
}

size_t strlen(const char *s)
{
	const char *p = s;

	while (*p)
		p++;
	return p - s;
}

size_t strnlen(const char *s, size_t max)
{
	size_t len = 0;

	while (len < max && s[len])
		len++;
	return len;
}

int strncmp(const char *a, const char *b, size_t n)
{
	for (; n; n--, a++, b++) {
		if (*a != *b)
			return (unsigned char)*a - (unsigned char)*b;
		if (!*a)
			break;
	}
	return 0;
}

void strscpy(char *dest, const char *src, size_t size)
{
	size_t len = strnlen(src, size - 1);

	memcpy(dest, src, len);
	dest[len] = 0;
}
