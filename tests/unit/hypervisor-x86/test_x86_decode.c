// SPDX-License-Identifier: GPL-2.0
/*
 * Host tests of the x86 MMIO instruction decoder and the guest page walk
 * (hypervisor/arch/x86/mmio_decode.c): the encodings compilers emit for
 * device accesses in 64-, 32- and 16-bit code, register results, and
 * instruction fetches through 4-level, PAE and 32-bit guest page tables.
 */
#include <stdio.h>
#include <string.h>

#include <jailhouse/cell.h>
#include <jailhouse/paging.h>
#include <jailhouse/percpu.h>
#include <asm/mmio_decode.h>
#include <asm/vcpu.h>
#include <asm/vmx.h>

#include "../testlib.h"

#define GUEST_MEM_SIZE	(8UL << 20)

u64 test_vmcs[0x8000];

static u8 guest_mem[GUEST_MEM_SIZE] __attribute__((aligned(4096)));
static u64 unmapped_page = ~0ULL;	/* one guest page EPT does not map */
static struct cell cell;
static struct per_cpu cpu = { .cell = &cell };
static bool long_mode;
static unsigned long guest_cr0, guest_cr4;

/* --- stand-ins for the hypervisor around mmio_decode.c ------------------ */

struct per_cpu *test_this_cpu(void)
{
	return &cpu;
}

bool paging_virt2phys(const struct paging_structures *pg, u64 virt,
		      u64 *phys, unsigned long *flags)
{
	if (virt >= GUEST_MEM_SIZE || (virt & ~0xfffULL) == unmapped_page)
		return false;
	*phys = virt;
	return true;
}

void *guest_window_map(unsigned int slot, u64 phys, bool writable)
{
	return &guest_mem[phys];
}

bool vcpu_guest_is_64bit(void)
{
	return long_mode;
}

unsigned long vcpu_guest_cr0(void)
{
	return guest_cr0;
}

unsigned long vcpu_guest_cr4(void)
{
	return guest_cr4;
}

unsigned long vcpu_get_reg(union registers *regs, unsigned int reg)
{
	return reg == REG_RSP ? test_vmcs[GUEST_RSP] : regs->by_index[reg];
}

void vcpu_set_reg(union registers *regs, unsigned int reg,
		  unsigned long value)
{
	if (reg == REG_RSP)
		test_vmcs[GUEST_RSP] = value;
	else
		regs->by_index[reg] = value;
}

/* --- guest modes ---------------------------------------------------------- */

#define CODE_ADDR	0x1000UL

/* 64-bit code; paging off in the stand-in, so linear = physical */
static void mode_long(void)
{
	memset(test_vmcs, 0, sizeof(test_vmcs));
	long_mode = true;
	guest_cr0 = X86_CR0_PE;
	guest_cr4 = 0;
	test_vmcs[GUEST_IA32_EFER] = EFER_LMA | EFER_LME;
	test_vmcs[GUEST_CS_AR_BYTES] = 0xa09b;
	test_vmcs[GUEST_RIP] = CODE_ADDR;
	unmapped_page = ~0ULL;
}

static void mode_protected32(void)
{
	mode_long();
	long_mode = false;
	test_vmcs[GUEST_IA32_EFER] = 0;
	test_vmcs[GUEST_CS_AR_BYTES] = 0xc09b;	/* D = 1 */
}

static void mode_real(void)
{
	mode_long();
	long_mode = false;
	guest_cr0 = 0;
	test_vmcs[GUEST_IA32_EFER] = 0;
	test_vmcs[GUEST_CS_AR_BYTES] = 0x9b;
	test_vmcs[GUEST_CS_BASE] = 0x1000;
	test_vmcs[GUEST_RIP] = 0;		/* linear 0x1000 */
}

static void put_code(u64 addr, const u8 *code, unsigned int len)
{
	memset(&guest_mem[addr], 0x90, 16);
	memcpy(&guest_mem[addr], code, len);
}

/* --- decoding --------------------------------------------------------------- */

struct decode_case {
	const char *name;
	u8 code[15];
	unsigned int len;
	bool is_write;
	unsigned int size;
	unsigned long value;		/* write data */
};

static union registers test_regs(void)
{
	union registers regs;
	unsigned int n;

