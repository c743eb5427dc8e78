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
