// SPDX-License-Identifier: GPL-2.0
/*
 * jailhouse - management tool for the partitioning hypervisor.
 *
 * Talks to the driver through /dev/jailhouse (ioctls of
 * include/jailhouse/ioctl.h) and reads /sys/devices/jailhouse. Every
 * config file is validated before it is handed to the driver. Unknown
 * "<cmd> <subcmd>" pairs run external helpers named jailhouse-<cmd>-<subcmd>.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "jailhouse-common.h"

#ifndef JAILHOUSE_VERSION
#define JAILHOUSE_VERSION	"unknown"
#endif
#ifndef LIBEXECDIR
#define LIBEXECDIR		"/usr/local/libexec"
#endif

void jh_print_usage(FILE *out)
{
	fputs("Usage: jailhouse { COMMAND | --help | --version }\n"
	      "\n"
	      "Available commands:\n"
	      "   enable SYSCONFIG\n"
	      "   disable\n"
	      "   console [-f | --follow]\n"
	      "   cell create CELLCONFIG\n"
	      "   cell list\n"
	      "   cell load { ID | [--name] NAME } { IMAGE | { -s | --string } \"STRING\" }\n"
	      "             [-a | --address ADDRESS] ...\n"
	      "   cell start { ID | [--name] NAME }\n"
	      "   cell shutdown { ID | [--name] NAME }\n"
	      "   cell destroy { ID | [--name] NAME }\n"
	      "   cell stats { ID | [--name] NAME } [-r | --refresh SECONDS] [-n | --count N]\n"
	      "   config create [-h] [-r ROOT] [-c CONSOLE] [--mem-hv SIZE]\n"
	      "                 [--mem-inmates SIZE] FILE\n"
	      "   config check [-h] [-s | --separately] SYSCONFIG [CELLCONFIG ...]\n"
	      "   hardware check\n"
	      "\n"
	      "Other \"COMMAND SUBCOMMAND\" pairs run the helper jailhouse-COMMAND-SUBCOMMAND\n"
	      "from the tool's directory, " LIBEXECDIR "/jailhouse or PATH.\n",
	      out);
}

static int cmd_enable(int argc, char *argv[])
{
	struct jh_file config;
	int ret;

	if (argc != 3)
		jh_usage_error("enable takes exactly one SYSCONFIG");
	if (jh_load_config(argv[2], JH_CONFIG_SYSTEM, &config) < 0)
		return JH_EXIT_FAIL;
	ret = jh_ioctl(JAILHOUSE_ENABLE, "JAILHOUSE_ENABLE", config.data);
	jh_free_file(&config);
	return ret < 0 ? JH_EXIT_FAIL : JH_EXIT_OK;
}

static int cmd_disable(int argc, char *argv[])
{
	(void)argv;
	if (argc != 2)
		jh_usage_error("disable takes no arguments");
	return jh_ioctl(JAILHOUSE_DISABLE, "JAILHOUSE_DISABLE", NULL) < 0 ?
		JH_EXIT_FAIL : JH_EXIT_OK;
}

static int write_all(int fd, const char *buf, size_t len)
{
	ssize_t done;

	while (len) {
		done = write(fd, buf, len);
		if (done < 0 && errno == EINTR)
			continue;
		if (done <= 0)
			return -1;
		buf += done;
		len -= done;
	}
	return 0;
}

static void nap_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	nanosleep(&ts, NULL);
}

/* Hypervisor console: what is there (default) or all that comes (-f). */
static int cmd_console(int argc, char *argv[])
{
	char buf[4096];
	int follow = 0, fd;
	ssize_t got;

	if (argc == 3 && (!strcmp(argv[2], "-f") ||
			  !strcmp(argv[2], "--follow")))
		follow = 1;
	else if (argc != 2)
		jh_usage_error("console takes only -f/--follow");

	fd = jh_open_device(O_RDONLY | (follow ? 0 : O_NONBLOCK));
	if (fd < 0)
		return JH_EXIT_FAIL;
	for (;;) {
		got = read(fd, buf, sizeof(buf));
		if (got > 0) {
			if (write_all(STDOUT_FILENO, buf, got) < 0)
				break;
			continue;
		}
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0 && errno != EAGAIN) {
			jh_err("reading the console from %s: %s",
			       jh_device_path(), strerror(errno));
			close(fd);
			return JH_EXIT_FAIL;
		}
		if (!follow)
			break;
		/* nothing new (or end of a plain file): poll gently */
		nap_ms(200);
	}
	close(fd);
	return JH_EXIT_OK;
}

