# ivshmem steps of the root Linux (issue 6), shared by
# ci/scenarios/<arch>/ivshmem-*.sh; needs hv-root.sh sourced first.
# The scenario sets:
#   IVS_BDF        PCI address of the root cell's ivshmem device
#   IVS_BASE       physical address of its shared memory (state table)
#   IVS_PEERS      max peers of the link
# Layout of every link of our configs (design.md): state table 4 KiB,
# R/W 36 KiB, one 8 KiB output section per peer; the root is peer 0.

IVS_PCI=/sys/bus/pci/devices

ivs_hex() { printf '0x%x' "$(($1))"; }

# ivs_info_is <check> <key> <value>: a line of `ivshmem info`
ivs_info_is()
{
	local got

	got=$(sed -n "s/^$2: //p" /tmp/ivs-info)
	if [ "$got" = "$3" ]; then
		jh_pass "$1"
	else
		jh_fail "$1" "ivshmem info: $2 is '$got', expected '$3'"
	fi
}

# ivs_count: interrupts uio_ivshmem counted for the root's device
ivs_count() { ivshmem -d "$IVS_BDF" count 2>/dev/null || echo -1; }

ivs_load()
{
	hv_load_driver || return 1
	jh_expect_ok uio/modprobe modprobe uio_ivshmem
}

# The device after enable: in the PCI tree, BAR assigned, uio bound.
ivs_device_present()
{
	local name=$1 d=$IVS_PCI/$IVS_BDF

	jh_wait_for "$name/pci-device" 10 test -e "$d" || return 1
	jh_expect_file "$name/vendor" "$d/vendor" 0x110a
	jh_expect_file "$name/device-id" "$d/device" 0x4106
	jh_expect_file "$name/class" "$d/class" 0xff0000
	jh_expect_output "$name/uio-bound" '/uio_ivshmem$' readlink "$d/driver"
	jh_expect_output "$name/uio-listed" "^uio[0-9]+ $IVS_BDF\$" ivshmem list
}

# Maps, IDs and permissions as the config describes the link.
ivs_maps()
{
	local name=$1

	ivshmem -d "$IVS_BDF" info >/tmp/ivs-info 2>&1
	cat /tmp/ivs-info
	ivs_info_is "$name/id" id 0
	ivs_info_is "$name/max-peers" max_peers "$IVS_PEERS"
	ivs_info_is "$name/state-table" state_table \
		"$(ivs_hex "$IVS_BASE") 0x1000"
	ivs_info_is "$name/rw-section" rw_section \
		"$(ivs_hex "$IVS_BASE + 0x1000") 0x9000"
	ivs_info_is "$name/input-sections" input_sections \
		"$(ivs_hex "$IVS_BASE + 0xa000") $(ivs_hex "$IVS_PEERS * 0x2000")"
	ivs_info_is "$name/output-section" output_section \
		"$(ivs_hex "$IVS_BASE + 0xa000") 0x2000"
	ivshmem -d "$IVS_BDF" permissions >/tmp/ivs-perm 2>&1
	cat /tmp/ivs-perm
	if [ "$(tr '\n' ' ' </tmp/ivs-perm)" = \
	     "registers: rw state_table: ro rw_section: rw input_sections: ro output_section: rw " ]; then
		jh_pass "$name/map-permissions"
	else
		jh_fail "$name/map-permissions" "$(tr '\n' ' ' </tmp/ivs-perm)"
	fi
	jh_expect_fail "$name/tool-refuses-state-write" 'read-only' \
		ivshmem -d "$IVS_BDF" write32 state 0 1
	jh_expect_exit "$name/tool-range-check" 2 \
		ivshmem -d "$IVS_BDF" write32 out 0x2000 1
}