	for (n = 0; n < 16; n++)
		regs.by_index[n] = 0x1111111111111111UL * n;
	regs.rax = 0x8877665544332211UL;
	regs.r9 = 0xdeadbeefcafef00dUL;
	test_vmcs[GUEST_RSP] = 0x4444444444444444UL;
	return regs;
}

static void check_write(const struct decode_case *c)
{
	union registers regs = test_regs();
	struct mmio_instruction insn;
	const char *why;

	put_code(CODE_ADDR, c->code, c->len);
	why = mmio_decode(&regs, true, &insn);
	t_result(!why && insn.is_write && insn.length == c->len &&
		 insn.access_size == c->size && insn.value == c->value,
		 c->name, "why %s, length %u, size %u, value %#lx",
		 why ? why : "-", insn.length, insn.access_size, insn.value);
}

static const struct decode_case writes64[] = {
	/* mov %eax, 0xffffffffff5fd0b0 (Linux's xAPIC EOI write) */
	{ "x86/decode/mov-r32-abs-sib", { 0x89, 0x04, 0x25, 0xb0, 0xd0, 0x5f,
	  0xff }, 7, true, 4, 0x44332211 },
	{ "x86/decode/mov-r64-rex-w", { 0x48, 0x89, 0x07 }, 3, true, 8,
	  0x8877665544332211UL },
	{ "x86/decode/mov-r8", { 0x88, 0x47, 0x10 }, 3, true, 1, 0x11 },
	{ "x86/decode/mov-r16-opsize", { 0x66, 0x89, 0x47, 0x10 }, 4, true, 2,
	  0x2211 },
	/* mov %r9d, 0x8(%rsp): REX.R, SIB, disp8 */
	{ "x86/decode/mov-rex-r-sib-disp8", { 0x44, 0x89, 0x4c, 0x24, 0x08 },
	  5, true, 4, 0xcafef00d },
	{ "x86/decode/mov-imm32", { 0xc7, 0x07, 0x78, 0x56, 0x34, 0x12 }, 6,
	  true, 4, 0x12345678 },
	/* movq $-1, (%rdi): imm32 sign-extended */
	{ "x86/decode/mov-imm32-sign-extended", { 0x48, 0xc7, 0x07, 0xff,
	  0xff, 0xff, 0xff }, 7, true, 8, ~0UL },
	{ "x86/decode/mov-imm8", { 0xc6, 0x07, 0xab }, 3, true, 1, 0xab },
	{ "x86/decode/mov-imm16", { 0x66, 0xc7, 0x07, 0x34, 0x12 }, 5, true,
	  2, 0x1234 },
	{ "x86/decode/mov-disp32", { 0x89, 0x80, 0x00, 0x01, 0x00, 0x00 }, 6,
	  true, 4, 0x44332211 },
	{ "x86/decode/mov-rip-relative", { 0x89, 0x05, 0x10, 0x00, 0x00,
	  0x00 }, 6, true, 4, 0x44332211 },
	{ "x86/decode/mov-sib-no-base", { 0x89, 0x04, 0x8d, 0x00, 0x10, 0x00,
	  0x00 }, 7, true, 4, 0x44332211 },
	{ "x86/decode/mov-addr32-prefix", { 0x67, 0x89, 0x07 }, 3, true, 4,
	  0x44332211 },
	{ "x86/decode/mov-segment-prefix", { 0x65, 0x89, 0x07 }, 3, true, 4,
	  0x44332211 },
	/* mov %spl, (%rdi): with REX, register 4 is SPL, not AH */
	{ "x86/decode/mov-spl-with-rex", { 0x40, 0x88, 0x27 }, 3, true, 1,
	  0x44 },
	/* mov %ah, (%rdi): without REX, register 4 is AH */
	{ "x86/decode/mov-ah-without-rex", { 0x88, 0x27 }, 2, true, 1,
	  0x22 },
	/* movabs %eax, 0xfee000b0: 64-bit absolute address */
	{ "x86/decode/moffs64-write-eax", { 0xa3, 0xb0, 0x00, 0xe0, 0xfe, 0,
	  0, 0, 0 }, 9, true, 4, 0x44332211 },
	{ "x86/decode/moffs64-write-rax", { 0x48, 0xa3, 0xb0, 0x00, 0xe0, 0xfe,
	  0, 0, 0, 0 }, 10, true, 8, 0x8877665544332211UL },
	/* with 0x67 the absolute address is 32 bits wide */
	{ "x86/decode/moffs-addr32-write-al", { 0x67, 0xa2, 0x00, 0x10, 0x00,
	  0xff }, 6, true, 1, 0x11 },
};

