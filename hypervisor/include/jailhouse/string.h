/* SPDX-License-Identifier: GPL-2.0 */
/* Freestanding string and memory helpers (hypervisor/string.c). */
#ifndef _JAILHOUSE_STRING_H
#define _JAILHOUSE_STRING_H

#include <jailhouse/utils.h>

void *memcpy(void *dest, const void *src, size_t n);
void *memset(void *s, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
void *memmove(void *dest, const void *src, size_t n);
size_t strlen(const char *s);
size_t strnlen(const char *s, size_t max);
int strncmp(const char *a, const char *b, size_t n);
/* Copies at most size - 1 characters and always terminates (size > 0). */
void strscpy(char *dest, const char *src, size_t size);

#endif /* !_JAILHOUSE_STRING_H */
