/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ARMv7 firmware entry through the stock kernel's hyp stub
 * (HVC_SOFT_RESTART). Register protocol: asm/jailhouse_header.h.
 */
#include <linux/linkage.h>
#include <asm/assembler.h>

#include <asm/jailhouse_header.h>

	.arch_extension virt
	.text

/*
 * int jh_arm_enter_firmware(u32 entry_phys, u32 cpu, u32 hv_phys);
 *
 * Interrupts are off. The firmware may clobber r1-r12; SP and LR of SVC
 * mode are banked and survive HYP mode.
 */
ENTRY(jh_arm_enter_firmware)
	push	{r4-r12, lr}
	mov	r3, r2			@ physical address of the header
	mov	r2, r1			@ Linux CPU number
	mov	r1, r0			@ physical address of the entry
	mov	r0, #JAILHOUSE_ARM_HVC_SOFT_RESTART
	hvc	#0
	pop	{r4-r12, pc}		@ r0: 0 or -errno
ENDPROC(jh_arm_enter_firmware)
