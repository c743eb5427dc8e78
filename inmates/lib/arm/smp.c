// SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause)
/*
 * Starting further CPUs of the cell with PSCI CPU_ON, which the hypervisor
 * emulates (PSCI 0.2, SMC conduit). A started CPU enters at arm_smp_entry
 * (header.S) with MMU and caches off, switches them on with the boot CPU's
 * table, takes the stacks prepared here and reports back before it runs
 * the caller's function. When that returns, the CPU powers itself off
 * (CPU_OFF) and may be started again. One start at a time.
 */
#include <inmate.h>

#define PSCI_CPU_OFF		0x84000002
#define PSCI_CPU_ON		0x84000003
#define PSCI_AFFINITY_INFO	0x84000004

#define AP_STACK_SIZE		4096
#define AP_IRQ_STACK_SIZE	1024
#define AP_START_TIMEOUT_US	100000

/* read by arm_smp_entry with caches off: layout fixed */
struct arm_smp_boot {
	u32 stack_top;
	u32 irq_stack_top;
};

static u8 ap_stacks[SMP_MAX_CPUS - 1][AP_STACK_SIZE] __aligned(16);
static struct arm_smp_boot ap_boot __aligned(64);
static void (*ap_function)(unsigned int index);
static volatile unsigned int ap_index;
static volatile bool ap_running;
static unsigned int cpus_started = 1;

static long psci_call(u32 function, u32 arg1, u32 arg2, u32 arg3)
{
	register u32 r0 asm("r0") = function;
	register u32 r1 asm("r1") = arg1;
	register u32 r2 asm("r2") = arg2;
	register u32 r3 asm("r3") = arg3;

	asm volatile(".arch_extension sec\n\tsmc #0"
		     : "+r" (r0), "+r" (r1), "+r" (r2), "+r" (r3)
		     : : "memory");
	return (s32)r0;
}

void arm_smp_c_entry(void)
{
	unsigned int index = ap_index;
	void (*function)(unsigned int index) = ap_function;

	ap_running = true;
	memory_barrier();
	function(index);
	psci_call(PSCI_CPU_OFF, 0, 0, 0);
	stop();		/* CPU_OFF does not return unless refused */
}

int smp_start_cpu(u32 mpidr, void (*entry)(unsigned int index))
{
	u8 *stack = ap_stacks[cpus_started - 1];
	unsigned int waited;
	long err;

	if (cpus_started >= SMP_MAX_CPUS)
		return -1;

	ap_index = cpus_started;
	ap_function = entry;
	ap_running = false;
	ap_boot.stack_top = (unsigned long)&stack[AP_STACK_SIZE];
	ap_boot.irq_stack_top = (unsigned long)&stack[AP_IRQ_STACK_SIZE];
	arm_dcache_clean(&ap_boot, sizeof(ap_boot));
	memory_barrier();

	err = psci_call(PSCI_CPU_ON, mpidr, (unsigned long)arm_smp_entry,
			(unsigned long)&ap_boot);
	if (err) {
		printk("PSCI CPU_ON for MPIDR 0x%x failed: %ld\n", mpidr, err);
		return -1;
	}
	for (waited = 0; !ap_running; waited += 10) {
		if (waited >= AP_START_TIMEOUT_US)
			return -1;
		delay_us(10);
	}
	return cpus_started++;
}

int smp_cpu_state(u32 mpidr)
{
	return psci_call(PSCI_AFFINITY_INFO, mpidr, 0, 0);
}
