// SPDX-License-Identifier: GPL-2.0
/*
 * x86-64 (Intel VT-x) part of the driver.
 *
 * Linux exports no way to map memory executable, so the firmware is never
 * run through a Linux mapping. Instead each CPU jumps from the trampoline
 * page (x86-entry.S, ordinary module text) onto small entry page tables
 * that the driver builds here: the hypervisor memory at the firmware's
 * link address, and the trampoline page at its own Linux address so that
 * the CPU keeps running after the CR3 switch. Protocol: design.md, "x86
 * entry: register-level protocol"; types in asm/jailhouse_header.h.
 */
#define pr_fmt(fmt) "jailhouse: " fmt

#include <linux/atomic.h>
#include <linux/gfp.h>
#include <linux/io.h>
#include <linux/mm.h>
#include <linux/smp.h>
#include <linux/vmalloc.h>
#include <asm/desc.h>
#include <asm/irqflags.h>
#include <asm/msr-index.h>
#include <asm/processor-flags.h>

#include "arch.h"
#include "driver.h"
#include "x86-entry.h"

#include <jailhouse/hypercall.h>
#include <asm/jailhouse_header.h>

#define JH_X86_FIRMWARE		"jailhouse-intel.bin"

#define PTE_PRESENT		0x001ULL
#define PTE_RW			0x002ULL
#define PTE_ACCESSED		0x020ULL
#define PTE_DIRTY		0x040ULL
#define PTE_ADDR_MASK		0x000ffffffffff000ULL

const u8 jh_arch_config_arch = JAILHOUSE_X86;

const char *const jh_arch_stat_names[] = {
	"vmexits_pio",
	"vmexits_xapic",
	"vmexits_cr",
	"vmexits_cpuid",
	"vmexits_xsetbv",
	"vmexits_exception",
	"vmexits_msr_other",
	"vmexits_msr_x2apic_icr",
};

static_assert(ARRAY_SIZE(jh_arch_stat_names) ==
	      JAILHOUSE_NUM_CPU_STATS - JAILHOUSE_GENERIC_CPU_STATS);
static_assert(JAILHOUSE_HC_DISABLE == 0);	/* x86-entry.S uses 0 */

/* Plain rdmsr: only architectural MSRs, no tracing or paravirt hooks. */
static u64 read_msr(u32 msr)
{
	u32 lo, hi;

	asm volatile("rdmsr" : "=a" (lo), "=d" (hi) : "c" (msr));
	return ((u64)hi << 32) | lo;
}

static unsigned long read_cr4_raw(void)
{
	unsigned long cr4;

	asm volatile("mov %%cr4, %0" : "=r" (cr4));
	return cr4;
}

/* ---- prerequisites ---- */

struct vmx_check {
	atomic_t no_vmx;
	atomic_t disabled;
	atomic_t in_use;
};

static void check_vmx_on_cpu(void *data)
{
	struct vmx_check *chk = data;
	u64 feature_control;

	if (!(cpuid_ecx(1) & BIT(X86_FEATURE_VMX & 31))) {
		atomic_inc(&chk->no_vmx);
		return;
	}
	feature_control = read_msr(MSR_IA32_FEAT_CTL);
	if (!(feature_control & FEAT_CTL_LOCKED) ||
	    !(feature_control & FEAT_CTL_VMX_ENABLED_OUTSIDE_SMX))
		atomic_inc(&chk->disabled);
	if (read_cr4_raw() & X86_CR4_VMXE)
		atomic_inc(&chk->in_use);
}

int jh_arch_check_prerequisites(const char **firmware_name)
{
	struct vmx_check chk = {};

	on_each_cpu(check_vmx_on_cpu, &chk, 1);

	if (atomic_read(&chk.no_vmx)) {
		pr_err("Missing or unsupported HVM technology\n");
		return -ENODEV;
	}
	if (atomic_read(&chk.disabled)) {
		pr_err("VT-x disabled by Firmware/BIOS\n");
		return -ENODEV;
	}
	if (atomic_read(&chk.in_use)) {
		pr_err("VMX is in use by another hypervisor (e.g. KVM with running VMs)\n");
		return -EBUSY;
	}
	*firmware_name = JH_X86_FIRMWARE;
	return 0;
}

int jh_arch_check_hv_memory(u64 phys, u64 size)
{
	return 0;
}

