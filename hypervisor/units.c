// SPDX-License-Identifier: GPL-2.0
/* Walking the unit descriptors (see jailhouse/unit.h). */
#include <jailhouse/printk.h>
#include <jailhouse/unit.h>

int units_init(void)
{
	const struct unit *unit;
	int err;

	for (unit = __units_start; unit < __units_end; unit++) {
		err = unit->init();
		if (err) {
			printk("ERROR: %s initialisation failed (%d)\n",
			       unit->name, err);
			/* shut down the ones that came up, in reverse order */
			while (unit-- > __units_start)
				unit->shutdown();
			return err;
		}
	}
	return 0;
}

void units_shutdown(void)
{
	const struct unit *unit;

	for (unit = __units_end - 1; unit >= __units_start; unit--)
		unit->shutdown();
}

unsigned int units_mmio_count_regions(struct cell *cell)
{
	const struct unit *unit;
	unsigned int count = 0;

	for (unit = __units_start; unit < __units_end; unit++)
		count += unit->mmio_count_regions(cell);
	return count;
}

int units_cell_init(struct cell *cell)
{
	const struct unit *unit;
	int err;

	for (unit = __units_start; unit < __units_end; unit++) {
		err = unit->cell_init(cell);
		if (err) {
			while (unit-- > __units_start)
				unit->cell_exit(cell);
			return err;
		}
	}
	return 0;
}

void units_cell_exit(struct cell *cell)
{
	const struct unit *unit;

	for (unit = __units_end - 1; unit >= __units_start; unit--)
		unit->cell_exit(cell);
}
