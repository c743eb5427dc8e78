// SPDX-License-Identifier: GPL-2.0
/*
 * "jailhouse config create": writes a root-cell config (C source) for the
 * running x86 machine, from /proc/iomem, /proc/ioports, /proc/cmdline
 * (memmap=), the CPU list, the PCI devices in sysfs, the ACPI tables
 * (MADT for IOAPICs, MCFG for MMCONFIG, FADT for the PM timer) and the
 * serial ports in /sys/class/tty. The result compiles like the configs
 * in configs/x86 and passes "jailhouse config check".
 *
 * -r ROOT reads all inputs below ROOT instead of / (e.g. a tree unpacked
 * from "jailhouse config collect").
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "jailhouse-common.h"

#define MAX_ENTRIES	1024
#define MAX_REGIONS	512
#define MAX_PIO		256
#define MAX_PCI		256
#define MAX_CAPS	1024
#define MAX_IOAPICS	8
#define PAGE		0x1000ULL
#define WHITESPACE	" \t\n"

#define RAM_FLAGS	"JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |\n\t\t\t\tJAILHOUSE_MEM_EXECUTE | JAILHOUSE_MEM_DMA"
#define ROM_FLAGS	"JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE"
#define IO_FLAGS	"JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE |\n\t\t\t\tJAILHOUSE_MEM_IO"

struct res_entry {		/* a line of /proc/iomem or /proc/ioports */
	unsigned long long start, end;
	int level;
	char name[80];
};

struct region {
	unsigned long long start, size;
	const char *flags;
	char name[80];
};

struct pci_dev {
	unsigned int domain, bdf, type, caps_start, num_caps;
	unsigned int msi_vectors, msi_64, msi_mask, msix_vectors;
	unsigned long long msix_address, msix_size;
	unsigned int bar_mask[6];
};

struct pci_cap {
	unsigned int id, start, len, writable;
};

struct gen {
	const char *root;
	unsigned long long hv_size, inmates_size;
	unsigned long long resv_start, resv_size;	/* memmap= */
	int resv_found;
	unsigned int num_cpus;
	struct region mem[MAX_REGIONS];
	unsigned int num_mem;
	unsigned int pio_base[MAX_PIO], pio_len[MAX_PIO], num_pio;
	unsigned long long ioapic[MAX_IOAPICS];
	unsigned int ioapic_id[MAX_IOAPICS], num_ioapics;
	unsigned long long mmcfg_base;
	unsigned int mmcfg_end_bus;
	unsigned int pm_timer;
	unsigned long long con_addr;
	int con_mmio, con_regdist4;
	struct pci_dev pci[MAX_PCI];
	unsigned int num_pci;
	struct pci_cap caps[MAX_CAPS];
	unsigned int num_caps;
};

static void path_in_root(const struct gen *g, char *buf, size_t size,
			 const char *path)
{
	snprintf(buf, size, "%s%s", g->root, path);
}

/* Reads a file below the root; returns bytes read or -1. */
static ssize_t read_input(const struct gen *g, const char *path, void *buf,
			  size_t size)
{
	char full[PATH_MAX];
	size_t done = 0;
	ssize_t got;
	int fd;

	path_in_root(g, full, sizeof(full), path);
	fd = open(full, O_RDONLY);
	if (fd < 0)
		return -1;
	while (done < size) {
		got = read(fd, (char *)buf + done, size - done);
		if (got <= 0)
			break;
		done += got;
	}
	close(fd);
	return done;
}

static int read_input_text(const struct gen *g, const char *path, char *buf,
			   size_t size)
{
	ssize_t got = read_input(g, path, buf, size - 1);

	if (got < 0)
		return -1;
	buf[got] = '\0';
	return 0;
}

/* "64M", "0x4000000", "6m" ... */
static int parse_size(const char *text, unsigned long long *size)
{
	char *end;

	errno = 0;
	*size = strtoull(text, &end, 0);
	if (errno || end == text)
		return -1;
	switch (*end) {
	case 'G':
	case 'g':
		*size <<= 30;
		end++;
		break;
	case 'M':
	case 'm':
		*size <<= 20;
		end++;
		break;
	case 'K':
	case 'k':
		*size <<= 10;
		end++;
		break;
	}
	return *end && *end != '$' && *end != '\\' && *end != ' ' ? -1 : 0;
}

/* ------------------------------------------------------------ inputs */

static int read_resources(const struct gen *g, const char *path,
			  struct res_entry *e, unsigned int max)
{
	char full[PATH_MAX], line[256];
	unsigned int n = 0, nonzero = 0;
	FILE *f;
	int indent;

