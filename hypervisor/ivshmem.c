// SPDX-License-Identifier: GPL-2.0
/*
 * ivshmem v2 virtual PCI devices (register layout and behaviour:
 * Documentation/ivshmem.md).
 *
 * Each JAILHOUSE_PCI_TYPE_IVSHMEM entry of a cell becomes an endpoint of
 * the link identified by (domain, BDF, physical address of the state
 * table). The shared memory itself is ordinary cell memory, mapped by the
 * config's memory regions with the permissions the validator enforces;
 * only the state table is written here, through the hypervisor's own
 * mapping, because no guest may write it.
 *
 * Everything a peer can change of another peer (state table entry,
 * interrupts) happens under the link lock, so a peer that goes away is
 * never signalled after its endpoint was freed.
 */
#include <jailhouse/cell.h>
#include <jailhouse/errno.h>
#include <jailhouse/ivshmem.h>
#include <jailhouse/mmio.h>
#include <jailhouse/paging.h>
#include <jailhouse/pci.h>
#include <jailhouse/printk.h>
#include <jailhouse/string.h>
#include <jailhouse/unit.h>
#include <asm/processor.h>

/* config space header, PCI Local Bus 3.0 */
#define PCI_CFG_ID		0x00
#define PCI_CFG_COMMAND		0x04
#define PCI_CFG_CLASS_REV	0x08
#define PCI_CFG_BAR0		0x10
#define PCI_CFG_SUBSYS		0x2c
#define PCI_CFG_CAP_PTR		0x34
#define PCI_CFG_INT		0x3c

#define PCI_CMD_IO		0x0001
#define PCI_CMD_MEM		0x0002
#define PCI_CMD_MASTER		0x0004
#define PCI_CMD_INTX_OFF	0x0400
#define PCI_CMD_WRITABLE	(PCI_CMD_IO | PCI_CMD_MEM | PCI_CMD_MASTER | \
				 PCI_CMD_INTX_OFF)
#define PCI_STS_CAP_LIST	0x0010

#define PCI_CAP_ID_VNDR		0x09
#define PCI_CAP_ID_MSIX		0x11

/* MSI-X capability: message control in the upper half of dword 0 */
#define MSIX_CTRL_ENABLE	0x8000
#define MSIX_CTRL_FMASK		0x4000
#define MSIX_BAR		1

#define CSPACE(reg)		((reg) / 4)
#define VNDR_DWORD(off)		CSPACE(IVSHMEM_CFG_VNDR_CAP + (off))
#define MSIX_DWORD(off)		CSPACE(IVSHMEM_CFG_MSIX_CAP + (off))

#define REG_STATE_TABLE_INDEX	0	/* shmem regions: table, R/W, outputs */
#define REG_RW_INDEX		1
#define REG_OUTPUT_INDEX	2

static DEFINE_SPINLOCK(links_lock);
static struct ivshmem_link *links;
/* serialises changes of the MMIO dispatchers from BAR programming */
static DEFINE_SPINLOCK(bar_lock);

static const struct jailhouse_memory *
shmem_regions(const struct pci_device *dev)
{
	return &cell_mem_regions(dev->cell)[dev->info->shmem_regions_start];
}

static unsigned int num_msix_vectors(const struct ivshmem_endpoint *ive)
{
	return ive->device->info->num_msix_vectors;
}

struct ivshmem_endpoint *ivshmem_endpoint(const struct pci_device *dev)
{
	return dev->info->type == JAILHOUSE_PCI_TYPE_IVSHMEM ? dev->priv :
		NULL;
}

unsigned int ivshmem_intx_pin(const struct ivshmem_endpoint *ive)
{
	return (ive->cspace[CSPACE(PCI_CFG_INT)] >> 8) & 0xff;
}

bool ivshmem_msix_vector_enabled(const struct ivshmem_endpoint *ive,
				 unsigned int vector)
{
	u32 ctrl = ive->cspace[MSIX_DWORD(0)] >> 16;

	return vector < num_msix_vectors(ive) &&
		(ctrl & (MSIX_CTRL_ENABLE | MSIX_CTRL_FMASK)) ==
		MSIX_CTRL_ENABLE &&
		!(ive->msix[vector].ctrl & IVSHMEM_MSIX_CTRL_MASKED);
}

/* ---- config space --------------------------------------------------------- */

