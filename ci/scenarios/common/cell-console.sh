# Reading a cell's output back from the hypervisor console in sysfs
# (inmates started with con-type=jailhouse), for the cell scenarios of
# both arches. Sourced; needs jh-lib.sh.

# Console lines after the last line that contains the fixed string $1.
cell_console_since()
{
	awk -v m="$1" 'index($0, m) { buf = ""; next }
		       { buf = buf $0 "\n" } END { printf "%s", buf }' \
		"$JH_SYSFS/console"
}

# cell_expect_console <check> <cell> <ERE>: a console line since the last
# start of that cell matches.
cell_expect_console()
{
	if cell_console_since "Started cell \"$2\"" | grep -Eq "$3"; then
		jh_pass "$1"
	else
		jh_fail "$1" "no console line matching '$3'"
	fi
}

# cell_expect_nothing_left <check> <cell> <ERE>: ok-inmate's leftover-check
# in the last start of that cell looked at the register groups matching
# ERE, found nothing of the CPU's previous owner there and filled them.
cell_expect_nothing_left()
{
	local out left

	out=$(cell_console_since "Started cell \"$2\"" |
		grep -E "^OK-INMATE: (checking|previous owner|registers filled)")
	echo "$out" | sed 's/^/  leftover| /'
	if echo "$out" | grep -Eq "^OK-INMATE: checking .*$3"; then
		jh_pass "$1/register-groups"
	else
		jh_fail "$1/register-groups" "no checking line with /$3/"
	fi
	left=$(echo "$out" | grep "^OK-INMATE: previous owner's state:")
	if [ "$left" = "OK-INMATE: previous owner's state: none" ]; then
		jh_pass "$1/nothing-left"
	else
		jh_fail "$1/nothing-left" "${left#OK-INMATE: }"
	fi
	if echo "$out" | grep -q "^OK-INMATE: registers filled with a5"; then
		jh_pass "$1/filled"
	else
		jh_fail "$1/filled" "no 'registers filled' line"
	fi
}

# cell_expect_no_console <check> <cell> <ERE> <failure message>: no console
# line since the last start of that cell matches.
cell_expect_no_console()
{
	if cell_console_since "Started cell \"$2\"" | grep -Eq "$3"; then
		jh_fail "$1" "$4"
	else
		jh_pass "$1"
	fi
}

# cell_expect_output_stopped <check> <cell> <ERE>: the cell printed lines
# matching ERE since its last start, and no more of them within 2 s.
cell_expect_output_stopped()
{
	local before after

	before=$(cell_console_since "Started cell \"$2\"" | grep -Ec "$3")
	sleep 2
	after=$(cell_console_since "Started cell \"$2\"" | grep -Ec "$3")
	jh_log "/$3/ lines: $before, 2 s later: $after"
	if [ "$before" -ge 1 ] && [ "$before" = "$after" ]; then
		jh_pass "$1"
	else
		jh_fail "$1" "output went on: $before, 2 s later $after"
	fi
}
