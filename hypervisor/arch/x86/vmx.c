// SPDX-License-Identifier: GPL-2.0
/*
 * VT-x setup: feature checks, VMXON, and a VMCS that continues Linux
 * exactly where it called the hypervisor. Intel SDM Vol. 3, chapters 24
 * (VMCS), 26 (VM entries) and appendix A (capability MSRs).
 */
#include <jailhouse/cell.h>
#include <jailhouse/control.h>
#include <jailhouse/errno.h>
#include <jailhouse/percpu.h>
#include <jailhouse/printk.h>
#include <jailhouse/string.h>
#include <asm/entry.h>
#include <asm/paging.h>
#include <asm/vcpu.h>
#include <asm/vmx.h>

#define HOST_PAT_POWER_ON	0x0007040600070406ULL
#define DR7_RESET		0x400UL
#define CR0_RESET		(X86_CR0_CD | X86_CR0_NW | X86_CR0_ET)

/* The controls every CPU runs with, computed once from the capabilities. */
static struct {
	u32 revision;
	u32 pin;
	u32 cpu_based;
	u32 secondary;
	u32 exit;
	u32 entry;
	u64 misc;
	u64 ept_vpid_cap;
	unsigned long cr0_fixed0, cr0_fixed1;
	unsigned long cr4_fixed0, cr4_fixed1;
	unsigned long cr0_mask, cr4_mask;
} vmx;

enum control_set { PIN, PRIMARY, SECONDARY, EXIT, ENTRY, NUM_CONTROL_SETS };

static const struct {
	const char *name;
	u32 msr;	/* the IA32_VMX_TRUE_* MSR where one exists */
} control_sets[NUM_CONTROL_SETS] = {
	[PIN] = { "pin-based", MSR_IA32_VMX_TRUE_PINBASED_CTLS },
	[PRIMARY] = { "processor-based", MSR_IA32_VMX_TRUE_PROCBASED_CTLS },
	[SECONDARY] = { "secondary", MSR_IA32_VMX_PROCBASED_CTLS2 },
	[EXIT] = { "VM-exit", MSR_IA32_VMX_TRUE_EXIT_CTLS },
	[ENTRY] = { "VM-entry", MSR_IA32_VMX_TRUE_ENTRY_CTLS },
};

struct vmx_control {
	enum control_set set;
	u32 bit;
	const char *name;
};

/* Without any of these the hypervisor cannot work. */
static const struct vmx_control required_controls[] = {
	{ PIN, PIN_BASED_PREEMPTION_TIMER, "VMX-preemption timer" },
	{ PIN, PIN_BASED_NMI_EXITING, "NMI exiting" },
	{ PIN, PIN_BASED_VIRTUAL_NMIS, "virtual NMIs" },
	{ PRIMARY, CPU_BASED_USE_IO_BITMAPS, "I/O bitmaps" },
	{ PRIMARY, CPU_BASED_USE_MSR_BITMAPS, "MSR bitmaps" },
	{ PRIMARY, CPU_BASED_ACTIVATE_SECONDARY, "secondary controls" },
	{ SECONDARY, SECONDARY_ENABLE_EPT, "EPT" },
	{ SECONDARY, SECONDARY_UNRESTRICTED_GUEST, "unrestricted guest" },
	{ SECONDARY, SECONDARY_ENABLE_VPID, "VPID" },
	{ EXIT, VM_EXIT_HOST_ADDR_SPACE_SIZE, "64-bit host" },
	{ EXIT, VM_EXIT_SAVE_DEBUG_CONTROLS, "saving debug controls" },
	{ EXIT, VM_EXIT_SAVE_IA32_PAT, "saving IA32_PAT" },
	{ EXIT, VM_EXIT_LOAD_IA32_PAT, "loading IA32_PAT on exit" },
	{ EXIT, VM_EXIT_SAVE_IA32_EFER, "saving IA32_EFER" },
	{ EXIT, VM_EXIT_LOAD_IA32_EFER, "loading IA32_EFER on exit" },
	{ ENTRY, VM_ENTRY_IA32E_MODE, "64-bit guest" },
	{ ENTRY, VM_ENTRY_LOAD_DEBUG_CONTROLS, "loading debug controls" },
	{ ENTRY, VM_ENTRY_LOAD_IA32_PAT, "loading IA32_PAT on entry" },
	{ ENTRY, VM_ENTRY_LOAD_IA32_EFER, "loading IA32_EFER on entry" },
};

/*
 * Used when available: without them the guest would get #UD for
 * instructions its CPUID advertises (RDTSCP/RDPID, INVPCID, XSAVES).
 */
static const struct vmx_control optional_controls[] = {
	{ SECONDARY, SECONDARY_ENABLE_RDTSCP, "RDTSCP" },
	{ SECONDARY, SECONDARY_ENABLE_INVPCID, "INVPCID" },
	{ SECONDARY, SECONDARY_ENABLE_XSAVES, "XSAVES" },
	{ SECONDARY, 1U << 26, "user wait and pause" },
};

