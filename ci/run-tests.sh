#!/bin/bash
# The whole test suite (make test, make test-unit|test-x86|test-arm, .ci/run).
#
#   ci/run-tests.sh all|unit|x86|x86-smp|arm
#
#   unit  make -C tests unit (host unit tests + bounded fuzz smoke), and
#         ci/check-style.sh
#   x86   build everything for x86 (each part and each config is a check),
#         then every scenario in ci/scenarios/x86/ in Bochs, then those in
#         ci/scenarios/x86-smp/ (machines with more CPUs, same stock kernel)
#   x86-smp  the x86 build and only the latter
#   arm   the same for ARMv7, scenarios in QEMU virt
#   all   unit + x86 + arm; the x86 and arm halves run in parallel (Bochs
#         keeps one core busy, everything else shares the other); the
#         x86-smp scenarios run in the second half, after ARM, so that
#         both halves take about as long
#
# Every check appends "PASS: name" or "FAIL: name - why" to $JH_RESULTS
# (default build/test-results.txt, emptied at the start). A part or a
# scenario that cannot be built or run is a FAIL, never a skip. The last
# line is "N passed, N failed"; the exit code is non-zero on any failure.
set -uo pipefail
. "$(dirname "$0")/lib.sh"

what=${1:-all}
case "$what" in
all|unit|x86|x86-smp|arm) ;;
*) echo "usage: $0 all|unit|x86|x86-smp|arm" >&2; exit 2 ;;
esac

export JH_RESULTS=${JH_RESULTS:-$JH_BUILD/test-results.txt}
mkdir -p "$(dirname "$JH_RESULTS")" "$JH_BUILD/logs"
: >"$JH_RESULTS"
times=$JH_BUILD/logs/test-times.txt
: >"$times"

# Run a step, record how long it took.
timed()
{
	local label=$1 start rc

	shift
	start=$(date +%s)
	"$@"
	rc=$?
	echo "$label: $(($(date +%s) - start)) s" >>"$times"
	return $rc
}

# Results lines in $JH_RESULTS since it had $1 lines.
added_since() { tail -n +$(($1 + 1)) "$JH_RESULTS" | grep -c '^\(PASS\|FAIL\): '; }

run_unit()
{
	local before rc

	if [ ! -f "$JH_SRC/tests/Makefile" ]; then
		report_fail unit/tests "tests/Makefile does not exist"
		return
	fi
	before=$(wc -l <"$JH_RESULTS")
	info "unit tests and fuzz smoke (make -C tests unit)"
	nice -n 5 make -C "$JH_SRC/tests" unit >"$JH_BUILD/logs/unit.txt" 2>&1
	rc=$?
	grep -E '^(PASS|FAIL): ' "$JH_BUILD/logs/unit.txt" || true
	if [ $rc != 0 ] && [ "$(tail -n +$((before + 1)) "$JH_RESULTS" |
				 grep -c '^FAIL: ')" = 0 ]; then
		report_fail unit/make "make -C tests unit exited $rc (see build/logs/unit.txt)"
		tail -n 20 "$JH_BUILD/logs/unit.txt"
	fi
	if [ "$(added_since "$before")" = 0 ]; then
		report_fail unit/tests "make -C tests unit reported no results"
	fi
}

run_style()
{
	info "style (ci/check-style.sh)"
	"$JH_SRC/ci/check-style.sh"
}

# Build every part for one arch; each part, and each config source, is a
# check of its own.
run_build()
{
	local arch=$1 part state src cell

	info "$arch: building everything"
	"$JH_SRC/ci/build.sh" "$arch" >/dev/null 2>"$JH_BUILD/logs/build-$arch.txt"
	while read -r part state; do
		case $state in
		ok) report_pass "build/$arch/$part" ;;
		absent) report_fail "build/$arch/$part" "$part/Makefile does not exist" ;;
		*) report_fail "build/$arch/$part" \
			"make failed (build/$arch/build-$part.log: $(grep -m1 -E 'error|Error' \
			"$JH_BUILD/$arch/build-$part.log" | cut -c1-120))" ;;
		esac
	done <"$JH_BUILD/$arch/status"
	for src in "$JH_BUILD/$arch/tree/configs/$arch/"*.c; do
		[ -f "$src" ] || continue
		cell=${src%.c}.cell
		if [ -s "$cell" ]; then
			report_pass "build/$arch/configs/$(basename "$cell")"
		else
			report_fail "build/$arch/configs/$(basename "$cell")" "not built"
		fi
	done
}

run_scenarios()
{
	local arch=$1 sc n=0

	for sc in "$JH_SRC/ci/scenarios/$arch/"*.sh; do
		[ -f "$sc" ] || continue
		n=$((n + 1))
		timed "scenario $arch/$(basename "$sc" .sh)" \
			"$JH_SRC/ci/run-scenario.sh" "$arch" "$sc" --no-build
	done
	[ $n -gt 0 ] || report_fail "scenarios/$arch" "no scenario in ci/scenarios/$arch/"
}

# x86 scenarios on machines with more CPUs (header "#@ cpus: N"): the same
# stock kernel and build as ci/scenarios/x86/, kept apart only so that
# make test can run them beside the x86 half.
run_smp_scenarios()
{
	local sc

	for sc in "$JH_SRC/ci/scenarios/x86-smp/"*.sh; do
		[ -f "$sc" ] || continue
		timed "scenario x86-smp/$(basename "$sc" .sh)" \
			"$JH_SRC/ci/run-scenario.sh" x86 "$sc" --no-build \
			--name "x86-smp/$(basename "$sc" .sh)"
	done
}

# The second half of "all" needs the x86 build of the first half.
x86_built=$JH_BUILD/logs/x86-built
wait_for_x86_build()
{
	while [ ! -e "$x86_built" ] && kill -0 "$1" 2>/dev/null; do
		sleep 5
	done
	[ -e "$x86_built" ] ||
		report_fail scenarios/x86-smp "the x86 half ended without a build"
}

run_arch()
{
	timed "build $1" run_build "$1"
	touch "$JH_BUILD/logs/$1-built"
	run_scenarios "$1"
}

start=$(date +%s)
rm -f "$x86_built"
case "$what" in
unit)
	timed unit run_unit
	timed style run_style
	;;
x86)
	run_arch x86
	run_smp_scenarios
	;;
x86-smp)
	timed "build x86" run_build x86
	run_smp_scenarios
	;;
arm)
	run_arch arm
	;;
all)
	# Bochs is the long pole: start it first, do the rest beside it.
	run_arch x86 &
	x86pid=$!
	timed unit run_unit
	timed style run_style
	run_arch arm
	wait_for_x86_build $x86pid && run_smp_scenarios
	wait $x86pid
	;;
esac
echo "total: $(($(date +%s) - start)) s" >>"$times"

echo "----- times (build/logs/test-times.txt) -----"
cat "$times"
echo "----- failures -----"
grep '^FAIL: ' "$JH_RESULTS" || echo "(none)"
npass=$(grep -c '^PASS: ' "$JH_RESULTS")
nfail=$(grep -c '^FAIL: ' "$JH_RESULTS")
echo "$npass passed, $nfail failed"
[ "$nfail" = 0 ] && [ "$npass" -gt 0 ]
