// SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause)
/*
 * ok-inmate: a well-behaved test inmate for lifecycle scenarios. It prints
 * a start marker and its comm region, then counts timer interrupts
 * (period-ms, default 100) and reports every tens tick, and approves
 * shutdown requests. Parameters: period-ms, ticks (stop counting after
 * this many, 0 = never), start-cpu=ID (start that CPU of the cell first:
 * x86 INIT/SIPI to APIC ID, ARM PSCI CPU_ON to MPIDR; it reports its ID
 * and stops, on ARM with CPU_OFF, which AFFINITY_INFO must then show),
 * foreign-cpu=ID (try to start a CPU that is not the cell's: must be
 * refused), pci-scan (list the PCI functions the cell sees), xsave (x86:
 * what the start code of inmates built for upstream Jailhouse does: write
 * IA32_MTRR_DEF_TYPE back with its enable bit, turn on XSAVE with x87 and
 * SSE state through XSETBV), the inmate library's x2apic-msrs (x86:
 * program the APIC through the x2APIC MSRs, as such inmates do) and
 * leftover-check (report what the CPU's previous owner left in registers
 * the hypervisor does not switch, then fill them for the next owner).
 *
 * Markers: "OK-INMATE: started", "OK-INMATE: tick N",
 * "OK-INMATE: done after N ticks", "OK-INMATE: shutdown approved",
 * "OK-INMATE: CPU N running, APIC ID M" (ARM: "MPIDR M"),
 * "OK-INMATE: CPU with MPIDR M is off again",
 * "OK-INMATE: foreign CPU M refused",
 * "OK-INMATE: PCI bb:dd.f vvvv:dddd class cccccc",
 * "OK-INMATE: XSAVE on, MTRR default type T",
 * "OK-INMATE: APIC ID N through x2APIC MSRs" (or "the xAPIC page"),
 * "OK-INMATE: checking <register groups>",
 * "OK-INMATE: previous owner's state: none" (or the non-zero groups),
 * "OK-INMATE: registers filled with a5 for the next owner".
 */
#include <inmate.h>

#define NO_CPU		(~0U)

#define PREFIX		"OK-INMATE: "
#define REPORT_EVERY	10

static volatile unsigned long ticks;
static unsigned long max_ticks;

static void handle_irq(unsigned int irq)
{
	if (irq != TIMER_IRQ)
		return;
	ticks++;
	if (max_ticks && ticks >= max_ticks)
		timer_stop();
	else
		timer_periodic_tick();
}

#ifdef INMATE_SMP
static volatile u32 started_cpu_id = NO_CPU;

static void second_cpu(unsigned int index)
{
	started_cpu_id = smp_cpu_id();
}

#ifdef SMP_CPU_OFF
/* The started CPU powers itself off when second_cpu() returns. */
static void report_cpu_off(u32 id)
{
	unsigned int waited;
	int state = smp_cpu_state(id);

	for (waited = 0; state != SMP_CPU_OFF && waited < 1000; waited++) {
		delay_us(1000);
		state = smp_cpu_state(id);
	}
	if (state == SMP_CPU_OFF)
		printk(PREFIX "CPU with " SMP_CPU_ID_NAME " %u is off again\n",
		       id);
	else
		printk(PREFIX "CPU with " SMP_CPU_ID_NAME " %u state %d\n",
		       id, state);
}
#else
static void report_cpu_off(u32 id)
{
}
#endif

/* A CPU of another cell must not start for us. */
static void start_foreign_cpu(void)
{
	long long id = cmdline_parse_int("foreign-cpu", -1);

	if (id < 0)
		return;
	if (smp_start_cpu(id, second_cpu) > 0)
		printk(PREFIX "foreign CPU %lld started\n", id);
	else
		printk(PREFIX "foreign CPU %lld refused\n", id);
}

/* The started CPU only reports; the boot CPU prints for it. */
static void start_second_cpu(void)
{
	long long id = cmdline_parse_int("start-cpu", -1);
	int index;

	start_foreign_cpu();
	if (id < 0)
		return;
	index = smp_start_cpu(id, second_cpu);
	while (index > 0 && started_cpu_id == NO_CPU)
		cpu_relax();
	if (index <= 0) {
		printk(PREFIX "CPU with " SMP_CPU_ID_NAME " %lld did not start\n",
		       id);
		return;
	}
	printk(PREFIX "CPU %d running, " SMP_CPU_ID_NAME " %u\n", index,
	       started_cpu_id);
	report_cpu_off(id);
}
#else
static void start_second_cpu(void)
{
}
#endif