/* The power-on state of the config space. */
static void cspace_reset(struct ivshmem_endpoint *ive)
{
	const struct jailhouse_pci_device *info = ive->device->info;
	const struct jailhouse_memory *mem = shmem_regions(ive->device);
	unsigned int vectors = num_msix_vectors(ive);
	u32 *cs = ive->cspace;

	memset(cs, 0, sizeof(ive->cspace));
	cs[CSPACE(PCI_CFG_ID)] = IVSHMEM_VENDOR_ID |
		(u32)IVSHMEM_DEVICE_ID << 16;
	cs[CSPACE(PCI_CFG_COMMAND)] = (u32)PCI_STS_CAP_LIST << 16;
	cs[CSPACE(PCI_CFG_CLASS_REV)] = (u32)IVSHMEM_CLASS_BASE << 24 |
		(u32)info->shmem_protocol << 8 | IVSHMEM_REVISION;
	cs[CSPACE(PCI_CFG_SUBSYS)] = cs[CSPACE(PCI_CFG_ID)];
	cs[CSPACE(PCI_CFG_CAP_PTR)] = IVSHMEM_CFG_VNDR_CAP;
	/* INTx only without MSI-X; the pin rotates with the slot */
	if (!vectors)
		cs[CSPACE(PCI_CFG_INT)] =
			(((u32)PCI_DEV(info->bdf) & 3) + 1) << 8;

	cs[VNDR_DWORD(0)] = PCI_CAP_ID_VNDR |
		(vectors ? IVSHMEM_CFG_MSIX_CAP << 8 : 0) |
		IVSHMEM_VNDR_LEN_WITH_ADDR << 16;
	cs[VNDR_DWORD(IVSHMEM_VNDR_STATE_TAB_SZ)] =
		mem[REG_STATE_TABLE_INDEX].size;
	cs[VNDR_DWORD(IVSHMEM_VNDR_RW_SECTION_SZ)] = mem[REG_RW_INDEX].size;
	cs[VNDR_DWORD(IVSHMEM_VNDR_RW_SECTION_SZ + 4)] =
		mem[REG_RW_INDEX].size >> 32;
	cs[VNDR_DWORD(IVSHMEM_VNDR_OUTPUT_SECTION_SZ)] =
		mem[REG_OUTPUT_INDEX].size;
	cs[VNDR_DWORD(IVSHMEM_VNDR_OUTPUT_SECTION_SZ + 4)] =
		mem[REG_OUTPUT_INDEX].size >> 32;
	cs[VNDR_DWORD(IVSHMEM_VNDR_ADDRESS)] =
		mem[REG_STATE_TABLE_INDEX].virt_start;
	cs[VNDR_DWORD(IVSHMEM_VNDR_ADDRESS + 4)] =
		mem[REG_STATE_TABLE_INDEX].virt_start >> 32;

	if (vectors) {
		cs[MSIX_DWORD(0)] = PCI_CAP_ID_MSIX | (vectors - 1) << 16;
		cs[MSIX_DWORD(4)] = MSIX_BAR;			/* table @0 */
		cs[MSIX_DWORD(8)] = IVSHMEM_MSIX_PBA_OFFSET | MSIX_BAR;
	}
}

/* Bits of a config dword the guest may change. */
static u32 cspace_write_mask(const struct ivshmem_endpoint *ive,
			     unsigned int dword)
{
	const struct jailhouse_pci_device *info = ive->device->info;

	switch (dword) {
	case CSPACE(PCI_CFG_COMMAND):
		return PCI_CMD_WRITABLE;
	case CSPACE(PCI_CFG_BAR0):
	case CSPACE(PCI_CFG_BAR0) + 1:
		return ive->bar_size[dword - CSPACE(PCI_CFG_BAR0)] ?
			info->bar_mask[dword - CSPACE(PCI_CFG_BAR0)] : 0;
	case CSPACE(PCI_CFG_INT):
		return 0xff;		/* interrupt line, a scratch byte */
	case VNDR_DWORD(0):
		return (u32)IVSHMEM_PRIV_CTRL_ONESHOT_INT << 24;
	case MSIX_DWORD(0):
		return num_msix_vectors(ive) ?
			(u32)(MSIX_CTRL_ENABLE | MSIX_CTRL_FMASK) << 16 : 0;
	default:
		return 0;
	}
}

static u32 size_mask(unsigned int size)
{
	return size >= 4 ? 0xffffffff : (1U << (size * 8)) - 1;
}

