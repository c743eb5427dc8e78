# Scenario library for the emulated machines (busybox sh; sourced by /init
# before the scenario). Every check prints exactly one marker line on the
# console, which the host judge (ci/run-scenario.sh) turns into PASS/FAIL:
#
#   JH-TEST PASS <name>
#   JH-TEST FAIL <name> <why>
#   JH-SCENARIO-END                 (printed by jh_end; absent => run failed)
#
# Names are single words (use - and /). Paths of the installed product:

JH_MODULE=$(ls /lib/modules/*/extra/jailhouse.ko 2>/dev/null | head -n 1)
JH_CELLS=/etc/jailhouse			# configs/<arch>/*.cell
JH_INMATES=/usr/libexec/jailhouse/inmates	# inmates/**/*.bin (flattened)
JH_FIRMWARE=/lib/firmware		# hypervisor/*.bin
JH_SYSFS=/sys/devices/jailhouse
JH_ARCH=$(cat /etc/jailhouse-arch 2>/dev/null)	# x86 or arm
JH_SCENARIO_NAME=$(cat /etc/jailhouse-scenario 2>/dev/null)
# Per-command limit; a command that hangs the whole guest is caught by the
# host's timeout instead (no end marker).
JH_CMD_TIMEOUT=${JH_CMD_TIMEOUT:-120}

JH_NPASS=0
JH_NFAIL=0
JH_OUT=/tmp/jh-cmd-output

jh_pass()
{
	JH_NPASS=$((JH_NPASS + 1))
	echo "JH-TEST PASS $1"
}

# jh_fail <name> <why...>: also shows the newest kernel messages, since
# they usually explain a failure.
jh_fail()
{
	local name=$1

	shift
	JH_NFAIL=$((JH_NFAIL + 1))
	echo "JH-TEST FAIL $name $*"
	jh_new_dmesg | tail -n 15 | sed 's/^/  dmesg| /'
}

# Kernel messages logged since /init started.
jh_new_dmesg()
{
	dmesg | tail -n +$(($(cat /tmp/jh-dmesg-start 2>/dev/null || echo 0) + 1))
}

jh_log() { echo "jh: $*"; }

# Run a command with the per-command timeout, its output (stdout+stderr)
# in $JH_OUT and shown indented on the console. Returns its exit code.
jh_run()
{
	local rc

	echo "  \$ $*"
	timeout "$JH_CMD_TIMEOUT" "$@" >"$JH_OUT" 2>&1
	rc=$?
	sed 's/^/  | /' "$JH_OUT"
	[ $rc = 143 ] && echo "  | (killed after ${JH_CMD_TIMEOUT}s)"
	return $rc
}

jh_last_line() { tail -n 1 "$JH_OUT" | cut -c1-160; }

# jh_expect_ok <name> <cmd...>: passes when the command exits 0.
jh_expect_ok()
{
	local name=$1 rc

	shift
	jh_run "$@"
	rc=$?
	if [ $rc = 0 ]; then
		jh_pass "$name"
	else
		jh_fail "$name" "exit code $rc: $(jh_last_line)"
	fi
	return $rc
}

# jh_expect_fail <name> <regex> <cmd...>: passes when the command exits
# non-zero AND its output matches the extended regular expression
# (case-insensitive).
jh_expect_fail()
{
	local name=$1 regex=$2 rc

	shift 2
	jh_run "$@"
	rc=$?
	if [ $rc = 0 ]; then
		jh_fail "$name" "command succeeded, expected failure matching /$regex/"
		return 1
	fi
	if ! grep -Eiq -- "$regex" "$JH_OUT"; then
		jh_fail "$name" "exit code $rc but no message matching /$regex/"
		return 1
	fi
	jh_pass "$name"
}

# jh_expect_exit <name> <code> <cmd...>: passes on exactly that exit code.
jh_expect_exit()
{
	local name=$1 want=$2 rc

	shift 2
	jh_run "$@"
	rc=$?
	if [ "$rc" = "$want" ]; then
		jh_pass "$name"
	else
		jh_fail "$name" "exit code $rc, expected $want: $(jh_last_line)"
		return 1
	fi
}

# jh_expect_file <name> <path> <content>: the file's content (trailing
# newline ignored) equals <content>.
jh_expect_file()
{
	local name=$1 path=$2 want=$3 got

	if [ ! -e "$path" ]; then
		jh_fail "$name" "$path does not exist"
		return 1
	fi
	got=$(cat "$path" 2>&1)
	if [ "$got" = "$want" ]; then
		jh_pass "$name"
	else
		jh_fail "$name" "$path is '$got', expected '$want'"
		return 1
	fi
}

# jh_expect_exists <name> <path...>: every path exists.
jh_expect_exists()
{
	local name=$1 p

	shift
	for p in "$@"; do
		if [ ! -e "$p" ]; then
			jh_fail "$name" "$p does not exist"
			return 1
		fi
	done
	jh_pass "$name"
}

# jh_expect_output <name> <regex> <cmd...>: exit 0 and output matching.
jh_expect_output()
{
	local name=$1 regex=$2 rc

	shift 2
	jh_run "$@"
	rc=$?
	if [ $rc != 0 ]; then
		jh_fail "$name" "exit code $rc: $(jh_last_line)"
		return 1
	fi
	if ! grep -Eq -- "$regex" "$JH_OUT"; then
		jh_fail "$name" "output does not match /$regex/"
		return 1
	fi
	jh_pass "$name"
}

# jh_expect_dmesg <name> <regex>: the kernel log has a matching line.
jh_expect_dmesg()
{
	if dmesg | grep -Eq -- "$2"; then
		jh_pass "$1"
	else
		jh_fail "$1" "no kernel message matching /$2/"
		return 1
	fi
}

# jh_wait <timeout-s> <cmd...>: poll (every 0.2 s) until the command
# succeeds; returns 1 on timeout. No marker line.
jh_wait()
{
	local limit=$1 waited=0

	shift
	while ! "$@" >/dev/null 2>&1; do
		[ $waited -ge $((limit * 5)) ] && return 1
		sleep 0.2
		waited=$((waited + 1))
	done
	return 0
}

# jh_wait_for <name> <timeout-s> <cmd...>: jh_wait with a marker line.
jh_wait_for()
{
	local name=$1 limit=$2

	shift 2
	if jh_wait "$limit" "$@"; then
		jh_pass "$name"
	else
		jh_fail "$name" "'$*' not true within ${limit}s"
		return 1
	fi
}

jh_file_is() { [ "$(cat "$1" 2>/dev/null)" = "$2" ]; }

# jh_wait_file <name> <timeout-s> <path> <content>
jh_wait_file()
{
	jh_wait_for "$1" "$2" jh_file_is "$3" "$4"
}

jh_dmesg_has() { dmesg | grep -Eq -- "$1"; }

# jh_wait_dmesg <name> <timeout-s> <regex>
jh_wait_dmesg()
{
	jh_wait_for "$1" "$2" jh_dmesg_has "$3"
}

# jh_require <name> <path...>: a FAIL naming what is missing from the
# image (a piece that was not built) - never a silent skip. Returns 1 so
# that callers can leave out the checks that depend on it. Reported once
# per name, however often it is required.
JH_REQUIRE_FAILED=" "
jh_require()
{
	local name=$1 p missing=

	shift
	for p in "$@"; do
		[ -e "$p" ] || missing="$missing $p"
	done
	[ -z "$missing" ] && return 0
	case "$JH_REQUIRE_FAILED" in
	*" $name "*) ;;
	*)
		jh_fail "$name" "missing from the image:$missing"
		JH_REQUIRE_FAILED="$JH_REQUIRE_FAILED$name "
		;;
	esac
	return 1
}

