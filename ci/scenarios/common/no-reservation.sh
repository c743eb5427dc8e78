# "Missing memory reservation" checks shared by x86 and arm, sourced by
# ci/scenarios/<arch>/no-reservation.sh (booted without memmap=/mem=).
. /lib/jailhouse/scenarios/foundation.sh

no_reservation_enable()
{
	foundation_need_system enable-unreserved/system-config || return 1
	jh_snapshot /tmp/jh-before
	jh_expect_fail enable-unreserved/refused 'memmap=|mem=|reserved-memory' \
		jailhouse enable "$JH_SYS"
	jh_expect_file enable-unreserved/still-disabled "$JH_SYSFS/enabled" 0
	jh_expect_unchanged enable-unreserved/nothing-changed /tmp/jh-before
	# The system keeps running: both CPUs still schedule work.
	jh_expect_ok enable-unreserved/system-alive \
		sh -c 'for c in 0 1; do taskset -c $c true || exit 1; done'
}

no_reservation_all()
{
	foundation_load_driver
	no_reservation_enable
	foundation_unload_driver
}
