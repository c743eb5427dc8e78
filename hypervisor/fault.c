// SPDX-License-Identifier: GPL-2.0
/*
 * Fault reports that tell the user what to change. An access a cell config
 * does not allow produces:
 *
 *   FATAL: Invalid MMIO/RAM write, addr: 0x... size: 4 value: 0x...
 *    Cell "name" CPU n PC 0x...
 *    Nearest region: #k 0x...-0x... (RW IO), 0x... bytes below the address
 *    Fix: add { ... } to the memory regions of the cell config
 */
#include <jailhouse/cell.h>
#include <jailhouse/fault.h>
#include <jailhouse/mmio.h>
#include <jailhouse/printk.h>
#include <jailhouse/string.h>

#define DESCRIPTION_SIZE	400

static void describe_flags(char *buf, size_t size, u64 flags)
{
	snprintf(buf, size, "%s%s%s%s%s%s%s",
		 flags & JAILHOUSE_MEM_READ ? "R" : "",
		 flags & JAILHOUSE_MEM_WRITE ? "W" : "",
		 flags & JAILHOUSE_MEM_EXECUTE ? "X" : "",
		 flags & JAILHOUSE_MEM_IO ? " IO" : "",
		 flags & JAILHOUSE_MEM_DMA ? " DMA" : "",
		 flags & JAILHOUSE_MEM_COMM_REGION ? " COMM" : "",
		 flags & JAILHOUSE_MEM_ROOTSHARED ? " ROOTSHARED" : "");
}

static u64 region_end(const struct jailhouse_memory *mem)
{
	return mem->virt_start + mem->size - 1;
}

/* Distance from address to the region, 0 if inside. */
static u64 region_distance(const struct jailhouse_memory *mem, u64 address)
{
	if (address < mem->virt_start)
		return mem->virt_start - address;
	if (address > region_end(mem))
		return address - region_end(mem);
	return 0;
}

static const struct jailhouse_memory *
nearest_region(const struct jailhouse_cell_desc *config, u64 address,
	       unsigned int *index)
{
	const struct jailhouse_memory *mem = jailhouse_cell_mem_regions(config);
	const struct jailhouse_memory *best = NULL;
	unsigned int n;

	for (n = 0; n < config->num_memory_regions; n++) {
		if (mem[n].size == 0)
			continue;
		if (!best || region_distance(&mem[n], address) <
		    region_distance(best, address)) {
			best = &mem[n];
			*index = n;
		}
	}
	return best;
}

/* What keeps an access inside a region from being allowed. */
static void describe_inside(char *buf, size_t size, unsigned int index,
			    const struct jailhouse_memory *mem, u64 address,
			    unsigned int width, enum fault_access kind)
{
	unsigned long width_flag = (unsigned long)width <<
		JAILHOUSE_MEM_IO_WIDTH_SHIFT;
	const char *problem = NULL, *flag = NULL;
	char width_name[24];

	if (kind == FAULT_EXEC && !(mem->flags & JAILHOUSE_MEM_EXECUTE)) {
		problem = "is not executable";
		flag = "JAILHOUSE_MEM_EXECUTE";
	} else if (kind == FAULT_WRITE &&
		   !(mem->flags & JAILHOUSE_MEM_WRITE)) {
		problem = "is read-only";
		flag = "JAILHOUSE_MEM_WRITE";
	} else if (kind == FAULT_READ && !(mem->flags & JAILHOUSE_MEM_READ)) {
		problem = "is not readable";
		flag = "JAILHOUSE_MEM_READ";
	} else if ((mem->flags & JAILHOUSE_MEM_IO_WIDTH_MASK) &&
		   !(mem->flags & width_flag)) {
		problem = "refuses this access width";
		snprintf(width_name, sizeof(width_name), "JAILHOUSE_MEM_IO_%u",
			 width * 8);
		flag = width_name;
	} else if ((address & (width - 1)) &&
		   !(mem->flags & JAILHOUSE_MEM_IO_UNALIGNED)) {
		problem = "refuses unaligned accesses";
		flag = "JAILHOUSE_MEM_IO_UNALIGNED";
	}

	if (problem)
		snprintf(buf, size, "Fix: region #%u %s, add %s to its flags",
			 index, problem, flag);
	else if (address + width - 1 > region_end(mem))
		snprintf(buf, size, "Fix: access crosses the end of region #%u, size it 0x%llx",
			 index, address + width - mem->virt_start);
	else
		snprintf(buf, size, "Fix: none, the emulation of region #%u refused the access",
			 index);
}

static const char fix_io[] = " .size = 0x1000,\n"
	"  .flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_WRITE | JAILHOUSE_MEM_IO }";
static const char fix_exec[] =
	" .size = 0x1000,\n  .flags = JAILHOUSE_MEM_READ | JAILHOUSE_MEM_EXECUTE }";

