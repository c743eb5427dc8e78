// SPDX-License-Identifier: GPL-2.0
/*
 * Bringing an x86 CPU into the hypervisor and back out: the C side of
 * arch_entry, the host environment (GDT, IDT, TSS, GS base), the global
 * and per-CPU init hooks and the way back to Linux.
 */
#include <jailhouse/arch.h>
#include <jailhouse/cell.h>
#include <jailhouse/control.h>
#include <jailhouse/errno.h>
#include <jailhouse/header.h>
#include <jailhouse/image.h>
#include <jailhouse/printk.h>
#include <jailhouse/string.h>
#include <jailhouse/uart.h>
#include <asm/apic.h>
#include <asm/cpu_state.h>
#include <asm/entry.h>
#include <asm/jailhouse_header.h>
#include <asm/paging.h>
#include <asm/vcpu.h>

#define GDT_CODE64	0x00af9b000000ffffULL	/* L, P, DPL 0, exec/read */
#define GDT_DATA	0x00cf93000000ffffULL	/* P, DPL 0, read/write */

#define IDT_GATE_INTERRUPT	0x8e00	/* P, DPL 0, 64-bit interrupt gate */

struct idt_gate {
	u16 offset_low;
	u16 selector;
	u16 flags;		/* IST index in bits 0-2 */
	u16 offset_mid;
	u32 offset_high;
	u32 reserved;
} __attribute__((packed));

static struct idt_gate idt[NUM_EXCEPTION_VECTORS] __aligned(16);
static int idt_state;	/* 0: empty, 1: being built, 2: ready */

/* The trampoline pages as the driver described them (arch_params). */
static u64 trampoline_phys;
static unsigned long trampoline_virt, trampoline_size;

static const struct jailhouse_x86_linux_cpu *linux_cpu_state(unsigned int cpu)
{
	const u8 *base = (const u8 *)&hypervisor_header;
	u64 offset = hypervisor_header.arch_params
		[JAILHOUSE_X86_PARAM_CPU_STATE_OFFSET];

	return (const struct jailhouse_x86_linux_cpu *)(base + offset) + cpu;
}

bool trampoline_contains(unsigned long virt, unsigned long len)
{
	return virt >= trampoline_virt && len <= trampoline_size &&
		virt - trampoline_virt <= trampoline_size - len;
}

static void build_idt(void)
{
	unsigned int vector;

	if (atomic_cmpxchg_int(&idt_state, 0, 1) != 0) {
		while (atomic_read(&idt_state) != 2)
			cpu_relax();
		return;
	}
	for (vector = 0; vector < NUM_EXCEPTION_VECTORS; vector++) {
		unsigned long handler = (unsigned long)exception_stubs +
			vector * EXCEPTION_STUB_SIZE;
		struct idt_gate *gate = &idt[vector];

		gate->offset_low = handler & 0xffff;
		gate->offset_mid = (handler >> 16) & 0xffff;
		gate->offset_high = handler >> 32;
		gate->selector = HOST_CS;
		gate->flags = IDT_GATE_INTERRUPT;
		/* events that may hit at any time get a known-good stack */
		if (vector == NMI_VECTOR || vector == DF_VECTOR ||
		    vector == MC_VECTOR)
			gate->flags |= HOST_IST_EVENTS;
	}
	atomic_set(&idt_state, 2);
}

static void host_tss_descriptor(u64 *gdt, const struct x86_tss *tss)
{
	unsigned long base = (unsigned long)tss;

	gdt[0] = (sizeof(*tss) - 1) | ((base & 0xffffff) << 16) |
		((u64)X86_TSS64_AVAILABLE << 40) | (1ULL << 47) |
		(((u64)base >> 24 & 0xff) << 56);
	gdt[1] = base >> 32;
}

