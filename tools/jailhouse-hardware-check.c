// SPDX-License-Identifier: GPL-2.0
/*
 * "jailhouse hardware check": can this machine run the hypervisor?
 *
 * x86: CPUID and the VMX capability MSRs (via /dev/cpu/N/msr, needs root
 * and the msr module). ARM: what userspace can learn, from /proc/cpuinfo,
 * the device tree and the boot log (HYP mode). Prints one OK / MISSING /
 * UNKNOWN line per property; exit status 1 if a hard requirement is
 * missing or cannot be confirmed.
 *
 * Test seams: JAILHOUSE_HWROOT prefixes every file read here (proc,
 * device tree, /dev/cpu); with it, $JAILHOUSE_HWROOT/cpuid ("leaf subleaf
 * eax ebx ecx edx" hex lines) replaces the CPUID instruction,
 * $JAILHOUSE_HWROOT/dev/cpu/N/msr is a text file of "index value" hex
 * lines, and $JAILHOUSE_HWROOT/dmesg replaces the kernel log.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/klog.h>
#include <sys/stat.h>
#include <unistd.h>

#include "jailhouse-common.h"

#if __has_include("cpuid.h")
#include <cpuid.h>
#define HAVE_CPUID_INSN	1
#else
#define HAVE_CPUID_INSN	0
#endif

enum hw_state { HW_OK, HW_MISSING, HW_UNKNOWN };

struct hw_result {
	unsigned int missing;
	unsigned int unknown;
};

static void hw_line(struct hw_result *res, const char *what, int hard,
		    enum hw_state state, const char *note)
{
	static const char *const words[] = { "OK", "MISSING", "UNKNOWN" };

	printf("  %-52s %s%s%s\n", what, words[state], note ? note : "",
	       hard ? "" : " (optional)");
	if (!hard)
		return;
	if (state == HW_MISSING)
		res->missing++;
	else if (state == HW_UNKNOWN)
		res->unknown++;
}

static const char *hw_root(void)
{
	const char *root = getenv("JAILHOUSE_HWROOT");

	return root ? root : "";
}

static void hw_path(char *buf, size_t size, const char *path)
{
	snprintf(buf, size, "%s%s", hw_root(), path);
}

/* Whole small text file (/proc/cpuinfo, dmesg) or NULL. */
static char *hw_slurp(const char *path)
{
	size_t got, cap = 1 << 16, len = 0;
	char full[PATH_MAX], *text, *bigger;
	FILE *f;

	hw_path(full, sizeof(full), path);
	/* proc files report no size: read in chunks */
	f = fopen(full, "r");
	if (!f)
		return NULL;
	text = malloc(cap + 1);
	while (text && (got = fread(text + len, 1, cap - len, f)) > 0) {
		len += got;
		if (len < cap)
			continue;
		cap *= 2;
		bigger = realloc(text, cap + 1);
		if (!bigger)
			free(text);
		text = bigger;
	}
	fclose(f);
	if (text)
		text[len] = '\0';
	return text;
}

/* ---------------------------------------------------------------- x86 */

struct cpuid_regs {
	unsigned int eax, ebx, ecx, edx;
};

static int hw_cpuid(unsigned int leaf, unsigned int sub, struct cpuid_regs *r)
{
	unsigned int l, s;
	char *text, *line;
	int found = 0;

	text = getenv("JAILHOUSE_HWROOT") ? hw_slurp("/cpuid") : NULL;
	if (text) {
		for (line = strtok(text, "\n"); line && !found;
		     line = strtok(NULL, "\n"))
			found = sscanf(line, "%x %x %x %x %x %x", &l, &s,
				       &r->eax, &r->ebx, &r->ecx,
				       &r->edx) == 6 && l == leaf && s == sub;
		free(text);
		return found ? 0 : -1;
	}
#if HAVE_CPUID_INSN
	__cpuid_count(leaf, sub, r->eax, r->ebx, r->ecx, r->edx);
	return 0;
#else
	return -1;
#endif
}

