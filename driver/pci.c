// SPDX-License-Identifier: GPL-2.0
/*
 * jailhouse.ko: the root cell's virtual PCI devices (ivshmem) in Linux's
 * PCI tree.
 *
 * The hypervisor emulates the config space of the virtual devices listed in
 * the root cell's config. Linux only sees them once it looks again:
 *
 * - Devices on a physical bus (x86: 0xcf8/0xcfc or MMCONFIG) appear by
 *   rescanning that bus after enable; they are removed before disable.
 * - A system config with pci_is_virtual describes a virtual ECAM host that
 *   Linux has never heard of (ARM: no DT overlays on the stock kernel).
 *   The driver registers a host bridge of its own for it: config reads and
 *   writes go to the ECAM window (they trap into the hypervisor), BARs are
 *   placed in the 1 MiB right after the ECAM window, and INTx pin n of a
 *   device is GIC SPI vpci_irq_base + n - 1 (INTID 32 + vpci_irq_base +
 *   n - 1). The bridge and its bus go away before disable.
 *
 * Failing here never fails the enable: the hypervisor already runs, only
 * the virtual devices are missing, and the log says why.
 */
#define pr_fmt(fmt) "jailhouse: " fmt

#include <linux/io.h>
#include <linux/ioport.h>
#include <linux/irq.h>
#include <linux/irqdomain.h>
#include <linux/of.h>
#include <linux/of_irq.h>
#include <linux/pci.h>
#include <linux/sizes.h>

#include "driver.h"

#define ECAM_BUS_SHIFT		20
#define ECAM_DEVFN_SHIFT	12
#define VPCI_WINDOW_SIZE	SZ_1M
#define VPCI_MAX_PINS		4

/* GIC device tree binding: 3 cells, type SPI = 0 */
#define GIC_FWSPEC_CELLS	3
#define GIC_FWSPEC_SPI		0

struct jh_vpci {
	struct pci_host_bridge *bridge;
	void __iomem *ecam;
	struct resource ecam_res;
	struct resource window;
	struct resource busn;
	u8 end_bus;
	u32 irq_base;			/* root cell's vpci_irq_base */
	struct fwnode_handle *gic;
	unsigned int virq[VPCI_MAX_PINS];	/* mappings we created */
};

static struct jh_vpci vpci;
static bool rescanned;

static const struct jailhouse_pci_device *root_pci_devices(unsigned int *num)
{
	*num = jh.system->root_cell.num_pci_devices;
	return jailhouse_cell_pci_devices(&jh.system->root_cell);
}

static bool is_virtual_host(void)
{
	return jh.system->platform_info.pci_is_virtual &&
		jh.system->platform_info.pci_mmconfig_base;
}

/* x86: the devices sit on physical buses; rescan the buses they are on. */
static void rescan_physical_buses(void)
{
	const struct jailhouse_pci_device *dev;
	unsigned int n, num;
	struct pci_bus *bus;

	dev = root_pci_devices(&num);
	pci_lock_rescan_remove();
	for (n = 0; n < num; n++) {
		if (dev[n].type != JAILHOUSE_PCI_TYPE_IVSHMEM)
			continue;
		bus = pci_find_bus(dev[n].domain, PCI_BUS_NUM(dev[n].bdf));
		if (!bus) {
			pr_warn("No PCI bus %04x:%02x for virtual device %02x.%x\n",
				dev[n].domain, PCI_BUS_NUM(dev[n].bdf),
				PCI_SLOT(dev[n].bdf), PCI_FUNC(dev[n].bdf));
			continue;
		}
		pci_rescan_bus(bus);
		rescanned = true;
	}
	pci_unlock_rescan_remove();
}

