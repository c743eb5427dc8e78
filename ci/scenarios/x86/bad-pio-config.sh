#@ timeout: 1800
# Issue 3, separate run: a root config that forgets a port Linux uses (the
# ACPI PM timer at 0xb008) must park only the CPU that touches it and
# print the report naming the port and the fix. CPU 1 reads the port the
# way Linux's acpi_pm clocksource does (inl); CPU 0 checks the report.

SYS=$(jh_system_config)
BAD=/tmp/bochs-root-no-pmtimer.cell
CHECK=/usr/bin/jh-x86-check

u32_at() { od -A n -t u4 -j "$2" -N 4 "$1" | tr -d ' '; }
u16_at() { od -A n -t u2 -j "$2" -N 2 "$1" | tr -d ' '; }

# Copy of the system config whose PIO range starting at 0xb000 (ACPI PM
# block) is cut to 8 ports: PM1 event/control stay, the timer goes.
make_bad_config()
{
	local root=356 cpus mems caches chips pios pio n base

	cp "$SYS" "$BAD"
	cpus=$(u32_at "$BAD" $((root + 48)))
	mems=$(u32_at "$BAD" $((root + 52)))
	caches=$(u32_at "$BAD" $((root + 56)))
	chips=$(u32_at "$BAD" $((root + 60)))
	pios=$(u32_at "$BAD" $((root + 64)))
	pio=$((root + 132 + cpus + 32 * mems + 12 * caches + 32 * chips))
	n=0
	while [ $n -lt "$pios" ]; do
		base=$(u16_at "$BAD" $((pio + 4 * n)))
		if [ "$base" = $((0xb000)) ]; then
			jh_poke "$BAD" $((pio + 4 * n + 2)) '\010\000'
			return 0
		fi
		n=$((n + 1))
	done
	return 1
}

jh_require bad/system-config "$SYS" || jh_end
jh_require bad/check-program "$CHECK" || jh_end
if make_bad_config; then
	jh_pass bad/config-made
else
	jh_fail bad/config-made "no PIO range at 0xb000 in $SYS"
	jh_end
fi
jh_expect_ok bad/config-still-valid jailhouse config check "$BAD"
jh_expect_ok bad/insmod insmod "$JH_MODULE"
jh_expect_ok bad/enable jailhouse enable "$BAD"

# Linux loses CPU 1 for good: keep this shell, its children and every
# device interrupt (the console UART's above all) on CPU 0.
taskset -p -c 0 $$ >/dev/null
for f in /proc/irq/*/smp_affinity; do echo 1 >"$f"; done 2>/dev/null
echo 1 >/proc/irq/default_smp_affinity
# CPU 1 reads the PM timer; it must be parked, so the read never returns
$CHECK inl 1 0xb008 &
if jh_wait 60 grep -q 'Parking CPU 1' "$JH_SYSFS/console"; then
	jh_pass bad/cpu1-parked
else
	jh_fail bad/cpu1-parked "no 'Parking CPU 1' in the hypervisor console"
fi
cat "$JH_SYSFS/console" | tail -n 8
console=$(cat "$JH_SYSFS/console")
report_has()
{
	if echo "$console" | grep -Eq "$2"; then
		jh_pass "$1"
	else
		jh_fail "$1" "no line matching /$2/ in the hypervisor console"
	fi
}
report_has bad/report-port 'FATAL: Invalid PIO read, port: b008 size: 4'
report_has bad/report-where 'Cell "[^"]*" CPU 1 PC 0x'
report_has bad/report-fix 'Fix: add PIO_RANGE\(0xb008, 4\)'

jh_expect_file bad/cpu1-failed "$JH_SYSFS/cells/0/cpus_failed_list" 1
# CPU 0 is still a working guest of the hypervisor
jh_expect_output bad/cpu0-still-runs 'checksum' $CHECK burn 0 2

# The kernel's power-off path needs every CPU (stop_machine, the driver's
# reboot notifier disabling the hypervisor), CPU 1 is gone: switch the
# machine off through ACPI directly (PM1a control: SLP_EN, S5 = SLP_TYP 0).
poweroff() { $CHECK outw 0xb004 0x2000; }
jh_end
