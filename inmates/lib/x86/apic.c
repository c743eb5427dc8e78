// SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause)
/*
 * Local APIC in the mode the CPU is in: x2APIC (MSRs) when IA32_APIC_BASE
 * has EXTD set - the hypervisor gives a cell the root cell's mode -,
 * otherwise xAPIC (MMIO at the APIC base). The command line option
 * "x2apic" switches an xAPIC to x2APIC when the CPU supports it (for
 * bare-metal tests; under the hypervisor the mode is not ours to pick).
 * "x2apic-msrs" uses the x2APIC MSRs without switching, as inmates built
 * for upstream Jailhouse do: on an xAPIC the hypervisor emulates them.
 *
 * The timer runs in TSC-deadline mode when the CPU offers it (option
 * "no-tsc-deadline": one-shot counts instead). The deadline MSR is the
 * CPU's own state, which a cell may write without a VM exit; the LVT is
 * written only when it changes: in xAPIC mode under the hypervisor every
 * APIC register write traps, so a tick then costs the EOI alone. The
 * timer functions serve one CPU (the cache of the LVT value is global).
 */
#include <inmate.h>

#define X2APIC_MSR_BASE		0x800
#define CPUID_1_ECX_X2APIC	(1U << 21)
#define CPUID_1_ECX_TSC_DEADLINE	(1U << 24)
#define MSR_IA32_TSC_DEADLINE	0x6e0

#define APIC_REG_ID		0x020
#define APIC_REG_EOI		0x0b0
#define APIC_REG_SVR		0x0f0
#define  APIC_SVR_ENABLE	0x100
#define APIC_REG_ICR		0x300
#define APIC_REG_ICR_HI		0x310
#define  APIC_ICR_PENDING	(1U << 12)
#define APIC_REG_LVT_TIMER	0x320
#define  APIC_LVT_MASKED	(1U << 16)
#define  APIC_LVT_TSC_DEADLINE	(2U << 17)
#define  APIC_LVT_UNKNOWN	0xffffffffU	/* never a value we write */
#define APIC_REG_TIMER_INIT	0x380
#define APIC_REG_TIMER_CUR	0x390
#define APIC_REG_TIMER_DIV	0x3e0
#define  APIC_TIMER_DIV_1	0xb

static bool x2apic;
static unsigned long xapic_base;
static u64 apic_hz;
static bool tsc_deadline;
static u32 lvt_timer = APIC_LVT_UNKNOWN;

static u32 apic_read(unsigned int reg)
{
	if (x2apic)
		return read_msr(X2APIC_MSR_BASE + (reg >> 4));
	return mmio_read32(xapic_base + reg);
}

static void apic_write(unsigned int reg, u32 value)
{
	if (x2apic)
		write_msr(X2APIC_MSR_BASE + (reg >> 4), value);
	else
		mmio_write32(xapic_base + reg, value);
}

static bool cpuid_1_ecx_has(u32 feature)
{
	u32 eax, ebx, ecx, edx;

	cpuid(1, 0, &eax, &ebx, &ecx, &edx);
	return ecx & feature;
}

static void lvt_timer_set(u32 value)
{
	if (value == lvt_timer)
		return;
	apic_write(APIC_REG_LVT_TIMER, value);
	lvt_timer = value;
	/* the deadline MSR write that may follow is not serializing */
	memory_barrier();
}

void apic_init(void)
{
	u64 base = read_msr(MSR_IA32_APIC_BASE);

	if (!(base & APIC_BASE_EXTD) && cmdline_parse_bool("x2apic", false) &&
	    cpuid_1_ecx_has(CPUID_1_ECX_X2APIC)) {
		base |= APIC_BASE_EN | APIC_BASE_EXTD;
		write_msr(MSR_IA32_APIC_BASE, base);
	}
	x2apic = base & APIC_BASE_EXTD ||
		cmdline_parse_bool("x2apic-msrs", false);
	xapic_base = base & ~0xfffUL & 0xffffffffffUL;

	apic_write(APIC_REG_SVR, APIC_SVR_ENABLE | APIC_SPURIOUS_VECTOR);
	lvt_timer = APIC_LVT_UNKNOWN;
}

