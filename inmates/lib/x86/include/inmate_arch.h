/* SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause) */
/*
 * x86-64 specifics of the inmate library: port I/O, MSRs, TSC, local APIC,
 * IOAPIC and SMP helpers.
 */
#ifndef _INMATE_ARCH_H
#define _INMATE_ARCH_H

/* IDT vector of the local APIC timer */
#define TIMER_IRQ		32

/* Port I/O config access reaches every bus. */
#define PCI_DEFAULT_MAX_BUS	255

/* tells portable test code that inb() and friends exist */
#define INMATE_PORT_IO		1
/* ... and that smp_start_cpu() does */
#define INMATE_SMP		1

#define X86_CR0_PE		0x00000001
#define X86_EFLAGS_IF		0x00000200

#define MSR_IA32_APIC_BASE	0x0000001b
#define  APIC_BASE_EXTD		(1UL << 10)
#define  APIC_BASE_EN		(1UL << 11)

/* ---- segments of the library's GDT ---- */
#define INMATE_CS32		0x08
#define INMATE_CS64		0x10
#define INMATE_DS32		0x18

static inline void outb(u8 value, u16 port)
{
	asm volatile("out %b0, %w1" : : "a" (value), "Nd" (port));
}

static inline void outw(u16 value, u16 port)
{
	asm volatile("out %w0, %w1" : : "a" (value), "Nd" (port));
}

static inline void outl(u32 value, u16 port)
{
	asm volatile("out %k0, %w1" : : "a" (value), "Nd" (port));
}

static inline u8 inb(u16 port)
{
	u8 value;

	asm volatile("in %w1, %b0" : "=a" (value) : "Nd" (port));
	return value;
}

static inline u16 inw(u16 port)
{
	u16 value;

	asm volatile("in %w1, %w0" : "=a" (value) : "Nd" (port));
	return value;
}

static inline u32 inl(u16 port)
{
	u32 value;

	asm volatile("in %w1, %k0" : "=a" (value) : "Nd" (port));
	return value;
}

static inline u64 mmio_read64(unsigned long addr)
{
	return *(volatile u64 *)addr;
}

static inline void mmio_write64(unsigned long addr, u64 value)
{
	*(volatile u64 *)addr = value;
}

static inline u64 rdtsc(void)
{
	u32 lo, hi;

	asm volatile("rdtsc" : "=a" (lo), "=d" (hi));
	return ((u64)hi << 32) | lo;
}

static inline u64 read_msr(u32 msr)
{
	u32 lo, hi;

	asm volatile("rdmsr" : "=a" (lo), "=d" (hi) : "c" (msr) : "memory");
	return ((u64)hi << 32) | lo;
}

static inline void write_msr(u32 msr, u64 value)
{
	asm volatile("wrmsr"
		: : "c" (msr), "a" ((u32)value), "d" ((u32)(value >> 32))
		: "memory");
}

#define MSR_MTRR_DEF_TYPE	0x000002ff
#define MTRR_DEF_TYPE_ENABLE	(1ULL << 11)
#define X86_CR4_OSFXSR		(1UL << 9)
#define X86_CR4_OSXMMEXCPT	(1UL << 10)
#define X86_CR4_OSXSAVE		(1UL << 18)
#define XCR0_X87		(1ULL << 0)
#define XCR0_SSE		(1ULL << 1)
#define XCR0_AVX		(1ULL << 2)
#define XCR0_AVX512		(7ULL << 5)	/* opmask, ZMM_Hi256, Hi16_ZMM */

static inline unsigned long read_cr4(void)
{
	unsigned long cr4;

	asm volatile("mov %%cr4, %0" : "=r" (cr4));
	return cr4;
}

static inline void write_cr4(unsigned long cr4)
{
	asm volatile("mov %0, %%cr4" : : "r" (cr4) : "memory");
}

/* needs CR4.OSXSAVE */
static inline void write_xcr0(u64 value)
{
	asm volatile("xsetbv" : : "a" ((u32)value), "d" ((u32)(value >> 32)),
		     "c" (0));
}

static inline void cpuid(u32 leaf, u32 subleaf, u32 *eax, u32 *ebx,
			 u32 *ecx, u32 *edx)
{
	asm volatile("cpuid"
		: "=a" (*eax), "=b" (*ebx), "=c" (*ecx), "=d" (*edx)
		: "a" (leaf), "c" (subleaf));
}

static inline void cpu_relax(void)
{
	asm volatile("pause" : : : "memory");
}

static inline void irqs_enable(void)
{
	asm volatile("sti" : : : "memory");
}

static inline void irqs_disable(void)
{
	asm volatile("cli" : : : "memory");
}

/* Sleep until the next interrupt (interrupts must be enabled). */
static inline void cpu_wait_for_interrupt(void)
{
	asm volatile("hlt" : : : "memory");
}

static inline void memory_barrier(void)
{
	asm volatile("mfence" : : : "memory");
}

static inline void instruction_barrier(void)
{
	asm volatile("" : : : "memory");
}

/* ---- local APIC (lib/x86/apic.c) ---- */
#define APIC_SPURIOUS_VECTOR	0xff

void apic_init(void);
bool apic_is_x2apic(void);
u32 apic_id(void);
void apic_eoi(void);
u64 apic_timer_frequency(void);
/* the timer runs in TSC-deadline mode (else one-shot counts) */
bool apic_timer_tsc_deadline(void);
/* Send a fixed-vector IPI; INIT and SIPI via smp_start_cpu. */
void apic_send_ipi(u32 dest_apic_id, unsigned int vector);

/* ---- timing (lib/x86/timing.c) ---- */
/* ACPI PM timer (port from the comm region) in ns since the first call. */
u64 pm_timer_read(void);
/* TSC frequency in Hz as calibrated by timer_init() */
u64 tsc_frequency(void);

/* ---- IOAPIC (lib/x86/ioapic.c) ---- */
#define IOAPIC_BASE		0xfec00000UL

enum ioapic_trigger {
	IOAPIC_EDGE_HIGH,
	IOAPIC_LEVEL_LOW,
	IOAPIC_LEVEL_HIGH,
};

void ioapic_pin_set_vector(unsigned int pin, enum ioapic_trigger trigger,
			   unsigned int vector);
void ioapic_pin_mask(unsigned int pin);

/* ---- SMP (lib/x86/smp.c) ---- */
#define SMP_MAX_CPUS		8
#define SMP_CPU_ID_NAME		"APIC ID"

/* This CPU as smp_start_cpu() names it: its APIC ID. */
static inline u32 smp_cpu_id(void)
{
	return apic_id();
}

/*
 * Start the CPU with this APIC ID (it must belong to the cell) via INIT
 * and SIPI; it runs entry(index) on a stack of its own, index counting
 * from 1 (the boot CPU is 0). Returns the index or -1 on timeout.
 */
int smp_start_cpu(u32 apic_id, void (*entry)(unsigned int index));

/* ---- library internals shared between lib/x86 files ---- */
void x86_idt_load(void);
void x86_apic_timer_init(void);
void x86_apic_send_init_sipi(u32 dest, unsigned int sipi_page);
extern const u8 int_stubs[];	/* 16 bytes per vector */
extern u64 page_dirs[];		/* 2048 entries of 2 MiB: the low 4 GiB */
struct int_frame;
void x86_int_dispatch(struct int_frame *frame);
void __noreturn smp_ap_entry(void);

#endif /* !_INMATE_ARCH_H */