void jh_arch_print_reservation_hint(u64 phys, u64 size)
{
	pr_err("Reserve it at boot with \"memmap=0x%llx$0x%llx\" on the kernel command line (write \\$ in a GRUB config)\n",
	       size, phys);
}

u64 jh_arch_data_size(unsigned int max_cpus)
{
	return (u64)max_cpus * sizeof(struct jailhouse_x86_linux_cpu);
}

/* ---- entry page tables ---- */

struct entry_tables {
	unsigned int levels;		/* 4, or 5 with CR4.LA57 */
	u64 *root;
	struct list_head pages;		/* all table pages, via page->lru */
};

static u64 *alloc_table(struct entry_tables *tables)
{
	struct page *page = alloc_page(GFP_KERNEL | __GFP_ZERO);

	if (!page)
		return NULL;
	list_add(&page->lru, &tables->pages);
	return page_address(page);
}

static void free_tables(struct entry_tables *tables)
{
	struct page *page, *next;

	list_for_each_entry_safe(page, next, &tables->pages, lru) {
		list_del(&page->lru);
		__free_page(page);
	}
}

/* Map one 4 KiB page; intermediate levels allow everything. */
static int map_page(struct entry_tables *tables, unsigned long virt,
		    u64 phys, u64 flags)
{
	u64 *table = tables->root, *next;
	unsigned int level, index;

	for (level = tables->levels; level > 1; level--) {
		index = (virt >> (PAGE_SHIFT + 9 * (level - 1))) & 511;
		if (!(table[index] & PTE_PRESENT)) {
			next = alloc_table(tables);
			if (!next)
				return -ENOMEM;
			table[index] = virt_to_phys(next) | PTE_PRESENT |
				PTE_RW | PTE_ACCESSED;
		}
		table = phys_to_virt(table[index] & PTE_ADDR_MASK);
	}
	table[(virt >> PAGE_SHIFT) & 511] = phys | flags;
	return 0;
}

static int map_range(struct entry_tables *tables, unsigned long virt,
		     u64 phys, u64 size, u64 flags)
{
	u64 off;
	int err;

	for (off = 0; off < size; off += PAGE_SIZE) {
		err = map_page(tables, virt + off, phys + off, flags);
		if (err)
			return err;
	}
	return 0;
}

/* ---- entry ---- */

struct x86_entry {
	struct entry_tables tables;
	unsigned long firmware_entry;	/* virtual, in the entry tables */
	struct jailhouse_x86_linux_cpu *cpu_state;	/* [max_cpus] */
};

static int check_firmware_addresses(const struct jailhouse_header *hdr,
				    u64 hv_size, unsigned long tramp)
{
	u64 base = hdr->link_address;

	/* upper half, canonical, page aligned, clear of the trampoline */
	if (base < 0xffff800000000000ULL || !PAGE_ALIGNED(base) ||
	    base + hv_size < base ||
	    (tramp + PAGE_SIZE > base && tramp < base + hv_size)) {
		pr_err("Firmware link address 0x%llx is unusable\n", base);
		return -EINVAL;
	}
	return 0;
}

int jh_arch_prepare_entry(struct jh_entry *entry)
{
	unsigned long tramp = (unsigned long)jh_x86_trampoline_start;
	struct jailhouse_header *hdr = entry->header;
	u64 tramp_phys, base = hdr->link_address;
	struct x86_entry *x86;
	struct desc_ptr gdtr;
	int err;

	if (jh_x86_trampoline_end - jh_x86_trampoline_start > PAGE_SIZE ||
	    !PAGE_ALIGNED(tramp)) {
		pr_err("Driver bug: x86 trampoline does not fill one page\n");
		return -EINVAL;
	}
	native_store_gdt(&gdtr);
	if (gdtr.size + 1 > sizeof(((struct jailhouse_x86_linux_cpu *)0)->gdt)) {
		pr_err("Linux's GDT (%u bytes) is larger than the firmware accepts\n",
		       gdtr.size + 1);
		return -E2BIG;
	}
	err = check_firmware_addresses(hdr, entry->hv_size, tramp);
	if (err)
		return err;

	x86 = kzalloc(sizeof(*x86), GFP_KERNEL);
	if (!x86)
		return -ENOMEM;
	INIT_LIST_HEAD(&x86->tables.pages);
	x86->tables.levels = read_cr4_raw() & X86_CR4_LA57 ? 5 : 4;
	x86->tables.root = alloc_table(&x86->tables);
	if (!x86->tables.root) {
		err = -ENOMEM;
		goto fail;
	}

	tramp_phys = page_to_phys(vmalloc_to_page(jh_x86_trampoline_start));
	err = map_range(&x86->tables, base, entry->hv_phys, entry->hv_size,
			PTE_PRESENT | PTE_RW | PTE_ACCESSED | PTE_DIRTY);
	if (!err)
		err = map_range(&x86->tables, tramp, tramp_phys, PAGE_SIZE,
				PTE_PRESENT | PTE_ACCESSED);
	if (err)
		goto fail;

	x86->firmware_entry = base + hdr->entry;
	x86->cpu_state = (void *)hdr + entry->arch_data_offset;

	hdr->arch_params[JAILHOUSE_X86_PARAM_CPU_STATE_OFFSET] =
		entry->arch_data_offset;
	hdr->arch_params[JAILHOUSE_X86_PARAM_CPU_STATE_SIZE] =
		sizeof(struct jailhouse_x86_linux_cpu);
	hdr->arch_params[JAILHOUSE_X86_PARAM_TRAMPOLINE_PHYS] = tramp_phys;
	hdr->arch_params[JAILHOUSE_X86_PARAM_TRAMPOLINE_VIRT] = tramp;
	hdr->arch_params[JAILHOUSE_X86_PARAM_TRAMPOLINE_SIZE] = PAGE_SIZE;

	entry->arch = x86;
	return 0;

fail:
	free_tables(&x86->tables);
	kfree(x86);
	return err;
}

