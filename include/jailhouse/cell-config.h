/* SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause) */
/*
 * System and cell configuration ABI, config revision 14.
 *
 * A .cell file is the raw data section of a compiled C object holding one
 * of these descriptors followed by its variable-length tail. The layout is
 * byte-for-byte the one upstream Jailhouse uses, so configs and tools from
 * either project are interchangeable. Any change here is an ABI break:
 * bump JAILHOUSE_CONFIG_REVISION and the asserts at the end of this file.
 */
#ifndef _JAILHOUSE_CELL_CONFIG_H
#define _JAILHOUSE_CELL_CONFIG_H

#include <jailhouse/types.h>
#include <jailhouse/console.h>
#include <jailhouse/pci_defs.h>

#ifndef ARRAY_SIZE
#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))
#endif

#define JAILHOUSE_CONFIG_REVISION	14

/* Architecture byte following the signature */
#define JAILHOUSE_X86			0
#define JAILHOUSE_ARM			1
#define JAILHOUSE_ARM64			2

#define JAILHOUSE_SIGNATURE_LEN		5
#define JAILHOUSE_SYSTEM_SIGNATURE	"JHSYS"
#define JAILHOUSE_CELL_DESC_SIGNATURE	"JHCLL"

#define JAILHOUSE_CELL_NAME_MAXLEN	31

/* Cell flags */
#define JAILHOUSE_CELL_PASSIVE_COMMREG	0x00000001
#define JAILHOUSE_CELL_TEST_DEVICE	0x00000002
#define JAILHOUSE_CELL_AARCH32		0x00000004
/* inmate may use the debug-console hypercall */
#define JAILHOUSE_CELL_VIRTUAL_CONSOLE_PERMITTED	0x40000000
/* inmate should use the debug-console hypercall (implies PERMITTED) */
#define JAILHOUSE_CELL_VIRTUAL_CONSOLE_ACTIVE		0x80000000

#define CELL_FLAGS_VIRTUAL_CONSOLE_ACTIVE(flags) \
	(!!((flags) & JAILHOUSE_CELL_VIRTUAL_CONSOLE_ACTIVE))
#define CELL_FLAGS_VIRTUAL_CONSOLE_PERMITTED(flags) \
	(!!((flags) & JAILHOUSE_CELL_VIRTUAL_CONSOLE_PERMITTED))

#define JAILHOUSE_INVALID_STREAMID	(~0U)

struct jailhouse_cell_desc {
	char signature[JAILHOUSE_SIGNATURE_LEN];
	__u8 architecture;
	__u16 revision;

	char name[JAILHOUSE_CELL_NAME_MAXLEN + 1];
	__u32 id;		/* filled in by the driver */
	__u32 flags;

	__u32 cpu_set_size;	/* bytes of CPU bitmap following this struct */
	__u32 num_memory_regions;
	__u32 num_cache_regions;
	__u32 num_irqchips;
	__u32 num_pio_regions;
	__u32 num_pci_devices;
	__u32 num_pci_caps;
	__u32 num_stream_ids;

	__u32 vpci_irq_base;

	__u64 cpu_reset_address;
	__u64 msg_reply_timeout;

	struct jailhouse_console console;
} __attribute__((packed));

/* Memory region flags */
#define JAILHOUSE_MEM_READ		0x0001
#define JAILHOUSE_MEM_WRITE		0x0002
#define JAILHOUSE_MEM_EXECUTE		0x0004
#define JAILHOUSE_MEM_DMA		0x0008
#define JAILHOUSE_MEM_IO		0x0010
#define JAILHOUSE_MEM_COMM_REGION	0x0020
#define JAILHOUSE_MEM_LOADABLE		0x0040
#define JAILHOUSE_MEM_ROOTSHARED	0x0080
#define JAILHOUSE_MEM_NO_HUGEPAGES	0x0100
#define JAILHOUSE_MEM_IO_UNALIGNED	0x8000
#define JAILHOUSE_MEM_IO_WIDTH_SHIFT	16	/* bits 16..19 */
#define JAILHOUSE_MEM_IO_WIDTH_MASK	(0xf << JAILHOUSE_MEM_IO_WIDTH_SHIFT)
#define JAILHOUSE_MEM_IO_8		(1 << JAILHOUSE_MEM_IO_WIDTH_SHIFT)
#define JAILHOUSE_MEM_IO_16		(2 << JAILHOUSE_MEM_IO_WIDTH_SHIFT)
#define JAILHOUSE_MEM_IO_32		(4 << JAILHOUSE_MEM_IO_WIDTH_SHIFT)
#define JAILHOUSE_MEM_IO_64		(8 << JAILHOUSE_MEM_IO_WIDTH_SHIFT)