	path_in_root(g, full, sizeof(full), path);
	f = fopen(full, "r");
	if (!f) {
		jh_err("config create: cannot read %s: %s", full,
		       strerror(errno));
		return -1;
	}
	while (n < max && fgets(line, sizeof(line), f)) {
		indent = strspn(line, " ");
		if (sscanf(line + indent, "%llx-%llx : %79[^\n]", &e[n].start,
			   &e[n].end, e[n].name) != 3)
			continue;
		e[n].level = indent / 2;
		nonzero += e[n].end != 0;
		n++;
	}
	fclose(f);
	if (n && !nonzero) {
		jh_err("config create: %s shows no addresses: run as root",
		       full);
		return -1;
	}
	return n;
}

static void parse_memmap(struct gen *g)
{
	char cmdline[4096], *tok, *dollar;
	unsigned long long size, addr;

	if (read_input_text(g, "/proc/cmdline", cmdline, sizeof(cmdline)) < 0)
		return;
	for (tok = strtok(cmdline, WHITESPACE); tok;
	     tok = strtok(NULL, WHITESPACE)) {
		if (strncmp(tok, "memmap=", 7))
			continue;
		dollar = strchr(tok, '$');
		if (!dollar || parse_size(tok + 7, &size) < 0)
			continue;
		errno = 0;
		addr = strtoull(dollar + 1, NULL, 0);
		if (errno || !size)
			continue;
		g->resv_start = addr;
		g->resv_size = size;
		g->resv_found = 1;
	}
}

static void count_cpus(struct gen *g)
{
	char text[65536], *line;

	g->num_cpus = 0;
	if (read_input_text(g, "/proc/cpuinfo", text, sizeof(text)) < 0)
		return;
	for (line = strtok(text, "\n"); line; line = strtok(NULL, "\n"))
		if (!strncmp(line, "processor", 9))
			g->num_cpus++;
}

static unsigned int le32(const unsigned char *p)
{
	return p[0] | p[1] << 8 | p[2] << 16 | (unsigned int)p[3] << 24;
}

static unsigned long long le64(const unsigned char *p)
{
	return le32(p) | (unsigned long long)le32(p + 4) << 32;
}

/* MADT: IOAPIC entries (type 1) */
static void parse_madt(struct gen *g)
{
	unsigned char t[8192];
	ssize_t len = read_input(g, "/sys/firmware/acpi/tables/APIC", t,
				 sizeof(t));
	ssize_t off;

	for (off = 44; off + 2 <= len && t[off + 1] >= 2;
	     off += t[off + 1]) {
		if (t[off] != 1 || off + 12 > len ||
		    g->num_ioapics >= MAX_IOAPICS)
			continue;
		g->ioapic_id[g->num_ioapics] = t[off + 2];
		g->ioapic[g->num_ioapics++] = le32(t + off + 4);
	}
}

/* MCFG: the ECAM window of segment 0 */
static void parse_mcfg(struct gen *g)
{
	unsigned char t[256];
	ssize_t len = read_input(g, "/sys/firmware/acpi/tables/MCFG", t,
				 sizeof(t));

	if (len < 44 + 16)
		return;
	g->mmcfg_base = le64(t + 44);
	g->mmcfg_end_bus = t[44 + 11];
}

/* FADT: PM timer port (X_PM_TMR_BLK if present, else PM_TMR_BLK) */
static void parse_fadt(struct gen *g)
{
	unsigned char t[512];
	ssize_t len = read_input(g, "/sys/firmware/acpi/tables/FACP", t,
				 sizeof(t));

	if (len >= 220 && t[208] == 1 && le64(t + 212))
		g->pm_timer = le64(t + 212);
	else if (len >= 80)
		g->pm_timer = le32(t + 76);
}

static void find_console(struct gen *g, const char *name)
{
	char path[PATH_MAX], text[64];
	unsigned long long value;
	int io_type = 0;

	if (!name)
		name = "ttyS0";
	snprintf(path, sizeof(path), "/sys/class/tty/%s/io_type", name);
	if (read_input_text(g, path, text, sizeof(text)) == 0)
		io_type = atoi(text);
	g->con_mmio = io_type >= 2;
	snprintf(path, sizeof(path), "/sys/class/tty/%s/%s", name,
		 g->con_mmio ? "iomem_base" : "port");
	if (read_input_text(g, path, text, sizeof(text)) == 0 &&
	    jh_parse_u64(strtok(text, "\n"), &value) == 0)
		g->con_addr = value;
	snprintf(path, sizeof(path), "/sys/class/tty/%s/iomem_reg_shift",
		 name);
	if (read_input_text(g, path, text, sizeof(text)) == 0)
		g->con_regdist4 = atoi(text) == 2;
	if (!g->con_addr)
		g->con_addr = 0x3f8;
}

