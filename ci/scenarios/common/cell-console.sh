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
