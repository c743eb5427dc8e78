#!/bin/bash
# Judge one emulated-machine run from its log directory.
#
#   ci/judge.sh <x86|arm> <name> <logdir>
#
# Console markers (see ci/guest/jh-lib.sh):
#   JH-TEST PASS <test>          -> PASS: <name>/<test>
#   JH-TEST FAIL <test> <why>    -> FAIL: <name>/<test> - <why>
#   JH-SCENARIO-END              -> PASS: <name>/ran-to-end; without it (guest
#                                   hung, panicked, rebooted, timed out, or the
#                                   scenario returned early) FAIL with the cause
# plus <name>/kernel-clean: no oops, BUG or panic in the console log
# (scenario header "#@ allow-oops: yes" turns that check off for scenarios
# that provoke one on purpose). A run without any JH-TEST line fails.
#
# For output the guest cannot report itself (its CPUs parked by a fault,
# the console device taken away), a scenario may declare host-side checks:
#   #@ console: <test> <ERE>     PASS: <name>/<test> if a console line
#                                matches the extended regular expression
#   #@ end: timeout              the guest cannot finish by itself (e.g. a
#                                Linux CPU stays parked); ran-to-end then
#                                means it stayed up until the timeout
# Exit code 0 only if everything passed; on failure the log tail is shown.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

[ $# = 3 ] || { sed -n '2,4s/^# \{0,1\}//p' "$0" >&2; exit 2; }
arch=$(jh_arch "$1")
name=$2
logdir=$3
serial=$logdir/serial.txt
clean=$logdir/console.txt

# Console text without CRs and escape sequences.
tr -d '\r' <"$serial" | sed 's/\x1b\[[0-9;]*[a-zA-Z]//g' >"$clean" || true

nfail=0
fail() { report_fail "$1" "$2"; nfail=$((nfail + 1)); }

ntests=0
while read -r marker verdict test why; do
	ntests=$((ntests + 1))
	if [ "$verdict" = PASS ]; then
		report_pass "$name/$test"
	else
		fail "$name/$test" "${why:-no reason given}"
	fi
done < <(grep -aE '^JH-TEST (PASS|FAIL) ' "$clean" || true)

# Host-side console checks declared by the scenario.
while read -r test regex; do
	[ -n "$test" ] || continue
	ntests=$((ntests + 1))
	if grep -aEq -- "$regex" "$clean"; then
		report_pass "$name/$test"
	else
		fail "$name/$test" "no console line matches '$regex'"
	fi
done < <(sed -n 's/^#@ *console: *//p' "$logdir/scenario.sh" 2>/dev/null || true)
end_by_timeout=0
grep -q '^#@ *end: *timeout' "$logdir/scenario.sh" 2>/dev/null &&
	end_by_timeout=1

exitcode=$(cat "$logdir/exit" 2>/dev/null || echo '?')
seconds=$(cat "$logdir/seconds" 2>/dev/null || echo '?')
boots=$(grep -ac '^jh-init: kernel' "$clean" || true)
# Crashes count up to the end marker; after it only the power-off runs
# (boot.sh stops a guest that cannot power off, see there).
crash=$(sed '/^JH-SCENARIO-END/q' "$clean" |
	grep -aE -m 1 'Kernel panic|Oops|BUG:|general protection fault|Unable to handle kernel|kernel BUG' || true)

# Why did the run end without the end marker?
end_cause()
{
	if [ "$exitcode" = 124 ]; then
		echo "no JH-SCENARIO-END: timed out after ${seconds}s"
	elif [ "$boots" = 0 ]; then
		echo "no JH-SCENARIO-END: the guest never reached /init (emulator exit $exitcode)"
	elif [ -n "$crash" ]; then
		echo "no JH-SCENARIO-END: kernel crash: $crash"
	elif grep -aq '^jh-init: scenario returned' "$clean"; then
		echo "no JH-SCENARIO-END: the scenario returned without jh_end"
	elif grep -aq '3rd (1[34]) exception with no resolution' "$logdir/bochs.log" 2>/dev/null; then
		echo "no JH-SCENARIO-END: triple fault"
	else
		echo "no JH-SCENARIO-END: emulator exited with $exitcode"
	fi
}

if [ "$boots" -gt 1 ]; then
	fail "$name/ran-to-end" "the guest rebooted ($boots boots)"
elif [ $end_by_timeout = 1 ] && [ "$exitcode" = 124 ] && [ "$boots" = 1 ]; then
	report_pass "$name/ran-to-end"
elif grep -aq '^JH-SCENARIO-END' "$clean"; then
	if [ "$ntests" = 0 ]; then
		fail "$name/ran-to-end" "the scenario made no checks"
	else
		report_pass "$name/ran-to-end"
	fi
else
	fail "$name/ran-to-end" "$(end_cause)"
fi

if grep -q '^#@ *allow-oops: *yes' "$logdir/scenario.sh" 2>/dev/null; then
	:
elif [ -n "$crash" ]; then
	fail "$name/kernel-clean" "$crash"
else
	report_pass "$name/kernel-clean"
fi

boot=$(cat "$logdir/boot-seconds" 2>/dev/null || echo '?')
info "$name: $((ntests)) checks, $nfail failed; ${seconds}s wall clock (boot ${boot}s); log: $logdir"
if [ $nfail -gt 0 ]; then
	echo "----- $name: last 40 console lines ($clean) -----" >&2
	grep -av '^dmesg| ' "$clean" | tail -n 40 >&2 || true
	if [ "$arch" = x86 ] && [ -s "$logdir/bochs.log" ]; then
		echo "----- bochs.log (last 8 lines) -----" >&2
		tail -n 8 "$logdir/bochs.log" >&2
	fi
	if [ -s "$logdir/port-e9.txt" ]; then
		echo "----- port 0xE9 / emulator stdout (last 10 lines) -----" >&2
		tail -n 10 "$logdir/port-e9.txt" >&2
	fi
	echo "-----" >&2
	exit 1
fi
