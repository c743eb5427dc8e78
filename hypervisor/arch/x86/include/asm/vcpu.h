/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The guest side of a CPU: VMX setup (vmx.c), VM-exit handling
 * (vmexit.c), guest memory access and instruction decoding
 * (mmio_decode.c), and cross-CPU requests (control.c).
 */
#ifndef _JAILHOUSE_ASM_VCPU_H
#define _JAILHOUSE_ASM_VCPU_H

#include <jailhouse/utils.h>
#include <asm/cpu_state.h>
#include <asm/regs.h>

struct per_cpu;
struct cell;

/* --- vmx.c ------------------------------------------------------------ */

/* Global: the VMX features we rely on, with a clear error if missing. */
int vcpu_check_features(void);
/* VMXON and a VMCS holding Linux's state; proves VM entry works. */
int vcpu_init(struct per_cpu *cpu_data);
/* VMCLEAR and VMXOFF, CR4.VMXE cleared; harmless if never initialized. */
void vcpu_exit(struct per_cpu *cpu_data);
/* Resume Linux as a guest (after a successful enable). */
void __noreturn vcpu_activate(struct per_cpu *cpu_data);
/* Continue the guest with the registers of the current exit. */
void __noreturn vcpu_resume(struct per_cpu *cpu_data);

/* The guest's current state in native form (for leaving VMX). */
void vcpu_read_native_state(struct native_state *state);
unsigned long vcpu_guest_rip(void);
unsigned long vcpu_guest_rsp(void);

/* Guest state the exit handlers need. */
unsigned int vcpu_guest_cpl(void);
bool vcpu_guest_is_64bit(void);
unsigned long vcpu_guest_cr0(void);
unsigned long vcpu_guest_cr4(void);
/* After an exit: drop SMI blocking (emulator quirk, see vmx.c). */
void vcpu_clear_smi_blocking(void);
/* After an exit: keep the IA-32e mode entry control in line with EFER. */
void vcpu_sync_long_mode(void);
/* Set the guest's CR0/CR4 as it asked (masked bits handled). */
bool vcpu_set_guest_cr0(unsigned long value);
bool vcpu_set_guest_cr4(unsigned long value);

/* Switch the cell's EPT / bitmaps into this CPU's VMCS. */
void vcpu_load_cell(struct cell *cell);
/* registers VMX does not switch: reset when the CPU changes owner */
void vcpu_reset_unswitched_state(void);
/* Put the guest into the wait-for-SIPI state (parking, INIT). */
void vcpu_wait_for_sipi(void);
/* Architectural state after INIT/SIPI: real mode at vector * 0x1000. */
void vcpu_start_sipi(unsigned int vector);
/* A cell's boot CPU: real mode at the cell's reset address. */
void vcpu_start_at(u64 address);

/* Complete an emulated instruction (by its exit-reported / own length). */
void vcpu_skip_instruction(void);
void vcpu_advance_rip(unsigned int length);
void vcpu_inject_exception(unsigned int vector, bool has_error, u32 error);
void vcpu_inject_gp(void);
void vcpu_inject_ud(void);

/* Register access by number, RSP included (REG_* numbers). */
unsigned long vcpu_get_reg(union registers *regs, unsigned int reg);
void vcpu_set_reg(union registers *regs, unsigned int reg,
		  unsigned long value);

/* --- vmexit.c, called from entry.S ----------------------------------------- */

void vmx_handle_exit(union registers *regs);
void __noreturn vmx_entry_failure(union registers *regs);

/* --- paging.c: per-CPU window onto guest memory -------------------------- */

int guest_window_init(struct per_cpu *cpu_data);
void *guest_window_map(unsigned int slot, u64 phys, bool writable);

/* --- control.c ----------------------------------------------------------- */

/* Requests one CPU makes to another (bits in per_cpu_arch.requests). */
#define VCPU_REQ_FLUSH_EPT	0	/* the cell's EPT changed */
#define VCPU_REQ_INIT		1	/* the guest sent INIT */
#define VCPU_REQ_SIPI		2	/* the guest sent SIPI (sipi_vector) */
#define VCPU_REQ_RESET		3	/* start the CPU afresh in its cell */
#define VCPU_REQ_PARK		4	/* stop the CPU (cell shut down) */

/* An NMI arrived on this CPU: a kick, or the guest's (see control.c). */
void vcpu_nmi_received(struct per_cpu *cpu_data);

/* Set a request for a CPU and make sure it sees it. */
void vcpu_request(unsigned int cpu, unsigned int request);

void hv_tlb_generation_bump(void);

/* Before every VM entry: act on requests of other CPUs and late events. */
void vcpu_handle_requests(struct per_cpu *cpu_data);

/* --- setup.c ------------------------------------------------------------- */

bool trampoline_contains(unsigned long virt, unsigned long len);

#endif /* !_JAILHOUSE_ASM_VCPU_H */
