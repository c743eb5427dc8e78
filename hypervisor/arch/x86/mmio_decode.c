// SPDX-License-Identifier: GPL-2.0
/*
 * EPT violations report the guest-physical address and the direction of
 * an access, but not its width or data. Both come from the instruction,
 * which is fetched through the guest's own page tables and decoded here.
 * Only the moves compilers emit for device accesses are accepted: MOV in
 * its register, immediate and absolute-address (moffs) forms and MOVZX.
 * Anything else is reported.
 */
#include <jailhouse/cell.h>
#include <jailhouse/paging.h>
#include <jailhouse/percpu.h>
#include <jailhouse/string.h>
#include <asm/mmio_decode.h>
#include <asm/paging.h>
#include <asm/vcpu.h>
#include <asm/vmx.h>

#define MAX_INSN_LENGTH		15

/*
 * Slots of the per-CPU guest window: one per paging level and two for the
 * data (an instruction may cross a page). Repeated walks through the same
 * tables then find every page already mapped (see guest_window_map).
 */
#define SLOT_PAGE_TABLE(lvl)	(lvl)
#define SLOT_DATA(n)		(5 + (n))

#define PT_PRESENT		(1ULL << 0)
#define PT_LARGE		(1ULL << 7)
#define PT_ADDR_MASK		0x000ffffffffff000ULL

/* --- guest memory ------------------------------------------------------- */

static bool gpa_to_hpa(u64 gpa, u64 *hpa)
{
	return paging_virt2phys(&this_cell()->arch.ept, gpa, hpa, NULL);
}

static bool read_guest_physical(u64 gpa, void *buf, unsigned int len,
				unsigned int slot)
{
	u64 hpa;

	/* callers never cross a page boundary */
	if (!gpa_to_hpa(gpa, &hpa))
		return false;
	memcpy(buf, guest_window_map(slot, hpa, false), len);
	return true;
}

struct walk_level {
	unsigned char shift;
	unsigned char index_bits;
	bool large;		/* may map a page (PS bit honoured) */
};

static const struct walk_level walk_long4[] = {
	{ 39, 9, false }, { 30, 9, true }, { 21, 9, true }, { 12, 9, true },
};

static const struct walk_level walk_long5[] = {
	{ 48, 9, false }, { 39, 9, false }, { 30, 9, true }, { 21, 9, true },
	{ 12, 9, true },
};

static const struct walk_level walk_pae[] = {
	{ 30, 2, false }, { 21, 9, true }, { 12, 9, true },
};

static const struct walk_level walk_32bit[] = {
	{ 22, 10, true }, { 12, 10, true },
};

/*
 * Walks the guest's page tables (5-, 4-level, PAE or 32-bit) for a linear
 * address. Access rights are not checked: the guest itself just executed
 * or accessed this address.
 */
static bool guest_linear_to_physical(unsigned long linear, u64 *gpa)
{
	unsigned long cr4 = vcpu_guest_cr4();
	u64 table = vmcs_read64(GUEST_CR3), entry, addr_mask;
	const struct walk_level *walk;
	unsigned int levels, lvl, entry_size = 8;

	if (!(vcpu_guest_cr0() & X86_CR0_PG)) {
		*gpa = linear;
		return true;
	}
	addr_mask = PT_ADDR_MASK;
	if (vmcs_read64(GUEST_IA32_EFER) & EFER_LMA) {
		walk = (cr4 & X86_CR4_LA57) ? walk_long5 : walk_long4;
		levels = (cr4 & X86_CR4_LA57) ? 5 : 4;
		table &= PT_ADDR_MASK;
	} else if (cr4 & X86_CR4_PAE) {
		walk = walk_pae;
		levels = ARRAY_SIZE(walk_pae);
		table &= 0xffffffe0UL;
	} else {
		walk = walk_32bit;
		levels = ARRAY_SIZE(walk_32bit);
		entry_size = 4;
		addr_mask = 0xfffff000ULL;
		table &= addr_mask;
	}

	for (lvl = 0; lvl < levels; lvl++) {
		const struct walk_level *l = &walk[lvl];
		u64 index = (linear >> l->shift) & ((1UL << l->index_bits) - 1);
		u64 page_mask = (1ULL << l->shift) - 1;

		entry = 0;
		if (!read_guest_physical(table + index * entry_size, &entry,
					 entry_size, SLOT_PAGE_TABLE(lvl)) ||
		    !(entry & PT_PRESENT))
			return false;
		if (lvl == levels - 1 ||
		    (l->large && (entry & PT_LARGE) &&
		     (entry_size == 8 || (cr4 & X86_CR4_PSE)))) {
			*gpa = (entry & addr_mask & ~page_mask) +
				(linear & page_mask);
			return true;
		}
		table = entry & addr_mask;
	}
	return false;
}

