#@ timeout: 600
# Issue 5 on ARM (QEMU virt, 2 CPUs, stock armmp-lpae kernel): the cell
# lifecycle with the demos. CPU 1 leaves Linux for the gic-demo cell,
# which prints its timer jitter through the hypervisor console; shutdown,
# restart and destroy return the CPU, which Linux then uses again; the
# uart-demo cell; shutdown voting with a cell that locks itself (msg-test
# cell, ok-inmate deny=1), also through `jailhouse disable`; 20
# create/start/destroy cycles leave the page pool at its earlier figure.
. /lib/jailhouse/scenarios/hv-root.sh

CELLS=$JH_SYSFS/cells
GIC_LINE='Timer fired, jitter: +[0-9]+ ns, min: +[0-9]+ ns, max: +[0-9]+ ns'

. /lib/jailhouse/scenarios/cell-console.sh

# con_after_has <marker> <regex> <count>: at least count matching lines.
con_after_has()
{
	[ "$(cell_console_since "$1" | grep -Ec -- "$2")" -ge "$3" ]
}

pool_used() { cat "$JH_SYSFS/mem_pool_used"; }
remap_used() { cat "$JH_SYSFS/remap_pool_used"; }

# cell_up <check> <cell> <cell file> <image> <cmdline>: create, load,
# start.
cell_up()
{
	local name=$1

	jh_expect_ok "$name/create" jailhouse cell create "$JH_CELLS/$3" ||
		return 1
	jh_expect_ok "$name/load" jailhouse cell load "$2" \
		"$JH_INMATES/$4" -s "$5" -a 0x1000 || return 1
	jh_expect_ok "$name/start" jailhouse cell start "$2"
}

cpu1_used_by_linux()
{
	jh_expect_file "$1/cpu1-online" /sys/devices/system/cpu/online 0-1
	jh_run taskset -c 1 sh -c 'seq 1 30000 | md5sum'
	if grep -q "^$HV_MD5_EXPECTED" "$JH_OUT"; then
		jh_pass "$1/cpu1-runs-linux-work"
	else
		jh_fail "$1/cpu1-runs-linux-work" "$(jh_last_line)"
	fi
}

gic_demo()
{
	local n=gic-demo id=1 cell=qemu-virt-gic-demo

	jh_expect_ok $n/create jailhouse cell create "$JH_CELLS/$cell.cell" ||
		return 1
	jh_expect_file $n/sysfs-name $CELLS/$id/name gic-demo
	jh_expect_file $n/sysfs-state-created $CELLS/$id/state "shut down"
	jh_expect_file $n/sysfs-cpus $CELLS/$id/cpus_assigned_list 1
	jh_expect_file $n/sysfs-root-cpus $CELLS/0/cpus_assigned_list 0
	jh_expect_file $n/cpu1-offline /sys/devices/system/cpu/online 0
	jh_expect_output $n/console-created 'Created cell "gic-demo" \(id 1\)' \
		cat "$JH_SYSFS/console"
	jh_expect_fail $n/create-twice 'names must be unique' \
		jailhouse cell create "$JH_CELLS/$cell.cell"

	jh_expect_ok $n/load jailhouse cell load gic-demo \
		"$JH_INMATES/gic-demo.bin" -s "con-type=jailhouse" -a 0x1000
	jh_expect_ok $n/start jailhouse cell start gic-demo
	jh_expect_file $n/sysfs-state-running $CELLS/$id/state running
	jh_wait_for $n/timer-lines 60 con_after_has 'Started cell "gic-demo"' \
		"^$GIC_LINE" 5
	jh_expect_output $n/list 'gic-demo +running +1' jailhouse cell list
	jh_expect_output $n/stats 'vmexits_virt_irq +[1-9][0-9]* +[1-9]' \
		jailhouse cell stats gic-demo
	jh_expect_file $n/sysfs-cpus-failed $CELLS/$id/cpus_failed_list ""

	# passive, never locked: the first shutdown is accepted
	jh_expect_ok $n/shutdown jailhouse cell shutdown gic-demo
	jh_expect_file $n/sysfs-state-shut-down $CELLS/$id/state "shut down"
	sleep 1
	if con_after_has 'Cell "gic-demo" shut down' "$GIC_LINE" 1; then
		jh_fail $n/silent-after-shutdown "timer lines after the shutdown"
	else
		jh_pass $n/silent-after-shutdown
	fi
	# restart without reloading: the image is still there
	jh_expect_ok $n/restart jailhouse cell start gic-demo
	jh_wait_for $n/timer-lines-again 60 con_after_has \
		'Started cell "gic-demo"' "^$GIC_LINE" 3

	jh_expect_ok $n/destroy jailhouse cell destroy gic-demo
	jh_expect_output $n/console-destroyed 'Destroyed cell "gic-demo"' \
		cat "$JH_SYSFS/console"
	if [ -e $CELLS/$id ]; then
		jh_fail $n/sysfs-gone "$CELLS/$id still exists"
	else
		jh_pass $n/sysfs-gone
	fi
	jh_expect_file $n/sysfs-root-cpus-back $CELLS/0/cpus_assigned_list 0-1
	cpu1_used_by_linux $n
}

