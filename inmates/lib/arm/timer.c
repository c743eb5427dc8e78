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
	frequency = arm_read_cntfrq();
}

u64 timer_get_frequency(void)
{
	if (!frequency)
		timer_init();
	return frequency;
}

u64 timer_ticks(void)
{
	return arm_read_cntvct();
}

void timer_start_at(u64 deadline)
{
	arm_write_cntv_cval(deadline);
	arm_write_cntv_ctl(CNTV_CTL_ENABLE);
}

void timer_stop(void)
{
	arm_write_cntv_ctl(CNTV_CTL_IMASK);
}