struct read_case {
	const char *name;
	u8 code[15];
	unsigned int len;
	unsigned int size;
	unsigned int reg;
	unsigned long result;		/* register after a read of all ones */
};

static const struct read_case reads64[] = {
	/* mov 0xffffffffff5fd300, %eax: 32-bit result clears bits 63:32 */
	{ "x86/decode/read-r32-zero-extends", { 0x8b, 0x04, 0x25, 0x00, 0xd3,
	  0x5f, 0xff }, 7, 4, REG_RAX, 0xffffffffUL },
	{ "x86/decode/read-r64", { 0x48, 0x8b, 0x07 }, 3, 8, REG_RAX, ~0UL },
	{ "x86/decode/read-r16-keeps-upper", { 0x66, 0x8b, 0x07 }, 3, 2,
	  REG_RAX, 0x887766554433ffffUL },
	{ "x86/decode/read-r8-keeps-upper", { 0x8a, 0x07 }, 2, 1, REG_RAX,
	  0x88776655443322ffUL },
	{ "x86/decode/read-ah", { 0x8a, 0x67, 0x01 }, 3, 1, REG_RAX,
	  0x887766554433ff11UL },
	/* mov 0x1(%rdi), %sil */
	{ "x86/decode/read-sil-with-rex", { 0x40, 0x8a, 0x77, 0x01 }, 4, 1,
	  REG_RSI, 0x66666666666666ffUL },
	{ "x86/decode/read-r10-rex-r", { 0x44, 0x8b, 0x17 }, 3, 4, 10,
	  0xffffffffUL },
	{ "x86/decode/read-rsp", { 0x8b, 0x27 }, 2, 4, REG_RSP, 0xffffffffUL },
	{ "x86/decode/movzx-byte", { 0x0f, 0xb6, 0x07 }, 3, 1, REG_RAX, 0xff },
	{ "x86/decode/movzx-word", { 0x0f, 0xb7, 0x47, 0x02 }, 4, 2, REG_RAX,
	  0xffff },
	{ "x86/decode/movzx-word-to-r64", { 0x48, 0x0f, 0xb7, 0x47, 0x02 }, 5,
	  2, REG_RAX, 0xffff },
	{ "x86/decode/moffs64-read-eax", { 0xa1, 0x20, 0x00, 0xe0, 0xfe, 0, 0,
	  0, 0 }, 9, 4, REG_RAX, 0xffffffffUL },
	{ "x86/decode/moffs64-read-al-keeps-upper", { 0xa0, 0x20, 0x00, 0xe0,
	  0xfe, 0, 0, 0, 0 }, 9, 1, REG_RAX, 0x88776655443322ffUL },
};

static void check_read(const struct read_case *c)
{
	union registers regs = test_regs();
	struct mmio_instruction insn;
	const char *why;
	unsigned long got;

	put_code(CODE_ADDR, c->code, c->len);
	why = mmio_decode(&regs, false, &insn);
	if (!why)
		mmio_complete_read(&regs, &insn, ~0UL);
	got = vcpu_get_reg(&regs, c->reg);
	t_result(!why && !insn.is_write && insn.length == c->len &&
		 insn.access_size == c->size && got == c->result, c->name,
		 "why %s, length %u, size %u, register %#lx",
		 why ? why : "-", insn.length, insn.access_size, got);
}

static void check_refused(const char *name, const u8 *code,
			  unsigned int len, bool is_write, const char *want)
{
	union registers regs = test_regs();
	struct mmio_instruction insn;
	const char *why;

	put_code(CODE_ADDR, code, len);
	why = mmio_decode(&regs, is_write, &insn);
	t_result(why && strstr(why, want), name, "got \"%s\", expected \"%s\"",
		 why ? why : "(decoded)", want);
}

