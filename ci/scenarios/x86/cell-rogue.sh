#@ timeout: 2400
# Issue 5 on x86 (stock Debian kernel, Bochs, 2 CPUs): a rogue cell on
# CPU 1 reads root-cell RAM, writes hypervisor memory, touches a device it
# was not given (HPET MMIO, keyboard port). Each attempt: the cell ends
# FAILED, the hypervisor's report names the cell, CPU, PC, access,
# address and the nearest config region, Linux keeps running on CPU 0,
# the cell can be destroyed (CPU 1 back in Linux) and created again. Last,
# a well-behaved inmate runs in the recreated cell, and twice finds nothing
# of the CPU's previous owner in the registers VMX does not switch: once
# after a Linux task left a pattern in the SSE registers, once after a cell
# filled them all and the CPU went through Linux.

SYS=$(jh_system_config)
CHECK=/usr/bin/jh-x86-check
CELL=$JH_CELLS/rogue-test.cell
ROGUE=$JH_INMATES/rogue.bin
OK=$JH_INMATES/ok-inmate.bin
QUIET=/tmp/cell-rogue-quiet

cell_dir() { grep -lx rogue-test $JH_SYSFS/cells/*/name 2>/dev/null | head -n 1 | xargs -r dirname; }
cell_state() { cat "$(cell_dir)/state" 2>/dev/null; }
state_is() { [ "$(cell_state)" = "$1" ]; }
hv_console() { cat $JH_SYSFS/console; }
. /lib/jailhouse/scenarios/cell-console.sh
FILLER_LOG=/tmp/sse-fill.log

# expect_in <check> <file> <extended regex> <failure message>
expect_in()
{
	if grep -Eq -- "$3" "$2"; then
		jh_pass "$1"
	else
		jh_fail "$1" "$4"
	fi
}

leftover_done()
{
	cell_console_since 'Started cell "rogue-test"' |
		grep -q 'OK-INMATE: registers filled'
}

# leftover_checked <name>: ok-inmate's leftover-check ran in the last
# start of rogue-test and found nothing of the CPU's previous owner
leftover_checked()
{
	jh_wait 30 leftover_done
	cell_expect_nothing_left "rogue/$1-leftover" rogue-test \
		'x87 SSE AVX .*syscall-MSRs DR0-3 CR2'
}

# attempt <name> <action> <address> <report regex>
attempt()
{
	local name=$1 action=$2 addr=$3 report=$4 before

	before=$(hv_console | wc -l)
	p0=$(cat $JH_SYSFS/mem_pool_used)
	jh_expect_ok "rogue/$name-create" jailhouse cell create "$CELL" || return
	jh_log "page pool: $(($(cat $JH_SYSFS/mem_pool_used) - p0)) pages for the cell"
	jh_expect_ok "rogue/$name-load" jailhouse cell load rogue-test "$ROGUE" \
		-s "action=$action addr=$addr" -a 0x1000
	{
		jh_expect_ok "rogue/$name-start" jailhouse cell start rogue-test
		jh_wait_for "rogue/$name-cell-failed" 30 state_is failed
	} >$QUIET 2>&1
	cat $QUIET
	hv_console | tail -n +$((before + 1)) >/tmp/report
	sed 's/^/  hv| /' /tmp/report
	expect_in "rogue/$name-report" /tmp/report "$report" \
		"no /$report/ in the hypervisor console"
	expect_in "rogue/$name-report-names-cell-cpu-pc" /tmp/report \
		'Cell "rogue-test" CPU 1 PC 0x' \
		"no 'Cell \"rogue-test\" CPU 1 PC' line"
	expect_in "rogue/$name-report-nearest-region" /tmp/report \
		'Nearest (PIO range|region): #[0-9]+' \
		"no nearest config region named"
	jh_expect_file "rogue/$name-cpu1-failed" "$(cell_dir)/cpus_failed_list" 1
	jh_expect_ok "rogue/$name-linux-alive" $CHECK burn 0 1
	jh_expect_file "rogue/$name-root-no-failed-cpus" \
		$JH_SYSFS/cells/0/cpus_failed_list ""
	jh_expect_ok "rogue/$name-destroy" jailhouse cell destroy rogue-test
	jh_wait_file "rogue/$name-cpu1-back" 30 /sys/devices/system/cpu/online 0-1
}

jh_require rogue/pieces "$SYS" "$CELL" "$ROGUE" "$OK" "$CHECK" || jh_end
jh_expect_ok rogue/insmod insmod "$JH_MODULE"
jh_expect_ok rogue/enable jailhouse enable "$SYS" || jh_end
pool0=$(cat $JH_SYSFS/mem_pool_used)

# Linux's RAM at 16 MiB; the hypervisor's memory; HPET; keyboard controller
attempt root-ram read-ram 0x1000000 \
	'Invalid MMIO/RAM read, addr: 0x0*1000000 size: 4'
# taking the cell's memory from the root cell split one 2 MiB page of the
# root's EPT, whose table stays: one page once, never more
pool1=$(cat $JH_SYSFS/mem_pool_used)
attempt hv-ram write-hv 0x3a000000 \
	'Invalid MMIO/RAM write, addr: 0x0*3a000000 size: 4 value: 0x6a61696c'
attempt hpet-mmio touch-mmio 0xfed00000 \
	'Invalid MMIO/RAM read, addr: 0x0*fed00000 size: 4'
attempt kbd-port touch-port 0x64 'Invalid PIO read, port: 64 size: 1'

# the same cell, created again, runs a well-behaved inmate the way inmates
# built for upstream Jailhouse do: their start code reads and writes back
# IA32_MTRR_DEF_TYPE and turns XSAVE on (XSETBV), which must neither fail
# the cell nor fault the hypervisor, and they drive the APIC through the
# x2APIC MSRs, which the hypervisor emulates on this xAPIC (timer, EOI).
# The last task on CPU 1 before the cell takes it leaves a pattern in its
# SSE registers.
$CHECK sse-fill 1 >$FILLER_LOG 2>&1 &
filler=$!
jh_wait_for rogue/sse-filler-running 30 grep -q spinning $FILLER_LOG
sleep 1
jh_expect_ok rogue/recreate jailhouse cell create "$CELL"
kill $filler
jh_expect_ok rogue/load-ok-inmate jailhouse cell load rogue-test "$OK" \
	-s "con-type=jailhouse xsave x2apic-msrs leftover-check" -a 0x1000
before=$(hv_console | wc -l)
{
	jh_expect_ok rogue/start-ok-inmate jailhouse cell start rogue-test
	jh_wait_for rogue/ok-inmate-running 30 state_is running
	sleep 2
	jh_wait_for rogue/ok-inmate-upstream-start 30 sh -c \
		"tail -n +$((before + 1)) $JH_SYSFS/console | grep -q 'OK-INMATE: XSAVE on, MTRR default type'"
	jh_wait_for rogue/ok-inmate-x2apic-msrs 30 sh -c \
		"tail -n +$((before + 1)) $JH_SYSFS/console | grep -q 'OK-INMATE: APIC ID 1 through x2APIC MSRs'"
	jh_wait_for rogue/ok-inmate-ticks-after-xsave 30 sh -c \
		"tail -n +$((before + 1)) $JH_SYSFS/console | grep -q 'OK-INMATE: tick 10'"
	leftover_checked from-linux
	jh_expect_file rogue/ok-inmate-no-failed-cpu \
		"$(cell_dir)/cpus_failed_list" ""
	jh_expect_ok rogue/shutdown-ok-inmate jailhouse cell shutdown rogue-test
} >$QUIET 2>&1
cat $QUIET
jh_expect_ok rogue/destroy-ok-inmate jailhouse cell destroy rogue-test
jh_wait_file rogue/cpu1-back-in-linux 30 /sys/devices/system/cpu/online 0-1
jh_expect_ok rogue/cpu1-used-by-linux $CHECK burn 1 2

# the cell filled every register it checked (AVX and AVX-512 too, which
# Linux does not use here) before CPU 1 went back to Linux
jh_expect_ok rogue/create-after-cell jailhouse cell create "$CELL"
jh_expect_ok rogue/load-leftover-check jailhouse cell load rogue-test \
	"$OK" -s "con-type=jailhouse leftover-check" -a 0x1000
{
	jh_expect_ok rogue/start-leftover-check jailhouse cell start rogue-test
	leftover_checked from-cell
} >$QUIET 2>&1
cat $QUIET
jh_expect_ok rogue/destroy-leftover-check jailhouse cell destroy rogue-test
jh_wait_file rogue/cpu1-back-again 30 /sys/devices/system/cpu/online 0-1
jh_expect_file rogue/pool-back $JH_SYSFS/mem_pool_used "$pool1"
if [ "$pool1" -ge "$pool0" ] && [ "$pool1" -le $((pool0 + 2)) ]; then
	jh_pass rogue/pool-first-destroy
else
	jh_fail rogue/pool-first-destroy "mem pool used $pool1 after the first destroy, $pool0 after enable"
fi
jh_expect_ok rogue/disable jailhouse disable
jh_expect_ok rogue/rmmod rmmod jailhouse
# keep the final kernel-log dump short (see cell-demos.sh)
dmesg | wc -l >/tmp/jh-dmesg-start
sleep 2
jh_end
