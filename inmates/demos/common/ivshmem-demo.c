// SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause)
/*
 * ivshmem-demo (x86 and ARM): talks to its peers over an ivshmem v2 device
 * with the undefined protocol (class/revision 0xff000000).
 *
 * It announces itself with State = ID + 1, then once a second bumps its
 * counter, stores it in rw[ID] and in the first word of its output
 * section, and rings the doorbell of the target peer. Every interrupt it
 * receives is printed together with the first state, R/W and input words.
 *
 * Parameters: irq_base (x86: first MSI-X vector, default 32; ARM: INTID of
 * INTx pin A or of MSI-X vector 0, default 32 + vpci_irq_base), target
 * (peer to ring, default (ID + 1) mod max peers), device (which of the
 * cell's devices with the undefined protocol to drive, from 0 in bus
 * order; default 0).
 *
 * With "echo" on the command line it answers instead of ringing: on an
 * interrupt that finds a new value in the first word of the target's
 * output section (the peer's sequence number), it copies that value into
 * the first word of its own output section and rings the target back at
 * once, printing nothing, so the peer can time round trips
 * (tools/ivshmem "ping ... -e"). Interrupts without a new sequence number
 * (state changes of peers) get no answer. A count of the answers is
 * printed every ECHO_REPORT_EVERY answers.
 *
 * With "ping=N" it is the other end: N times it stores a new sequence
 * number in its output section, rings the target and waits (at most
 * PING_TIMEOUT_MS) until an interrupt finds that number in the target's
 * output section, then prints the round-trip times measured with its own
 * timer; then it stays quiet (no periodic doorbells).
 */
#include <inmate.h>
#include <jailhouse/ivshmem.h>

#define IVSHMEM_CLASS_REV_UNDEFINED	0xff000000
#define IVSHMEM_BAR0_ADDR		0xff000000UL
#define IVSHMEM_BAR1_ADDR		0xff001000UL
#define PCI_CAP_VNDR			0x09
#define DUMP_ENTRIES			3
#define ECHO_REPORT_EVERY		100
#define PING_TIMEOUT_MS			1000

struct ivshmem {
	u16 bdf;
	unsigned long regs;
	u32 id;
	u32 peers;
	volatile u32 *state_table;
	volatile u32 *rw;
	u64 rw_size;
	unsigned long input;
	u64 output_size;
	volatile u32 *output;
	bool msix;
	unsigned int irq_base;
};

static struct ivshmem dev;
static unsigned int irqs_received;
static bool echo_mode;
static unsigned int echo_target;
static u32 echo_last_seq;
static bool ping_mode;
static volatile u32 ping_seq;
static volatile bool ping_answered;

static u64 config_read64(u16 bdf, unsigned int addr)
{
	return pci_read_config(bdf, addr, 4) |
		(u64)pci_read_config(bdf, addr + 4, 4) << 32;
}

/* the index-th (from 0) device with the undefined protocol */
static int find_ivshmem(unsigned int index)
{
	int bdf = -1;
	u32 class_rev;

	for (;;) {
		bdf = pci_find_device(IVSHMEM_VENDOR_ID, IVSHMEM_DEVICE_ID,
				      bdf + 1);
		if (bdf < 0)
			return -1;
		class_rev = pci_read_config(bdf, PCI_CFG_CLASS_REV, 4);
		if (class_rev != IVSHMEM_CLASS_REV_UNDEFINED)
			printk("IVSHMEM: skipping %02x:%02x.%x, class/revision 0x%08x is not the undefined protocol\n",
			       PCI_BUS(bdf), PCI_DEV(bdf), PCI_FN(bdf),
			       class_rev);
		else if (index-- == 0)
			return bdf;
	}
}

static void map_bars(void)
{
	pci_write_config(dev.bdf, PCI_CFG_BAR, IVSHMEM_BAR0_ADDR, 4);
	printk("IVSHMEM: bar0 is at %p\n", (void *)IVSHMEM_BAR0_ADDR);
	dev.regs = IVSHMEM_BAR0_ADDR;

	if (dev.msix) {
		pci_write_config(dev.bdf, PCI_CFG_BAR + 4, IVSHMEM_BAR1_ADDR,
				 4);
		printk("IVSHMEM: bar1 is at %p\n", (void *)IVSHMEM_BAR1_ADDR);
	}
	pci_write_config(dev.bdf, PCI_CFG_COMMAND,
			 PCI_CMD_MEM | PCI_CMD_MASTER, 2);
}

