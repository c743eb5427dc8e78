// SPDX-License-Identifier: GPL-2.0
/*
 * "jailhouse config create": placeholder until the generator lands.
 */
#include "jailhouse-common.h"

int jh_cmd_config_create(int argc, char *argv[])
{
	(void)argc;
	(void)argv;
	jh_error("config create is not implemented yet");
	return JH_EXIT_FAIL;
}
