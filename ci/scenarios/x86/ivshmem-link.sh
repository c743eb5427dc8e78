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
# and state on the hypervisor console); reloaded in echo mode, it answers
# 20 pings with the root's sequence numbers (which a ringing-only demo
# does not); destroying the cell zeroes its state entry and raises vector
# 0 at the root, which only state changes use. Isolation: the rogue
# inmate as peer 2 (rogue-ivshmem, CPU 1) writing the state table, then
# the root's output section, fails with a report naming cell, CPU,
# address and region; its state entry drops to 0, the root gets vector 0,
# Linux goes on, destroy gives CPU 1 back. (The root cannot write the
# input sections: uio_ivshmem refuses a writable mapping, see
# map-permissions.) Disable removes the device; a second enable brings it back; rmmod
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
	ivs_echo_needs_answer "$name" 1 1
	ivs_echo "$name" ivshmem-demo 1 1 "target=0 con-virtual"
	ivs_destroy_notifies "$name" ivshmem-demo 1 "$IVS_V0"
}

# ivs_report_has <check> <ERE>: in the hypervisor console lines of the fault
ivs_report_has()
{
	if grep -Eq -- "$2" /tmp/ivs-report; then
		jh_pass "$1"
	else
		jh_fail "$1" "no /$2/ in the hypervisor console"
	fi
}

# ivs_x86_rogue <check> <address> <region>: the rogue inmate as peer 2 of
# the link (CPU 1, config rogue-ivshmem) sets its state to 9, then writes
# <address>: the cell fails with a report naming it, its CPU, the address
# and config region <region> (read-only); its state entry drops to 0 and
# the root gets vector 0 for both changes; Linux and its device go on.
ivs_x86_rogue()
{
	local name=$1 addr=$2 region=$3 lines v0 id

	lines=$(wc -l <"$JH_SYSFS/console")
	jh_expect_ok "$name/create" jailhouse cell create \
		"$JH_CELLS/rogue-ivshmem.cell" || return 1
	# /proc/interrupts counts online CPUs only: CPU 1 is the cell's now
	v0=$(sh -c "$IVS_V0")
	id=$(grep -lx rogue-ivshmem "$JH_SYSFS"/cells/*/name | head -n 1 |
		xargs dirname)
	jh_expect_ok "$name/load" jailhouse cell load rogue-ivshmem \
		"$JH_INMATES/rogue.bin" \
		-s "action=write-hv addr=$addr ivshmem-state=9" -a 0x1000
	jh_expect_ok "$name/start" jailhouse cell start rogue-ivshmem
	jh_wait_file "$name/cell-failed" 30 "$id/state" failed
	tail -n +$((lines + 1)) "$JH_SYSFS/console" >/tmp/ivs-report
	sed 's/^/  hv| /' /tmp/ivs-report
	ivs_report_has "$name/report-access" \
		"Invalid MMIO/RAM write, addr: 0x0*$(printf '%x' "$addr") size: 4"
	ivs_report_has "$name/report-cell-cpu" 'Cell "rogue-ivshmem" CPU 1 '
	ivs_report_has "$name/report-region" "Inside region: $region"
	jh_expect_file "$name/cpu1-failed" "$id/cpus_failed_list" 1
	jh_expect_output "$name/state-zeroed" '^0$' \
		ivshmem -d "$IVS_BDF" peer-state 2
	jh_wait 10 \
		sh -c "[ \$($IVS_V0) -ge $((v0 + 2)) ]"
	if [ "$(sh -c "$IVS_V0")" -ge $((v0 + 2)) ]; then
		jh_pass "$name/root-notified-twice"
	else
		jh_fail "$name/root-notified-twice" "vector 0 count $v0 -> $(sh -c "$IVS_V0"), expected +2"
		grep uio_ivshmem /proc/interrupts | head -n 4
	fi
	jh_expect_output "$name/linux-and-device-alive" '^round trips: 3,' \
		ivshmem -d "$IVS_BDF" ping 0 -n 3 -t 5
	jh_expect_ok "$name/destroy" jailhouse cell destroy rogue-ivshmem
	jh_wait_file "$name/cpu1-back" 30 /sys/devices/system/cpu/online 0-1
}

ivs_load || jh_end
hv_enable enable1 || jh_end
ivs_x86 enable1 && {
	ivs_maps enable1/maps
	ivs_root_alone enable1/root
	ivs_x86_cell enable1/cell
	# state table, then the root's output section (both read-only)
	ivs_x86_rogue enable1/rogue-state-table 0x3af00000 \
		'#2 0x3af00000-0x3af00fff \(R ROOTSHARED\)'
	ivs_x86_rogue enable1/rogue-root-output 0x3af0a000 \
		'#4 0x3af0a000-0x3af0bfff \(R ROOTSHARED\)'
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