static void locate_shared_memory(void)
{
	unsigned int cap = pci_find_cap(dev.bdf, PCI_CAP_VNDR);
	u32 state_size;
	u64 base;

	state_size = pci_read_config(dev.bdf, cap + IVSHMEM_VNDR_STATE_TAB_SZ,
				     4);
	dev.rw_size = config_read64(dev.bdf,
				    cap + IVSHMEM_VNDR_RW_SECTION_SZ);
	dev.output_size = config_read64(dev.bdf,
					cap + IVSHMEM_VNDR_OUTPUT_SECTION_SZ);
	base = config_read64(dev.bdf, cap + IVSHMEM_VNDR_ADDRESS);

	dev.state_table = (volatile u32 *)(unsigned long)base;
	dev.rw = (volatile u32 *)(unsigned long)(base + state_size);
	dev.input = (unsigned long)(base + state_size + dev.rw_size);
	dev.output = (volatile u32 *)(dev.input +
				      (unsigned long)(dev.id * dev.output_size));

	/* cached, like the peers see it */
	if (map_range(base, state_size + dev.rw_size +
		      dev.peers * dev.output_size, MAP_CACHED))
		printk("IVSHMEM: shared memory above 4 GiB is not mapped\n");

	printk("IVSHMEM: state table is at %p\n", dev.state_table);
	printk("IVSHMEM: R/W section is at %p\n", dev.rw);
	printk("IVSHMEM: input sections start at %p\n", (void *)dev.input);
	printk("IVSHMEM: output section is at %p\n", dev.output);
}

static void dump_shared_memory(void)
{
	unsigned long offset;
	unsigned int i;

	for (i = 0; i < DUMP_ENTRIES; i++)
		printk("state[%d] = %d\n", i, dev.state_table[i]);
	for (i = 0; i < DUMP_ENTRIES && (i + 1) * 4 <= dev.rw_size; i++)
		printk("rw[%d] = %d\n", i, dev.rw[i]);
	for (i = 0; i < DUMP_ENTRIES && i < dev.peers; i++) {
		offset = (unsigned long)(i * dev.output_size);
		printk("in@0x%04lx = %d\n", offset,
		       *(volatile u32 *)(dev.input + offset));
	}
}

static unsigned int doorbell_vector(void)
{
	return dev.msix ? dev.id + 1 : 0;
}

/* the doorbell; the data it announces must be written before */
static void ring_peer(unsigned int target)
{
	mmio_write32(dev.regs + IVSHMEM_REG_DOORBELL,
		     IVSHMEM_DOORBELL(target, doorbell_vector()));
}

static u32 echo_peer_seq(void)
{
	unsigned long offset = (unsigned long)(echo_target * dev.output_size);

	return *(volatile u32 *)(dev.input + offset);
}

/* interrupt context: answer the target with its own sequence number */
static void echo_back(void)
{
	u32 seq = echo_peer_seq();

	if (seq == echo_last_seq)
		return;
	echo_last_seq = seq;
	dev.output[0] = seq;
	memory_barrier();
	ring_peer(echo_target);
	if (++irqs_received % ECHO_REPORT_EVERY == 0)
		printk("IVSHMEM: echoed %d\n", irqs_received);
}

static void handle_irq(unsigned int irq)
{
	if (echo_mode) {
		echo_back();
		return;
	}
	if (ping_mode) {
		if (echo_peer_seq() == ping_seq)
			ping_answered = true;
		return;
	}
	irqs_received++;
	printk("\nIVSHMEM: got interrupt %d (#%d)\n", irq - dev.irq_base,
	       irqs_received);
	dump_shared_memory();
}

static void setup_interrupts(void)
{
	unsigned int cap = pci_find_cap(dev.bdf, PCI_CAP_MSIX);
	unsigned int vectors, i, pin;

	irq_init(handle_irq);
	if (dev.msix) {
		vectors = (pci_read_config(dev.bdf, cap + PCI_CFG_MSIX_CTRL,
					   2) & 0x7ff) + 1;
		for (i = 0; i < vectors; i++) {
			pci_msix_set_vector(dev.bdf, dev.irq_base + i, i);
			irq_enable(dev.irq_base + i);
		}
	} else {
		/* INTx: irq_base is pin A's interrupt */
		pin = pci_read_config(dev.bdf, PCI_CFG_INT_PIN, 1);
		dev.irq_base += pin > 0 ? pin - 1 : 0;
		irq_enable(dev.irq_base);
	}
	mmio_write32(dev.regs + IVSHMEM_REG_INT_CTRL, IVSHMEM_INT_ENABLE);
	irqs_enable();
}

