// SPDX-License-Identifier: GPL-2.0
/*
 * Config fixtures for the host tests (see fixtures.h).
 */
#include <stdlib.h>
#include <string.h>

#include "fixtures.h"

static __u8 *put(__u8 *out, const void *data, size_t size)
{
	memcpy(out, data, size);
	return out + size;
}

static size_t pack_tail(const struct fx_cell *c,
			struct jailhouse_cell_desc *desc, __u8 *out)
{
	__u8 *start = out;

	memset(desc, 0, sizeof(*desc));
	memcpy(desc->name, c->name, sizeof(desc->name));
	desc->architecture = c->architecture;
	desc->flags = c->flags;
	desc->cpu_set_size = c->cpu_set_size;
	desc->num_memory_regions = c->num_mem;
	desc->num_cache_regions = c->num_cache;
	desc->num_irqchips = c->num_chips;
	desc->num_pio_regions = c->num_pio;
	desc->num_pci_devices = c->num_pci;
	desc->num_pci_caps = c->num_caps;
	desc->num_stream_ids = c->num_streams;
	desc->vpci_irq_base = c->vpci_irq_base;
	desc->cpu_reset_address = c->cpu_reset_address;
	desc->console = c->console;

	out = put(out, c->cpus, c->cpu_set_size);
	out = put(out, c->mem, c->num_mem * sizeof(c->mem[0]));
	out = put(out, c->cache, c->num_cache * sizeof(c->cache[0]));
	out = put(out, c->chips, c->num_chips * sizeof(c->chips[0]));
	out = put(out, c->pio, c->num_pio * sizeof(c->pio[0]));
	out = put(out, c->pci, c->num_pci * sizeof(c->pci[0]));
	out = put(out, c->caps, c->num_caps * sizeof(c->caps[0]));
	out = put(out, c->streams, c->num_streams * sizeof(c->streams[0]));
	return out - start;
}

size_t fx_pack_cell(const struct fx_cell *cell, void *buf)
{
	struct jailhouse_cell_desc *desc = buf;
	size_t tail = pack_tail(cell, desc, (__u8 *)buf + sizeof(*desc));

	memcpy(desc->signature, JAILHOUSE_CELL_DESC_SIGNATURE,
	       JAILHOUSE_SIGNATURE_LEN);
	desc->revision = JAILHOUSE_CONFIG_REVISION;
	return sizeof(*desc) + tail;
}

size_t fx_pack_system(const struct fx_system *sys, void *buf)
{
	struct jailhouse_system *out = buf;
	size_t tail;

	memcpy(out, &sys->header, sizeof(*out));
	tail = pack_tail(&sys->root, &out->root_cell, (__u8 *)(out + 1));
	/* like upstream root cells: no signature/revision in the desc */
	memcpy(out->signature, JAILHOUSE_SYSTEM_SIGNATURE,
	       JAILHOUSE_SIGNATURE_LEN);
	out->revision = JAILHOUSE_CONFIG_REVISION;
	return sizeof(*out) + tail;
}

unsigned int fx_add_mem(struct fx_cell *c, __u64 phys, __u64 virt,
			__u64 size, __u64 flags)
{
	struct jailhouse_memory *m = &c->mem[c->num_mem];

	if (c->num_mem >= FX_MAX_MEM)
		abort();
	m->phys_start = phys;
	m->virt_start = virt;
	m->size = size;
	m->flags = flags;
	return c->num_mem++;
}

unsigned int fx_add_pio(struct fx_cell *c, __u16 base, __u16 length)
{
	if (c->num_pio >= FX_MAX_TABLE)
		abort();
	c->pio[c->num_pio].base = base;
	c->pio[c->num_pio].length = length;
	return c->num_pio++;
}

unsigned int fx_add_irqchip(struct fx_cell *c, __u64 address,
			    __u32 pin_base, __u32 bitmap0)
{
	struct jailhouse_irqchip *chip = &c->chips[c->num_chips];

	if (c->num_chips >= FX_MAX_TABLE)
		abort();
	memset(chip, 0, sizeof(*chip));
	chip->address = address;
	chip->pin_base = pin_base;
	chip->pin_bitmap[0] = bitmap0;
	return c->num_chips++;
}

