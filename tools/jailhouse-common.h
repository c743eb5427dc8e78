/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shared helpers of the jailhouse management tool: messages, file and
 * config loading (always validated before anything reaches the driver),
 * the device and sysfs paths and cell selection.
 */
#ifndef _JAILHOUSE_TOOL_COMMON_H
#define _JAILHOUSE_TOOL_COMMON_H

#include <stddef.h>
#include <stdio.h>

#include <jailhouse/config_check.h>
#include <jailhouse/ioctl.h>

#define JH_EXIT_OK		0
#define JH_EXIT_FAIL		1
#define JH_EXIT_USAGE		2

/* A usage error prints the usage text and exits with JH_EXIT_USAGE. */
void jh_usage_error(const char *fmt, ...)
	__attribute__((format(printf, 1, 2), noreturn));
void jh_print_usage(FILE *out);

void jh_err(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void jh_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

struct jh_file {
	const char *path;
	void *data;
	size_t size;
};

/* Reads a whole file; on failure prints a message naming it, returns -1. */
int jh_read_file(const char *path, size_t max_size, struct jh_file *file);
void jh_free_file(struct jh_file *file);

/*
 * Report sink for the config validator: prints "<arg>: error: <msg>".
 * arg is the name of the file (or group of files) being checked.
 */
void jh_print_finding(void *arg, int severity, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Where findings go: stderr (default) or, for config check, stdout. */
void jh_findings_to(FILE *out);

#define JH_CONFIG_SYSTEM	1
#define JH_CONFIG_CELL		0

/*
 * Loads and validates a config for use on this machine: the file must be
 * readable, of the wanted kind, built for this machine's architecture and
 * free of validation errors. Returns 0 or -1 (message printed).
 */
int jh_load_config(const char *path, int want_system, struct jh_file *file);

/*
 * JAILHOUSE_X86/ARM/ARM64 for the running machine (uname), -1 if unknown.
 * Test seam: JAILHOUSE_MACHINE overrides the uname machine string.
 */
int jh_machine_arch(void);
const char *jh_arch_name(int arch);

/*
 * Test seams (documented in Documentation/tools.md):
 *   JAILHOUSE_DEVICE  replaces /dev/jailhouse
 *   JAILHOUSE_SYSFS   replaces /sys/devices/jailhouse
 */
const char *jh_device_path(void);
const char *jh_sysfs_path(void);

/* Opens the device; prints a hint when the module is not loaded. */
int jh_open_device(int flags);

/* ioctl on the device; prints "<name>: <error>" on failure. */
int jh_ioctl(unsigned long request, const char *name, void *arg);

/*
 * Parses "ID", "NAME" or "--name NAME" at argv[*pos] into @id and
 * advances *pos. Usage error if missing or invalid.
 */
void jh_parse_cell_id(int argc, char *argv[], int *pos,
		      struct jailhouse_cell_id *id);

/* Reads a small text file into buf, newline stripped; -1 on error. */
int jh_read_text(const char *path, char *buf, size_t size);

/* strtoull with base detection; -1 if not a complete number. */
int jh_parse_u64(const char *text, unsigned long long *value);

/*
 * Runs the helper jailhouse-<argv[1]>-<argv[2]> if one exists (never
 * returns then); returns if there is none.
 */
void jh_run_helper(int argc, char *argv[]);

int jh_cmd_cell(int argc, char *argv[]);
int jh_cmd_config_check(int argc, char *argv[]);
int jh_cmd_config_create(int argc, char *argv[]);
int jh_cmd_hardware_check(int argc, char *argv[]);

#endif /* !_JAILHOUSE_TOOL_COMMON_H */