uart_demo()
{
	local n=uart-demo

	cell_up $n uart-demo qemu-virt-uart-demo.cell uart-demo.bin \
		"con-type=jailhouse delay-ms=100" || return 1
	jh_wait_for $n/hello-lines 60 con_after_has 'Started cell "uart-demo"' \
		'^Hello [0-9]+ from cell!' 3
	jh_expect_output $n/list 'uart-demo +running' jailhouse cell list
	jh_expect_ok $n/destroy jailhouse cell destroy uart-demo
	cpu1_used_by_linux $n
}

# ok-inmate deny=1 locks its cell and refuses the first request.
voting()
{
	local n=voting

	cell_up $n msg-test qemu-virt-msg-test.cell ok-inmate.bin \
		"con-type=jailhouse deny=1" || return 1
	jh_wait_for $n/inmate-locked 60 con_after_has 'Started cell "msg-test"' \
		'^OK-INMATE: locked, denying 1 shutdown requests' 1
	jh_expect_file $n/sysfs-state-locked $CELLS/1/state "running/locked"
	jh_expect_fail $n/shutdown-refused 'not permitted' \
		jailhouse cell shutdown msg-test
	jh_expect_output $n/console-refused 'Cell "msg-test" refuses to be shut down' \
		cat "$JH_SYSFS/console"
	jh_expect_output $n/inmate-denied '^OK-INMATE: shutdown request denied' \
		cat "$JH_SYSFS/console"
	jh_expect_file $n/state-unlocked $CELLS/1/state running
	jh_expect_ok $n/shutdown-accepted jailhouse cell shutdown msg-test
	jh_expect_file $n/state-shut-down $CELLS/1/state "shut down"
	jh_expect_output $n/inmate-approved '^OK-INMATE: shutdown approved' \
		cat "$JH_SYSFS/console"
	jh_expect_ok $n/destroy jailhouse cell destroy msg-test

	# disable destroys the cells first; a locked cell blocks it once
	cell_up $n/disable msg-test qemu-virt-msg-test.cell ok-inmate.bin \
		"con-type=jailhouse deny=1" || return 1
	jh_wait_for $n/disable/inmate-locked 60 con_after_has \
		'Started cell "msg-test"' '^OK-INMATE: locked' 1
	jh_expect_fail $n/disable/refused 'not permitted|busy' jailhouse disable
	jh_expect_file $n/disable/still-enabled "$JH_SYSFS/enabled" 1
	jh_expect_file $n/disable/cell-still-there $CELLS/1/name msg-test
	hv_disable $n/disable/second
	cpu1_used_by_linux $n/disable
}

# Each cycle runs the demo until its first timer line.
cycles()
{
	local n=cycles i ok=1 why="" pool remap

	pool=$(pool_used)
	remap=$(remap_used)
	for i in $(seq 1 20); do
		if ! jh_run jailhouse cell create "$JH_CELLS/qemu-virt-gic-demo.cell" ||
		   ! jh_run jailhouse cell load gic-demo \
			"$JH_INMATES/gic-demo.bin" -s con-type=jailhouse -a 0x1000 ||
		   ! jh_run jailhouse cell start gic-demo; then
			ok=0 why="cycle $i: $(jh_last_line)"
			break
		fi
		if ! jh_wait 30 con_after_has 'Started cell "gic-demo"' \
			"^$GIC_LINE" 1; then
			ok=0 why="cycle $i: no timer line"
			break
		fi
		if ! jh_run jailhouse cell destroy gic-demo; then
			ok=0 why="cycle $i: destroy: $(jh_last_line)"
			break
		fi
	done
	if [ $ok = 1 ]; then
		jh_pass $n/20-runs
	else
		jh_fail $n/20-runs "$why"
	fi
	jh_log "mem_pool_used before $pool after $(pool_used)"
	jh_expect_file $n/mem-pool-back "$JH_SYSFS/mem_pool_used" "$pool"
	jh_expect_file $n/remap-pool-back "$JH_SYSFS/remap_pool_used" "$remap"
	cpu1_used_by_linux $n
}

hv_load_driver || { jh_end; exit; }
hv_enable enable || { jh_end; exit; }
pool0=$(pool_used)
gic_demo
uart_demo
jh_expect_file pool-after-demos "$JH_SYSFS/mem_pool_used" "$pool0"
cycles
hv_workload workload-with-hypervisor
voting
if dmesg | grep -Eq 'WARNING|BUG|rcu_sched.*stall|hung_task|failed to come online'; then
	jh_fail kernel-no-warnings "$(dmesg | grep -E 'WARNING|BUG|stall|hung|online' | head -n 2)"
else
	jh_pass kernel-no-warnings
fi
jh_end