unsigned int fx_add_pci(struct fx_cell *c, __u8 type, __u16 domain,
			__u16 bdf)
{
	struct jailhouse_pci_device *d = &c->pci[c->num_pci];

	if (c->num_pci >= FX_MAX_TABLE)
		abort();
	memset(d, 0, sizeof(*d));
	d->type = type;
	d->domain = domain;
	d->bdf = bdf;
	return c->num_pci++;
}

unsigned int fx_add_ivshmem(struct fx_cell *c, __u16 domain, __u16 bdf,
			    __u64 base, __u64 state_size, __u64 rw_size,
			    __u64 out_size, __u8 peers, __u8 id,
			    int rootshared)
{
	__u64 shared = rootshared ? JAILHOUSE_MEM_ROOTSHARED : 0;
	__u64 addr = base + state_size + rw_size;
	unsigned int dev = fx_add_pci(c, JAILHOUSE_PCI_TYPE_IVSHMEM, domain,
				      bdf);
	struct jailhouse_pci_device *d = &c->pci[dev];
	__u8 peer;

	d->shmem_regions_start = c->num_mem;
	d->shmem_peers = peers;
	d->shmem_dev_id = id;
	d->num_msix_vectors = 1;
	fx_add_mem(c, base, base, state_size,
		   JAILHOUSE_MEM_READ | shared);
	if (rw_size)
		fx_add_mem(c, base + state_size, base + state_size, rw_size,
			   JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE | shared);
	else
		fx_add_mem(c, 0, 0, 0, 0);
	for (peer = 0; peer < peers; peer++, addr += out_size)
		fx_add_mem(c, addr, addr, out_size, JAILHOUSE_MEM_READ |
			   (peer == id ? JAILHOUSE_MEM_WRITE : 0) | shared);
	return dev;
}

void fx_set_cpus(struct fx_cell *c, unsigned long long mask)
{
	unsigned int byte;

	memset(c->cpus, 0, sizeof(c->cpus));
	for (byte = 0; byte < 8; byte++)
		c->cpus[byte] = mask >> (8 * byte);
	c->cpu_set_size = 8;
}

static void fx_init_cell(struct fx_cell *c, const char *name, __u8 arch)
{
	memset(c, 0, sizeof(*c));
	strncpy(c->name, name, JAILHOUSE_CELL_NAME_MAXLEN);
	c->architecture = arch;
}

/* ------------------------------------------------------------ x86 */

#define X86_HV_BASE	0x3a000000ULL
#define X86_LINK0	0x3af00000ULL

void fx_x86_system(struct fx_system *sys)
{
	struct jailhouse_system *h = &sys->header;
	struct fx_cell *root = &sys->root;

	memset(sys, 0, sizeof(*sys));
	h->architecture = JAILHOUSE_X86;
	h->hypervisor_memory.phys_start = X86_HV_BASE;
	h->hypervisor_memory.size = 0x600000;
	h->debug_console.address = 0x3f8;
	h->debug_console.type = JAILHOUSE_CON_TYPE_8250;
	h->debug_console.flags = JAILHOUSE_CON_ACCESS_PIO;
	h->platform_info.x86.pm_timer_address = 0xb008;

	fx_init_cell(root, "RootCell", 0);	/* upstream leaves it 0 */
	fx_set_cpus(root, 0xf);
	fx_add_mem(root, 0, 0, 0xa0000, FX_RAM);
	fx_add_mem(root, 0x100000, 0x100000, X86_HV_BASE - 0x100000, FX_RAM);
	/* cell RAM out of the memmap= reservation */
	fx_add_mem(root, 0x3a600000, 0x3a600000, 0x900000, FX_RAM);
	fx_add_ivshmem(root, 0, 0x0f << 3, X86_LINK0, 0x1000, 0x9000, 0x2000,
		       3, 0, 0);
	fx_add_mem(root, 0x3b000000, 0x3b000000, 0x3000000, FX_RAM);
	fx_add_mem(root, 0x3e000000, 0x3e000000, 0x2000000, FX_RAM);
	fx_add_mem(root, 0xfed00000, 0xfed00000, 0x400, FX_IO);	/* HPET */
	fx_add_irqchip(root, 0xfec00000, 0, 0xffffff);
	fx_add_pio(root, 0x40, 4);
	fx_add_pio(root, 0x60, 1);
	fx_add_pio(root, 0x64, 1);
	fx_add_pio(root, 0x70, 2);
	fx_add_pio(root, 0x2f8, 8);
	fx_add_pio(root, 0x3f8, 8);
	fx_add_pio(root, 0xb000, 0x40);
	fx_add_pci(root, JAILHOUSE_PCI_TYPE_DEVICE, 0, 0x00 << 3);
	fx_add_pci(root, JAILHOUSE_PCI_TYPE_DEVICE, 0, 0x01 << 3);
}

