/* SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause) */
/*
 * Fixed-width types for the shared ABI headers.
 *
 * The same headers are compiled in four worlds: the Linux driver (kernel
 * types already exist), the freestanding hypervisor and inmates, and hosted
 * userspace tools. Every world gets the __uN/__sN spelling the ABI structs
 * use; configs written for upstream Jailhouse include this file by name.
 */
#ifndef _JAILHOUSE_TYPES_H
#define _JAILHOUSE_TYPES_H

#if defined(__KERNEL__)
#include <linux/types.h>
#elif defined(__linux__) && !defined(__JAILHOUSE_FREESTANDING__)
#include <linux/types.h>
#else
/* Freestanding: the hypervisor, inmates and the config objects. */
typedef signed char __s8;
typedef unsigned char __u8;
typedef signed short __s16;
typedef unsigned short __u16;
typedef signed int __s32;
typedef unsigned int __u32;
typedef signed long long __s64;
typedef unsigned long long __u64;

#ifndef __JAILHOUSE_NO_SHORT_TYPES
typedef __s8 s8;
typedef __u8 u8;
typedef __s16 s16;
typedef __u16 u16;
typedef __s32 s32;
typedef __u32 u32;
typedef __s64 s64;
typedef __u64 u64;
#endif
#endif

#endif /* !_JAILHOUSE_TYPES_H */
