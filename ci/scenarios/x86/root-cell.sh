#@ timeout: 2400
# Issue 3 on the stock Debian kernel in Bochs (2 CPUs): the VT-x hypervisor
# slides under the running Linux and back. Enable, per-CPU init and pool
# figures, CPUID from user space on each CPU, Linux working on both CPUs
# (checksums, IPIs, timers, PCI config access through the hypervisor), no
# kernel warnings, counters, disable, enable again, disable again.
# Guest time is precious in Bochs: no long sleeps.

SYS=$(jh_system_config)
CHECK=/usr/bin/jh-x86-check
STATS=$JH_SYSFS/cells/0/statistics

stat() { cat "$STATS/vmexits_$1" 2>/dev/null || echo -1; }
cpu_stat() { cat "$STATS/cpu$1/vmexits_$2" 2>/dev/null || echo -1; }
# sum of one /proc/interrupts line (e.g. RES, CAL, LOC) over all CPUs
irq_sum() { awk -v n="$1:" '$1 == n { s = 0; for (i = 2; i <= 3; i++) s += $i; print s }' /proc/interrupts; }
uptime_s() { cut -d' ' -f1 /proc/uptime; }
# jh_expect_gt <name> <a> <b> <what>: a > b
jh_expect_gt()
{
	if [ "$2" -gt "$3" ] 2>/dev/null; then
		jh_pass "$1"
	else
		jh_fail "$1" "$4: $2 is not above $3"
	fi
}
show_stats()
{
	for f in "$STATS"/vmexits_*; do
		printf '%s=%s ' "${f##*/vmexits_}" "$(cat "$f")"
	done
	echo
}

jh_require root/system-config "$SYS" || { jh_end; }
jh_require root/check-program "$CHECK" || { jh_end; }
jh_expect_ok root/insmod insmod "$JH_MODULE"
jh_expect_ok root/cpuid-before-enable $CHECK cpuid native
pool_used=

# ---- enable ----------------------------------------------------------------
enable_checks()
{
	local round=$1 console

	jh_expect_ok "root/enable-$round" jailhouse enable "$SYS" || return 1
	jh_expect_file "root/enabled-$round" "$JH_SYSFS/enabled" 1
	console=$(cat "$JH_SYSFS/console")
	for cpu in 0 1; do
		if echo "$console" | grep -q " CPU $cpu\.\.\. OK"; then
			jh_pass "root/console-cpu$cpu-init-$round"
		else
			jh_fail "root/console-cpu$cpu-init-$round" "no ' CPU $cpu... OK' in the hypervisor console"
		fi
	done
	if echo "$console" | grep -Eq 'Page pool usage after late setup: mem [0-9]+/[0-9]+'; then
		jh_pass "root/console-pool-usage-$round"
	else
		jh_fail "root/console-pool-usage-$round" "no page pool usage line"
	fi
	jh_expect_output "root/cpuid-hypervisor-$round" 'cpu 1: .* -> ok' \
		$CHECK cpuid hypervisor
}

enable_checks 1
echo "page pool: mem $(cat $JH_SYSFS/mem_pool_used)/$(cat $JH_SYSFS/mem_pool_size), remap $(cat $JH_SYSFS/remap_pool_used)/$(cat $JH_SYSFS/remap_pool_size)"
pool_used=$(cat $JH_SYSFS/mem_pool_used)
show_stats

# ---- Linux keeps working -----------------------------------------------------
res0=$(irq_sum RES); cal0=$(irq_sum CAL); loc0=$(irq_sum LOC); t0=$(uptime_s)
jh_log "checksum loops pinned to CPU 0 and CPU 1 at the same time"
$CHECK burn 0 12 >/tmp/burn0 2>&1 & b0=$!
$CHECK burn 1 12 >/tmp/burn1 2>&1 & b1=$!
# meanwhile: process migrations (rescheduling and function-call IPIs)
for i in 1 2 3 4 5 6; do taskset -c $((i % 2)) true; done
wait $b0; r0=$?
wait $b1; r1=$?
cat /tmp/burn0 /tmp/burn1
[ $r0 = 0 ] && jh_pass root/checksum-cpu0 || jh_fail root/checksum-cpu0 "$(cat /tmp/burn0)"
[ $r1 = 0 ] && jh_pass root/checksum-cpu1 || jh_fail root/checksum-cpu1 "$(cat /tmp/burn1)"
t1=$(uptime_s)
jh_expect_gt root/ipis-delivered $(( $(irq_sum RES) + $(irq_sum CAL) )) $((res0 + cal0)) \
	"rescheduling + function-call IPIs"
