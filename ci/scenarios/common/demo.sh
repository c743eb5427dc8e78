# The demo shared by both arches (make demo): load the driver, enable the
# hypervisor with the machine's system config, show its state, run a demo
# cell (ci/demos/<arch>/demo.sh says which), disable it, unload.
. /lib/jailhouse/scenarios/foundation.sh

# demo_enable: sets JH_DEMO_ENABLED=1 when the hypervisor is running.
demo_enable()
{
	JH_DEMO_ENABLED=0
	foundation_load_driver || return 1
	foundation_need_system demo/system-config || return 1
	jh_log "enabling the hypervisor with $JH_SYS"
	jh_expect_ok demo/enable jailhouse enable "$JH_SYS" || return 1
	JH_DEMO_ENABLED=1
	jh_expect_file demo/enabled-1 "$JH_SYSFS/enabled" 1
	jh_expect_output demo/cell-list-shows-root-running \
		'^[[:space:]]*0[[:space:]]+[^[:space:]]+[[:space:]]+running' \
		jailhouse cell list
	timeout 5 jailhouse console 2>/dev/null |
		sed 's/^/  hypervisor| /'
}

demo_disable()
{
	[ "$JH_DEMO_ENABLED" = 1 ] || return 1
	jh_expect_ok demo/disable jailhouse disable
	jh_expect_file demo/enabled-0-after-disable "$JH_SYSFS/enabled" 0
	jh_expect_file demo/cpus-back /sys/devices/system/cpu/online \
		"$(cat /tmp/jh-demo-cpus)"
	foundation_unload_driver
}

# demo_cell <name> <cell config> <image> <seconds> [load options...]:
# create, load and start the cell, let it run, show it in the cell list
# and statistics, shut it down (a demo that locks its cell refuses the
# first request: shown, then asked again), destroy it and wait until
# Linux has its CPUs back. The cell prints on the same serial line as
# this script, so our own lines wait in a file while it runs.
demo_cell()
{
	local name=$1 config=$2 image=$3 seconds=$4 log=/tmp/jh-demo-cell

	shift 4
	[ "$JH_DEMO_ENABLED" = 1 ] || return 1
	jh_log "cell $name: create, load, start"
	jh_expect_ok demo/cell-create jailhouse cell create "$config" ||
		return 1
	jh_expect_ok demo/cell-load jailhouse cell load "$name" "$image" "$@"
	{
		jh_expect_ok demo/cell-start jailhouse cell start "$name"
		sleep "$seconds"
		jh_expect_output demo/cell-running "$name +running" \
			jailhouse cell list
		jh_expect_output demo/cell-stats 'vmexits_total' \
			jailhouse cell stats "$name"
		if ! jh_run jailhouse cell shutdown "$name"; then
			jh_log "the cell refused the shutdown; asking again"
			jh_expect_ok demo/cell-shutdown \
				jailhouse cell shutdown "$name"
		else
			jh_pass demo/cell-shutdown
		fi
	} >$log 2>&1
	cat $log
	jh_expect_ok demo/cell-destroy jailhouse cell destroy "$name"
	jh_wait_file demo/cell-cpus-back-in-linux 30 \
		/sys/devices/system/cpu/online "$(cat /tmp/jh-demo-cpus)"
}

cat /sys/devices/system/cpu/online >/tmp/jh-demo-cpus