bool guest_read_virtual(unsigned long linear, void *buf, unsigned int len)
{
	unsigned int chunks = 0;
	u8 *dst = buf;

	while (len > 0) {
		unsigned int chunk = MIN(len, PAGE_SIZE -
					 (linear & PAGE_OFFS_MASK));
		u64 gpa;

		if (!guest_linear_to_physical(linear, &gpa) ||
		    !read_guest_physical(gpa, dst, chunk,
					 SLOT_DATA(chunks++ & 1)))
			return false;
		linear += chunk;
		dst += chunk;
		len -= chunk;
	}
	return true;
}

/* --- decoding ------------------------------------------------------------ */

struct decoder {
	const u8 *bytes;
	unsigned int pos;
	unsigned int avail;
	unsigned int operand_size;	/* 2, 4 or 8 */
	unsigned int address_size;	/* 2, 4 or 8 */
	u8 rex;
	bool has_rex;
};

#define REX_W	0x8
#define REX_R	0x4

static bool next_byte(struct decoder *d, u8 *byte)
{
	if (d->pos >= d->avail)
		return false;
	*byte = d->bytes[d->pos++];
	return true;
}

static unsigned long read_imm(struct decoder *d, unsigned int size,
			      bool *ok)
{
	unsigned long value = 0;
	unsigned int n;
	u8 byte;

	for (n = 0; n < size; n++) {
		if (!next_byte(d, &byte)) {
			*ok = false;
			return 0;
		}
		value |= (unsigned long)byte << (8 * n);
	}
	return value;
}

/* Skips the memory operand after ModRM; returns false if there is none. */
static bool skip_memory_operand(struct decoder *d, u8 modrm)
{
	unsigned int mod = modrm >> 6, rm = modrm & 7, disp = 0;
	u8 sib;

	if (mod == 3)
		return false;	/* register operand: no memory access */

	if (d->address_size == 2) {
		if (mod == 1)
			disp = 1;
		else if (mod == 2 || (mod == 0 && rm == 6))
			disp = 2;
	} else {
		if (rm == 4) {
			if (!next_byte(d, &sib))
				return false;
			if (mod == 0 && (sib & 7) == 5)
				disp = 4;
		}
		if (mod == 1)
			disp = 1;
		else if (mod == 2 || (mod == 0 && rm == 5))
			disp = 4;
	}
	if (d->pos + disp > d->avail)
		return false;
	d->pos += disp;
	return true;
}

static unsigned int modrm_reg(const struct decoder *d, u8 modrm)
{
	return ((modrm >> 3) & 7) | ((d->rex & REX_R) ? 8 : 0);
}

static unsigned long register_value(union registers *regs,
				    const struct decoder *d,
				    unsigned int reg, unsigned int size)
{
	unsigned long value;

	/* without REX, byte registers 4-7 are AH, CH, DH, BH */
	if (size == 1 && !d->has_rex && reg >= 4 && reg < 8)
		return (vcpu_get_reg(regs, reg - 4) >> 8) & 0xff;
	value = vcpu_get_reg(regs, reg);
	return size == 8 ? value : value & ((1UL << (8 * size)) - 1);
}

static void set_read_destination(const struct decoder *d,
				 struct mmio_instruction *insn,
				 unsigned int reg, unsigned int reg_size)
{
	insn->reg_size = reg_size;
	insn->high_byte = reg_size == 1 && !d->has_rex && reg >= 4 && reg < 8;
	insn->reg = insn->high_byte ? reg - 4 : reg;
}

/* The register side of a move: the data of a write, or a read's target. */
static void move_register(union registers *regs, const struct decoder *d,
			  struct mmio_instruction *insn, unsigned int reg)
{
	if (insn->is_write)
		insn->value = register_value(regs, d, reg, insn->access_size);
	else
		set_read_destination(d, insn, reg, insn->access_size);
}

static void init_decoder(struct decoder *d, const u8 *bytes,
			 unsigned int avail)
{
	u32 cs_ar = vmcs_read32(GUEST_CS_AR_BYTES);

	memset(d, 0, sizeof(*d));
	d->bytes = bytes;
	d->avail = avail;
	if (vcpu_guest_is_64bit()) {
		d->operand_size = 4;
		d->address_size = 8;
	} else if ((cs_ar & X86_AR_DB) &&
		   (vcpu_guest_cr0() & X86_CR0_PE)) {
		d->operand_size = 4;
		d->address_size = 4;
	} else {
		d->operand_size = 2;
		d->address_size = 2;
	}
}

/* Legacy prefixes and REX; returns the first opcode byte. */
static bool decode_prefixes(struct decoder *d, u8 *opcode)
{
	bool long_mode = d->address_size == 8;
	u8 byte;

	for (;;) {
		if (!next_byte(d, &byte))
			return false;
		switch (byte) {
		case 0x66:
			d->operand_size = d->operand_size == 2 ? 4 : 2;
			continue;
		case 0x67:
			d->address_size = long_mode ? 4 :
				(d->address_size == 2 ? 4 : 2);
			continue;
		case 0x26: case 0x2e: case 0x36: case 0x3e:
		case 0x64: case 0x65:
			continue;	/* segments: the GPA is known */
		}
		break;
	}
	if (long_mode && (byte & 0xf0) == 0x40) {
		d->rex = byte;
		d->has_rex = true;
		if (d->rex & REX_W)
			d->operand_size = 8;
		if (!next_byte(d, &byte))
			return false;
	}
	*opcode = byte;
	return true;
}