struct jailhouse_memory {
	__u64 phys_start;
	__u64 virt_start;
	__u64 size;
	__u64 flags;
} __attribute__((packed));

/* A region that does not start and end on 4 KiB boundaries is emulated. */
#define JAILHOUSE_MEMORY_IS_SUBPAGE(mem) \
	(((mem)->virt_start & 0xfffULL) || ((mem)->size & 0xfffULL))

/*
 * Shared-memory layout of a two-peer virtual network link (1 MiB):
 * read-only state table, no common R/W section, one output section per peer.
 */
#define JAILHOUSE_SHMEM_NET_REGIONS(start, dev_id)			\
	{								\
		.phys_start = (start),					\
		.virt_start = (start),					\
		.size = 0x1000,						\
		.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_ROOTSHARED,	\
	},								\
	{ 0 },								\
	{								\
		.phys_start = (start) + 0x1000,				\
		.virt_start = (start) + 0x1000,				\
		.size = 0x7f000,					\
		.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_ROOTSHARED | \
			((dev_id) == 0 ? JAILHOUSE_MEM_WRITE : 0),	\
	},								\
	{								\
		.phys_start = (start) + 0x80000,			\
		.virt_start = (start) + 0x80000,			\
		.size = 0x7f000,					\
		.flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_ROOTSHARED | \
			((dev_id) == 1 ? JAILHOUSE_MEM_WRITE : 0),	\
	}

/* Cache allocation (Intel CAT) */
#define JAILHOUSE_CACHE_L3_CODE		0x01
#define JAILHOUSE_CACHE_L3_DATA		0x02
#define JAILHOUSE_CACHE_L3		(JAILHOUSE_CACHE_L3_CODE | \
					 JAILHOUSE_CACHE_L3_DATA)
#define JAILHOUSE_CACHE_ROOTSHARED	0x0001

struct jailhouse_cache {
	__u32 start;
	__u32 size;
	__u8 type;
	__u8 padding;
	__u16 flags;
} __attribute__((packed));

/* One entry covers 128 pins starting at pin_base. */
struct jailhouse_irqchip {
	__u64 address;
	__u32 id;
	__u32 pin_base;
	__u32 pin_bitmap[4];
} __attribute__((packed));

/* PCI device types */
#define JAILHOUSE_PCI_TYPE_DEVICE	0x01
#define JAILHOUSE_PCI_TYPE_BRIDGE	0x02
#define JAILHOUSE_PCI_TYPE_IVSHMEM	0x03

/* Shared-memory protocols, reported as PCI sub-class and prog-if */
#define JAILHOUSE_SHMEM_PROTO_UNDEFINED		0x0000
#define JAILHOUSE_SHMEM_PROTO_VETH		0x0001
#define JAILHOUSE_SHMEM_PROTO_CUSTOM		0x4000	/* ..0x7fff */
#define JAILHOUSE_SHMEM_PROTO_VIRTIO_FRONT	0x8000	/* + device id */
#define JAILHOUSE_SHMEM_PROTO_VIRTIO_BACK	0xc000	/* + device id */

#define VIRTIO_DEV_NET			1
#define VIRTIO_DEV_BLOCK		2
#define VIRTIO_DEV_CONSOLE		3

struct jailhouse_pci_device {
	__u8 type;
	__u8 iommu;
	__u16 domain;
	__u16 bdf;
	__u32 bar_mask[6];
	__u16 caps_start;
	__u16 num_caps;
	__u8 num_msi_vectors;
	__u8 msi_64bits:1;
	__u8 msi_maskable:1;
	__u16 num_msix_vectors;
	__u16 msix_region_size;
	__u64 msix_address;
	/* ivshmem: index of the first of its consecutive memory regions */
	__u32 shmem_regions_start;
	/* ivshmem: this cell's peer ID, 0..shmem_peers-1 */
	__u8 shmem_dev_id;
	/* ivshmem: maximum number of peers on this link */
	__u8 shmem_peers;
	/* ivshmem: JAILHOUSE_SHMEM_PROTO_* */
	__u16 shmem_protocol;
} __attribute__((packed));