static void remove_physical_bus_devices(void)
{
	const struct jailhouse_pci_device *dev;
	struct pci_dev *pdev;
	unsigned int n, num;

	dev = root_pci_devices(&num);
	for (n = 0; n < num; n++) {
		if (dev[n].type != JAILHOUSE_PCI_TYPE_IVSHMEM)
			continue;
		pdev = pci_get_domain_bus_and_slot(dev[n].domain,
						   PCI_BUS_NUM(dev[n].bdf),
						   dev[n].bdf & 0xff);
		if (!pdev)
			continue;
		pci_stop_and_remove_bus_device_locked(pdev);
		pci_dev_put(pdev);
	}
	rescanned = false;
}

static void __iomem *vpci_map_bus(struct pci_bus *bus, unsigned int devfn,
				  int where)
{
	if (bus->number > vpci.end_bus)
		return NULL;
	return vpci.ecam + ((bus->number << ECAM_BUS_SHIFT) |
			    (devfn << ECAM_DEVFN_SHIFT) | where);
}

static struct pci_ops vpci_ops = {
	.map_bus = vpci_map_bus,
	.read = pci_generic_config_read,
	.write = pci_generic_config_write,
};

#ifdef CONFIG_OF
/* The interrupt controller Linux routes device interrupts to (the GIC). */
static struct fwnode_handle *find_gic(void)
{
	struct device_node *np;
	u32 cells;

	np = of_root ? of_irq_find_parent(of_root) : NULL;
	if (!np)
		return NULL;
	if (of_property_read_u32(np, "#interrupt-cells", &cells) ||
	    cells != GIC_FWSPEC_CELLS) {
		pr_warn("Interrupt controller %pOF does not use the GIC binding; virtual PCI devices get no INTx\n",
			np);
		of_node_put(np);
		return NULL;
	}
	return of_node_to_fwnode(np);	/* keeps the reference */
}

static void put_gic(struct fwnode_handle *gic)
{
	of_node_put(to_of_node(gic));
}
#else
static struct fwnode_handle *find_gic(void)
{
	pr_warn("No device tree: virtual PCI devices get no INTx\n");
	return NULL;
}

static void put_gic(struct fwnode_handle *gic)
{
}
#endif

static int vpci_map_irq(const struct pci_dev *dev, u8 slot, u8 pin)
{
	struct irq_fwspec spec = {
		.fwnode = vpci.gic,
		.param_count = GIC_FWSPEC_CELLS,
	};
	unsigned int virq;

	if (!vpci.gic || pin < 1 || pin > VPCI_MAX_PINS)
		return 0;
	spec.param[0] = GIC_FWSPEC_SPI;
	spec.param[1] = vpci.irq_base + pin - 1;
	/* a doorbell is an event, not a level the guest could clear */
	spec.param[2] = IRQ_TYPE_EDGE_RISING;
	virq = irq_create_fwspec_mapping(&spec);
	if (!virq) {
		pci_err(dev, "Cannot map INTx (GIC SPI %u)\n", spec.param[1]);
		return 0;
	}
	vpci.virq[pin - 1] = virq;
	return virq;
}

static void vpci_release_resources(void)
{
	unsigned int n;

	for (n = 0; n < VPCI_MAX_PINS; n++) {
		if (vpci.virq[n])
			irq_dispose_mapping(vpci.virq[n]);
		vpci.virq[n] = 0;
	}
	if (vpci.gic)
		put_gic(vpci.gic);
	if (vpci.window.parent)
		release_resource(&vpci.window);
	if (vpci.ecam)
		iounmap(vpci.ecam);
	if (vpci.ecam_res.parent)
		release_resource(&vpci.ecam_res);
	memset(&vpci, 0, sizeof(vpci));
}