/* Exits the CPU must let us switch off, or Linux would notice us. */
static const struct vmx_control unwanted_controls[] = {
	{ PRIMARY, CPU_BASED_CR3_LOAD_EXITING, "CR3-load exiting" },
	{ PRIMARY, CPU_BASED_CR3_STORE_EXITING, "CR3-store exiting" },
	{ PRIMARY, CPU_BASED_INVLPG_EXITING, "INVLPG exiting" },
	{ PRIMARY, CPU_BASED_HLT_EXITING, "HLT exiting" },
	{ PRIMARY, CPU_BASED_MOV_DR_EXITING, "MOV-DR exiting" },
	{ PRIMARY, CPU_BASED_CR8_LOAD_EXITING, "CR8-load exiting" },
	{ PRIMARY, CPU_BASED_CR8_STORE_EXITING, "CR8-store exiting" },
	{ PRIMARY, CPU_BASED_UNCOND_IO_EXITING, "unconditional I/O exiting" },
};

static u32 *control_value(enum control_set set)
{
	switch (set) {
	case PIN:
		return &vmx.pin;
	case PRIMARY:
		return &vmx.cpu_based;
	case SECONDARY:
		return &vmx.secondary;
	case EXIT:
		return &vmx.exit;
	default:
		return &vmx.entry;
	}
}

static bool control_allowed(enum control_set set, u32 bit)
{
	return (read_msr(control_sets[set].msr) >> 32) & bit;
}

static bool control_forced(enum control_set set, u32 bit)
{
	return read_msr(control_sets[set].msr) & bit;
}

static int check_controls(void)
{
	unsigned int n, set;
	int err = 0;

	for (set = 0; set < NUM_CONTROL_SETS; set++)
		*control_value(set) = (u32)read_msr(control_sets[set].msr);

	for (n = 0; n < ARRAY_SIZE(required_controls); n++) {
		const struct vmx_control *c = &required_controls[n];

		if (!control_allowed(c->set, c->bit)) {
			printk("ERROR: VT-x lacks %s (%s control %#x)\n",
			       c->name, control_sets[c->set].name, c->bit);
			err = -ENODEV;
		}
		*control_value(c->set) |= c->bit;
	}
	for (n = 0; n < ARRAY_SIZE(optional_controls); n++) {
		const struct vmx_control *c = &optional_controls[n];

		if (control_allowed(c->set, c->bit))
			*control_value(c->set) |= c->bit;
	}
	for (n = 0; n < ARRAY_SIZE(unwanted_controls); n++) {
		const struct vmx_control *c = &unwanted_controls[n];

		if (control_forced(c->set, c->bit)) {
			printk("ERROR: VT-x enforces %s\n", c->name);
			err = -ENODEV;
		}
	}
	/* the preemption timer only serves the entry probe */
	vmx.pin &= ~PIN_BASED_PREEMPTION_TIMER;
	return err;
}

static int check_ept_vpid(void)
{
	static const struct {
		u64 bits;
		const char *name;
	} required[] = {
		{ EPT_CAP_WALK_LENGTH_4, "EPT with a 4-level walk" },
		{ EPT_CAP_WB, "write-back EPT structures" },
		{ EPT_CAP_INVEPT, "INVEPT" },
		{ VPID_CAP_INVVPID, "INVVPID" },
	};
	u64 cap = read_msr(MSR_IA32_VMX_EPT_VPID_CAP);
	unsigned int n;
	int err = 0;

	for (n = 0; n < ARRAY_SIZE(required); n++)
		if (!(cap & required[n].bits)) {
			printk("ERROR: VT-x lacks %s\n", required[n].name);
			err = -ENODEV;
		}
	if (!(cap & (EPT_CAP_INVEPT_SINGLE | EPT_CAP_INVEPT_ALL))) {
		printk("ERROR: VT-x lacks a usable INVEPT type\n");
		err = -ENODEV;
	}
	if (!(cap & (VPID_CAP_INVVPID_SINGLE | VPID_CAP_INVVPID_ALL))) {
		printk("ERROR: VT-x lacks a usable INVVPID type\n");
		err = -ENODEV;
	}
	vmx.ept_vpid_cap = cap;

	/* huge EPT pages where the CPU has them */
	ept_paging_format.level[1].block = cap & EPT_CAP_1G_PAGES;
	ept_paging_format.level[2].block = cap & EPT_CAP_2M_PAGES;
	return err;
}