# Own state, loopback doorbells, interrupt enable: the root alone.
ivs_root_alone()
{
	local name=$1 before after

	jh_expect_ok "$name/set-state" ivshmem -d "$IVS_BDF" state 0x55
	jh_expect_output "$name/state-register" '^85$' \
		ivshmem -d "$IVS_BDF" state
	jh_expect_output "$name/state-table-entry" '^85$' \
		ivshmem -d "$IVS_BDF" peer-state 0

	jh_expect_ok "$name/rw-write" ivshmem -d "$IVS_BDF" write rw 0x100 \
		"hello from root"
	jh_expect_output "$name/rw-read" '^hello from root$' \
		ivshmem -d "$IVS_BDF" read rw 0x100 64
	jh_expect_ok "$name/out-write" ivshmem -d "$IVS_BDF" write32 out 0 4242
	jh_expect_output "$name/out-seen-as-input" '^4242$' \
		ivshmem -d "$IVS_BDF" read32 in:0 0

	before=$(ivs_count)
	jh_expect_output "$name/loopback-ping" '^round trips: 5,' \
		ivshmem -d "$IVS_BDF" ping 0 -n 5 -t 5
	after=$(ivs_count)
	if [ "$after" -ge $((before + 5)) ]; then
		jh_pass "$name/loopback-counted"
	else
		jh_fail "$name/loopback-counted" "count $before -> $after, expected +5"
	fi

	jh_expect_ok "$name/irq-off" ivshmem -d "$IVS_BDF" irq off
	before=$(ivs_count)
	ivshmem -d "$IVS_BDF" ring 0 -n 3
	sleep 1
	after=$(ivs_count)
	if [ "$after" = "$before" ]; then
		jh_pass "$name/irq-off-silences"
	else
		jh_fail "$name/irq-off-silences" "count $before -> $after with interrupts off"
	fi
	jh_expect_ok "$name/irq-on" ivshmem -d "$IVS_BDF" irq on
	ivshmem -d "$IVS_BDF" ring 0
	jh_wait_for "$name/irq-on-delivers" 5 \
		sh -c "[ \$(ivshmem -d $IVS_BDF count) -gt $after ]"
}

# ivs_disable <check>: disable (hv-root.sh's hv_disable also proves the
# CPUs with a workload, which costs minutes in Bochs; not needed here)
ivs_disable()
{
	jh_expect_ok "$1" jailhouse disable || return 1
	jh_expect_file "$1/sysfs-enabled" "$JH_SYSFS/enabled" 0
}

# After disable: device, uio device, windows gone; enable brings them back.
ivs_device_gone()
{
	local name=$1

	if [ -e "$IVS_PCI/$IVS_BDF" ]; then
		jh_fail "$name/pci-device-removed" "$IVS_PCI/$IVS_BDF still exists"
	else
		jh_pass "$name/pci-device-removed"
	fi
	jh_expect_exit "$name/no-uio-device" 3 ivshmem list
	if grep -q 'jailhouse vPCI' /proc/iomem; then
		jh_fail "$name/windows-released" "$(grep 'jailhouse vPCI' /proc/iomem | head -n 1)"
	else
		jh_pass "$name/windows-released"
	fi
}

# ---- benchmark steps (ci/bench/<arch>/ivshmem.sh) ----------------------

# exit reasons the cell benchmarks break down (the bench may add its arch's)
IVS_REASONS="total mmio"

# ivs_stat <cell id> <reason>: vmexits counter of a cell (sum of its CPUs)
ivs_stat() { cat "$JH_SYSFS/cells/$1/statistics/vmexits_$2" 2>/dev/null || echo 0; }

# ivs_per_op <label> <reason> <cell> <ops> <cmd...>: exits of <cell> per
# operation of <cmd>, minus what the same program costs with no operation
# (start-up, sysfs reads), which runs first with "-n 0"
ivs_per_op()
{
	local label=$1 reason=$2 cell=$3 ops=$4 a b c

	shift 4
	a=$(ivs_stat "$cell" "$reason")
	"$@" -n 0 >/dev/null
	b=$(ivs_stat "$cell" "$reason")
	"$@" -n "$ops" >/dev/null
	c=$(ivs_stat "$cell" "$reason")
	awk -v l="$label" -v a="$a" -v b="$b" -v c="$c" -v n="$ops" \
		'BEGIN { printf "JH-BENCH %s %.2f exits\n", l, ((c - b) - (b - a)) / n }'
}

