// SPDX-License-Identifier: GPL-2.0
/*
 * Linux's CPU state: decoding what the driver captured on enable, and
 * loading a state back natively when a CPU leaves VMX.
 *
 * Loading segment registers natively needs descriptors in a GDT. Linux's
 * GDT is not mapped here and must not be modified (its TSS descriptor is
 * marked busy, as Linux expects). So every selector is loaded from a
 * private GDT whose descriptors are rebuilt from the state to restore;
 * only then is GDTR pointed at Linux's table, which the CPU does not read
 * until the next segment load.
 */
#include <jailhouse/errno.h>
#include <jailhouse/printk.h>
#include <jailhouse/string.h>
#include <asm/cpu_state.h>
#include <asm/jailhouse_header.h>
#include <jailhouse/percpu.h>

#define DESC_BASE_LOW(d)	(((d) >> 16) & 0xffffffUL)
#define DESC_BASE_HIGH(d)	(((d) >> 56) & 0xffUL)
#define DESC_LIMIT_LOW(d)	((d) & 0xffffUL)
#define DESC_LIMIT_HIGH(d)	(((d) >> 48) & 0xfUL)
#define DESC_AR(d)		(((d) >> 40) & 0xf0ffUL)

#define SELECTOR_TI		0x4
#define SELECTOR_INDEX(s)	((s) >> 3)

static const char *const segment_names[NUM_SEGMENTS] = {
	"ES", "CS", "SS", "DS", "FS", "GS", "LDTR", "TR",
};

static bool is_system_segment(enum vmx_segment seg)
{
	return seg == VMX_LDTR || seg == VMX_TR;
}

/*
 * Fills @seg from Linux's GDT copy. A null selector yields an unusable
 * segment (for SS with the DPL of CPL 0, as the hardware keeps it).
 */
static int segment_from_gdt(const struct jailhouse_x86_linux_cpu *lc,
			    enum vmx_segment which, u16 selector,
			    struct segment *seg)
{
	unsigned int gdt_limit = lc->gdtr_limit;
	unsigned int index = SELECTOR_INDEX(selector);
	unsigned int last = index + (is_system_segment(which) ? 1 : 0);
	u64 desc;

	memset(seg, 0, sizeof(*seg));
	seg->selector = selector;

	if ((selector & ~3) == 0) {
		seg->access_rights = X86_AR_UNUSABLE;
		return 0;
	}
	if (selector & SELECTOR_TI) {
		printk("ERROR: %s selector %#x refers to an LDT; only GDT selectors can be taken over\n",
		       segment_names[which], selector);
		return -EINVAL;
	}
	if (last * 8 + 7 > gdt_limit ||
	    last >= JAILHOUSE_X86_GDT_COPY_ENTRIES) {
		printk("ERROR: %s selector %#x lies outside the GDT copy\n",
		       segment_names[which], selector);
		return -EINVAL;
	}

	desc = lc->gdt[index];
	seg->base = DESC_BASE_LOW(desc) | (DESC_BASE_HIGH(desc) << 24);
	if (is_system_segment(which))
		seg->base |= (lc->gdt[index + 1] & 0xffffffffUL) << 32;
	seg->limit = DESC_LIMIT_LOW(desc) | (DESC_LIMIT_HIGH(desc) << 16);
	seg->access_rights = DESC_AR(desc);
	if (seg->access_rights & X86_AR_G)
		seg->limit = (seg->limit << 12) | 0xfff;

	if (!(seg->access_rights & X86_AR_P)) {
		printk("ERROR: %s descriptor %#x is not present\n",
		       segment_names[which], selector);
		return -EINVAL;
	}
	/* loading a code/data segment sets its accessed bit */
	if (seg->access_rights & X86_AR_S)
		seg->access_rights |= X86_AR_TYPE_ACCESSED;
	return 0;
}

int native_state_from_linux(struct native_state *state,
			    const struct jailhouse_x86_linux_cpu *lc,
			    unsigned long cr3)
{
	const u16 selectors[NUM_SEGMENTS] = {
		[VMX_ES] = lc->es, [VMX_CS] = lc->cs, [VMX_SS] = lc->ss,
		[VMX_DS] = lc->ds, [VMX_FS] = lc->fs, [VMX_GS] = lc->gs,
		[VMX_LDTR] = lc->ldtr, [VMX_TR] = lc->tr,
	};
	unsigned int n;
	int err;

	if (lc->rflags & X86_RFLAGS_IF) {
		printk("ERROR: entered with interrupts enabled\n");
		return -EINVAL;
	}
	if (!(lc->cr0 & X86_CR0_PG) || !(lc->efer & EFER_LMA)) {
		printk("ERROR: Linux is not in 64-bit mode\n");
		return -EINVAL;
	}
	if (lc->cr4 & X86_CR4_LA57) {
		printk("ERROR: 5-level paging (LA57) is not supported; boot Linux with no5lvl\n");
		return -EINVAL;
	}
	if (lc->cr4 & X86_CR4_VMXE) {
		printk("ERROR: VMX is already in use (CR4.VMXE set) - is another hypervisor such as KVM running a VM?\n");
		return -EBUSY;
	}

	for (n = 0; n < NUM_SEGMENTS; n++) {
		err = segment_from_gdt(lc, n, selectors[n], &state->seg[n]);
		if (err)
			return err;
	}
	if (state->seg[VMX_TR].access_rights & X86_AR_UNUSABLE) {
		printk("ERROR: Linux runs without a task register\n");
		return -EINVAL;
	}
	/* in 64-bit mode FS and GS bases live in MSRs only */
	state->seg[VMX_FS].base = lc->fs_base;
	state->seg[VMX_GS].base = lc->gs_base;

	state->gdtr.base = lc->gdtr_base;
	state->gdtr.limit = lc->gdtr_limit;
	state->idtr.base = lc->idtr_base;
	state->idtr.limit = lc->idtr_limit;
	state->rflags = lc->rflags | X86_RFLAGS_RESERVED1;
	state->cr0 = lc->cr0;
	state->cr3 = cr3;
	state->cr4 = lc->cr4;
	state->efer = lc->efer;
	state->pat = lc->pat;
	state->sysenter_cs = lc->sysenter_cs;
	state->sysenter_esp = lc->sysenter_esp;
	state->sysenter_eip = lc->sysenter_eip;
	state->debugctl = lc->debugctl;
	state->dr7 = lc->dr7;
	return 0;
}