/* ------------------------------------------------------- memory map */

static int is_excluded(const char *name)
{
	static const char *const skip[] = {
		"Local APIC", "IOAPIC", "PCI MMCONFIG", "PCI ECAM", "dmar",
		"amd_iommu",
		NULL
	};
	const char *const *s;

	for (s = skip; *s; s++)
		if (!strncmp(name, *s, strlen(*s)))
			return 1;
	return 0;
}

static int is_ram(const char *name)
{
	return !strcmp(name, "System RAM");
}

static void add_region(struct gen *g, unsigned long long start,
		       unsigned long long size, const char *flags,
		       const char *name)
{
	struct region *r;

	if (!size || g->num_mem >= MAX_REGIONS)
		return;
	r = &g->mem[g->num_mem++];
	r->start = start;
	r->size = size;
	r->flags = flags;
	snprintf(r->name, sizeof(r->name), "%s", name);
}

/* Removes [start, start + size) from every region, splitting as needed. */
static void carve(struct gen *g, unsigned long long start,
		  unsigned long long size)
{
	unsigned long long end = start + size, rend;
	unsigned int n, count = g->num_mem;
	struct region *r;

	for (n = 0; n < count; n++) {
		r = &g->mem[n];
		rend = r->start + r->size;
		if (!size || rend <= start || r->start >= end)
			continue;
		if (rend > end)
			add_region(g, end, rend - end, r->flags, r->name);
		r = &g->mem[n];	/* add_region may not move, but be clear */
		r->size = r->start < start ? start - r->start : 0;
	}
	for (n = 0; n < g->num_mem; n++)
		if (!g->mem[n].size)
			g->mem[n--] = g->mem[--g->num_mem];
}

static int entry_has_excluded_child(const struct res_entry *e,
				    unsigned int i, unsigned int end)
{
	unsigned int c;

	for (c = i + 1; c < end; c++)
		if (is_excluded(e[c].name))
			return 1;
	return 0;
}

/*
 * Maps the entries at @level in [first, end): whole, unless they are a PCI
 * bus window or contain something the hypervisor emulates, in which case
 * their children are mapped instead.
 */
static void walk_iomem(struct gen *g, const struct res_entry *e,
		       unsigned int first, unsigned int end, int level)
{
	unsigned long long start, last;
	unsigned int i, child_end;
	const char *flags;

	for (i = first; i < end; i++) {
		if (e[i].level != level)
			continue;
		for (child_end = i + 1;
		     child_end < end && e[child_end].level > level;
		     child_end++)
			;
		if (is_excluded(e[i].name))
			continue;
		if (!strncmp(e[i].name, "PCI Bus", 7) ||
		    entry_has_excluded_child(e, i, child_end)) {
			walk_iomem(g, e, i + 1, child_end, level + 1);
			continue;
		}
		start = e[i].start;
		last = e[i].end;
		if (is_ram(e[i].name) || !strncmp(e[i].name, "ACPI", 4)) {
			/* RAM is page-mapped: round inwards */
			start = (start + PAGE - 1) & ~(PAGE - 1);
			last = ((last + 1) & ~(PAGE - 1)) - 1;
			if (last < start || last == (unsigned long long)-1)
				continue;
			flags = is_ram(e[i].name) ? RAM_FLAGS : ROM_FLAGS;
		} else {
			flags = IO_FLAGS;	/* sub-page parts are emulated */
		}
		add_region(g, start, last - start + 1, flags, e[i].name);
	}
}

static int compare_regions(const void *a, const void *b)
{
	const struct region *x = a, *y = b;

	return (x->start > y->start) - (x->start < y->start);
}

/* Picks a reservation in the highest RAM below 4 GiB if there is none. */
static int choose_reservation(struct gen *g)
{
	unsigned long long need = g->hv_size + g->inmates_size, top, base;
	unsigned int n;

	for (n = 0; n < g->num_mem; n++) {
		if (strcmp(g->mem[n].flags, RAM_FLAGS))
			continue;
		top = g->mem[n].start + g->mem[n].size;
		if (top > 0x100000000ULL)
			top = 0x100000000ULL;
		base = (top - need) & ~0x1fffffULL;
		if (top < need || base < g->mem[n].start ||
		    base < 0x1000000ULL || base + need > top)
			continue;
		if (!g->resv_found || base > g->resv_start) {
			g->resv_start = base;
			g->resv_size = need;
		}
		g->resv_found = 2;
	}
	return g->resv_found ? 0 : -1;
}

