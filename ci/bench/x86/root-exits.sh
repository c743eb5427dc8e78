#@ timeout: 2400
# VM exits of the root cell (stock kernel, Bochs, 2 CPUs) per guest second
# (Bochs guest time follows executed instructions), idle and busy, by
# reason; hypervisor image size; page-pool use after enable.

SYS=$(jh_system_config)
CHECK=/usr/bin/jh-x86-check
STATS=$JH_SYSFS/cells/0/statistics
REASONS="total xapic pio cpuid cr msr_other msr_x2apic_icr xsetbv exception mmio management hypercall"

snapshot()
{
	local r

	echo "uptime $(cut -d' ' -f1 /proc/uptime)"
	for r in $REASONS; do
		echo "$r $(cat "$STATS/vmexits_$r")"
	done
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

insmod "$JH_MODULE"
echo "JH-BENCH image-size $(wc -c </lib/firmware/jailhouse-intel.bin) bytes"
if jh_expect_ok bench/enable jailhouse enable "$SYS"; then
	echo "JH-BENCH pool-mem-used-after-enable $(cat $JH_SYSFS/mem_pool_used) pages"
	echo "JH-BENCH pool-mem-size $(cat $JH_SYSFS/mem_pool_size) pages"
	echo "JH-BENCH pool-remap-used-after-enable $(cat $JH_SYSFS/remap_pool_used) pages"

	snapshot >/tmp/s0
	sleep 2
	snapshot >/tmp/s1
	figures idle /tmp/s0 /tmp/s1

	snapshot >/tmp/s2
	$CHECK burn 0 8 >/dev/null & b0=$!
	$CHECK burn 1 8 >/dev/null & b1=$!
	wait $b0 $b1
	snapshot >/tmp/s3
	figures busy /tmp/s2 /tmp/s3
	jh_expect_ok bench/disable jailhouse disable
fi
jh_end
