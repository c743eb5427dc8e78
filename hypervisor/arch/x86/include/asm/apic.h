/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Local APIC: the guest's accesses (xAPIC page, x2APIC ICR), IPIs checked
 * against the sender's cell, and the hypervisor's own CPU kicks.
 */
#ifndef _JAILHOUSE_ASM_APIC_H
#define _JAILHOUSE_ASM_APIC_H

#include <jailhouse/mmio.h>

struct per_cpu;
struct cell;

/* xAPIC register offsets (x2APIC MSR = 0x800 + offset / 16) */
#define APIC_REG_ID		0x020
#define APIC_REG_EOI		0x0b0
#define APIC_REG_LDR		0x0d0
#define APIC_REG_DFR		0x0e0
#define APIC_REG_ICR		0x300
#define APIC_REG_ICR_HI		0x310

/* ICR fields */
#define APIC_ICR_VECTOR_MASK	0x000ff
#define APIC_ICR_DLVR_MASK	0x00700
#define APIC_ICR_DLVR_FIXED	0x00000
#define APIC_ICR_DLVR_LOWPRI	0x00100
#define APIC_ICR_DLVR_SMI	0x00200
#define APIC_ICR_DLVR_NMI	0x00400
#define APIC_ICR_DLVR_INIT	0x00500
#define APIC_ICR_DLVR_SIPI	0x00600
#define APIC_ICR_DLVR_EXTINT	0x00700
#define APIC_ICR_DEST_LOGICAL	0x00800
#define APIC_ICR_PENDING	0x01000
#define APIC_ICR_LEVEL_ASSERT	0x04000
#define APIC_ICR_TRIGGER_LEVEL	0x08000
#define APIC_ICR_SHORTHAND_MASK	0xc0000
#define APIC_ICR_SH_NONE	0x00000
#define APIC_ICR_SH_SELF	0x40000
#define APIC_ICR_SH_ALL		0x80000
#define APIC_ICR_SH_OTHERS	0xc0000

int apic_init(void);
int apic_cpu_init(struct per_cpu *cpu_data);
void apic_shutdown(void);
void apic_print_mode(void);
/* Clean up this CPU's APIC before it runs a new cell (see apic.c). */
void apic_cpu_reset(void);

/* This CPU's APIC timer, for calibration (masked, divider 1). */
void apic_timer_start_free_running(void);
u32 apic_timer_count(void);
void apic_timer_stop(void);

/* Physical (and guest-physical) address of the xAPIC page. */
u64 apic_xapic_phys(void);
bool apic_is_xapic_page(u64 gpa);
enum mmio_result xapic_access(struct mmio_access *access);
bool x2apic_icr_write(u64 value);
bool apic_send_cell_irq(struct cell *cell, u32 dest, bool logical,
			bool lowest_priority, unsigned int vector);
bool apic_base_write(u64 value);
/* Cells run their APICs in x2APIC mode (else: x2APIC MSRs emulated). */
bool apic_cells_in_x2apic_mode(void);
bool x2apic_msr_on_xapic(u32 msr, u64 *value, bool is_write);

/* Make a CPU leave guest mode so that it looks at its requests. */
void apic_kick_cpu(unsigned int cpu);

#endif /* !_JAILHOUSE_ASM_APIC_H */