#define MSR_FEATURE_CONTROL	0x3a
#define MSR_VMX_BASIC		0x480
#define MSR_VMX_PINBASED	0x481
#define MSR_VMX_PROCBASED	0x482
#define MSR_VMX_EXIT		0x483
#define MSR_VMX_ENTRY		0x484
#define MSR_VMX_PROCBASED2	0x48b
#define MSR_VMX_EPT_VPID_CAP	0x48c

/* test seam: "<root>/dev/cpu/N/msr" is a text file of "index value" */
static int hw_fake_rdmsr(const char *path, unsigned int msr,
			 unsigned long long *value)
{
	unsigned long long index;
	FILE *f = fopen(path, "r");
	int found = 0;

	if (!f)
		return -1;
	while (!found && fscanf(f, "%llx %llx", &index, value) == 2)
		found = index == msr;
	fclose(f);
	return found ? 0 : -1;
}

static int hw_rdmsr(int cpu, unsigned int msr, unsigned long long *value)
{
	char path[PATH_MAX], rel[64];
	int fd, ok;

	snprintf(rel, sizeof(rel), "/dev/cpu/%d/msr", cpu);
	hw_path(path, sizeof(path), rel);
	if (getenv("JAILHOUSE_HWROOT"))
		return hw_fake_rdmsr(path, msr, value);
	fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;
	ok = pread(fd, value, sizeof(*value), msr) == sizeof(*value);
	close(fd);
	return ok ? 0 : -1;
}

/* allowed-1 settings of a VMX control MSR (high half), bit test */
static enum hw_state hw_ctl(unsigned int msr, unsigned int bit)
{
	unsigned long long v;

	if (hw_rdmsr(0, msr, &v) < 0)
		return HW_UNKNOWN;
	return (v >> 32 >> bit) & 1 ? HW_OK : HW_MISSING;
}

static enum hw_state hw_msr_bit(unsigned int msr, unsigned int bit)
{
	unsigned long long v;

	if (hw_rdmsr(0, msr, &v) < 0)
		return HW_UNKNOWN;
	return (v >> bit) & 1 ? HW_OK : HW_MISSING;
}

static enum hw_state hw_all(enum hw_state a, enum hw_state b)
{
	return a > b ? a : b;
}

/* Every CPU's IA32_FEATURE_CONTROL must allow VMX outside SMX. */
static void hw_check_feature_control(struct hw_result *res)
{
	const char *note = " (load the msr module and run as root)";
	enum hw_state state = HW_UNKNOWN;
	char path[PATH_MAX];
	unsigned long long v;
	struct dirent *entry;
	char *end;
	DIR *dir;
	long cpu;

	hw_path(path, sizeof(path), "/dev/cpu");
	dir = opendir(path);
	while (dir && (entry = readdir(dir))) {
		cpu = strtol(entry->d_name, &end, 10);
		if (*end || end == entry->d_name)
			continue;
		if (hw_rdmsr(cpu, MSR_FEATURE_CONTROL, &v) < 0) {
			state = HW_UNKNOWN;
			note = " (load the msr module and run as root)";
			break;
		}
		if ((v & 1) && !(v & 4)) {
			state = HW_MISSING;
			note = " (locked off by the firmware: enable VT-x in the BIOS setup)";
			break;
		}
		state = HW_OK;
		note = (v & 1) ? NULL :
			" (unlocked, the hypervisor enables it)";
	}
	if (dir)
		closedir(dir);
	hw_line(res, "VMX allowed by IA32_FEATURE_CONTROL (all CPUs)", 1,
		state, note);
}

