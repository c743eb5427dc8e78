# The driver's firmware entry, proven with the stub firmware
# (tests/stub-firmware) before the real hypervisor is needed; shared by
# ci/scenarios/<arch>/stub-entry.sh. The stub carries the real firmware
# header: the driver loads it like the hypervisor, enters it on every CPU
# at once, every CPU reports what it found in the console ring, and all
# return -ENOSYS. Then the enable must fail cleanly and change nothing -
# twice in a row - and the module must unload.
. /lib/jailhouse/scenarios/foundation.sh

JH_STUB_DIR=/lib/firmware/jailhouse-stub
JH_FW_PATH=/sys/module/firmware_class/parameters/path

# The stub's console lines, via sysfs and via read() on /dev/jailhouse.
stub_check_console()
{
	local run=$1 cpus cpu ok=1

	cpus=$(grep -c '^processor' /proc/cpuinfo)
	jh_expect_output "stub-entry/$run/all-cpus-arrived" \
		"stub: $cpus of $cpus CPUs arrived, max_cpus [0-9]+, system config found at" \
		cat "$JH_SYSFS/console"
	for cpu in $(seq 0 $((cpus - 1))); do
		jh_expect_output "stub-entry/$run/cpu$cpu-entered" \
			"stub: CPU $cpu entered$STUB_CPU_OK" cat "$JH_SYSFS/console" ||
			ok=0
	done
	jh_expect_output "stub-entry/$run/all-return-enosys" \
		'stub: all CPUs return -ENOSYS' cat "$JH_SYSFS/console"
	jh_expect_output "stub-entry/$run/dev-console-read" \
		"stub: CPU $((cpus - 1)) entered" jailhouse console
	return $((1 - ok))
}

# One enable with the stub: -ENOSYS, nothing changed, stub lines there.
stub_enable_once()
{
	local run=$1 before after cpus

	jh_snapshot /tmp/jh-before
	before=$(dmesg | grep -c 'Hypervisor start failed: -ENOSYS')
	jh_expect_fail "stub-entry/$run/enable-fails" 'Function not implemented' \
		jailhouse enable "$JH_SYS"
	after=$(dmesg | grep -c 'Hypervisor start failed: -ENOSYS')
	if [ "$after" = $((before + 1)) ]; then
		jh_pass "stub-entry/$run/driver-reports-enosys"
	else
		jh_fail "stub-entry/$run/driver-reports-enosys" \
			"no new 'Hypervisor start failed: -ENOSYS' line in the kernel log"
	fi
	cpus=$(grep -c '^processor' /proc/cpuinfo)
	jh_expect_dmesg "stub-entry/$run/all-cpus-reached-firmware" \
		"Hypervisor start failed: -ENOSYS \(-38\); $cpus of $cpus CPUs reached the firmware"
	jh_expect_file "stub-entry/$run/still-disabled" "$JH_SYSFS/enabled" 0
	jh_expect_unchanged "stub-entry/$run/nothing-changed" /tmp/jh-before
	stub_check_console "$run"
}

stub_entry_all()
{
	foundation_load_driver || return 1
	if foundation_need_system stub-entry/system-config &&
	   jh_require stub-entry/stub-firmware "$JH_STUB_DIR"; then
		printf '%s' "$JH_STUB_DIR" >"$JH_FW_PATH"
		stub_enable_once first
		stub_enable_once second
		printf '' >"$JH_FW_PATH"
		# Linux keeps running on every CPU afterwards
		jh_expect_ok stub-entry/system-alive sh -c \
			'for c in $(seq 0 $(($(grep -c ^processor /proc/cpuinfo) - 1))); do taskset -c $c true || exit 1; done'
	fi
	foundation_unload_driver
}