static int check_basic(void)
{
	u64 basic = read_msr(MSR_IA32_VMX_BASIC);
	int err = 0;

	if (!(basic & VMX_BASIC_TRUE_CTLS)) {
		printk("ERROR: VT-x lacks the IA32_VMX_TRUE_* control MSRs\n");
		err = -ENODEV;
	}
	if (VMX_BASIC_VMCS_SIZE(basic) > X86_PAGE_SIZE ||
	    VMX_BASIC_MEM_TYPE(basic) != 6) {
		printk("ERROR: unsupported VMCS (size %llu, memory type %llu)\n",
		       VMX_BASIC_VMCS_SIZE(basic),
		       VMX_BASIC_MEM_TYPE(basic));
		err = -ENODEV;
	}
	if (basic & VMX_BASIC_32BIT_PHYS_ADDR) {
		printk("ERROR: VT-x limited to 32-bit physical addresses\n");
		err = -ENODEV;
	}
	vmx.revision = basic & VMX_BASIC_REVISION_MASK;

	vmx.misc = read_msr(MSR_IA32_VMX_MISC);
	if (!(vmx.misc & VMX_MISC_ACTIVITY_WAIT_SIPI)) {
		printk("ERROR: VT-x lacks the wait-for-SIPI activity state\n");
		err = -ENODEV;
	}
	return err;
}

static bool vmx_available(void)
{
	u64 feature_control;

	if (!(cpuid_ecx(X86_CPUID_FEATURES, 0) & X86_FEATURE_VMX)) {
		printk("ERROR: CPU without VT-x (VMX)\n");
		return false;
	}
	feature_control = read_msr(MSR_IA32_FEATURE_CONTROL);
	if (!(feature_control & FEATURE_CONTROL_LOCKED) ||
	    !(feature_control & FEATURE_CONTROL_VMXON_OUTSIDE_SMX)) {
		printk("ERROR: VT-x disabled by firmware (IA32_FEATURE_CONTROL %#llx)\n",
		       feature_control);
		return false;
	}
	return true;
}

int vcpu_check_features(void)
{
	int err;

	if (!vmx_available())
		return -ENODEV;
	err = check_basic();
	err = check_controls() ?: err;
	err = check_ept_vpid() ?: err;
	if (err)
		return err;

	vmx.cr0_fixed0 = read_msr(MSR_IA32_VMX_CR0_FIXED0);
	vmx.cr0_fixed1 = read_msr(MSR_IA32_VMX_CR0_FIXED1);
	vmx.cr4_fixed0 = read_msr(MSR_IA32_VMX_CR4_FIXED0);
	vmx.cr4_fixed1 = read_msr(MSR_IA32_VMX_CR4_FIXED1);
	/*
	 * The guest owns every bit it may change freely. Bits VMX fixes to
	 * one (NE; VMXE) and bits VMX does not support are ours: the guest
	 * sees its own value in the read shadow, changing them exits.
	 * Unrestricted guest allows PE and PG to be zero.
	 */
	vmx.cr0_mask = (vmx.cr0_fixed0 & ~(X86_CR0_PE | X86_CR0_PG)) |
		(~vmx.cr0_fixed1 & 0xffffffffUL);
	vmx.cr4_mask = vmx.cr4_fixed0 | (~vmx.cr4_fixed1 & 0xffffffffUL);
	return 0;
}

/* --- VMCS ------------------------------------------------------------- */

static bool vmcs_write_all(const unsigned long (*fields)[2], unsigned int n)
{
	bool ok = true;

	while (n--) {
		if (!vmcs_write64(fields[n][0], fields[n][1])) {
			printk("ERROR: VMWRITE of field %#lx failed\n",
			       fields[n][0]);
			ok = false;
		}
	}
	return ok;
}

static bool vmcs_setup_controls(void)
{
	const unsigned long fields[][2] = {
		{ PIN_BASED_VM_EXEC_CONTROL, vmx.pin },
		{ CPU_BASED_VM_EXEC_CONTROL, vmx.cpu_based },
		{ SECONDARY_VM_EXEC_CONTROL, vmx.secondary },
		{ VM_EXIT_CONTROLS, vmx.exit },
		{ VM_ENTRY_CONTROLS, vmx.entry },
		{ EXCEPTION_BITMAP, 0 },
		{ PAGE_FAULT_ERROR_CODE_MASK, 0 },
		{ PAGE_FAULT_ERROR_CODE_MATCH, 0 },
		{ CR3_TARGET_COUNT, 0 },
		{ VM_EXIT_MSR_STORE_COUNT, 0 },
		{ VM_EXIT_MSR_LOAD_COUNT, 0 },
		{ VM_ENTRY_MSR_LOAD_COUNT, 0 },
		{ VM_ENTRY_INTR_INFO_FIELD, 0 },
		{ TSC_OFFSET, 0 },
		{ VIRTUAL_PROCESSOR_ID, 1 },
		{ CR0_GUEST_HOST_MASK, vmx.cr0_mask },
		{ CR4_GUEST_HOST_MASK, vmx.cr4_mask },
		{ VMCS_LINK_POINTER, VMCS_LINK_POINTER_NONE },
	};

	return vmcs_write_all(fields, ARRAY_SIZE(fields));
}

