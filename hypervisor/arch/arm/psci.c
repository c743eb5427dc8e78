// SPDX-License-Identifier: GPL-2.0
/*
 * PSCI 0.2 for guests (SMC conduit, trapped by HCR.TSC). A cell may power
 * its own CPUs off and on; a CPU that is "off" waits in HYP mode for a
 * CPU_ON from a CPU of the same cell. Only the root cell, alone on the
 * machine, may power the system off or reset it; that call goes on to the
 * firmware. Anything else is refused with a PSCI error code.
 */
#include <jailhouse/cell.h>
#include <jailhouse/printk.h>
#include <asm/arm.h>
#include <asm/processor.h>
#include <asm/spinlock.h>

#define PSCI_VERSION			0x84000000
#define PSCI_CPU_SUSPEND		0x84000001
#define PSCI_CPU_OFF			0x84000002
#define PSCI_CPU_ON			0x84000003
#define PSCI_CPU_ON_64			0xc4000003
#define PSCI_AFFINITY_INFO		0x84000004
#define PSCI_AFFINITY_INFO_64		0xc4000004
#define PSCI_MIGRATE_INFO_TYPE		0x84000006
#define PSCI_SYSTEM_OFF			0x84000008
#define PSCI_SYSTEM_RESET		0x84000009

#define PSCI_FN_MASK			0xbfffffe0	/* SMC32 and SMC64 */
#define PSCI_FN_BASE			0x84000000

#define PSCI_SUCCESS			0
#define PSCI_NOT_SUPPORTED		(-1)
#define PSCI_INVALID_PARAMETERS		(-2)
#define PSCI_DENIED			(-3)
#define PSCI_ALREADY_ON			(-4)
#define PSCI_ON_PENDING			(-5)

#define PSCI_VERSION_0_2		0x00000002
#define PSCI_MIGRATE_NOT_REQUIRED	2

static DEFINE_SPINLOCK(psci_lock);

static struct per_cpu *cpu_by_mpidr(struct cell *cell, u32 mpidr)
{
	unsigned int cpu;

	for (cpu = first_cpu(cell->cpu_set); cpu < MAX_CPUS;
	     cpu = next_cpu(cpu, cell->cpu_set))
		if (per_cpu(cpu)->initialized &&
		    per_cpu(cpu)->arch.mpidr == (mpidr & MPIDR_AFFINITY_MASK))
			return per_cpu(cpu);
	return NULL;
}

static long psci_cpu_on(struct per_cpu *caller, u32 mpidr, u32 entry,
			u32 context)
{
	struct per_cpu *target = cpu_by_mpidr(caller->cell, mpidr);
	long result = PSCI_SUCCESS;

	if (!target)
		return PSCI_INVALID_PARAMETERS;
	/* a CPU parked after a fault stays off until its cell restarts */
	if (target->failed)
		return PSCI_DENIED;

	spin_lock(&psci_lock);
	if (target->arch.psci_state == PSCI_CPU_IS_ON) {
		result = PSCI_ALREADY_ON;
	} else if (target->arch.psci_state == PSCI_CPU_IS_ON_PENDING) {
		result = PSCI_ON_PENDING;
	} else {
		target->arch.psci_entry = entry;
		target->arch.psci_context = context;
		target->arch.psci_state = PSCI_CPU_IS_ON_PENDING;
	}
	spin_unlock(&psci_lock);

	if (result == PSCI_SUCCESS)
		gic_send_kick(target->cpu_id);
	return result;
}

static long psci_affinity_info(struct per_cpu *caller, u32 mpidr, u32 level)
{
	struct per_cpu *target = cpu_by_mpidr(caller->cell, mpidr);

	if (level != 0 || !target)
		return PSCI_INVALID_PARAMETERS;
	return target->arch.psci_state;
}

/* Start the guest CPU like a reset would, in SVC mode at entry. */
void arm_start_guest(struct trap_frame *frame, u32 entry, u32 context)
{
	unsigned int n;

	for (n = 0; n < ARRAY_SIZE(frame->r); n++)
		frame->r[n] = 0;
	frame->lr = 0;
	frame->r[0] = context;
	arm_write_sysreg(SCTLR, SCTLR_RESET_VALUE);
	write_elr_hyp(entry & ~1U);
	write_spsr_hyp(PSR_MODE_SVC | PSR_A | PSR_I | PSR_F |
		       ((entry & 1) ? PSR_T : 0));
}

