# Root-cell steps shared by the hypervisor scenarios of both architectures
# (issues 3 and 4), sourced inside the guest: enable the hypervisor under
# the running Linux, prove Linux keeps working on every CPU (workload with
# verified results, timers, IPIs, console, CPU offline/online), statistics,
# disable and enable again. The scenario sets HV_PREFIX to tell repeated
# rounds apart.

HV_PREFIX=${HV_PREFIX:-hv}
# seq 1 30000 | md5sum, and a modular recurrence over 200000 steps
HV_MD5_EXPECTED=0a61f0919f546ce04fc119b028b88a2e
HV_AWK_EXPECTED=905564

hv_online_cpus()
{
	local range cpus="" part a b

	range=$(cat /sys/devices/system/cpu/online)
	for part in $(echo "$range" | tr ',' ' '); do
		a=${part%-*}
		b=${part#*-}
		while [ "$a" -le "$b" ]; do
			cpus="$cpus $a"
			a=$((a + 1))
		done
	done
	echo $cpus
}

hv_load_driver()
{
	grep -q '^jailhouse ' /proc/modules && return 0
	jh_require driver/present "$JH_MODULE" || return 1
	jh_expect_ok driver/insmod insmod "$JH_MODULE"
}

# hv_stat <name>: root cell statistics counter (sum over its CPUs)
hv_stat()
{
	cat "$JH_SYSFS/cells/0/statistics/vmexits_$1" 2>/dev/null || echo -1
}

# hv_enable <check>: jailhouse enable with the machine's system config;
# the console must show the init of every online CPU and the activation.
hv_enable()
{
	local name=$1 cpu

	JH_SYS=$(jh_system_config)
	jh_require "$name/system-config" "$JH_SYS" || return 1
	jh_expect_ok "$name" jailhouse enable "$JH_SYS" || return 1
	jh_expect_file "$name/sysfs-enabled" "$JH_SYSFS/enabled" 1
	cat "$JH_SYSFS/console" >/tmp/hv-console
	for cpu in $(hv_online_cpus); do
		if grep -q "^ CPU $cpu\.\.\. OK" /tmp/hv-console; then
			jh_pass "$name/cpu$cpu-initialized"
		else
			jh_fail "$name/cpu$cpu-initialized" "no ' CPU $cpu... OK' in the console"
		fi
	done
	jh_expect_output "$name/activated" '^Activating hypervisor' \
		cat /tmp/hv-console
	jh_expect_output "$name/pool-usage" \
		'^Page pool usage after early setup: mem [0-9]+/[0-9]+, remap [0-9]+/[0-9]+' \
		cat /tmp/hv-console
	jh_expect_output "$name/root-cell-listed" 'running' \
		cat "$JH_SYSFS/cells/0/state"
}

# A CPU-bound job with a known result, pinned to each online CPU at once.
hv_workload()
{
	local name=$1 cpu ok=1 why=""

	for cpu in $(hv_online_cpus); do
		taskset -c "$cpu" sh -c "seq 1 30000 | md5sum >/tmp/hv-md5.$cpu;
			awk 'BEGIN { s = 0; for (i = 1; i <= 200000; i++)
				s = (s * 31 + i) % 1000003; print s }' \
			>/tmp/hv-awk.$cpu" &
	done
	wait
	for cpu in $(hv_online_cpus); do
		if [ "$(cut -d' ' -f1 /tmp/hv-md5.$cpu)" != $HV_MD5_EXPECTED ]; then
			ok=0
			why="$why cpu$cpu:md5=$(cut -c1-12 /tmp/hv-md5.$cpu)"
		fi
		if [ "$(cat /tmp/hv-awk.$cpu)" != $HV_AWK_EXPECTED ]; then
			ok=0
			why="$why cpu$cpu:awk=$(cat /tmp/hv-awk.$cpu)"
		fi
	done
	if [ $ok = 1 ]; then
		jh_pass "$name"
	else
		jh_fail "$name" "wrong results:$why"
	fi
}