static u32 ivshmem_cfg_read(struct pci_device *dev, unsigned int reg,
			    unsigned int size)
{
	struct ivshmem_endpoint *ive = dev->priv;

	if (reg >= IVSHMEM_CFG_SIZE)
		return 0;
	return (ive->cspace[CSPACE(reg)] >> ((reg & 3) * 8)) &
		size_mask(size);
}

static enum mmio_result ivshmem_register_mmio(void *arg,
					      struct mmio_access *access);
static enum mmio_result ivshmem_msix_mmio(void *arg,
					  struct mmio_access *access);

static const mmio_handler bar_handlers[IVSHMEM_NUM_BARS] = {
	ivshmem_register_mmio, ivshmem_msix_mmio,
};

static void unregister_bar(struct ivshmem_endpoint *ive, unsigned int bar)
{
	if (!ive->bar_at[bar])
		return;
	spin_lock(&bar_lock);
	mmio_region_unregister(&ive->device->cell->mmio, ive->bar_at[bar]);
	spin_unlock(&bar_lock);
	ive->bar_at[bar] = 0;
}

/*
 * Follow the guest's BAR programming: while memory decoding is on, each
 * BAR traps at the address the guest assigned (link lock held).
 */
static void update_bars(struct ivshmem_endpoint *ive)
{
	bool decode = ive->cspace[CSPACE(PCI_CFG_COMMAND)] & PCI_CMD_MEM;
	struct pci_device *dev = ive->device;
	unsigned int bar;
	u64 addr;
	int err;

	for (bar = 0; bar < IVSHMEM_NUM_BARS; bar++) {
		if (!ive->bar_size[bar])
			continue;
		addr = decode ? ive->cspace[CSPACE(PCI_CFG_BAR0) + bar] &
			dev->info->bar_mask[bar] : 0;
		if (addr == ive->bar_at[bar])
			continue;
		unregister_bar(ive, bar);
		if (!addr)
			continue;
		spin_lock(&bar_lock);
		err = mmio_region_register(&dev->cell->mmio, addr,
					   ive->bar_size[bar],
					   bar_handlers[bar], ive);
		spin_unlock(&bar_lock);
		if (err) {
			printk("WARNING: cell \"%s\", ivshmem %02x:%02x.%x: BAR%u at 0x%llx overlaps another emulated region (%d), left unmapped\n",
			       dev->cell->config->name, PCI_BUS(dev->info->bdf),
			       PCI_DEV(dev->info->bdf), PCI_FN(dev->info->bdf),
			       bar, addr, err);
			continue;
		}
		ive->bar_at[bar] = addr;
	}
}

static bool ivshmem_cfg_write(struct pci_device *dev, unsigned int reg,
			      unsigned int size, u32 value)
{
	struct ivshmem_endpoint *ive = dev->priv;
	unsigned int dword = CSPACE(reg), shift = (reg & 3) * 8;
	u32 mask, *cs;

	if (reg >= IVSHMEM_CFG_SIZE)
		return true;
	mask = (size_mask(size) << shift) & cspace_write_mask(ive, dword);
	if (!mask)
		return true;

	spin_lock(&ive->link->lock);
	cs = &ive->cspace[dword];
	*cs = (*cs & ~mask) | ((value << shift) & mask);
	if (dword == CSPACE(PCI_CFG_COMMAND) ||
	    dword - CSPACE(PCI_CFG_BAR0) < IVSHMEM_NUM_BARS)
		update_bars(ive);
	spin_unlock(&ive->link->lock);
	return true;
}

/* ---- interrupts ------------------------------------------------------------ */

static bool oneshot_mode(const struct ivshmem_endpoint *ive)
{
	u8 priv_ctrl = ive->cspace[VNDR_DWORD(0)] >> 24;

	return priv_ctrl & IVSHMEM_PRIV_CTRL_ONESHOT_INT;
}

/*
 * Raise @vector of @target if its guest allows it (link lock held). All
 * stores of the sender are made visible before the interrupt can arrive.
 */
static void raise_interrupt(struct ivshmem_endpoint *target,
			    unsigned int vector)
{
	bool deliverable = target->int_ctrl & IVSHMEM_INT_ENABLE;
	u32 command = target->cspace[CSPACE(PCI_CFG_COMMAND)];

	if (num_msix_vectors(target))
		deliverable = deliverable && command & PCI_CMD_MASTER &&
			ivshmem_msix_vector_enabled(target, vector);
	else
		/* one line: every doorbell raises it, whatever the vector */
		deliverable = deliverable && !(command & PCI_CMD_INTX_OFF);
	if (!deliverable) {
		target->irqs_dropped++;
		return;
	}

	memory_barrier();
	if (!arch_ivshmem_trigger_interrupt(target, vector)) {
		target->irqs_dropped++;
		return;
	}
	target->irqs_sent++;
	if (oneshot_mode(target))
		target->int_ctrl &= ~IVSHMEM_INT_ENABLE;
}