#define JAILHOUSE_IVSHMEM_BAR_MASK_INTX				\
	{ 0xfffff000, 0x00000000, 0x00000000,			\
	  0x00000000, 0x00000000, 0x00000000 }
#define JAILHOUSE_IVSHMEM_BAR_MASK_MSIX				\
	{ 0xfffff000, 0xfffff000, 0x00000000,			\
	  0x00000000, 0x00000000, 0x00000000 }
#define JAILHOUSE_IVSHMEM_BAR_MASK_INTX_64K			\
	{ 0xffff0000, 0x00000000, 0x00000000,			\
	  0x00000000, 0x00000000, 0x00000000 }
#define JAILHOUSE_IVSHMEM_BAR_MASK_MSIX_64K			\
	{ 0xffff0000, 0xffff0000, 0x00000000,			\
	  0x00000000, 0x00000000, 0x00000000 }

#define JAILHOUSE_PCI_EXT_CAP		0x8000
#define JAILHOUSE_PCICAPS_WRITE		0x0001

struct jailhouse_pci_capability {
	__u16 id;
	__u16 start;
	__u16 len;
	__u16 flags;
} __attribute__((packed));

#define JAILHOUSE_APIC_MODE_AUTO	0
#define JAILHOUSE_APIC_MODE_XAPIC	1
#define JAILHOUSE_APIC_MODE_X2APIC	2

#define JAILHOUSE_MAX_IOMMU_UNITS	8

#define JAILHOUSE_IOMMU_AMD		1
#define JAILHOUSE_IOMMU_INTEL		2
#define JAILHOUSE_IOMMU_SMMUV3		3
#define JAILHOUSE_IOMMU_PVU		4
#define JAILHOUSE_IOMMU_ARM_MMU500	5

struct jailhouse_iommu {
	__u32 type;
	__u64 base;
	__u32 size;

	union {
		struct {
			__u16 bdf;
			__u8 base_cap;
			__u8 msi_cap;
			__u32 features;
		} __attribute__((packed)) amd;

		struct {
			__u64 tlb_base;
			__u32 tlb_size;
		} __attribute__((packed)) tipvu;
	};
} __attribute__((packed));

union jailhouse_stream_id {
	__u32 id;
	struct {
		__u16 id;
		__u16 mask_out;
	} __attribute__((packed)) mmu500;
} __attribute__((packed));

/* Port I/O whitelist entry (x86) */
struct jailhouse_pio {
	__u16 base;
	__u16 length;
} __attribute__((packed));

#define PIO_RANGE(__base, __length)	\
	{				\
		.base = (__base),	\
		.length = (__length),	\
	}

/* System flags */
#define JAILHOUSE_SYS_VIRTUAL_DEBUG_CONSOLE	0x0001

#define SYS_FLAGS_VIRTUAL_DEBUG_CONSOLE(flags) \
	(!!((flags) & JAILHOUSE_SYS_VIRTUAL_DEBUG_CONSOLE))

struct jailhouse_system {
	char signature[JAILHOUSE_SIGNATURE_LEN];
	__u8 architecture;
	__u16 revision;
	__u32 flags;

	/* where the hypervisor lives; reserved from Linux by the user */
	struct jailhouse_memory hypervisor_memory;
	struct jailhouse_console debug_console;
	struct {
		__u64 pci_mmconfig_base;
		__u8 pci_mmconfig_end_bus;
		__u8 pci_is_virtual;
		__u16 pci_domain;
		struct jailhouse_iommu iommu_units[JAILHOUSE_MAX_IOMMU_UNITS];
		union {
			struct {
				__u16 pm_timer_address;
				__u8 apic_mode;
				__u8 padding;
				__u32 vtd_interrupt_limit;
				__u32 tsc_khz;
				__u32 apic_khz;
			} __attribute__((packed)) x86;
			struct {
				__u8 maintenance_irq;
				__u8 gic_version;
				__u8 padding[2];
				__u64 gicd_base;
				__u64 gicc_base;
				__u64 gich_base;
				__u64 gicv_base;
				__u64 gicr_base;
			} __attribute__((packed)) arm;
		} __attribute__((packed));
	} __attribute__((packed)) platform_info;
	struct jailhouse_cell_desc root_cell;
} __attribute__((packed));