static void scan_pci(void)
{
	int bdf = -1;

	if (!cmdline_parse_bool("pci-scan", false))
		return;
	while ((bdf = pci_find_device(PCI_ID_ANY, PCI_ID_ANY, bdf + 1)) >= 0)
		printk(PREFIX "PCI %02x:%02x.%x %04x:%04x class %06x\n",
		       PCI_BUS(bdf), PCI_DEV(bdf), PCI_FN(bdf),
		       pci_read_config(bdf, PCI_CFG_VENDOR_ID, 2),
		       pci_read_config(bdf, PCI_CFG_DEVICE_ID, 2),
		       pci_read_config(bdf, PCI_CFG_CLASS_REV, 4) >> 8);
	printk(PREFIX "PCI scan done\n");
}

/* deny=N: the cell starts locked and refuses the first N requests */
static unsigned long denials_left;

static bool approve_shutdown(void)
{
	if (denials_left) {
		denials_left--;
		printk(PREFIX "shutdown request denied (%lu more to deny)\n",
		       denials_left);
		if (!denials_left)
			comm_region_set_state(JAILHOUSE_CELL_RUNNING);
		return false;
	}
	printk(PREFIX "shutdown approved after %lu ticks\n", ticks);
	return true;
}

/*
 * leftover-check, common part: the arch block reports every register
 * group that is not zero with leftover(), fills them with FILL_BYTE and
 * ends with finish_leftover_report().
 */
#define FILL_BYTE		0xa5

static unsigned int leftovers;

static void leftover(const char *name)
{
	if (!leftovers++)
		printk(PREFIX "previous owner's state:");
	printk(" %s", name);
}

static void finish_leftover_report(void)
{
	if (leftovers)
		printk("\n");
	else
		printk(PREFIX "previous owner's state: none\n");
	printk(PREFIX "registers filled with %02x for the next owner\n",
	       FILL_BYTE);
}

#ifdef __x86_64__
static void upstream_start_code(void)
{
	u64 def_type;

	if (!cmdline_parse_bool("xsave", false))
		return;
	def_type = read_msr(MSR_MTRR_DEF_TYPE);
	write_msr(MSR_MTRR_DEF_TYPE, def_type | MTRR_DEF_TYPE_ENABLE);
	write_cr4(read_cr4() | X86_CR4_OSXSAVE);
	write_xcr0(XCR0_X87 | XCR0_SSE);
	printk(PREFIX "XSAVE on, MTRR default type %x\n", (u32)def_type);
}

static void report_apic_interface(void)
{
	printk(PREFIX "APIC ID %u through %s\n", apic_id(),
	       apic_is_x2apic() ? "x2APIC MSRs" : "the xAPIC page");
}

/*
 * leftover-check: registers VMX does not switch between guests and a
 * cell reads directly. Whatever they hold at the start came from the
 * CPU's previous owner (Linux, or a cell before it). They are reported,
 * then filled, so that the next owner has something to find.
 */
#define CPUID_XSAVE		(1U << 26)	/* leaf 1 ECX */
#define CPUID_RDTSCP		(1U << 27)	/* leaf 0x80000001 EDX */
#define XSTATE_MAX		4096
#define XSTATE_BV		512	/* XSAVE header, after the legacy area */
#define FX_FTW			4	/* abridged tag word */
#define FX_ST0			32
#define FX_XMM0			160
#define FILL_ADDRESS		0x25a5a5a5a000UL	/* canonical */

static u8 xstate[XSTATE_MAX] __attribute__((aligned(64)));

struct register_area {
	const char *name;
	u64 component;		/* XCR0 bit; 0 for the legacy area */
	u32 offset, count;	/* registers, each @stride bytes apart */
	u16 stride, bytes;	/* of which @bytes hold the value */
};

/* extended components: found by locate_areas() through CPUID */
static struct register_area areas[] = {
	{ "x87", XCR0_X87, FX_ST0, 8, 16, 10 },
	{ "SSE", XCR0_SSE, FX_XMM0, 16, 16, 16 },
	{ .name = "AVX", .component = XCR0_AVX },
	{ .name = "AVX-512-opmask", .component = 1ULL << 5 },
	{ .name = "AVX-512-ZMM_Hi256", .component = 1ULL << 6 },
	{ .name = "AVX-512-Hi16_ZMM", .component = 1ULL << 7 },
};