/* A peer's state changed: vector 0 on every other peer (lock held). */
static void signal_state_change(struct ivshmem_endpoint *ive)
{
	struct ivshmem_link *link = ive->link;
	unsigned int id;

	for (id = 0; id < link->max_peers; id++)
		if (link->peer[id] && id != ive->id)
			raise_interrupt(link->peer[id], 0);
}

static void set_state(struct ivshmem_endpoint *ive, u32 state)
{
	if (state == ive->state)
		return;
	ive->state = state;
	ive->link->state_table[ive->id] = state;
	signal_state_change(ive);
}

/* ---- register BAR (BAR0) ---------------------------------------------------- */

static void ring_doorbell(struct ivshmem_endpoint *ive, u32 value)
{
	struct ivshmem_link *link = ive->link;
	unsigned int peer = value >> 16;

	if (peer < link->max_peers && link->peer[peer])
		raise_interrupt(link->peer[peer], value & 0xffff);
}

static u32 register_read(const struct ivshmem_endpoint *ive,
			 unsigned int reg)
{
	switch (reg) {
	case IVSHMEM_REG_ID:
		return ive->id;
	case IVSHMEM_REG_MAX_PEERS:
		return ive->link->max_peers;
	case IVSHMEM_REG_INT_CTRL:
		return ive->int_ctrl;
	case IVSHMEM_REG_STATE:
		return ive->state;
	default:
		return 0;	/* doorbell (write-only) and unbacked offsets */
	}
}

static void register_write(struct ivshmem_endpoint *ive, unsigned int reg,
			   u32 value)
{
	switch (reg) {
	case IVSHMEM_REG_INT_CTRL:
		ive->int_ctrl = value & IVSHMEM_INT_ENABLE;
		break;
	case IVSHMEM_REG_DOORBELL:
		ring_doorbell(ive, value);
		break;
	case IVSHMEM_REG_STATE:
		set_state(ive, value);
		break;
	}
}

/* Only aligned 32-bit accesses reach registers; others read 0, no effect. */
static enum mmio_result ivshmem_register_mmio(void *arg,
					      struct mmio_access *access)
{
	struct ivshmem_endpoint *ive = arg;
	unsigned int reg = access->address;

	if (access->size != 4 || reg & 3) {
		access->value = 0;
		return MMIO_HANDLED;
	}
	spin_lock(&ive->link->lock);
	if (access->is_write)
		register_write(ive, reg, access->value);
	else
		access->value = register_read(ive, reg);
	spin_unlock(&ive->link->lock);
	return MMIO_HANDLED;
}

/* ---- MSI-X table and PBA (BAR1) ---------------------------------------------- */

static u32 *msix_word(struct ivshmem_endpoint *ive, unsigned int offset)
{
	unsigned int entry = offset / IVSHMEM_MSIX_ENTRY_SIZE;

	if (entry >= num_msix_vectors(ive))
		return NULL;
	return &((u32 *)&ive->msix[entry])[(offset % 16) / 4];
}

static void msix_write(struct ivshmem_endpoint *ive, unsigned int offset,
		       u32 value)
{
	u32 *word = msix_word(ive, offset);

	switch (offset % IVSHMEM_MSIX_ENTRY_SIZE) {
	case 0:			/* message address, dword aligned */
		value &= ~3U;
		break;
	case 12:		/* vector control: only the mask bit */
		value &= IVSHMEM_MSIX_CTRL_MASKED;
		break;
	}
	if (!word)
		return;
	*word = value;
	ive->refused_reported &= ~(1U << (offset / IVSHMEM_MSIX_ENTRY_SIZE));
}

/*
 * Table entries and the PBA take aligned 32- and 64-bit accesses; the
 * PBA reads 0: the device never keeps an interrupt pending.
 */
static enum mmio_result ivshmem_msix_mmio(void *arg,
					  struct mmio_access *access)
{
	struct ivshmem_endpoint *ive = arg;
	unsigned int offset = access->address, n;
	u64 value = 0;
	u32 *word;

