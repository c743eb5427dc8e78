// SPDX-License-Identifier: GPL-2.0
/*
 * VM-exit handling: one dispatcher, one small handler per exit reason.
 * Everything a config does not allow ends in a report and parks only the
 * CPU that tried it.
 */
#include <jailhouse/arch.h>
#include <jailhouse/cell.h>
#include <jailhouse/control.h>
#include <jailhouse/errno.h>
#include <jailhouse/fault.h>
#include <jailhouse/hypercall.h>
#include <jailhouse/mmio.h>
#include <jailhouse/percpu.h>
#include <jailhouse/printk.h>
#include <jailhouse/string.h>
#include <asm/apic.h>
#include <asm/io.h>
#include <asm/mmio_decode.h>
#include <asm/paging.h>
#include <asm/vcpu.h>
#include <asm/vmx.h>

#define HYPERVISOR_LEAF_FIRST	0x40000000
#define HYPERVISOR_LEAF_LAST	0x4fffffff

/* "Jailhouse" in EBX, ECX, EDX of leaf 0x40000000 */
#define SIGNATURE_EBX		0x6c69614a
#define SIGNATURE_ECX		0x73756f68
#define SIGNATURE_EDX		0x00000065

#define X86_FEATURE_OSXSAVE	(1U << 27)	/* leaf 1 ECX */
#define X86_FEATURE_OSPKE	(1U << 4)	/* leaf 7 ECX */

#define VMCALL_LENGTH		3

static void __noreturn park_after_report(void)
{
	panic_park();
}

static void handle_cpuid(union registers *regs)
{
	u32 leaf = regs->rax, subleaf = regs->rcx;
	u32 eax = 0, ebx = 0, ecx = 0, edx = 0;

	if (leaf >= HYPERVISOR_LEAF_FIRST && leaf <= HYPERVISOR_LEAF_LAST) {
		if (leaf == JAILHOUSE_CPUID_SIGNATURE) {
			eax = JAILHOUSE_CPUID_FEATURES;
			ebx = SIGNATURE_EBX;
			ecx = SIGNATURE_ECX;
			edx = SIGNATURE_EDX;
		}
		/* JAILHOUSE_CPUID_FEATURES and the rest of the range: 0 */
	} else {
		cpuid_count(leaf, subleaf, &eax, &ebx, &ecx, &edx);
		if (leaf == X86_CPUID_FEATURES) {
			ecx &= ~(X86_FEATURE_VMX | X86_FEATURE_OSXSAVE);
			ecx |= X86_FEATURE_HYPERVISOR;
			/* reflects the guest's CR4, not the host's */
			if (vcpu_guest_cr4() & X86_CR4_OSXSAVE)
				ecx |= X86_FEATURE_OSXSAVE;
		} else if (leaf == 7 && subleaf == 0) {
			ecx &= ~X86_FEATURE_OSPKE;
			if (vcpu_guest_cr4() & X86_CR4_PKE)
				ecx |= X86_FEATURE_OSPKE;
		}
	}
	regs->rax = eax;
	regs->rbx = ebx;
	regs->rcx = ecx;
	regs->rdx = edx;
	vcpu_skip_instruction();
}

static bool xcr0_valid(u64 value)
{
	u32 eax, ebx, ecx, edx;
	u64 supported;

	cpuid_count(X86_CPUID_XSTATE, 0, &eax, &ebx, &ecx, &edx);
	supported = eax | ((u64)edx << 32);

	if (!(value & XCR0_X87) || value & ~supported)
		return false;
	if ((value & XCR0_AVX) && !(value & XCR0_SSE))
		return false;
	if ((value & XCR0_AVX512) &&
	    ((value & XCR0_AVX512) != XCR0_AVX512 || !(value & XCR0_AVX)))
		return false;
	return true;
}

static void handle_xsetbv(union registers *regs)
{
	u64 value = (regs->rax & 0xffffffffUL) | (regs->rdx << 32);

	/* only XCR0 exists; CPL and CR4.OSXSAVE were checked by the CPU */
	if (regs->rcx != 0 || !xcr0_valid(value)) {
		vcpu_inject_gp();
		return;
	}
	/*
	 * XSETBV itself faults without CR4.OSXSAVE, and the hypervisor runs
	 * with Linux's CR4, which lacks it where Linux does not use XSAVE.
	 * The next VM exit loads the host CR4 from the VMCS again.
	 */
	write_cr4(read_cr4() | X86_CR4_OSXSAVE);
	write_xcr0(value);
	vcpu_skip_instruction();
}