# ---- configs -------------------------------------------------------------

# jh_config_kind <file>: "system" (JHSYS), "cell" (JHCLL) or "unknown".
jh_config_kind()
{
	case "$(head -c 5 "$1" 2>/dev/null)" in
	JHSYS) echo system ;;
	JHCLL) echo cell ;;
	*) echo unknown ;;
	esac
}

# jh_configs <system|cell>: the installed configs of that kind.
jh_configs()
{
	local f

	for f in "$JH_CELLS"/*.cell; do
		[ -f "$f" ] && [ "$(jh_config_kind "$f")" = "$1" ] && echo "$f"
	done
}

# The system config of the machine we run on: $JH_SYSTEM_CONFIG if set,
# else the first system config named bochs* (x86) or qemu-virt* (arm).
jh_system_config()
{
	local f pattern

	if [ -n "${JH_SYSTEM_CONFIG:-}" ]; then
		echo "$JH_SYSTEM_CONFIG"
		return
	fi
	case "$JH_ARCH" in
	x86) pattern=bochs ;;
	arm) pattern=qemu-virt ;;
	esac
	for f in $(jh_configs system); do
		case "$(basename "$f")" in
		$pattern*) echo "$f"; return ;;
		esac
	done
}

# jh_system_for <cell.cell>: the system config a cell config belongs to:
# the system config whose name, without a -root/-system suffix, is the
# longest prefix of the cell's name; else the machine's (jh_system_config).
jh_system_for()
{
	local cell best= bestlen=0 f board

	cell=$(basename "$1" .cell)
	for f in $(jh_configs system); do
		board=$(basename "$f" .cell)
		board=${board%-root}
		board=${board%-system}
		case "$cell" in
		"$board"-*)
			if [ ${#board} -gt $bestlen ]; then
				best=$f
				bestlen=${#board}
			fi
			;;
		esac
	done
	[ -n "$best" ] || best=$(jh_system_config)
	echo "$best"
}

# jh_poke <file> <offset> <printf-octal-bytes>: overwrite bytes in place.
jh_poke()
{
	printf "$3" | dd of="$1" bs=1 seek="$2" conv=notrunc 2>/dev/null
}

# jh_corrupt <src> <dst> <signature|revision|arch|truncated|oversized-count>:
# a copy of a config with one defect (layout: signature[5] @0,
# architecture u8 @5, revision u16 @6; cell descriptor counts from @48 in
# a cell config, from the root cell descriptor in a system config).
jh_corrupt()
{
	cp "$1" "$2"
	case "$3" in
	signature) jh_poke "$2" 0 'XXXXX' ;;
	revision) jh_poke "$2" 6 '\015\000' ;;	# 13
	arch)
		if [ "$JH_ARCH" = x86 ]; then
			jh_poke "$2" 5 '\001'
		else
			jh_poke "$2" 5 '\000'
		fi
		;;
	truncated) head -c 100 "$1" >"$2" ;;
	esac
}

# ---- "nothing changed" -----------------------------------------------------

# jh_snapshot <file>: the system state a failed enable must not change.
jh_snapshot()
{
	{
		echo "enabled: $(cat $JH_SYSFS/enabled 2>/dev/null)"
		echo "online CPUs: $(cat /sys/devices/system/cpu/online)"
		echo "cells: $(ls $JH_SYSFS/cells 2>/dev/null | tr '\n' ' ')"
		echo "module: $(grep '^jailhouse ' /proc/modules | cut -d' ' -f1-3)"
		echo "iomem:"
		cat /proc/iomem
	} >"$1"
}

# jh_expect_unchanged <name> <snapshot-file>
jh_expect_unchanged()
{
	jh_snapshot /tmp/jh-snapshot-now
	if cmp -s "$2" /tmp/jh-snapshot-now; then
		jh_pass "$1"
	else
		jh_fail "$1" "system state changed: $(diff "$2" /tmp/jh-snapshot-now |
			grep '^[-+][^-+]' | head -n 3 | tr '\n' ' ')"
		return 1
	fi
}

# jh_end: kernel messages since /init started (the boot messages are on
# the console already), summary, end marker, power off.
jh_end()
{
	echo "JH-DMESG-BEGIN"
	jh_new_dmesg | sed 's/^/dmesg| /'
	echo "JH-DMESG-END"
	echo "jh: scenario $JH_SCENARIO_NAME: $JH_NPASS passed, $JH_NFAIL failed"
	echo "jh: uptime at end: $(cut -d' ' -f1 /proc/uptime) s"
	echo "JH-SCENARIO-END"
	sync
	# poweroff -f does not wait for the serial driver's transmit buffer
	# (up to 4 KiB, 0.4 s at 115200 baud): a long dmesg lost its end
	sleep 1
	poweroff -f
	sleep 60
}
