// SPDX-License-Identifier: GPL-2.0
/*
 * ivshmem: shell-script access to ivshmem v2 devices bound to uio_ivshmem.
 *
 * The device is found in /sys/class/uio (name "uio_ivshmem"); its five UIO
 * maps are the registers, the state table, the R/W section, the input
 * sections (every peer's output section) and this peer's output section.
 * See Documentation/ivshmem-linux.md for the commands and exit codes.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include <jailhouse/ivshmem.h>

#define EXIT_NOT_MET	1	/* timeout, value differs */
#define EXIT_USAGE	2
#define EXIT_SYSTEM	3	/* no device, I/O error */

#define UIO_CLASS	"/sys/class/uio"
#define NUM_MAPS	5
#define PCI_CAP_LIST_PTR	0x34
#define PCI_CAP_ID_VENDOR	0x09
#define MAX_DEVICES	64

enum map_index {
	MAP_REGISTERS,
	MAP_STATE_TABLE,
	MAP_RW_SECTION,
	MAP_INPUT_SECTIONS,
	MAP_OUTPUT_SECTION,
};

static const char *const map_names[NUM_MAPS] = {
	"registers", "state_table", "rw_section", "input_sections",
	"output_section",
};

struct device {
	char uio[32];			/* uioN */
	char pci[32];			/* 0000:00:0f.0 */
	int fd;
	uint64_t addr[NUM_MAPS];
	uint64_t size[NUM_MAPS];
	void *map[NUM_MAPS];
	uint32_t *regs;
	uint32_t id;
	uint32_t peers;
	uint64_t output_size;
};

static const char *prog = "ivshmem";

/* One untorn access each: the registers trap, shared memory is polled. */
static uint32_t load32(const uint32_t *p)
{
	return __atomic_load_n(p, __ATOMIC_RELAXED);
}

static void store32(uint32_t *p, uint32_t value)
{
	__atomic_store_n(p, value, __ATOMIC_RELAXED);
}

static uint32_t reg_read(const struct device *dev, unsigned int reg)
{
	return load32(dev->regs + reg / 4);
}

static void reg_write(struct device *dev, unsigned int reg, uint32_t value)
{
	store32(dev->regs + reg / 4, value);
}

static void __attribute__((noreturn, format(printf, 2, 3)))
die(int code, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", prog);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(code);
}

static void __attribute__((noreturn)) usage(int code)
{
	FILE *out = code ? stderr : stdout;

	fprintf(out,
		"usage: %s [-d DEVICE] COMMAND [ARGS]\n"
		"DEVICE: uioN, /dev/uioN or a PCI address (default: the first uio_ivshmem device)\n"
		"commands:\n"
		"  list                           uio_ivshmem devices\n"
		"  info                           ID, peers, sections, states, interrupt count\n"
		"  state [VALUE]                  own state: print, or set to VALUE\n"
		"  peer-state PEER                print the state table entry of PEER\n"
		"  wait-state PEER VALUE [-t SEC] wait until PEER's state entry is VALUE\n"
		"  write SECTION OFFSET TEXT      store bytes (SECTION: rw | out)\n"
		"  read SECTION OFFSET LENGTH     print bytes (SECTION: rw | out | in:PEER | state)\n"
		"  write32 SECTION OFFSET VALUE   store a 32-bit word\n"
		"  read32 SECTION OFFSET          print a 32-bit word\n"
		"  ring PEER [VECTOR] [-n COUNT]  ring PEER's doorbell (vector 0)\n"
		"  wait [-n COUNT] [-t SEC]       wait for COUNT interrupts (1; timeout 10 s)\n"
		"  count                          interrupts counted since the driver bound\n"
		"  irq on|off                     set or clear the interrupt enable\n"
		"  permissions                    which maps can be mapped writable\n"
		"  ping PEER [VECTOR] [-n COUNT] [-t SEC] [-e]\n"
		"                                 ring PEER, wait for an interrupt; times\n"
		"                                 (-e: a sequence number in the output\n"
		"                                 section must come back in PEER's)\n"
		"  bulk MIB [-b KIB] [-p PEER]    write MIB MiB through the output section,\n"
		"                                 a doorbell to PEER every KIB KiB; rate\n"
		"exit codes: 0 done, 1 timeout or value differs, 2 usage, 3 device or I/O error\n",
		prog);
	exit(code);
}