static bool handle_cr_access(union registers *regs)
{
	unsigned long qual = vmcs_read64(EXIT_QUALIFICATION);
	unsigned long value = vcpu_get_reg(regs, CR_ACCESS_REG(qual));
	bool ok;

	if (CR_ACCESS_TYPE(qual) != CR_ACCESS_TYPE_MOV_TO_CR)
		return false;

	switch (CR_ACCESS_CR_NUM(qual)) {
	case 0:
		ok = vcpu_set_guest_cr0(value);
		break;
	case 4:
		ok = vcpu_set_guest_cr4(value);
		break;
	default:
		return false;
	}
	if (ok)
		vcpu_skip_instruction();
	else
		vcpu_inject_gp();
	return true;
}

/*
 * IA32_MTRR_DEF_TYPE of a cell: memory types come from the EPT, so the
 * cell sees the machine's value and may only write it back unchanged
 * (inmates built for Jailhouse set the enable bit, which is already set).
 */
static bool mtrr_def_type_access(u64 *value, bool is_write)
{
	u64 machine = read_msr(MSR_IA32_MTRR_DEF_TYPE);

	if (is_write)
		return *value == machine;
	*value = machine;
	return true;
}

/* a non-root cell on an xAPIC: its x2APIC MSRs act on the xAPIC */
static bool x2apic_msrs_emulated(u32 msr)
{
	return msr >= MSR_X2APIC_BASE && msr <= MSR_X2APIC_END &&
		this_cell() != &root_cell && !apic_cells_in_x2apic_mode();
}

/* Intercepted MSRs other than a real x2APIC ICR; reads fill @value. */
static bool emulate_msr(u32 msr, u64 *value, bool is_write)
{
	if (msr == MSR_IA32_MTRR_DEF_TYPE)
		return mtrr_def_type_access(value, is_write);
	if (x2apic_msrs_emulated(msr))
		return x2apic_msr_on_xapic(msr, value, is_write);
	return msr == MSR_IA32_APIC_BASE && is_write &&
		apic_base_write(*value);
}

static bool handle_msr(union registers *regs, bool is_write)
{
	u32 msr = regs->rcx;
	u64 value = (regs->rax & 0xffffffffUL) | (regs->rdx << 32);
	bool handled;

	if (msr == MSR_X2APIC_ICR && is_write && !x2apic_msrs_emulated(msr)) {
		cpu_stats_inc(this_cpu_data(),
			      JAILHOUSE_CPU_STAT_VMEXITS_MSR_X2APIC_ICR);
		handled = x2apic_icr_write(value);
	} else {
		cpu_stats_inc(this_cpu_data(),
			      JAILHOUSE_CPU_STAT_VMEXITS_MSR_OTHER);
		handled = emulate_msr(msr, &value, is_write);
	}
	if (!handled) {
		if (is_write)
			printk("FATAL: Unhandled MSR write: %x, value: %#llx\n",
			       msr, value);
		else
			printk("FATAL: Unhandled MSR read: %x\n", msr);
		fault_print_location(vmcs_read64(GUEST_RIP));
		printk(" Fix: none in the config; the hypervisor does not let cells access this MSR\n");
		return false;
	}
	if (!is_write) {
		regs->rax = (u32)value;
		regs->rdx = value >> 32;
	}
	vcpu_skip_instruction();
	return true;
}

/*
 * The root cell's MSRs pass straight through unless the hypervisor must
 * see the access: the APIC base (mode and address of the interrupt
 * controller the hypervisor drives) and the x2APIC ICR (IPIs must stay
 * inside the cell). Other cells only reach the MSRs of their own CPU's
 * execution state and local APIC; everything else (machine-wide MSRs:
 * MTRRs, power and feature control, ...) is a fault, except for reading
 * IA32_MTRR_DEF_TYPE and writing back its value. MSRs outside the
 * bitmap's ranges always exit and are refused.
 */
#define MSR_BITMAP_READ_LOW	0x000
#define MSR_BITMAP_READ_HIGH	0x400
#define MSR_BITMAP_WRITE_LOW	0x800
#define MSR_BITMAP_WRITE_HIGH	0xc00
#define MSR_HIGH_BASE		0xc0000000U

enum msr_access { MSR_PASS_READ = 1, MSR_PASS_WRITE = 2, MSR_PASS_RW = 3 };