/* @code ends a page whose successor is not mapped: cut off if too short. */
static void check_truncated(const char *name, const u8 *code,
			    unsigned int len)
{
	u64 start = 0x3000 - len, saved_rip = test_vmcs[GUEST_RIP];
	u64 cs_base = test_vmcs[GUEST_CS_BASE];
	union registers regs = test_regs();
	struct mmio_instruction insn;
	const char *why;

	memcpy(&guest_mem[start], code, len);
	unmapped_page = 0x3000;
	test_vmcs[GUEST_RIP] = start - cs_base;
	why = mmio_decode(&regs, true, &insn);
	t_result(why && strstr(why, "truncated"), name, "got \"%s\"",
		 why ? why : "(decoded)");
	unmapped_page = ~0ULL;
	test_vmcs[GUEST_RIP] = saved_rip;
}

static void test_64bit(void)
{
	static const u8 movs[] = { 0xa5 };
	static const u8 reg_operand[] = { 0x89, 0xc0 };
	static const u8 read_insn[] = { 0x8b, 0x07 };
	static const u8 lock_add[] = { 0xf0, 0x01, 0x07 };
	unsigned int n;

	mode_long();
	for (n = 0; n < ARRAY_SIZE(writes64); n++)
		check_write(&writes64[n]);
	for (n = 0; n < ARRAY_SIZE(reads64); n++)
		check_read(&reads64[n]);

	check_refused("x86/decode/refuse-string-move", movs, sizeof(movs),
		      false, "unsupported instruction");
	check_refused("x86/decode/refuse-register-operand", reg_operand,
		      sizeof(reg_operand), true, "unsupported operand");
	check_refused("x86/decode/refuse-direction-mismatch", read_insn,
		      sizeof(read_insn), true, "direction");
	check_refused("x86/decode/refuse-lock-add", lock_add,
		      sizeof(lock_add), true, "unsupported instruction");
}

static void test_32bit_and_real_mode(void)
{
	static const struct decode_case w32 = {
		"x86/decode/protected32-mov", { 0x89, 0x07 }, 2, true, 4,
		0x44332211 };
	static const struct decode_case w32_16 = {
		"x86/decode/protected32-opsize16", { 0x66, 0x89, 0x07 }, 3,
		true, 2, 0x2211 };
	/* in 32-bit code 0x48 is dec %eax, not REX: refused */
	static const u8 dec_eax[] = { 0x48, 0x89, 0x07 };
	static const struct decode_case real = {
		"x86/decode/real-mode-disp16", { 0x89, 0x06, 0x34, 0x12 }, 4,
		true, 2, 0x2211 };
	static const struct decode_case real32 = {
		"x86/decode/real-mode-opsize32", { 0x66, 0x89, 0x07 }, 3, true,
		4, 0x44332211 };
	/* mov %eax, 0xff000010 as gcc emits it in 32-bit inmates */
	static const struct decode_case moffs32 = {
		"x86/decode/protected32-moffs-write", { 0xa3, 0x10, 0x00, 0x00,
		0xff }, 5, true, 4, 0x44332211 };
	static const struct decode_case moffs32_16 = {
		"x86/decode/protected32-moffs-opsize16", { 0x66, 0xa3, 0x10,
		0x00, 0x00, 0xff }, 6, true, 2, 0x2211 };
	static const struct read_case moffs32_read = {
		"x86/decode/protected32-moffs-read", { 0xa1, 0x10, 0x00, 0x00,
		0xff }, 5, 4, REG_RAX, 0xffffffffUL };
	/* real mode: a 16-bit absolute address */
	static const struct decode_case moffs16 = {
		"x86/decode/real-mode-moffs16", { 0xa3, 0x34, 0x12 }, 3, true, 2,
		0x2211 };
	/* the address runs past what could be fetched */
	static const u8 moffs_cut[] = { 0xa3, 0x34 };

	mode_protected32();
	check_write(&w32);
	check_write(&w32_16);
	check_refused("x86/decode/protected32-no-rex", dec_eax,
		      sizeof(dec_eax), true, "unsupported instruction");
	check_write(&moffs32);
	check_write(&moffs32_16);
	check_read(&moffs32_read);
	mode_real();
	check_write(&real);
	check_write(&real32);
	check_write(&moffs16);
	check_truncated("x86/decode/moffs-truncated", moffs_cut,
			sizeof(moffs_cut));
}

