#@ timeout: 2400
# Non-root cells on x86 (stock kernel, Bochs, 2 CPUs), guest time:
# - VM exits of the apic-demo cell per timer tick in steady state (10 Hz
#   ticks; counted over 5 guest seconds after the first second);
# - guest time from `jailhouse cell start` to the demo's main function
#   (comm region RUNNING_LOCKED, polled) and to its first timer line
#   (the demo reports through the hypervisor console here, con-virtual);
# - page-pool pages a cell costs (apic-demo, tiny-demo).
# The demo prints its lines on COM1 as well: figures are printed only
# after the demo was destroyed.

SYS=$(jh_system_config)
OUT=/tmp/bench-cells

uptime_s() { cut -d' ' -f1 /proc/uptime; }
pool_used() { cat $JH_SYSFS/mem_pool_used; }
cell_dir() { grep -lx "$1" $JH_SYSFS/cells/*/name 2>/dev/null | head -n 1 | xargs -r dirname; }

insmod "$JH_MODULE"
jh_expect_ok bench/enable jailhouse enable "$SYS" || jh_end
p0=$(pool_used)

# ---- apic-demo ----------------------------------------------------------
jh_expect_ok bench/create-apic-demo jailhouse cell create "$JH_CELLS/apic-demo.cell"
p1=$(pool_used)
jh_expect_ok bench/load-apic-demo jailhouse cell load apic-demo \
	"$JH_INMATES/apic-demo.bin"
dir=$(cell_dir apic-demo)
{
	t0=$(uptime_s)
	jailhouse cell start apic-demo
	while [ "$(cat $dir/state)" != running/locked ]; do :; done
	t1=$(uptime_s)
	sleep 1
	e0=$(cat $dir/statistics/vmexits_total); u0=$(uptime_s)
	sleep 5
	e1=$(cat $dir/statistics/vmexits_total); u1=$(uptime_s)
	jailhouse cell shutdown apic-demo
	jailhouse cell shutdown apic-demo
	jailhouse cell destroy apic-demo
} >$OUT 2>&1
cat $OUT
echo "JH-BENCH apic-demo-pool-pages $((p1 - p0)) pages"
awk -v a="$t0" -v b="$t1" 'BEGIN {
	printf "JH-BENCH apic-demo-start-to-main-ms %.0f ms\n", (b - a) * 1000 }'
awk -v e=$((e1 - e0)) -v a="$u0" -v b="$u1" 'BEGIN {
	printf "JH-BENCH apic-demo-exits-per-tick %.3f exits\n", e / ((b - a) * 10)
	printf "JH-BENCH apic-demo-exits-counted %d exits\n", e }'
echo "JH-BENCH pool-after-destroy-delta $(($(pool_used) - p0)) pages"

# ---- first timer line, through the hypervisor console -------------------
jailhouse cell create "$JH_CELLS/apic-demo.cell" >/dev/null
jailhouse cell load apic-demo "$JH_INMATES/apic-demo.bin" -s "con-virtual" \
	-a 0x1000 >/dev/null
lines0=$(grep -c . $JH_SYSFS/console)
{
	t0=$(uptime_s)
	jailhouse cell start apic-demo
	until grep -q 'Timer fired' $JH_SYSFS/console; do :; done
	t1=$(uptime_s)
	jailhouse cell shutdown apic-demo
	jailhouse cell shutdown apic-demo
	jailhouse cell destroy apic-demo
} >$OUT 2>&1
cat $OUT
awk -v a="$t0" -v b="$t1" 'BEGIN {
	printf "JH-BENCH apic-demo-start-to-first-timer-line-ms %.0f ms\n", (b - a) * 1000 }'

# ---- tiny-demo ----------------------------------------------------------
p0=$(pool_used)
jailhouse cell create "$JH_CELLS/tiny-demo.cell" >/dev/null
echo "JH-BENCH tiny-demo-pool-pages $(($(pool_used) - p0)) pages"
jailhouse cell destroy tiny-demo >/dev/null

jh_expect_ok bench/disable jailhouse disable
jh_end