bool apic_is_x2apic(void)
{
	return x2apic;
}

u32 apic_id(void)
{
	u32 id = apic_read(APIC_REG_ID);

	return x2apic ? id : id >> 24;
}

void apic_eoi(void)
{
	apic_write(APIC_REG_EOI, 0);
}

static void apic_icr_write(u32 dest, u32 command)
{
	if (x2apic) {
		write_msr(X2APIC_MSR_BASE + (APIC_REG_ICR >> 4),
			  ((u64)dest << 32) | command);
		return;
	}
	apic_write(APIC_REG_ICR_HI, dest << 24);
	apic_write(APIC_REG_ICR, command);
	while (apic_read(APIC_REG_ICR) & APIC_ICR_PENDING)
		cpu_relax();
}

void apic_send_ipi(u32 dest_apic_id, unsigned int vector)
{
	apic_icr_write(dest_apic_id, vector & 0xff);
}

/* INIT (level assert), then the start-up IPI with the 4 KiB page number */
void x86_apic_send_init_sipi(u32 dest, unsigned int sipi_page)
{
	apic_icr_write(dest, 0x00004500);
	delay_us(10000);
	apic_icr_write(dest, 0x00004600 | (sipi_page & 0xff));
	delay_us(200);
	apic_icr_write(dest, 0x00004600 | (sipi_page & 0xff));
}

/* Count APIC timer ticks (divider 1) over a TSC-timed window. */
static u64 apic_measure_frequency(void)
{
	u64 window = tsc_frequency() / 50, start, elapsed;
	u32 remaining;

	apic_write(APIC_REG_TIMER_DIV, APIC_TIMER_DIV_1);
	lvt_timer_set(APIC_LVT_MASKED | TIMER_IRQ);
	apic_write(APIC_REG_TIMER_INIT, 0xffffffff);
	start = rdtsc();
	while (rdtsc() - start < window)
		cpu_relax();
	remaining = apic_read(APIC_REG_TIMER_CUR);
	elapsed = rdtsc() - start;
	apic_write(APIC_REG_TIMER_INIT, 0);

	return muldiv64(0xffffffffULL - remaining, tsc_frequency(), elapsed);
}

void x86_apic_timer_init(void)
{
	if (!apic_hz)
		apic_hz = apic_measure_frequency();
	if (!apic_hz)
		apic_hz = (u64)comm_region->apic_khz * 1000;
	tsc_deadline = cpuid_1_ecx_has(CPUID_1_ECX_TSC_DEADLINE) &&
		!cmdline_parse_bool("no-tsc-deadline", false);
}

bool apic_timer_tsc_deadline(void)
{
	return tsc_deadline;
}

u64 apic_timer_frequency(void)
{
	return apic_hz;
}

void timer_start_at(u64 deadline)
{
	u64 now, count = 1;

	if (tsc_deadline) {
		lvt_timer_set(APIC_LVT_TSC_DEADLINE | TIMER_IRQ);
		/* 0 would disarm; a deadline passed fires at once */
		write_msr(MSR_IA32_TSC_DEADLINE, deadline ? deadline : 1);
		return;
	}
	now = rdtsc();
	if (deadline > now)
		count = muldiv64(deadline - now, apic_hz, tsc_frequency());
	if (count == 0)
		count = 1;
	if (count > 0xffffffff)
		count = 0xffffffff;
	lvt_timer_set(TIMER_IRQ);
	apic_write(APIC_REG_TIMER_INIT, count);
}

void timer_stop(void)
{
	if (tsc_deadline)
		write_msr(MSR_IA32_TSC_DEADLINE, 0);
	else
		apic_write(APIC_REG_TIMER_INIT, 0);
	lvt_timer_set(APIC_LVT_MASKED | TIMER_IRQ);
}