void psci_set_off(struct per_cpu *cpu_data)
{
	spin_lock(&psci_lock);
	cpu_data->arch.psci_state = PSCI_CPU_IS_OFF;
	spin_unlock(&psci_lock);
}

void psci_set_on(struct per_cpu *cpu_data)
{
	spin_lock(&psci_lock);
	cpu_data->arch.psci_state = PSCI_CPU_IS_ON;
	spin_unlock(&psci_lock);
}

/* An off CPU named by a CPU_ON starts at its entry (does not return). */
void psci_try_wake(struct per_cpu *cpu_data)
{
	struct per_cpu_arch *arch = &cpu_data->arch;
	struct trap_frame *frame = arm_guest_frame(cpu_data);

	memory_barrier();
	if (arch->psci_state != PSCI_CPU_IS_ON_PENDING)
		return;
	arm_start_guest(frame, arch->psci_entry, arch->psci_context);
	spin_lock(&psci_lock);
	arch->psci_state = PSCI_CPU_IS_ON;
	cpu_data->stopped = false;
	spin_unlock(&psci_lock);
	arm_activate(frame);
}

/* The guest CPU is off: wait in HYP mode until a CPU_ON names it. */
static void __noreturn psci_cpu_off(struct per_cpu *cpu_data)
{
	spin_lock(&psci_lock);
	cpu_data->arch.psci_state = PSCI_CPU_IS_OFF;
	cpu_data->stopped = true;
	spin_unlock(&psci_lock);

	gic_cpu_reset_virtual(cpu_data);
	arm_cpu_off_loop(cpu_data);
}

/* Power off or reset the machine through the firmware. */
static long firmware_call(u32 function)
{
	register u32 r0 asm("r0") = function;

	asm volatile(".arch_extension sec\n\tsmc #0"
		     : "+r" (r0) : : "r1", "r2", "r3", "memory");
	return (s32)r0;
}

static long system_call(struct per_cpu *cpu_data, u32 function)
{
	if (cpu_data->cell != &root_cell || num_cells > 1)
		return PSCI_DENIED;
	printk("Root cell requests system %s\n",
	       function == PSCI_SYSTEM_OFF ? "power-off" : "reset");
	return firmware_call(function);
}

bool psci_handle_smc(struct per_cpu *cpu_data, struct trap_frame *frame)
{
	u32 function = frame->r[0];
	long result;

	if ((function & PSCI_FN_MASK) != PSCI_FN_BASE) {
		cpu_stats_inc(cpu_data, JAILHOUSE_CPU_STAT_VMEXITS_SMCCC);
		frame->r[0] = (u32)PSCI_NOT_SUPPORTED;
		return true;
	}
	cpu_stats_inc(cpu_data, JAILHOUSE_CPU_STAT_VMEXITS_PSCI);

	switch (function) {
	case PSCI_VERSION:
		result = PSCI_VERSION_0_2;
		break;
	case PSCI_CPU_OFF:
		psci_cpu_off(cpu_data);
	case PSCI_CPU_ON:
	case PSCI_CPU_ON_64:
		result = psci_cpu_on(cpu_data, frame->r[1], frame->r[2],
				     frame->r[3]);
		break;
	case PSCI_AFFINITY_INFO:
	case PSCI_AFFINITY_INFO_64:
		result = psci_affinity_info(cpu_data, frame->r[1],
					    frame->r[2]);
		break;
	case PSCI_MIGRATE_INFO_TYPE:
		result = PSCI_MIGRATE_NOT_REQUIRED;
		break;
	case PSCI_SYSTEM_OFF:
	case PSCI_SYSTEM_RESET:
		result = system_call(cpu_data, function);
		break;
	default:
		result = PSCI_NOT_SUPPORTED;
		break;
	}
	frame->r[0] = (u32)result;
	return true;
}