/* MSRs of the CPU's own state a non-root cell may use directly */
static const struct {
	u32 first, last;
	enum msr_access access;
} cell_msrs[] = {
	{ MSR_IA32_APIC_BASE, MSR_IA32_APIC_BASE, MSR_PASS_READ },
	{ MSR_IA32_TSC, MSR_IA32_TSC, MSR_PASS_READ },
	{ MSR_IA32_SPEC_CTRL, MSR_IA32_PRED_CMD, MSR_PASS_RW },
	{ MSR_IA32_SYSENTER_CS, MSR_IA32_SYSENTER_EIP, MSR_PASS_RW },
	{ MSR_IA32_PAT, MSR_IA32_PAT, MSR_PASS_RW },
	{ MSR_IA32_TSC_DEADLINE, MSR_IA32_TSC_DEADLINE, MSR_PASS_RW },
	{ MSR_X2APIC_BASE, MSR_X2APIC_END, MSR_PASS_RW },
	/* EFER, STAR, LSTAR, CSTAR, FMASK */
	{ MSR_EFER, MSR_SYSCALL_MASK, MSR_PASS_RW },
	/* FS base, GS base, kernel GS base, TSC_AUX */
	{ MSR_FS_BASE, MSR_TSC_AUX, MSR_PASS_RW },
};

static void msr_bitmap_set(u8 *bitmap, u32 msr, enum msr_access access,
			   bool intercept)
{
	unsigned int read = MSR_BITMAP_READ_LOW, write = MSR_BITMAP_WRITE_LOW;
	unsigned int byte;

	if (msr >= MSR_HIGH_BASE) {
		msr -= MSR_HIGH_BASE;
		read = MSR_BITMAP_READ_HIGH;
		write = MSR_BITMAP_WRITE_HIGH;
	}
	byte = msr / 8;
	if (intercept) {
		if (access & MSR_PASS_READ)
			bitmap[read + byte] |= 1 << (msr % 8);
		if (access & MSR_PASS_WRITE)
			bitmap[write + byte] |= 1 << (msr % 8);
	} else {
		if (access & MSR_PASS_READ)
			bitmap[read + byte] &= ~(1 << (msr % 8));
		if (access & MSR_PASS_WRITE)
			bitmap[write + byte] &= ~(1 << (msr % 8));
	}
}

void msr_bitmap_init(u8 *bitmap, bool root)
{
	unsigned int n;
	u32 msr;

	memset(bitmap, root ? 0 : 0xff, PAGE_SIZE);
	for (n = 0; !root && n < ARRAY_SIZE(cell_msrs); n++)
		for (msr = cell_msrs[n].first; msr <= cell_msrs[n].last; msr++)
			msr_bitmap_set(bitmap, msr, cell_msrs[n].access,
				       false);
	/* on an xAPIC, a cell's x2APIC MSRs are emulated */
	if (!root && !apic_cells_in_x2apic_mode())
		for (msr = MSR_X2APIC_BASE; msr <= MSR_X2APIC_END; msr++)
			msr_bitmap_set(bitmap, msr, MSR_PASS_RW, true);
	msr_bitmap_set(bitmap, MSR_IA32_APIC_BASE, MSR_PASS_WRITE, true);
	msr_bitmap_set(bitmap, MSR_X2APIC_ICR, MSR_PASS_WRITE, true);
}

/*
 * DISABLE leaves VMX natively at the instruction after the vmcall, still
 * on our page tables: that instruction must be in the trampoline pages,
 * interrupts must be off until it has loaded Linux's CR3, and the segment
 * state must be restorable (see design.md, "x86 disable").
 */
static long disable_precheck(void)
{
	struct native_state state;
	unsigned long rip = vmcs_read64(GUEST_RIP);

	if (!trampoline_contains(rip, VMCALL_LENGTH + 1)) {
		printk("DISABLE refused: vmcall at %#lx outside the driver's trampoline\n", rip);
		return -EINVAL;
	}
	if (vmcs_read64(GUEST_RFLAGS) & X86_RFLAGS_IF) {
		printk("DISABLE refused: interrupts enabled on CPU %u\n",
		       this_cpu_data()->cpu_id);
		return -EINVAL;
	}
	vcpu_read_native_state(&state);
	if (native_state_check(&state)) {
		printk("DISABLE refused: segment state of CPU %u cannot be restored\n",
		       this_cpu_data()->cpu_id);
		return -EINVAL;
	}
	return 0;
}

static void handle_vmcall(union registers *regs)
{
	bool long_mode = vcpu_guest_is_64bit();
	unsigned long code = regs->rax & 0xffffffffUL;
	unsigned long arg1 = long_mode ? regs->rdi : regs->rdi & 0xffffffffUL;
	unsigned long arg2 = long_mode ? regs->rsi : regs->rsi & 0xffffffffUL;
	long result;

	vcpu_skip_instruction();
	if (vcpu_guest_cpl() != 0) {
		/* management belongs to the guest's kernel only */
		regs->rax = -EPERM;
		return;
	}
	if (code == JAILHOUSE_HC_DISABLE) {
		result = disable_precheck();
		if (result) {
			regs->rax = result;
			return;
		}
	}
	result = hypercall(code, arg1, arg2);
	regs->rax = long_mode ? (unsigned long)result : (u32)result;
}

