#@ timeout: 300
# Issue 5 benchmark, QEMU virt (TCG, 2 CPUs), stock kernel: the gic-demo
# cell on CPU 1.
#   gic-demo-exits-per-tick   VM exits of the cell's CPU per 100 ms timer
#                             tick in steady state (demo printing straight
#                             to its UART, so only timer exits remain;
#                             goal 1: the tick's interrupt)
#   gic-demo-exits-per-virq   the same per injected interrupt
#   start-to-first-line-ms    `jailhouse cell start` until the demo's first
#                             line is in the hypervisor console (emulated,
#                             10 ms resolution, includes the tool's run)
#   start-to-first-tick-ms    ... until its first "Timer fired" line
#   pool-pages-per-cell       mem_pool_used after create minus before
#   pool-pages-after-destroy  mem_pool_used after destroy minus before
. /lib/jailhouse/scenarios/hv-root.sh

CELL=$JH_CELLS/qemu-virt-gic-demo.cell
STAT=$JH_SYSFS/cells/1/statistics

uptime_cs() { awk '{ split($1, t, "."); print t[1] * 100 + t[2] }' /proc/uptime; }

# Wait (busy) until the console shows $1 after the start marker; prints
# the centiseconds since $2.
wait_line_cs()
{
	local n=0

	while [ $n -lt 20000 ]; do
		if cat "$JH_SYSFS/console" | sed -n '/Started cell "gic-demo"/,$p' |
		   grep -q -- "$1"; then
			echo $(($(uptime_cs) - $2))
			return 0
		fi
		n=$((n + 1))
	done
	echo -1
	return 1
}

hv_load_driver || { jh_end; exit; }
hv_enable enable || { jh_end; exit; }

pool0=$(cat "$JH_SYSFS/mem_pool_used")
jh_expect_ok create jailhouse cell create "$CELL" || { jh_end; exit; }
pool1=$(cat "$JH_SYSFS/mem_pool_used")
echo "JH-BENCH pool-pages-per-cell $((pool1 - pool0)) pages"

# start latency, demo printing through the hypervisor console
jh_expect_ok load jailhouse cell load gic-demo "$JH_INMATES/gic-demo.bin" \
	-s "con-type=jailhouse" -a 0x1000
t0=$(uptime_cs)
jailhouse cell start gic-demo
first=$(wait_line_cs 'Initializing the GIC' "$t0")
tick=$(wait_line_cs 'Timer fired' "$t0")
echo "JH-BENCH start-to-first-line-ms $((first * 10)) ms"
echo "JH-BENCH start-to-first-tick-ms $((tick * 10)) ms"

# steady state, demo printing to its UART (no hypercalls)
jh_expect_ok shutdown jailhouse cell shutdown gic-demo
jh_expect_ok load-uart jailhouse cell load gic-demo "$JH_INMATES/gic-demo.bin"
jh_expect_ok start-uart jailhouse cell start gic-demo
sleep 2
e0=$(cat $STAT/vmexits_total) v0=$(cat $STAT/vmexits_virt_irq) u0=$(uptime_cs)
sleep 10
e1=$(cat $STAT/vmexits_total) v1=$(cat $STAT/vmexits_virt_irq) u1=$(uptime_cs)
jh_log "exits $e0 -> $e1, virq $v0 -> $v1, uptime $u0 -> $u1 cs"
awk -v e=$((e1 - e0)) -v v=$((v1 - v0)) -v cs=$((u1 - u0)) 'BEGIN {
	printf "JH-BENCH gic-demo-exits-per-tick %.2f exits\n", e / (cs / 10.0)
	printf "JH-BENCH gic-demo-exits-per-virq %.2f exits\n", v ? e / v : -1
}'
jh_expect_ok destroy jailhouse cell destroy gic-demo
echo "JH-BENCH pool-pages-after-destroy $(($(cat "$JH_SYSFS/mem_pool_used") - pool0)) pages"
hv_disable disable
jh_end
