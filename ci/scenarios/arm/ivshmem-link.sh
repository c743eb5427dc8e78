#@ timeout: 420
#@ cpus: 4
# Issue 6, root Linux side, on the stock armmp-lpae kernel in QEMU virt:
# after enable jailhouse.ko registers the virtual ECAM host 0001:00 (no DT
# overlay), the root cell's ivshmem device 0001:00:00.0 appears with its
# BAR in the window after the ECAM, its INTx mapped to GIC INTID 182
# (32 + vpci_irq_base 150 + pin A - 1) and uio_ivshmem bound; the UIO maps
# match the link of the config with read-only state table and input
# sections; own state, R/W and output section, loopback doorbells and the
# interrupt enable work through the ivshmem tool. With the ivshmem-demo
# in cell A (peer 1) and cell B (peer 2): the root sees their states and
# data, counts A's doorbells, rings A (A counts them and prints the root's
# data on the hypervisor console), B rings A (cell <-> cell, A prints B's
# data); B reloaded in echo mode answers 20 pings of the root with its
# sequence numbers (a ringing-only A does not); destroying A zeroes its state entry; destroying B then zeroes
# B's and interrupts the root (nothing else rings it by then). Disable
# removes host, device and windows; a second enable brings them back;
# rmmod of both modules.
# Several devices per cell: the root's second device 0001:00:01.0 (link 1,
# with cell B only, INTID 183) is bound and mapped like the first; cell B
# runs ivshmem-demo on its second device (device=1) in echo mode, cell A
# on link 0: states, data and doorbells stay on their link, destroying A
# zeroes and notifies only on link 0, destroying B only on link 1.
. /lib/jailhouse/scenarios/hv-root.sh
. /lib/jailhouse/scenarios/ivshmem.sh

IVS_BDF=0001:00:00.0
IVS_BASE=0x7cf00000
IVS_PEERS=3

ivs_arm()
{
	local name=$1

	jh_expect_dmesg "$name/host-added" \
		'jailhouse: Virtual PCI host 0001:00 added \(ECAM \[mem 0x08e00000-0x08efffff\], BARs \[mem 0x08f00000-0x08ffffff\]\)'
	ivs_device_present "$name" || return 1
	jh_expect_output "$name/bar-in-window" '^0x0000000008f[0-9a-f]{5} ' \
		head -n 1 "$IVS_PCI/$IVS_BDF/resource"
	jh_expect_output "$name/intx-gic-182" \
		'GICv2 +182 +Edge +uio_ivshmem\[0001:00:00\.0\]' cat /proc/interrupts
}

# Cells (4 CPUs): A = peer 1 (CPU 2, console in the hypervisor ring, rings
# the root), B = peer 2 (CPU 3, UART console, rings A: cell <-> cell).
ivs_arm_cells()
{
	local name=$1 before

	jh_expect_ok "$name/root-state" ivshmem -d "$IVS_BDF" state 1
	ivs_cell_start "$name/a" qemu-virt-ivshmem-demo ivshmem-demo \
		"target=0 con-virtual" || return 1
	ivs_peer_running "$name/a" 1
	ivs_root_gets_doorbells "$name/a" 3
	ivs_data_from_peer "$name/a" 1
	ivs_root_to_peer "$name/a" 1 0 3
	jh_expect_output "$name/a/saw-root-state" '^state\[0\] = 1$' \
		jailhouse console
	ivs_echo_needs_answer "$name/a" 1 0

	ivs_cell_start "$name/b" qemu-virt-ivshmem-demo-b ivshmem-demo-b \
		"target=1" || return 1
	ivs_peer_running "$name/b" 2
	ivs_data_from_peer "$name/b" 2
	# A prints B's counter from B's output section (peer 2 at 0x4000)
	jh_wait_for "$name/a-reads-b" 30 \
		sh -c "jailhouse console | grep -qE '^in@0x4000 = [1-9]'"
	# B reloaded in echo mode answers the root; state changes (A's
	# destruction below) bring no new sequence number, so no answer
	ivs_echo "$name/b" ivshmem-demo-b 2 0 "target=0"

	# A goes first: afterwards nothing rings the root any more (B rings
	# A), so only B's destruction can move the root's counter
	jh_expect_ok "$name/a/destroy" jailhouse cell destroy ivshmem-demo
	jh_expect_output "$name/a/state-zeroed" '^0$' \
		ivshmem -d "$IVS_BDF" peer-state 1
	sleep 2
	before=$(ivs_count)
	sleep 2
	if [ "$(ivs_count)" = "$before" ]; then
		jh_pass "$name/root-quiet"
	else
		jh_fail "$name/root-quiet" "interrupts $before -> $(ivs_count) with no peer ringing"
	fi
	ivs_destroy_notifies "$name/b" ivshmem-demo-b 2 \
		"ivshmem -d $IVS_BDF count"
}

# The root's second device: link 1 (2 peers) with cell B only
IVS1_BDF=0001:00:01.0
L0="ivshmem -d $IVS_BDF"
L1="ivshmem -d $IVS1_BDF"

