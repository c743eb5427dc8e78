/* SPDX-License-Identifier: GPL-2.0 */
/* ARMv7 firmware entry (arm-entry.S), called from arm.c only. */
#ifndef _JAILHOUSE_DRIVER_ARM_ENTRY_H
#define _JAILHOUSE_DRIVER_ARM_ENTRY_H

#include <linux/types.h>

int jh_arm_enter_firmware(u32 entry_phys, u32 cpu, u32 hv_phys);

#endif /* !_JAILHOUSE_DRIVER_ARM_ENTRY_H */