static unsigned long long parse_number(const char *s, const char *what)
{
	unsigned long long v;
	char *end;

	errno = 0;
	v = strtoull(s, &end, 0);
	if (errno || end == s || *end || *s == '-') {
		fprintf(stderr, "%s: invalid %s '%s'\n", prog, what, s);
		usage(EXIT_USAGE);
	}
	return v;
}

static int read_sysfs(const char *path, char *buf, size_t size)
{
	int fd = open(path, O_RDONLY);
	ssize_t n;

	if (fd < 0)
		return -1;
	n = read(fd, buf, size - 1);
	close(fd);
	if (n < 0)
		return -1;
	buf[n] = 0;
	while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == ' '))
		buf[--n] = 0;
	return 0;
}

static int read_sysfs_u64(const char *path, uint64_t *value)
{
	char buf[64];

	if (read_sysfs(path, buf, sizeof(buf)))
		return -1;
	*value = strtoull(buf, NULL, 0);
	return 0;
}

static bool is_ivshmem_uio(const char *uio)
{
	char path[PATH_MAX], name[64];

	snprintf(path, sizeof(path), UIO_CLASS "/%s/name", uio);
	return !read_sysfs(path, name, sizeof(name)) &&
		!strcmp(name, "uio_ivshmem");
}

/* PCI address of uioN: the last component of its device link */
static void pci_address(const char *uio, char *buf, size_t size)
{
	char path[PATH_MAX], target[PATH_MAX];
	ssize_t n;
	char *slash;

	snprintf(path, sizeof(path), UIO_CLASS "/%s/device", uio);
	n = readlink(path, target, sizeof(target) - 1);
	if (n < 0) {
		snprintf(buf, size, "?");
		return;
	}
	target[n] = 0;
	slash = strrchr(target, '/');
	snprintf(buf, size, "%s", slash ? slash + 1 : target);
}

static int compare_uio(const void *a, const void *b)
{
	return atoi((const char *)a + 3) - atoi((const char *)b + 3);
}

/* uio_ivshmem devices in uio number order; returns how many */
static int list_devices(char names[][32], int max)
{
	DIR *dir = opendir(UIO_CLASS);
	struct dirent *de;
	int n = 0;

	if (!dir)
		return 0;
	while ((de = readdir(dir)) && n < max) {
		if (strncmp(de->d_name, "uio", 3) || !is_ivshmem_uio(de->d_name))
			continue;
		snprintf(names[n], 32, "%s", de->d_name);
		n++;
	}
	closedir(dir);
	qsort(names, n, sizeof(names[0]), compare_uio);
	return n;
}

static bool device_matches(const char *uio, const char *spec)
{
	char pci[32];
	size_t len, plen;

	if (!strncmp(spec, "/dev/", 5))
		spec += 5;
	if (!strcmp(uio, spec))
		return true;
	/* PCI address, with or without the domain */
	pci_address(uio, pci, sizeof(pci));
	len = strlen(spec);
	plen = strlen(pci);
	return len <= plen && !strcmp(pci + plen - len, spec) &&
		(len == plen || pci[plen - len - 1] == ':');
}

static void select_device(struct device *dev, const char *spec)
{
	char names[MAX_DEVICES][32];
	int n = list_devices(names, MAX_DEVICES), i;

	for (i = 0; i < n; i++)
		if (!spec || device_matches(names[i], spec))
			break;
	if (i == n) {
		if (spec)
			die(EXIT_SYSTEM, "no uio_ivshmem device '%s'", spec);
		die(EXIT_SYSTEM,
		    "no uio_ivshmem device (is uio_ivshmem loaded and the hypervisor enabled?)");
	}
	snprintf(dev->uio, sizeof(dev->uio), "%s", names[i]);
	pci_address(dev->uio, dev->pci, sizeof(dev->pci));
}

