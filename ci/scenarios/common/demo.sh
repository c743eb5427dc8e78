# The demo shared by both arches (make demo): load the driver, enable the
# hypervisor with the machine's system config, show its state, disable it,
# unload. The hypervisor engineers extend ci/demos/<arch>/demo.sh with the
# cell demos (apic-demo, gic-demo).
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

cat /sys/devices/system/cpu/online >/tmp/jh-demo-cpus
