#@ timeout: 2400
# VM exits of the root cell (stock kernel, Bochs, 2 CPUs) per guest second
# (Bochs guest time follows executed instructions), idle and busy, by
# reason; hypervisor image size; page-pool use after enable.

SYS=$(jh_system_config)
CHECK=/usr/bin/jh-x86-check
STATS=$JH_SYSFS/cells/0/statistics
REASONS="total xapic pio cpuid cr msr_other msr_x2apic_icr xsetbv exception mmio management hypercall"

# One process for all counters: every program start costs CPUID exits
# (the C library probes the CPU), which would dominate an idle figure.
snapshot()
{
	local r files=

	for r in $REASONS; do
		files="$files $STATS/vmexits_$r"
	done
	{ cut -d' ' -f1 /proc/uptime; cat $files; } |
		awk -v names="uptime $REASONS" '
			BEGIN { split(names, n, " ") }
			{ print n[NR], $1 }'
}

# figures <label> <before> <after>: exits per guest second for each reason
figures()
{
	awk -v label="$1" '
		FNR == NR { a[$1] = $2; next }
		{ b[$1] = $2 }
		END {
			dt = b["uptime"] - a["uptime"]
			printf "JH-BENCH %s-seconds %.2f s\n", label, dt
			for (r in b)
				if (r != "uptime" && dt > 0)
					printf "JH-BENCH %s-exits-per-s-%s %.1f exits/s\n",
						label, r, (b[r] - a[r]) / dt
		}' "$2" "$3"
}

# local timer interrupts during the same busy load, without hypervisor
loc_sum() { awk '$1 == "LOC:" { print $2 + $3 }' /proc/interrupts; }
busy_load()
{
	$CHECK burn 0 8 >/dev/null & b0=$!
	$CHECK burn 1 8 >/dev/null & b1=$!
	wait $b0 $b1
}
l0=$(loc_sum); u0=$(cut -d' ' -f1 /proc/uptime)
busy_load
l1=$(loc_sum); u1=$(cut -d' ' -f1 /proc/uptime)
awk -v l=$((l1 - l0)) -v a="$u0" -v b="$u1" 'BEGIN {
	printf "JH-BENCH native-busy-seconds %.2f s\n", b - a
	printf "JH-BENCH native-busy-timer-irqs-per-s %.1f irqs/s\n", l / (b - a) }'

insmod "$JH_MODULE"
echo "JH-BENCH image-size $(wc -c </lib/firmware/jailhouse-intel.bin) bytes"
if jh_expect_ok bench/enable jailhouse enable "$SYS"; then
	echo "JH-BENCH pool-mem-used-after-enable $(cat $JH_SYSFS/mem_pool_used) pages"
	echo "JH-BENCH pool-mem-size $(cat $JH_SYSFS/mem_pool_size) pages"
	echo "JH-BENCH pool-remap-used-after-enable $(cat $JH_SYSFS/remap_pool_used) pages"

	snapshot >/tmp/s0
	sleep 1
	snapshot >/tmp/s1
	figures idle /tmp/s0 /tmp/s1

	snapshot >/tmp/s2
	l0=$(loc_sum)
	busy_load
	l1=$(loc_sum)
	snapshot >/tmp/s3
	figures busy /tmp/s2 /tmp/s3
	awk -v l=$((l1 - l0)) -v a="$(sed -n 's/^uptime //p' /tmp/s2)" \
		-v b="$(sed -n 's/^uptime //p' /tmp/s3)" 'BEGIN {
		printf "JH-BENCH busy-timer-irqs-per-s %.1f irqs/s\n", l / (b - a) }'
	jh_expect_ok bench/disable jailhouse disable
fi
jh_end