static int vpci_claim_windows(void)
{
	const struct jailhouse_system *sys = jh.system;
	u64 base = sys->platform_info.pci_mmconfig_base;
	u64 size = ((u64)sys->platform_info.pci_mmconfig_end_bus + 1)
		<< ECAM_BUS_SHIFT;
	int err;

	vpci.end_bus = sys->platform_info.pci_mmconfig_end_bus;
	vpci.irq_base = sys->root_cell.vpci_irq_base;

	/*
	 * Listed in /proc/iomem but not marked busy: /dev/mem may still
	 * inspect the emulated config space (IO_STRICT_DEVMEM).
	 */
	vpci.ecam_res.name = "jailhouse vPCI ECAM";
	vpci.ecam_res.start = base;
	vpci.ecam_res.end = base + size - 1;
	vpci.ecam_res.flags = IORESOURCE_MEM;
	err = request_resource(&iomem_resource, &vpci.ecam_res);
	if (err) {
		pr_err("Virtual PCI ECAM window %pR is in use\n",
		       &vpci.ecam_res);
		return err;
	}
	vpci.ecam = ioremap(base, size);
	if (!vpci.ecam)
		return -ENOMEM;

	vpci.window.name = "jailhouse vPCI";
	vpci.window.start = base + size;
	vpci.window.end = base + size + VPCI_WINDOW_SIZE - 1;
	vpci.window.flags = IORESOURCE_MEM;
	err = request_resource(&iomem_resource, &vpci.window);
	if (err) {
		pr_err("Virtual PCI BAR window %pR is in use\n", &vpci.window);
		return err;
	}

	vpci.busn.name = "jailhouse vPCI";
	vpci.busn.start = 0;
	vpci.busn.end = vpci.end_bus;
	vpci.busn.flags = IORESOURCE_BUS;
	return 0;
}

static int add_virtual_host(void)
{
	struct pci_host_bridge *bridge;
	int err;

	err = vpci_claim_windows();
	if (err)
		goto release;
	vpci.gic = find_gic();

	err = -ENOMEM;
	bridge = pci_alloc_host_bridge(0);
	if (!bridge)
		goto release;
	bridge->dev.parent = jh.dev;
	bridge->sysdata = &vpci;
	bridge->ops = &vpci_ops;
	bridge->busnr = 0;
	bridge->domain_nr = jh.system->platform_info.pci_domain;
	bridge->map_irq = vpci_map_irq;
	bridge->swizzle_irq = pci_common_swizzle;
	pci_add_resource(&bridge->windows, &vpci.window);
	pci_add_resource(&bridge->windows, &vpci.busn);

	err = pci_host_probe(bridge);
	if (err) {
		pci_free_host_bridge(bridge);
		goto release;
	}
	vpci.bridge = bridge;
	pr_info("Virtual PCI host %04x:%02x added (ECAM %pR, BARs %pR)\n",
		bridge->domain_nr, bridge->busnr, &vpci.ecam_res, &vpci.window);
	return 0;

release:
	vpci_release_resources();
	return err;
}

static void remove_virtual_host(void)
{
	struct pci_host_bridge *bridge = vpci.bridge;

	if (!bridge)
		return;
	pci_lock_rescan_remove();
	pci_stop_root_bus(bridge->bus);
	pci_remove_root_bus(bridge->bus);
	pci_unlock_rescan_remove();
	pci_free_host_bridge(bridge);
	vpci_release_resources();
	pr_info("Virtual PCI host removed\n");
}

static unsigned int count_virtual_devices(void)
{
	const struct jailhouse_pci_device *dev;
	unsigned int n, num, count = 0;

	dev = root_pci_devices(&num);
	for (n = 0; n < num; n++)
		if (dev[n].type == JAILHOUSE_PCI_TYPE_IVSHMEM)
			count++;
	return count;
}

void jh_pci_virtual_add(void)
{
	int err;

	if (!count_virtual_devices())
		return;
	if (!is_virtual_host()) {
		rescan_physical_buses();
		return;
	}
	err = add_virtual_host();
	if (err)
		pr_err("Virtual PCI devices not available: %pe (%d)\n",
		       ERR_PTR(err), err);
}

void jh_pci_virtual_remove(void)
{
	if (vpci.bridge)
		remove_virtual_host();
	else if (rescanned)
		remove_physical_bus_devices();
}