static bool vmcs_setup_host_fields(struct per_cpu *cpu_data,
				   unsigned long idt_base)
{
	struct per_cpu_arch *arch = &cpu_data->arch;
	const unsigned long fields[][2] = {
		{ HOST_CR0, read_cr0() },
		{ HOST_CR3, paging_hvirt2phys(hv_paging.root) },
		{ HOST_CR4, read_cr4() },
		{ HOST_CS_SELECTOR, HOST_CS },
		{ HOST_SS_SELECTOR, HOST_DS },
		{ HOST_DS_SELECTOR, HOST_DS },
		{ HOST_ES_SELECTOR, HOST_DS },
		{ HOST_FS_SELECTOR, 0 },
		{ HOST_GS_SELECTOR, 0 },
		{ HOST_TR_SELECTOR, HOST_TR },
		{ HOST_FS_BASE, 0 },
		{ HOST_GS_BASE, (unsigned long)&arch->self },
		{ HOST_TR_BASE, (unsigned long)&arch->tss },
		{ HOST_GDTR_BASE, (unsigned long)arch->host_gdt },
		{ HOST_IDTR_BASE, idt_base },
		{ HOST_IA32_SYSENTER_CS, 0 },
		{ HOST_IA32_SYSENTER_ESP, 0 },
		{ HOST_IA32_SYSENTER_EIP, 0 },
		{ HOST_IA32_PAT, HOST_PAT_POWER_ON },
		{ HOST_IA32_EFER, read_msr(MSR_EFER) },
		{ HOST_RSP, (unsigned long)cpu_data->stack +
			    sizeof(cpu_data->stack) },
		{ HOST_RIP, (unsigned long)vmx_vmexit },
	};

	return vmcs_write_all(fields, ARRAY_SIZE(fields));
}

static bool vmcs_setup_host(struct per_cpu *cpu_data)
{
	struct desc_table_reg idtr;

	asm volatile("sidt %0" : "=m" (idtr));
	return vmcs_setup_host_fields(cpu_data, idtr.base);
}

static u32 segment_ar(const struct segment *seg)
{
	return seg->access_rights & X86_AR_UNUSABLE ?
		X86_AR_UNUSABLE | (seg->access_rights & X86_AR_DPL_MASK) :
		seg->access_rights;
}

static bool vmcs_write_segment(enum vmx_segment which,
			       const struct segment *seg)
{
	return vmcs_write64(GUEST_SEG_SELECTOR(which), seg->selector) &&
		vmcs_write64(GUEST_SEG_BASE(which), seg->base) &&
		vmcs_write64(GUEST_SEG_LIMIT(which), seg->limit) &&
		vmcs_write64(GUEST_SEG_AR(which), segment_ar(seg));
}

static bool vmcs_setup_guest(const struct native_state *state,
			     unsigned long rip, unsigned long rsp)
{
	const unsigned long fields[][2] = {
		{ GUEST_CR0, state->cr0 | (vmx.cr0_fixed0 &
					   ~(X86_CR0_PE | X86_CR0_PG)) },
		{ CR0_READ_SHADOW, state->cr0 },
		{ GUEST_CR3, state->cr3 },
		{ GUEST_CR4, state->cr4 | vmx.cr4_fixed0 },
		{ CR4_READ_SHADOW, state->cr4 },
		{ GUEST_GDTR_BASE, state->gdtr.base },
		{ GUEST_GDTR_LIMIT, state->gdtr.limit },
		{ GUEST_IDTR_BASE, state->idtr.base },
		{ GUEST_IDTR_LIMIT, state->idtr.limit },
		{ GUEST_RFLAGS, state->rflags },
		{ GUEST_RIP, rip },
		{ GUEST_RSP, rsp },
		{ GUEST_IA32_EFER, state->efer },
		{ GUEST_IA32_PAT, state->pat },
		{ GUEST_IA32_DEBUGCTL, state->debugctl },
		{ GUEST_DR7, state->dr7 },
		{ GUEST_SYSENTER_CS, state->sysenter_cs },
		{ GUEST_SYSENTER_ESP, state->sysenter_esp },
		{ GUEST_SYSENTER_EIP, state->sysenter_eip },
		{ GUEST_INTERRUPTIBILITY_INFO, 0 },
		{ GUEST_ACTIVITY_STATE, GUEST_ACTIVITY_ACTIVE },
		{ GUEST_PENDING_DBG_EXCEPTIONS, 0 },
	};
	unsigned int n;
	bool ok = true;

	for (n = 0; n < NUM_SEGMENTS; n++)
		ok = vmcs_write_segment(n, &state->seg[n]) && ok;
	return vmcs_write_all(fields, ARRAY_SIZE(fields)) && ok;
}

static void invept_all(u64 eptp)
{
	if (vmx.ept_vpid_cap & EPT_CAP_INVEPT_ALL)
		vmx_invept(INVEPT_ALL_CONTEXT, 0);
	else if (eptp)
		vmx_invept(INVEPT_SINGLE_CONTEXT, eptp);
}