static void hw_check_x86(struct hw_result *res)
{
	struct cpuid_regs r;
	enum hw_state vmx = HW_UNKNOWN, x2apic = HW_UNKNOWN, wb = HW_UNKNOWN;
	unsigned long long basic;
	char vendor[13] = "";

	if (hw_cpuid(0, 0, &r) == 0) {
		memcpy(vendor, &r.ebx, 4);
		memcpy(vendor + 4, &r.edx, 4);
		memcpy(vendor + 8, &r.ecx, 4);
	}
	if (hw_cpuid(1, 0, &r) == 0) {
		vmx = strcmp(vendor, "GenuineIntel") == 0 && (r.ecx >> 5) & 1 ?
			HW_OK : HW_MISSING;
		x2apic = (r.ecx >> 21) & 1 ? HW_OK : HW_MISSING;
	}
	hw_line(res, "Intel CPU with VMX (VT-x)", 1, vmx,
		vmx == HW_MISSING && !strcmp(vendor, "AuthenticAMD") ?
		" (AMD SVM is not supported)" : NULL);
	hw_check_feature_control(res);
	if (hw_rdmsr(0, MSR_VMX_BASIC, &basic) == 0)
		wb = ((basic >> 50) & 0xf) == 6 ? HW_OK : HW_MISSING;
	hw_line(res, "VMCS in write-back memory", 1, wb, NULL);
	hw_line(res, "Secondary processor-based controls", 1,
		hw_ctl(MSR_VMX_PROCBASED, 31), NULL);
	hw_line(res, "I/O and MSR bitmaps", 1,
		hw_all(hw_ctl(MSR_VMX_PROCBASED, 25),
		       hw_ctl(MSR_VMX_PROCBASED, 28)), NULL);
	hw_line(res, "VMX preemption timer", 1,
		hw_ctl(MSR_VMX_PINBASED, 6), NULL);
	hw_line(res, "Extended page tables (EPT)", 1,
		hw_ctl(MSR_VMX_PROCBASED2, 1), NULL);
	hw_line(res, "EPT 4-level page walk", 1,
		hw_msr_bit(MSR_VMX_EPT_VPID_CAP, 6), NULL);
	hw_line(res, "EPT write-back memory type", 1,
		hw_msr_bit(MSR_VMX_EPT_VPID_CAP, 14), NULL);
	hw_line(res, "INVEPT instruction", 1,
		hw_msr_bit(MSR_VMX_EPT_VPID_CAP, 20), NULL);
	hw_line(res, "Unrestricted guest", 1,
		hw_ctl(MSR_VMX_PROCBASED2, 7), NULL);
	hw_line(res, "Load/save EFER and PAT on VM entry/exit", 1,
		hw_all(hw_all(hw_ctl(MSR_VMX_EXIT, 19),
			      hw_ctl(MSR_VMX_EXIT, 21)),
		       hw_all(hw_ctl(MSR_VMX_ENTRY, 14),
			      hw_ctl(MSR_VMX_ENTRY, 15))), NULL);
	hw_line(res, "VPID", 0, hw_ctl(MSR_VMX_PROCBASED2, 5), NULL);
	hw_line(res, "EPT 2 MiB pages", 0,
		hw_msr_bit(MSR_VMX_EPT_VPID_CAP, 16), NULL);
	hw_line(res, "x2APIC", 0, x2apic, NULL);
}

/* ---------------------------------------------------------------- ARM */

/* Value of "key : value" in /proc/cpuinfo text, copied into buf. */
static int cpuinfo_field(const char *text, const char *key, char *buf,
			 size_t size)
{
	const char *line = text, *colon, *end;
	size_t klen = strlen(key), len;

	for (; line && *line; line = strchr(line, '\n') ? strchr(line, '\n') + 1 : NULL) {
		if (strncmp(line, key, klen) ||
		    (line[klen] != ' ' && line[klen] != '\t' &&
		     line[klen] != ':'))
			continue;
		colon = strchr(line, ':');
		end = strchr(line, '\n');
		if (!colon || (end && colon > end))
			continue;
		colon++;
		while (*colon == ' ' || *colon == '\t')
			colon++;
		len = end ? (size_t)(end - colon) : strlen(colon);
		if (len >= size)
			len = size - 1;
		memcpy(buf, colon, len);
		buf[len] = '\0';
		return 0;
	}
	return -1;
}

static int has_word(const char *list, const char *word)
{
	size_t len = strlen(word);
	const char *p = list;

	while ((p = strstr(p, word))) {
		if ((p == list || p[-1] == ' ') &&
		    (p[len] == ' ' || p[len] == '\0'))
			return 1;
		p += len;
	}
	return 0;
}

struct dt_search {
	const char *const *compatibles;	/* any of these */
	char found[PATH_MAX];		/* node path */
};

