// SPDX-License-Identifier: GPL-2.0
/*
 * CPU state that VMX leaves in place between guests, reset when a CPU
 * changes owner.
 *
 * A VM entry loads only what the VMCS guest area holds. The FPU and
 * vector registers, the SYSCALL and swapgs MSRs, TSC_AUX, CR2 and the
 * debug address registers stay as the previous owner left them, and a
 * cell may read all of them directly. Left alone, a cell taking a CPU
 * from Linux would find a process's vector registers and the kernel's
 * entry points and per-CPU addresses (a way around KASLR), and Linux
 * would find what a cell left behind when it gets the CPU back.
 */
#include <jailhouse/types.h>
#include <jailhouse/utils.h>
#include <asm/processor.h>
#include <asm/vcpu.h>

#define FXSAVE_AREA_SIZE	512
#define XSAVE_HEADER_SIZE	64
#define FCW_RESET		0x037f
#define MXCSR_RESET		0x1f80
#define DR6_RESET		0xffff0ff0UL

#define X86_FEATURE_XFD		(1U << 4)	/* leaf 0xd.1 EAX */
#define MSR_IA32_XFD		0x000001c4
#define MSR_IA32_XFD_ERR	0x000001c5

/*
 * FXSAVE layout plus the XSAVE header. FXRSTOR loads it as is: empty x87
 * stack, zero registers, reset control words. XRSTOR finds XSTATE_BV = 0
 * in the header and puts every requested component in its initial state
 * instead, reading only MXCSR from the legacy part.
 */
static const struct {
	u16 fcw;
	u8 fsw_to_fdp[22];
	u32 mxcsr;
	u8 rest[FXSAVE_AREA_SIZE - 28 + XSAVE_HEADER_SIZE];
} __attribute__((aligned(64))) initial_fpu_image = {
	.fcw = FCW_RESET,
	.mxcsr = MXCSR_RESET,
};

BUILD_BUG_ON(sizeof(initial_fpu_image) !=
	     FXSAVE_AREA_SIZE + XSAVE_HEADER_SIZE);

static void xstate_features(u32 subleaf, u32 *eax, u32 *edx)
{
	u32 ebx, ecx;

	cpuid_count(X86_CPUID_XSTATE, subleaf, eax, &ebx, &ecx, edx);
}

/*
 * Every user state component the CPU has (x87 to AVX-512, PKRU, AMX),
 * then XCR0 at its reset value. XFD would turn the restore of an armed
 * component into #NM here: it is reset to 0 first, as at power-up.
 */
static void reset_extended_state(void)
{
	u32 low, high, xfd_eax, unused;

	xstate_features(1, &xfd_eax, &unused);
	if (xfd_eax & X86_FEATURE_XFD) {
		write_msr(MSR_IA32_XFD, 0);
		write_msr(MSR_IA32_XFD_ERR, 0);
	}
	xstate_features(0, &low, &high);
	/* until the next VM exit loads HOST_CR4 again */
	write_cr4(read_cr4() | X86_CR4_OSXSAVE);
	write_xcr0(low | ((u64)high << 32));
	asm volatile("xrstor %0"
		: /* no output */
		: "m" (initial_fpu_image), "a" (~0U), "d" (~0U));
	write_xcr0(XCR0_X87);
}

static void reset_fpu_registers(void)
{
	if (cpuid_ecx(X86_CPUID_FEATURES, 0) & X86_FEATURE_XSAVE)
		reset_extended_state();
	else
		asm volatile("fxrstor %0" : : "m" (initial_fpu_image));
}

static bool has_tsc_aux(void)
{
	u32 eax, ebx, ecx, edx;

	cpuid_count(X86_CPUID_EXT_FEATURES, 0, &eax, &ebx, &ecx, &edx);
	return (edx & X86_FEATURE_RDTSCP) ||
		(cpuid_ecx(7, 0) & X86_FEATURE_RDPID);
}

/*
 * 0 is their reset value; Linux sets the ones it uses again when it
 * brings a CPU up. A cell may write all of them directly, so none of
 * these writes can fault where cells run.
 */
static void reset_system_call_msrs(void)
{
	u32 xsave_eax, unused;

	write_msr(MSR_STAR, 0);
	write_msr(MSR_LSTAR, 0);
	write_msr(MSR_CSTAR, 0);
	write_msr(MSR_SYSCALL_MASK, 0);
	write_msr(MSR_KERNEL_GS_BASE, 0);
	if (has_tsc_aux())
		write_msr(MSR_TSC_AUX, 0);
	if (cpuid_ecx(X86_CPUID_FEATURES, 0) & X86_FEATURE_XSAVE) {
		xstate_features(1, &xsave_eax, &unused);
		if (xsave_eax & X86_FEATURE_XSAVES)
			write_msr(MSR_IA32_XSS, 0);
	}
}

static void reset_debug_and_fault_registers(void)
{
	asm volatile("mov %0,%%dr0\n\t"
		     "mov %0,%%dr1\n\t"
		     "mov %0,%%dr2\n\t"
		     "mov %0,%%dr3\n\t"
		     "mov %1,%%dr6"
		     : /* no output */
		     : "r" (0UL), "r" (DR6_RESET));
	write_cr2(0);
}

/* Runs on the CPU itself, before its new owner's first VM entry. */
void vcpu_reset_unswitched_state(void)
{
	reset_fpu_registers();
	reset_system_call_msrs();
	reset_debug_and_fault_registers();
}
