/* SPDX-License-Identifier: GPL-2.0 */
/* GICv2 register layout (ARM IHI 0048B). */
#ifndef _ASM_GIC_H
#define _ASM_GIC_H

#define GICD_SIZE		0x1000
#define GICC_SIZE		0x2000
#define GICH_SIZE		0x1000

#define GICD_CTLR		0x000
#define GICD_TYPER		0x004
#define GICD_IIDR		0x008
#define GICD_IGROUPR		0x080
#define GICD_ISENABLER		0x100
#define GICD_ICENABLER		0x180
#define GICD_ISPENDR		0x200
#define GICD_ICPENDR		0x280
#define GICD_ISACTIVER		0x300
#define GICD_ICACTIVER		0x380
#define GICD_IPRIORITYR		0x400
#define GICD_ITARGETSR		0x800
#define GICD_ICFGR		0xc00
#define GICD_SGIR		0xf00
#define GICD_CPENDSGIR		0xf10
#define GICD_SPENDSGIR		0xf20
#define GICD_ID_START		0xfd0

#define GICD_SGIR_TARGET_LIST	0
#define GICD_SGIR_TARGET_OTHERS	1
#define GICD_SGIR_TARGET_SELF	2

#define GICC_CTLR		0x00
#define GICC_PMR		0x04
#define GICC_BPR		0x08
#define GICC_IAR		0x0c
#define GICC_EOIR		0x10
#define GICC_RPR		0x14
#define GICC_ABPR		0x1c
#define GICC_DIR		0x1000
#define GICC_CTLR_ENABLE	(1 << 0)
#define GICC_CTLR_EOIMODE	(1 << 9)

#define GICH_HCR		0x00
#define GICH_VTR		0x04
#define GICH_VMCR		0x08
#define GICH_MISR		0x10
#define GICH_ELRSR0		0x30
#define GICH_ELRSR1		0x34
#define GICH_APR		0xf0
#define GICH_LR_BASE		0x100

#define GICH_HCR_EN		(1 << 0)
#define GICH_HCR_UIE		(1 << 1)

#define GICH_VMCR_GRP0EN	(1 << 0)
#define GICH_VMCR_VEM		(1 << 9)
#define GICH_VMCR_ABP_SHIFT	18
#define GICH_VMCR_BP_SHIFT	21
#define GICH_VMCR_PMR_SHIFT	27

#define GICH_LR_VIRT_ID_MASK	0x3ff
#define GICH_LR_PHYS_ID_SHIFT	10
#define GICH_LR_CPUID_SHIFT	10
#define GICH_LR_PRIO_SHIFT	23
#define GICH_LR_PENDING		(1U << 28)
#define GICH_LR_ACTIVE		(1U << 29)
#define GICH_LR_STATE_MASK	(3U << 28)
#define GICH_LR_HW		(1U << 31)

#define GIC_SPURIOUS_FIRST	1020
#define GIC_IDLE_PRIORITY	0xff
#define GIC_DEFAULT_PRIORITY	0xa0

/* the SGI the hypervisor uses between CPUs; guests cannot send it */
#define SGI_HV_KICK		15

#endif /* !_ASM_GIC_H */
