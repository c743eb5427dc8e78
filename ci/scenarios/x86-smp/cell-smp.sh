#@ timeout: 2400
#@ cpus: 3
# Issue 5 on x86 (stock kernel, Bochs, 3 CPUs): a cell with two
# CPUs (smp-test: CPUs 1 and 2).
#  - Linux gives up both CPUs; the cell's boot CPU (1) starts CPU 2 with
#    INIT/SIPI (ok-inmate start-cpu=2), which reports its APIC ID; an
#    INIT/SIPI to Linux's CPU 0 starts nothing. Destroy gives both CPUs
#    back to Linux, which runs work on each.
#  - A cell fails as a whole: CPU 2 reads root-cell RAM while CPU 1 prints
#    ticks (rogue cpu=2). Both CPUs end up failed and parked, the ticks
#    stop, the report names cell, CPU 2, address and region, Linux keeps
#    running; destroy returns both CPUs and a new cell runs on them.
# Stock kernel, in ci/scenarios/x86-smp/ only so that make test can run it
# beside the x86 half (a 3-CPU Bochs boot takes several minutes). It
# passes only because ci/boot.sh boots Linux with idle=halt: with MWAIT
# idle, Bochs sometimes lost the wake-up of an idle CPU and the first CPU
# offline after enable stalled for minutes (Documentation/emulation.md).
# By hand:
#   ci/run-scenario.sh x86 ci/scenarios/x86-smp/cell-smp.sh
# The inmates print through the hypervisor console (con-type=jailhouse),
# read back from sysfs; while a cell runs, this scenario's own lines go
# to a file so that marker lines never interleave with its output.

. /lib/jailhouse/scenarios/cell-console.sh

SYS=$(jh_system_config)
CHECK=/usr/bin/jh-x86-check
CELL=$JH_CELLS/smp-test.cell
CELLS=$JH_SYSFS/cells
QUIET=/tmp/cell-smp-quiet
ROOT_RAM=0x1000000	# Linux

since_start() { cell_console_since 'Started cell "smp-test"'; }
expect_console() { cell_expect_console "$1" smp-test "$2"; }

cpus_back_in_linux()
{
	jh_wait_file "$1/cpus-online" 30 /sys/devices/system/cpu/online 0-2
	jh_expect_ok "$1/cpu1-used" $CHECK burn 1 2
	jh_expect_ok "$1/cpu2-used" $CHECK burn 2 2
}

# create + load the two-CPU cell with inmate $2, arguments $3
load_cell()
{
	jh_expect_ok "$1/create" jailhouse cell create "$CELL" || return 1
	jh_expect_file "$1/linux-gave-cpus" /sys/devices/system/cpu/online 0
	jh_expect_file "$1/cell-cpus" $CELLS/1/cpus_assigned_list 1-2
	jh_expect_ok "$1/load" jailhouse cell load smp-test \
		"$JH_INMATES/$2" -s "con-type=jailhouse $3" -a 0x1000
}

ok_grep() { grep -q "^OK-INMATE: $1" $JH_SYSFS/console; }

# ok-inmate on both CPUs: INIT/SIPI, APIC ID report, foreign start
smp_run()
{
	local n=$1

	load_cell $n ok-inmate.bin "start-cpu=2 foreign-cpu=0 ticks=$2" ||
		return 1
	{
		jh_expect_ok $n/start jailhouse cell start smp-test
		jh_wait_for $n/runs 120 ok_grep "done after $2 ticks"
	} >$QUIET 2>&1
	cat $QUIET
	expect_console $n/foreign-cpu-refused '^OK-INMATE: foreign CPU 0 refused'
	expect_console $n/second-cpu-running '^OK-INMATE: CPU 1 running, APIC ID 2$'
	jh_expect_file $n/running $CELLS/1/state running
	jh_expect_file $n/no-failed-cpus $CELLS/1/cpus_failed_list ""
	jh_expect_ok $n/destroy jailhouse cell destroy smp-test
	cpus_back_in_linux $n
}

failed() { [ "$(cat $CELLS/1/state)" = failed ]; }

jh_require smp/pieces "$SYS" "$CELL" "$CHECK" "$JH_INMATES/rogue.bin" \
	"$JH_INMATES/ok-inmate.bin" || jh_end
jh_expect_file boot/cpus-online /sys/devices/system/cpu/online 0-2
jh_expect_ok insmod insmod "$JH_MODULE"
jh_expect_ok enable jailhouse enable "$SYS" || jh_end
pool=$(cat "$JH_SYSFS/mem_pool_used")

smp_run smp 20

# CPU 2 faults while CPU 1 ticks: the whole cell stops
n=fail-whole
load_cell $n rogue.bin "action=read-ram addr=$ROOT_RAM cpu=2"
{
	jh_expect_ok $n/start jailhouse cell start smp-test
	jh_wait_for $n/cell-failed 60 failed
} >$QUIET 2>&1
cat $QUIET
jh_expect_file $n/cpus-failed $CELLS/1/cpus_failed_list 1-2
jh_expect_output $n/list-failed 'smp-test +failed +1-2 +1-2' jailhouse cell list
since_start | sed 's/^/  hv| /'
expect_console $n/cpu2-does-access '^ROGUE: CPU 1 \(APIC ID 2\) does the access'
expect_console $n/ticked-before '^ROGUE: tick 2$'
expect_console $n/attempted "^ROGUE: attempting read-ram at $ROOT_RAM"
expect_console $n/report-address "Invalid MMIO/RAM read, addr: 0x0*${ROOT_RAM#0x} size: 4"
expect_console $n/report-cell-cpu 'Cell "smp-test" CPU 2 PC 0x'
expect_console $n/report-region 'Nearest (PIO range|region): #[0-9]+'
expect_console $n/faulting-cpu-parked '^Parking CPU 2 \(Cell: "smp-test"\)$'
expect_console $n/sibling-parked '^Parking CPU 1 \(Cell: "smp-test"\): its cell failed on CPU 2$'
cell_expect_no_console $n/stopped-at-access smp-test '^ROGUE: survived' \
	"the inmate survived the access"
cell_expect_output_stopped $n/ticks-stopped smp-test '^ROGUE: tick'
jh_expect_file $n/root-no-failed-cpus $CELLS/0/cpus_failed_list ""
jh_expect_ok $n/linux-alive $CHECK burn 0 1
jh_expect_ok $n/destroy jailhouse cell destroy smp-test
cpus_back_in_linux $n

# a new cell on the same CPUs and memory runs normally
smp_run again 10
jh_expect_file pool-back "$JH_SYSFS/mem_pool_used" "$pool"
jh_expect_ok disable jailhouse disable
jh_expect_ok rmmod rmmod jailhouse
jh_end