/* depth-first search of the device tree for a compatible string */
static int dt_find(const char *dir_path, struct dt_search *s, int depth)
{
	char path[PATH_MAX], compat[512];
	const char *const *want;
	struct dirent *entry;
	ssize_t len, off;
	int fd, found = 0;
	struct stat st;
	DIR *dir;

	snprintf(path, sizeof(path), "%s/compatible", dir_path);
	fd = open(path, O_RDONLY);
	if (fd >= 0) {
		len = read(fd, compat, sizeof(compat) - 1);
		close(fd);
		for (off = 0; len > 0 && off < len && !found;
		     off += strlen(compat + off) + 1) {
			compat[len] = '\0';
			for (want = s->compatibles; *want && !found; want++)
				found = !strcmp(compat + off, *want);
		}
		if (found) {
			snprintf(s->found, sizeof(s->found), "%s", dir_path);
			return 1;
		}
	}
	if (depth > 8)
		return 0;
	dir = opendir(dir_path);
	if (!dir)
		return 0;
	while (!found && (entry = readdir(dir))) {
		if (entry->d_name[0] == '.' ||
		    (entry->d_type != DT_DIR && entry->d_type != DT_UNKNOWN))
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir_path,
			 entry->d_name);
		if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
			found = dt_find(path, s, depth + 1);
	}
	closedir(dir);
	return found;
}

static long file_size(const char *path)
{
	char buf[512];
	ssize_t got;
	long total = 0;
	int fd = open(path, O_RDONLY);

	if (fd < 0)
		return -1;
	while ((got = read(fd, buf, sizeof(buf))) > 0)
		total += got;
	close(fd);
	return total;
}

static unsigned int dt_cells(const char *node, const char *prop,
			     unsigned int fallback)
{
	unsigned char raw[4];
	char path[PATH_MAX];
	unsigned int value;
	int fd;

	snprintf(path, sizeof(path), "%s/%s", node, prop);
	fd = open(path, O_RDONLY);
	if (fd < 0)
		return fallback;
	if (read(fd, raw, 4) != 4)
		memset(raw, 0, sizeof(raw));
	close(fd);
	value = (unsigned int)raw[0] << 24 | raw[1] << 16 | raw[2] << 8 |
		raw[3];
	return value ? value : fallback;
}

/* A GICv2 whose "reg" also lists the hypervisor and virtual interfaces */
static enum hw_state hw_gic_virt(const char *dt_root, char *note,
				 size_t size)
{
	static const char *const v2[] = {
		"arm,cortex-a15-gic", "arm,cortex-a7-gic", "arm,gic-400",
		NULL
	};
	static const char *const v3[] = { "arm,gic-v3", NULL };
	struct dt_search s = { .compatibles = v3 };
	char path[PATH_MAX], parent[PATH_MAX], *slash;
	unsigned int entry;
	long reg;

	if (dt_find(dt_root, &s, 0)) {
		snprintf(note, size, " (GICv3 found, a GICv2 is needed)");
		return HW_MISSING;
	}
	s.compatibles = v2;
	if (!dt_find(dt_root, &s, 0)) {
		snprintf(note, size, " (no GICv2 in the device tree)");
		return access(dt_root, F_OK) ? HW_UNKNOWN : HW_MISSING;
	}
	snprintf(parent, sizeof(parent), "%s", s.found);
	slash = strrchr(parent, '/');
	if (slash)
		*slash = '\0';
	entry = 4 * (dt_cells(parent, "#address-cells", 1) +
		     dt_cells(parent, "#size-cells", 1));
	snprintf(path, sizeof(path), "%s/reg", s.found);
	reg = file_size(path);
	if (reg < 0)
		return HW_UNKNOWN;
	if ((unsigned long)reg < 4 * entry) {
		snprintf(note, size,
			 " (device tree lists no GICH/GICV registers)");
		return HW_MISSING;
	}
	return HW_OK;
}

static enum hw_state hw_dt_has(const char *dt_root,
			       const char *const *compatibles)
{
	struct dt_search s = { .compatibles = compatibles };

	if (dt_find(dt_root, &s, 0))
		return HW_OK;
	return access(dt_root, F_OK) ? HW_UNKNOWN : HW_MISSING;
}