	if ((access->size != 4 && access->size != 8) ||
	    offset & (access->size - 1)) {
		access->value = 0;
		return MMIO_HANDLED;
	}
	spin_lock(&ive->link->lock);
	for (n = 0; n < access->size; n += 4) {
		if (access->is_write) {
			msix_write(ive, offset + n,
				   (u64)access->value >> (n * 8));
		} else {
			word = msix_word(ive, offset + n);
			if (word)
				value |= (u64)*word << (n * 8);
		}
	}
	spin_unlock(&ive->link->lock);
	if (!access->is_write)
		access->value = (unsigned long)value;
	return MMIO_HANDLED;
}

/* ---- endpoint reset, links ------------------------------------------------------ */

/* Registers and config space as after power-on (BARs not decoded). */
static void init_registers(struct ivshmem_endpoint *ive)
{
	unsigned int vector;

	ive->int_ctrl = 0;
	ive->refused_reported = 0;
	cspace_reset(ive);
	memset(ive->msix, 0, sizeof(ive->msix));
	for (vector = 0; vector < IVSHMEM_MAX_MSIX_VECTORS; vector++)
		ive->msix[vector].ctrl = IVSHMEM_MSIX_CTRL_MASKED;
}

/* Reset with link lock held; the peers see the state entry drop to 0. */
static void endpoint_reset(struct ivshmem_endpoint *ive)
{
	unsigned int bar;

	set_state(ive, 0);
	for (bar = 0; bar < IVSHMEM_NUM_BARS; bar++)
		unregister_bar(ive, bar);
	init_registers(ive);
}

static void ivshmem_reset(struct pci_device *dev)
{
	struct ivshmem_endpoint *ive = dev->priv;

	spin_lock(&ive->link->lock);
	endpoint_reset(ive);
	spin_unlock(&ive->link->lock);
}

static const struct pci_device_ops ivshmem_ops = {
	.cfg_read = ivshmem_cfg_read,
	.cfg_write = ivshmem_cfg_write,
	.reset = ivshmem_reset,
};

static struct ivshmem_link *find_link(const struct pci_device *dev)
{
	u64 table = shmem_regions(dev)[REG_STATE_TABLE_INDEX].phys_start;
	struct ivshmem_link *link;

	for (link = links; link; link = link->next)
		if (link->domain == dev->info->domain &&
		    link->bdf == dev->info->bdf && link->shmem_phys == table)
			return link;
	return NULL;
}

static struct ivshmem_link *create_link(const struct pci_device *dev)
{
	const struct jailhouse_memory *table =
		&shmem_regions(dev)[REG_STATE_TABLE_INDEX];
	struct ivshmem_link *link;

	link = page_alloc(&mem_pool, PAGES(sizeof(*link)));
	if (!link)
		return NULL;
	link->state_table = paging_map_remap(table->phys_start & PAGE_MASK,
					     PAGE_SIZE, PAGE_DEFAULT_FLAGS);
	if (!link->state_table) {
		page_free(&mem_pool, link, PAGES(sizeof(*link)));
		return NULL;
	}
	link->state_table += (table->phys_start & PAGE_OFFS_MASK) / 4;
	link->domain = dev->info->domain;
	link->bdf = dev->info->bdf;
	link->shmem_phys = table->phys_start;
	link->max_peers = dev->info->shmem_peers;
	/* no peer is connected yet: nobody has a state */
	memset((void *)link->state_table, 0, link->max_peers * 4);
	link->next = links;
	links = link;
	return link;
}

static void release_link(struct ivshmem_link *link)
{
	struct ivshmem_link **pos;
	unsigned int id;

	for (id = 0; id < link->max_peers; id++)
		if (link->peer[id])
			return;
	for (pos = &links; *pos != link; pos = &(*pos)->next)
		;
	*pos = link->next;
	paging_unmap_remap((void *)((unsigned long)link->state_table &
				    PAGE_MASK), PAGE_SIZE);
	page_free(&mem_pool, link, PAGES(sizeof(*link)));
}

static void print_device_error(const struct pci_device *dev,
			       const char *what)
{
	printk("ERROR: cell \"%s\", ivshmem %04x:%02x:%02x.%x: %s\n",
	       dev->cell->config->name, dev->info->domain,
	       PCI_BUS(dev->info->bdf), PCI_DEV(dev->info->bdf),
	       PCI_FN(dev->info->bdf), what);
}

/* Join (or open) the link of @dev as peer shmem_dev_id. */
static int endpoint_connect(struct pci_device *dev,
			    struct ivshmem_endpoint *ive)
{
	struct ivshmem_link *link;
	int err = 0;

