#@ timeout: 300
# Issue 4 benchmark, QEMU virt (TCG, 2 CPUs), stock kernel, root cell only:
# VM exits per second by reason with Linux idle and busy, exits per timer
# interrupt, hypervisor image size and page-pool use. Exit counts come
# from the hypervisor's per-CPU statistics (sysfs); reading them costs
# CPU_GET_INFO hypercalls, which are included in the hypercall figure.
. /lib/jailhouse/scenarios/hv-root.sh

HV_REASONS="total mmio management hypercall maintenance virt_irq virt_sgi psci smccc cp15"

hv_snapshot()
{
	local r

	for r in $HV_REASONS; do
		echo "$r $(hv_stat $r)"
	done
	echo "timer $(grep -E 'arch_timer' /proc/interrupts |
		awk '{ for (i = 2; i <= NF; i++) if ($i ~ /^[0-9]+$/) s += $i }
		     END { print s + 0 }')"
	echo "uptime $(cut -d' ' -f1 /proc/uptime)"
}

# hv_report <label> <before> <after>
hv_report()
{
	local secs

	secs=$(awk '$1 == "uptime" { if (!a) a = $2; else b = $2 }
		    END { print b - a }' "$2" "$3")
	for r in $HV_REASONS; do
		awk -v r=$r -v s="$secs" -v l="$1" '
			$1 == r { if (!n++) a = $2; else b = $2 }
			END { printf "JH-BENCH %s-exits-per-s-%s %.1f exits/s\n",
			      l, r, (b - a) / s }' "$2" "$3"
	done
	# exits not caused by a guest instruction are interrupt exits
	awk -v l="$1" '
		{ if (seen[$1]++) d[$1] += $2; else d[$1] -= $2 }
		END {
			irq = d["total"] - d["mmio"] - d["hypercall"] - d["psci"] -
			      d["smccc"] - d["cp15"]
			if (d["timer"] > 0)
				printf "JH-BENCH %s-exits-per-timer-irq %.2f exits\n",
				       l, d["total"] / d["timer"]
			if (d["virt_irq"] > 0)
				printf "JH-BENCH %s-irq-exits-per-injected-irq %.2f exits\n",
				       l, irq / d["virt_irq"]
		}' "$2" "$3"
}

hv_load_driver || jh_end
hv_enable bench-enable || jh_end

echo "JH-BENCH image-size $(wc -c </lib/firmware/jailhouse.bin) bytes"
for p in mem_pool_size mem_pool_used remap_pool_size remap_pool_used; do
	echo "JH-BENCH $p $(cat "$JH_SYSFS/$p") pages"
done

sleep 2
hv_snapshot >/tmp/idle-a
sleep 10
hv_snapshot >/tmp/idle-b
hv_report idle /tmp/idle-a /tmp/idle-b

hv_snapshot >/tmp/busy-a
for cpu in $(hv_online_cpus); do
	taskset -c "$cpu" sh -c 'end=$(($(cut -d. -f1 /proc/uptime) + 10))
		while [ "$(cut -d. -f1 /proc/uptime)" -lt $end ]; do
			seq 1 3000 | md5sum >/dev/null
		done' &
done
wait
hv_snapshot >/tmp/busy-b
hv_report busy /tmp/busy-a /tmp/busy-b

hv_disable bench-disable
jh_pass bench-ran
jh_end
