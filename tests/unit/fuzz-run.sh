#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Builds the libFuzzer target and runs it for a bounded time, seeded with
# the fixtures and the .cell files of configs/.
#   fuzz-run.sh CLANG SRCTREE BUILDDIR "FUZZ_FLAGS" [CELLFILE...]
set -u
here=$(dirname "$0")
. "$here/lib.sh"

clang=$1 srctree=$2 build=$3 flags=$4
shift 4

bin=$build/fuzz_config
seeds=$build/fuzz-seeds
corpus=$build/fuzz-corpus
log=$build/fuzz.log
mkdir -p "$seeds" "$corpus"

if ! "$clang" -O1 -g -fsanitize=fuzzer,address,undefined \
	-fno-sanitize-recover=all -I"$srctree/include" -o "$bin" \
	"$srctree/tests/fuzz/fuzz_config.c" \
	"$srctree/hypervisor/config_check.c" >"$log" 2>&1; then
	result FAIL fuzz_config_builds "$(tail -n 3 "$log" | tr '\n' ' ')"
	exit 1
fi
cp "$build"/fixtures/* "$seeds"/ 2>/dev/null
for cell in "$@"; do
	cp "$cell" "$seeds/config-$(basename "$(dirname "$cell")")-$(basename "$cell")"
done

# shellcheck disable=SC2086
if nice -n 10 "$bin" $flags "$corpus" "$seeds" >"$log" 2>&1; then
	runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" |
		grep -o '[0-9]*$')
	result OK "fuzz_config_no_crash_in_bounded_run"
	echo "  (${runs:-?} inputs, log: $log)"
else
	result FAIL "fuzz_config_no_crash_in_bounded_run" \
		"crash, see $log: $(grep -m1 -E 'ERROR|runtime error' "$log")"
fi
[ "$FAILED" = 0 ]