/*
 * Accessors for the variable-length tail. They trust the counts; callers
 * that handle untrusted images must run the config checker first.
 */
#define __JH_TAIL(cell)	((const __u8 *)(cell) + sizeof(struct jailhouse_cell_desc))

static inline __u64
jailhouse_cell_config_size(const struct jailhouse_cell_desc *cell)
{
	return sizeof(struct jailhouse_cell_desc) +
		(__u64)cell->cpu_set_size +
		(__u64)cell->num_memory_regions * sizeof(struct jailhouse_memory) +
		(__u64)cell->num_cache_regions * sizeof(struct jailhouse_cache) +
		(__u64)cell->num_irqchips * sizeof(struct jailhouse_irqchip) +
		(__u64)cell->num_pio_regions * sizeof(struct jailhouse_pio) +
		(__u64)cell->num_pci_devices *
			sizeof(struct jailhouse_pci_device) +
		(__u64)cell->num_pci_caps *
			sizeof(struct jailhouse_pci_capability) +
		(__u64)cell->num_stream_ids * sizeof(union jailhouse_stream_id);
}

static inline __u64
jailhouse_system_config_size(const struct jailhouse_system *system)
{
	return sizeof(*system) - sizeof(system->root_cell) +
		jailhouse_cell_config_size(&system->root_cell);
}

static inline const unsigned long *
jailhouse_cell_cpu_set(const struct jailhouse_cell_desc *cell)
{
	return (const unsigned long *)__JH_TAIL(cell);
}

static inline const struct jailhouse_memory *
jailhouse_cell_mem_regions(const struct jailhouse_cell_desc *cell)
{
	return (const struct jailhouse_memory *)
		(__JH_TAIL(cell) + cell->cpu_set_size);
}

static inline const struct jailhouse_cache *
jailhouse_cell_cache_regions(const struct jailhouse_cell_desc *cell)
{
	return (const struct jailhouse_cache *)
		(jailhouse_cell_mem_regions(cell) + cell->num_memory_regions);
}

static inline const struct jailhouse_irqchip *
jailhouse_cell_irqchips(const struct jailhouse_cell_desc *cell)
{
	return (const struct jailhouse_irqchip *)
		(jailhouse_cell_cache_regions(cell) + cell->num_cache_regions);
}

static inline const struct jailhouse_pio *
jailhouse_cell_pio(const struct jailhouse_cell_desc *cell)
{
	return (const struct jailhouse_pio *)
		(jailhouse_cell_irqchips(cell) + cell->num_irqchips);
}

static inline const struct jailhouse_pci_device *
jailhouse_cell_pci_devices(const struct jailhouse_cell_desc *cell)
{
	return (const struct jailhouse_pci_device *)
		(jailhouse_cell_pio(cell) + cell->num_pio_regions);
}

static inline const struct jailhouse_pci_capability *
jailhouse_cell_pci_caps(const struct jailhouse_cell_desc *cell)
{
	return (const struct jailhouse_pci_capability *)
		(jailhouse_cell_pci_devices(cell) + cell->num_pci_devices);
}

static inline const union jailhouse_stream_id *
jailhouse_cell_stream_ids(const struct jailhouse_cell_desc *cell)
{
	return (const union jailhouse_stream_id *)
		(jailhouse_cell_pci_caps(cell) + cell->num_pci_caps);
}

/* Compile-time proof that the layout matches revision 14 byte for byte. */
#define __JH_OFF(type, field)	__builtin_offsetof(struct type, field)
#define __JH_ABI(cond)		_Static_assert(cond, #cond)

__JH_ABI(sizeof(struct jailhouse_console) == 32);
__JH_ABI(__JH_OFF(jailhouse_console, type) == 12);
__JH_ABI(__JH_OFF(jailhouse_console, divider) == 16);
__JH_ABI(__JH_OFF(jailhouse_console, clock_reg) == 24);

