# SPDX-License-Identifier: GPL-2.0
# Shared helpers of the shell tests: one PASS/FAIL line per check, also
# appended to $JH_RESULTS when set.

FAILED=0

result() {	# result OK|FAIL name [why]
	local line
	if [ "$1" = OK ]; then
		line="PASS: $2"
	else
		line="FAIL: $2 - ${3:-failed}"
		FAILED=$((FAILED + 1))
	fi
	echo "$line"
	if [ -n "${JH_RESULTS:-}" ]; then
		mkdir -p "$(dirname "$JH_RESULTS")"
		echo "$line" >>"$JH_RESULTS"
	fi
}
