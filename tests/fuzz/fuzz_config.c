// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target for the config validator. The input is checked as a
 * system image and as a cell image. If it holds a structurally valid
 * system followed by a structurally valid cell (split at the offset in
 * the input's last two bytes), the cross checks run as well.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jailhouse/config_check.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* format every message, so bad format arguments show up */
static void sink(void *arg, int severity, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;

	(void)arg;
	(void)severity;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
}

static int valid(unsigned int (*check)(struct jh_check *, const void *,
				       __u64),
		 const void *image, size_t size)
{
	struct jh_check chk = { .report = sink };

	return check(&chk, image, size) == 0 && chk.errors == 0;
}

static void cross_checks(const uint8_t *data, size_t size)
{
	const struct jailhouse_cell_desc *cells[2];
	struct jh_check chk = { .report = sink };
	size_t split;
	uint8_t *sys, *cell;

	if (size < 4)
		return;
	split = data[size - 2] | (size_t)data[size - 1] << 8;
	size -= 2;
	if (split == 0 || split >= size)
		return;
	/* separate, exactly sized copies so ASan sees any overrun */
	sys = malloc(split);
	cell = malloc(size - split);
	if (!sys || !cell)
		goto out;
	memcpy(sys, data, split);
	memcpy(cell, data + split, size - split);
	if (!valid(jh_check_system_image, sys, split) ||
	    !valid(jh_check_cell_image, cell, size - split))
		goto out;
	jh_check_cell_in_system(&chk, (void *)sys, (void *)cell);
	cells[0] = (void *)cell;
	cells[1] = &((struct jailhouse_system *)sys)->root_cell;
	jh_check_cells_disjoint(&chk, cells, 2);
out:
	free(sys);
	free(cell);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct jh_check chk = { .report = sink };
	uint8_t *copy = malloc(size ? size : 1);

	if (!copy)
		return 0;
	memcpy(copy, data, size);
	jh_check_system_image(&chk, copy, size);
	jh_check_cell_image(&chk, copy, size);
	free(copy);
	cross_checks(data, size);
	return 0;
}