static const char *decode(union registers *regs, struct decoder *d,
			  struct mmio_instruction *insn)
{
	bool ok = true;
	u8 opcode, modrm;

	if (!decode_prefixes(d, &opcode))
		return "instruction truncated";

	switch (opcode) {
	case 0x88:	/* mov r/m8, r8 */
	case 0x89:	/* mov r/m, r */
	case 0x8a:	/* mov r8, r/m8 */
	case 0x8b:	/* mov r, r/m */
		if (!next_byte(d, &modrm) || !skip_memory_operand(d, modrm))
			return "unsupported operand";
		insn->access_size = (opcode & 1) ? d->operand_size : 1;
		insn->is_write = !(opcode & 2);
		move_register(regs, d, insn, modrm_reg(d, modrm));
		break;
	case 0xa0:	/* mov al, moffs8 */
	case 0xa1:	/* mov ax/eax/rax, moffs */
	case 0xa2:	/* mov moffs8, al */
	case 0xa3:	/* mov moffs, ax/eax/rax */
		/*
		 * gcc emits these for constant addresses in 32-bit code. The
		 * absolute address (address-size wide) only needs skipping:
		 * the exit already gave the guest-physical one.
		 */
		if (d->pos + d->address_size > d->avail)
			return "instruction truncated";
		d->pos += d->address_size;
		insn->access_size = (opcode & 1) ? d->operand_size : 1;
		insn->is_write = opcode & 2;
		move_register(regs, d, insn, REG_RAX);
		break;
	case 0xc6:	/* mov r/m8, imm8 */
	case 0xc7:	/* mov r/m, imm16/32 */
		if (!next_byte(d, &modrm) || (modrm & 0x38) ||
		    !skip_memory_operand(d, modrm))
			return "unsupported operand";
		insn->access_size = opcode == 0xc6 ? 1 : d->operand_size;
		insn->is_write = true;
		insn->value = read_imm(d, MIN(insn->access_size, 4U), &ok);
		/* imm32 is sign-extended for 64-bit stores */
		if (insn->access_size == 8)
			insn->value = (long)(s32)insn->value;
		break;
	case 0x0f:
		if (!next_byte(d, &opcode) ||
		    (opcode != 0xb6 && opcode != 0xb7))
			return "unsupported instruction";
		/* movzx r, r/m8 or r/m16 */
		if (!next_byte(d, &modrm) || !skip_memory_operand(d, modrm))
			return "unsupported operand";
		insn->access_size = opcode == 0xb6 ? 1 : 2;
		insn->is_write = false;
		insn->reg_size = d->operand_size;
		insn->reg = modrm_reg(d, modrm);
		insn->high_byte = false;
		break;
	default:
		return "unsupported instruction";
	}
	if (!ok)
		return "instruction truncated";
	insn->length = d->pos;
	return NULL;
}

const char *mmio_decode(union registers *regs, bool is_write,
			struct mmio_instruction *insn)
{
	unsigned long rip = vmcs_read64(GUEST_RIP);
	unsigned int avail = MAX_INSN_LENGTH, to_page_end;
	u8 bytes[MAX_INSN_LENGTH];
	struct decoder d;
	const char *why;

	if (!vcpu_guest_is_64bit())
		rip = (rip + vmcs_read64(GUEST_CS_BASE)) & 0xffffffffUL;
	to_page_end = PAGE_SIZE - (rip & PAGE_OFFS_MASK);
	if (!guest_read_virtual(rip, bytes, avail)) {
		/* a short instruction may end right before an unmapped page */
		if (to_page_end >= avail ||
		    !guest_read_virtual(rip, bytes, to_page_end))
			return "instruction not readable";
		avail = to_page_end;
	}

	memset(insn, 0, sizeof(*insn));
	init_decoder(&d, bytes, avail);
	why = decode(regs, &d, insn);
	if (!why && insn->is_write != is_write)
		why = "access direction does not match the instruction";
	return why;
}

void mmio_complete_read(union registers *regs,
			const struct mmio_instruction *insn,
			unsigned long value)
{
	unsigned long old = vcpu_get_reg(regs, insn->reg);

	if (insn->access_size < 8)
		value &= (1UL << (8 * insn->access_size)) - 1;
	switch (insn->reg_size) {
	case 1:
		if (insn->high_byte)
			value = (old & ~0xff00UL) | (value << 8);
		else
			value = (old & ~0xffUL) | value;
		break;
	case 2:
		value = (old & ~0xffffUL) | value;
		break;
	default:
		/* 32-bit results are zero-extended, 64-bit ones complete */
		break;
	}
	vcpu_set_reg(regs, insn->reg, value);
}