static int valid_helper_word(const char *word)
{
	if (!*word || *word == '-')
		return 0;
	for (; *word; word++)
		if (!((*word >= 'a' && *word <= 'z') ||
		      (*word >= '0' && *word <= '9') || *word == '-' ||
		      *word == '_'))
			return 0;
	return 1;
}

static void try_exec(const char *dir, const char *helper, char *argv[])
{
	char path[PATH_MAX];

	if (snprintf(path, sizeof(path), "%s/%s", dir, helper) >=
	    (int)sizeof(path))
		return;
	if (access(path, X_OK) == 0) {
		argv[0] = path;
		execv(path, argv);
		jh_err("%s: cannot run: %s", path, strerror(errno));
		exit(JH_EXIT_FAIL);
	}
}

/*
 * "jailhouse CMD SUB args..." -> jailhouse-CMD-SUB args..., looked up in
 * dirname(argv[0]), LIBEXECDIR/jailhouse, then PATH. Returns only if no
 * helper exists.
 */
void jh_run_helper(int argc, char *argv[])
{
	char helper[128], dir[PATH_MAX], *slash;
	const char *libexec = LIBEXECDIR "/jailhouse";

	if (argc < 3 || !valid_helper_word(argv[1]) ||
	    !valid_helper_word(argv[2]) ||
	    snprintf(helper, sizeof(helper), "jailhouse-%s-%s", argv[1],
		     argv[2]) >= (int)sizeof(helper))
		return;

	argv += 2;	/* argv[0] becomes the helper's own name */
	if (strchr(argv[-2], '/') &&
	    snprintf(dir, sizeof(dir), "%s", argv[-2]) < (int)sizeof(dir)) {
		slash = strrchr(dir, '/');
		*slash = '\0';
		try_exec(*dir ? dir : "/", helper, argv);
	}
	try_exec(libexec, helper, argv);

	argv[0] = helper;
	execvp(helper, argv);
	if (errno != ENOENT) {
		jh_err("%s: cannot run: %s", helper, strerror(errno));
		exit(JH_EXIT_FAIL);
	}
}

static int cmd_config(int argc, char *argv[])
{
	if (argc >= 3 && !strcmp(argv[2], "check"))
		return jh_cmd_config_check(argc, argv);
	if (argc >= 3 && !strcmp(argv[2], "create"))
		return jh_cmd_config_create(argc, argv);
	jh_run_helper(argc, argv);
	jh_usage_error("unknown config command");
}

static int cmd_hardware(int argc, char *argv[])
{
	if (argc >= 3 && !strcmp(argv[2], "check"))
		return jh_cmd_hardware_check(argc, argv);
	jh_run_helper(argc, argv);
	jh_usage_error("unknown hardware command");
}

int main(int argc, char *argv[])
{
	const char *cmd = argc > 1 ? argv[1] : NULL;

	if (!cmd)
		jh_usage_error("missing command");
	if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h")) {
		jh_print_usage(stdout);
		return JH_EXIT_OK;
	}
	if (!strcmp(cmd, "--version")) {
		printf("Jailhouse management tool %s\n", JAILHOUSE_VERSION);
		return JH_EXIT_OK;
	}
	if (!strcmp(cmd, "enable"))
		return cmd_enable(argc, argv);
	if (!strcmp(cmd, "disable"))
		return cmd_disable(argc, argv);
	if (!strcmp(cmd, "console"))
		return cmd_console(argc, argv);
	if (!strcmp(cmd, "cell"))
		return jh_cmd_cell(argc, argv);
	if (!strcmp(cmd, "config"))
		return cmd_config(argc, argv);
	if (!strcmp(cmd, "hardware"))
		return cmd_hardware(argc, argv);
	jh_run_helper(argc, argv);
	jh_usage_error("unknown command \"%s\"", cmd);
}
