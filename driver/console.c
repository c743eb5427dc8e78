// SPDX-License-Identifier: GPL-2.0
/*
 * The hypervisor console ring (read() on /dev/jailhouse and the sysfs
 * "console" file) and the snapshot behind /sys/devices/jailhouse/core.
 *
 * While the hypervisor memory is mapped, readers copy from the live ring
 * that the hypervisor writes. When the driver drops the mapping (disable,
 * failed enable) it keeps a copy of the ring, so that the messages of a
 * failed start stay readable with `jailhouse console`.
 */
#define pr_fmt(fmt) "jailhouse: " fmt

#include <linux/delay.h>
#include <linux/fs.h>
#include <linux/minmax.h>
#include <linux/mutex.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <linux/vmalloc.h>

#include "driver.h"

#define RING_SIZE		JAILHOUSE_CONSOLE_RING_SIZE
/* Give up waiting for a stable ring after this many torn reads. */
#define RING_MAX_RETRIES	1000
/* Poll interval of a blocking read (the hypervisor sends no interrupt) */
#define RING_POLL_MS		100

static DEFINE_MUTEX(ring_lock);		/* protects the four below */
static struct jailhouse_console_ring *live_ring;
static struct jailhouse_console_ring *saved_ring;
static unsigned int ring_generation;	/* bumped when a new ring appears */

static DEFINE_MUTEX(core_lock);
static void *core_copy;
static size_t core_copy_size;

struct ring_reader {
	u32 pos;			/* ring tail count consumed so far */
	unsigned int generation;
};

static struct jailhouse_console_ring *current_ring(void)
{
	return live_ring ? live_ring : saved_ring;
}

/*
 * Copy up to max bytes that follow *pos (or the oldest bytes still in the
 * ring if the writer lapped the reader) and advance *pos. Caller holds
 * ring_lock. Returns the number of bytes copied.
 */
static size_t ring_copy(struct jailhouse_console_ring *ring, u32 *pos,
			char *buf, size_t max)
{
	unsigned int retries = 0;
	u32 seq, tail, start, avail, first;
	size_t n;

	for (;;) {
		seq = READ_ONCE(ring->seq);
		if ((seq & 1) && retries++ < RING_MAX_RETRIES) {
			cpu_relax();
			continue;
		}
		/* seq (even) before tail and content: pairs with the writer */
		smp_rmb();
		tail = READ_ONCE(ring->tail);
		avail = tail - *pos;
		start = *pos;
		if (avail > RING_SIZE) {
			start = tail - RING_SIZE;
			avail = RING_SIZE;
		}
		n = min_t(size_t, avail, max);
		first = min_t(u32, n, RING_SIZE - start % RING_SIZE);
		memcpy(buf, ring->content + start % RING_SIZE, first);
		memcpy(buf + first, ring->content, n - first);
		/* content before the second seq read: detects a writer */
		smp_rmb();
		/* a writer that died mid-line must not hang the reader */
		if (READ_ONCE(ring->seq) == seq ||
		    retries++ >= RING_MAX_RETRIES)
			break;
	}

	*pos = start + n;
	return n;
}

int jh_console_open(struct inode *inode, struct file *file)
{
	struct jailhouse_console_ring *ring;
	struct ring_reader *reader;
	u32 tail;

	reader = kzalloc(sizeof(*reader), GFP_KERNEL);
	if (!reader)
		return -ENOMEM;

	/* start with the oldest byte still in the ring */
	mutex_lock(&ring_lock);
	ring = current_ring();
	if (ring) {
		tail = READ_ONCE(ring->tail);
		reader->pos = tail - min_t(u32, tail, RING_SIZE);
	}
	reader->generation = ring_generation;
	mutex_unlock(&ring_lock);

	file->private_data = reader;
	return 0;
}

int jh_console_release(struct inode *inode, struct file *file)
{
	kfree(file->private_data);
	return 0;
}

static ssize_t ring_read_once(struct ring_reader *reader, char *kbuf,
			      size_t count)
{
	struct jailhouse_console_ring *ring;
	size_t n = 0;

	mutex_lock(&ring_lock);
	if (reader->generation != ring_generation) {
		reader->generation = ring_generation;
		reader->pos = 0;
	}
	ring = current_ring();
	if (ring)
		n = ring_copy(ring, &reader->pos, kbuf, count);
	mutex_unlock(&ring_lock);
	return n;
}

ssize_t jh_console_read(struct file *file, char __user *buf, size_t count,
			loff_t *ppos)
{
	struct ring_reader *reader = file->private_data;
	ssize_t ret;
	size_t n;
	char *kbuf;

	count = min_t(size_t, count, RING_SIZE);
	if (!count)
		return 0;
	kbuf = kmalloc(count, GFP_KERNEL);
	if (!kbuf)
		return -ENOMEM;

	while (!(n = ring_read_once(reader, kbuf, count))) {
		if (file->f_flags & O_NONBLOCK) {
			ret = -EAGAIN;
			goto out;
		}
		if (msleep_interruptible(RING_POLL_MS) ||
		    signal_pending(current)) {
			ret = -ERESTARTSYS;
			goto out;
		}
	}
	ret = copy_to_user(buf, kbuf, n) ? -EFAULT : n;
out:
	kfree(kbuf);
	return ret;
}

/* Last size - 1 bytes of the ring as a string, for sysfs. */
ssize_t jh_console_show_tail(char *buf, size_t size)
{
	struct jailhouse_console_ring *ring;
	size_t n = 0;
	u32 pos;

	mutex_lock(&ring_lock);
	ring = current_ring();
	if (ring) {
		pos = READ_ONCE(ring->tail);
		pos -= min_t(u32, pos, size - 1);
		n = ring_copy(ring, &pos, buf, size - 1);
	}
	mutex_unlock(&ring_lock);
	buf[n] = 0;
	return n;
}

/* The hypervisor memory is mapped and holds a fresh ring. */
void jh_console_attach(struct jailhouse_console_ring *ring)
{
	mutex_lock(&ring_lock);
	live_ring = ring;
	ring_generation++;
	mutex_unlock(&ring_lock);
}

/* The mapping goes away: keep what the ring holds. */
void jh_console_detach(void)
{
	struct jailhouse_console_ring *copy;

	copy = vmalloc(sizeof(*copy));

	mutex_lock(&ring_lock);
	if (copy && live_ring)
		memcpy(copy, live_ring, sizeof(*copy));
	else if (copy)
		memset(copy, 0, sizeof(*copy));
	vfree(saved_ring);
	saved_ring = copy;
	live_ring = NULL;
	mutex_unlock(&ring_lock);
}

void jh_console_exit(void)
{
	vfree(saved_ring);
	saved_ring = NULL;
}

void jh_core_snapshot(const void *core, size_t size)
{
	void *copy = vmalloc(size);

	if (copy)
		memcpy(copy, core, size);
	else
		pr_warn("No memory for a copy of the hypervisor core\n");

	mutex_lock(&core_lock);
	vfree(core_copy);
	core_copy = copy;
	core_copy_size = copy ? size : 0;
	mutex_unlock(&core_lock);
}

ssize_t jh_core_read(char *buf, loff_t off, size_t count)
{
	ssize_t n = 0;

	mutex_lock(&core_lock);
	if (off < core_copy_size) {
		n = min_t(size_t, count, core_copy_size - off);
		memcpy(buf, core_copy + off, n);
	}
	mutex_unlock(&core_lock);
	return n;
}

void jh_core_free(void)
{
	vfree(core_copy);
	core_copy = NULL;
	core_copy_size = 0;
}
