// SPDX-License-Identifier: GPL-2.0
/*
 * uio_ivshmem: userspace access to ivshmem v2 devices (110a:4106) through
 * UIO.
 *
 * Maps (mmap offset = map index * page size):
 *   0 registers       BAR0, read/write, uncached
 *   1 state_table     one u32 per peer, read-only
 *   2 rw_section      shared by all peers, read/write
 *   3 input_sections  the output sections of all peers, read-only
 *   4 output_section  this peer's own output section, read/write
 * Read-only maps refuse PROT_WRITE and cannot be made writable later; the
 * hypervisor enforces the same permissions in the second-stage page
 * tables, so a write that got through would fault the cell.
 *
 * Interrupts: every MSI-X vector the device offers (else INTx) counts as
 * one UIO event; read() on /dev/uioN waits for the next, write() of a
 * 32-bit 1 or 0 sets or clears the device's interrupt enable. The enable is
 * set at probe, so events (doorbells and peers' state changes) are counted
 * from the start.
 */
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/slab.h>
#include <linux/uio_driver.h>

#include <jailhouse/ivshmem.h>

#define DRV_NAME	"uio_ivshmem"
#define DRV_VERSION	"1"

enum ivshm_map {
	MAP_REGISTERS,
	MAP_STATE_TABLE,
	MAP_RW_SECTION,
	MAP_INPUT_SECTIONS,
	MAP_OUTPUT_SECTION,
};

/* Shared memory as the vendor capability (or BAR2) describes it */
struct ivshm_layout {
	phys_addr_t base;
	u32 state_table_size;
	u64 rw_size;
	u64 output_size;
};

struct ivshm_dev {
	struct uio_info info;
	struct pci_dev *pdev;
	void __iomem *regs;
	u32 id;
	u32 peers;
	unsigned int num_irqs;
	bool irqs_requested;
	char irq_name[32];
};

static bool map_is_read_only(unsigned long index)
{
	return index == MAP_STATE_TABLE || index == MAP_INPUT_SECTIONS;
}

static int ivshm_mmap(struct uio_info *info, struct vm_area_struct *vma)
{
	unsigned long index = vma->vm_pgoff;
	struct uio_mem *mem = &info->mem[index];

	/* the UIO core checked index and length against the map */
	if (map_is_read_only(index)) {
		if (vma->vm_flags & VM_WRITE)
			return -EPERM;
		vma->vm_flags &= ~VM_MAYWRITE;
	}
	if (index == MAP_REGISTERS)
		vma->vm_page_prot = pgprot_noncached(vma->vm_page_prot);
	/* shared memory is RAM that every peer maps cached */

	return remap_pfn_range(vma, vma->vm_start, mem->addr >> PAGE_SHIFT,
			       vma->vm_end - vma->vm_start,
			       vma->vm_page_prot);
}

static int ivshm_irqcontrol(struct uio_info *info, s32 on)
{
	struct ivshm_dev *ivd = info->priv;

	writel(on ? IVSHMEM_INT_ENABLE : 0,
	       ivd->regs + IVSHMEM_REG_INT_CTRL);
	return 0;
}

static irqreturn_t ivshm_interrupt(int irq, void *data)
{
	struct ivshm_dev *ivd = data;

	/*
	 * No status register: with INTx on a shared line every device on it
	 * counts the event; the peers' data tells what happened.
	 */
	uio_event_notify(&ivd->info);
	return IRQ_HANDLED;
}

static u64 read_config64(struct pci_dev *pdev, int where)
{
	u32 lo, hi;

	pci_read_config_dword(pdev, where, &lo);
	pci_read_config_dword(pdev, where + 4, &hi);
	return (u64)hi << 32 | lo;
}

static int read_layout(struct pci_dev *pdev, struct ivshm_layout *layout)
{
	int cap = pci_find_capability(pdev, PCI_CAP_ID_VNDR);
	u8 length;

	if (!cap) {
		pci_err(pdev, "No vendor capability: not an ivshmem v2 device\n");
		return -ENODEV;
	}
	pci_read_config_byte(pdev, cap + IVSHMEM_VNDR_LENGTH, &length);
	pci_read_config_dword(pdev, cap + IVSHMEM_VNDR_STATE_TAB_SZ,
			      &layout->state_table_size);
	layout->rw_size = read_config64(pdev, cap + IVSHMEM_VNDR_RW_SECTION_SZ);
	layout->output_size =
		read_config64(pdev, cap + IVSHMEM_VNDR_OUTPUT_SECTION_SZ);

	if (length >= IVSHMEM_VNDR_LEN_WITH_ADDR) {
		layout->base = read_config64(pdev, cap + IVSHMEM_VNDR_ADDRESS);
	} else if (pci_resource_len(pdev, 2)) {
		layout->base = pci_resource_start(pdev, 2);
	} else {
		pci_err(pdev, "Shared memory address neither in the vendor capability nor in BAR2\n");
		return -ENODEV;
	}
	return 0;
}