static int build_memory_map(struct gen *g)
{
	struct res_entry *e = calloc(MAX_ENTRIES, sizeof(*e));
	unsigned long long inmates;
	unsigned int n;
	int count;

	if (!e)
		return -1;
	count = read_resources(g, "/proc/iomem", e, MAX_ENTRIES);
	if (count < 0) {
		free(e);
		return -1;
	}
	walk_iomem(g, e, 0, count, 0);
	free(e);

	if (!g->resv_found && choose_reservation(g) < 0) {
		jh_err("config create: no RAM below 4 GiB can hold %llu MiB for the hypervisor and cells",
		       (g->hv_size + g->inmates_size) >> 20);
		return -1;
	}
	if (g->resv_size < g->hv_size + PAGE) {
		jh_err("config create: the memmap= reservation (%llu MiB) is smaller than the hypervisor memory (%llu MiB): enlarge it or pass --mem-hv",
		       g->resv_size >> 20, g->hv_size >> 20);
		return -1;
	}
	/* emulated or hypervisor-only ranges never go to the root cell */
	carve(g, g->resv_start, g->resv_size);
	carve(g, 0xfee00000ULL, PAGE);
	for (n = 0; n < g->num_ioapics; n++)
		carve(g, g->ioapic[n], PAGE);
	if (g->mmcfg_base)
		carve(g, g->mmcfg_base,
		      (unsigned long long)(g->mmcfg_end_bus + 1) << 20);
	inmates = g->resv_size - g->hv_size;
	add_region(g, g->resv_start + g->hv_size, inmates, RAM_FLAGS,
		   "JAILHOUSE Inmate Memory");
	qsort(g->mem, g->num_mem, sizeof(g->mem[0]), compare_regions);
	return 0;
}

/* ------------------------------------------------------------ ports */

static void add_pio(struct gen *g, unsigned int start, unsigned int end)
{
	unsigned int last;

	/* merge with the previous range if adjacent or overlapping */
	if (g->num_pio) {
		last = g->pio_base[g->num_pio - 1] +
			g->pio_len[g->num_pio - 1];
		if (start <= last) {
			if (end + 1 > last)
				g->pio_len[g->num_pio - 1] =
					end + 1 - g->pio_base[g->num_pio - 1];
			return;
		}
	}
	if (g->num_pio < MAX_PIO) {
		g->pio_base[g->num_pio] = start;
		g->pio_len[g->num_pio++] = end + 1 - start;
	}
}

/* A port range, minus PCI config space (0xcf8-0xcff, emulated). */
static void add_pio_range(struct gen *g, unsigned long long start,
			  unsigned long long end)
{
	if (end > 0xffff || start > end)
		return;
	if (start <= 0xcff && end >= 0xcf8) {
		if (start < 0xcf8)
			add_pio(g, start, 0xcf7);
		if (end > 0xcff)
			add_pio(g, 0xd00, end);
		return;
	}
	add_pio(g, start, end);
}

/*
 * All port ranges Linux has claimed: top-level entries whole, PCI bus
 * windows by their contents.
 */
static int build_pio(struct gen *g)
{
	struct res_entry *e = calloc(MAX_ENTRIES, sizeof(*e));
	int count, i, in_bus_window = 0;

	if (!e)
		return -1;
	count = read_resources(g, "/proc/ioports", e, MAX_ENTRIES);
	for (i = 0; i < count; i++) {
		if (e[i].level == 0) {
			in_bus_window = !strncmp(e[i].name, "PCI Bus", 7);
			if (!in_bus_window)
				add_pio_range(g, e[i].start, e[i].end);
		} else if (e[i].level == 1 && in_bus_window) {
			add_pio_range(g, e[i].start, e[i].end);
		}
	}
	free(e);
	return count < 0 ? -1 : 0;
}

/* -------------------------------------------------------------- PCI */

static unsigned int cfg16(const unsigned char *c, unsigned int off)
{
	return c[off] | c[off + 1] << 8;
}

static unsigned int msi_cap_len(unsigned int ctrl)
{
	unsigned int len = 10;

	if (ctrl & 0x80)	/* 64-bit address */
		len += 4;
	if (ctrl & 0x100)	/* per-vector masking */
		len += 10;
	return len;
}

static unsigned int std_cap_len(const unsigned char *c, unsigned int pos,
				unsigned int id)
{
	switch (id) {
	case 0x01:		/* power management */
		return 8;
	case 0x05:
		return msi_cap_len(cfg16(c, pos + 2));
	case 0x09:		/* vendor specific: length byte */
		return c[pos + 2] ? c[pos + 2] : 2;
	case 0x10:		/* PCI Express */
		return 0x3c;
	case 0x11:		/* MSI-X */
		return 12;
	default:
		return 2;
	}
}

