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

ivs_load || jh_end
hv_enable enable1 || jh_end
ivs_arm enable1 && {
	ivs_maps enable1/maps
	ivs_root_alone enable1/root
	ivs_arm_cells enable1/cells
}
ivs_disable disable1
ivs_device_gone disable1
jh_expect_dmesg disable1/host-removed 'jailhouse: Virtual PCI host removed'

hv_enable enable2 || jh_end
ivs_device_present enable2
ivs_disable disable2
ivs_device_gone disable2
jh_expect_ok rmmod/jailhouse rmmod jailhouse
jh_expect_ok rmmod/uio_ivshmem rmmod uio_ivshmem
jh_end
