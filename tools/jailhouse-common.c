// SPDX-License-Identifier: GPL-2.0
/*
 * Shared helpers of the jailhouse management tool.
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "jailhouse-common.h"

#define JH_DEFAULT_DEVICE	"/dev/jailhouse"
#define JH_DEFAULT_SYSFS	"/sys/devices/jailhouse"

static void jh_vmessage(const char *kind, const char *fmt, va_list ap)
{
	fflush(stdout);
	fprintf(stderr, "jailhouse: %s", kind);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void jh_err(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	jh_vmessage("", fmt, ap);
	va_end(ap);
}

void jh_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	jh_vmessage("warning: ", fmt, ap);
	va_end(ap);
}

void jh_usage_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	jh_vmessage("", fmt, ap);
	va_end(ap);
	jh_print_usage(stderr);
	exit(JH_EXIT_USAGE);
}

int jh_read_file(const char *path, size_t max_size, struct jh_file *file)
{
	struct stat st;
	size_t done = 0;
	ssize_t got;
	int fd;

	memset(file, 0, sizeof(*file));
	file->path = path;
	fd = open(path, O_RDONLY);
	if (fd < 0) {
		jh_err("%s: cannot open: %s", path, strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) < 0) {
		jh_err("%s: cannot read: %s", path, strerror(errno));
		close(fd);
		return -1;
	}
	if (!S_ISREG(st.st_mode)) {
		jh_err("%s: cannot read: %s", path,
		       S_ISDIR(st.st_mode) ? "is a directory" :
		       "not a regular file");
		close(fd);
		return -1;
	}
	if ((unsigned long long)st.st_size > max_size) {
		jh_err("%s: file is %lld bytes, more than the %zu allowed here",
		       path, (long long)st.st_size, max_size);
		close(fd);
		return -1;
	}
	file->data = malloc(st.st_size ? st.st_size : 1);
	if (!file->data) {
		jh_err("%s: out of memory", path);
		close(fd);
		return -1;
	}
	while (done < (size_t)st.st_size) {
		got = read(fd, (char *)file->data + done, st.st_size - done);
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0) {
			jh_err("%s: cannot read: %s", path,
			       got < 0 ? strerror(errno) : "file shrank");
			close(fd);
			jh_free_file(file);
			return -1;
		}
		done += got;
	}
	close(fd);
	file->size = done;
	return 0;
}

void jh_free_file(struct jh_file *file)
{
	free(file->data);
	file->data = NULL;
	file->size = 0;
}

static FILE *jh_findings_out;

void jh_findings_to(FILE *out)
{
	jh_findings_out = out;
}

void jh_print_finding(void *arg, int severity, const char *fmt, ...)
{
	FILE *out = jh_findings_out ? jh_findings_out : stderr;
	va_list ap;

	fflush(stdout);
	fprintf(out, "%s: %s: ", (const char *)arg,
		severity == JH_CHECK_ERROR ? "error" : "warning");
	va_start(ap, fmt);
	vfprintf(out, fmt, ap);
	va_end(ap);
	fputc('\n', out);
}

int jh_machine_arch(void)
{
	const char *seam = getenv("JAILHOUSE_MACHINE");
	struct utsname uts;

	if (uname(&uts) < 0)
		return -1;
	if (seam && *seam)
		snprintf(uts.machine, sizeof(uts.machine), "%s", seam);
	if (!strcmp(uts.machine, "x86_64"))
		return JAILHOUSE_X86;
	if (!strcmp(uts.machine, "aarch64"))
		return JAILHOUSE_ARM64;
	if (!strncmp(uts.machine, "arm", 3))
		return JAILHOUSE_ARM;
	return -1;
}

const char *jh_arch_name(int arch)
{
	switch (arch) {
	case JAILHOUSE_X86:
		return "x86";
	case JAILHOUSE_ARM:
		return "arm";
	case JAILHOUSE_ARM64:
		return "arm64";
	}
	return "unknown";
}

/* Config files are small; anything larger is not one. */
#define JH_MAX_CONFIG_SIZE	(16UL << 20)

int jh_load_config(const char *path, int want_system, struct jh_file *file)
{
	struct jh_check chk = {
		.report = jh_print_finding,
		.arg = (void *)path,
	};
	const struct jailhouse_cell_desc *hdr;
	int machine;

	if (jh_read_file(path, JH_MAX_CONFIG_SIZE, file) < 0)
		return -1;
	if (want_system)
		jh_check_system_image(&chk, file->data, file->size);
	else
		jh_check_cell_image(&chk, file->data, file->size);
	if (chk.errors) {
		jh_err("%s: rejected, %u error%s in the %s config (see above)",
		       path, chk.errors, chk.errors == 1 ? "" : "s",
		       want_system ? "system" : "cell");
		goto fail;
	}
	hdr = file->data;
	machine = jh_machine_arch();
	if (hdr->architecture != machine) {
		jh_err("%s: built for %s, but this machine is %s: use a config for this machine",
		       path, jh_arch_name(hdr->architecture),
		       jh_arch_name(machine));
		goto fail;
	}
	return 0;

fail:
	jh_free_file(file);
	return -1;
}