static void read_bars(struct gen *g, const char *dev_path, struct pci_dev *d,
		      const unsigned char *cfg)
{
	unsigned long long start[7], end[7], flags[7], size, mask;
	char path[PATH_MAX], text[2048], *line;
	unsigned int bar = 0, table, bir;

	memset(start, 0, sizeof(start));
	memset(end, 0, sizeof(end));
	memset(flags, 0, sizeof(flags));
	snprintf(path, sizeof(path), "%s/resource", dev_path);
	if (read_input_text(g, path, text, sizeof(text)) < 0)
		return;
	for (line = strtok(text, "\n"); line && bar < 7;
	     line = strtok(NULL, "\n"), bar++)
		if (sscanf(line, "%llx %llx %llx", &start[bar], &end[bar],
			   &flags[bar]) != 3)
			end[bar] = 0;	/* unused */
	for (bar = 0; bar < 6; bar++) {
		if (!end[bar])
			continue;
		size = end[bar] - start[bar] + 1;
		mask = ~(size - 1);
		if (flags[bar] & 0x100) {		/* I/O BAR */
			d->bar_mask[bar] = (unsigned int)mask & ~3U;
		} else {
			d->bar_mask[bar] = (unsigned int)mask & ~0xfU;
			if (flags[bar] & 0x00100000 && bar < 5)	/* 64-bit */
				d->bar_mask[bar + 1] = mask >> 32;
		}
	}
	if (!d->msix_vectors)
		return;
	table = cfg[d->msix_address] | cfg[d->msix_address + 1] << 8 |
		cfg[d->msix_address + 2] << 16 |
		(unsigned int)cfg[d->msix_address + 3] << 24;
	bir = table & 7;
	d->msix_address = bir < 6 ? start[bir] + (table & ~7U) : 0;
	d->msix_size = (d->msix_vectors * 16ULL + PAGE - 1) & ~(PAGE - 1);
}

static void add_pci_device(struct gen *g, const char *name)
{
	unsigned int domain, bus, dev, fn, pos, id, guard;
	char path[PATH_MAX], dev_path[PATH_MAX];
	unsigned char cfg[4096];
	struct pci_dev *d;
	ssize_t len;

	if (g->num_pci >= MAX_PCI ||
	    sscanf(name, "%x:%x:%x.%x", &domain, &bus, &dev, &fn) != 4)
		return;
	snprintf(dev_path, sizeof(dev_path), "/sys/bus/pci/devices/%s", name);
	snprintf(path, sizeof(path), "%s/config", dev_path);
	memset(cfg, 0, sizeof(cfg));
	len = read_input(g, path, cfg, sizeof(cfg));
	if (len < 64)
		return;
	d = &g->pci[g->num_pci++];
	memset(d, 0, sizeof(*d));
	d->domain = domain;
	d->bdf = bus << 8 | dev << 3 | fn;
	d->type = (cfg[0x0e] & 0x7f) == 1 ? 2 : 1;
	d->caps_start = g->num_caps;

	pos = (cfg16(cfg, 6) & 0x10) && len >= 256 ? cfg[0x34] & 0xfc : 0;
	for (guard = 0; pos >= 0x40 && guard < 48 && g->num_caps < MAX_CAPS;
	     guard++, pos = cfg[pos + 1] & 0xfc) {
		id = cfg[pos];
		g->caps[g->num_caps].id = id;
		g->caps[g->num_caps].start = pos;
		g->caps[g->num_caps].len = std_cap_len(cfg, pos, id);
		if (pos + g->caps[g->num_caps].len > 0x100)
			g->caps[g->num_caps].len = 0x100 - pos;
		g->caps[g->num_caps++].writable = id == 0x01 || id == 0x05 ||
			id == 0x11;
		if (id == 0x05) {
			d->msi_vectors = 1 << ((cfg16(cfg, pos + 2) >> 1) & 7);
			d->msi_64 = !!(cfg16(cfg, pos + 2) & 0x80);
			d->msi_mask = !!(cfg16(cfg, pos + 2) & 0x100);
		} else if (id == 0x11) {
			d->msix_vectors = (cfg16(cfg, pos + 2) & 0x7ff) + 1;
			d->msix_address = pos + 4;	/* resolved below */
		}
	}
	for (pos = len >= 4096 ? 0x100 : 0, guard = 0;
	     pos >= 0x100 && guard < 48 && g->num_caps < MAX_CAPS &&
	     cfg16(cfg, pos) && cfg16(cfg, pos) != 0xffff; guard++) {
		g->caps[g->num_caps].id = cfg16(cfg, pos) | 0x8000;
		g->caps[g->num_caps].start = pos;
		g->caps[g->num_caps].len = 4;
		g->caps[g->num_caps++].writable = 0;
		pos = (cfg[pos + 2] >> 4 | cfg[pos + 3] << 4) & 0xffc;
	}
	d->num_caps = g->num_caps - d->caps_start;
	read_bars(g, dev_path, d, cfg);
}