static void invvpid_guest(void)
{
	if (vmx.ept_vpid_cap & VPID_CAP_INVVPID_SINGLE)
		vmx_invvpid(INVVPID_SINGLE_CONTEXT, 1);
	else
		vmx_invvpid(INVVPID_ALL_CONTEXT, 0);
}

void vcpu_load_cell(struct cell *cell)
{
	u64 eptp = ept_pointer(&cell->arch.ept);

	vmcs_write64(EPT_POINTER, eptp);
	vmcs_write64(IO_BITMAP_A, paging_hvirt2phys(cell->arch.io_bitmap));
	vmcs_write64(IO_BITMAP_B, paging_hvirt2phys(cell->arch.io_bitmap +
						    PAGE_SIZE));
	vmcs_write64(MSR_BITMAP, paging_hvirt2phys(cell->arch.msr_bitmap));
	/* translations of another cell must not survive the switch */
	invept_all(eptp);
	invvpid_guest();
	this_cpu_data()->arch.loaded_cell = cell;
}

static const char *entry_failure_reason(u32 qualification)
{
	switch (qualification) {
	case 2:
		return "PDPTE load";
	case 3:
		return "NMI injection";
	case 4:
		return "VMCS link pointer";
	default:
		return "guest-state check";
	}
}

/*
 * Enter the guest once with a preemption timer of zero: the CPU exits
 * again before the first guest instruction. A VMCS the CPU does not
 * accept is found here, while every CPU can still go back to Linux.
 */
static int probe_vm_entry(void)
{
	u32 reason;

	vmcs_write32(PIN_BASED_VM_EXEC_CONTROL,
		     vmx.pin | PIN_BASED_PREEMPTION_TIMER);
	vmcs_write32(VMX_PREEMPTION_TIMER_VALUE, 0);

	if (!vmx_probe_entry()) {
		printk("ERROR: VMLAUNCH failed, VM-instruction error %u\n",
		       vmcs_read32(VM_INSTRUCTION_ERROR));
		return -EIO;
	}
	vmcs_write32(PIN_BASED_VM_EXEC_CONTROL, vmx.pin);
	vcpu_clear_smi_blocking();

	reason = vmcs_read32(VM_EXIT_REASON);
	if (reason & EXIT_REASON_ENTRY_FAIL) {
		printk("ERROR: VM entry failed: %s (exit reason %#x, qualification %#llx)\n",
		       entry_failure_reason(vmcs_read64(EXIT_QUALIFICATION)),
		       reason, vmcs_read64(EXIT_QUALIFICATION));
		return -EIO;
	}
	if ((reason & 0xffff) != EXIT_REASON_PREEMPTION_TIMER) {
		printk("ERROR: unexpected exit %u while probing VM entry\n",
		       reason & 0xffff);
		return -EIO;
	}
	return 0;
}

static bool control_registers_fit_vmx(void)
{
	unsigned long cr0 = read_cr0(), cr4 = read_cr4() | X86_CR4_VMXE;

	return (cr0 & vmx.cr0_fixed0) == vmx.cr0_fixed0 &&
		!(cr0 & ~vmx.cr0_fixed1) &&
		(cr4 & vmx.cr4_fixed0) == vmx.cr4_fixed0 &&
		!(cr4 & ~vmx.cr4_fixed1);
}

int vcpu_init(struct per_cpu *cpu_data)
{
	struct per_cpu_arch *arch = &cpu_data->arch;
	int err;

	if (!vmx_available())
		return -ENODEV;
	if (!control_registers_fit_vmx()) {
		printk("ERROR: CR0 %#lx / CR4 %#lx not usable with VMX\n",
		       read_cr0(), read_cr4());
		return -EIO;
	}

	*(u32 *)arch->vmxon_region = vmx.revision;
	write_cr4(read_cr4() | X86_CR4_VMXE);
	if (!vmx_on(paging_hvirt2phys(arch->vmxon_region))) {
		write_cr4(read_cr4() & ~X86_CR4_VMXE);
		printk("ERROR: VMXON failed\n");
		return -EIO;
	}
	arch->vmx_on = true;

	*(u32 *)arch->vmcs = vmx.revision;
	if (!vmcs_clear(paging_hvirt2phys(arch->vmcs)) ||
	    !vmcs_load(paging_hvirt2phys(arch->vmcs))) {
		printk("ERROR: VMCLEAR/VMPTRLD failed\n");
		return -EIO;
	}
	arch->vmcs_loaded = true;

	if (!vmcs_setup_controls() || !vmcs_setup_host(cpu_data) ||
	    !vmcs_setup_guest(&arch->linux_state, arch->linux_return,
			      arch->linux_rsp))
		return -EIO;
	/* nothing cached from a previous session may be used */
	invept_all(0);
	vcpu_load_cell(cpu_data->cell);

	err = probe_vm_entry();
	if (err)
		return err;
	return 0;
}