static void fx_x86_inmate(struct fx_cell *c, const char *name,
			  unsigned long long cpus, __u64 ram, __u16 com)
{
	fx_init_cell(c, name, JAILHOUSE_X86);
	fx_set_cpus(c, cpus);
	fx_add_mem(c, ram, 0, 0x100000, FX_LOADABLE_RAM);
	fx_add_mem(c, 0, 0x100000, 0x1000, FX_COMM);
	fx_add_pio(c, com, 8);
	c->console.address = com;
	c->console.type = JAILHOUSE_CON_TYPE_8250;
}

void fx_x86_apic_demo(struct fx_cell *cell)
{
	fx_x86_inmate(cell, "apic-demo", 0x2, 0x3a600000, 0x3f8);
}

void fx_x86_tiny_demo(struct fx_cell *cell)
{
	fx_x86_inmate(cell, "tiny-demo", 0x4, 0x3a700000, 0x2f8);
}

void fx_x86_ivshmem_demo(struct fx_cell *cell)
{
	fx_init_cell(cell, "ivshmem-demo", JAILHOUSE_X86);
	fx_set_cpus(cell, 0x8);
	fx_add_mem(cell, 0x3a800000, 0, 0x100000, FX_LOADABLE_RAM);
	fx_add_mem(cell, 0, 0x100000, 0x1000, FX_COMM);
	fx_add_ivshmem(cell, 0, 0x0f << 3, X86_LINK0, 0x1000, 0x9000, 0x2000,
		       3, 1, 1);
	cell->flags = JAILHOUSE_CELL_VIRTUAL_CONSOLE_PERMITTED |
		JAILHOUSE_CELL_VIRTUAL_CONSOLE_ACTIVE;
}

/* ------------------------------------------------------------ ARM */

#define ARM_HV_BASE	0x7c000000ULL
#define ARM_LINK0	0x7cf00000ULL
#define ARM_GICD	0x08000000ULL
#define ARM_UART	0x09000000ULL

