/* SPDX-License-Identifier: GPL-2.0 */
/* Interfaces between the files of the ARM arch part. */
#ifndef _ASM_ARM_H
#define _ASM_ARM_H

#include <jailhouse/utils.h>
#include <asm/processor.h>

struct per_cpu;
struct cell;

/* entry.S */
extern u8 hyp_vectors[], arm_leave_identity[];
void __noreturn arm_activate(struct trap_frame *frame);
void __noreturn arm_leave_hyp(u32 frame_phys, u32 hvbar, u32 hsctlr,
			      u32 leave_phys);

/* setup.c */
void __noreturn arm_entry_c(unsigned int cpu_id, struct per_cpu *cpu_data,
			    u32 stub_hsctlr);
struct trap_frame *arm_guest_frame(struct per_cpu *cpu_data);
void __noreturn arm_hyp_fault(struct trap_frame *frame, unsigned int kind);
void arm_dcache_clean_range(const void *start, unsigned long size);

/* traps.c */
void arm_set_wfi_trap(struct per_cpu *cpu_data);
void arm_handle_trap(struct trap_frame *frame);
void arm_handle_irq(struct trap_frame *frame);
u32 arm_guest_reg(struct trap_frame *frame, unsigned int reg);
void arm_set_guest_reg(struct trap_frame *frame, unsigned int reg, u32 val);
void arm_skip_instruction(u32 hsr);
bool arm_condition_passed(u32 hsr);

/* gic.c */
int gic_cpu_init(struct per_cpu *cpu_data);
void gic_cpu_exit(struct per_cpu *cpu_data);
void gic_handle_irqs(struct per_cpu *cpu_data);
void gic_drop_pending_irqs(void);
void gic_send_kick(unsigned int cpu);
bool gic_inject_virtual_spi(struct cell *cell, unsigned int irq);
void gic_cpu_reset_virtual(struct per_cpu *cpu_data);
void gic_refresh_physical(void);

/* psci.c */
/* false if the guest continues elsewhere (CPU_OFF -> CPU_ON) */
bool psci_handle_smc(struct per_cpu *cpu_data, struct trap_frame *frame);
void arm_start_guest(struct trap_frame *frame, u32 entry, u32 context);
void psci_set_off(struct per_cpu *cpu_data);
void psci_set_on(struct per_cpu *cpu_data);
void psci_try_wake(struct per_cpu *cpu_data);

/* control.c */
/* after a physical interrupt from guest mode: suspend, reset, park */
void arm_check_requests(struct per_cpu *cpu_data, struct trap_frame *frame);
/* no guest code to run: wait for CPU_ON or a request of the core */
void __noreturn arm_cpu_off_loop(struct per_cpu *cpu_data);

/* handover.c: every PL1/PL0 register to its reset value */
void arm_reset_guest_state(void);

/* mmu_cell.c */
void arm_cell_load_stage2(struct cell *cell);

#endif /* !_ASM_ARM_H */