/* The boot log says in which mode the CPUs came up. */
static enum hw_state hw_hyp_mode(const char **note)
{
	char *log = NULL;
	enum hw_state state = HW_UNKNOWN;
	int size;

	if (getenv("JAILHOUSE_HWROOT")) {
		log = hw_slurp("/dmesg");
	} else {
		size = klogctl(10, NULL, 0);	/* size of the log buffer */
		if (size > 0)
			log = calloc(1, size + 1);
		if (log && klogctl(3, log, size) < 0) {
			free(log);
			log = NULL;
		}
	}
	*note = " (cannot read the kernel log: run as root)";
	if (!log)
		return HW_UNKNOWN;
	*note = " (boot message not in the kernel log anymore)";
	if (strstr(log, "started in HYP mode")) {
		state = HW_OK;
		*note = NULL;
	} else if (strstr(log, "started in SVC mode") ||
		   strstr(log, "wrong/inconsistent modes")) {
		state = HW_MISSING;
		*note = " (the boot loader must start Linux in HYP mode)";
	}
	free(log);
	return state;
}

static void hw_check_arm(struct hw_result *res)
{
	static const char *const timers[] = {
		"arm,armv7-timer", "arm,armv8-timer", NULL
	};
	char *cpuinfo = hw_slurp("/proc/cpuinfo");
	char features[1024] = "", archv[32] = "", dt[PATH_MAX], gic_note[96];
	enum hw_state timer, hyp;
	const char *note;
	int known = !!cpuinfo;

	if (cpuinfo) {
		cpuinfo_field(cpuinfo, "Features", features,
			      sizeof(features));
		cpuinfo_field(cpuinfo, "CPU architecture", archv,
			      sizeof(archv));
	}
	hw_line(res, "ARMv7 CPU", 1,
		!known ? HW_UNKNOWN : atoi(archv) == 7 ? HW_OK : HW_MISSING,
		NULL);
	hw_line(res, "Large physical address extension (lpae)", 1,
		!known ? HW_UNKNOWN :
		has_word(features, "lpae") ? HW_OK : HW_MISSING, NULL);
	hyp = hw_hyp_mode(&note);
	hw_line(res, "Booted in HYP mode", 1, hyp, note);

	hw_path(dt, sizeof(dt), "/proc/device-tree");
	gic_note[0] = '\0';
	hw_line(res, "GICv2 with virtualization interface", 1,
		hw_gic_virt(dt, gic_note, sizeof(gic_note)), gic_note);
	timer = hw_dt_has(dt, timers);
	if (timer != HW_OK && has_word(features, "evtstrm"))
		timer = HW_OK;
	hw_line(res, "ARM generic timer", 1, timer, NULL);
	hw_line(res, "Hardware integer division (idiva)", 0,
		!known ? HW_UNKNOWN :
		has_word(features, "idiva") ? HW_OK : HW_MISSING, NULL);
	free(cpuinfo);
}

int jh_cmd_hardware_check(int argc, char *argv[])
{
	struct hw_result res = { 0, 0 };
	int arch = jh_machine_arch();

	(void)argv;
	if (argc != 3)
		jh_usage_error("hardware check takes no arguments");
	printf("Jailhouse hardware check (%s)\n", jh_arch_name(arch));
	if (arch == JAILHOUSE_X86) {
		hw_check_x86(&res);
	} else if (arch == JAILHOUSE_ARM) {
		hw_check_arm(&res);
	} else {
		jh_err("this machine (%s) is not supported: x86-64 and ARMv7 only",
		       jh_arch_name(arch));
		return JH_EXIT_FAIL;
	}
	if (res.missing)
		printf("Result: %u hard requirement%s MISSING\n", res.missing,
		       res.missing == 1 ? "" : "s");
	else if (res.unknown)
		printf("Result: %u hard requirement%s could not be verified\n",
		       res.unknown, res.unknown == 1 ? "" : "s");
	else
		printf("Result: all hard requirements met\n");
	return res.missing || res.unknown ? JH_EXIT_FAIL : JH_EXIT_OK;
}