/* UIO maps whole pages: every section must start and end on one. */
static int check_layout(struct ivshm_dev *ivd,
			const struct ivshm_layout *layout)
{
	struct pci_dev *pdev = ivd->pdev;

	if (ivd->peers == 0 || ivd->peers > IVSHMEM_MAX_PEERS ||
	    ivd->id >= ivd->peers) {
		pci_err(pdev, "Invalid ID %u / maximum peers %u\n", ivd->id,
			ivd->peers);
		return -EINVAL;
	}
	if (!PAGE_ALIGNED(layout->base) ||
	    !PAGE_ALIGNED(layout->state_table_size) ||
	    !PAGE_ALIGNED(layout->rw_size) ||
	    !PAGE_ALIGNED(layout->output_size) ||
	    !layout->state_table_size || !layout->output_size) {
		pci_err(pdev, "Shared memory at %pa (state table 0x%x, R/W 0x%llx, output 0x%llx) is not made of whole pages\n",
			&layout->base, layout->state_table_size,
			layout->rw_size, layout->output_size);
		return -EINVAL;
	}
	return 0;
}

static void set_map(struct uio_mem *mem, const char *name, phys_addr_t addr,
		    resource_size_t size)
{
	mem->name = name;
	mem->addr = addr;
	mem->size = size;
	mem->memtype = UIO_MEM_PHYS;
}

/* Without an R/W section map 2 is empty (size 0); maps 3 and 4 remain. */
static void setup_maps(struct ivshm_dev *ivd,
		       const struct ivshm_layout *layout)
{
	struct uio_mem *mem = ivd->info.mem;
	phys_addr_t rw = layout->base + layout->state_table_size;
	phys_addr_t input = rw + layout->rw_size;

	set_map(&mem[MAP_REGISTERS], "registers",
		pci_resource_start(ivd->pdev, 0), IVSHMEM_REG_SIZE);
	set_map(&mem[MAP_STATE_TABLE], "state_table", layout->base,
		layout->state_table_size);
	set_map(&mem[MAP_RW_SECTION], "rw_section", rw, layout->rw_size);
	set_map(&mem[MAP_INPUT_SECTIONS], "input_sections", input,
		ivd->peers * layout->output_size);
	set_map(&mem[MAP_OUTPUT_SECTION], "output_section",
		input + ivd->id * layout->output_size, layout->output_size);
}

/* All MSI-X vectors, else INTx; none is not fatal (polling still works). */
static void alloc_irq_vectors(struct ivshm_dev *ivd)
{
	struct pci_dev *pdev = ivd->pdev;
	int vectors = pci_msix_vec_count(pdev);
	int n = -ENODEV;

	if (vectors > 0)
		n = pci_alloc_irq_vectors(pdev, 1, vectors, PCI_IRQ_MSIX);
	if (n < 0 && pdev->irq)
		n = pci_alloc_irq_vectors(pdev, 1, 1, PCI_IRQ_LEGACY);
	if (n < 0) {
		pci_warn(pdev, "No interrupt (MSI-X or INTx): read() on the UIO device will fail\n");
		ivd->info.irq = UIO_IRQ_NONE;
		return;
	}
	ivd->num_irqs = n;
	ivd->info.irq = UIO_IRQ_CUSTOM;
	ivd->info.irqcontrol = ivshm_irqcontrol;
}

static void free_irqs(struct ivshm_dev *ivd, unsigned int count)
{
	while (count--)
		free_irq(pci_irq_vector(ivd->pdev, count), ivd);
}

static int request_irqs(struct ivshm_dev *ivd)
{
	struct pci_dev *pdev = ivd->pdev;
	unsigned long flags = pdev->msix_enabled ? 0 : IRQF_SHARED;
	unsigned int n;
	int err;

	snprintf(ivd->irq_name, sizeof(ivd->irq_name), DRV_NAME "[%s]",
		 pci_name(pdev));
	for (n = 0; n < ivd->num_irqs; n++) {
		err = request_irq(pci_irq_vector(pdev, n), ivshm_interrupt,
				  flags, ivd->irq_name, ivd);
		if (err) {
			free_irqs(ivd, n);
			return err;
		}
	}
	ivd->irqs_requested = ivd->num_irqs > 0;
	return 0;
}