/* --- instruction fetch through the guest's page tables -------------------- */

#define PT_P		0x1ULL
#define PT_RW		0x2ULL
#define PT_PS		0x80ULL

static void put64(u64 addr, u64 value)
{
	memcpy(&guest_mem[addr], &value, 8);
}

static void put32(u64 addr, u32 value)
{
	memcpy(&guest_mem[addr], &value, 4);
}

static void check_fetch(const char *name, unsigned long rip, u64 phys)
{
	static const u8 code[] = { 0x89, 0x07 };
	union registers regs = test_regs();
	struct mmio_instruction insn;
	const char *why;

	memset(&guest_mem[phys & ~0xfffULL], 0x90, 4096);
	memcpy(&guest_mem[phys], code, sizeof(code));
	test_vmcs[GUEST_RIP] = rip;
	why = mmio_decode(&regs, true, &insn);
	t_result(!why && insn.length == 2, name, "%s", why ? why : "length");
}

static void test_page_walks(void)
{
	union registers regs = test_regs();
	struct mmio_instruction insn;
	const char *why;

	memset(guest_mem, 0, sizeof(guest_mem));

	/* 4-level: 0x1000 -> 4 KiB page at 0x200000; 0x200000 -> 2 MiB page */
	mode_long();
	guest_cr0 = X86_CR0_PE | X86_CR0_PG;
	guest_cr4 = X86_CR4_PAE;
	test_vmcs[GUEST_CR3] = 0x10000;
	put64(0x10000, 0x11000 | PT_P | PT_RW);
	put64(0x11000, 0x12000 | PT_P | PT_RW);
	put64(0x12000, 0x13000 | PT_P | PT_RW);
	put64(0x12000 + 8, 0x400000 | PT_P | PT_PS);
	put64(0x13000 + 8, 0x200000 | PT_P);
	check_fetch("x86/walk/4-level-4k-page", 0x1abc, 0x200abc);
	check_fetch("x86/walk/4-level-2m-page", 0x212345, 0x412345);

	test_vmcs[GUEST_RIP] = 0x3000;		/* PTE not present */
	why = mmio_decode(&regs, true, &insn);
	t_result(why && strstr(why, "not readable"),
		 "x86/walk/not-present-refused", "got %s", why ? why : "-");

	/* 2-byte instruction at the end of a page, next page not mapped */
	put64(0x13000 + 2 * 8, 0x201000 | PT_P);
	unmapped_page = 0x202000;
	put64(0x13000 + 3 * 8, 0x202000 | PT_P);
	check_fetch("x86/walk/ends-before-unmapped-page", 0x2ffe, 0x201ffe);

	/* PAE: PDPT entry 0 -> PD, PD entry 2 -> 2 MiB page at 0x600000 */
	mode_protected32();
	unmapped_page = ~0ULL;
	guest_cr0 = X86_CR0_PE | X86_CR0_PG;
	guest_cr4 = X86_CR4_PAE;
	test_vmcs[GUEST_CR3] = 0x30000;
	put64(0x30000, 0x31000 | PT_P);
	put64(0x31000 + 2 * 8, 0x600000 | PT_P | PT_PS);
	check_fetch("x86/walk/pae-2m-page", 0x400123, 0x600123);

	/* 32-bit with PSE: PDE 1 -> 4 MiB page at 0x400000 */
	guest_cr4 = X86_CR4_PSE;
	test_vmcs[GUEST_CR3] = 0x20000;
	put32(0x20000 + 4, 0x400000 | PT_P | PT_PS);
	check_fetch("x86/walk/32bit-4m-page", 0x400456, 0x400456);
	/* 32-bit without PSE the PS bit means nothing: a page table */
	guest_cr4 = 0;
	put32(0x20000 + 2 * 4, 0x21000 | PT_P | PT_PS);
	put32(0x21000 + 3 * 4, 0x203000 | PT_P);
	check_fetch("x86/walk/32bit-4k-page", 0x803789, 0x203789);
}

int main(void)
{
	test_64bit();
	test_32bit_and_real_mode();
	test_page_walks();
	return t_failed() ? 1 : 0;
}
