#@ timeout: 900
# Issue 6, root Linux side, on the stock amd64 kernel in Bochs: after
# enable jailhouse.ko rescans bus 0, the root cell's ivshmem device 00:0f.0
# (emulated by the hypervisor behind 0xcf8/0xcfc) appears with both BARs
# assigned, uio_ivshmem binds it with its 16 MSI-X vectors; the UIO maps
# match the link of the config with read-only state table and input
# sections; own state, R/W and output section, loopback doorbells (MSI-X
# through the hypervisor) and the interrupt enable work through the
# ivshmem tool. With the ivshmem-demo cell (peer 1, CPU 1): the root sees
# its state and data, counts 3 of its doorbells, rings it
# 3 times (the demo counts them and prints the root's rw[0], output word
# and state on the hypervisor console); destroying the cell zeroes its
# state entry and raises vector 0 at the root, which only state changes
# use. Disable removes the device; a second enable brings it back; rmmod
# of both modules.
. /lib/jailhouse/scenarios/hv-root.sh
. /lib/jailhouse/scenarios/ivshmem.sh

IVS_BDF=0000:00:0f.0
IVS_BASE=0x3af00000
IVS_PEERS=3

ivs_x86()
{
	local name=$1 vectors

	ivs_device_present "$name" || return 1
	jh_expect_output "$name/bars-assigned" \
		'^0x0*[1-9a-f][0-9a-f]*000 0x0*[1-9a-f][0-9a-f]*fff 0x[0-9a-f]+ 0x0*[1-9a-f][0-9a-f]*000 ' \
		sh -c "head -n 2 $IVS_PCI/$IVS_BDF/resource | tr '\n' ' '"
	vectors=$(grep -c 'PCI-MSI.*uio_ivshmem\[0000:00:0f\.0\]' /proc/interrupts)
	if [ "$vectors" = 16 ]; then
		jh_pass "$name/msix-16-vectors"
	else
		jh_fail "$name/msix-16-vectors" "$vectors MSI-X interrupts of uio_ivshmem in /proc/interrupts"
	fi
}

# vector 0 of the root's device: only state changes of peers raise it
IVS_V0="grep 'uio_ivshmem\[0000:00:0f\.0\]' /proc/interrupts | head -n 1 |
	awk '{ s = 0; for (i = 2; i <= NF && \$i ~ /^[0-9]+\$/; i++) s += \$i; print s }'"

# The ivshmem-demo cell = peer 1 (CPU 1, console in the hypervisor ring,
# rings the root with MSI-X vector ID + 1 = 2).
ivs_x86_cell()
{
	local name=$1

	jh_expect_ok "$name/root-state" ivshmem -d "$IVS_BDF" state 1
	ivs_cell_start "$name" ivshmem-demo ivshmem-demo \
		"target=0 con-virtual" || return 1
	ivs_peer_running "$name" 1
	ivs_root_gets_doorbells "$name" 3
	ivs_data_from_peer "$name" 1
	ivs_root_to_peer "$name" 1 1 3
	jh_expect_output "$name/saw-root-state" '^state\[0\] = 1$' \
		jailhouse console
	ivs_destroy_notifies "$name" ivshmem-demo 1 "$IVS_V0"
}

ivs_load || jh_end
hv_enable enable1 || jh_end
ivs_x86 enable1 && {
	ivs_maps enable1/maps
	ivs_root_alone enable1/root
	ivs_x86_cell enable1/cell
}
ivs_disable disable1
ivs_device_gone disable1

hv_enable enable2 || jh_end
ivs_device_present enable2
ivs_disable disable2
ivs_device_gone disable2
jh_expect_ok rmmod/jailhouse rmmod jailhouse
jh_expect_ok rmmod/uio_ivshmem rmmod uio_ivshmem
jh_end