static int compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void build_pci(struct gen *g)
{
	char path[PATH_MAX], *names[MAX_PCI];
	struct dirent *entry;
	unsigned int n = 0, i;
	DIR *dir;

	path_in_root(g, path, sizeof(path), "/sys/bus/pci/devices");
	dir = opendir(path);
	while (dir && (entry = readdir(dir)) && n < MAX_PCI)
		if (entry->d_name[0] != '.')
			names[n++] = strdup(entry->d_name);
	if (dir)
		closedir(dir);
	qsort(names, n, sizeof(names[0]), compare_names);
	for (i = 0; i < n; i++) {
		if (names[i])
			add_pci_device(g, names[i]);
		free(names[i]);
	}
}

/* ----------------------------------------------------------- output */

static void write_config(const struct gen *g, FILE *f)
{
	unsigned int n, word, cpu_words = (g->num_cpus + 63) / 64;
	const struct pci_dev *d;

	fprintf(f, "/*\n * Root cell config generated by \"jailhouse config create\".\n"
		" * Reserve the hypervisor and cell memory with the kernel parameter\n"
		" *   memmap=0x%llx$0x%llx\n"
		" * and check the result with \"jailhouse config check\".\n */\n\n",
		g->resv_size, g->resv_start);
	fprintf(f, "#include <jailhouse/types.h>\n#include <jailhouse/cell-config.h>\n\n");
	fprintf(f, "struct {\n\tstruct jailhouse_system header;\n\t__u64 cpus[%u];\n",
		cpu_words);
	fprintf(f, "\tstruct jailhouse_memory mem_regions[%u];\n", g->num_mem);
	if (g->num_ioapics)
		fprintf(f, "\tstruct jailhouse_irqchip irqchips[%u];\n",
			g->num_ioapics);
	if (g->num_pio)
		fprintf(f, "\tstruct jailhouse_pio pio_regions[%u];\n",
			g->num_pio);
	if (g->num_pci)
		fprintf(f, "\tstruct jailhouse_pci_device pci_devices[%u];\n",
			g->num_pci);
	if (g->num_caps)
		fprintf(f, "\tstruct jailhouse_pci_capability pci_caps[%u];\n",
			g->num_caps);
	fprintf(f, "} __attribute__((packed)) config = {\n"
		"\t.header = {\n"
		"\t\t.signature = JAILHOUSE_SYSTEM_SIGNATURE,\n"
		"\t\t.architecture = JAILHOUSE_X86,\n"
		"\t\t.revision = JAILHOUSE_CONFIG_REVISION,\n"
		"\t\t.flags = JAILHOUSE_SYS_VIRTUAL_DEBUG_CONSOLE,\n"
		"\t\t.hypervisor_memory = {\n"
		"\t\t\t.phys_start = 0x%llx,\n\t\t\t.size = 0x%llx,\n\t\t},\n",
		g->resv_start, g->hv_size);
	fprintf(f, "\t\t.debug_console = {\n\t\t\t.address = 0x%llx,\n"
		"%s\t\t\t.type = JAILHOUSE_CON_TYPE_8250,\n"
		"\t\t\t.flags = JAILHOUSE_CON_ACCESS_%s%s,\n\t\t},\n",
		g->con_addr, g->con_mmio ? "\t\t\t.size = 0x1000,\n" : "",
		g->con_mmio ? "MMIO" : "PIO",
		g->con_regdist4 ? " | JAILHOUSE_CON_REGDIST_4" : "");
	fprintf(f, "\t\t.platform_info = {\n"
		"\t\t\t.pci_mmconfig_base = 0x%llx,\n"
		"\t\t\t.pci_mmconfig_end_bus = 0x%x,\n"
		"\t\t\t.x86 = {\n\t\t\t\t.pm_timer_address = 0x%x,\n"
		"\t\t\t\t.apic_mode = JAILHOUSE_APIC_MODE_AUTO,\n"
		"\t\t\t},\n\t\t},\n",
		g->mmcfg_base, g->mmcfg_base ? g->mmcfg_end_bus : 0,
		g->pm_timer);
	fprintf(f, "\t\t.root_cell = {\n\t\t\t.name = \"RootCell\",\n"
		"\t\t\t.cpu_set_size = sizeof(config.cpus),\n"
		"\t\t\t.num_memory_regions = ARRAY_SIZE(config.mem_regions),\n");
	if (g->num_ioapics)
		fprintf(f, "\t\t\t.num_irqchips = ARRAY_SIZE(config.irqchips),\n");
	if (g->num_pio)
		fprintf(f, "\t\t\t.num_pio_regions = ARRAY_SIZE(config.pio_regions),\n");
	if (g->num_pci)
		fprintf(f, "\t\t\t.num_pci_devices = ARRAY_SIZE(config.pci_devices),\n");
	if (g->num_caps)
		fprintf(f, "\t\t\t.num_pci_caps = ARRAY_SIZE(config.pci_caps),\n");
	fprintf(f, "\t\t},\n\t},\n\n\t.cpus = {\n");
	for (word = 0; word < cpu_words; word++)
		fprintf(f, "\t\t0x%llx,\n", g->num_cpus - word * 64 >= 64 ?
			~0ULL : (1ULL << (g->num_cpus - word * 64)) - 1);
	fprintf(f, "\t},\n\n\t.mem_regions = {\n");
	for (n = 0; n < g->num_mem; n++)
		fprintf(f, "\t\t/* MemRegion: %llx-%llx : %s */\n\t\t{\n"
			"\t\t\t.phys_start = 0x%llx,\n\t\t\t.virt_start = 0x%llx,\n"
			"\t\t\t.size = 0x%llx,\n\t\t\t.flags = %s,\n\t\t},\n",
			g->mem[n].start, g->mem[n].start + g->mem[n].size - 1,
			g->mem[n].name, g->mem[n].start, g->mem[n].start,
			g->mem[n].size, g->mem[n].flags);
	fprintf(f, "\t},\n");
	if (g->num_ioapics) {
		fprintf(f, "\n\t.irqchips = {\n");
		for (n = 0; n < g->num_ioapics; n++)
			fprintf(f, "\t\t/* IOAPIC %u */\n\t\t{\n"
				"\t\t\t.address = 0x%llx,\n\t\t\t.id = 0x%x,\n"
				"\t\t\t.pin_bitmap = { 0xffffff },\n\t\t},\n",
				g->ioapic_id[n], g->ioapic[n],
				0xff00 + g->ioapic_id[n]);
		fprintf(f, "\t},\n");
	}
	if (g->num_pio) {
		fprintf(f, "\n\t.pio_regions = {\n");
		for (n = 0; n < g->num_pio; n++)
			fprintf(f, "\t\tPIO_RANGE(0x%x, 0x%x),\n", g->pio_base[n],
				g->pio_len[n]);
		fprintf(f, "\t},\n");
	}
	if (g->num_pci) {
		fprintf(f, "\n\t.pci_devices = {\n");
		for (n = 0; n < g->num_pci; n++) {
			d = &g->pci[n];
			fprintf(f, "\t\t/* PCIDevice: %04x:%02x:%02x.%x */\n\t\t{\n"
				"\t\t\t.type = JAILHOUSE_PCI_TYPE_%s,\n"
				"\t\t\t.domain = 0x%x,\n\t\t\t.bdf = 0x%x,\n"
				"\t\t\t.bar_mask = {\n\t\t\t\t0x%08x, 0x%08x, 0x%08x,\n"
				"\t\t\t\t0x%08x, 0x%08x, 0x%08x,\n\t\t\t},\n"
				"\t\t\t.caps_start = %u,\n\t\t\t.num_caps = %u,\n"
				"\t\t\t.num_msi_vectors = %u,\n\t\t\t.msi_64bits = %u,\n"
				"\t\t\t.msi_maskable = %u,\n"
				"\t\t\t.num_msix_vectors = %u,\n"
				"\t\t\t.msix_region_size = 0x%llx,\n"
				"\t\t\t.msix_address = 0x%llx,\n\t\t},\n",
				d->domain, d->bdf >> 8, (d->bdf >> 3) & 0x1f,
				d->bdf & 7, d->type == 2 ? "BRIDGE" : "DEVICE",
				d->domain, d->bdf, d->bar_mask[0],
				d->bar_mask[1], d->bar_mask[2], d->bar_mask[3],
				d->bar_mask[4], d->bar_mask[5], d->caps_start,
				d->num_caps, d->msi_vectors, d->msi_64,
				d->msi_mask, d->msix_vectors, d->msix_size,
				d->msix_address);
		}
		fprintf(f, "\t},\n");
	}
	if (g->num_caps) {
		fprintf(f, "\n\t.pci_caps = {\n");
		for (n = 0; n < g->num_caps; n++)
			fprintf(f, "\t\t{\n\t\t\t.id = 0x%x%s,\n\t\t\t.start = 0x%x,\n"
				"\t\t\t.len = %u,\n\t\t\t.flags = %s,\n\t\t},\n",
				g->caps[n].id & 0x7fff,
				g->caps[n].id & 0x8000 ?
				" | JAILHOUSE_PCI_EXT_CAP" : "",
				g->caps[n].start, g->caps[n].len,
				g->caps[n].writable ?
				"JAILHOUSE_PCICAPS_WRITE" : "0");
		fprintf(f, "\t},\n");
	}
	fprintf(f, "};\n");
}

