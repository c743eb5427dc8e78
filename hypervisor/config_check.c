// SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause)
/*
 * The one config validator, compiled into the hypervisor, the driver, the
 * jailhouse tool and the host unit tests.
 *
 * Rules for this file: no libc, no floating point, no 64-bit division (the
 * 32-bit ARM kernel has no helper for it), no variable-length arrays and
 * small stack frames. Architecture-specific rules are picked at run time
 * from the architecture byte of the config, never with #ifdef.
 *
 * Every finding is one message naming the item and the fix. An image is
 * first checked for its header and for declared sizes against its length;
 * only then are its tables walked, so nothing is read outside the image.
 */
#include <jailhouse/config_check.h>

#define CC_NULL			((void *)0)
#define CC_PAGE_MASK		0xfffULL
#define CC_PAGE_SIZE		0x1000ULL
#define CC_MAX_CPU_SET_SIZE	128	/* bytes: 1024 CPUs */
#define CC_PORT_LIMIT		0x10000ULL
#define CC_ECAM_BUS_SHIFT	20	/* 1 MiB of config space per bus */
#define CC_HV_MEM_MIN		0x100000ULL
#define CC_GICV2_MAX_CPUS	8
#define CC_GIC_FIRST_SPI	32
#define CC_GIC_MAX_INTID	1019
#define CC_PCI_MAX_MSI		32
#define CC_PCI_MAX_MSIX		2048
#define CC_MSIX_ENTRY_SIZE	16
#define CC_PCI_CFG_SIZE		0x100
#define CC_PCI_EXT_CFG_SIZE	0x1000
#define CC_PCI_CAPS_START	0x40
#define CC_IVSHMEM_MAX_PEERS	12
#define CC_IVSHMEM_MAX_MSIX	16
#define CC_X86_LAPIC_BASE	0xfee00000ULL
#define CC_X86_IOAPIC_SIZE	0x1000ULL
#define CC_CAT_MAX_BITS		32

#define CC_MEM_ACCESS	(JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE | \
			 JAILHOUSE_MEM_EXECUTE)
#define CC_MEM_KNOWN	(CC_MEM_ACCESS | JAILHOUSE_MEM_DMA | \
			 JAILHOUSE_MEM_IO | JAILHOUSE_MEM_COMM_REGION | \
			 JAILHOUSE_MEM_LOADABLE | JAILHOUSE_MEM_ROOTSHARED | \
			 JAILHOUSE_MEM_NO_HUGEPAGES | \
			 JAILHOUSE_MEM_IO_UNALIGNED | \
			 JAILHOUSE_MEM_IO_WIDTH_MASK)
#define CC_MEM_NOT_FOR_COMM	(JAILHOUSE_MEM_IO | JAILHOUSE_MEM_DMA | \
				 JAILHOUSE_MEM_LOADABLE | \
				 JAILHOUSE_MEM_ROOTSHARED)
#define CC_CELL_FLAGS_KNOWN	(JAILHOUSE_CELL_PASSIVE_COMMREG | \
				 JAILHOUSE_CELL_TEST_DEVICE | \
				 JAILHOUSE_CELL_AARCH32 | \
				 JAILHOUSE_CELL_VIRTUAL_CONSOLE_PERMITTED | \
				 JAILHOUSE_CELL_VIRTUAL_CONSOLE_ACTIVE)

/* What differs between the architectures, chosen by the config's byte. */
struct cc_arch {
	const char *name;
	unsigned char phys_bits;	/* physical address width */
	unsigned char guest_bits;	/* guest-physical width of EPT/stage 2 */
	unsigned char cpu_granule;	/* bytes of the hypervisor's long */
	unsigned char x86;		/* port I/O, LAPIC/IOAPIC, CAT */
	unsigned char supported;	/* by this hypervisor */
};

static const struct cc_arch cc_arches[] = {
	[JAILHOUSE_X86] = { "x86", 52, 48, 8, 1, 1 },
	[JAILHOUSE_ARM] = { "arm", 40, 40, 4, 0, 1 },
	[JAILHOUSE_ARM64] = { "arm64", 48, 48, 8, 0, 0 },
};

static const struct cc_arch *cc_arch_of(__u8 architecture)
{
	if (architecture >= ARRAY_SIZE(cc_arches))
		return CC_NULL;
	return &cc_arches[architecture];
}

/*
 * The subject of findings: a cell of a system, a cell on its own, or the
 * system-wide part of a system config. Table pointers are only set after
 * the image size has been checked against the declared counts.
 */
struct cc_cell {
	struct jh_check *chk;
	const struct cc_arch *arch;
	const struct jailhouse_system *sys;	/* NULL: cell seen alone */
	const struct jailhouse_cell_desc *desc;
	int root;
	const char *kind;
	const char *quote;
	const char *name;
	const unsigned char *cpus;
	const struct jailhouse_memory *mem;
	const struct jailhouse_cache *cache;
	const struct jailhouse_irqchip *chips;
	const struct jailhouse_pio *pio;
	const struct jailhouse_pci_device *pci;
	const struct jailhouse_pci_capability *caps;
};

/* Counts a finding; returns the sink to hand it to, or NULL. */
static struct jh_check *cc_tally(struct jh_check *chk, int severity)
{
	if (severity == JH_CHECK_ERROR)
		chk->errors++;
	else
		chk->warnings++;
	return chk->report ? chk : CC_NULL;
}