void fx_arm_system(struct fx_system *sys)
{
	struct jailhouse_system *h = &sys->header;
	struct fx_cell *root = &sys->root;
	unsigned int chip;

	memset(sys, 0, sizeof(*sys));
	h->architecture = JAILHOUSE_ARM;
	h->hypervisor_memory.phys_start = ARM_HV_BASE;
	h->hypervisor_memory.size = 0x600000;
	h->debug_console.address = ARM_UART;
	h->debug_console.size = 0x1000;
	h->debug_console.type = JAILHOUSE_CON_TYPE_PL011;
	h->debug_console.flags = JAILHOUSE_CON_ACCESS_MMIO |
		JAILHOUSE_CON_REGDIST_4;
	h->platform_info.pci_mmconfig_base = 0x08e00000;
	h->platform_info.pci_is_virtual = 1;
	h->platform_info.pci_domain = 1;
	h->platform_info.arm.maintenance_irq = 25;
	h->platform_info.arm.gic_version = 2;
	h->platform_info.arm.gicd_base = ARM_GICD;
	h->platform_info.arm.gicc_base = 0x08010000;
	h->platform_info.arm.gich_base = 0x08030000;
	h->platform_info.arm.gicv_base = 0x08040000;

	fx_init_cell(root, "qemu-arm", 0);
	fx_set_cpus(root, 0xf);
	root->vpci_irq_base = 150;
	fx_add_mem(root, ARM_UART, ARM_UART, 0x1000, FX_IO);
	fx_add_mem(root, 0x09010000, 0x09010000, 0x1000, FX_IO);
	fx_add_mem(root, 0x0a000000, 0x0a000000, 0x4000, FX_IO);
	fx_add_mem(root, 0x40000000, 0x40000000, 0x3c000000, FX_RAM);
	fx_add_mem(root, 0x7c600000, 0x7c600000, 0x900000, FX_RAM);
	fx_add_ivshmem(root, 1, 0, ARM_LINK0, 0x1000, 0x9000, 0x2000, 3, 0,
		       0);
	fx_add_mem(root, 0x7d000000, 0x7d000000, 0x3000000, FX_RAM);
	chip = fx_add_irqchip(root, ARM_GICD, 32, 0xffffffff);
	root->chips[chip].pin_bitmap[1] = 0xffffffff;
	root->chips[chip].pin_bitmap[2] = 0xffffffff;
	root->chips[chip].pin_bitmap[3] = 0xffffffff;
	chip = fx_add_irqchip(root, ARM_GICD, 160, 0xffffffff);
	root->chips[chip].pin_bitmap[1] = 0xffffffff;
}

void fx_arm_gic_demo(struct fx_cell *cell)
{
	fx_init_cell(cell, "gic-demo", JAILHOUSE_ARM);
	fx_set_cpus(cell, 0x2);
	fx_add_mem(cell, 0x7c600000, 0, 0x100000, FX_LOADABLE_RAM);
	fx_add_mem(cell, 0, 0x80000000, 0x1000, FX_COMM);
	fx_add_mem(cell, ARM_UART, ARM_UART, 0x1000, FX_IO);
	fx_add_irqchip(cell, ARM_GICD, 32, 1 << 1);
	cell->console.address = ARM_UART;
	cell->console.size = 0x1000;
	cell->console.type = JAILHOUSE_CON_TYPE_PL011;
	cell->console.flags = JAILHOUSE_CON_ACCESS_MMIO |
		JAILHOUSE_CON_REGDIST_4;
}

void fx_arm_ivshmem_demo(struct fx_cell *cell, __u8 id,
			 unsigned long long cpus, __u64 ram)
{
	unsigned int chip, pin;
	__u32 vpci = 150 + 4 * id;

	fx_init_cell(cell, id == 1 ? "ivshmem-demo-a" : "ivshmem-demo-b",
		     JAILHOUSE_ARM);
	fx_set_cpus(cell, cpus);
	cell->vpci_irq_base = vpci;
	cell->flags = JAILHOUSE_CELL_VIRTUAL_CONSOLE_PERMITTED |
		JAILHOUSE_CELL_VIRTUAL_CONSOLE_ACTIVE;
	fx_add_mem(cell, ram, 0, 0x100000, FX_LOADABLE_RAM);
	fx_add_mem(cell, 0, 0x80000000, 0x1000, FX_COMM);
	fx_add_ivshmem(cell, 1, 0, ARM_LINK0, 0x1000, 0x9000, 0x2000, 3, id,
		       1);
	/* the vPCI INTx lines: INTIDs 32 + vpci .. + 3, above pin 160 */
	chip = fx_add_irqchip(cell, ARM_GICD, 160, 0);
	for (pin = 32 + vpci - 160; pin < 32 + vpci - 160 + 4; pin++)
		cell->chips[chip].pin_bitmap[pin / 32] |= 1U << (pin % 32);
}
