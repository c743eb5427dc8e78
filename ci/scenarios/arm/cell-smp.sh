#@ timeout: 420
#@ cpus: 4
# Issue 5 on ARM (QEMU virt, 4 CPUs, stock armmp-lpae kernel): a cell with
# two CPUs (qemu-virt-smp-test: CPUs 2 and 3).
#  - Linux gives up both CPUs; the cell's boot CPU (2) starts CPU 3 with
#    PSCI CPU_ON (ok-inmate start-cpu=3), which reports its MPIDR and powers
#    itself off again (CPU_OFF, seen through AFFINITY_INFO). A CPU_ON for
#    a root-cell CPU is refused. Destroy gives both CPUs back to Linux,
#    which runs work on each.
#  - A cell fails as a whole: CPU 3 reads root-cell RAM while CPU 2 prints
#    ticks (rogue cpu=3). Both CPUs end up failed and parked, the ticks
#    stop, the report names cell, CPU 3, address and region, Linux keeps
#    running; destroy returns both CPUs and a new cell runs on them.
. /lib/jailhouse/scenarios/hv-root.sh
. /lib/jailhouse/scenarios/cell-console.sh

CELLS=$JH_SYSFS/cells
CELL=$JH_CELLS/qemu-virt-smp-test.cell
ROOT_RAM=0x40000000	# Linux

since_start() { cell_console_since 'Started cell "smp-test"'; }
expect_console() { cell_expect_console "$1" smp-test "$2"; }

# Linux has CPUs 2 and 3 again and runs a task on each of them.
cpus_back_in_linux()
{
	local cpu

	jh_wait_file "$1/cpus-online" 30 /sys/devices/system/cpu/online 0-3
	for cpu in 2 3; do
		jh_expect_output "$1/cpu$cpu-used" "^$cpu\$" taskset -c $cpu \
			sh -c 'seq 1 20000 | md5sum >/dev/null;
			       awk "{ print \$39 }" /proc/self/stat'
	done
}

# create + load + start the two-CPU cell with inmate $2, arguments $3
start_cell()
{
	jh_expect_ok "$1/create" jailhouse cell create "$CELL" || return 1
	jh_expect_file "$1/linux-gave-cpus" /sys/devices/system/cpu/online 0-1
	jh_expect_file "$1/cell-cpus" $CELLS/1/cpus_assigned_list 2-3
	jh_expect_ok "$1/load" jailhouse cell load smp-test \
		"$JH_INMATES/$2" -s "con-type=jailhouse $3" -a 0x1000 &&
	jh_expect_ok "$1/start" jailhouse cell start smp-test
}

# ok-inmate on both CPUs: CPU_ON, MPIDR report, CPU_OFF, foreign CPU_ON
smp_run()
{
	local n=$1 psci

	start_cell $n ok-inmate.bin \
		"start-cpu=3 foreign-cpu=1 ticks=$2" || return 1
	jh_wait_for $n/runs 60 sh -c "grep -q '^OK-INMATE: done after $2 ticks' $JH_SYSFS/console"
	expect_console $n/foreign-cpu-refused '^OK-INMATE: foreign CPU 1 refused'
	expect_console $n/second-cpu-running '^OK-INMATE: CPU 1 running, MPIDR 3$'
	expect_console $n/second-cpu-off '^OK-INMATE: CPU with MPIDR 3 is off again$'
	jh_expect_file $n/running $CELLS/1/state running
	jh_expect_file $n/no-failed-cpus $CELLS/1/cpus_failed_list ""
	psci=$(cat $CELLS/1/statistics/cpu3/vmexits_psci)
	jh_log "PSCI exits of CPU 3: $psci"
	if [ "${psci:-0}" -ge 1 ]; then
		jh_pass $n/cpu3-psci-exits
	else
		jh_fail $n/cpu3-psci-exits "CPU 3 made no PSCI call ($psci)"
	fi
	jh_expect_ok $n/destroy jailhouse cell destroy smp-test
	cpus_back_in_linux $n
}

hv_load_driver || { jh_end; exit; }
hv_enable enable || { jh_end; exit; }
jh_expect_file boot/cpus-online /sys/devices/system/cpu/online 0-3
pool=$(cat "$JH_SYSFS/mem_pool_used")

smp_run smp 20

# CPU 3 faults while CPU 2 ticks: the whole cell stops
n=fail-whole
start_cell $n rogue.bin "action=read-ram addr=$ROOT_RAM cpu=3"
jh_wait_file $n/cell-failed 30 $CELLS/1/state failed
jh_expect_file $n/cpus-failed $CELLS/1/cpus_failed_list 2-3
jh_expect_output $n/list-failed 'smp-test +failed +2-3 +2-3' jailhouse cell list
expect_console $n/cpu3-does-access '^ROGUE: CPU 1 \(MPIDR 3\) does the access'
expect_console $n/ticked-before '^ROGUE: tick 2$'
expect_console $n/attempted "^ROGUE: attempting read-ram at $ROOT_RAM"
expect_console $n/report-address "^FATAL: Invalid MMIO/RAM read, addr: 0x0*${ROOT_RAM#0x}"
expect_console $n/report-cell-cpu '^ Cell "smp-test" CPU 3 PC 0x'
expect_console $n/report-region '^ Nearest region: #'
expect_console $n/faulting-cpu-parked '^Parking CPU 3 \(Cell: "smp-test"\)$'
expect_console $n/sibling-parked '^Parking CPU 2 \(Cell: "smp-test"\): its cell failed on CPU 3$'
cell_expect_no_console $n/stopped-at-access smp-test '^ROGUE: survived' \
	"the inmate survived the access"
cell_expect_output_stopped $n/ticks-stopped smp-test '^ROGUE: tick'
jh_expect_file $n/root-running $CELLS/0/state running
jh_expect_ok $n/linux-alive sh -c 'seq 1 20000 | md5sum'
jh_expect_ok $n/destroy jailhouse cell destroy smp-test
cpus_back_in_linux $n

# a new cell on the same CPUs and memory runs normally
smp_run again 10
jh_expect_file pool-back "$JH_SYSFS/mem_pool_used" "$pool"
hv_disable disable
jh_end
