/* SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause) */
/*
 * ARMv7 part of the driver <-> firmware contract (see header.h and
 * Documentation/driver.md, "ARM entry").
 *
 * The driver enters the firmware on each CPU through the stock kernel's
 * hyp stub: "hvc #0" with r0 = JAILHOUSE_ARM_HVC_SOFT_RESTART and
 * r1 = physical address of the entry (hypervisor_memory.phys_start +
 * header.entry). The stub branches there in HYP mode, HYP MMU and caches
 * off, IRQs masked, ELR_hyp/SPSR_hyp pointing back into the driver.
 *
 *   r0   JAILHOUSE_ARM_HVC_SOFT_RESTART (1)
 *   r1   physical address of the entry
 *   r2   Linux CPU number
 *   r3   physical address of the hypervisor memory (header)
 *
 * The driver has cleaned and invalidated the data cache to PoC over the
 * whole hypervisor memory and invalidated the instruction cache. The
 * firmware may clobber r1-r12 and LR_usr/SP_usr; it returns with "eret"
 * (to ELR_hyp, SPSR_hyp as found, or as a guest) and r0 = 0 or -errno.
 * Every CPU returns the same value. A failing firmware leaves HVBAR,
 * HCR, HSCTLR and the stage-2 state as it found them.
 *
 * The DISABLE hypercall ("hvc #0x4a48", r0 = JAILHOUSE_HC_DISABLE)
 * returns on each CPU in SVC mode with r0 = 0 and the stub's HVBAR (and
 * HSCTLR/HCR) restored, so a later enable uses the stub again.
 */
#ifndef _JAILHOUSE_ASM_HEADER_H
#define _JAILHOUSE_ASM_HEADER_H

/* hyp stub call of the stock kernel: branch to r1 in HYP mode */
#define JAILHOUSE_ARM_HVC_SOFT_RESTART	1
/* what the stub answers to calls it refuses */
#define JAILHOUSE_ARM_HVC_STUB_ERR	0xbadca11

/* header.arch_params[] are unused on ARMv7 and zero. */

#endif /* !_JAILHOUSE_ASM_HEADER_H */
