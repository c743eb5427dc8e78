/* SPDX-License-Identifier: GPL-2.0 */
/* The x86 trampoline page (x86-entry.S), called from x86.c only. */
#ifndef _JAILHOUSE_DRIVER_X86_ENTRY_H
#define _JAILHOUSE_DRIVER_X86_ENTRY_H

long jh_x86_enter_firmware(unsigned long cpu, unsigned long entry_cr3,
			   unsigned long entry);
long jh_x86_disable(void);

extern const char jh_x86_trampoline_start[], jh_x86_trampoline_end[];

#endif /* !_JAILHOUSE_DRIVER_X86_ENTRY_H */