void fault_describe_mem_fix(char *buf, size_t size,
			    const struct jailhouse_cell_desc *config,
			    u64 address, unsigned int width,
			    enum fault_access kind)
{
	const struct jailhouse_memory *mem;
	unsigned int index = 0, len = 0;
	char flags[40];
	u64 page = address & ~0xfffULL;

	mem = nearest_region(config, address, &index);
	if (mem) {
		describe_flags(flags, sizeof(flags), mem->flags);
		len = snprintf(buf, size, "%s region: #%u 0x%llx-0x%llx (%s)",
			       region_distance(mem, address) ? "Nearest" :
			       "Inside", index, mem->virt_start,
			       region_end(mem), flags);
	}
	if (mem && region_distance(mem, address) == 0) {
		if (len + 2 < size) {
			memcpy(buf + len, "\n ", 3);
			describe_inside(buf + len + 2, size - len - 2, index,
					mem, address, width, kind);
		}
		return;
	}
	if (mem && len < size)
		len += snprintf(buf + len, size - len, ", 0x%llx bytes %s\n ",
				region_distance(mem, address),
				mem->virt_start > address ? "above" : "below");
	if (len < size)
		snprintf(buf + len, size - len,
			 "Fix: add region { .phys_start = 0x%llx, .virt_start = 0x%llx,%s",
			 page, page, kind == FAULT_EXEC ? fix_exec : fix_io);
}

static void print_location(unsigned long pc)
{
	struct per_cpu *cpu_data = this_cpu_data();

	printk(" Cell \"%s\" CPU %u PC 0x%lx\n", cpu_data->cell->config->name,
	       cpu_data->cpu_id, pc);
}

void fault_report_mmio(const struct mmio_access *access, unsigned long pc)
{
	char fix[DESCRIPTION_SIZE];

	if (access->is_write)
		printk("FATAL: Invalid MMIO/RAM write, addr: 0x%016llx size: %u value: 0x%lx\n",
		       access->address, access->size, access->value);
	else
		printk("FATAL: Invalid MMIO/RAM read, addr: 0x%016llx size: %u\n",
		       access->address, access->size);
	print_location(pc);
	fault_describe_mem_fix(fix, sizeof(fix), this_cell()->config,
			       access->address, access->size,
			       access->is_write ? FAULT_WRITE : FAULT_READ);
	printk(" %s\n", fix);
}

void fault_report_mmio_undecoded(u64 address, bool is_write,
				 unsigned long pc, const char *why)
{
	char fix[DESCRIPTION_SIZE];

	printk("FATAL: Invalid MMIO/RAM %s, addr: 0x%016llx size: unknown\n",
	       is_write ? "write" : "read", address);
	printk(" Not decodable: %s\n", why);
	print_location(pc);
	fault_describe_mem_fix(fix, sizeof(fix), this_cell()->config,
			       address, 1, is_write ? FAULT_WRITE : FAULT_READ);
	printk(" %s\n", fix);
}

void fault_report_exec(u64 address, unsigned long pc)
{
	char fix[DESCRIPTION_SIZE];

	printk("FATAL: Invalid instruction fetch, addr: 0x%016llx\n",
	       address);
	print_location(pc);
	fault_describe_mem_fix(fix, sizeof(fix), this_cell()->config,
			       address, 4, FAULT_EXEC);
	printk(" %s\n", fix);
}

void fault_print_location(unsigned long pc)
{
	print_location(pc);
}

void fault_describe_pio_fix(char *buf, size_t size,
			    const struct jailhouse_cell_desc *config,
			    u16 port, unsigned int width)
{
	const struct jailhouse_pio *pio = jailhouse_cell_pio(config);
	unsigned int n, best = config->num_pio_regions;
	unsigned int best_dist = ~0U, dist, end;
	unsigned int len = 0;

	for (n = 0; n < config->num_pio_regions; n++) {
		unsigned int base = pio[n].base;

		end = base + pio[n].length;
		if (port < base)
			dist = base - port;
		else if (port >= end)
			dist = port - end + 1;
		else
			dist = 0;
		if (dist < best_dist) {
			best_dist = dist;
			best = n;
		}
	}
	if (best < config->num_pio_regions)
		len = snprintf(buf, size, "Nearest PIO range: #%u 0x%x-0x%x\n ",
			       best, pio[best].base,
			       pio[best].base + pio[best].length - 1);
	if (len < size)
		snprintf(buf + len, size - len,
			 "Fix: add PIO_RANGE(0x%x, %u) to the cell's pio_regions",
			 port, width);
}

void fault_report_pio(u16 port, unsigned int size, bool is_write,
		      unsigned long pc)
{
	char fix[DESCRIPTION_SIZE];

	printk("FATAL: Invalid PIO %s, port: %x size: %u\n",
	       is_write ? "write" : "read", port, size);
	print_location(pc);
	fault_describe_pio_fix(fix, sizeof(fix), this_cell()->config, port,
			       size);
	printk(" %s\n", fix);
}