/* Host GDT, TSS, IDT and GS base of this CPU; Linux's tables stay as is. */
static void load_host_environment(struct per_cpu *cpu_data)
{
	struct per_cpu_arch *arch = &cpu_data->arch;
	struct desc_table_reg gdtr = {
		.base = (unsigned long)arch->host_gdt,
		.limit = sizeof(arch->host_gdt) - 1,
	};
	struct desc_table_reg idtr = {
		.base = (unsigned long)idt,
		.limit = sizeof(idt) - 1,
	};

	arch->self = cpu_data;
	arch->host_gdt[0] = 0;
	arch->host_gdt[HOST_CS / 8] = GDT_CODE64;
	arch->host_gdt[HOST_DS / 8] = GDT_DATA;
	host_tss_descriptor(&arch->host_gdt[HOST_TR / 8], &arch->tss);
	arch->tss.ist[HOST_IST_EVENTS - 1] =
		(unsigned long)arch->event_stack + sizeof(arch->event_stack);
	arch->tss.iomap_base = sizeof(arch->tss);

	build_idt();
	load_idt(&idtr);
	load_gdt(&gdtr);
	asm volatile("mov %0,%%ss\n\t"
		     "mov %0,%%ds\n\t"
		     "mov %0,%%es\n\t"
		     "pushq %1\n\t"
		     "leaq 1f(%%rip),%%rax\n\t"
		     "pushq %%rax\n\t"
		     "lretq\n"
		     "1:"
		     : : "r" ((unsigned long)HOST_DS), "i" (HOST_CS)
		     : "rax", "memory");
	load_tr(HOST_TR);
	asm volatile("mov %0,%%fs; mov %0,%%gs" : : "r" (0));
	write_msr(MSR_FS_BASE, 0);
	write_msr(MSR_GS_BASE, (unsigned long)&arch->self);
}

/* Back to the trampoline's return label, natively; see design.md. */
static void __noreturn return_to_linux(struct per_cpu *cpu_data,
				       const struct native_state *state,
				       unsigned long rip, unsigned long rsp,
				       union registers *regs)
{
	struct native_jump *jump = &cpu_data->arch.jump;

	jump->regs = *regs;
	jump->rip = rip;
	jump->rsp = rsp;
	jump->rflags = state->rflags;
	jump->gdtr = state->gdtr;
	jump->idtr = state->idtr;
	native_state_load(state);
	native_jump(jump);
}

/* Entry failed before anything was changed: straight back. */
static void __noreturn early_return(unsigned long label, unsigned long cr3,
				    unsigned long rsp, int err)
{
	asm volatile("jmp *%3"
		: : "a" ((long)err), "S" (cr3), "d" (rsp), "r" (label)
		: "memory");
	__builtin_unreachable();
}

void __noreturn x86_entry(unsigned int cpu_id, unsigned long linux_cr3,
			  unsigned long linux_rsp, unsigned long linux_return,
			  struct per_cpu *cpu_data)
{
	struct per_cpu_arch *arch = &cpu_data->arch;
	int err;

	if (hypervisor_header.arch_params[JAILHOUSE_X86_PARAM_CPU_STATE_SIZE]
	    != sizeof(struct jailhouse_x86_linux_cpu))
		early_return(linux_return, linux_cr3, linux_rsp, -EINVAL);

	/*
	 * A CPU that returns here never reaches the core's barrier. That is
	 * only safe because these errors hit every CPU alike: they depend
	 * on the kernel (paging mode, VMX in use, the driver's calling
	 * context), not on the task a CPU happened to interrupt.
	 */
	memset(arch, 0, sizeof(*arch));
	err = native_state_from_linux(&arch->linux_state,
				      linux_cpu_state(cpu_id), linux_cr3);
	if (err)
		early_return(linux_return, linux_cr3, linux_rsp, err);
	arch->linux_return = linux_return;
	arch->linux_rsp = linux_rsp;

	load_host_environment(cpu_data);

	err = entry(cpu_id, cpu_data);
	if (err)
		arch_cpu_restore(cpu_data, err);

	vcpu_activate(cpu_data);
}

