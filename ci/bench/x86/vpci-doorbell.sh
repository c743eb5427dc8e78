#@ timeout: 1500
# ivshmem doorbell cost on Bochs (stock kernel, 2 CPUs): the root cell
# (peer 0) rings ivshmem-demo in its cell (peer 1, CPU 1) N times through
# the register BAR (/dev/mem, BAR assigned by a PCI rescan); exits per
# doorbell on the sender (root: the trapped MMIO write) and on the
# receiver (the cell: everything but its own MMIO doorbells), from the
# hypervisor's statistics. The MSI-X interrupt itself reaches the
# receiver without an exit; an EOI in xAPIC mode would be a write to the
# intercepted APIC page (one XAPIC exit), in x2APIC mode it does not exit.
# Reported separately, with the raw counts of the window.
. /lib/jailhouse/scenarios/hv-root.sh

D=/sys/bus/pci/devices/0000:00:0f.0
N=100

stat_of() { cat "$JH_SYSFS/cells/$1/statistics/vmexits_$2"; }

hv_load_driver || { jh_end; exit; }
hv_enable bench/enable || { jh_end; exit; }
echo 1 >/sys/bus/pci/rescan
jh_expect_file bench/device $D/vendor 0x110a || { jh_end; exit; }
echo 1 >$D/enable
bar0=$(head -n1 $D/resource | cut -d' ' -f1)
jh_expect_ok bench/create jailhouse cell create /etc/jailhouse/ivshmem-demo.cell || { jh_end; exit; }
jh_expect_ok bench/load jailhouse cell load ivshmem-demo \
	/usr/libexec/jailhouse/inmates/ivshmem-demo.bin -s "target=0" -a 0x1000
jh_expect_ok bench/start jailhouse cell start ivshmem-demo
jh_wait_for bench/cell-initialized 60 \
	sh -c "[ \$(devmem 0x3af00004 32) = 0x00000002 ]"

root_mmio=$(stat_of 0 mmio)
c_total=$(stat_of 1 total)
c_mmio=$(stat_of 1 mmio)
c_xapic=$(stat_of 1 xapic)
i=0
while [ $i -lt $N ]; do
	devmem $((bar0 + 0x0c)) 32 $((1 << 16 | 1))
	i=$((i + 1))
done
root_mmio=$(($(stat_of 0 mmio) - root_mmio))
c_total=$(($(stat_of 1 total) - c_total))
c_mmio=$(($(stat_of 1 mmio) - c_mmio))
c_xapic=$(($(stat_of 1 xapic) - c_xapic))

awk -v n=$N -v r=$root_mmio -v ct=$c_total -v cm=$c_mmio -v cx=$c_xapic \
    'BEGIN {
	printf "JH-BENCH x86-doorbell-sender-exits %.2f exits/doorbell\n", r / n
	printf "JH-BENCH x86-doorbell-receiver-exits %.2f exits/doorbell\n", (ct - cm) / n
	printf "JH-BENCH x86-doorbell-receiver-xapic-eoi-exits %.2f exits/doorbell\n", cx / n
	printf "JH-BENCH x86-doorbell-receiver-other-exits %.2f exits/doorbell\n", (ct - cm - cx) / n
	printf "JH-BENCH x86-doorbell-window-receiver-total %d exits\n", ct
	printf "JH-BENCH x86-doorbell-window-receiver-mmio %d exits\n", cm
}'
jh_expect_ok bench/destroy jailhouse cell destroy ivshmem-demo
echo 1 >/sys/devices/system/cpu/cpu1/online
hv_disable bench/disable
jh_end