static void handle_invd(void)
{
	/* dropping dirty lines would corrupt other cells' data: write back */
	asm volatile("wbinvd" : : : "memory");
	vcpu_skip_instruction();
}

/* An access to guest-physical memory that EPT does not map. */
static void handle_ept_violation(union registers *regs)
{
	struct per_cpu *cpu_data = this_cpu_data();
	unsigned long qual = vmcs_read64(EXIT_QUALIFICATION);
	u64 gpa = vmcs_read64(GUEST_PHYSICAL_ADDRESS);
	unsigned long rip = vmcs_read64(GUEST_RIP);
	struct mmio_instruction insn;
	struct mmio_access access;
	enum mmio_result result;
	const char *why;

	/* an IRET that unblocked NMIs did not complete: block them again */
	if (qual & EPT_VIOL_NMI_UNBLOCKING &&
	    !(vmcs_read32(IDT_VECTORING_INFO_FIELD) & INTR_INFO_VALID))
		vmcs_write32(GUEST_INTERRUPTIBILITY_INFO,
			     vmcs_read32(GUEST_INTERRUPTIBILITY_INFO) |
			     GUEST_INTR_STATE_NMI);

	if (qual & EPT_VIOL_FETCH) {
		fault_report_exec(gpa, rip);
		park_after_report();
	}

	why = mmio_decode(regs, qual & EPT_VIOL_WRITE, &insn);
	if (why) {
		fault_report_mmio_undecoded(gpa, qual & EPT_VIOL_WRITE, rip,
					    why);
		park_after_report();
	}

	access.address = gpa;
	access.size = insn.access_size;
	access.is_write = insn.is_write;
	access.value = insn.is_write ? insn.value : 0;

	if (apic_is_xapic_page(gpa)) {
		cpu_stats_inc(cpu_data, JAILHOUSE_CPU_STAT_VMEXITS_XAPIC);
		result = xapic_access(&access);
	} else {
		cpu_stats_inc(cpu_data, JAILHOUSE_CPU_STAT_VMEXITS_MMIO);
		result = mmio_dispatch(&cpu_data->cell->mmio, &access);
	}
	if (result != MMIO_HANDLED) {
		fault_report_mmio(&access, rip);
		park_after_report();
	}
	if (!access.is_write)
		mmio_complete_read(regs, &insn, access.value);
	vcpu_advance_rip(insn.length);
}

static void report_exit(const char *what, u32 reason)
{
	struct per_cpu *cpu_data = this_cpu_data();

	printk("FATAL: %s (exit reason %u, qualification %#llx)\n",
	       what, reason & 0xffff, vmcs_read64(EXIT_QUALIFICATION));
	fault_print_location(vmcs_read64(GUEST_RIP));
	printk(" RSP %#llx, CR0 %#lx, CR3 %#llx, CR4 %#lx, CPU %u\n",
	       vmcs_read64(GUEST_RSP), vcpu_guest_cr0(),
	       vmcs_read64(GUEST_CR3), vcpu_guest_cr4(), cpu_data->cpu_id);
}

/*
 * An exit that interrupted the delivery of an event through the guest's
 * IDT must deliver that event on the next entry.
 */
static void reinject_interrupted_event(void)
{
	u32 info = vmcs_read32(IDT_VECTORING_INFO_FIELD);

	if (!(info & INTR_INFO_VALID))
		return;
	if (info & INTR_INFO_DELIVER_CODE)
		vmcs_write32(VM_ENTRY_EXCEPTION_ERROR_CODE,
			     vmcs_read32(IDT_VECTORING_ERROR_CODE));
	switch (info & INTR_INFO_TYPE_MASK) {
	case INTR_TYPE_SOFT_INTR:
	case INTR_TYPE_PRIV_SOFT_EXCEPTION:
	case INTR_TYPE_SOFT_EXCEPTION:
		vmcs_write32(VM_ENTRY_INSTRUCTION_LEN,
			     vmcs_read32(VM_EXIT_INSTRUCTION_LEN));
		break;
	}
	vmcs_write32(VM_ENTRY_INTR_INFO_FIELD, info & ~INTR_INFO_UNBLOCK_NMI);
}

