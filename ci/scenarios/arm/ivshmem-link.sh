#@ timeout: 420
# Issue 6, root Linux side, on the stock armmp-lpae kernel in QEMU virt:
# after enable jailhouse.ko registers the virtual ECAM host 0001:00 (no DT
# overlay), the root cell's ivshmem device 0001:00:00.0 appears with its
# BAR in the window after the ECAM, its INTx mapped to GIC INTID 182
# (32 + vpci_irq_base 150 + pin A - 1) and uio_ivshmem bound; the UIO maps
# match the link of the config with read-only state table and input
# sections; own state, R/W and output section, loopback doorbells and the
# interrupt enable work through the ivshmem tool. Disable removes host,
# device and windows; a second enable brings them back; rmmod of both
# modules.
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

ivs_load || jh_end
hv_enable enable1 || jh_end
ivs_arm enable1 && {
	ivs_maps enable1/maps
	ivs_root_alone enable1/root
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