jh_expect_gt root/timer-interrupts "$(irq_sum LOC)" "$loc0" "local timer interrupts"
# A sleeper is woken by its timer: 'sleep 1' takes at least 1 s of guest
# time and returns in time. The stock kernel in Bochs wakes up to ~4 guest
# seconds late now and then, with or without the hypervisor (measured,
# see Documentation/x86.md, "Late wake-ups in Bochs"), so one late sleep
# proves nothing: up to five tries, one must take 0.95-3 s; none may be
# early or lost (30 s limit). Wake-ups lost or late every time still fail.
sleep_tries=
for try in 1 2 3 4 5; do
	t2=$(uptime_s); timeout 30 sleep 1; rc=$?; t3=$(uptime_s)
	sleep_tries="$sleep_tries $t2->$t3"
	verdict=$(awk -v a="$t2" -v b="$t3" -v rc="$rc" 'BEGIN {
		if (rc != 0) print "lost"; else if (b - a < 0.95) print "early";
		else if (b - a < 3) print "ok"; else print "late" }')
	[ "$verdict" = late ] || break
done
jh_log "sleep 1, guest uptime:$sleep_tries"
if [ "$verdict" = ok ]; then
	jh_pass root/sleep-wakes-up
else
	jh_fail root/sleep-wakes-up "'sleep 1' $verdict (uptime$sleep_tries)"
fi
show_stats

# PCI config space: every access goes through the hypervisor (0xcf8/0xcfc)
pio0=$(stat pio)
jh_expect_output root/pci-config-read '^ *8086' \
	sh -c 'for d in /sys/bus/pci/devices/*; do od -A n -t x2 -N 2 $d/config; done'
jh_expect_gt root/pio-exits-counted "$(stat pio)" "$pio0" "vmexits_pio"
jh_expect_gt root/xapic-exits-counted "$(stat xapic)" 0 "vmexits_xapic"
jh_expect_gt root/cpuid-exits-counted "$(stat cpuid)" 0 "vmexits_cpuid"
jh_expect_gt root/cpu0-exits "$(cpu_stat 0 total)" 0 "cpu0 vmexits_total"
jh_expect_gt root/cpu1-exits "$(cpu_stat 1 total)" 0 "cpu1 vmexits_total"
parts=0
for r in mmio management hypercall pio xapic cr cpuid xsetbv exception msr_other msr_x2apic_icr; do
	parts=$((parts + $(stat $r)))
done
if [ "$parts" -le "$(stat total)" ]; then
	jh_pass root/exit-counters-consistent
else
	jh_fail root/exit-counters-consistent "reasons add up to $parts > total $(stat total)"
fi
jh_expect_file root/no-failed-cpus "$JH_SYSFS/cells/0/cpus_failed_list" ""

# CPU hotplug: Linux takes CPU 1 down and brings it back with INIT/SIPI,
# which the hypervisor emulates (real-mode start, the switch to long mode
# runs natively as an unrestricted guest, CPUs kicked by NMI)
mgmt0=$(stat management)
jh_expect_ok root/cpu1-offline sh -c 'echo 0 >/sys/devices/system/cpu/cpu1/online'
jh_expect_file root/cpu1-offline-state /sys/devices/system/cpu/online 0
jh_expect_ok root/cpu1-online sh -c 'echo 1 >/sys/devices/system/cpu/cpu1/online'
jh_expect_file root/cpu1-online-state /sys/devices/system/cpu/online 0-1
jh_expect_ok root/cpu1-works-after-hotplug $CHECK burn 1 2
jh_expect_output root/cpu1-cpuid-after-hotplug 'cpu 1: .* -> ok' \
	$CHECK cpuid hypervisor
jh_expect_gt root/management-exits-counted "$(stat management)" "$mgmt0" \
	"vmexits_management (CPU kicks)"

# ---- kernel log: nothing but the known Bochs XSAVE warning -----------------
if jh_new_dmesg | grep -E 'WARNING|BUG|Oops|stall|lockup|Call Trace' |
	grep -v 'XSAVE consistency problem' | grep -q .; then
	jh_fail root/no-kernel-warnings "$(jh_new_dmesg | grep -E 'WARNING|BUG|Oops|stall|lockup' | grep -v XSAVE | head -n 2)"
else
	jh_pass root/no-kernel-warnings
fi

# ---- disable, enable again ---------------------------------------------------
jh_expect_ok root/disable-1 jailhouse disable
jh_expect_file root/disabled-1 "$JH_SYSFS/enabled" 0
jh_expect_ok root/cpuid-after-disable $CHECK cpuid native
jh_expect_dmesg root/driver-closed 'The Jailhouse was closed'

enable_checks 2
# Same figure, give or take one page: one stock-kernel run of 2026-11-21
# had 31 pages after the 1st and 32 after the 2nd enable (no cells in
# between; not reproduced in five other runs, cause not found yet); a
# leak of more than one page per enable still fails.
pool_used2=$(cat $JH_SYSFS/mem_pool_used)
if [ $((pool_used2 - pool_used)) -ge -1 ] &&
   [ $((pool_used2 - pool_used)) -le 1 ]; then
	jh_pass root/pool-use-repeatable
else
	jh_fail root/pool-use-repeatable "mem pool used $(cat $JH_SYSFS/mem_pool_used) after the 2nd enable, $pool_used after the 1st"
fi
jh_expect_ok root/checksum-after-reenable $CHECK burn 1 3
jh_expect_ok root/disable-2 jailhouse disable
jh_expect_ok root/cpuid-after-disable-2 $CHECK cpuid native
jh_expect_ok root/rmmod rmmod jailhouse
jh_end