static bool dispatch_exit(struct per_cpu *cpu_data, union registers *regs,
			  u32 reason)
{
	switch (reason) {
	case EXIT_REASON_CPUID:
		cpu_stats_inc(cpu_data, JAILHOUSE_CPU_STAT_VMEXITS_CPUID);
		handle_cpuid(regs);
		return true;
	case EXIT_REASON_VMCALL:
		/* hypercall() counts it */
		handle_vmcall(regs);
		return true;
	case EXIT_REASON_CR_ACCESS:
		cpu_stats_inc(cpu_data, JAILHOUSE_CPU_STAT_VMEXITS_CR);
		return handle_cr_access(regs);
	case EXIT_REASON_XSETBV:
		cpu_stats_inc(cpu_data, JAILHOUSE_CPU_STAT_VMEXITS_XSETBV);
		handle_xsetbv(regs);
		return true;
	case EXIT_REASON_MSR_READ:
	case EXIT_REASON_MSR_WRITE:
		return handle_msr(regs, reason == EXIT_REASON_MSR_WRITE);
	case EXIT_REASON_IO_INSTRUCTION:
		cpu_stats_inc(cpu_data, JAILHOUSE_CPU_STAT_VMEXITS_PIO);
		return pio_handle_exit(regs);
	case EXIT_REASON_EPT_VIOLATION:
		handle_ept_violation(regs);
		return true;
	case EXIT_REASON_SIPI:
	case EXIT_REASON_PREEMPTION_TIMER:
		/* requests are looked at before every entry */
		cpu_stats_inc(cpu_data, JAILHOUSE_CPU_STAT_VMEXITS_MANAGEMENT);
		return true;
	case EXIT_REASON_NMI_WINDOW:
		/* the pending NMI is injected before the next entry */
		return true;
	case EXIT_REASON_INVD:
		handle_invd();
		return true;
	case EXIT_REASON_GETSEC:
	case EXIT_REASON_VMCLEAR:
	case EXIT_REASON_VMLAUNCH:
	case EXIT_REASON_VMPTRLD:
	case EXIT_REASON_VMPTRST:
	case EXIT_REASON_VMREAD:
	case EXIT_REASON_VMRESUME:
	case EXIT_REASON_VMWRITE:
	case EXIT_REASON_VMXOFF:
	case EXIT_REASON_VMXON:
	case EXIT_REASON_INVEPT:
	case EXIT_REASON_INVVPID:
	case EXIT_REASON_VMFUNC:
		/* VMX and SMX are not offered to guests */
		vcpu_inject_ud();
		return true;
	case EXIT_REASON_EXCEPTION_NMI:
		if ((vmcs_read32(VM_EXIT_INTR_INFO) & INTR_INFO_TYPE_MASK) ==
		    INTR_TYPE_NMI) {
			vcpu_nmi_received(cpu_data);
			unblock_nmis();
			return true;
		}
		cpu_stats_inc(cpu_data, JAILHOUSE_CPU_STAT_VMEXITS_EXCEPTION);
		report_exit("Unexpected exception intercept", reason);
		return false;
	case EXIT_REASON_TRIPLE_FAULT:
		report_exit("Triple fault in the guest", reason);
		return false;
	case EXIT_REASON_EPT_MISCONFIG:
		report_exit("EPT misconfiguration", reason);
		return false;
	default:
		report_exit("Unhandled VM exit", reason);
		return false;
	}
}

void vmx_handle_exit(union registers *regs)
{
	struct per_cpu *cpu_data = this_cpu_data();
	u32 reason = vmcs_read32(VM_EXIT_REASON);

	cpu_data->arch.regs = regs;
	cpu_stats_inc(cpu_data, JAILHOUSE_CPU_STAT_VMEXITS_TOTAL);
	if (reason & EXIT_REASON_ENTRY_FAIL) {
		report_exit("VM entry failed: invalid guest state", reason);
		panic_stop();
	}
	vcpu_clear_smi_blocking();
	vcpu_sync_long_mode();
	reinject_interrupted_event();

	if (!dispatch_exit(cpu_data, regs, reason & 0xffff))
		park_after_report();

	vcpu_handle_requests(cpu_data);
}

/* VMRESUME failed: a VMCS the hypervisor built is broken. */
void __noreturn vmx_entry_failure(union registers *regs)
{
	printk("FATAL: VM entry failed on CPU %u, VM-instruction error %u\n",
	       this_cpu_data()->cpu_id, vmcs_read32(VM_INSTRUCTION_ERROR));
	panic_stop();
}

/*
 * A parked CPU waits for SIPI in guest mode: it runs no guest code, takes
 * no interrupts or NMIs, but a kick still brings it into the hypervisor.
 */
void __noreturn arch_panic_park(void)
{
	vcpu_wait_for_sipi();
	vcpu_resume(this_cpu_data());
}
