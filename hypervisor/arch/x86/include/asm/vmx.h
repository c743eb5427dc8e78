/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The VMX instructions as inline functions; the facts they use (VMCS
 * encodings, control bits, exit reasons) are in asm/vmx_defs.h.
 */
#ifndef _JAILHOUSE_ASM_VMX_H
#define _JAILHOUSE_ASM_VMX_H

#include <asm/vmx_defs.h>

#ifndef __ASSEMBLY__

/* The VMX instructions report failure in CF (invalid) or ZF (valid). */
static inline bool vmcs_write64(unsigned long field, u64 value)
{
	bool ok;

	asm volatile("vmwrite %2,%1\n\tseta %0"
		: "=qm" (ok)
		: "r" ((unsigned long)field), "rm" ((unsigned long)value)
		: "cc", "memory");
	return ok;
}

static inline bool vmcs_write32(unsigned long field, u32 value)
{
	return vmcs_write64(field, value);
}

static inline u64 vmcs_read64(unsigned long field)
{
	unsigned long value;

	asm volatile("vmread %1,%0"
		: "=rm" (value)
		: "r" (field)
		: "cc");
	return value;
}

static inline u32 vmcs_read32(unsigned long field)
{
	return (u32)vmcs_read64(field);
}

static inline u16 vmcs_read16(unsigned long field)
{
	return (u16)vmcs_read64(field);
}

static inline bool vmx_on(u64 phys)
{
	bool ok;

	asm volatile("vmxon %1\n\tseta %0"
		: "=qm" (ok) : "m" (phys) : "cc", "memory");
	return ok;
}

static inline void vmx_off(void)
{
	asm volatile("vmxoff" : : : "cc", "memory");
}

static inline bool vmcs_clear(u64 phys)
{
	bool ok;

	asm volatile("vmclear %1\n\tseta %0"
		: "=qm" (ok) : "m" (phys) : "cc", "memory");
	return ok;
}

static inline bool vmcs_load(u64 phys)
{
	bool ok;

	asm volatile("vmptrld %1\n\tseta %0"
		: "=qm" (ok) : "m" (phys) : "cc", "memory");
	return ok;
}

struct invept_desc {
	u64 eptp;
	u64 reserved;
};

static inline void vmx_invept(unsigned long type, u64 eptp)
{
	struct invept_desc desc = { .eptp = eptp };

	asm volatile("invept %0,%1"
		: : "m" (desc), "r" (type) : "cc", "memory");
}

struct invvpid_desc {
	u16 vpid;
	u16 reserved[3];
	u64 linear_address;
};

static inline void vmx_invvpid(unsigned long type, u16 vpid)
{
	struct invvpid_desc desc = { .vpid = vpid };

	asm volatile("invvpid %0,%1"
		: : "m" (desc), "r" (type) : "cc", "memory");
}

#endif /* !__ASSEMBLY__ */

#endif /* !_JAILHOUSE_ASM_VMX_H */