/* Linux's state on this CPU, as the guest will continue with it. */
static void capture_linux_state(struct jailhouse_x86_linux_cpu *s)
{
	struct desc_ptr gdtr, idtr;
	unsigned long val;

	native_store_gdt(&gdtr);
	store_idt(&idtr);
	s->gdtr_base = gdtr.address;
	s->gdtr_limit = gdtr.size;
	s->idtr_base = idtr.address;
	s->idtr_limit = idtr.size;
	memcpy(s->gdt, (void *)gdtr.address, gdtr.size + 1);

	asm volatile("mov %%cs, %0" : "=r" (s->cs));
	asm volatile("mov %%ss, %0" : "=r" (s->ss));
	asm volatile("mov %%ds, %0" : "=r" (s->ds));
	asm volatile("mov %%es, %0" : "=r" (s->es));
	asm volatile("mov %%fs, %0" : "=r" (s->fs));
	asm volatile("mov %%gs, %0" : "=r" (s->gs));
	asm volatile("str %0" : "=r" (s->tr));
	asm volatile("sldt %0" : "=r" (s->ldtr));

	s->rflags = native_save_fl();
	asm volatile("mov %%cr0, %0" : "=r" (val));
	s->cr0 = val;
	s->cr4 = read_cr4_raw();
	asm volatile("mov %%dr7, %0" : "=r" (val));
	s->dr7 = val;

	s->efer = read_msr(MSR_EFER);
	s->pat = read_msr(MSR_IA32_CR_PAT);
	s->fs_base = read_msr(MSR_FS_BASE);
	s->gs_base = read_msr(MSR_GS_BASE);
	s->sysenter_cs = read_msr(MSR_IA32_SYSENTER_CS);
	s->sysenter_esp = read_msr(MSR_IA32_SYSENTER_ESP);
	s->sysenter_eip = read_msr(MSR_IA32_SYSENTER_EIP);
	s->debugctl = read_msr(MSR_IA32_DEBUGCTLMSR);
}

int jh_arch_enter_cpu(struct jh_entry *entry, unsigned int cpu)
{
	struct x86_entry *x86 = entry->arch;

	capture_linux_state(&x86->cpu_state[cpu]);
	return jh_x86_enter_firmware(cpu, virt_to_phys(x86->tables.root),
				     x86->firmware_entry);
}

void jh_arch_entry_done(struct jh_entry *entry, bool enabled)
{
	struct x86_entry *x86 = entry->arch;

	/* the firmware runs on its own page tables once it returned */
	free_tables(&x86->tables);
	kfree(x86);
	entry->arch = NULL;
}

/* x86 caches are coherent with everything the firmware does. */
void jh_arch_flush_dcache(void *addr, size_t size)
{
}

int jh_arch_disable_cpu(void)
{
	return jh_x86_disable();
}

bool jh_arch_cpu_can_leave_linux(unsigned int cpu)
{
	if (cpu == 0) {
		pr_err("Cannot assign CPU 0 to other cells\n");
		return false;
	}
	return true;
}