static const struct {
	const char *name;
	u32 msr;
	u64 fill;
} syscall_msrs[] = {
	{ "STAR", 0xc0000081, 0xa5a5a5a5a5a5a5a5ULL },
	{ "LSTAR", 0xc0000082, FILL_ADDRESS },
	{ "CSTAR", 0xc0000083, FILL_ADDRESS },
	{ "FMASK", 0xc0000084, 0xa5a5a5a5 },
	{ "KERNEL_GS_BASE", 0xc0000102, FILL_ADDRESS },
};

#define MSR_TSC_AUX		0xc0000103

/* XCR0 with every vector component the CPU has; 0 without XSAVE */
static u64 enable_vector_state(void)
{
	u32 eax, ebx, ecx, edx;
	u64 mask;

	write_cr4(read_cr4() | X86_CR4_OSFXSR | X86_CR4_OSXMMEXCPT);
	cpuid(1, 0, &eax, &ebx, &ecx, &edx);
	if (!(ecx & CPUID_XSAVE))
		return 0;
	cpuid(0xd, 0, &eax, &ebx, &ecx, &edx);
	mask = eax & (XCR0_X87 | XCR0_SSE | XCR0_AVX | XCR0_AVX512);
	write_cr4(read_cr4() | X86_CR4_OSXSAVE);
	write_xcr0(mask);
	cpuid(0xd, 0, &eax, &ebx, &ecx, &edx);
	if (ebx > XSTATE_MAX) {
		printk(PREFIX "XSAVE area of %u bytes too big\n", ebx);
		write_xcr0(XCR0_X87 | XCR0_SSE);
		return XCR0_X87 | XCR0_SSE;
	}
	return mask;
}

static void save_vector_state(u64 mask)
{
	memset(xstate, 0, sizeof(xstate));
	if (mask)
		asm volatile("xsave %0" : "+m" (xstate)
			     : "a" ((u32)mask), "d" ((u32)(mask >> 32)));
	else
		asm volatile("fxsave %0" : "+m" (xstate));
}

static void restore_vector_state(u64 mask)
{
	if (mask) {
		memcpy(&xstate[XSTATE_BV], &mask, sizeof(mask));
		asm volatile("xrstor %0" : : "m" (xstate),
			     "a" ((u32)mask), "d" ((u32)(mask >> 32)));
	} else {
		asm volatile("fxrstor %0" : : "m" (xstate));
	}
}

static bool area_is_zero(const struct register_area *area)
{
	unsigned int reg, byte;

	for (reg = 0; reg < area->count; reg++)
		for (byte = 0; byte < area->bytes; byte++)
			if (xstate[area->offset + reg * area->stride + byte])
				return false;
	return true;
}

static void fill_area(const struct register_area *area)
{
	unsigned int reg;

	for (reg = 0; reg < area->count; reg++)
		memset(&xstate[area->offset + reg * area->stride], FILL_BYTE,
		       area->bytes);
}

/* where XSAVE puts the extended components (legacy ones are fixed) */
static void locate_areas(u64 mask)
{
	u32 size, offset, ecx, edx;
	unsigned int n;

	for (n = 0; n < ARRAY_SIZE(areas); n++) {
		if (areas[n].component <= XCR0_SSE)
			continue;
		areas[n].count = 0;
		if (!(mask & areas[n].component))
			continue;
		cpuid(0xd, __builtin_ctzll(areas[n].component), &size, &offset,
		      &ecx, &edx);
		areas[n].offset = offset;
		areas[n].count = 1;
		areas[n].stride = size;
		areas[n].bytes = size;
	}
}

static void check_vector_registers(u64 mask)
{
	unsigned int n;

	save_vector_state(mask);
	for (n = 0; n < ARRAY_SIZE(areas); n++)
		if (areas[n].count && !area_is_zero(&areas[n]))
			leftover(areas[n].name);
	for (n = 0; n < ARRAY_SIZE(areas); n++)
		if (areas[n].count)
			fill_area(&areas[n]);
	xstate[FX_FTW] = 0xff;	/* all eight x87 registers in use */
	restore_vector_state(mask);
}

static bool has_tsc_aux(void)
{
	u32 eax, ebx, ecx, edx;

	cpuid(0x80000001, 0, &eax, &ebx, &ecx, &edx);
	return edx & CPUID_RDTSCP;
}