static u64 descriptor_from_segment(const struct segment *seg, u32 ar)
{
	u64 limit = seg->limit;
	u64 desc;

	if (ar & X86_AR_G)
		limit >>= 12;
	desc = (limit & 0xffff) | ((limit & 0xf0000) << 32);
	desc |= (seg->base & 0xffffff) << 16;
	desc |= ((seg->base >> 24) & 0xff) << 56;
	desc |= (u64)(ar & 0xf0ff) << 40;
	return desc;
}

/*
 * Rebuilds the descriptors that the selectors in @state refer to. Fails if
 * a selector does not fit, or if two registers use the same selector with
 * different hidden state (the hardware allows that, a GDT cannot).
 */
static int build_private_gdt(const struct native_state *state, u64 *gdt,
			     unsigned int entries)
{
	u64 used = 0;
	unsigned int n;

	memset(gdt, 0, entries * sizeof(*gdt));
	for (n = 0; n < NUM_SEGMENTS; n++) {
		const struct segment *seg = &state->seg[n];
		unsigned int index = SELECTOR_INDEX(seg->selector);
		u32 ar = seg->access_rights;
		u64 desc;

		if (seg->access_rights & X86_AR_UNUSABLE || index == 0)
			continue;
		if (seg->selector & SELECTOR_TI || index + 1 >= entries)
			return -E2BIG;

		if (n == VMX_TR)	/* ltr requires an available TSS */
			ar = (ar & ~X86_AR_TYPE_MASK) | X86_TSS64_AVAILABLE;
		desc = descriptor_from_segment(seg, ar);
		if (used & (1ULL << index) && gdt[index] != desc)
			return -EINVAL;
		gdt[index] = desc;
		used |= 1ULL << index;
		if (is_system_segment(n)) {
			gdt[index + 1] = seg->base >> 32;
			used |= 1ULL << (index + 1);
		}
	}
	return 0;
}

int native_state_check(const struct native_state *state)
{
	struct per_cpu *cpu = this_cpu_data();

	return build_private_gdt(state, cpu->arch.private_gdt,
				 ARRAY_SIZE(cpu->arch.private_gdt));
}

static void load_data_segments(const struct native_state *state)
{
	asm volatile("mov %0,%%ss" : : "r" (state->seg[VMX_SS].selector));
	asm volatile("mov %0,%%ds" : : "r" (state->seg[VMX_DS].selector));
	asm volatile("mov %0,%%es" : : "r" (state->seg[VMX_ES].selector));
	asm volatile("mov %0,%%fs" : : "r" (state->seg[VMX_FS].selector));
	asm volatile("mov %0,%%gs" : : "r" (state->seg[VMX_GS].selector));
}

static void load_code_segment(u16 selector)
{
	asm volatile("pushq %q0\n\t"
		     "leaq 1f(%%rip),%%rax\n\t"
		     "pushq %%rax\n\t"
		     "lretq\n"
		     "1:"
		     : : "r" ((unsigned long)selector) : "rax", "memory");
}

void native_state_load(const struct native_state *state)
{
	struct per_cpu *cpu = this_cpu_data();
	struct desc_table_reg private_gdtr = {
		.base = (unsigned long)cpu->arch.private_gdt,
		.limit = sizeof(cpu->arch.private_gdt) - 1,
	};

	/* checked before VMX was left, cannot fail now */
	build_private_gdt(state, cpu->arch.private_gdt,
			  ARRAY_SIZE(cpu->arch.private_gdt));
	load_gdt(&private_gdtr);

	/*
	 * From here until the final jump, GS no longer reaches our per-CPU
	 * data; everything needed was looked up above.
	 */
	load_data_segments(state);
	load_code_segment(state->seg[VMX_CS].selector);
	if (!(state->seg[VMX_TR].access_rights & X86_AR_UNUSABLE))
		load_tr(state->seg[VMX_TR].selector);
	load_ldtr(state->seg[VMX_LDTR].access_rights & X86_AR_UNUSABLE ?
		  0 : state->seg[VMX_LDTR].selector);

	write_msr(MSR_FS_BASE, state->seg[VMX_FS].base);
	write_msr(MSR_GS_BASE, state->seg[VMX_GS].base);
	write_msr(MSR_EFER, state->efer);
	write_msr(MSR_IA32_PAT, state->pat);
	write_msr(MSR_IA32_SYSENTER_CS, state->sysenter_cs);
	write_msr(MSR_IA32_SYSENTER_ESP, state->sysenter_esp);
	write_msr(MSR_IA32_SYSENTER_EIP, state->sysenter_eip);
	write_msr(MSR_IA32_DEBUGCTL, state->debugctl);
	write_dr7(state->dr7);

	write_cr0(state->cr0);
	/*
	 * Clearing PGE drops every TLB entry, global ones included: Linux
	 * must not find translations cached before it became a guest.
	 */
	write_cr4(state->cr4 & ~(X86_CR4_PGE | X86_CR4_PCIDE));
	write_cr4(state->cr4);
}