# Timer interrupts keep arriving on every CPU and sleeping takes as long
# as it should.
hv_timers()
{
	local name=$1 t0 t1 ms before after cpu col

	t0=$(cut -d' ' -f1 /proc/uptime)
	sleep 2
	t1=$(cut -d' ' -f1 /proc/uptime)
	ms=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%d", (b - a) * 1000 }')
	if [ "$ms" -ge 1900 ] && [ "$ms" -le 6000 ]; then
		jh_pass "$name/sleep-2s"
	else
		jh_fail "$name/sleep-2s" "sleep 2 took $ms ms of uptime"
	fi

	grep -E 'arch_timer|LOC:' /proc/interrupts >/tmp/hv-timer-before
	for cpu in $(hv_online_cpus); do
		taskset -c "$cpu" sleep 1 &
	done
	wait
	grep -E 'arch_timer|LOC:' /proc/interrupts >/tmp/hv-timer-after
	for cpu in $(hv_online_cpus); do
		col=$((cpu + 2))
		before=$(awk -v c=$col '{ s += $c } END { print s + 0 }' \
			 /tmp/hv-timer-before)
		after=$(awk -v c=$col '{ s += $c } END { print s + 0 }' \
			/tmp/hv-timer-after)
		if [ "${after:-0}" -gt "${before:-0}" ]; then
			jh_pass "$name/cpu$cpu-ticks"
		else
			jh_fail "$name/cpu$cpu-ticks" "timer count $before -> $after"
		fi
	done
}

# Inter-processor interrupts: rescheduling/function-call counts grow while
# work moves between CPUs.
hv_ipis()
{
	local name=$1 before after cpu

	before=$(grep -E 'Rescheduling|Function call' /proc/interrupts |
		 awk '{ for (i = 2; i <= NF; i++) if ($i ~ /^[0-9]+$/) s += $i }
		      END { print s + 0 }')
	for cpu in $(hv_online_cpus); do
		taskset -c "$cpu" sh -c 'i=0; while [ $i -lt 300 ]; do
			i=$((i + 1)); done' &
	done
	wait
	echo 1 >/proc/sys/vm/drop_caches
	after=$(grep -E 'Rescheduling|Function call' /proc/interrupts |
		awk '{ for (i = 2; i <= NF; i++) if ($i ~ /^[0-9]+$/) s += $i }
		     END { print s + 0 }')
	if [ "$after" -gt "$before" ]; then
		jh_pass "$name"
	else
		jh_fail "$name" "IPI count $before -> $after"
	fi
}

# Take each non-boot CPU offline and back (PSCI under the hypervisor), then
# run the workload on it.
hv_cpu_hotplug()
{
	local name=$1 cpu

	for cpu in $(hv_online_cpus); do
		[ "$cpu" = 0 ] && continue
		jh_expect_ok "$name/cpu$cpu-offline" \
			sh -c "echo 0 >/sys/devices/system/cpu/cpu$cpu/online"
		jh_expect_file "$name/cpu$cpu-is-offline" \
			/sys/devices/system/cpu/cpu$cpu/online 0
		jh_expect_fail "$name/disable-refused-while-offline" \
			'offline|busy' jailhouse disable
		jh_expect_ok "$name/cpu$cpu-online" \
			sh -c "echo 1 >/sys/devices/system/cpu/cpu$cpu/online"
		jh_expect_file "$name/cpu$cpu-is-online" \
			/sys/devices/system/cpu/cpu$cpu/online 1
	done
	hv_workload "$name/workload-after"
}

# hv_stat_grows <check> <counter> <before>
hv_stat_grows()
{
	local now

	now=$(hv_stat "$2")
	if [ "$now" -gt "$3" ]; then
		jh_pass "$1"
	else
		jh_fail "$1" "vmexits_$2 $3 -> $now"
	fi
}

hv_disable()
{
	local name=$1

	jh_expect_ok "$name" jailhouse disable || return 1
	jh_expect_file "$name/sysfs-enabled" "$JH_SYSFS/enabled" 0
	jh_expect_output "$name/console-shutdown" '^Shutting down hypervisor' \
		cat "$JH_SYSFS/console"
	hv_workload "$name/workload-after"
}
