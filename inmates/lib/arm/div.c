// SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause)
/*
 * 64-bit division for ARMv7, which has no such instruction. Called through
 * the EABI wrappers in header.S; shift-and-subtract, fast enough for
 * printk and timer arithmetic.
 */
#include <inmate.h>

u64 udivmod64(u64 n, u64 d, u64 *rem)
{
	u64 quotient = 0, bit = 1;

	if (d == 0) {
		*rem = n;
		return ~0ULL;
	}
	while (d < n && !(d & (1ULL << 63))) {
		d <<= 1;
		bit <<= 1;
	}
	while (bit) {
		if (n >= d) {
			n -= d;
			quotient |= bit;
		}
		d >>= 1;
		bit >>= 1;
	}
	*rem = n;
	return quotient;
}

s64 sdivmod64(s64 n, s64 d, s64 *rem)
{
	u64 un = n < 0 ? 0ULL - (u64)n : (u64)n;
	u64 ud = d < 0 ? 0ULL - (u64)d : (u64)d;
	u64 uq, ur;

	uq = udivmod64(un, ud, &ur);
	*rem = n < 0 ? -(s64)ur : (s64)ur;
	return (n < 0) != (d < 0) ? -(s64)uq : (s64)uq;
}