ivs_arm_second_device()
{
	local name=$1 IVS_BDF=$IVS1_BDF IVS_BASE=0x7cf10000 IVS_PEERS=2

	ivs_device_present "$name" || return 1
	jh_expect_output "$name/intx-gic-183" \
		'GICv2 +183 +Edge +uio_ivshmem\[0001:00:01\.0\]' cat /proc/interrupts
	ivs_maps "$name/maps"
}

# ivs_same <check> <before> <after> <what>
ivs_same()
{
	if [ "$2" = "$3" ]; then
		jh_pass "$1"
	else
		jh_fail "$1" "$4 moved from $2 to $3"
	fi
}

# Several devices in one cell: cell B drives its second device (link 1,
# with the root only) in echo mode and leaves its first (link 0) alone;
# cell A is on link 0 only and rings B's silent link-0 endpoint. Each
# link carries only its own states, data and doorbells; destroying a cell
# zeroes its entries and notifies only on the links it is on.
ivs_arm_multi()
{
	local name=$1 c0 c1 in2 seq

	ivs_cell_start "$name/a" qemu-virt-ivshmem-demo ivshmem-demo \
		"target=2 con-virtual" || return 1
	ivs_cell_start "$name/b" qemu-virt-ivshmem-demo-b ivshmem-demo-b \
		"device=1 target=0 echo" || return 1
	jh_expect_output "$name/b-state-link1" '^state\[1\]: 2$' \
		$L1 wait-state 1 2 -t 60
	jh_expect_output "$name/a-state-link0" '^state\[1\]: 2$' \
		$L0 wait-state 1 2 -t 60
	jh_expect_output "$name/b-state-link0-untouched" '^0$' $L0 peer-state 2

	c0=$($L0 count)
	in2=$($L0 read32 in:2 0)
	jh_expect_output "$name/b-echoes-on-link1" \
		'^echoed: 20 sequence numbers' $L1 ping 1 0 -n 20 -t 5 -e
	seq=$(sed -n 's/^echoed: .* last \([0-9]*\),.*/\1/p' "$JH_OUT")
	jh_expect_output "$name/link1-holds-b-answer" "^$seq\$" \
		$L1 read32 in:1 0
	ivs_same "$name/link0-data-untouched" "$in2" "$($L0 read32 in:2 0)" \
		"B's link-0 output word"
	ivs_same "$name/link0-no-doorbells" "$c0" "$($L0 count)" \
		"the root's link-0 interrupt count"
	jh_expect_exit "$name/b-deaf-on-link0" 1 $L0 ping 2 0 -n 1 -t 2 -e

	# A goes: its link-0 entry drops, link 1 sees nothing
	c0=$($L0 count)
	c1=$($L1 count)
	jh_expect_ok "$name/a/destroy" jailhouse cell destroy ivshmem-demo
	jh_expect_output "$name/a/state-zeroed-link0" '^0$' $L0 peer-state 1
	jh_wait_for "$name/a/root-notified-link0" 10 \
		sh -c "[ \$($L0 count) -gt $c0 ]"
	jh_expect_output "$name/a/b-state-kept-link1" '^2$' $L1 peer-state 1
	sleep 1
	ivs_same "$name/a/link1-not-notified" "$c1" "$($L1 count)" \
		"the root's link-1 interrupt count"
	jh_expect_output "$name/a/b-still-echoes" '^echoed: 3 sequence' \
		$L1 ping 1 0 -n 3 -t 5 -e

	# B goes: its link-1 entry drops and the root hears it there; on link
	# 0 its entry was 0 already, so nothing is signalled
	c0=$($L0 count)
	c1=$($L1 count)
	jh_expect_ok "$name/b/destroy" jailhouse cell destroy ivshmem-demo-b
	jh_expect_output "$name/b/state-zeroed-link1" '^0$' $L1 peer-state 1
	jh_wait_for "$name/b/root-notified-link1" 10 \
		sh -c "[ \$($L1 count) -gt $c1 ]"
	sleep 1
	ivs_same "$name/b/link0-not-notified" "$c0" "$($L0 count)" \
		"the root's link-0 interrupt count"
}

ivs_load || jh_end
hv_enable enable1 || jh_end
ivs_arm enable1 && {
	ivs_maps enable1/maps
	ivs_root_alone enable1/root
	ivs_arm_cells enable1/cells
	ivs_arm_second_device enable1/dev2 && ivs_arm_multi enable1/multi
}
ivs_disable disable1
ivs_device_gone disable1
if [ -e "$IVS_PCI/$IVS1_BDF" ]; then
	jh_fail disable1/second-device-removed "$IVS_PCI/$IVS1_BDF still exists"
else
	jh_pass disable1/second-device-removed
fi
jh_expect_dmesg disable1/host-removed 'jailhouse: Virtual PCI host removed'

hv_enable enable2 || jh_end
ivs_device_present enable2
ivs_disable disable2
ivs_device_gone disable2
jh_expect_ok rmmod/jailhouse rmmod jailhouse
jh_expect_ok rmmod/uio_ivshmem rmmod uio_ivshmem
jh_end