	spin_lock(&links_lock);
	link = find_link(dev);
	if (!link) {
		link = create_link(dev);
		if (!link)
			err = -ENOMEM;
	} else if (link->max_peers != dev->info->shmem_peers) {
		print_device_error(dev, "shmem_peers differs from the link's");
		err = -EINVAL;
	} else if (link->peer[dev->info->shmem_dev_id]) {
		print_device_error(dev, "shmem_dev_id taken by another cell of the link");
		err = -EBUSY;
	}
	if (!err) {
		ive->link = link;
		spin_lock(&link->lock);
		link->peer[ive->id] = ive;
		spin_unlock(&link->lock);
	}
	spin_unlock(&links_lock);
	return err;
}

static void endpoint_disconnect(struct ivshmem_endpoint *ive)
{
	struct ivshmem_link *link = ive->link;

	spin_lock(&links_lock);
	spin_lock(&link->lock);
	endpoint_reset(ive);
	link->peer[ive->id] = NULL;
	spin_unlock(&link->lock);
	release_link(link);
	spin_unlock(&links_lock);
}

static int endpoint_create(struct pci_device *dev)
{
	const struct jailhouse_pci_device *info = dev->info;
	struct ivshmem_endpoint *ive;
	unsigned int bar;
	int err;

	ive = page_alloc(&mem_pool, PAGES(sizeof(*ive)));
	if (!ive)
		return -ENOMEM;
	ive->device = dev;
	ive->id = info->shmem_dev_id;
	for (bar = 0; bar < IVSHMEM_NUM_BARS; bar++)
		if (info->bar_mask[bar])
			ive->bar_size[bar] = (u32)~info->bar_mask[bar] + 1;
	if (!ive->bar_size[0])
		print_device_error(dev, "bar_mask[0] 0: use JAILHOUSE_IVSHMEM_BAR_MASK_*");
	if (info->num_msix_vectors &&
	    ive->bar_size[1] < IVSHMEM_MSIX_REGION_SIZE)
		print_device_error(dev, "BAR1 too small for MSI-X: use _BAR_MASK_MSIX");

	init_registers(ive);

	err = endpoint_connect(dev, ive);
	if (err) {
		page_free(&mem_pool, ive, PAGES(sizeof(*ive)));
		return err;
	}
	dev->priv = ive;
	dev->ops = &ivshmem_ops;
	printk("Adding virtual PCI device %02x:%02x.%x to cell \"%s\"\n",
	       PCI_BUS(info->bdf), PCI_DEV(info->bdf), PCI_FN(info->bdf),
	       dev->cell->config->name);
	return 0;
}

static void endpoint_destroy(struct pci_device *dev)
{
	struct ivshmem_endpoint *ive = dev->priv;

	endpoint_disconnect(ive);
	dev->ops = NULL;
	dev->priv = NULL;
	page_free(&mem_pool, ive, PAGES(sizeof(*ive)));
}

/* ---- unit -------------------------------------------------------------------- */

static bool is_ivshmem(const struct pci_device *dev)
{
	return dev->info->type == JAILHOUSE_PCI_TYPE_IVSHMEM;
}

static void ivshmem_cell_exit(struct cell *cell)
{
	unsigned int n;

	for (n = 0; n < cell->num_pci_devices; n++)
		if (is_ivshmem(&cell->pci_devices[n]) &&
		    cell->pci_devices[n].priv)
			endpoint_destroy(&cell->pci_devices[n]);
}

static int ivshmem_cell_init(struct cell *cell)
{
	unsigned int n;
	int err;

	for (n = 0; n < cell->num_pci_devices; n++) {
		if (!is_ivshmem(&cell->pci_devices[n]))
			continue;
		err = endpoint_create(&cell->pci_devices[n]);
		if (err) {
			ivshmem_cell_exit(cell);
			return err;
		}
	}
	return 0;
}

static unsigned int ivshmem_mmio_count_regions(struct cell *cell)
{
	const struct jailhouse_pci_device *info =
		jailhouse_cell_pci_devices(cell->config);
	unsigned int n, count = 0;

	for (n = 0; n < cell->config->num_pci_devices; n++)
		if (info[n].type == JAILHOUSE_PCI_TYPE_IVSHMEM)
			count += IVSHMEM_NUM_BARS;
	return count;
}

static int ivshmem_init(void)
{
	links = NULL;
	return 0;
}

static void ivshmem_shutdown(void)
{
}

DEFINE_UNIT(ivshmem);