const char *jh_device_path(void)
{
	const char *path = getenv("JAILHOUSE_DEVICE");

	return path && *path ? path : JH_DEFAULT_DEVICE;
}

const char *jh_sysfs_path(void)
{
	const char *path = getenv("JAILHOUSE_SYSFS");

	return path && *path ? path : JH_DEFAULT_SYSFS;
}

int jh_open_device(int flags)
{
	const char *path = jh_device_path();
	int fd = open(path, flags);

	if (fd < 0)
		jh_err("cannot open %s: %s%s", path, strerror(errno),
		       errno == ENOENT ?
		       " (is the jailhouse module loaded?)" : "");
	return fd;
}

/*
 * The driver explains a refused request in the kernel log ("jailhouse: ..."),
 * while the ioctl itself can only return an errno. Remember where the log
 * ends before the request, so that on failure the explanation can be shown
 * to the user right below the errno.
 */
static int jh_kmsg_open_at_end(void)
{
	const char *path = getenv("JAILHOUSE_KMSG");
	int fd = open(path && *path ? path : "/dev/kmsg",
		      O_RDONLY | O_NONBLOCK);

	if (fd >= 0 && lseek(fd, 0, SEEK_END) < 0) {
		close(fd);
		fd = -1;
	}
	return fd;
}

/* One /dev/kmsg record: "prio,seq,usec,flags;text\n" (+ continuation). */
static void jh_kmsg_print_driver_lines(int fd)
{
	char record[1024];
	const char *text;
	ssize_t len;

	for (;;) {
		len = read(fd, record, sizeof(record) - 1);
		if (len < 0 && errno == EPIPE)
			continue;	/* overwritten records: go on */
		if (len <= 0)
			break;
		record[len] = 0;
		text = strchr(record, ';');
		if (!text || strncmp(text + 1, "jailhouse", 9))
			continue;
		text++;
		fprintf(stderr, "  kernel: %.*s\n",
			(int)strcspn(text, "\n"), text);
	}
}

int jh_ioctl(unsigned long request, const char *name, void *arg)
{
	int fd, kmsg, ret, err;

	fd = jh_open_device(O_RDWR);
	if (fd < 0)
		return -1;
	kmsg = jh_kmsg_open_at_end();
	ret = ioctl(fd, request, arg);
	err = errno;
	if (ret < 0) {
		jh_err("%s: %s", name, strerror(err));
		if (kmsg >= 0)
			jh_kmsg_print_driver_lines(kmsg);
	}
	if (kmsg >= 0)
		close(kmsg);
	close(fd);
	return ret < 0 ? -1 : 0;
}

static int jh_is_number(const char *text)
{
	if (!*text)
		return 0;
	for (; *text; text++)
		if (!isdigit((unsigned char)*text))
			return 0;
	return 1;
}

void jh_parse_cell_id(int argc, char *argv[], int *pos,
		      struct jailhouse_cell_id *id)
{
	const char *name;
	int by_name = 0;
	long value;

	memset(id, 0, sizeof(*id));
	if (*pos < argc && !strcmp(argv[*pos], "--name")) {
		by_name = 1;
		(*pos)++;
	}
	if (*pos >= argc)
		jh_usage_error("missing cell ID or name");
	name = argv[(*pos)++];
	if (!by_name && jh_is_number(name)) {
		errno = 0;
		value = strtol(name, NULL, 10);
		if (errno || value > 0x7fffffffL)
			jh_usage_error("cell ID %s is out of range", name);
		id->id = (__s32)value;
		return;
	}
	if (!*name || strlen(name) > JAILHOUSE_CELL_NAME_MAXLEN)
		jh_usage_error("cell name \"%s\" must be 1..%d characters",
			       name, JAILHOUSE_CELL_NAME_MAXLEN);
	id->id = JAILHOUSE_CELL_ID_UNUSED;
	strcpy(id->name, name);
}

int jh_read_text(const char *path, char *buf, size_t size)
{
	ssize_t got;
	int fd;

	fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;
	got = read(fd, buf, size - 1);
	close(fd);
	if (got < 0)
		return -1;
	while (got > 0 && (buf[got - 1] == '\n' || buf[got - 1] == ' '))
		got--;
	buf[got] = '\0';
	return 0;
}

int jh_parse_u64(const char *text, unsigned long long *value)
{
	char *end;

	if (!*text || *text == '-')
		return -1;
	errno = 0;
	*value = strtoull(text, &end, 0);
	return errno || *end ? -1 : 0;
}