__JH_ABI(sizeof(struct jailhouse_cell_desc) == 132);
__JH_ABI(__JH_OFF(jailhouse_cell_desc, architecture) == 5);
__JH_ABI(__JH_OFF(jailhouse_cell_desc, revision) == 6);
__JH_ABI(__JH_OFF(jailhouse_cell_desc, name) == 8);
__JH_ABI(__JH_OFF(jailhouse_cell_desc, id) == 40);
__JH_ABI(__JH_OFF(jailhouse_cell_desc, flags) == 44);
__JH_ABI(__JH_OFF(jailhouse_cell_desc, cpu_set_size) == 48);
__JH_ABI(__JH_OFF(jailhouse_cell_desc, num_stream_ids) == 76);
__JH_ABI(__JH_OFF(jailhouse_cell_desc, vpci_irq_base) == 80);
__JH_ABI(__JH_OFF(jailhouse_cell_desc, cpu_reset_address) == 84);
__JH_ABI(__JH_OFF(jailhouse_cell_desc, msg_reply_timeout) == 92);
__JH_ABI(__JH_OFF(jailhouse_cell_desc, console) == 100);

__JH_ABI(sizeof(struct jailhouse_memory) == 32);
__JH_ABI(sizeof(struct jailhouse_cache) == 12);
__JH_ABI(sizeof(struct jailhouse_irqchip) == 32);
__JH_ABI(__JH_OFF(jailhouse_irqchip, pin_bitmap) == 16);
__JH_ABI(sizeof(struct jailhouse_pio) == 4);
__JH_ABI(sizeof(struct jailhouse_pci_capability) == 8);
__JH_ABI(sizeof(union jailhouse_stream_id) == 4);

__JH_ABI(sizeof(struct jailhouse_pci_device) == 56);
__JH_ABI(__JH_OFF(jailhouse_pci_device, bdf) == 4);
__JH_ABI(__JH_OFF(jailhouse_pci_device, bar_mask) == 6);
__JH_ABI(__JH_OFF(jailhouse_pci_device, caps_start) == 30);
__JH_ABI(__JH_OFF(jailhouse_pci_device, num_msi_vectors) == 34);
__JH_ABI(__JH_OFF(jailhouse_pci_device, num_msix_vectors) == 36);
__JH_ABI(__JH_OFF(jailhouse_pci_device, msix_address) == 40);
__JH_ABI(__JH_OFF(jailhouse_pci_device, shmem_regions_start) == 48);
__JH_ABI(__JH_OFF(jailhouse_pci_device, shmem_dev_id) == 52);
__JH_ABI(__JH_OFF(jailhouse_pci_device, shmem_peers) == 53);
__JH_ABI(__JH_OFF(jailhouse_pci_device, shmem_protocol) == 54);

__JH_ABI(sizeof(struct jailhouse_iommu) == 28);

__JH_ABI(sizeof(struct jailhouse_system) == 488);
__JH_ABI(__JH_OFF(jailhouse_system, flags) == 8);
__JH_ABI(__JH_OFF(jailhouse_system, hypervisor_memory) == 12);
__JH_ABI(__JH_OFF(jailhouse_system, debug_console) == 44);
__JH_ABI(__JH_OFF(jailhouse_system, platform_info) == 76);
__JH_ABI(__JH_OFF(jailhouse_system, platform_info.iommu_units) == 88);
__JH_ABI(__JH_OFF(jailhouse_system, platform_info.x86.pm_timer_address) ==
	 312);
__JH_ABI(__JH_OFF(jailhouse_system, platform_info.x86.apic_mode) == 314);
__JH_ABI(__JH_OFF(jailhouse_system, platform_info.x86.tsc_khz) == 320);
__JH_ABI(__JH_OFF(jailhouse_system, platform_info.arm.gicd_base) == 316);
__JH_ABI(__JH_OFF(jailhouse_system, platform_info.arm.gicr_base) == 348);
__JH_ABI(__JH_OFF(jailhouse_system, root_cell) == 356);

#endif /* !_JAILHOUSE_CELL_CONFIG_H */
