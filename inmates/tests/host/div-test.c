// SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause)
/*
 * Host test of the ARM library's 64-bit division helpers (lib/arm/div.c,
 * plain C), against the host's native division.
 */
#include <stdio.h>

#include "check.h"
#include "jh-lib.h"

typedef unsigned long long u64;
typedef long long s64;

static u64 next_random(u64 *state)
{
	*state ^= *state << 13;
	*state ^= *state >> 7;
	*state ^= *state << 17;
	return *state;
}

int main(void)
{
	static const u64 edge[] = {
		0, 1, 2, 3, 7, 10, 1000, 0xffffffffULL, 0x100000000ULL,
		62500000, 1000000000, 0x8000000000000000ULL, ~0ULL,
	};
	unsigned int i, j, bad_u = 0, bad_s = 0;
	u64 state = 0x9e3779b97f4a7c15ULL, n, d, q, r;
	s64 sq, sr;

	for (i = 0; i < ARRAY_SIZE(edge); i++)
		for (j = 1; j < ARRAY_SIZE(edge); j++) {
			q = udivmod64(edge[i], edge[j], &r);
			if (q != edge[i] / edge[j] || r != edge[i] % edge[j])
				bad_u++;
		}
	for (i = 0; i < 100000; i++) {
		n = next_random(&state) >> (i % 64);
		d = next_random(&state) >> ((i * 7) % 64);
		if (!d)
			continue;
		q = udivmod64(n, d, &r);
		if (q != n / d || r != n % d)
			bad_u++;
		if ((s64)d == -1)
			continue;
		sq = sdivmod64((s64)n, (s64)d, &sr);
		if (sq != (s64)n / (s64)d || sr != (s64)n % (s64)d)
			bad_s++;
	}
	check_report(bad_u == 0, "arm_div_udivmod64", "wrong quotient/remainder");
	check_report(bad_s == 0, "arm_div_sdivmod64", "wrong quotient/remainder");
	return check_exit_code();
}