# Root alone: the loopback doorbell (root rings its own peer ID: sender
# and receiver are the root cell), round trips, bulk transfer.
ivs_bench_root()
{
	local r

	for r in total mmio; do
		ivs_per_op "loopback-exits-$r-per-doorbell" $r 0 1000 \
			ivshmem -d "$IVS_BDF" ring 0
		ivs_per_op "loopback-exits-$r-per-round-trip" $r 0 200 \
			ivshmem -d "$IVS_BDF" ping 0 -t 5
	done
	ivshmem -d "$IVS_BDF" ping 0 -n 200 -t 5 |
		sed -n 's/^round trips: [0-9]*, average \([0-9.]*\) us, min \([0-9.]*\) us, max \([0-9.]*\) us$/JH-BENCH loopback-round-trip-avg \1 us\nJH-BENCH loopback-round-trip-min \2 us/p'
	for r in 4 64; do
		ivshmem -d "$IVS_BDF" bulk 16 -b $r -p 0 |
			sed -n "s/^bulk: .* \([0-9.]*\) MiB\/s$/JH-BENCH bulk-16MiB-doorbell-every-${r}KiB \1 MiB\/s/p"
	done
}

# ivs_cell_id <name>: the cell's ID in sysfs
ivs_cell_id()
{
	grep -lx "$1" "$JH_SYSFS"/cells/*/name 2>/dev/null | head -n 1 |
		xargs -r dirname | xargs -r basename
}

# ivs_bench_cell_echo <label> <config> <cell> <peer> <vector> <params>:
# start ivshmem-demo in echo mode in a new cell, measure, destroy
ivs_bench_cell_echo()
{
	local label=$1 cell=$3 peer=$4 vector=$5

	ivs_cell_start "bench-$label" "$2" "$cell" "$6 echo" || return 1
	ivs_peer_running "bench-$label" "$peer" &&
		ivs_bench_echo "$label" "$(ivs_cell_id "$cell")" "$peer" \
			"$vector" 200
	jh_expect_ok "bench-$label-destroy" jailhouse cell destroy "$cell"
}

# ivs_bench_echo <label> <cell id> <peer> <vector> <count>: root <-> cell
# round trips against ivshmem-demo in echo mode (the cell must run it):
# exits per round trip of both cells (per reason), minus what a "-n 0"
# run of the tool costs in the same time, and the round-trip time
ivs_bench_echo()
{
	local label=$1 cell=$2 peer=$3 vector=$4 n=$5 cmd r c w
	local a0 a1 a2

	cmd="ivshmem -d $IVS_BDF ping $peer $vector -e -t 5"
	for c in 0 "$cell"; do
		w=root
		[ "$c" = 0 ] || w=cell
		for r in $IVS_REASONS; do
			a0=$(ivs_stat "$c" $r)
			$cmd -n 0 >/dev/null
			a1=$(ivs_stat "$c" $r)
			$cmd -n "$n" >/tmp/ivs-echo || {
				jh_fail "bench-$label" "$(cat /tmp/ivs-echo)"
				return 1
			}
			a2=$(ivs_stat "$c" $r)
			awk -v l="$label-$w-exits-$r-per-round-trip" \
				-v a="$a0" -v b="$a1" -v c="$a2" -v n="$n" \
				'BEGIN { printf "JH-BENCH %s %.2f exits\n", l, ((c - b) - (b - a)) / n }'
		done
	done
	sed -n "s/^round trips: [0-9]*, average \([0-9.]*\) us, min \([0-9.]*\) us, max .*/JH-BENCH $label-round-trip-avg \1 us\nJH-BENCH $label-round-trip-min \2 us/p" \
		/tmp/ivs-echo
	jh_expect_output "bench-$label-echoed" "^echoed: $n sequence numbers" \
		cat /tmp/ivs-echo
}

# ivs_stats2 <cell> <cell> <reason>: both counters on one line
ivs_stats2() { echo "$(ivs_stat "$1" "$3") $(ivs_stat "$2" "$3")"; }