void vcpu_exit(struct per_cpu *cpu_data)
{
	struct per_cpu_arch *arch = &cpu_data->arch;

	if (arch->vmcs_loaded) {
		invept_all(vmcs_read64(EPT_POINTER));
		vmcs_clear(paging_hvirt2phys(arch->vmcs));
		arch->vmcs_loaded = false;
	}
	if (arch->vmx_on) {
		vmx_off();
		write_cr4(read_cr4() & ~X86_CR4_VMXE);
		arch->vmx_on = false;
	}
	arch->guest_active = false;
}

void __noreturn vcpu_resume(struct per_cpu *cpu_data)
{
	vcpu_handle_requests(cpu_data);
	vmx_resume_guest(cpu_data->arch.regs);
	printk("FATAL: VMRESUME failed on CPU %u, VM-instruction error %u\n",
	       cpu_data->cpu_id, vmcs_read32(VM_INSTRUCTION_ERROR));
	panic_stop();
}

void __noreturn vcpu_activate(struct per_cpu *cpu_data)
{
	struct per_cpu_arch *arch = &cpu_data->arch;
	union registers *regs = &arch->launch_regs;

	/* the probe moved host RSP/RIP; every later exit starts afresh */
	vmcs_write64(HOST_RSP, (unsigned long)cpu_data->stack +
		     sizeof(cpu_data->stack));
	vmcs_write64(HOST_RIP, (unsigned long)vmx_vmexit);

	/* the trampoline's return label expects these (design.md) */
	memset(regs, 0, sizeof(*regs));
	regs->rsi = arch->linux_state.cr3;
	regs->rdx = arch->linux_rsp;
	arch->regs = regs;
	arch->guest_active = true;
	vcpu_resume(cpu_data);
}

/* --- guest state --------------------------------------------------------- */

static void read_segment(enum vmx_segment which, struct segment *seg)
{
	seg->selector = vmcs_read16(GUEST_SEG_SELECTOR(which));
	seg->base = vmcs_read64(GUEST_SEG_BASE(which));
	seg->limit = vmcs_read32(GUEST_SEG_LIMIT(which));
	seg->access_rights = vmcs_read32(GUEST_SEG_AR(which));
}

unsigned long vcpu_guest_cr0(void)
{
	return (vmcs_read64(GUEST_CR0) & ~vmx.cr0_mask) |
		(vmcs_read64(CR0_READ_SHADOW) & vmx.cr0_mask);
}

unsigned long vcpu_guest_cr4(void)
{
	return (vmcs_read64(GUEST_CR4) & ~vmx.cr4_mask) |
		(vmcs_read64(CR4_READ_SHADOW) & vmx.cr4_mask);
}

void vcpu_read_native_state(struct native_state *state)
{
	unsigned int n;

	for (n = 0; n < NUM_SEGMENTS; n++)
		read_segment(n, &state->seg[n]);
	state->gdtr.base = vmcs_read64(GUEST_GDTR_BASE);
	state->gdtr.limit = vmcs_read32(GUEST_GDTR_LIMIT);
	state->idtr.base = vmcs_read64(GUEST_IDTR_BASE);
	state->idtr.limit = vmcs_read32(GUEST_IDTR_LIMIT);
	state->rflags = vmcs_read64(GUEST_RFLAGS);
	state->cr0 = vcpu_guest_cr0();
	state->cr3 = vmcs_read64(GUEST_CR3);
	state->cr4 = vcpu_guest_cr4();
	state->efer = vmcs_read64(GUEST_IA32_EFER);
	state->pat = vmcs_read64(GUEST_IA32_PAT);
	state->sysenter_cs = vmcs_read32(GUEST_SYSENTER_CS);
	state->sysenter_esp = vmcs_read64(GUEST_SYSENTER_ESP);
	state->sysenter_eip = vmcs_read64(GUEST_SYSENTER_EIP);
	state->debugctl = vmcs_read64(GUEST_IA32_DEBUGCTL);
	state->dr7 = vmcs_read64(GUEST_DR7);
}

unsigned long vcpu_guest_rip(void)
{
	return vmcs_read64(GUEST_RIP);
}

unsigned long vcpu_guest_rsp(void)
{
	return vmcs_read64(GUEST_RSP);
}

unsigned int vcpu_guest_cpl(void)
{
	return (vmcs_read32(GUEST_SS_AR_BYTES) & X86_AR_DPL_MASK) >> 5;
}

bool vcpu_guest_is_64bit(void)
{
	return (vmcs_read32(GUEST_CS_AR_BYTES) & X86_AR_L) &&
		(vmcs_read64(GUEST_IA32_EFER) & EFER_LMA);
}

/* Long mode follows paging when EFER.LME is set (SDM 9.8.5). */
static void update_long_mode(unsigned long cr0)
{
	u64 efer = vmcs_read64(GUEST_IA32_EFER);
	u32 entry = vmcs_read32(VM_ENTRY_CONTROLS);

	if ((cr0 & X86_CR0_PG) && (efer & EFER_LME)) {
		efer |= EFER_LMA;
		entry |= VM_ENTRY_IA32E_MODE;
	} else {
		efer &= ~EFER_LMA;
		entry &= ~VM_ENTRY_IA32E_MODE;
	}
	vmcs_write64(GUEST_IA32_EFER, efer);
	vmcs_write32(VM_ENTRY_CONTROLS, entry);
}