/* ------------------------------------------------------------ main */

static void config_create_usage(FILE *out)
{
	fputs("Usage: jailhouse config create [-h] [-r ROOT] [-c CONSOLE] [--mem-hv SIZE]\n"
	      "                               [--mem-inmates SIZE] FILE\n"
	      "\n"
	      "Writes a root-cell config (C source) for this x86 machine.\n"
	      "\n"
	      "  -r, --root ROOT      read the inputs below ROOT instead of /\n"
	      "  -c, --console TTY    debug console, e.g. ttyS0 (default)\n"
	      "  --mem-hv SIZE        hypervisor memory (default 6M)\n"
	      "  --mem-inmates SIZE   memory for the cells if no memmap= is set\n"
	      "                       (default 58M)\n"
	      "  -h, --help           show this help\n", out);
}

static int config_create_x86(struct gen *g, const char *console,
			     const char *out_path)
{
	char enabled[8];
	FILE *f;

	if (read_input_text(g, "/sys/devices/jailhouse/enabled", enabled,
			    sizeof(enabled)) == 0 && atoi(enabled) == 1) {
		jh_err("config create: the hypervisor is enabled; disable it first (the memory map would be the cell's)");
		return JH_EXIT_FAIL;
	}
	parse_memmap(g);
	count_cpus(g);
	if (!g->num_cpus) {
		jh_err("config create: no CPUs in %s/proc/cpuinfo", g->root);
		return JH_EXIT_FAIL;
	}
	parse_madt(g);
	parse_mcfg(g);
	parse_fadt(g);
	find_console(g, console);
	if (build_memory_map(g) < 0 || build_pio(g) < 0)
		return JH_EXIT_FAIL;
	build_pci(g);

	f = fopen(out_path, "w");
	if (!f) {
		jh_err("config create: %s: %s", out_path, strerror(errno));
		return JH_EXIT_FAIL;
	}
	write_config(g, f);
	if (fclose(f)) {
		jh_err("config create: %s: %s", out_path, strerror(errno));
		return JH_EXIT_FAIL;
	}
	if (g->resv_found == 2)
		jh_warn("no memmap= reservation found: add memmap=0x%llx$0x%llx to the kernel command line (also noted in %s)",
			g->resv_size, g->resv_start, out_path);
	return JH_EXIT_OK;
}