# ivs_bench_cross_cell <label> <echo config> <echo cell> <echo params>
#   <ping config> <ping cell> <ping params>: cell <-> cell round trips. The
# echo cell answers; the ping cell (console in the hypervisor ring) runs
# ivshmem-demo ping=20, then is reloaded with ping=220: the difference
# of the two runs' exits, over 200, is what a round trip costs each cell
# (start-up cancels out); its time comes from the ping cell's own timer.
ivs_bench_cross_cell()
{
	local label=$1 ecell=$3 pcell=$6 e p n r t0 t1 t2 line

	ivs_cell_start "bench-$label-echo" "$2" "$ecell" "$4 echo" || return 1
	jh_expect_ok "bench-$label-ping-create" jailhouse cell create \
		"$JH_CELLS/$5.cell" || return 1
	e=$(ivs_cell_id "$ecell")
	p=$(ivs_cell_id "$pcell")
	sleep 2
	for r in $IVS_REASONS; do
		eval "t0_$r=\"$(ivs_stats2 "$e" "$p" $r)\""
	done
	for n in 20 220; do
		jailhouse cell load "$pcell" "$JH_INMATES/ivshmem-demo.bin" \
			-s "$7 con-virtual ping=$n" -a 0x1000 >/dev/null &&
			jailhouse cell start "$pcell" >/dev/null
		jh_wait_for "bench-$label-ping-$n" 120 sh -c \
			"jailhouse console | grep -q 'ping peer .*: $n round trips, 0 lost'" ||
			return 1
		for r in $IVS_REASONS; do
			eval "t${n}_$r=\"$(ivs_stats2 "$e" "$p" $r)\""
		done
	done
	for r in $IVS_REASONS; do
		eval "t0=\$t0_$r t1=\$t20_$r t2=\$t220_$r"
		echo "$t0 $t1 $t2" | awk -v l="$label" -v r=$r '{
			printf "JH-BENCH %s-echo-cell-exits-%s-per-round-trip %.2f exits\n", l, r, (($5 - $3) - ($3 - $1)) / 200
			printf "JH-BENCH %s-ping-cell-exits-%s-per-round-trip %.2f exits\n", l, r, (($6 - $4) - ($4 - $2)) / 200 }'
	done
	line=$(jailhouse console | grep 'ping peer .*: 220 round trips' | tail -n 1)
	echo "$line" | sed -n 's/.*average \([0-9]*\) ns, min \([0-9]*\) ns,.*/JH-BENCH '"$label"'-round-trip-avg \1 ns\nJH-BENCH '"$label"'-round-trip-min \2 ns/p'
	jh_expect_ok "bench-$label-destroy-ping" jailhouse cell destroy "$pcell"
	jh_expect_ok "bench-$label-destroy-echo" jailhouse cell destroy "$ecell"
}

# ---- root Linux <-> ivshmem-demo cells -----------------------------------

# ivs_console_count <ERE>: matching lines in the hypervisor console (the
# demo cells print there when loaded with con-virtual)
ivs_console_count() { jailhouse console 2>/dev/null | grep -cE -- "$1"; }

# ivs_cell_start <check> <cell config> <name> <params>: create, load the
# ivshmem-demo inmate with <params>, start
ivs_cell_start()
{
	local name=$1 config=$JH_CELLS/$2.cell cell=$3

	jh_require "$name/pieces" "$config" "$JH_INMATES/ivshmem-demo.bin" ||
		return 1
	jh_expect_ok "$name/create" jailhouse cell create "$config" || return 1
	jh_expect_ok "$name/load" jailhouse cell load "$cell" \
		"$JH_INMATES/ivshmem-demo.bin" -s "$4" -a 0x1000 || return 1
	jh_expect_ok "$name/start" jailhouse cell start "$cell"
}

# ivs_peer_running <check> <peer>: the demo announces itself with
# State = ID + 1; the root reads it from the state table
ivs_peer_running()
{
	jh_expect_output "$1/state-seen" "^state\\[$2\\]: $(($2 + 1))\$" \
		ivshmem -d "$IVS_BDF" wait-state "$2" $(($2 + 1)) -t 60
}

