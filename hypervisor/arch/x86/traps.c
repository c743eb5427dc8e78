// SPDX-License-Identifier: GPL-2.0
/*
 * Exceptions in host mode. The hypervisor itself must never fault; if it
 * does, the report below says where and why, and the CPU stops (never a
 * silent hang or a triple fault). An NMI that arrives while the CPU is in
 * host mode belongs to the guest and is handed on at the next VM entry.
 */
#include <jailhouse/control.h>
#include <jailhouse/percpu.h>
#include <jailhouse/printk.h>
#include <asm/entry.h>
#include <asm/processor.h>
#include <asm/vcpu.h>

static const char *const exception_names[NUM_EXCEPTION_VECTORS] = {
	[DE_VECTOR] = "#DE divide error",
	[DB_VECTOR] = "#DB debug",
	[NMI_VECTOR] = "NMI",
	[BP_VECTOR] = "#BP breakpoint",
	[4] = "#OF overflow",
	[5] = "#BR bound range",
	[UD_VECTOR] = "#UD invalid opcode",
	[NM_VECTOR] = "#NM device not available",
	[DF_VECTOR] = "#DF double fault",
	[TS_VECTOR] = "#TS invalid TSS",
	[NP_VECTOR] = "#NP segment not present",
	[SS_VECTOR] = "#SS stack fault",
	[GP_VECTOR] = "#GP general protection",
	[PF_VECTOR] = "#PF page fault",
	[16] = "#MF x87 error",
	[AC_VECTOR] = "#AC alignment check",
	[MC_VECTOR] = "#MC machine check",
	[19] = "#XM SIMD error",
	[20] = "#VE virtualization",
	[21] = "#CP control protection",
};

static void dump_registers(const struct exception_frame *f)
{
	const union registers *r = &f->regs;

	printk(" RIP: %016lx RSP: %016lx FLAGS: %lx CS: %lx\n",
	       f->rip, f->rsp, f->rflags, f->cs);
	printk(" RAX: %016lx RBX: %016lx RCX: %016lx\n", r->rax, r->rbx,
	       r->rcx);
	printk(" RDX: %016lx RSI: %016lx RDI: %016lx\n", r->rdx, r->rsi,
	       r->rdi);
	printk(" RBP: %016lx R8:  %016lx R9:  %016lx\n", r->rbp, r->r8,
	       r->r9);
	printk(" R10: %016lx R11: %016lx R12: %016lx\n", r->r10, r->r11,
	       r->r12);
	printk(" R13: %016lx R14: %016lx R15: %016lx\n", r->r13, r->r14,
	       r->r15);
	printk(" CR0: %016lx CR2: %016lx CR3: %016lx CR4: %016lx\n",
	       read_cr0(), read_cr2(), read_cr3(), read_cr4());
}

void x86_exception_handler(struct exception_frame *frame)
{
	const char *name = frame->vector < NUM_EXCEPTION_VECTORS &&
		exception_names[frame->vector] ?
		exception_names[frame->vector] : "reserved exception";

	if (frame->vector == NMI_VECTOR) {
		/*
		 * NMIs run on the per-CPU event stack (IST): find this CPU's
		 * data from there, GS may be Linux's while leaving VMX.
		 */
		struct per_cpu *cpu_data = container_of((void *)((unsigned long)
				frame & PAGE_MASK), struct per_cpu,
				arch.event_stack);

		vcpu_nmi_received(cpu_data);
		return;
	}

	printk("FATAL: Unhandled %s (vector %lu, error code %#lx) in the hypervisor on CPU %u\n",
	       name, frame->vector, frame->error,
	       this_cpu_data()->cpu_id);
	if (frame->vector == PF_VECTOR)
		printk(" Page fault %s at address %#lx%s\n",
		       frame->error & 2 ? "writing" : "reading", read_cr2(),
		       frame->error & 1 ? " (protection)" : " (not present)");
	dump_registers(frame);
	panic_stop();
}