static void check_msrs(void)
{
	unsigned int n;

	for (n = 0; n < ARRAY_SIZE(syscall_msrs); n++) {
		if (read_msr(syscall_msrs[n].msr))
			leftover(syscall_msrs[n].name);
		write_msr(syscall_msrs[n].msr, syscall_msrs[n].fill);
	}
	if (has_tsc_aux()) {
		if (read_msr(MSR_TSC_AUX))
			leftover("TSC_AUX");
		write_msr(MSR_TSC_AUX, 0xa5a5a5a5);
	}
}

#define CHECK_AND_FILL_DR(n)						\
	do {								\
		unsigned long value;					\
									\
		asm volatile("mov %%dr" #n ",%0" : "=r" (value));	\
		if (value)						\
			leftover("DR" #n);				\
		asm volatile("mov %0,%%dr" #n : : "r" (FILL_ADDRESS));	\
	} while (0)

static void check_debug_and_fault_registers(void)
{
	unsigned long cr2;

	CHECK_AND_FILL_DR(0);
	CHECK_AND_FILL_DR(1);
	CHECK_AND_FILL_DR(2);
	CHECK_AND_FILL_DR(3);
	asm volatile("mov %%cr2,%0" : "=r" (cr2));
	if (cr2)
		leftover("CR2");
	asm volatile("mov %0,%%cr2" : : "r" (FILL_ADDRESS));
}

static void check_leftover_state(void)
{
	unsigned int n;
	u64 mask;

	if (!cmdline_parse_bool("leftover-check", false))
		return;
	mask = enable_vector_state();
	locate_areas(mask);
	printk(PREFIX "checking");
	for (n = 0; n < ARRAY_SIZE(areas); n++)
		if (areas[n].count)
			printk(" %s", areas[n].name);
	printk(" syscall-MSRs DR0-3 CR2\n");

	leftovers = 0;
	check_vector_registers(mask);
	check_msrs();
	check_debug_and_fault_registers();
	finish_leftover_report();
}
#else /* ARMv7 */
static void upstream_start_code(void)
{
}

static void report_apic_interface(void)
{
}

/*
 * leftover-check: registers a cell reads and writes at PL1 without a
 * trap, which the hypervisor does not switch between guests. What they
 * hold at the start came from the CPU's previous owner (Linux, or a cell
 * before it). They are reported, then filled, so that the next owner has
 * something to find. The registers the library sets before inmate_main
 * (SCTLR, TTBR0, TTBCR, DACR, VBAR, SP_irq) cannot be judged here.
 */
#define FILL32			0xa5a5a5a5U
#define FILL64			0xa5a5a5a5a5a5a5a5ULL
/* FPSCR without vector length and stride: no short vectors */
#define FPSCR_FILL		(FILL32 & ~0x00370000U)
#define CSSELR_FILL		2	/* level 2 data or unified cache */
#define CPACR_CP10_CP11_FULL	(0xf << 20)
#define FPEXC_EN		(1U << 30)
#define PMCR_MODES		0x39	/* E, D, X, DP */
#define PMCR_E			(1 << 0)
#define PM_CYCLE_COUNTER	(1U << 31)
#define VFP_REGS		32

static u64 vfp_regs[VFP_REGS];

static void check_value(const char *name, u64 value)
{
	if (value)
		leftover(name);
}

/* CP15 registers: name, opc1, CRn, CRm, opc2 (64-bit: name, opc1, CRm) */
#define CHECK_SYSREG(name, opc1, crn, crm, opc2, fill)			\
	check_value(#name, arm_swap_sysreg(p15, opc1, crn, crm, opc2, fill))
#define CHECK_SYSREG64(name, opc1, crm, fill)				\
	check_value(#name, arm_swap_sysreg64(p15, opc1, crm, fill))
#define CHECK_BANKED(reg)						\
	check_value(#reg, arm_swap_banked(reg, FILL32))

/* thread IDs, fault, translation and memory attribute registers */
static void check_system_registers(void)
{
	CHECK_SYSREG(TPIDRURW, 0, c13, c0, 2, FILL32);
	CHECK_SYSREG(TPIDRURO, 0, c13, c0, 3, FILL32);
	CHECK_SYSREG(TPIDRPRW, 0, c13, c0, 4, FILL32);
	CHECK_SYSREG(CONTEXTIDR, 0, c13, c0, 1, FILL32);
	CHECK_SYSREG64(TTBR1, 1, c2, FILL64);
	CHECK_SYSREG64(PAR, 0, c7, FILL64);
	CHECK_SYSREG(DFAR, 0, c6, c0, 0, FILL32);
	CHECK_SYSREG(IFAR, 0, c6, c0, 2, FILL32);
	CHECK_SYSREG(DFSR, 0, c5, c0, 0, FILL32);
	CHECK_SYSREG(IFSR, 0, c5, c0, 1, FILL32);
	CHECK_SYSREG(ADFSR, 0, c5, c1, 0, FILL32);
	CHECK_SYSREG(AIFSR, 0, c5, c1, 1, FILL32);
	CHECK_SYSREG(PRRR, 0, c10, c2, 0, FILL32);
	CHECK_SYSREG(NMRR, 0, c10, c2, 1, FILL32);
	CHECK_SYSREG(AMAIR0, 0, c10, c3, 0, FILL32);
	CHECK_SYSREG(AMAIR1, 0, c10, c3, 1, FILL32);
	CHECK_SYSREG(CSSELR, 2, c0, c0, 0, CSSELR_FILL);
	CHECK_SYSREG(CNTKCTL, 0, c14, c1, 0, FILL32);
	CHECK_SYSREG64(CNTV_CVAL, 3, c14, FILL64);
	CHECK_SYSREG64(CNTP_CVAL, 2, c14, FILL64);
}

/* other modes' SP, LR and SPSR (SP_irq is the library's IRQ stack) */
static void check_banked_registers(void)
{
	CHECK_BANKED(SP_usr);
	CHECK_BANKED(LR_usr);
	CHECK_BANKED(LR_irq);
	CHECK_BANKED(SPSR_irq);
	CHECK_BANKED(SP_abt);
	CHECK_BANKED(LR_abt);
	CHECK_BANKED(SPSR_abt);
	CHECK_BANKED(SP_und);
	CHECK_BANKED(LR_und);
	CHECK_BANKED(SPSR_und);
	CHECK_BANKED(R8_fiq);
	CHECK_BANKED(R9_fiq);
	CHECK_BANKED(R10_fiq);
	CHECK_BANKED(R11_fiq);
	CHECK_BANKED(R12_fiq);
	CHECK_BANKED(SP_fiq);
	CHECK_BANKED(LR_fiq);
	CHECK_BANKED(SPSR_fiq);
}

static bool has_thumbee(void)
{
	return (arm_read_sysreg("p15, 0, %0, c0, c1, 0") >> 12) & 0xf;
}

static bool has_pmu(void)
{
	u32 perfmon = (arm_read_sysreg("p15, 0, %0, c0, c1, 2") >> 24) & 0xf;

	return perfmon >= 2 && perfmon != 0xf;	/* PMUv2 or later */
}

/* counters left running, cycle counter enabled, User mode access */
static void check_performance_monitors(void)
{
	check_value("PMCR", arm_read_sysreg("p15, 0, %0, c9, c12, 0") &
		    PMCR_MODES);
	CHECK_SYSREG(PMCNTENSET, 0, c9, c12, 1, PM_CYCLE_COUNTER);
	check_value("PMINTENSET", arm_read_sysreg("p15, 0, %0, c9, c14, 1"));
	check_value("PMOVSR", arm_read_sysreg("p15, 0, %0, c9, c12, 3"));
	check_value("PMCCNTR", arm_read_sysreg("p15, 0, %0, c9, c13, 0"));
	CHECK_SYSREG(PMUSERENR, 0, c9, c14, 0, 1);
	/* start the counters */
	arm_swap_sysreg(p15, 0, c9, c12, 0, PMCR_E);
}

static void check_optional_registers(void)
{
	if (has_thumbee()) {
		check_value("TEEHBR", arm_swap_sysreg(p14, 6, c1, c0, 0, FILL32));
		check_value("TEECR", arm_swap_sysreg(p14, 6, c0, c0, 0, 1));
	}
	if (has_pmu())
		check_performance_monitors();
}

static bool vfp_regs_zero(unsigned int count)
{
	unsigned int n;

	for (n = 0; n < count; n++)
		if (vfp_regs[n])
			return false;
	return true;
}

/*
 * The library is built without floating point: VFP instructions only
 * in asm. CPACR and FPEXC are judged before this code opens them.
 */
static void check_vfp(void)
{
	unsigned int n, count;
	u32 fpexc, mvfr0, fpscr;

	check_value("CPACR", arm_swap_sysreg(p15, 0, c1, c0, 2,
					     CPACR_CP10_CP11_FULL));
	/* the access bits of cp10/cp11 stick only if there is an FPU */
	if ((arm_read_sysreg("p15, 0, %0, c1, c0, 2") & CPACR_CP10_CP11_FULL) !=
	    CPACR_CP10_CP11_FULL)
		return;

	asm volatile(".fpu vfpv3\n\tvmrs %0, fpexc" : "=r" (fpexc));
	check_value("FPEXC", fpexc);
	asm volatile(".fpu vfpv3\n\tvmsr fpexc, %0\n\tisb"
		     : : "r" (FPEXC_EN) : "memory");
	asm volatile(".fpu vfpv3\n\tvmrs %0, mvfr0" : "=r" (mvfr0));
	count = (mvfr0 & 0xf) == 2 ? 32 : 16;

	asm volatile(".fpu vfpv3\n\tvstmia %0, {d0-d15}"
		     : : "r" (vfp_regs) : "memory");
	if (count == 32)
		asm volatile(".fpu vfpv3\n\tvstmia %0, {d16-d31}"
			     : : "r" (&vfp_regs[16]) : "memory");
	if (!vfp_regs_zero(count))
		leftover(count == 32 ? "D0-D31" : "D0-D15");
	asm volatile(".fpu vfpv3\n\tvmrs %0, fpscr" : "=r" (fpscr));
	check_value("FPSCR", fpscr);

	for (n = 0; n < count; n++)
		vfp_regs[n] = FILL64;
	asm volatile(".fpu vfpv3\n\tvldmia %0, {d0-d15}"
		     : : "r" (vfp_regs) : "memory");
	if (count == 32)
		asm volatile(".fpu vfpv3\n\tvldmia %0, {d16-d31}"
			     : : "r" (&vfp_regs[16]) : "memory");
	asm volatile(".fpu vfpv3\n\tvmsr fpscr, %0"
		     : : "r" (FPSCR_FILL) : "memory");
}

static void check_leftover_state(void)
{
	if (!cmdline_parse_bool("leftover-check", false))
		return;
	printk(PREFIX "checking VFP(D0-D31,FPSCR,FPEXC,CPACR) TPIDRURW TPIDRURO TPIDRPRW CONTEXTIDR TTBR1 PAR DFAR IFAR DFSR IFSR ADFSR AIFSR PRRR NMRR AMAIR0 AMAIR1 CSSELR CNTKCTL CNTV_CVAL CNTP_CVAL banked-SP/LR/SPSR%s%s\n",
	       has_thumbee() ? " ThumbEE" : "", has_pmu() ? " PMU" : "");

	leftovers = 0;
	check_vfp();
	check_system_registers();
	check_banked_registers();
	check_optional_registers();
	finish_leftover_report();
}
#endif

void inmate_main(void)
{
	unsigned long reported = 0;
	bool done = false;

	printk(PREFIX "started\n");
	comm_region_print(PREFIX);

	max_ticks = cmdline_parse_int("ticks", 0);
	denials_left = cmdline_parse_int("deny", 0);
	if (denials_left) {
		comm_region_set_state(JAILHOUSE_CELL_RUNNING_LOCKED);
		printk(PREFIX "locked, denying %lu shutdown requests\n",
		       denials_left);
	}
	upstream_start_code();
	check_leftover_state();
	timer_init();
	report_apic_interface();
	start_second_cpu();
	scan_pci();
	irq_init(handle_irq);
	irq_enable(TIMER_IRQ);
	timer_periodic_start(cmdline_parse_int("period-ms", 100) * NS_PER_MSEC);
	irqs_enable();

	for (;;) {
		/* once the timer is off, poll so messages still get answers */
		if (done)
			delay_us(10000);
		else
			cpu_wait_for_interrupt();

		if (!done && ticks >= reported + REPORT_EVERY) {
			reported = ticks - ticks % REPORT_EVERY;
			printk(PREFIX "tick %lu\n", reported);
		}
		if (!done && max_ticks && ticks >= max_ticks) {
			printk(PREFIX "done after %lu ticks\n", ticks);
			done = true;
		}
		/* a denied request leaves the cell running */
		if (comm_region_handle_message(approve_shutdown) ==
		    JAILHOUSE_MSG_SHUTDOWN_REQUEST &&
		    comm_region->cell_state == JAILHOUSE_CELL_SHUT_DOWN)
			stop();
	}
}
