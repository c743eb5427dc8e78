#@ timeout: 420
# Issue 5 on ARM (QEMU virt, 2 CPUs, stock armmp-lpae kernel): a rogue
# inmate in the rogue-test cell reads root-cell RAM, writes hypervisor
# memory and touches a device nobody gave it. Each attempt must stop at
# the access: the cell is FAILED, its CPU parked, the console names the
# cell, CPU, address, access and the nearest config region, and Linux
# keeps running on CPU 0. The failed cell restarts, and after destroy a
# new cell on the same CPU and memory runs normally.
# Handover: a Linux task leaves a pattern in TPIDRURW and the VFP
# registers of CPU 1, the new cell takes the CPU and ok-inmate
# `leftover-check` must find none of Linux's state; it fills the
# registers (a5), and after destroy the next cell on that CPU (which ran
# Linux in between) must find none of the first cell's either.
. /lib/jailhouse/scenarios/hv-root.sh

CELLS=$JH_SYSFS/cells
HV_MEM=0x7c000000	# hypervisor memory (Documentation/design.md)
ROOT_RAM=0x40000000	# Linux
RTC=0x9010000		# PL031 RTC: in neither cell's config
FILL=/usr/bin/jh-arm-fill	# tests/guest/arm/jh-arm-fill.c

. /lib/jailhouse/scenarios/cell-console.sh

# rogue_attempt <check> <action> <address> <access regex>: run one
# attempt in the (created) rogue-test cell.
rogue_attempt()
{
	local n=$1 action=$2 addr=$3 access=$4 report

	jh_expect_ok $n/load jailhouse cell load rogue-test \
		"$JH_INMATES/rogue.bin" \
		-s "con-type=jailhouse action=$action addr=$addr" -a 0x1000 ||
		return 1
	jh_expect_ok $n/start jailhouse cell start rogue-test || return 1
	jh_wait_file $n/cell-failed 30 $CELLS/1/state failed
	jh_expect_file $n/cpus-failed $CELLS/1/cpus_failed_list 1
	jh_expect_output $n/list-failed 'rogue-test +failed +1 +1' \
		jailhouse cell list
	report=$(cell_console_since 'Started cell "rogue-test"')
	echo "$report" | sed 's/^/  report| /'
	if echo "$report" | grep -q "^ROGUE: attempting $action at $addr"; then
		jh_pass $n/attempted
	else
		jh_fail $n/attempted "no 'ROGUE: attempting' line"
	fi
	if echo "$report" | grep -q '^ROGUE: survived'; then
		jh_fail $n/stopped-at-access "the inmate survived the access"
	else
		jh_pass $n/stopped-at-access
	fi
	if echo "$report" | grep -Eq "^FATAL: Invalid MMIO/RAM $access, addr: 0x0*${addr#0x}"; then
		jh_pass $n/report-address
	else
		jh_fail $n/report-address "no 'FATAL: Invalid MMIO/RAM $access, addr: $addr'"
	fi
	if echo "$report" | grep -q '^ Cell "rogue-test" CPU 1 PC 0x' &&
	   echo "$report" | grep -q '^ Nearest region: #' &&
	   echo "$report" | grep -q '^Parking CPU 1 (Cell: "rogue-test")'; then
		jh_pass $n/report-names-cell-cpu-region
	else
		jh_fail $n/report-names-cell-cpu-region "report incomplete"
	fi
	jh_expect_file $n/root-running $CELLS/0/state running
	jh_expect_ok $n/linux-alive sh -c 'seq 1 20000 | md5sum'
}

# leftover_check <check>: ok-inmate with leftover-check in the created
# rogue-test cell on CPU 1; it must find nothing of the CPU's previous
# owner in the registers it lists (at least VFP and the TPIDRs).
leftover_check()
{
	local n=$1

	jh_expect_ok $n/load jailhouse cell load rogue-test \
		"$JH_INMATES/ok-inmate.bin" \
		-s "con-type=jailhouse ticks=20 leftover-check" -a 0x1000
	jh_expect_ok $n/start jailhouse cell start rogue-test
	jh_wait_for $n/runs 60 sh -c \
		"cat $JH_SYSFS/console | grep -q '^OK-INMATE: done after 20 ticks'"
	jh_expect_file $n/running $CELLS/1/state running
	jh_expect_file $n/no-failed-cpus $CELLS/1/cpus_failed_list ""
	cell_expect_nothing_left $n rogue-test 'VFP.*TPIDRURW TPIDRURO TPIDRPRW'
}

hv_load_driver || { jh_end; exit; }
hv_enable enable || { jh_end; exit; }
pool=$(cat "$JH_SYSFS/mem_pool_used")

jh_expect_ok create jailhouse cell create "$JH_CELLS/qemu-virt-rogue-test.cell" ||
	{ jh_end; exit; }
rogue_attempt read-root-ram read-ram $ROOT_RAM read
# a failed cell can be started again
rogue_attempt write-hv-ram write-hv $HV_MEM write
jh_expect_ok destroy jailhouse cell destroy rogue-test
jh_expect_file destroy/cpu1-online /sys/devices/system/cpu/online 0-1

# destroy + recreate: the new cell works as any other
jh_expect_ok recreate jailhouse cell create "$JH_CELLS/qemu-virt-rogue-test.cell"
rogue_attempt touch-device touch-mmio $RTC read
jh_expect_ok recreate/destroy jailhouse cell destroy rogue-test

# handover round 1: the last Linux task on CPU 1 filled its registers
if jh_require ok-cell/filler $FILL; then
	$FILL 1 >/tmp/fill.out 2>&1 &
	fill_pid=$!
	jh_wait_for ok-cell/filler-ran 30 grep -q 'cpu 1 filled' /tmp/fill.out
	cat /tmp/fill.out
fi
jh_expect_ok ok-cell/create jailhouse cell create "$JH_CELLS/qemu-virt-rogue-test.cell"
[ -n "${fill_pid:-}" ] && { kill $fill_pid; wait $fill_pid 2>/dev/null; }
leftover_check ok-cell
jh_expect_ok ok-cell/destroy jailhouse cell destroy rogue-test

# round 2: Linux ran on CPU 1 after the cell filled the registers
jh_expect_file handover2/cpu1-online /sys/devices/system/cpu/online 0-1
jh_expect_ok handover2/linux-on-cpu1 taskset -c 1 sh -c 'seq 1 20000 | md5sum'
jh_expect_ok handover2/create jailhouse cell create "$JH_CELLS/qemu-virt-rogue-test.cell"
leftover_check handover2
jh_expect_ok handover2/destroy jailhouse cell destroy rogue-test
jh_expect_file handover2/cpu1-back /sys/devices/system/cpu/online 0-1
jh_expect_file pool-back "$JH_SYSFS/mem_pool_used" "$pool"
hv_workload workload-after
hv_disable disable
jh_end
