# ARM root-cell scenario (issue 4), shared by the 2- and 4-CPU variants
# in ci/scenarios/arm/: needs hv-root.sh sourced first.

# Statistics of the ARM exit reasons move the way the guest's activity
# says they should.
hv_arm_stats()
{
	local name=$1 total irq sgi mmio psci cp15 hc cpu

	total=$(hv_stat total)
	irq=$(hv_stat virt_irq)
	sgi=$(hv_stat virt_sgi)
	mmio=$(hv_stat mmio)
	hc=$(hv_stat hypercall)
	hv_timers "$name/timers"
	hv_ipis "$name/ipis"
	hv_stat_grows "$name/total-grows" total "$total"
	hv_stat_grows "$name/virt-irq-grows" virt_irq "$irq"
	hv_stat_grows "$name/virt-sgi-grows" virt_sgi "$sgi"
	hv_stat_grows "$name/mmio-grows" mmio "$mmio"
	# sysfs reads CPU_GET_INFO once per CPU and counter
	cat "$JH_SYSFS/cells/0/statistics/vmexits_total" >/dev/null
	hv_stat_grows "$name/hypercall-grows" hypercall "$hc"

	psci=$(hv_stat psci)
	cp15=$(hv_stat cp15)
	hv_cpu_hotplug "$name/hotplug"
	hv_stat_grows "$name/psci-grows" psci "$psci"
	hv_stat_grows "$name/cp15-grows" cp15 "$cp15"
	for cpu in $(hv_online_cpus); do
		jh_expect_output "$name/cpu$cpu-stats-readable" '^[0-9]+$' \
			cat "$JH_SYSFS/cells/0/statistics/cpu$cpu/vmexits_total"
	done
}

hv_arm_root_all()
{
	jh_expect_dmesg boot/started-in-hyp-mode 'CPU: All CPU\(s\) started in HYP mode'
	hv_load_driver || return
	hv_enable enable1 || return
	hv_workload enable1/workload
	jh_expect_ok enable1/console-output echo "hello from $(hv_online_cpus | wc -w) CPUs"
	hv_arm_stats enable1
	hv_disable disable1
	hv_enable enable2 || return
	hv_workload enable2/workload
	hv_disable disable2
	if dmesg | grep -Eq 'WARNING|BUG|rcu_sched.*stall|hung_task'; then
		jh_fail kernel-no-warnings "$(dmesg | grep -E 'WARNING|BUG|stall|hung' | head -n 2)"
	else
		jh_pass kernel-no-warnings
	fi
}
