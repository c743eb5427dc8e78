// SPDX-License-Identifier: GPL-2.0
/*
 * "jailhouse cell ..." commands: create, load, start, shutdown, destroy
 * through the driver's ioctls; list and stats from sysfs.
 */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "jailhouse-common.h"

/* Inmate images may be large (Linux kernels, initrds), but not absurd. */
#define JH_MAX_IMAGE_SIZE	(1UL << 30)
#define JH_MAX_CELLS		1024
#define JH_MAX_STATS		64
#define JH_MAX_STAT_CPUS	64
#define JH_STAT_NAME_LEN	64

static int cell_create(int argc, char *argv[])
{
	struct jailhouse_cell_create create;
	struct jh_file config;
	int ret;

	if (argc != 4)
		jh_usage_error("cell create takes exactly one CELLCONFIG");
	if (jh_load_config(argv[3], JH_CONFIG_CELL, &config) < 0)
		return JH_EXIT_FAIL;
	memset(&create, 0, sizeof(create));
	create.config_address = (unsigned long)config.data;
	create.config_size = config.size;
	ret = jh_ioctl(JAILHOUSE_CELL_CREATE, "JAILHOUSE_CELL_CREATE",
		       &create);
	jh_free_file(&config);
	return ret < 0 ? JH_EXIT_FAIL : JH_EXIT_OK;
}

/* cell start | destroy | shutdown: one cell selector, nothing else */
static int cell_simple(int argc, char *argv[], unsigned long request,
		       const char *name)
{
	struct jailhouse_cell_load load;
	int pos = 3;

	jh_parse_cell_id(argc, argv, &pos, &load.cell_id);
	if (pos != argc)
		jh_usage_error("unexpected argument \"%s\"", argv[pos]);
	if (request == JAILHOUSE_CELL_LOAD) {
		/* shutdown = load without images: the cell is stopped */
		load.num_preload_images = 0;
		load.padding = 0;
		return jh_ioctl(request, name, &load) < 0 ?
			JH_EXIT_FAIL : JH_EXIT_OK;
	}
	return jh_ioctl(request, name, &load.cell_id) < 0 ?
		JH_EXIT_FAIL : JH_EXIT_OK;
}

/* Frees what cell_load() collected. */
static void free_images(struct jailhouse_cell_load *load,
			struct jh_file *files)
{
	unsigned int n;

	for (n = 0; n < load->num_preload_images; n++)
		jh_free_file(&files[n]);
	free(files);
	free(load);
}

static int cell_load(int argc, char *argv[])
{
	struct jailhouse_preload_image *image = NULL;
	struct jailhouse_cell_load *load;
	struct jh_file *files;
	unsigned long long addr;
	unsigned int count = 0;
	int pos = 3, ret;
	const char *arg;

	/* at most one image per remaining argument */
	load = calloc(1, sizeof(*load) + argc * sizeof(load->image[0]));
	files = calloc(argc, sizeof(*files));
	if (!load || !files) {
		jh_err("out of memory");
		return JH_EXIT_FAIL;
	}
	jh_parse_cell_id(argc, argv, &pos, &load->cell_id);
	while (pos < argc) {
		arg = argv[pos++];
		if (!strcmp(arg, "-a") || !strcmp(arg, "--address")) {
			if (!image)
				jh_usage_error("%s must follow an image", arg);
			if (pos >= argc || jh_parse_u64(argv[pos], &addr) < 0)
				jh_usage_error("%s needs a numeric address",
					       arg);
			image->target_address = addr;
			pos++;
			continue;
		}
		image = &load->image[count];
		if (!strcmp(arg, "-s") || !strcmp(arg, "--string")) {
			if (pos >= argc)
				jh_usage_error("%s needs a string", arg);
			arg = argv[pos++];
			files[count].data = strdup(arg);
			files[count].size = strlen(arg) + 1;
			if (!files[count].data) {
				jh_err("out of memory");
				goto fail;
			}
		} else if (arg[0] == '-' && arg[1]) {
			jh_usage_error("unknown option \"%s\"", arg);
		} else if (jh_read_file(arg, JH_MAX_IMAGE_SIZE,
					&files[count]) < 0) {
			goto fail;
		}
		image->source_address = (unsigned long)files[count].data;
		image->size = files[count].size;
		load->num_preload_images = ++count;
	}
	if (count == 0)
		jh_usage_error("cell load needs at least one IMAGE or -s STRING");

	ret = jh_ioctl(JAILHOUSE_CELL_LOAD, "JAILHOUSE_CELL_LOAD", load);
	free_images(load, files);
	return ret < 0 ? JH_EXIT_FAIL : JH_EXIT_OK;

fail:
	free_images(load, files);
	return JH_EXIT_FAIL;
}