/*
 * Map addresses and sizes from sysfs. Without an R/W section the UIO core
 * lists only maps 0 and 1 there (it stops at the first empty map).
 */
static void read_maps(struct device *dev)
{
	char path[PATH_MAX];
	unsigned int i;

	for (i = 0; i < NUM_MAPS; i++) {
		snprintf(path, sizeof(path), UIO_CLASS "/%s/maps/map%u/addr",
			 dev->uio, i);
		if (read_sysfs_u64(path, &dev->addr[i]))
			continue;
		snprintf(path, sizeof(path), UIO_CLASS "/%s/maps/map%u/size",
			 dev->uio, i);
		read_sysfs_u64(path, &dev->size[i]);
	}
	if (!dev->size[MAP_REGISTERS] || !dev->size[MAP_STATE_TABLE])
		die(EXIT_SYSTEM, "%s: UIO maps missing in sysfs", dev->uio);
}

static void *map_section(struct device *dev, enum map_index index,
			 bool writable)
{
	long page = sysconf(_SC_PAGESIZE);
	int prot = PROT_READ | (writable ? PROT_WRITE : 0);
	void *p;

	if (dev->map[index])
		return dev->map[index];
	if (!dev->size[index])
		die(EXIT_SYSTEM, "%s: the device has no %s", dev->uio,
		    map_names[index]);
	p = mmap(NULL, dev->size[index], prot, MAP_SHARED, dev->fd,
		 (off_t)index * page);
	if (p == MAP_FAILED)
		die(EXIT_SYSTEM, "%s: cannot map %s: %s", dev->uio,
		    map_names[index], strerror(errno));
	dev->map[index] = p;
	return p;
}

static uint64_t get64(const uint8_t *p)
{
	uint64_t v = 0;
	int i;

	for (i = 7; i >= 0; i--)
		v = v << 8 | p[i];
	return v;
}

/*
 * No R/W section: sysfs stops listing maps at the empty map 2. The output
 * section size is in the vendor capability (config space, root only).
 */
static void sizes_from_config(struct device *dev)
{
	uint8_t cfg[256];
	char path[PATH_MAX];
	unsigned int cap, hops;
	ssize_t n;
	int fd;

	snprintf(path, sizeof(path), UIO_CLASS "/%s/device/config", dev->uio);
	fd = open(path, O_RDONLY);
	if (fd < 0)
		die(EXIT_SYSTEM, "%s: %s", path, strerror(errno));
	n = read(fd, cfg, sizeof(cfg));
	close(fd);
	if (n < (ssize_t)sizeof(cfg))
		die(EXIT_SYSTEM, "%s: short read (not root?)", path);
	cap = cfg[PCI_CAP_LIST_PTR] & ~3u;
	for (hops = 0; cap && hops < 48; hops++) {
		if (cfg[cap] == PCI_CAP_ID_VENDOR)
			break;
		cap = cfg[cap + 1] & ~3u;
	}
	if (!cap || cap > sizeof(cfg) - IVSHMEM_VNDR_LEN_NO_ADDR)
		die(EXIT_SYSTEM, "%s: no ivshmem vendor capability", dev->uio);
	dev->output_size = get64(&cfg[cap + IVSHMEM_VNDR_OUTPUT_SECTION_SZ]);
	dev->addr[MAP_INPUT_SECTIONS] = dev->addr[MAP_STATE_TABLE] +
		dev->size[MAP_STATE_TABLE];
	dev->size[MAP_INPUT_SECTIONS] = dev->peers * dev->output_size;
	dev->addr[MAP_OUTPUT_SECTION] = dev->addr[MAP_INPUT_SECTIONS] +
		dev->id * dev->output_size;
	dev->size[MAP_OUTPUT_SECTION] = dev->output_size;
	if (!dev->output_size)
		die(EXIT_SYSTEM, "%s: the device has no output sections",
		    dev->uio);
}