static void report(struct ivshm_dev *ivd, const struct ivshm_layout *layout)
{
	struct pci_dev *pdev = ivd->pdev;

	pci_info(pdev, "ivshmem v2: ID %u of %u peers, protocol 0x%04x, shared memory at %pa (state table 0x%x, R/W 0x%llx, output sections 0x%llx), %u %s interrupt(s)\n",
		 ivd->id, ivd->peers, pdev->class & 0xffff, &layout->base,
		 layout->state_table_size, layout->rw_size,
		 layout->output_size, ivd->num_irqs,
		 pdev->msix_enabled ? "MSI-X" : "INTx");
}

static int ivshm_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct ivshm_layout layout;
	struct ivshm_dev *ivd;
	int err;

	ivd = kzalloc(sizeof(*ivd), GFP_KERNEL);
	if (!ivd)
		return -ENOMEM;
	ivd->pdev = pdev;
	pci_set_drvdata(pdev, ivd);

	err = pci_enable_device(pdev);
	if (err)
		goto free;
	err = pci_request_regions(pdev, DRV_NAME);
	if (err)
		goto disable;
	err = -ENOMEM;
	ivd->regs = pci_ioremap_bar(pdev, 0);
	if (!ivd->regs)
		goto release;

	ivd->id = readl(ivd->regs + IVSHMEM_REG_ID);
	ivd->peers = readl(ivd->regs + IVSHMEM_REG_MAX_PEERS);
	err = read_layout(pdev, &layout);
	if (err)
		goto unmap;
	err = check_layout(ivd, &layout);
	if (err)
		goto unmap;

	ivd->info.name = DRV_NAME;
	ivd->info.version = DRV_VERSION;
	ivd->info.priv = ivd;
	ivd->info.mmap = ivshm_mmap;
	setup_maps(ivd, &layout);

	alloc_irq_vectors(ivd);
	pci_set_master(pdev);	/* MSI-X messages are bus-master writes */

	err = uio_register_device(&pdev->dev, &ivd->info);
	if (err)
		goto free_vectors;
	/* the handler notifies the UIO device: request after registering */
	err = request_irqs(ivd);
	if (err)
		goto unregister;
	if (ivd->irqs_requested)
		ivshm_irqcontrol(&ivd->info, 1);

	report(ivd, &layout);
	return 0;

unregister:
	uio_unregister_device(&ivd->info);
free_vectors:
	pci_clear_master(pdev);
	if (ivd->num_irqs)
		pci_free_irq_vectors(pdev);
unmap:
	iounmap(ivd->regs);
release:
	pci_release_regions(pdev);
disable:
	pci_disable_device(pdev);
free:
	kfree(ivd);
	return err;
}

static void ivshm_remove(struct pci_dev *pdev)
{
	struct ivshm_dev *ivd = pci_get_drvdata(pdev);

	writel(0, ivd->regs + IVSHMEM_REG_INT_CTRL);
	if (ivd->irqs_requested)
		free_irqs(ivd, ivd->num_irqs);
	uio_unregister_device(&ivd->info);
	pci_clear_master(pdev);
	if (ivd->num_irqs)
		pci_free_irq_vectors(pdev);
	iounmap(ivd->regs);
	pci_release_regions(pdev);
	pci_disable_device(pdev);
	kfree(ivd);
}

/* Every ivshmem v2 device: class 0xff, any protocol */
static const struct pci_device_id ivshm_ids[] = {
	{
		PCI_DEVICE(IVSHMEM_VENDOR_ID, IVSHMEM_DEVICE_ID),
		.class = IVSHMEM_CLASS_BASE << 16,
		.class_mask = 0xff0000,
	},
	{ }
};
MODULE_DEVICE_TABLE(pci, ivshm_ids);

static struct pci_driver ivshm_driver = {
	.name = DRV_NAME,
	.id_table = ivshm_ids,
	.probe = ivshm_probe,
	.remove = ivshm_remove,
};
module_pci_driver(ivshm_driver);

MODULE_DESCRIPTION("UIO driver for ivshmem v2 shared-memory devices");
MODULE_LICENSE("GPL");
MODULE_VERSION(DRV_VERSION);
