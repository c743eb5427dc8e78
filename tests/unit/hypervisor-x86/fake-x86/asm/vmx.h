/* SPDX-License-Identifier: GPL-2.0 */
/* Host stand-in for the VMX instructions: the VMCS is an array. */
#ifndef _JAILHOUSE_ASM_VMX_H
#define _JAILHOUSE_ASM_VMX_H

#include <asm/vmx_defs.h>

extern u64 test_vmcs[0x8000];

static inline u64 vmcs_read64(unsigned long field)
{
	return test_vmcs[field];
}

static inline u32 vmcs_read32(unsigned long field)
{
	return (u32)test_vmcs[field];
}

static inline u16 vmcs_read16(unsigned long field)
{
	return (u16)test_vmcs[field];
}

static inline bool vmcs_write64(unsigned long field, u64 value)
{
	test_vmcs[field] = value;
	return true;
}

static inline bool vmcs_write32(unsigned long field, u32 value)
{
	return vmcs_write64(field, value);
}

#endif /* !_JAILHOUSE_ASM_VMX_H */