int jh_cmd_config_create(int argc, char *argv[])
{
	const char *console = NULL, *out = NULL, *opt;
	struct gen *g;
	int pos, ret, machine;

	g = calloc(1, sizeof(*g));
	if (!g) {
		jh_err("out of memory");
		return JH_EXIT_FAIL;
	}
	g->root = "";
	g->hv_size = 6ULL << 20;
	g->inmates_size = 58ULL << 20;
	for (pos = 3; pos < argc; pos++) {
		opt = argv[pos];
		if (!strcmp(opt, "-h") || !strcmp(opt, "--help")) {
			config_create_usage(stdout);
			free(g);
			return JH_EXIT_OK;
		}
		if (opt[0] != '-') {
			if (out)
				goto usage;
			out = opt;
			continue;
		}
		if (pos + 1 >= argc)
			goto usage;
		if (!strcmp(opt, "-r") || !strcmp(opt, "--root"))
			g->root = argv[++pos];
		else if (!strcmp(opt, "-c") || !strcmp(opt, "--console"))
			console = argv[++pos];
		else if (!strcmp(opt, "--mem-hv") &&
			 parse_size(argv[pos + 1], &g->hv_size) == 0 &&
			 g->hv_size && !(g->hv_size & (PAGE - 1)))
			pos++;
		else if (!strcmp(opt, "--mem-inmates") &&
			 parse_size(argv[pos + 1], &g->inmates_size) == 0 &&
			 !(g->inmates_size & (PAGE - 1)))
			pos++;
		else
			goto usage;
	}
	if (!out)
		goto usage;

	machine = *g->root ? JAILHOUSE_X86 : jh_machine_arch();
	if (machine != JAILHOUSE_X86) {
		jh_err("config create: generating configs is supported on x86 only; on %s start from configs/arm/ (QEMU virt, Banana Pi) and adapt addresses from /proc/device-tree",
		       jh_arch_name(machine));
		free(g);
		return JH_EXIT_FAIL;
	}
	ret = config_create_x86(g, console, out);
	free(g);
	return ret;

usage:
	free(g);
	jh_err("config create: invalid arguments");
	config_create_usage(stderr);
	return JH_EXIT_USAGE;
}
