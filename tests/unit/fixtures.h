/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Config fixtures for the host tests: an editable model of a cell or
 * system config, packed into the binary .cell layout on demand. The
 * models follow the memory layouts of Documentation/design.md.
 */
#ifndef _TESTS_FIXTURES_H
#define _TESTS_FIXTURES_H

#include <stddef.h>

#include <jailhouse/cell-config.h>

#define FX_MAX_MEM	32
#define FX_MAX_TABLE	16

struct fx_cell {
	char name[JAILHOUSE_CELL_NAME_MAXLEN + 1];
	__u8 architecture;
	__u32 flags;
	__u32 cpu_set_size;		/* bytes; cpus[] holds up to 16 */
	__u8 cpus[16];
	__u32 vpci_irq_base;
	__u64 cpu_reset_address;
	struct jailhouse_console console;

	unsigned int num_mem, num_cache, num_chips, num_pio, num_pci,
		     num_caps, num_streams;
	struct jailhouse_memory mem[FX_MAX_MEM];
	struct jailhouse_cache cache[FX_MAX_TABLE];
	struct jailhouse_irqchip chips[FX_MAX_TABLE];
	struct jailhouse_pio pio[FX_MAX_TABLE];
	struct jailhouse_pci_device pci[FX_MAX_TABLE];
	struct jailhouse_pci_capability caps[FX_MAX_TABLE];
	__u32 streams[FX_MAX_TABLE];
};

struct fx_system {
	struct jailhouse_system header;	/* root_cell part ignored */
	struct fx_cell root;
};

/* Largest packed image of the models above */
#define FX_IMAGE_MAX	8192

/* Pack into buf; returns the image size. */
size_t fx_pack_cell(const struct fx_cell *cell, void *buf);
size_t fx_pack_system(const struct fx_system *sys, void *buf);

/* Add a table entry; return its index. */
unsigned int fx_add_mem(struct fx_cell *c, __u64 phys, __u64 virt,
			__u64 size, __u64 flags);
unsigned int fx_add_pio(struct fx_cell *c, __u16 base, __u16 length);
unsigned int fx_add_irqchip(struct fx_cell *c, __u64 address,
			    __u32 pin_base, __u32 bitmap0);
unsigned int fx_add_pci(struct fx_cell *c, __u8 type, __u16 domain,
			__u16 bdf);
/* ivshmem device + its regions: state table, R/W, peers outputs */
unsigned int fx_add_ivshmem(struct fx_cell *c, __u16 domain, __u16 bdf,
			    __u64 base, __u64 state_size, __u64 rw_size,
			    __u64 out_size, __u8 peers, __u8 id,
			    int rootshared);
void fx_set_cpus(struct fx_cell *c, unsigned long long mask);

#define FX_RAM		(JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE | \
			 JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_DMA)
#define FX_IO		(JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE | \
			 JAILHOUSE_MEM_IO)
#define FX_COMM		(JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE | \
			 JAILHOUSE_MEM_COMM_REGION)
#define FX_LOADABLE_RAM	(FX_RAM | JAILHOUSE_MEM_LOADABLE)

/* Bochs-like x86 machine (design.md): system, apic-demo, ivshmem peer */
void fx_x86_system(struct fx_system *sys);
void fx_x86_apic_demo(struct fx_cell *cell);
void fx_x86_tiny_demo(struct fx_cell *cell);
void fx_x86_ivshmem_demo(struct fx_cell *cell);

/* QEMU virt ARMv7 machine: system, gic-demo, ivshmem peers A and B */
void fx_arm_system(struct fx_system *sys);
void fx_arm_gic_demo(struct fx_cell *cell);
void fx_arm_ivshmem_demo(struct fx_cell *cell, __u8 id,
			 unsigned long long cpus, __u64 ram);

#endif /* !_TESTS_FIXTURES_H */