/*
 * Guests never run in SMM, so blocking by SMI must not be set on entry.
 * Bochs reports it on every exit once a CPU has been in the wait-for-SIPI
 * state (it keeps SMIs masked from then on, even across a disable and
 * the next enable), which would fail the next VM entry.
 */
void vcpu_clear_smi_blocking(void)
{
	u32 intr = vmcs_read32(GUEST_INTERRUPTIBILITY_INFO);

	if (intr & GUEST_INTR_STATE_SMI)
		vmcs_write32(GUEST_INTERRUPTIBILITY_INFO,
			     intr & ~GUEST_INTR_STATE_SMI);
}

/*
 * A guest that enables paging with EFER.LME set enters long mode natively;
 * the next VM entry needs the IA-32e mode control to match EFER.LMA. CPUs
 * with IA32_VMX_MISC[5] update the control on exit themselves.
 */
void vcpu_sync_long_mode(void)
{
	u32 entry;
	bool lma;

	if (vmx.misc & VMX_MISC_SAVES_LMA)
		return;
	lma = vmcs_read64(GUEST_IA32_EFER) & EFER_LMA;
	entry = vmcs_read32(VM_ENTRY_CONTROLS);
	if (!!(entry & VM_ENTRY_IA32E_MODE) != lma)
		vmcs_write32(VM_ENTRY_CONTROLS, lma ?
			     entry | VM_ENTRY_IA32E_MODE :
			     entry & ~VM_ENTRY_IA32E_MODE);
}

bool vcpu_set_guest_cr0(unsigned long value)
{
	if (value >> 32 || value & ~vmx.cr0_fixed1 ||
	    ((value & X86_CR0_PG) && !(value & X86_CR0_PE)) ||
	    ((value & X86_CR0_NW) && !(value & X86_CR0_CD)))
		return false;

	if ((value ^ vmcs_read64(GUEST_CR0)) & X86_CR0_PG)
		update_long_mode(value);
	vmcs_write64(GUEST_CR0, value | (vmx.cr0_fixed0 &
					 ~(X86_CR0_PE | X86_CR0_PG)));
	vmcs_write64(CR0_READ_SHADOW, value);
	return true;
}

bool vcpu_set_guest_cr4(unsigned long value)
{
	/* VMX is hidden from guests: CR4.VMXE reads as 0 and is reserved */
	if (value >> 32 || value & X86_CR4_VMXE ||
	    value & ~vmx.cr4_fixed1)
		return false;
	vmcs_write64(GUEST_CR4, value | vmx.cr4_fixed0);
	vmcs_write64(CR4_READ_SHADOW, value);
	return true;
}

void vcpu_skip_instruction(void)
{
	vcpu_advance_rip(vmcs_read32(VM_EXIT_INSTRUCTION_LEN));
}

void vcpu_advance_rip(unsigned int length)
{
	u32 intr = vmcs_read32(GUEST_INTERRUPTIBILITY_INFO);

	vmcs_write64(GUEST_RIP, vmcs_read64(GUEST_RIP) + length);
	/* the emulated instruction completed: no STI/MOV SS shadow left */
	if (intr & (GUEST_INTR_STATE_STI | GUEST_INTR_STATE_MOV_SS))
		vmcs_write32(GUEST_INTERRUPTIBILITY_INFO,
			     intr & ~(GUEST_INTR_STATE_STI |
				      GUEST_INTR_STATE_MOV_SS));
	/* single-stepping guests get their trap after it */
	if (vmcs_read64(GUEST_RFLAGS) & X86_RFLAGS_TF)
		vmcs_write64(GUEST_PENDING_DBG_EXCEPTIONS,
			     vmcs_read64(GUEST_PENDING_DBG_EXCEPTIONS) |
			     (1UL << 14));
}

void vcpu_inject_exception(unsigned int vector, bool has_error, u32 error)
{
	u32 info = vector | INTR_TYPE_HARD_EXCEPTION | INTR_INFO_VALID;

	if (has_error) {
		info |= INTR_INFO_DELIVER_CODE;
		vmcs_write32(VM_ENTRY_EXCEPTION_ERROR_CODE, error);
	}
	vmcs_write32(VM_ENTRY_INTR_INFO_FIELD, info);
}

void vcpu_inject_gp(void)
{
	vcpu_inject_exception(GP_VECTOR, true, 0);
}

void vcpu_inject_ud(void)
{
	vcpu_inject_exception(UD_VECTOR, false, 0);
}

unsigned long vcpu_get_reg(union registers *regs, unsigned int reg)
{
	return reg == REG_RSP ? vmcs_read64(GUEST_RSP) : regs->by_index[reg];
}