int arch_init_early(void)
{
	int err;

	trampoline_phys = hypervisor_header.arch_params
		[JAILHOUSE_X86_PARAM_TRAMPOLINE_PHYS];
	trampoline_virt = hypervisor_header.arch_params
		[JAILHOUSE_X86_PARAM_TRAMPOLINE_VIRT];
	trampoline_size = hypervisor_header.arch_params
		[JAILHOUSE_X86_PARAM_TRAMPOLINE_SIZE];
	if ((trampoline_phys | trampoline_virt | trampoline_size) &
	    PAGE_OFFS_MASK || trampoline_size == 0) {
		printk("ERROR: invalid trampoline description from the driver\n");
		return -EINVAL;
	}
	/* the way back to Linux must exist in our own address space */
	err = paging_create(&hv_paging, trampoline_phys, trampoline_size,
			    trampoline_virt, PAGE_FLAG_READ | PAGE_FLAG_EXEC,
			    PAGING_NO_HUGE);
	if (err)
		return err;
	/* the first CPU leaves the driver's entry page tables here */
	write_cr3(paging_hvirt2phys(hv_paging.root));

	err = vcpu_check_features();
	if (err)
		return err;
	return apic_init();
}

int arch_cpu_init(struct per_cpu *cpu_data)
{
	int err;

	/* from now on this CPU runs on the hypervisor's page tables */
	write_cr3(paging_hvirt2phys(hv_paging.root));

	err = guest_window_init(cpu_data);
	if (err)
		return err;
	err = apic_cpu_init(cpu_data);
	if (err)
		return err;
	err = vcpu_init(cpu_data);
	if (err)
		return err;
	cpu_data->initialized = true;
	return 0;
}

int arch_init_late(void)
{
	apic_print_mode();
	return 0;
}

void arch_shutdown(void)
{
	apic_shutdown();
}

void arch_cpu_exit(struct per_cpu *cpu_data)
{
	struct per_cpu_arch *arch = &cpu_data->arch;

	/* DISABLE: Linux continues after its vmcall, with the guest's state */
	if (arch->guest_active) {
		vcpu_read_native_state(&arch->leave_state);
		arch->leave_regs = *arch->regs;
		arch->leave_rip = vcpu_guest_rip();
		arch->leave_rsp = vcpu_guest_rsp();
		arch->leave_after_vmcall = true;
	}
	/*
	 * The guest window's page-table entries stay: other CPUs may be
	 * tearing down theirs in the same table right now, and the whole
	 * hypervisor memory is abandoned after the last CPU left anyway.
	 */
	vcpu_exit(cpu_data);
	cpu_data->initialized = false;
}

void __noreturn arch_cpu_restore(struct per_cpu *cpu_data, int return_code)
{
	struct per_cpu_arch *arch = &cpu_data->arch;
	union registers regs;
	struct native_state state;
	unsigned long rip, rsp;

	arch_cpu_exit(cpu_data);

	if (arch->leave_after_vmcall) {
		state = arch->leave_state;
		regs = arch->leave_regs;
		rip = arch->leave_rip;
		rsp = arch->leave_rsp;
	} else {
		/* enable failed: back to the trampoline's return label */
		state = arch->linux_state;
		memset(&regs, 0, sizeof(regs));
		regs.rsi = state.cr3;
		regs.rdx = arch->linux_rsp;
		rip = arch->linux_return;
		rsp = arch->linux_rsp;
	}
	regs.rax = (long)return_code;
	return_to_linux(cpu_data, &state, rip, rsp, &regs);
}

static u32 uart_pio_in(struct uart_chip *chip, unsigned int reg)
{
	return pio_read8(chip->info->address + reg);
}

static void uart_pio_out(struct uart_chip *chip, unsigned int reg, u32 value)
{
	pio_write8(value, chip->info->address + reg);
}

int arch_uart_pio_setup(struct uart_chip *chip)
{
	/* port I/O UARTs have byte registers at consecutive ports */
	if (chip->info->address > 0xffff - 7 ||
	    !CON_USES_REGDIST_1(chip->info->flags))
		return -EINVAL;
	chip->reg_in = uart_pio_in;
	chip->reg_out = uart_pio_out;
	return 0;
}

void __noreturn arch_panic_stop(void)
{
	for (;;)
		asm volatile("cli; hlt" : : : "memory");
}
