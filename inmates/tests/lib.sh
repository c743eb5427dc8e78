# Shared helpers of the inmate test scripts (sourced, not run).
# Every check prints exactly one PASS/FAIL line and appends it to
# $JH_RESULTS when that is set.

failures=0

result() {
	echo "$1"
	if [ -n "${JH_RESULTS:-}" ]; then
		mkdir -p "$(dirname "$JH_RESULTS")"
		echo "$1" >> "$JH_RESULTS"
	fi
}

pass() {
	result "PASS: $1"
}

fail() {
	result "FAIL: $1 - $2"
	failures=$((failures + 1))
}

# check NAME LOG PATTERN MIN_COUNT: LOG has at least MIN_COUNT lines
# matching the extended regex PATTERN
expect_lines() {
	local count
	count=$(count_lines "$2" "$3")
	if [ "${count:-0}" -ge "$4" ]; then
		pass "$1"
	else
		fail "$1" "$2: ${count:-0} lines match '$3', want >= $4"
	fi
}

# expect_none NAME LOG PATTERN: no line of LOG matches
expect_none() {
	local hit

	hit=$(tr -d '\r' < "$2" 2>/dev/null | grep -m1 -E -- "$3")
	if [ -n "$hit" ]; then
		fail "$1" "$2: unexpected '$hit'"
	else
		pass "$1"
	fi
}

# count_lines LOG PATTERN: lines of LOG (CR stripped) matching PATTERN
count_lines() {
	tr -d '\r' < "$1" 2>/dev/null | grep -cE -- "$2"
}

# run_until PID LOG PATTERN COUNT: wait for PID to end, ending it early
# (SIGTERM) once LOG has COUNT lines matching PATTERN
run_until() {
	while kill -0 "$1" 2>/dev/null; do
		if [ "$(count_lines "$2" "$3")" -ge "$4" ]; then
			kill "$1" 2>/dev/null
			break
		fi
		sleep 0.5
	done
	wait "$1" 2>/dev/null
}