void vcpu_set_reg(union registers *regs, unsigned int reg,
		  unsigned long value)
{
	if (reg == REG_RSP)
		vmcs_write64(GUEST_RSP, value);
	else
		regs->by_index[reg] = value;
}

void vcpu_wait_for_sipi(void)
{
	vmcs_write32(VM_ENTRY_INTR_INFO_FIELD, 0);
	vmcs_write32(GUEST_INTERRUPTIBILITY_INFO, 0);
	vmcs_write32(GUEST_ACTIVITY_STATE, GUEST_ACTIVITY_WAIT_SIPI);
	this_cpu_data()->arch.wait_for_sipi = true;
}

static void write_real_mode_segment(enum vmx_segment which, u16 selector,
				    unsigned long base, u32 access_rights)
{
	vmcs_write64(GUEST_SEG_SELECTOR(which), selector);
	vmcs_write64(GUEST_SEG_BASE(which), base);
	vmcs_write64(GUEST_SEG_LIMIT(which), 0xffff);
	vmcs_write64(GUEST_SEG_AR(which), access_rights);
}

/*
 * The state an x86 CPU has after INIT (SDM 9.1.1), starting in real mode
 * at CS:IP = @cs_selector:@ip with the CS base @cs_base.
 */
static void start_real_mode(u16 cs_selector, unsigned long cs_base,
			    unsigned long ip)
{
	struct per_cpu *cpu_data = this_cpu_data();
	u32 eax, ebx, ecx, edx;
	enum vmx_segment seg;

	write_real_mode_segment(VMX_CS, cs_selector, cs_base, 0x9b);
	for (seg = VMX_ES; seg <= VMX_GS; seg++)
		if (seg != VMX_CS)
			write_real_mode_segment(seg, 0, 0, 0x93);
	write_real_mode_segment(VMX_LDTR, 0, 0, 0x82);
	write_real_mode_segment(VMX_TR, 0, 0, 0x8b);
	vmcs_write64(GUEST_RIP, ip);
	vmcs_write64(GUEST_RSP, 0);
	vmcs_write64(GUEST_RFLAGS, X86_RFLAGS_RESERVED1);

	vmcs_write64(GUEST_GDTR_BASE, 0);
	vmcs_write32(GUEST_GDTR_LIMIT, 0xffff);
	vmcs_write64(GUEST_IDTR_BASE, 0);
	vmcs_write32(GUEST_IDTR_LIMIT, 0xffff);

	vmcs_write64(GUEST_CR0, CR0_RESET | (vmx.cr0_fixed0 &
					     ~(X86_CR0_PE | X86_CR0_PG)));
	vmcs_write64(CR0_READ_SHADOW, CR0_RESET);
	vmcs_write64(GUEST_CR3, 0);
	vmcs_write64(GUEST_CR4, vmx.cr4_fixed0);
	vmcs_write64(CR4_READ_SHADOW, 0);
	vmcs_write64(GUEST_IA32_EFER, 0);
	vmcs_write32(VM_ENTRY_CONTROLS, vmx.entry & ~VM_ENTRY_IA32E_MODE);
	vmcs_write64(GUEST_IA32_PAT, HOST_PAT_POWER_ON);
	vmcs_write64(GUEST_IA32_DEBUGCTL, 0);
	vmcs_write64(GUEST_DR7, DR7_RESET);
	vmcs_write32(GUEST_SYSENTER_CS, 0);
	vmcs_write64(GUEST_SYSENTER_ESP, 0);
	vmcs_write64(GUEST_SYSENTER_EIP, 0);
	vmcs_write32(GUEST_INTERRUPTIBILITY_INFO, 0);
	vmcs_write64(GUEST_PENDING_DBG_EXCEPTIONS, 0);
	vmcs_write32(VM_ENTRY_INTR_INFO_FIELD, 0);
	vmcs_write32(GUEST_ACTIVITY_STATE, GUEST_ACTIVITY_ACTIVE);

	memset(cpu_data->arch.regs, 0, sizeof(*cpu_data->arch.regs));
	/* EDX holds the processor signature after reset */
	cpuid_count(X86_CPUID_FEATURES, 0, &eax, &ebx, &ecx, &edx);
	cpu_data->arch.regs->rdx = eax;
	cpu_data->arch.wait_for_sipi = false;
	/*
	 * Waiting for SIPI blocked NMIs; real CPUs unblock them when they
	 * start, Bochs 2.7 only on an IRET: without this, kicks would never
	 * reach the started CPU again.
	 */
	unblock_nmis();
}

/* After SIPI with @vector: CS = vector * 256, IP = 0. */
void vcpu_start_sipi(unsigned int vector)
{
	start_real_mode(vector << 8, (unsigned long)vector << 12, 0);
}

/*
 * A cell's boot CPU: the 64 KiB segment holding the reset address, as
 * inmates written for Jailhouse expect (CS base = address & ~0xffff).
 */
void vcpu_start_at(u64 address)
{
	start_real_mode((address >> 4) & 0xf000, address & ~0xffffUL,
			address & 0xffff);
}