static void open_device(struct device *dev)
{
	char path[64];

	read_maps(dev);
	snprintf(path, sizeof(path), "/dev/%s", dev->uio);
	dev->fd = open(path, O_RDWR);
	if (dev->fd < 0)
		die(EXIT_SYSTEM, "%s: %s", path, strerror(errno));
	dev->regs = map_section(dev, MAP_REGISTERS, true);
	dev->id = reg_read(dev, IVSHMEM_REG_ID);
	dev->peers = reg_read(dev, IVSHMEM_REG_MAX_PEERS);
	dev->output_size = dev->size[MAP_OUTPUT_SECTION];
	if (!dev->output_size)
		sizes_from_config(dev);
}

static uint64_t interrupt_count(const struct device *dev)
{
	char path[PATH_MAX];
	uint64_t count = 0;

	snprintf(path, sizeof(path), UIO_CLASS "/%s/event", dev->uio);
	if (read_sysfs_u64(path, &count))
		die(EXIT_SYSTEM, "%s: no event counter", dev->uio);
	return count;
}

static uint32_t peer_state(struct device *dev, uint32_t peer)
{
	uint32_t *table = map_section(dev, MAP_STATE_TABLE, false);

	if (peer >= dev->peers || (peer + 1) * 4 > dev->size[MAP_STATE_TABLE])
		die(EXIT_USAGE, "peer %u does not exist (%u peers)", peer,
		    dev->peers);
	return load32(&table[peer]);
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* A section by name, with its size; "in:PEER" is PEER's output section. */
static uint8_t *find_section(struct device *dev, const char *name,
			     bool writable, uint64_t *size)
{
	uint8_t *base;
	uint64_t peer;

	if (!strcmp(name, "rw")) {
		*size = dev->size[MAP_RW_SECTION];
		return map_section(dev, MAP_RW_SECTION, writable);
	}
	if (!strcmp(name, "out")) {
		*size = dev->output_size;
		return map_section(dev, MAP_OUTPUT_SECTION, writable);
	}
	if (writable)
		die(EXIT_USAGE,
		    "section '%s' is read-only (writable: rw, out)", name);
	if (!strcmp(name, "state")) {
		*size = dev->size[MAP_STATE_TABLE];
		return map_section(dev, MAP_STATE_TABLE, false);
	}
	if (!strncmp(name, "in:", 3)) {
		peer = parse_number(name + 3, "peer");
		if (peer >= dev->peers)
			die(EXIT_USAGE, "peer %llu does not exist (%u peers)",
			    (unsigned long long)peer, dev->peers);
		base = map_section(dev, MAP_INPUT_SECTIONS, false);
		*size = dev->output_size;
		return base + peer * dev->output_size;
	}
	die(EXIT_USAGE, "unknown section '%s' (rw, out, in:PEER, state)",
	    name);
}

static void check_range(uint64_t offset, uint64_t length, uint64_t size,
			const char *name)
{
	if (offset > size || length > size - offset)
		die(EXIT_USAGE,
		    "offset 0x%llx + %llu bytes is outside %s (0x%llx bytes)",
		    (unsigned long long)offset, (unsigned long long)length,
		    name, (unsigned long long)size);
}

static int cmd_list(void)
{
	char names[MAX_DEVICES][32], pci[32];
	int n = list_devices(names, MAX_DEVICES), i;

	for (i = 0; i < n; i++) {
		pci_address(names[i], pci, sizeof(pci));
		printf("%s %s\n", names[i], pci);
	}
	return n ? 0 : EXIT_SYSTEM;
}

static void print_map(const struct device *dev, enum map_index index)
{
	printf("%s: 0x%llx 0x%llx\n", map_names[index],
	       (unsigned long long)dev->addr[index],
	       (unsigned long long)dev->size[index]);
}

static int cmd_info(struct device *dev)
{
	char path[PATH_MAX], class[32];
	unsigned int i;

	snprintf(path, sizeof(path), UIO_CLASS "/%s/device/class", dev->uio);
	if (read_sysfs(path, class, sizeof(class)))
		snprintf(class, sizeof(class), "?");
	printf("device: %s %s\n", dev->uio, dev->pci);
	printf("id: %u\n", dev->id);
	printf("max_peers: %u\n", dev->peers);
	printf("class: %s\n", class);
	for (i = MAP_STATE_TABLE; i < NUM_MAPS; i++)
		print_map(dev, i);
	printf("interrupts: %llu\n",
	       (unsigned long long)interrupt_count(dev));
	printf("own_state: %u\n", reg_read(dev, IVSHMEM_REG_STATE));
	for (i = 0; i < dev->peers; i++)
		printf("state[%u]: %u\n", i, peer_state(dev, i));
	return 0;
}

static int cmd_state(struct device *dev, int argc, char **argv)
{
	if (argc > 1)
		usage(EXIT_USAGE);
	if (argc == 1)
		reg_write(dev, IVSHMEM_REG_STATE,
			  (uint32_t)parse_number(argv[0], "state"));
	else
		printf("%u\n", reg_read(dev, IVSHMEM_REG_STATE));
	return 0;
}

static double parse_timeout(const char *s)
{
	char *end;
	double t = strtod(s, &end);

	if (end == s || *end || t < 0)
		die(EXIT_USAGE, "invalid timeout '%s'", s);
	return t;
}

/* -n COUNT (and the like) anywhere after the command */
static const char *take_option(int *argc, char **argv, const char *name)
{
	const char *value;
	int i;

	for (i = 0; i + 1 < *argc; i++) {
		if (strcmp(argv[i], name))
			continue;
		value = argv[i + 1];
		memmove(&argv[i], &argv[i + 2], (*argc - i - 2) * sizeof(*argv));
		*argc -= 2;
		return value;
	}
	return NULL;
}

static unsigned long long option(int *argc, char **argv, const char *name,
				 unsigned long long def)
{
	const char *value = take_option(argc, argv, name);

	return value ? parse_number(value, name) : def;
}

/* a flag without value (-e) anywhere after the command */
static bool take_flag(int *argc, char **argv, const char *name)
{
	int i;

	for (i = 0; i < *argc; i++) {
		if (strcmp(argv[i], name))
			continue;
		memmove(&argv[i], &argv[i + 1], (*argc - i - 1) * sizeof(*argv));
		(*argc)--;
		return true;
	}
	return false;
}

static double option_timeout(int *argc, char **argv, double def)
{
	const char *value = take_option(argc, argv, "-t");

	return value ? parse_timeout(value) : def;
}

static int cmd_wait_state(struct device *dev, int argc, char **argv)
{
	double deadline = now() + option_timeout(&argc, argv, 10);
	uint32_t peer, value, state;

	if (argc != 2)
		usage(EXIT_USAGE);
	peer = parse_number(argv[0], "peer");
	value = parse_number(argv[1], "state");
	while ((state = peer_state(dev, peer)) != value) {
		if (now() >= deadline) {
			printf("state[%u]: %u (waited for %u)\n", peer, state,
			       value);
			return EXIT_NOT_MET;
		}
		usleep(10000);
	}
	printf("state[%u]: %u\n", peer, state);
	return 0;
}

static int cmd_write(struct device *dev, int argc, char **argv, bool word)
{
	uint8_t *p;
	uint64_t size, offset, len, value;

	if (argc != 3)
		usage(EXIT_USAGE);
	p = find_section(dev, argv[0], true, &size);
	offset = parse_number(argv[1], "offset");
	if (word) {
		value = parse_number(argv[2], "value");
		if (offset & 3)
			die(EXIT_USAGE, "offset of a word must be aligned");
		check_range(offset, 4, size, argv[0]);
		store32((uint32_t *)(p + offset), (uint32_t)value);
	} else {
		len = strlen(argv[2]);
		check_range(offset, len, size, argv[0]);
		memcpy(p + offset, argv[2], len);
	}
	__sync_synchronize();
	return 0;
}

static int cmd_read(struct device *dev, int argc, char **argv, bool word)
{
	uint8_t *p, c;
	uint64_t size, offset, len, i;

	if (argc != (word ? 2 : 3))
		usage(EXIT_USAGE);
	p = find_section(dev, argv[0], false, &size);
	offset = parse_number(argv[1], "offset");
	__sync_synchronize();
	if (word) {
		if (offset & 3)
			die(EXIT_USAGE, "offset of a word must be aligned");
		check_range(offset, 4, size, argv[0]);
		printf("%u\n", load32((uint32_t *)(p + offset)));
		return 0;
	}
	len = parse_number(argv[2], "length");
	check_range(offset, len, size, argv[0]);
	for (i = 0; i < len; i++) {
		c = __atomic_load_n(&p[offset + i], __ATOMIC_RELAXED);
		if (!c)
			break;	/* text ends at the first NUL */
		putchar(c >= 0x20 && c < 0x7f ? c : '.');
	}
	putchar('\n');
	return 0;
}

static int cmd_irq(struct device *dev, int argc, char **argv)
{
	uint32_t on;

	if (argc != 1 || (strcmp(argv[0], "on") && strcmp(argv[0], "off")))
		usage(EXIT_USAGE);
	on = !strcmp(argv[0], "on");
	if (write(dev->fd, &on, sizeof(on)) != sizeof(on))
		die(EXIT_SYSTEM, "%s: interrupt control: %s", dev->uio,
		    strerror(errno));
	return 0;
}

/* What the driver allows: a writable shared mapping of each map? */
static int cmd_permissions(struct device *dev)
{
	long page = sysconf(_SC_PAGESIZE);
	unsigned int i;
	void *p;

	for (i = 0; i < NUM_MAPS; i++) {
		if (!dev->size[i])
			continue;
		p = mmap(NULL, dev->size[i], PROT_READ | PROT_WRITE,
			 MAP_SHARED, dev->fd, (off_t)i * page);
		if (p != MAP_FAILED) {
			printf("%s: rw\n", map_names[i]);
			munmap(p, dev->size[i]);
		} else if (errno == EPERM || errno == EACCES) {
			printf("%s: ro\n", map_names[i]);
		} else {
			die(EXIT_SYSTEM, "%s: cannot map %s: %s", dev->uio,
			    map_names[i], strerror(errno));
		}
	}
	return 0;
}

static void ring(struct device *dev, uint32_t peer, uint32_t vector)
{
	__sync_synchronize();	/* data before doorbell */
	reg_write(dev, IVSHMEM_REG_DOORBELL, IVSHMEM_DOORBELL(peer, vector));
}

static void parse_peer_vector(struct device *dev, int argc, char **argv,
			      uint32_t *peer, uint32_t *vector)
{
	if (argc < 1 || argc > 2)
		usage(EXIT_USAGE);
	*peer = parse_number(argv[0], "peer");
	*vector = argc == 2 ? parse_number(argv[1], "vector") : 0;
	if (*peer >= dev->peers)
		die(EXIT_USAGE, "peer %u does not exist (%u peers)", *peer,
		    dev->peers);
}

static int cmd_ring(struct device *dev, int argc, char **argv)
{
	unsigned long long count = option(&argc, argv, "-n", 1), i;
	uint32_t peer, vector;

	parse_peer_vector(dev, argc, argv, &peer, &vector);
	for (i = 0; i < count; i++)
		ring(dev, peer, vector);
	return 0;
}

static void enable_interrupts(struct device *dev)
{
	uint32_t enable = 1;

	if (write(dev->fd, &enable, sizeof(enable)) != sizeof(enable))
		die(EXIT_SYSTEM, "%s: cannot enable interrupts: %s", dev->uio,
		    strerror(errno));
}

/*
 * Interrupts since baseline (the sysfs count taken before the UIO file was
 * opened, so that nothing between the two is lost). Interrupts must be
 * enabled.
 */
static uint64_t wait_interrupts(struct device *dev, uint64_t baseline,
				uint64_t wanted, double deadline)
{
	struct pollfd pfd = { .fd = dev->fd, .events = POLLIN };
	uint64_t got = 0;
	uint32_t count;
	double left;

	while (got < wanted) {
		left = deadline - now();
		if (left <= 0)
			break;
		if (poll(&pfd, 1, (int)(left * 1000) + 1) <= 0)
			continue;
		if (read(dev->fd, &count, sizeof(count)) != sizeof(count))
			die(EXIT_SYSTEM, "%s: read: %s", dev->uio,
			    strerror(errno));
		got = (uint32_t)(count - (uint32_t)baseline);
	}
	return got;
}

static int cmd_wait(struct device *dev, int argc, char **argv,
		    uint64_t baseline)
{
	unsigned long long wanted = option(&argc, argv, "-n", 1);
	double timeout = option_timeout(&argc, argv, 10);
	uint64_t got;

	if (argc)
		usage(EXIT_USAGE);
	enable_interrupts(dev);
	got = wait_interrupts(dev, baseline, wanted, now() + timeout);
	printf("received %llu interrupt(s)\n", (unsigned long long)got);
	return got >= wanted ? 0 : EXIT_NOT_MET;
}

/*
 * Echo check of a ping: the peer (ivshmem-demo "echo") copies our sequence
 * number into its output section before it rings back. Interrupts that
 * come without it (state changes, late answers) are counted as stray and
 * waited through. Returns false on timeout.
 */
struct echo {
	bool on;
	uint32_t *out;
	const uint32_t *in;
	uint32_t seq;
	unsigned long long stray;
};

static bool wait_answer(struct device *dev, struct echo *echo,
			uint64_t *seen, double deadline)
{
	for (;;) {
		if (wait_interrupts(dev, *seen, 1, deadline) < 1)
			return false;
		*seen = interrupt_count(dev);
		if (!echo->on || load32(echo->in) == echo->seq)
			return true;
		echo->stray++;
	}
}

static int cmd_ping(struct device *dev, int argc, char **argv,
		    uint64_t baseline)
{
	unsigned long long count = option(&argc, argv, "-n", 10), i;
	double timeout = option_timeout(&argc, argv, 5);
	struct echo echo = { .on = take_flag(&argc, argv, "-e") };
	double start, total = 0, best = 1e9, worst = 0, t;
	uint64_t seen = baseline;
	uint32_t peer, vector;

	parse_peer_vector(dev, argc, argv, &peer, &vector);
	if (echo.on) {
		echo.out = map_section(dev, MAP_OUTPUT_SECTION, true);
		echo.in = (uint32_t *)((uint8_t *)map_section(dev,
						MAP_INPUT_SECTIONS, false) +
				       peer * dev->output_size);
		/*
		 * far from what the peer holds: a peer that only counts its
		 * own doorbells (no echo) must not hit it by chance
		 */
		echo.seq = load32(echo.in) + 0x10000;
	}
	enable_interrupts(dev);
	for (i = 0; i < count; i++) {
		echo.seq++;
		if (echo.on)
			store32(echo.out, echo.seq);
		start = now();
		ring(dev, peer, vector);
		if (!wait_answer(dev, &echo, &seen, start + timeout)) {
			printf("ping %llu: no answer within %.1f s", i,
			       timeout);
			if (echo.on)
				printf(" (sent sequence %u, peer holds %u)",
				       echo.seq, load32(echo.in));
			printf("\n");
			return EXIT_NOT_MET;
		}
		t = now() - start;
		total += t;
		best = t < best ? t : best;
		worst = t > worst ? t : worst;
	}
	if (count)
		printf("round trips: %llu, average %.1f us, min %.1f us, max %.1f us\n",
		       count, total / count * 1e6, best * 1e6, worst * 1e6);
	if (echo.on)
		printf("echoed: %llu sequence numbers, last %u, %llu stray interrupts\n",
		       count, echo.seq, echo.stray);
	return 0;
}

static int cmd_bulk(struct device *dev, int argc, char **argv)
{
	unsigned long long batch = option(&argc, argv, "-b", 4) * 1024;
	unsigned long long peer = option(&argc, argv, "-p", dev->peers);
	unsigned long long total, done = 0, since_bell = 0, bells = 0;
	uint64_t *out, words, i, value = 0;
	double start, seconds;

	if (argc != 1)
		usage(EXIT_USAGE);
	total = parse_number(argv[0], "size") * 1024 * 1024;
	if (peer == dev->peers)
		peer = (dev->id + 1) % dev->peers;
	if (peer >= dev->peers || !batch)
		usage(EXIT_USAGE);
	out = map_section(dev, MAP_OUTPUT_SECTION, true);
	words = dev->output_size / 8;

	start = now();
	while (done < total) {
		for (i = 0; i < words && done < total; i++, done += 8) {
			out[i] = value++;
			since_bell += 8;
			if (since_bell >= batch) {
				ring(dev, peer, 0);
				bells++;
				since_bell = 0;
			}
		}
	}
	if (since_bell) {
		ring(dev, peer, 0);
		bells++;
	}
	seconds = now() - start;
	printf("bulk: %llu bytes, %llu doorbells to peer %llu, %.3f s, %.1f MiB/s\n",
	       total, bells, peer, seconds,
	       seconds > 0 ? total / seconds / (1024 * 1024) : 0.0);
	return 0;
}

int main(int argc, char **argv)
{
	const char *spec = NULL, *cmd;
	struct device dev;
	uint64_t baseline;

	if (argc > 2 && !strcmp(argv[1], "-d")) {
		spec = argv[2];
		argc -= 2;
		argv += 2;
	}
	if (argc < 2)
		usage(EXIT_USAGE);
	cmd = argv[1];
	argc -= 2;
	argv += 2;

	if (!strcmp(cmd, "-h") || !strcmp(cmd, "--help"))
		usage(0);
	if (!strcmp(cmd, "list"))
		return cmd_list();

	memset(&dev, 0, sizeof(dev));
	select_device(&dev, spec);
	/* before opening: see wait_interrupts() */
	baseline = interrupt_count(&dev);
	open_device(&dev);

	if (!strcmp(cmd, "info"))
		return cmd_info(&dev);
	if (!strcmp(cmd, "state"))
		return cmd_state(&dev, argc, argv);
	if (!strcmp(cmd, "peer-state")) {
		if (argc != 1)
			usage(EXIT_USAGE);
		printf("%u\n", peer_state(&dev, parse_number(argv[0], "peer")));
		return 0;
	}
	if (!strcmp(cmd, "wait-state"))
		return cmd_wait_state(&dev, argc, argv);
	if (!strcmp(cmd, "write"))
		return cmd_write(&dev, argc, argv, false);
	if (!strcmp(cmd, "write32"))
		return cmd_write(&dev, argc, argv, true);
	if (!strcmp(cmd, "read"))
		return cmd_read(&dev, argc, argv, false);
	if (!strcmp(cmd, "read32"))
		return cmd_read(&dev, argc, argv, true);
	if (!strcmp(cmd, "ring"))
		return cmd_ring(&dev, argc, argv);
	if (!strcmp(cmd, "wait"))
		return cmd_wait(&dev, argc, argv, baseline);
	if (!strcmp(cmd, "count")) {
		printf("%llu\n", (unsigned long long)baseline);
		return 0;
	}
	if (!strcmp(cmd, "irq"))
		return cmd_irq(&dev, argc, argv);
	if (!strcmp(cmd, "permissions")) {
		if (argc)
			usage(EXIT_USAGE);
		return cmd_permissions(&dev);
	}
	if (!strcmp(cmd, "ping"))
		return cmd_ping(&dev, argc, argv, baseline);
	if (!strcmp(cmd, "bulk"))
		return cmd_bulk(&dev, argc, argv);
	fprintf(stderr, "%s: unknown command '%s'\n", prog, cmd);
	usage(EXIT_USAGE);
}