static void send_doorbell(unsigned int target, unsigned int *sent)
{
	unsigned int vector = doorbell_vector();

	(*sent)++;
	dev.rw[dev.id] = *sent;
	dev.output[0] = *sent;
	memory_barrier();

	/* keep the handler's lines from interleaving with ours */
	irqs_disable();
	printk("\nIVSHMEM: sending IRQ %d to peer %d\n", vector, target);
	irqs_enable();
	ring_peer(target);
}

/* one round trip in ns, or -1 without an answer in time */
static long long ping_once(void)
{
	u64 start, deadline;

	ping_answered = false;
	ping_seq++;
	dev.output[0] = ping_seq;
	memory_barrier();
	start = timer_ticks();
	deadline = start + timer_ns_to_ticks(PING_TIMEOUT_MS * 1000000ULL);
	ring_peer(echo_target);
	while (!ping_answered)
		if ((long long)(timer_ticks() - deadline) >= 0)
			return -1;
	return timer_ticks_diff_ns(timer_ticks(), start);
}

static void ping_peer(unsigned int count)
{
	long long t, total = 0, best = -1, worst = 0;
	unsigned int i, lost = 0;

	/* far from anything the peer holds now */
	ping_seq = echo_peer_seq() + 0x10000;
	ping_mode = true;
	for (i = 0; i < count; i++) {
		t = ping_once();
		if (t < 0) {
			lost++;
			continue;
		}
		total += t;
		best = best < 0 || t < best ? t : best;
		worst = t > worst ? t : worst;
	}
	ping_mode = false;
	if (count > lost)
		total /= count - lost;
	printk("IVSHMEM: ping peer %d: %d round trips, %d lost, average %lld ns, min %lld ns, max %lld ns\n",
	       echo_target, count - lost, lost, total, best, worst);
}

void inmate_main(void)
{
	unsigned int target, sent = 0;
	bool periodic;
	int bdf;
	u64 next;

	bdf = find_ivshmem(cmdline_parse_int("device", 0));
	if (bdf < 0) {
		printk("IVSHMEM: no device found\n");
		return;
	}
	dev.bdf = bdf;
	printk("IVSHMEM: Found device at %02x:%02x.%x\n", PCI_BUS(bdf),
	       PCI_DEV(bdf), PCI_FN(bdf));

	dev.msix = pci_find_cap(dev.bdf, PCI_CAP_MSIX) != 0;
	dev.irq_base = cmdline_parse_int("irq_base", pci_irq_base());
	map_bars();

	dev.id = mmio_read32(dev.regs + IVSHMEM_REG_ID);
	dev.peers = mmio_read32(dev.regs + IVSHMEM_REG_MAX_PEERS);
	printk("IVSHMEM: ID is %d\n", dev.id);
	printk("IVSHMEM: max. peers is %d\n", dev.peers);
	if (dev.peers == 0) {
		printk("IVSHMEM: device reports no peers\n");
		return;
	}
	locate_shared_memory();

	target = cmdline_parse_int("target", (dev.id + 1) % dev.peers);
	echo_target = target;
	echo_mode = cmdline_parse_bool("echo", false);
	if (echo_mode) {
		echo_last_seq = echo_peer_seq();
		printk("IVSHMEM: echo mode, answering peer %d\n", target);
	}

	setup_interrupts();
	mmio_write32(dev.regs + IVSHMEM_REG_STATE, dev.id + 1);
	printk("IVSHMEM: initialized device\n");

	timer_init();
	/* a pinging demo rings nobody afterwards: its exits stay countable */
	periodic = !echo_mode && cmdline_parse_int("ping", 0) <= 0;
	if (!echo_mode && !periodic)
		ping_peer(cmdline_parse_int("ping", 0));
	next = timer_ticks();
	for (;;) {
		comm_region_service();
		if (periodic && (long long)(timer_ticks() - next) >= 0) {
			send_doorbell(target, &sent);
			next += timer_ns_to_ticks(NS_PER_SEC);
		}
		delay_us(1000);
	}
}