#define cc_report(chk, sev, fmt, ...)					\
	do {								\
		int __sev = (sev);					\
		struct jh_check *__sink = cc_tally(chk, __sev);		\
									\
		if (__sink)						\
			__sink->report(__sink->arg, __sev, fmt,		\
				       ##__VA_ARGS__);			\
	} while (0)

#define cc_say(c, sev, fmt, ...)					\
	do {								\
		const struct cc_cell *__who = (c);			\
									\
		cc_report(__who->chk, sev, "%s%s%s%s: " fmt,		\
			  __who->kind, __who->quote, __who->name,	\
			  __who->quote, ##__VA_ARGS__);			\
	} while (0)
#define cc_err(c, fmt, ...)	cc_say(c, JH_CHECK_ERROR, fmt, ##__VA_ARGS__)
#define cc_warn(c, fmt, ...)	cc_say(c, JH_CHECK_WARNING, fmt, ##__VA_ARGS__)

/* An inclusive address range; empty and wrapping ranges have none. */
struct cc_span {
	__u64 first;
	__u64 last;
};

static int cc_span(__u64 start, __u64 size, struct cc_span *s)
{
	if (size == 0 || start + (size - 1) < start)
		return 0;
	s->first = start;
	s->last = start + (size - 1);
	return 1;
}

static int cc_overlap(const struct cc_span *a, const struct cc_span *b)
{
	return a->first <= b->last && b->first <= a->last;
}

static int cc_inside(const struct cc_span *in, const struct cc_span *out)
{
	return in->first >= out->first && in->last <= out->last;
}

/* Physical range of a region; none for the comm region (phys unused). */
static int cc_phys_span(const struct jailhouse_memory *m, struct cc_span *s)
{
	struct cc_span g;

	if (m->flags & JAILHOUSE_MEM_COMM_REGION)
		return 0;
	return cc_span(m->virt_start, m->size, &g) &&
		cc_span(m->phys_start, m->size, s);
}

static int cc_guest_span(const struct jailhouse_memory *m, struct cc_span *s)
{
	struct cc_span p;

	return cc_span(m->virt_start, m->size, s) &&
		(m->flags & JAILHOUSE_MEM_COMM_REGION ||
		 cc_span(m->phys_start, m->size, &p));
}

static int cc_bytes_equal(const char *a, const char *b, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		if (a[i] != b[i])
			return 0;
	return 1;
}

static int cc_name_length(const struct jailhouse_cell_desc *desc)
{
	unsigned int i;

	for (i = 0; i < sizeof(desc->name); i++)
		if (desc->name[i] == '\0')
			return i;
	return -1;
}

static int cc_names_equal(const struct jailhouse_cell_desc *a,
			  const struct jailhouse_cell_desc *b)
{
	int len = cc_name_length(a);

	return len > 0 && len == cc_name_length(b) &&
		cc_bytes_equal(a->name, b->name, len);
}

static unsigned int cc_pci_bus(__u16 bdf)
{
	return bdf >> 8;
}

static unsigned int cc_pci_dev(__u16 bdf)
{
	return (bdf >> 3) & 0x1f;
}

static unsigned int cc_pci_fn(__u16 bdf)
{
	return bdf & 0x7;
}

/* "dddd:bb:dd.f" of a PCI device, for messages (no printf here) */
struct cc_bdf_text {
	char text[13];
};

static void cc_hex(char *out, unsigned int value, unsigned int digits)
{
	while (digits--) {
		out[digits] = "0123456789abcdef"[value & 0xf];
		value >>= 4;
	}
}

static struct cc_bdf_text cc_bdf(const struct jailhouse_pci_device *d)
{
	struct cc_bdf_text t;

	cc_hex(t.text, d->domain, 4);
	t.text[4] = ':';
	cc_hex(t.text + 5, cc_pci_bus(d->bdf), 2);
	t.text[7] = ':';
	cc_hex(t.text + 8, cc_pci_dev(d->bdf), 2);
	t.text[10] = '.';
	cc_hex(t.text + 11, cc_pci_fn(d->bdf), 1);
	t.text[12] = '\0';
	return t;
}

/* ------------------------------------------------------------------ */
/* Set-up of a cell context (tables trusted from here on)             */

static void cc_cell_init(struct cc_cell *c, struct jh_check *chk,
			 const struct cc_arch *arch,
			 const struct jailhouse_system *sys,
			 const struct jailhouse_cell_desc *desc, int root)
{
	int len = cc_name_length(desc);

	c->chk = chk;
	c->arch = arch;
	c->sys = sys;
	c->desc = desc;
	c->root = root;
	c->kind = root ? "root cell " : "cell ";
	c->quote = "\"";
	if (len > 0)
		c->name = desc->name;
	else
		c->name = len == 0 ? "(no name)" : "(unterminated name)";
	c->cpus = (const unsigned char *)jailhouse_cell_cpu_set(desc);
	c->mem = jailhouse_cell_mem_regions(desc);
	c->cache = jailhouse_cell_cache_regions(desc);
	c->chips = jailhouse_cell_irqchips(desc);
	c->pio = jailhouse_cell_pio(desc);
	c->pci = jailhouse_cell_pci_devices(desc);
	c->caps = jailhouse_cell_pci_caps(desc);
}

/* A subject for system-wide findings ("system config: ..."). */
static void cc_system_init(struct cc_cell *c, struct jh_check *chk,
			   const struct cc_arch *arch,
			   const struct jailhouse_system *sys)
{
	cc_cell_init(c, chk, arch, sys, &sys->root_cell, 1);
	c->kind = "system config";
	c->quote = "";
	c->name = "";
}

/* ------------------------------------------------------------------ */
/* Header and size                                                     */

struct cc_header {
	char signature[JAILHOUSE_SIGNATURE_LEN];
	__u8 architecture;
	__u16 revision;
} __attribute__((packed));

static const struct cc_arch *cc_check_header(struct jh_check *chk,
					     const void *image, __u64 size,
					     int want_system)
{
	const char *want = want_system ? JAILHOUSE_SYSTEM_SIGNATURE :
		JAILHOUSE_CELL_DESC_SIGNATURE;
	const char *other = want_system ? JAILHOUSE_CELL_DESC_SIGNATURE :
		JAILHOUSE_SYSTEM_SIGNATURE;
	const struct cc_header *hdr = image;
	const struct cc_arch *arch;

	if (size < sizeof(*hdr)) {
		cc_report(chk, JH_CHECK_ERROR,
			  "image is %llu bytes, too short for a config header: the file is truncated or not a Jailhouse config",
			  (unsigned long long)size);
		return CC_NULL;
	}
	if (!cc_bytes_equal(hdr->signature, want, JAILHOUSE_SIGNATURE_LEN)) {
		if (cc_bytes_equal(hdr->signature, other,
				   JAILHOUSE_SIGNATURE_LEN))
			cc_report(chk, JH_CHECK_ERROR,
				  "this is a %s config, not a %s config: pass it as %s",
				  want_system ? "cell" : "system",
				  want_system ? "system" : "cell",
				  want_system ? "a CELLCONFIG" :
				  "the SYSCONFIG");
		else
			cc_report(chk, JH_CHECK_ERROR,
				  "not a %s configuration (signature is not \"%s\"): use a .cell file built from a config source",
				  want_system ? "system" : "cell", want);
		return CC_NULL;
	}
	if (hdr->revision != JAILHOUSE_CONFIG_REVISION) {
		cc_report(chk, JH_CHECK_ERROR,
			  "config revision %u, but revision %u is required: rebuild the config with this release's include/jailhouse/cell-config.h",
			  hdr->revision, JAILHOUSE_CONFIG_REVISION);
		return CC_NULL;
	}
	arch = cc_arch_of(hdr->architecture);
	if (!arch) {
		cc_report(chk, JH_CHECK_ERROR,
			  "unknown architecture byte %u (0 x86, 1 arm, 2 arm64): set .architecture",
			  hdr->architecture);
		return CC_NULL;
	}
	if (!arch->supported)
		cc_report(chk, JH_CHECK_ERROR,
			  "architecture %s is not supported by this hypervisor (x86-64 and ARMv7 only): use a config for one of those",
			  arch->name);
	return arch;
}

/*
 * The variable tail must fit the image. Counts are 32 bits and the sizes
 * are summed in 64 bits, so the sum cannot overflow.
 */
static int cc_check_size(struct jh_check *chk, const char *what,
			 __u64 size, __u64 head,
			 const struct jailhouse_cell_desc *desc)
{
	__u64 need = head + sizeof(*desc);

	if (size < need) {
		cc_report(chk, JH_CHECK_ERROR,
			  "image is %llu bytes, but a %s needs at least %llu: the file is truncated",
			  (unsigned long long)size, what,
			  (unsigned long long)need);
		return 0;
	}
	need = head + jailhouse_cell_config_size(desc);
	if (need > size) {
		cc_report(chk, JH_CHECK_ERROR,
			  "%s declares %llu bytes (cpu_set_size %u, %u memory regions, %u cache regions, %u irqchips, %u PIO regions, %u PCI devices, %u PCI caps, %u stream IDs) but the image has %llu: the file is truncated or a count is wrong",
			  what, (unsigned long long)need, desc->cpu_set_size,
			  desc->num_memory_regions, desc->num_cache_regions,
			  desc->num_irqchips, desc->num_pio_regions,
			  desc->num_pci_devices, desc->num_pci_caps,
			  desc->num_stream_ids, (unsigned long long)size);
		return 0;
	}
	if (need < size)
		cc_report(chk, JH_CHECK_WARNING,
			  "image has %llu bytes after the %llu declared by its counts: check the num_* fields",
			  (unsigned long long)(size - need),
			  (unsigned long long)need);
	return 1;
}

/* ------------------------------------------------------------------ */
/* Descriptor fields: name, flags, CPU set                             */

static int cc_cpu_in(const struct cc_cell *c, unsigned int cpu)
{
	if (cpu / 8 >= c->desc->cpu_set_size)
		return 0;
	return (c->cpus[cpu / 8] >> (cpu % 8)) & 1;
}

/* Number of CPU bits the set can hold, 0 if its size is not sane. */
static unsigned int cc_cpu_bits(const struct cc_cell *c)
{
	if (c->desc->cpu_set_size > CC_MAX_CPU_SET_SIZE)
		return 0;
	return c->desc->cpu_set_size * 8;
}

static void cc_check_name(struct cc_cell *c)
{
	int len = cc_name_length(c->desc);

	if (len < 0)
		cc_err(c, "name is not NUL-terminated within %u bytes: shorten it to %u characters",
		       JAILHOUSE_CELL_NAME_MAXLEN + 1,
		       JAILHOUSE_CELL_NAME_MAXLEN);
	else if (len == 0)
		cc_err(c, "has an empty name: set .name so the cell can be addressed");
}

static void cc_check_flags(struct cc_cell *c)
{
	__u32 flags = c->desc->flags;

	if (flags & ~CC_CELL_FLAGS_KNOWN)
		cc_warn(c, "unknown cell flag bits 0x%x are ignored: remove them",
			flags & ~CC_CELL_FLAGS_KNOWN);
	if (flags & JAILHOUSE_CELL_AARCH32 &&
	    c->arch != &cc_arches[JAILHOUSE_ARM64])
		cc_warn(c, "JAILHOUSE_CELL_AARCH32 only has a meaning on arm64: remove it");
}

static void cc_check_cpus(struct cc_cell *c)
{
	__u32 size = c->desc->cpu_set_size;
	unsigned int cpu, bits, count = 0;

	if (size == 0) {
		cc_err(c, "cpu_set_size is 0: give the cell a CPU set with at least one CPU");
		return;
	}
	if (size & (c->arch->cpu_granule - 1))
		cc_err(c, "cpu_set_size %u is not a multiple of %u bytes: declare the CPU set as an array of __u64",
		       size, c->arch->cpu_granule);
	bits = cc_cpu_bits(c);
	if (bits == 0) {
		cc_err(c, "cpu_set_size %u exceeds %u bytes (%u CPUs): shrink the CPU set",
		       size, CC_MAX_CPU_SET_SIZE, CC_MAX_CPU_SET_SIZE * 8);
		return;
	}
	for (cpu = 0; cpu < bits; cpu++) {
		if (!cc_cpu_in(c, cpu))
			continue;
		count++;
		if (!c->arch->x86 && c->sys &&
		    c->sys->platform_info.arm.gic_version == 2 &&
		    cpu >= CC_GICV2_MAX_CPUS)
			cc_err(c, "CPU %u does not exist with a GICv2 (at most %u CPUs): remove it from the CPU set",
			       cpu, CC_GICV2_MAX_CPUS);
	}
	if (count == 0)
		cc_err(c, "CPU set is empty: set the bit of at least one CPU");
}

/* ------------------------------------------------------------------ */
/* Memory regions                                                      */

/*
 * Is region @idx part of an ivshmem layout of this cell? With
 * @sections_only, the state table (the first region) does not count.
 */
static int cc_ivshmem_region(const struct cc_cell *c, __u32 idx,
			     int sections_only)
{
	const struct jailhouse_pci_device *d;
	__u64 first, end;
	__u32 n;

	for (n = 0; n < c->desc->num_pci_devices; n++) {
		d = &c->pci[n];
		if (d->type != JAILHOUSE_PCI_TYPE_IVSHMEM ||
		    d->shmem_peers == 0 ||
		    d->shmem_peers > CC_IVSHMEM_MAX_PEERS)
			continue;
		first = (__u64)d->shmem_regions_start +
			(sections_only ? 1 : 0);
		end = (__u64)d->shmem_regions_start + 2 + d->shmem_peers;
		if (idx >= first && idx < end)
			return 1;
	}
	return 0;
}

static void cc_check_comm_region(struct cc_cell *c, __u32 i)
{
	const struct jailhouse_memory *m = &c->mem[i];

	if (c->root) {
		cc_err(c, "memory region %u (guest 0x%llx) is a communication region, which only non-root cells have: remove JAILHOUSE_MEM_COMM_REGION",
		       i, m->virt_start);
		return;
	}
	if (m->size != CC_PAGE_SIZE || m->virt_start & CC_PAGE_MASK)
		cc_err(c, "communication region (memory region %u, guest 0x%llx, size 0x%llx) must be one page at a page-aligned address: set .size = 0x1000 and align .virt_start",
		       i, m->virt_start, m->size);
	if (!(m->flags & JAILHOUSE_MEM_READ))
		cc_err(c, "communication region (memory region %u) is not readable: add JAILHOUSE_MEM_READ",
		       i);
	else if (!(m->flags & JAILHOUSE_MEM_WRITE))
		cc_warn(c, "communication region (memory region %u) is read-only, so the inmate cannot answer messages: add JAILHOUSE_MEM_WRITE",
			i);
	if (m->flags & CC_MEM_NOT_FOR_COMM)
		cc_err(c, "communication region (memory region %u) must not carry IO, DMA, LOADABLE or ROOTSHARED (flags 0x%llx): remove them",
		       i, m->flags);
}

static void cc_check_region_limits(struct cc_cell *c, __u32 i,
				   const struct jailhouse_memory *m)
{
	__u64 guest_last = m->virt_start + (m->size - 1);
	__u64 phys_last = m->phys_start + (m->size - 1);

	if (!(m->flags & JAILHOUSE_MEM_COMM_REGION) &&
	    phys_last >> c->arch->phys_bits)
		cc_err(c, "memory region %u (phys 0x%llx..0x%llx) lies beyond the %u-bit physical address space of %s: fix .phys_start",
		       i, m->phys_start, phys_last, c->arch->phys_bits,
		       c->arch->name);
	if (guest_last >> c->arch->guest_bits)
		cc_err(c, "memory region %u (guest 0x%llx..0x%llx) lies beyond the %u-bit guest-physical space the hypervisor can map: move .virt_start lower",
		       i, m->virt_start, guest_last, c->arch->guest_bits);
}

static void cc_check_region_alignment(struct cc_cell *c, __u32 i,
				      const struct jailhouse_memory *m)
{
	__u64 last = m->phys_start + (m->size - 1);

	if (!(m->flags & JAILHOUSE_MEM_IO)) {
		if ((m->phys_start | m->virt_start | m->size) & CC_PAGE_MASK)
			cc_err(c, "memory region %u (phys 0x%llx..0x%llx, guest 0x%llx) is not page aligned: align start and size to 4 KiB (only IO regions may be sub-page, they are emulated)",
			       i, m->phys_start, last, m->virt_start);
		return;
	}
	if (!JAILHOUSE_MEMORY_IS_SUBPAGE(m)) {
		if (m->phys_start & CC_PAGE_MASK)
			cc_err(c, "memory region %u (phys 0x%llx..0x%llx, guest 0x%llx) is page aligned in the guest but not physically: use the same offset within the page for both, or make it a sub-page region",
			       i, m->phys_start, last, m->virt_start);
		return;
	}
	if (m->flags & (JAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_DMA |
			JAILHOUSE_MEM_LOADABLE))
		cc_err(c, "memory region %u (phys 0x%llx..0x%llx) is sub-page, so its accesses are emulated, which cannot serve EXECUTE, DMA or LOADABLE: drop those flags or align it to 4 KiB",
		       i, m->phys_start, last);
}

static void cc_check_region(struct cc_cell *c, __u32 i)
{
	const struct jailhouse_memory *m = &c->mem[i];
	__u64 last = m->phys_start + (m->size - 1);
	struct cc_span s;

	if (m->size == 0) {
		if (!cc_ivshmem_region(c, i, 1))
			cc_err(c, "memory region %u has size 0: remove it (empty entries are only valid as the R/W or an output section of an ivshmem device)",
			       i);
		return;
	}
	if (!cc_span(m->virt_start, m->size, &s) ||
	    (!(m->flags & JAILHOUSE_MEM_COMM_REGION) &&
	     !cc_span(m->phys_start, m->size, &s))) {
		cc_err(c, "memory region %u (phys 0x%llx, guest 0x%llx, size 0x%llx) wraps around the end of the address space: fix its start or size",
		       i, m->phys_start, m->virt_start, m->size);
		return;
	}
	if (m->flags & ~(__u64)CC_MEM_KNOWN)
		cc_warn(c, "memory region %u (phys 0x%llx..0x%llx) has unknown flag bits 0x%llx, which are ignored: remove them",
			i, m->phys_start, last,
			m->flags & ~(__u64)CC_MEM_KNOWN);
	cc_check_region_limits(c, i, m);
	if (m->flags & JAILHOUSE_MEM_COMM_REGION) {
		cc_check_comm_region(c, i);
		return;
	}
	if (!(m->flags & CC_MEM_ACCESS))
		cc_warn(c, "memory region %u (phys 0x%llx..0x%llx) grants no access (no READ, WRITE or EXECUTE): add access flags or remove it",
			i, m->phys_start, last);
	else if (c->arch->x86 && m->flags & JAILHOUSE_MEM_WRITE &&
		 !(m->flags & JAILHOUSE_MEM_READ))
		cc_err(c, "memory region %u (phys 0x%llx..0x%llx) is write-only, which EPT cannot map: add JAILHOUSE_MEM_READ",
		       i, m->phys_start, last);
	if (m->flags & JAILHOUSE_MEM_IO_WIDTH_MASK &&
	    !(m->flags & JAILHOUSE_MEM_IO))
		cc_warn(c, "memory region %u (phys 0x%llx..0x%llx) has IO access-width flags but no JAILHOUSE_MEM_IO: they are ignored",
			i, m->phys_start, last);
	if (c->root && m->flags & JAILHOUSE_MEM_LOADABLE)
		cc_warn(c, "memory region %u (phys 0x%llx..0x%llx) is LOADABLE, which means nothing in the root cell: remove the flag",
			i, m->phys_start, last);
	cc_check_region_alignment(c, i, m);
}

/*
 * Two regions of one cell must not overlap in the guest, and a physical
 * alias at another guest address must not be a writable one: that would
 * undo the permissions of the other mapping (e.g. ivshmem sections).
 */
static void cc_check_pair_overlap(struct cc_cell *c, __u32 i, __u32 j)
{
	const struct jailhouse_memory *a = &c->mem[i], *b = &c->mem[j];
	struct cc_span sa, sb;

	if (cc_guest_span(a, &sa) && cc_guest_span(b, &sb) &&
	    cc_overlap(&sa, &sb)) {
		cc_err(c, "memory regions %u (guest 0x%llx..0x%llx) and %u (guest 0x%llx..0x%llx) overlap in guest-physical space: move or shrink one of them",
		       i, sa.first, sa.last, j, sb.first, sb.last);
		return;
	}
	if (!cc_phys_span(a, &sa) || !cc_phys_span(b, &sb) ||
	    !cc_overlap(&sa, &sb))
		return;
	if ((a->flags | b->flags) & JAILHOUSE_MEM_WRITE)
		cc_err(c, "memory regions %u (phys 0x%llx..0x%llx) and %u (phys 0x%llx..0x%llx) map the same physical memory and one is writable, which defeats the other's permissions: remove the overlap",
		       i, sa.first, sa.last, j, sb.first, sb.last);
	else
		cc_warn(c, "memory regions %u (phys 0x%llx..0x%llx) and %u (phys 0x%llx..0x%llx) map the same physical memory twice (read-only): remove one if the alias is not intended",
			i, sa.first, sa.last, j, sb.first, sb.last);
}

static void cc_check_memory(struct cc_cell *c)
{
	__u32 n = c->desc->num_memory_regions, i, j;
	unsigned int comm = 0, loadable = 0;

	for (i = 0; i < n; i++) {
		cc_check_region(c, i);
		if (c->mem[i].size == 0)
			continue;
		if (c->mem[i].flags & JAILHOUSE_MEM_COMM_REGION)
			comm++;
		if (c->mem[i].flags & JAILHOUSE_MEM_LOADABLE)
			loadable++;
	}
	for (i = 0; i < n; i++)
		for (j = i + 1; j < n; j++)
			cc_check_pair_overlap(c, i, j);
	if (c->root)
		return;
	if (comm > 1)
		cc_err(c, "has %u communication regions: keep exactly one",
		       comm);
	else if (comm == 0)
		cc_warn(c, "has no communication region, so the inmate cannot see its state or messages: add a JAILHOUSE_MEM_COMM_REGION page");
	if (loadable == 0)
		cc_warn(c, "has no LOADABLE memory region, so 'jailhouse cell load' cannot place an image: flag its RAM JAILHOUSE_MEM_LOADABLE");
}

/* ------------------------------------------------------------------ */
/* Ranges only the hypervisor may touch                                */

struct cc_protected {
	struct cc_span span;
	const char *what;
	const char *fix;
};

enum {
	CC_PROT_HV,
	CC_PROT_LAPIC,
	CC_PROT_MMCONFIG,
	CC_PROT_GICD,
	CC_PROT_GICC,
	CC_PROT_GICH,
	CC_PROT_GICV,
	CC_PROT_IOMMU,
	CC_PROT_IOAPIC = CC_PROT_IOMMU + JAILHOUSE_MAX_IOMMU_UNITS,
};

static int cc_gic_range(const struct cc_cell *c, unsigned int n,
			struct cc_protected *p)
{
	static const struct {
		const char *what;
		const char *fix;
		__u64 size;
	} parts[] = {
		{ "the GIC distributor",
		  "leave it out, the hypervisor emulates it", 0x1000 },
		{ "the GIC CPU interface",
		  "leave it out, the hypervisor maps the virtual CPU interface there",
		  0x2000 },
		{ "the GIC hypervisor interface",
		  "leave it out, only the hypervisor may use it", 0x1000 },
		{ "the GIC virtual CPU interface",
		  "leave it out, the hypervisor maps it for the cell", 0x2000 },
	};
	const struct jailhouse_system *sys = c->sys;
	__u64 base[4];
	unsigned int part = n - CC_PROT_GICD;

	if (c->arch->x86 || sys->platform_info.arm.gic_version != 2)
		return 0;
	base[0] = sys->platform_info.arm.gicd_base;
	base[1] = sys->platform_info.arm.gicc_base;
	base[2] = sys->platform_info.arm.gich_base;
	base[3] = sys->platform_info.arm.gicv_base;
	p->what = parts[part].what;
	p->fix = parts[part].fix;
	return base[part] && cc_span(base[part], parts[part].size, &p->span);
}

static int cc_iommu_range(const struct cc_cell *c, unsigned int unit,
			  struct cc_protected *p)
{
	const struct jailhouse_iommu *iommu =
		&c->sys->platform_info.iommu_units[unit];

	p->what = "the registers of an IOMMU unit";
	p->fix = "leave them out, only the hypervisor may program the IOMMU";
	return iommu->type && cc_span(iommu->base, iommu->size, &p->span);
}

static int cc_ioapic_range(const struct cc_cell *c, unsigned int chip,
			   struct cc_protected *p)
{
	const struct jailhouse_cell_desc *root = &c->sys->root_cell;
	const struct jailhouse_irqchip *chips = jailhouse_cell_irqchips(root);

	p->what = "an IOAPIC";
	p->fix = "leave out the IOAPIC page, the hypervisor emulates it";
	return c->arch->x86 &&
		cc_span(chips[chip].address, CC_X86_IOAPIC_SIZE, &p->span);
}

/*
 * Protected range number @n: 1 and @p filled in, 0 if slot @n is unused
 * for this system, -1 past the last slot.
 */
static int cc_protected_range(const struct cc_cell *c, unsigned int n,
			      struct cc_protected *p)
{
	const struct jailhouse_system *sys = c->sys;
	__u64 ecam_size;

	switch (n) {
	case CC_PROT_HV:
		p->what = "hypervisor memory";
		p->fix = "shrink it or move hypervisor_memory";
		return cc_span(sys->hypervisor_memory.phys_start,
			       sys->hypervisor_memory.size, &p->span);
	case CC_PROT_LAPIC:
		p->what = "the local APIC";
		p->fix = "leave out the local APIC page, the hypervisor emulates it";
		return c->arch->x86 &&
			cc_span(CC_X86_LAPIC_BASE, CC_PAGE_SIZE, &p->span);
	case CC_PROT_MMCONFIG:
		p->what = "the PCI MMCONFIG window";
		p->fix = "leave it out, the hypervisor emulates PCI config space";
		ecam_size = ((__u64)sys->platform_info.pci_mmconfig_end_bus +
			     1) << CC_ECAM_BUS_SHIFT;
		return sys->platform_info.pci_mmconfig_base &&
			cc_span(sys->platform_info.pci_mmconfig_base,
				ecam_size, &p->span);
	case CC_PROT_GICD:
	case CC_PROT_GICC:
	case CC_PROT_GICH:
	case CC_PROT_GICV:
		return cc_gic_range(c, n, p);
	}
	if (n < CC_PROT_IOAPIC)
		return cc_iommu_range(c, n - CC_PROT_IOMMU, p);
	if (n - CC_PROT_IOAPIC < sys->root_cell.num_irqchips)
		return cc_ioapic_range(c, n - CC_PROT_IOAPIC, p);
	return -1;
}

static void cc_check_protected(struct cc_cell *c)
{
	struct cc_protected p;
	struct cc_span s;
	unsigned int n;
	__u32 i;
	int ret;

	for (n = 0; (ret = cc_protected_range(c, n, &p)) >= 0; n++) {
		if (ret == 0)
			continue;
		for (i = 0; i < c->desc->num_memory_regions; i++)
			if (cc_phys_span(&c->mem[i], &s) &&
			    cc_overlap(&s, &p.span))
				cc_err(c, "memory region %u (phys 0x%llx..0x%llx) overlaps %s (0x%llx..0x%llx): %s",
				       i, s.first, s.last, p.what,
				       p.span.first, p.span.last, p.fix);
	}
}

/* ------------------------------------------------------------------ */
/* Cache regions, irqchips, port I/O, stream IDs                       */

static void cc_check_cache(struct cc_cell *c)
{
	const struct jailhouse_cache *cr;
	__u32 i;

	if (c->desc->num_cache_regions && !c->arch->x86) {
		cc_err(c, "has %u cache regions, but cache allocation (Intel CAT) exists only on x86: remove them",
		       c->desc->num_cache_regions);
		return;
	}
	for (i = 0; i < c->desc->num_cache_regions; i++) {
		cr = &c->cache[i];
		if (cr->type == 0 || cr->type > JAILHOUSE_CACHE_L3)
			cc_err(c, "cache region %u has unknown type %u: use JAILHOUSE_CACHE_L3, _L3_CODE or _L3_DATA",
			       i, cr->type);
		if (cr->size == 0 ||
		    (__u64)cr->start + cr->size > CC_CAT_MAX_BITS)
			cc_err(c, "cache region %u (bits %u, count %u) must cover 1..%u bits of the capacity mask: fix .start/.size",
			       i, cr->start, cr->size, CC_CAT_MAX_BITS);
		if (cr->flags & ~JAILHOUSE_CACHE_ROOTSHARED)
			cc_warn(c, "cache region %u has unknown flag bits 0x%x, which are ignored",
				i, cr->flags & ~JAILHOUSE_CACHE_ROOTSHARED);
	}
}

/* Highest pin set in an irqchip entry, or -1. */
static int cc_chip_last_pin(const struct jailhouse_irqchip *chip)
{
	int word, bit;

	for (word = 3; word >= 0; word--)
		for (bit = 31; bit >= 0; bit--)
			if ((chip->pin_bitmap[word] >> bit) & 1)
				return word * 32 + bit;
	return -1;
}

static int cc_chip_has_pin(const struct jailhouse_irqchip *chip, __u64 pin)
{
	__u64 rel;

	if (pin < chip->pin_base)
		return 0;
	rel = pin - chip->pin_base;
	if (rel >= 128)
		return 0;
	return (chip->pin_bitmap[rel >> 5] >> (rel & 31)) & 1;
}

/* First pin assigned by both entries (same chip address), or -1. */
static long long cc_chips_shared_pin(const struct jailhouse_irqchip *a,
				     const struct jailhouse_irqchip *b)
{
	unsigned int rel;

	if (a->address != b->address)
		return -1;
	for (rel = 0; rel < 128; rel++)
		if (cc_chip_has_pin(a, (__u64)a->pin_base + rel) &&
		    cc_chip_has_pin(b, (__u64)a->pin_base + rel))
			return (long long)a->pin_base + rel;
	return -1;
}

static void cc_check_irqchip(struct cc_cell *c, __u32 i)
{
	const struct jailhouse_irqchip *chip = &c->chips[i];
	int last = cc_chip_last_pin(chip);

	if (chip->address == 0)
		cc_err(c, "irqchip %u has address 0: set .address to the %s base",
		       i, c->arch->x86 ? "IOAPIC" : "GIC distributor");
	if (c->arch->x86) {
		if (chip->pin_base != 0)
			cc_err(c, "irqchip %u has pin_base %u, but IOAPIC pins start at 0 on x86: set .pin_base = 0",
			       i, chip->pin_base);
		return;
	}
	if (chip->pin_base < CC_GIC_FIRST_SPI || chip->pin_base % 32)
		cc_err(c, "irqchip %u has pin_base %u: it must be a multiple of 32 and at least %u (the first SPI)",
		       i, chip->pin_base, CC_GIC_FIRST_SPI);
	else if (last >= 0 &&
		 (__u64)chip->pin_base + last > CC_GIC_MAX_INTID)
		cc_err(c, "irqchip %u assigns interrupt %llu, beyond the last SPI %u: clear that bit",
		       i, (unsigned long long)chip->pin_base + last,
		       CC_GIC_MAX_INTID);
	if (c->sys && c->sys->platform_info.arm.gicd_base &&
	    chip->address != c->sys->platform_info.arm.gicd_base)
		cc_err(c, "irqchip %u (address 0x%llx) is not the GIC distributor (gicd_base 0x%llx): set .address = gicd_base",
		       i, chip->address,
		       c->sys->platform_info.arm.gicd_base);
}

static void cc_check_irqchips(struct cc_cell *c)
{
	__u32 n = c->desc->num_irqchips, i, j;
	long long pin;

	for (i = 0; i < n; i++) {
		cc_check_irqchip(c, i);
		for (j = 0; j < i; j++) {
			pin = cc_chips_shared_pin(&c->chips[j], &c->chips[i]);
			if (pin >= 0)
				cc_warn(c, "irqchips %u and %u both assign interrupt %lld: list each interrupt once",
					j, i, pin);
		}
	}
	if (c->root && n == 0)
		cc_warn(c, "has no irqchip, so Linux gets no device interrupts: add the %s",
			c->arch->x86 ? "IOAPIC(s)" : "GIC distributor");
}

static int cc_pio_overlap(const struct jailhouse_pio *a,
			  const struct jailhouse_pio *b)
{
	struct cc_span sa, sb;

	return cc_span(a->base, a->length, &sa) &&
		cc_span(b->base, b->length, &sb) && cc_overlap(&sa, &sb);
}

static void cc_check_pio(struct cc_cell *c)
{
	const struct jailhouse_pio *p;
	__u32 n = c->desc->num_pio_regions, i, j;

	if (n && !c->arch->x86) {
		cc_err(c, "has %u PIO regions, but port I/O exists only on x86: remove them",
		       n);
		return;
	}
	for (i = 0; i < n; i++) {
		p = &c->pio[i];
		if (p->length == 0)
			cc_warn(c, "PIO region %u (port 0x%x) has length 0: remove it",
				i, p->base);
		else if ((__u64)p->base + p->length > CC_PORT_LIMIT)
			cc_err(c, "PIO region %u (ports 0x%x..0x%llx) goes beyond port 0xffff: shorten it",
			       i, p->base,
			       (unsigned long long)p->base + p->length - 1);
		for (j = 0; j < i; j++)
			if (cc_pio_overlap(&c->pio[j], p))
				cc_warn(c, "PIO regions %u and %u overlap (port 0x%x): merge them",
					j, i, p->base);
	}
}

static void cc_check_stream_ids(struct cc_cell *c)
{
	if (c->desc->num_stream_ids && c->arch->x86)
		cc_warn(c, "has %u stream IDs, which only ARM SMMUs use: they are ignored on x86",
			c->desc->num_stream_ids);
}

/* ------------------------------------------------------------------ */
/* PCI devices and ivshmem                                             */

static void cc_check_caps(struct cc_cell *c)
{
	const struct jailhouse_pci_capability *cap;
	__u32 k, limit, first;
	int ext;

	for (k = 0; k < c->desc->num_pci_caps; k++) {
		cap = &c->caps[k];
		ext = !!(cap->id & JAILHOUSE_PCI_EXT_CAP);
		limit = ext ? CC_PCI_EXT_CFG_SIZE : CC_PCI_CFG_SIZE;
		first = ext ? CC_PCI_CFG_SIZE : CC_PCI_CAPS_START;
		if (cap->start < first || (__u32)cap->start + cap->len > limit)
			cc_err(c, "PCI capability %u (id 0x%x, 0x%x..+0x%x) lies outside the %s capability space 0x%x..0x%x: fix .start/.len",
			       k, cap->id, cap->start, cap->len,
			       ext ? "extended" : "standard", first,
			       limit - 1);
		if (cap->len == 0)
			cc_warn(c, "PCI capability %u (id 0x%x) has length 0: the guest sees none of it",
				k, cap->id);
		if (cap->flags & ~JAILHOUSE_PCICAPS_WRITE)
			cc_warn(c, "PCI capability %u has unknown flag bits 0x%x, which are ignored",
				k, cap->flags & ~JAILHOUSE_PCICAPS_WRITE);
	}
}

static void cc_check_msi(struct cc_cell *c, __u32 i,
			 const struct jailhouse_pci_device *d)
{
	if (d->num_msi_vectors > CC_PCI_MAX_MSI)
		cc_err(c, "PCI device %u (%s) has %u MSI vectors, more than the %u MSI allows: fix .num_msi_vectors",
		       i, cc_bdf(d).text, d->num_msi_vectors, CC_PCI_MAX_MSI);
	else if (d->num_msi_vectors & (d->num_msi_vectors - 1))
		cc_warn(c, "PCI device %u (%s) has %u MSI vectors, not a power of two as MSI counts them",
			i, cc_bdf(d).text, d->num_msi_vectors);
	if (d->num_msix_vectors == 0)
		return;
	if (d->num_msix_vectors > CC_PCI_MAX_MSIX)
		cc_err(c, "PCI device %u (%s) has %u MSI-X vectors, more than the %u MSI-X allows: fix .num_msix_vectors",
		       i, cc_bdf(d).text, d->num_msix_vectors, CC_PCI_MAX_MSIX);
	else if ((__u32)d->msix_region_size <
		 (__u32)d->num_msix_vectors * CC_MSIX_ENTRY_SIZE)
		cc_err(c, "PCI device %u (%s) has an MSI-X region of 0x%x bytes, too small for %u vectors of %u bytes: fix .msix_region_size",
		       i, cc_bdf(d).text, d->msix_region_size,
		       d->num_msix_vectors, CC_MSIX_ENTRY_SIZE);
	if (d->msix_address == 0)
		cc_err(c, "PCI device %u (%s) has MSI-X vectors but msix_address 0: set it to the MSI-X table address",
		       i, cc_bdf(d).text);
}

static void cc_check_ivshmem_sections(struct cc_cell *c, __u32 i,
				      const struct jailhouse_pci_device *d)
{
	const struct jailhouse_memory *m = &c->mem[d->shmem_regions_start];
	__u32 start = d->shmem_regions_start, k;
	__u64 expect = m[0].virt_start;

	if (m[0].size < 4ULL * d->shmem_peers)
		cc_err(c, "ivshmem device %u (%s): state table (memory region %u) is 0x%llx bytes, less than 4 bytes per peer: make it one page",
		       i, cc_bdf(d).text, start, m[0].size);
	if (m[0].flags & JAILHOUSE_MEM_WRITE)
		cc_err(c, "ivshmem device %u (%s): state table (memory region %u) must be read-only: remove JAILHOUSE_MEM_WRITE",
		       i, cc_bdf(d).text, start);
	for (k = 0; k < 2u + d->shmem_peers; k++) {
		if (m[k].size == 0)
			continue;
		if (!(m[k].flags & JAILHOUSE_MEM_READ))
			cc_err(c, "ivshmem device %u (%s): memory region %u is not readable: add JAILHOUSE_MEM_READ",
			       i, cc_bdf(d).text, start + k);
		if (m[k].flags & (JAILHOUSE_MEM_IO |
				  JAILHOUSE_MEM_COMM_REGION))
			cc_err(c, "ivshmem device %u (%s): memory region %u must be plain shared RAM: remove JAILHOUSE_MEM_IO/COMM_REGION",
			       i, cc_bdf(d).text, start + k);
		if (m[k].virt_start != expect)
			cc_err(c, "ivshmem device %u (%s): memory region %u starts at guest 0x%llx, expected 0x%llx: the state table, R/W and output sections must follow each other without gaps",
			       i, cc_bdf(d).text, start + k, m[k].virt_start,
			       expect);
		expect = m[k].virt_start + m[k].size;
	}
	for (k = 0; k < d->shmem_peers; k++) {
		const struct jailhouse_memory *out = &m[2 + k];

		if (out->size != m[2].size)
			cc_err(c, "ivshmem device %u (%s): output section %u (memory region %u) is 0x%llx bytes, but section 0 is 0x%llx: all output sections must have the same size",
			       i, cc_bdf(d).text, k, start + 2 + k, out->size,
			       m[2].size);
		if (k != d->shmem_dev_id && out->flags & JAILHOUSE_MEM_WRITE)
			cc_err(c, "ivshmem device %u (%s): output section %u (memory region %u) belongs to peer %u but is writable for this peer (ID %u): remove JAILHOUSE_MEM_WRITE",
			       i, cc_bdf(d).text, k, start + 2 + k, k,
			       d->shmem_dev_id);
		if (k == d->shmem_dev_id && out->size &&
		    !(out->flags & JAILHOUSE_MEM_WRITE))
			cc_warn(c, "ivshmem device %u (%s): own output section (memory region %u) is read-only: add JAILHOUSE_MEM_WRITE",
				i, cc_bdf(d).text, start + 2 + k);
	}
}

/*
 * Can the device interrupt its cell? x86 has no INTx for virtual devices;
 * on ARM its INTx is GIC interrupt 32 + vpci_irq_base + pin - 1 (the pin
 * rotating with the slot), which the cell's irqchips must grant.
 */
static void cc_check_ivshmem_irq(struct cc_cell *c, __u32 i,
				 const struct jailhouse_pci_device *d)
{
	__u64 irq = 32 + (__u64)c->desc->vpci_irq_base + ((d->bdf >> 3) & 3);
	__u32 k;

	if (d->num_msix_vectors)
		return;
	if (c->arch->x86) {
		cc_warn(c, "ivshmem device %u (%s) has no MSI-X vectors, and x86 has no INTx for virtual devices: it cannot interrupt; set .num_msix_vectors = 16 and .bar_mask = JAILHOUSE_IVSHMEM_BAR_MASK_MSIX",
			i, cc_bdf(d).text);
		return;
	}
	for (k = 0; k < c->desc->num_irqchips; k++)
		if (cc_chip_has_pin(&c->chips[k], irq))
			return;
	cc_warn(c, "ivshmem device %u (%s) raises GIC interrupt %llu (32 + vpci_irq_base %u + pin %llu - 1), which no irqchip of the cell grants: add it to .pin_bitmap or the cell gets no doorbells",
		i, cc_bdf(d).text, (unsigned long long)irq,
		c->desc->vpci_irq_base, (unsigned long long)((d->bdf >> 3) & 3) + 1);
}

static void cc_check_ivshmem(struct cc_cell *c, __u32 i,
			     const struct jailhouse_pci_device *d)
{
	__u64 end = (__u64)d->shmem_regions_start + 2 + d->shmem_peers;
	__u16 proto = d->shmem_protocol;

	if (d->shmem_peers == 0 || d->shmem_peers > CC_IVSHMEM_MAX_PEERS) {
		cc_err(c, "ivshmem device %u (%s) has shmem_peers %u: allowed are 1..%u",
		       i, cc_bdf(d).text, d->shmem_peers, CC_IVSHMEM_MAX_PEERS);
		return;
	}
	if (d->shmem_dev_id >= d->shmem_peers)
		cc_err(c, "ivshmem device %u (%s) has shmem_dev_id %u, but peer IDs run 0..%u: fix .shmem_dev_id",
		       i, cc_bdf(d).text, d->shmem_dev_id, d->shmem_peers - 1);
	if (d->num_msix_vectors > CC_IVSHMEM_MAX_MSIX)
		cc_err(c, "ivshmem device %u (%s) has %u MSI-X vectors, at most %u are emulated: reduce .num_msix_vectors",
		       i, cc_bdf(d).text, d->num_msix_vectors,
		       CC_IVSHMEM_MAX_MSIX);
	if (proto > JAILHOUSE_SHMEM_PROTO_VETH &&
	    proto < JAILHOUSE_SHMEM_PROTO_CUSTOM)
		cc_warn(c, "ivshmem device %u (%s) uses reserved protocol 0x%x: use 0x4000..0x7fff for custom protocols",
			i, cc_bdf(d).text, proto);
	if (end > c->desc->num_memory_regions) {
		cc_err(c, "ivshmem device %u (%s) needs memory regions %u..%llu (state table, R/W, %u outputs), but the cell has %u: fix .shmem_regions_start or add the regions",
		       i, cc_bdf(d).text, d->shmem_regions_start,
		       (unsigned long long)end - 1, d->shmem_peers,
		       c->desc->num_memory_regions);
		return;
	}
	if (c->mem[d->shmem_regions_start].size == 0) {
		cc_err(c, "ivshmem device %u (%s): state table (memory region %u) has size 0: give it one page",
		       i, cc_bdf(d).text, d->shmem_regions_start);
		return;
	}
	cc_check_ivshmem_sections(c, i, d);
	cc_check_ivshmem_irq(c, i, d);
}

static void cc_check_pci_device(struct cc_cell *c, __u32 i)
{
	const struct jailhouse_pci_device *d = &c->pci[i];
	__u32 j;

	if (d->type < JAILHOUSE_PCI_TYPE_DEVICE ||
	    d->type > JAILHOUSE_PCI_TYPE_IVSHMEM) {
		cc_err(c, "PCI device %u (%s) has unknown type %u: use JAILHOUSE_PCI_TYPE_DEVICE, _BRIDGE or _IVSHMEM",
		       i, cc_bdf(d).text, d->type);
		return;
	}
	for (j = 0; j < i; j++)
		if (c->pci[j].domain == d->domain && c->pci[j].bdf == d->bdf)
			cc_err(c, "PCI devices %u and %u are both %s: list each device once",
			       j, i, cc_bdf(d).text);
	if (d->num_caps &&
	    (__u32)d->caps_start + d->num_caps > c->desc->num_pci_caps)
		cc_err(c, "PCI device %u (%s) uses capabilities %u..%u, but the cell has %u: fix .caps_start/.num_caps",
		       i, cc_bdf(d).text, d->caps_start,
		       (__u32)d->caps_start + d->num_caps - 1,
		       c->desc->num_pci_caps);
	if (d->type == JAILHOUSE_PCI_TYPE_IVSHMEM)
		cc_check_ivshmem(c, i, d);
	else
		cc_check_msi(c, i, d);
}

static void cc_check_pci(struct cc_cell *c)
{
	__u32 i;

	for (i = 0; i < c->desc->num_pci_devices; i++)
		cc_check_pci_device(c, i);
	cc_check_caps(c);
	if (!c->arch->x86 && c->sys && c->desc->num_pci_devices &&
	    !c->sys->platform_info.pci_mmconfig_base)
		cc_err(c, "has PCI devices, but the system has no (virtual) PCI host: set platform_info.pci_mmconfig_base");
	if (!c->arch->x86 && c->desc->num_pci_devices &&
	    (__u64)c->desc->vpci_irq_base + CC_GIC_FIRST_SPI + 3 >
	    CC_GIC_MAX_INTID)
		cc_err(c, "vpci_irq_base %u puts the virtual PCI interrupts beyond the last SPI: lower it",
		       c->desc->vpci_irq_base);
}

/* ------------------------------------------------------------------ */
/* Consoles                                                            */

static int cc_region_covers(const struct cc_cell *c, __u64 addr, __u64 size,
			    __u64 need_flags)
{
	struct cc_span want, have;
	__u32 i;

	if (!cc_span(addr, size, &want))
		return 0;
	for (i = 0; i < c->desc->num_memory_regions; i++)
		if ((c->mem[i].flags & need_flags) == need_flags &&
		    cc_guest_span(&c->mem[i], &have) &&
		    cc_inside(&want, &have))
			return 1;
	return 0;
}

static int cc_pio_covers(const struct cc_cell *c, __u64 port, __u64 len)
{
	struct cc_span want, have;
	__u32 i;

	if (!cc_span(port, len, &want))
		return 0;
	for (i = 0; i < c->desc->num_pio_regions; i++)
		if (cc_span(c->pio[i].base, c->pio[i].length, &have) &&
		    cc_inside(&want, &have))
			return 1;
	return 0;
}

/*
 * Fields of a console; returns 1 if it is usable and worth looking at.
 * The hypervisor maps its debug console (@mapped), so that one needs a
 * size; a cell's console is only a hint to the inmate, which needs none.
 */
static int cc_check_console_fields(struct cc_cell *c, const char *what,
				   const struct jailhouse_console *con,
				   int mapped)
{
	struct cc_span s;

	if (con->type == JAILHOUSE_CON_TYPE_NONE)
		return 0;
	if (con->type > JAILHOUSE_CON_TYPE_SCIF) {
		cc_err(c, "%s has unknown type %u: use a JAILHOUSE_CON_TYPE_* value",
		       what, con->type);
		return 0;
	}
	if (c->arch->x86 && con->type != JAILHOUSE_CON_TYPE_8250 &&
	    con->type != JAILHOUSE_CON_TYPE_EFIFB)
		cc_warn(c, "%s type %u is an ARM UART: x86 has only 8250 and EFI framebuffer consoles",
			what, con->type);
	if (!c->arch->x86 && con->type == JAILHOUSE_CON_TYPE_EFIFB)
		cc_warn(c, "%s is an EFI framebuffer, which this hypervisor drives only on x86",
			what);
	if (!CON_IS_MMIO(con->flags)) {
		if (!c->arch->x86 || con->type == JAILHOUSE_CON_TYPE_EFIFB) {
			cc_err(c, "%s uses port I/O, which %s does not have: add JAILHOUSE_CON_ACCESS_MMIO",
			       what, c->arch->x86 ? "a framebuffer" :
			       c->arch->name);
			return 0;
		}
		if (con->address > CC_PORT_LIMIT - 8) {
			cc_err(c, "%s port 0x%llx is outside 0..0xffff: fix .address",
			       what, con->address);
			return 0;
		}
		return 1;
	}
	if (con->address == 0 || (con->size == 0 && mapped)) {
		cc_err(c, "%s is MMIO but has address 0x%llx and size 0x%x: set both (e.g. .size = 0x1000)",
		       what, con->address, con->size);
		return 0;
	}
	if (!cc_span(con->address, con->size ? con->size : 1, &s) ||
	    s.last >> c->arch->phys_bits) {
		cc_err(c, "%s at 0x%llx (size 0x%x) lies beyond the physical address space: fix .address",
		       what, con->address, con->size);
		return 0;
	}
	return 1;
}

static void cc_check_cell_console(struct cc_cell *c)
{
	const struct jailhouse_console *con = &c->desc->console;

	if (!cc_check_console_fields(c, "console", con, 0) ||
	    c->desc->flags & JAILHOUSE_CELL_VIRTUAL_CONSOLE_ACTIVE)
		return;
	if (CON_IS_MMIO(con->flags)) {
		if (!cc_region_covers(c, con->address,
				      con->size ? con->size : 1,
				      JAILHOUSE_MEM_IO))
			cc_warn(c, "console at 0x%llx is not inside an IO memory region of the cell, so the inmate cannot reach it: add a region for it",
				con->address);
	} else if (!c->root && !cc_pio_covers(c, con->address, 8)) {
		cc_warn(c, "console port 0x%llx is not in the cell's PIO regions, so the inmate cannot reach it: add PIO_RANGE(0x%llx, 8)",
			con->address, con->address);
	}
}

static void cc_check_debug_console(struct cc_cell *sysc,
				   const struct cc_cell *root)
{
	const struct jailhouse_console *con = &sysc->sys->debug_console;
	const struct jailhouse_memory *m;
	struct cc_span s, r;
	__u32 i;

	if (!cc_check_console_fields(sysc, "debug_console", con, 1) ||
	    !CON_IS_MMIO(con->flags) || !cc_span(con->address, con->size, &s))
		return;
	if (cc_span(sysc->sys->hypervisor_memory.phys_start,
		    sysc->sys->hypervisor_memory.size, &r) &&
	    cc_overlap(&s, &r))
		cc_err(sysc, "debug_console at 0x%llx lies in hypervisor memory: set .address to the UART",
		       con->address);
	for (i = 0; i < root->desc->num_memory_regions; i++) {
		m = &root->mem[i];
		if (!(m->flags & JAILHOUSE_MEM_IO) && cc_phys_span(m, &r) &&
		    cc_overlap(&s, &r))
			cc_err(sysc, "debug_console at 0x%llx lies in RAM (root cell memory region %u): set .address to the UART",
			       con->address, i);
	}
}

/* ------------------------------------------------------------------ */
/* System-wide fields                                                  */

static void cc_check_hv_memory(struct cc_cell *sysc)
{
	const struct jailhouse_memory *hv = &sysc->sys->hypervisor_memory;
	struct cc_span s;

	if (hv->size == 0) {
		cc_err(sysc, "hypervisor_memory has size 0: set it to the memory reserved with memmap=/mem=");
		return;
	}
	if (!cc_span(hv->phys_start, hv->size, &s) ||
	    s.last >> sysc->arch->phys_bits) {
		cc_err(sysc, "hypervisor_memory (0x%llx, size 0x%llx) lies beyond the physical address space: fix it",
		       hv->phys_start, hv->size);
		return;
	}
	if ((hv->phys_start | hv->size) & CC_PAGE_MASK)
		cc_err(sysc, "hypervisor_memory (0x%llx..0x%llx) is not page aligned: align start and size to 4 KiB",
		       s.first, s.last);
	if (hv->size < CC_HV_MEM_MIN)
		cc_warn(sysc, "hypervisor_memory is only 0x%llx bytes, likely too small for the hypervisor and its page pool",
			hv->size);
}

static void cc_check_iommus(struct cc_cell *sysc)
{
	const struct jailhouse_iommu *u;
	unsigned int i;
	int x86_type;

	for (i = 0; i < JAILHOUSE_MAX_IOMMU_UNITS; i++) {
		u = &sysc->sys->platform_info.iommu_units[i];
		if (u->type == 0)
			continue;
		if (u->type > JAILHOUSE_IOMMU_ARM_MMU500) {
			cc_err(sysc, "IOMMU unit %u has unknown type %u: use a JAILHOUSE_IOMMU_* value",
			       i, u->type);
			continue;
		}
		x86_type = u->type == JAILHOUSE_IOMMU_AMD ||
			u->type == JAILHOUSE_IOMMU_INTEL;
		if (x86_type != sysc->arch->x86)
			cc_err(sysc, "IOMMU unit %u has type %u, which does not exist on %s: fix .type",
			       i, u->type, sysc->arch->name);
		if (u->base == 0 || u->size == 0)
			cc_err(sysc, "IOMMU unit %u has base 0x%llx, size 0x%x: set both",
			       i, u->base, u->size);
	}
}

static void cc_check_pci_host(struct cc_cell *sysc)
{
	__u64 base = sysc->sys->platform_info.pci_mmconfig_base;

	if (base & ((1ULL << CC_ECAM_BUS_SHIFT) - 1))
		cc_err(sysc, "pci_mmconfig_base 0x%llx is not 1 MiB aligned: fix it",
		       base);
	if (!base && sysc->sys->platform_info.pci_is_virtual)
		cc_err(sysc, "pci_is_virtual is set but pci_mmconfig_base is 0: give the virtual PCI host a config window");
}

static void cc_check_platform_x86(struct cc_cell *sysc)
{
	__u8 mode = sysc->sys->platform_info.x86.apic_mode;

	if (mode > JAILHOUSE_APIC_MODE_X2APIC)
		cc_err(sysc, "apic_mode %u is unknown: use JAILHOUSE_APIC_MODE_AUTO, _XAPIC or _X2APIC",
		       mode);
	if (sysc->sys->platform_info.x86.pm_timer_address == 0)
		cc_warn(sysc, "pm_timer_address is 0: the hypervisor needs the ACPI PM timer port to calibrate its timers");
}

static void cc_check_platform_arm(struct cc_cell *sysc)
{
	const struct jailhouse_system *sys = sysc->sys;
	__u8 irq = sys->platform_info.arm.maintenance_irq;

	if (sys->platform_info.arm.gic_version != 2) {
		cc_err(sysc, "gic_version %u is not supported: this hypervisor drives a GICv2 (set .gic_version = 2)",
		       sys->platform_info.arm.gic_version);
		return;
	}
	if (!sys->platform_info.arm.gicd_base ||
	    !sys->platform_info.arm.gicc_base ||
	    !sys->platform_info.arm.gich_base ||
	    !sys->platform_info.arm.gicv_base)
		cc_err(sysc, "gicd_base, gicc_base, gich_base and gicv_base must all be set for a GICv2");
	if ((sys->platform_info.arm.gicd_base |
	     sys->platform_info.arm.gicc_base |
	     sys->platform_info.arm.gich_base |
	     sys->platform_info.arm.gicv_base) & CC_PAGE_MASK)
		cc_err(sysc, "GIC base addresses must be page aligned: fix gicd/gicc/gich/gicv_base");
	if (irq < 16 || irq > 31)
		cc_err(sysc, "maintenance_irq %u is not a PPI (16..31): usually it is 25",
		       irq);
}

static void cc_check_system_fields(struct cc_cell *sysc)
{
	__u32 flags = sysc->sys->flags;

	if (flags & ~JAILHOUSE_SYS_VIRTUAL_DEBUG_CONSOLE)
		cc_warn(sysc, "unknown system flag bits 0x%x are ignored: remove them",
			flags & ~JAILHOUSE_SYS_VIRTUAL_DEBUG_CONSOLE);
	cc_check_hv_memory(sysc);
	cc_check_iommus(sysc);
	cc_check_pci_host(sysc);
	if (sysc->arch->x86)
		cc_check_platform_x86(sysc);
	else
		cc_check_platform_arm(sysc);
}

/* ------------------------------------------------------------------ */
/* One cell on its own                                                 */

static void cc_check_reset_address(struct cc_cell *c)
{
	__u64 addr = c->desc->cpu_reset_address;

	if (!c->root &&
	    !cc_region_covers(c, addr, 1, JAILHOUSE_MEM_EXECUTE))
		cc_warn(c, "cpu_reset_address 0x%llx is not inside an executable memory region: the CPUs would start in nothing",
			addr);
}

static void cc_check_cell(struct cc_cell *c)
{
	cc_check_name(c);
	cc_check_flags(c);
	cc_check_cpus(c);
	cc_check_memory(c);
	cc_check_cache(c);
	cc_check_irqchips(c);
	cc_check_pio(c);
	cc_check_pci(c);
	cc_check_stream_ids(c);
	cc_check_cell_console(c);
	cc_check_reset_address(c);
}

unsigned int jh_check_system_image(struct jh_check *chk, const void *image,
				   __u64 size)
{
	const struct jailhouse_system *sys = image;
	unsigned int before = chk->errors;
	const struct cc_arch *arch;
	struct cc_cell sysc, root;

	arch = cc_check_header(chk, image, size, 1);
	if (!arch ||
	    !cc_check_size(chk, "system config", size,
			   sizeof(*sys) - sizeof(sys->root_cell),
			   &sys->root_cell))
		return chk->errors - before;

	cc_system_init(&sysc, chk, arch, sys);
	cc_cell_init(&root, chk, arch, sys, &sys->root_cell, 1);
	cc_check_system_fields(&sysc);
	cc_check_cell(&root);
	cc_check_protected(&root);
	cc_check_debug_console(&sysc, &root);
	return chk->errors - before;
}

unsigned int jh_check_cell_image(struct jh_check *chk, const void *image,
				 __u64 size)
{
	const struct jailhouse_cell_desc *desc = image;
	unsigned int before = chk->errors;
	const struct cc_arch *arch;
	struct cc_cell c;

	arch = cc_check_header(chk, image, size, 0);
	if (!arch || !cc_check_size(chk, "cell config", size, 0, desc))
		return chk->errors - before;

	cc_cell_init(&c, chk, arch, CC_NULL, desc, 0);
	cc_check_cell(&c);
	return chk->errors - before;
}

/* ------------------------------------------------------------------ */
/* A cell against its system                                           */

static void cc_check_cpus_from_root(struct cc_cell *c,
				    const struct cc_cell *root)
{
	unsigned int cpu, bits = cc_cpu_bits(c), root_bits = cc_cpu_bits(root);
	unsigned int kept = 0;

	for (cpu = 0; cpu < bits; cpu++) {
		if (!cc_cpu_in(c, cpu))
			continue;
		if (!cc_cpu_in(root, cpu))
			cc_err(c, "CPU %u is not a CPU of the root cell: assign only CPUs the root cell owns",
			       cpu);
		else if (cpu == 0 && c->arch->x86)
			cc_err(c, "CPU 0 cannot be assigned to other cells on x86: it stays with Linux; pick another CPU");
	}
	for (cpu = 0; cpu < root_bits; cpu++)
		if (cc_cpu_in(root, cpu) && !cc_cpu_in(c, cpu))
			kept++;
	if (root_bits && kept == 0)
		cc_err(c, "takes every CPU of the root cell: leave at least one CPU to Linux");
}

/*
 * Is [first, last] covered by regions of @root with the IO-ness given by
 * @io? Adjacent root regions may together cover it. Returns the first
 * address not covered, or 0 with *covered set.
 */
static __u64 cc_root_coverage(const struct cc_cell *root,
			      const struct cc_span *want, int io,
			      int *covered)
{
	const struct jailhouse_memory *m;
	__u64 cursor = want->first;
	struct cc_span s;
	__u32 i;
	int progress;

	*covered = 0;
	do {
		progress = 0;
		for (i = 0; i < root->desc->num_memory_regions; i++) {
			m = &root->mem[i];
			if (!!(m->flags & JAILHOUSE_MEM_IO) != io ||
			    !cc_phys_span(m, &s) || cursor < s.first ||
			    cursor > s.last)
				continue;
			if (s.last >= want->last) {
				*covered = 1;
				return 0;
			}
			cursor = s.last + 1;
			progress = 1;
		}
	} while (progress);
	return cursor;
}

static int cc_overlaps_root(const struct cc_cell *root,
			    const struct cc_span *want)
{
	struct cc_span s;
	__u32 i;

	for (i = 0; i < root->desc->num_memory_regions; i++)
		if (cc_phys_span(&root->mem[i], &s) && cc_overlap(want, &s))
			return 1;
	return 0;
}

static void cc_check_memory_from_root(struct cc_cell *c,
				      const struct cc_cell *root)
{
	const struct jailhouse_memory *m;
	struct cc_span s;
	__u64 gap;
	__u32 i;
	int io, covered;

	for (i = 0; i < c->desc->num_memory_regions; i++) {
		m = &c->mem[i];
		if (!cc_phys_span(m, &s))
			continue;
		io = !!(m->flags & JAILHOUSE_MEM_IO);
		gap = cc_root_coverage(root, &s, io, &covered);
		if (covered)
			continue;
		/* shared memory between non-root cells need not be root's */
		if (m->flags & JAILHOUSE_MEM_ROOTSHARED &&
		    !cc_overlaps_root(root, &s))
			continue;
		if (io)
			cc_warn(c, "memory region %u (phys 0x%llx..0x%llx) is not an IO region of the root cell (0x%llx is not covered): check the address",
				i, s.first, s.last, gap);
		else
			cc_err(c, "memory region %u (phys 0x%llx..0x%llx) is not RAM of the root cell (0x%llx is not covered): add it to the root cell's memory regions or move the cell's RAM there",
			       i, s.first, s.last, gap);
	}
}

static void cc_check_irqs_from_root(struct cc_cell *c,
				    const struct cc_cell *root)
{
	const struct jailhouse_irqchip *chip, *rchip;
	unsigned int rel;
	int known, owned;
	__u32 i, j;
	__u64 pin;

	for (i = 0; i < c->desc->num_irqchips; i++) {
		chip = &c->chips[i];
		known = 0;
		for (j = 0; j < root->desc->num_irqchips; j++)
			known |= root->chips[j].address == chip->address;
		if (!known) {
			cc_err(c, "irqchip %u (address 0x%llx) matches no irqchip of the root cell: use the root cell's irqchip address",
			       i, chip->address);
			continue;
		}
		for (rel = 0; rel < 128; rel++) {
			pin = (__u64)chip->pin_base + rel;
			if (!cc_chip_has_pin(chip, pin))
				continue;
			owned = 0;
			for (j = 0; j < root->desc->num_irqchips; j++) {
				rchip = &root->chips[j];
				owned |= rchip->address == chip->address &&
					cc_chip_has_pin(rchip, pin);
			}
			if (!owned)
				cc_warn(c, "irqchip %u assigns interrupt %llu, which the root cell does not own: check the pin",
					i, (unsigned long long)pin);
		}
	}
}

static const struct jailhouse_pci_device *
cc_find_pci(const struct cc_cell *c, const struct jailhouse_pci_device *d)
{
	__u32 i;

	for (i = 0; i < c->desc->num_pci_devices; i++)
		if (c->pci[i].domain == d->domain && c->pci[i].bdf == d->bdf)
			return &c->pci[i];
	return CC_NULL;
}

static int cc_ivshmem_valid(const struct cc_cell *c,
			    const struct jailhouse_pci_device *d)
{
	return d->type == JAILHOUSE_PCI_TYPE_IVSHMEM && d->shmem_peers &&
		d->shmem_peers <= CC_IVSHMEM_MAX_PEERS &&
		(__u64)d->shmem_regions_start + 2 + d->shmem_peers <=
		c->desc->num_memory_regions;
}

/* Two ends of one ivshmem link must describe the same link. */
static void cc_check_ivshmem_peers(struct cc_cell *a,
				   const struct jailhouse_pci_device *da,
				   const struct cc_cell *b,
				   const struct jailhouse_pci_device *db)
{
	const struct jailhouse_memory *ma, *mb;
	__u32 k;

	if (!cc_ivshmem_valid(a, da) || !cc_ivshmem_valid(b, db))
		return;
	if (da->shmem_peers != db->shmem_peers) {
		cc_err(a, "ivshmem %s: %u peers here, %u in %s\"%s\": use the same shmem_peers on both ends",
		       cc_bdf(da).text, da->shmem_peers, db->shmem_peers, b->kind,
		       b->name);
		return;
	}
	if (da->shmem_dev_id == db->shmem_dev_id)
		cc_err(a, "ivshmem %s: peer ID %u is also used by %s\"%s\": give each peer its own shmem_dev_id",
		       cc_bdf(da).text, da->shmem_dev_id, b->kind, b->name);
	if (da->shmem_protocol != db->shmem_protocol)
		cc_err(a, "ivshmem %s: protocol 0x%x here, 0x%x in %s\"%s\": use the same shmem_protocol",
		       cc_bdf(da).text, da->shmem_protocol, db->shmem_protocol,
		       b->kind, b->name);
	for (k = 0; k < 2u + da->shmem_peers; k++) {
		ma = &a->mem[da->shmem_regions_start + k];
		mb = &b->mem[db->shmem_regions_start + k];
		if (ma->size != mb->size ||
		    (ma->size && ma->phys_start != mb->phys_start))
			cc_err(a, "ivshmem %s: memory region %u (phys 0x%llx, size 0x%llx) differs from region %u of %s\"%s\" (phys 0x%llx, size 0x%llx): both ends must use the same shared memory layout",
			       cc_bdf(da).text, da->shmem_regions_start + k,
			       ma->phys_start, ma->size,
			       db->shmem_regions_start + k, b->kind, b->name,
			       mb->phys_start, mb->size);
	}
}

static void cc_check_pci_from_root(struct cc_cell *c,
				   const struct cc_cell *root)
{
	const struct jailhouse_pci_device *d, *rd;
	__u32 i;

	for (i = 0; i < c->desc->num_pci_devices; i++) {
		d = &c->pci[i];
		rd = cc_find_pci(root, d);
		if (d->type == JAILHOUSE_PCI_TYPE_IVSHMEM) {
			if (rd && rd->type == JAILHOUSE_PCI_TYPE_IVSHMEM)
				cc_check_ivshmem_peers(c, d, root, rd);
			else if (rd)
				cc_err(c, "ivshmem device %u (%s) has the address of a physical device of the root cell: pick a free bdf",
				       i, cc_bdf(d).text);
		} else if (!rd) {
			cc_warn(c, "PCI device %u (%s) is not listed in the root cell: check the address",
				i, cc_bdf(d).text);
		}
	}
}

unsigned int jh_check_cell_in_system(struct jh_check *chk,
				     const struct jailhouse_system *system,
				     const struct jailhouse_cell_desc *cell)
{
	const struct cc_arch *arch = cc_arch_of(system->architecture);
	unsigned int before = chk->errors;
	struct cc_cell c, root;

	if (!arch) {
		cc_report(chk, JH_CHECK_ERROR,
			  "system config has unknown architecture %u: check the system config first",
			  system->architecture);
		return chk->errors - before;
	}
	cc_cell_init(&root, chk, arch, system, &system->root_cell, 1);
	cc_cell_init(&c, chk, arch, system, cell, 0);
	if (cell->architecture != system->architecture) {
		cc_err(&c, "is built for architecture %u, the system for %u (%s): rebuild it for %s",
		       cell->architecture, system->architecture, arch->name,
		       arch->name);
		return chk->errors - before;
	}
	if (cc_names_equal(cell, &system->root_cell))
		cc_err(&c, "has the name of the root cell: rename it");
	cc_check_cpus_from_root(&c, &root);
	cc_check_memory_from_root(&c, &root);
	cc_check_protected(&c);
	cc_check_irqs_from_root(&c, &root);
	cc_check_pci_from_root(&c, &root);
	return chk->errors - before;
}

/* ------------------------------------------------------------------ */
/* Cells running side by side                                          */

static int cc_shared_region(const struct cc_cell *c, __u32 i)
{
	return c->mem[i].flags & JAILHOUSE_MEM_ROOTSHARED ||
		cc_ivshmem_region(c, i, 0);
}

/*
 * RAM must not be shared unless both sides declare it (ROOTSHARED or an
 * ivshmem layout). Device ranges may be shared on purpose (a UART for
 * debug output), so that is only a warning.
 */
static void cc_check_pair_memory(struct cc_cell *a, const struct cc_cell *b)
{
	const struct jailhouse_memory *ma, *mb;
	struct cc_span sa, sb;
	__u32 i, j;

	for (i = 0; i < a->desc->num_memory_regions; i++) {
		ma = &a->mem[i];
		if (!cc_phys_span(ma, &sa))
			continue;
		for (j = 0; j < b->desc->num_memory_regions; j++) {
			mb = &b->mem[j];
			if (!cc_phys_span(mb, &sb) ||
			    !cc_overlap(&sa, &sb) ||
			    (cc_shared_region(a, i) &&
			     cc_shared_region(b, j)))
				continue;
			if (ma->flags & mb->flags & JAILHOUSE_MEM_IO)
				cc_warn(a, "IO memory region %u (phys 0x%llx..0x%llx) is also mapped by %s\"%s\" (region %u): both cells can drive that device; make sure this is intended",
					i, sa.first, sa.last, b->kind, b->name,
					j);
			else
				cc_err(a, "memory region %u (phys 0x%llx..0x%llx) overlaps memory region %u (phys 0x%llx..0x%llx) of %s\"%s\": give each cell its own memory, or declare the shared part ROOTSHARED in both",
				       i, sa.first, sa.last, j, sb.first,
				       sb.last, b->kind, b->name);
		}
	}
}

static void cc_check_pair_devices(struct cc_cell *a, const struct cc_cell *b)
{
	const struct jailhouse_pci_device *da, *db;
	long long pin;
	__u32 i, j;

	for (i = 0; i < a->desc->num_irqchips; i++)
		for (j = 0; j < b->desc->num_irqchips; j++) {
			pin = cc_chips_shared_pin(&a->chips[i], &b->chips[j]);
			if (pin >= 0)
				cc_err(a, "interrupt %lld (irqchip %u) is also assigned to %s\"%s\": an interrupt can go to one cell only",
				       pin, i, b->kind, b->name);
		}
	for (i = 0; i < a->desc->num_pci_devices; i++) {
		da = &a->pci[i];
		db = cc_find_pci(b, da);
		if (!db)
			continue;
		if (da->type == JAILHOUSE_PCI_TYPE_IVSHMEM &&
		    db->type == JAILHOUSE_PCI_TYPE_IVSHMEM)
			cc_check_ivshmem_peers(a, da, b, db);
		else
			cc_err(a, "PCI device %u (%s) is also assigned to %s\"%s\": a device can belong to one cell only",
			       i, cc_bdf(da).text, b->kind, b->name);
	}
	for (i = 0; i < a->desc->num_pio_regions; i++)
		for (j = 0; j < b->desc->num_pio_regions; j++)
			if (cc_pio_overlap(&a->pio[i], &b->pio[j]))
				cc_warn(a, "PIO region %u (port 0x%x) overlaps PIO region %u of %s\"%s\": both cells can access these ports; make sure this is intended (e.g. a read-only timer)",
					i, a->pio[i].base, j, b->kind, b->name);
}

static void cc_check_pair(struct cc_cell *a, const struct cc_cell *b)
{
	unsigned int cpu, bits = cc_cpu_bits(a);

	if (a->arch != b->arch) {
		cc_err(a, "is built for %s, %s\"%s\" for %s: cells of one system share its architecture",
		       a->arch->name, b->kind, b->name, b->arch->name);
		return;
	}
	if (cc_names_equal(a->desc, b->desc))
		cc_err(a, "has the same name as another cell: names must be unique");
	for (cpu = 0; cpu < bits; cpu++)
		if (cc_cpu_in(a, cpu) && cc_cpu_in(b, cpu))
			cc_err(a, "CPU %u is also assigned to %s\"%s\": a CPU can belong to one cell only",
			       cpu, b->kind, b->name);
	cc_check_pair_memory(a, b);
	cc_check_pair_devices(a, b);
}

unsigned int jh_check_cells_disjoint(struct jh_check *chk,
				     const struct jailhouse_cell_desc
					*const cells[],
				     unsigned int num_cells)
{
	const struct cc_arch *arch_a, *arch_b;
	unsigned int before = chk->errors, i, j;
	struct cc_cell a, b;

	for (i = 0; i < num_cells; i++) {
		arch_a = cc_arch_of(cells[i]->architecture);
		if (!arch_a)
			continue;
		cc_cell_init(&a, chk, arch_a, CC_NULL, cells[i], 0);
		for (j = i + 1; j < num_cells; j++) {
			arch_b = cc_arch_of(cells[j]->architecture);
			if (!arch_b)
				continue;
			cc_cell_init(&b, chk, arch_b, CC_NULL, cells[j], 0);
			cc_check_pair(&a, &b);
		}
	}
	return chk->errors - before;
}
