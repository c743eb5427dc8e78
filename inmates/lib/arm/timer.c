// SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause)
/*
 * ARM generic timer, EL1 virtual view: CNTVCT counts, CNTV_CVAL compares,
 * PPI 11 (TIMER_IRQ) fires. CNTFRQ was set up by firmware.
 */
#include <inmate.h>

#define CNTV_CTL_ENABLE		0x1
#define CNTV_CTL_IMASK		0x2

static u64 frequency;

void timer_init(void)
{
	frequency = arm_read_cp15(0, c14, c0, 0);
}

u64 timer_get_frequency(void)
{
	if (!frequency)
		timer_init();
	return frequency;
}

u64 timer_ticks(void)
{
	instruction_barrier();
	return arm_read_cp15_64(1, c14);
}

void timer_start_at(u64 deadline)
{
	arm_write_cp15_64(3, c14, deadline);
	arm_write_cp15(0, c14, c3, 1, CNTV_CTL_ENABLE);
	instruction_barrier();
}

void timer_stop(void)
{
	arm_write_cp15(0, c14, c3, 1, CNTV_CTL_IMASK);
	instruction_barrier();
}
