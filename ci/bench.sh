#!/bin/bash
# make bench [BENCH=x86|arm]: run the benchmark scenarios
# (ci/bench/<arch>/*.sh) and collect their figures. Benchmarks never count
# as tests: their checks stay out of $JH_RESULTS and do not change the exit
# code unless a benchmark could not produce its figures at all.
#
# A benchmark scenario prints figures as console lines
#   JH-BENCH <name> <value> <unit>
# (use deterministic measures where possible: instruction counts, exits,
# bytes; in Bochs, guest time advances with executed instructions, so guest
# uptime is deterministic too). The host adds, per run, wall-clock seconds
# for the whole run and until /init (wall-s, boot-wall-s).
#
# Results: build/bench/<time>.txt, lines "<arch>/<bench>/<name> <value> <unit>",
# and build/bench/latest.txt.
set -uo pipefail
. "$(dirname "$0")/lib.sh"

arches=${1:-all}
[ "$arches" = all ] && arches="x86 arm"
unset JH_RESULTS
out=$JH_BUILD/bench/$(date +%Y%m%d-%H%M%S).txt
mkdir -p "$(dirname "$out")"
: >"$out"
missing=0

for arch in $arches; do
	arch=$(jh_arch "$arch")
	"$JH_SRC/ci/build.sh" "$arch" >/dev/null 2>&1 || true
	for b in "$JH_SRC/ci/bench/$arch/"*.sh; do
		[ -f "$b" ] || continue
		name=$arch/$(basename "$b" .sh)
		"$JH_SRC/ci/run-scenario.sh" "$arch" "$b" --no-build \
			--name "bench/$name" >/dev/null 2>&1
		log=$JH_BUILD/logs/latest-$arch
		figures=$(tr -d '\r' <"$log/serial.txt" |
			  sed -n 's/^JH-BENCH \([^ ]*\) \([^ ]*\) \(.*\)$/\1 \2 \3/p')
		if [ -z "$figures" ]; then
			warn "$name produced no figures (log: $log/)"
			missing=$((missing + 1))
		fi
		{
			[ -z "$figures" ] || sed "s|^|$name/|" <<<"$figures"
			echo "$name/wall-s $(cat "$log/seconds" 2>/dev/null || echo '?') s"
			echo "$name/boot-wall-s $(cat "$log/boot-seconds" 2>/dev/null || echo '?') s"
		} >>"$out"
	done
done
ln -sfn "$(basename "$out")" "$JH_BUILD/bench/latest.txt"
echo "----- benchmark figures ($out) -----"
column -t "$out" 2>/dev/null || cat "$out"
[ $missing = 0 ]