static int compare_ints(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

/* IDs of the cells in sysfs, sorted; -1 if the cells directory is absent */
static int list_cell_ids(int *ids, int max)
{
	char path[PATH_MAX];
	struct dirent *entry;
	char *end;
	int count = 0;
	long id;
	DIR *dir;

	snprintf(path, sizeof(path), "%s/cells", jh_sysfs_path());
	dir = opendir(path);
	if (!dir)
		return -1;
	while ((entry = readdir(dir)) && count < max) {
		id = strtol(entry->d_name, &end, 10);
		if (*end || end == entry->d_name || id < 0)
			continue;
		ids[count++] = (int)id;
	}
	closedir(dir);
	qsort(ids, count, sizeof(*ids), compare_ints);
	return count;
}

static void read_cell_attr(int id, const char *attr, char *buf, size_t size)
{
	char path[PATH_MAX];

	snprintf(path, sizeof(path), "%s/cells/%d/%s", jh_sysfs_path(), id,
		 attr);
	if (jh_read_text(path, buf, size) < 0)
		snprintf(buf, size, "?");
}

static int cell_list(int argc, char *argv[])
{
	char name[64], state[64], cpus[256], failed[256], id_text[16];
	int ids[JH_MAX_CELLS], count, n;

	(void)argv;
	if (argc != 3)
		jh_usage_error("cell list takes no arguments");
	count = list_cell_ids(ids, JH_MAX_CELLS);
	if (count < 0)
		return JH_EXIT_OK;	/* module not loaded: nothing to list */
	printf("%-8s%-24s%-18s%-24s%-24s\n", "ID", "Name", "State",
	       "Assigned CPUs", "Failed CPUs");
	for (n = 0; n < count; n++) {
		read_cell_attr(ids[n], "name", name, sizeof(name));
		read_cell_attr(ids[n], "state", state, sizeof(state));
		read_cell_attr(ids[n], "cpus_assigned_list", cpus,
			       sizeof(cpus));
		read_cell_attr(ids[n], "cpus_failed_list", failed,
			       sizeof(failed));
		snprintf(id_text, sizeof(id_text), "%d", ids[n]);
		printf("%-8s%-24s%-18s%-24s%-24s\n", id_text, name, state, cpus,
		       failed);
	}
	return JH_EXIT_OK;
}

/* sysfs ID of the cell selected by @sel, or -1 (message printed) */
static int find_cell(const struct jailhouse_cell_id *sel)
{
	int ids[JH_MAX_CELLS], count, n;
	char name[64];

	count = list_cell_ids(ids, JH_MAX_CELLS);
	if (count < 0) {
		jh_err("%s/cells not found: is the hypervisor enabled?",
		       jh_sysfs_path());
		return -1;
	}
	for (n = 0; n < count; n++) {
		if (sel->id >= 0 && ids[n] == sel->id)
			return ids[n];
		if (sel->id >= 0)
			continue;
		read_cell_attr(ids[n], "name", name, sizeof(name));
		if (!strcmp(name, sel->name))
			return ids[n];
	}
	if (sel->id >= 0)
		jh_err("no cell with ID %d", sel->id);
	else
		jh_err("no cell named \"%s\"", sel->name);
	return -1;
}

struct cell_stats {
	unsigned int num_stats;
	unsigned int num_cpus;
	char names[JH_MAX_STATS][JH_STAT_NAME_LEN];
	int cpus[JH_MAX_STAT_CPUS];
	unsigned long long total[JH_MAX_STATS];
	unsigned long long per_cpu[JH_MAX_STAT_CPUS][JH_MAX_STATS];
};

static int compare_stat_names(const void *a, const void *b)
{
	const char *x = a, *y = b;

	/* the grand total leads, the rest is alphabetical */
	if (!strcmp(x, "vmexits_total") || !strcmp(y, "vmexits_total"))
		return !strcmp(y, "vmexits_total") - !strcmp(x, "vmexits_total");
	return strcmp(x, y);
}

/* Collects the names of the counters and the CPU subdirectories. */
static int scan_stats(const char *dir_path, struct cell_stats *st)
{
	struct dirent *entry;
	DIR *dir;
	char *end;
	long cpu;

	dir = opendir(dir_path);
	if (!dir) {
		jh_err("%s: %s", dir_path, strerror(errno));
		return -1;
	}
	while ((entry = readdir(dir))) {
		if (entry->d_name[0] == '.')
			continue;
		if (!strncmp(entry->d_name, "cpu", 3)) {
			cpu = strtol(entry->d_name + 3, &end, 10);
			if (!*end && end != entry->d_name + 3 &&
			    st->num_cpus < JH_MAX_STAT_CPUS)
				st->cpus[st->num_cpus++] = (int)cpu;
			continue;
		}
		if (st->num_stats < JH_MAX_STATS &&
		    strlen(entry->d_name) < JH_STAT_NAME_LEN)
			strcpy(st->names[st->num_stats++], entry->d_name);
	}
	closedir(dir);
	qsort(st->names, st->num_stats, sizeof(st->names[0]),
	      compare_stat_names);
	qsort(st->cpus, st->num_cpus, sizeof(st->cpus[0]), compare_ints);
	return 0;
}

static unsigned long long read_counter(const char *dir, const char *name)
{
	char path[PATH_MAX], text[32];
	unsigned long long value;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	if (jh_read_text(path, text, sizeof(text)) < 0 ||
	    jh_parse_u64(text, &value) < 0)
		return 0;
	return value;
}

static void read_stats(const char *dir, struct cell_stats *st)
{
	char cpu_dir[PATH_MAX];
	unsigned int s, c;

	for (s = 0; s < st->num_stats; s++)
		st->total[s] = read_counter(dir, st->names[s]);
	for (c = 0; c < st->num_cpus; c++) {
		snprintf(cpu_dir, sizeof(cpu_dir), "%s/cpu%d", dir,
			 st->cpus[c]);
		for (s = 0; s < st->num_stats; s++)
			st->per_cpu[c][s] = read_counter(cpu_dir,
							 st->names[s]);
	}
}

static void print_stats(int id, const char *name,
			const struct cell_stats *now,
			const struct cell_stats *before, double seconds)
{
	char column[16];
	unsigned int s, c;

	printf("Statistics for cell \"%s\" (ID %d)\n\n", name, id);
	printf("%-24s%14s", "Counter", "Total");
	if (before)
		printf("%14s", "Per second");
	for (c = 0; c < now->num_cpus; c++) {
		snprintf(column, sizeof(column), "CPU %d", now->cpus[c]);
		printf("%14s", column);
	}
	putchar('\n');
	for (s = 0; s < now->num_stats; s++) {
		printf("%-24s%14llu", now->names[s], now->total[s]);
		if (before)
			printf("%14.0f", (now->total[s] - before->total[s]) /
			       seconds);
		for (c = 0; c < now->num_cpus; c++)
			printf("%14llu", now->per_cpu[c][s]);
		putchar('\n');
	}
	fflush(stdout);
}

/*
 * cell stats SEL [-r SECONDS [-n COUNT]]: one table, or a refreshing one
 * with rates, COUNT times (default: until interrupted).
 */
static int cell_stats(int argc, char *argv[])
{
	struct cell_stats *now, *before;
	struct jailhouse_cell_id sel;
	unsigned long long count = 0, round;
	char dir[PATH_MAX], name[64];
	double seconds = 0;
	struct timespec ts;
	int pos = 3, id;
	char *end;

	jh_parse_cell_id(argc, argv, &pos, &sel);
	while (pos < argc) {
		if (pos + 1 >= argc)
			jh_usage_error("%s needs a value", argv[pos]);
		if (!strcmp(argv[pos], "-r") ||
		    !strcmp(argv[pos], "--refresh")) {
			seconds = strtod(argv[pos + 1], &end);
			if (*end || !(seconds >= 0.1 && seconds <= 3600))
				jh_usage_error("refresh interval must be 0.1..3600 seconds");
		} else if (!strcmp(argv[pos], "-n") ||
			   !strcmp(argv[pos], "--count")) {
			if (jh_parse_u64(argv[pos + 1], &count) < 0)
				jh_usage_error("-n needs a number");
		} else {
			jh_usage_error("unexpected argument \"%s\"",
				       argv[pos]);
		}
		pos += 2;
	}
	if (count && seconds == 0)
		jh_usage_error("-n needs -r");

	id = find_cell(&sel);
	if (id < 0)
		return JH_EXIT_FAIL;
	read_cell_attr(id, "name", name, sizeof(name));
	snprintf(dir, sizeof(dir), "%s/cells/%d/statistics", jh_sysfs_path(),
		 id);
	now = calloc(1, sizeof(*now));
	before = calloc(1, sizeof(*before));
	if (!now || !before || scan_stats(dir, now) < 0) {
		free(now);
		free(before);
		return JH_EXIT_FAIL;
	}
	read_stats(dir, now);
	if (seconds == 0) {
		print_stats(id, name, now, NULL, 0);
		goto out;
	}
	ts.tv_sec = (time_t)seconds;
	ts.tv_nsec = (long)((seconds - ts.tv_sec) * 1e9);
	for (round = 0; !count || round < count; round++) {
		memcpy(before, now, sizeof(*now));
		nanosleep(&ts, NULL);
		read_stats(dir, now);
		if (isatty(STDOUT_FILENO))
			fputs("\033[H\033[J", stdout);
		print_stats(id, name, now, before, seconds);
	}
out:
	free(now);
	free(before);
	return JH_EXIT_OK;
}

int jh_cmd_cell(int argc, char *argv[])
{
	const char *sub = argc > 2 ? argv[2] : NULL;

	if (!sub)
		jh_usage_error("missing cell command");
	if (!strcmp(sub, "create"))
		return cell_create(argc, argv);
	if (!strcmp(sub, "list"))
		return cell_list(argc, argv);
	if (!strcmp(sub, "load"))
		return cell_load(argc, argv);
	if (!strcmp(sub, "start"))
		return cell_simple(argc, argv, JAILHOUSE_CELL_START,
				   "JAILHOUSE_CELL_START");
	if (!strcmp(sub, "shutdown"))
		return cell_simple(argc, argv, JAILHOUSE_CELL_LOAD,
				   "JAILHOUSE_CELL_LOAD");
	if (!strcmp(sub, "destroy"))
		return cell_simple(argc, argv, JAILHOUSE_CELL_DESTROY,
				   "JAILHOUSE_CELL_DESTROY");
	if (!strcmp(sub, "stats"))
		return cell_stats(argc, argv);
	jh_run_helper(argc, argv);
	jh_usage_error("unknown cell command \"%s\"", sub);
}