# ivs_data_from_peer <check> <peer>: its counter, written before each of
# its doorbells into rw[ID] and the first word of its output section
ivs_data_from_peer()
{
	local name=$1 peer=$2 out rw

	out=$(ivshmem -d "$IVS_BDF" read32 "in:$peer" 0)
	rw=$(ivshmem -d "$IVS_BDF" read32 rw $((peer * 4)))
	if [ "${out:-0}" -ge 1 ] && [ "${rw:-0}" -ge 1 ]; then
		jh_pass "$name/data-from-peer"
	else
		jh_fail "$name/data-from-peer" "peer $peer: output word '$out', rw[$peer] '$rw'"
	fi
}

# ivs_root_to_peer <check> <peer> <vector> <count>: the root stores data,
# then rings <count> doorbells half a second apart; the demo (console in
# the hypervisor ring) prints each interrupt with the root's data
ivs_root_to_peer()
{
	local name=$1 peer=$2 vector=$3 count=$4 before want i

	jh_expect_ok "$name/write-rw" ivshmem -d "$IVS_BDF" write32 rw 0 4711
	jh_expect_ok "$name/write-out" ivshmem -d "$IVS_BDF" write32 out 0 815
	before=$(ivs_console_count 'IVSHMEM: got interrupt')
	for i in $(seq "$count"); do
		ivshmem -d "$IVS_BDF" ring "$peer" "$vector"
		sleep 0.5
	done
	want=$((before + count))
	jh_wait_for "$name/peer-counted-doorbells" 20 \
		sh -c "[ \$(jailhouse console | grep -c 'IVSHMEM: got interrupt') -ge $want ]"
	jh_expect_output "$name/peer-read-rw" '^rw\[0\] = 4711' jailhouse console
	jh_expect_output "$name/peer-read-output" '^in@0x0000 = 815' \
		jailhouse console
}

# ivs_root_gets_doorbells <check> <count>: the demo rings the root
ivs_root_gets_doorbells()
{
	jh_expect_output "$1/root-counted-doorbells" "^received $2 " \
		ivshmem -d "$IVS_BDF" wait -n "$2" -t 60
}

# ivs_echo_needs_answer <check> <peer> <vector>: `ping -e` fails against
# a demo that only rings periodically (its words never carry our sequence
# number), so the echo check below can fail
ivs_echo_needs_answer()
{
	jh_expect_exit "$1/echo-check-fails-without-echo" 1 \
		ivshmem -d "$IVS_BDF" ping "$2" "$3" -n 1 -t 3 -e
}

# ivs_echo <check> <cell> <peer> <vector> <params>: reload the running
# cell's ivshmem-demo in echo mode; each of 20 doorbells comes back with
# the sequence number the root wrote before ringing
ivs_echo()
{
	local name=$1 cell=$2 peer=$3 vector=$4

	jh_expect_ok "$name/echo-load" jailhouse cell load "$cell" \
		"$JH_INMATES/ivshmem-demo.bin" -s "$5 echo" -a 0x1000 || return 1
	jh_expect_ok "$name/echo-start" jailhouse cell start "$cell"
	ivs_peer_running "$name/echo" "$peer"
	jh_expect_output "$name/echo-sequence-numbers" \
		'^echoed: 20 sequence numbers' \
		ivshmem -d "$IVS_BDF" ping "$peer" "$vector" -n 20 -t 5 -e
}

# ivs_destroy_notifies <check> <cell> <peer> <count cmd>: destroying the
# cell zeroes its state entry and interrupts the root; <count cmd> (a
# shell command line) reads a counter that only this notification moves
ivs_destroy_notifies()
{
	local name=$1 cell=$2 peer=$3 before

	shift 3
	before=$(sh -c "$*")
	jh_expect_ok "$name/destroy" jailhouse cell destroy "$cell"
	jh_expect_output "$name/state-zeroed" '^0$' \
		ivshmem -d "$IVS_BDF" peer-state "$peer"
	jh_wait_for "$name/root-notified" 10 \
		sh -c "[ \$($*) -gt $before ]"
}
