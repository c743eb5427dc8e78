#@ timeout: 300
#@ cpus: 4
# ivshmem doorbell cost on QEMU virt (TCG, 4 CPUs), stock kernel: the root
# cell (peer 0) rings ivshmem-demo in cell B (peer 2, CPU 3) N times
# through the register BAR (/dev/mem); exits per doorbell on the sender
# (root: trapped MMIO writes) and on the receiver (B: everything but its
# own MMIO, i.e. the kick SGI that carries the injection), from the
# hypervisor's statistics. B rings the root once a second meanwhile (those
# are B's MMIO exits, subtracted; the root ignores them: its interrupts
# are disabled). The rate is that of the devmem loop (a process per
# doorbell), not of the device.
. /lib/jailhouse/scenarios/hv-root.sh

ECAM=0x08e00000
BAR0=0x08f00000
LINK=0x7cf00000
N=200
CELL_B=/etc/jailhouse/qemu-virt-ivshmem-demo-b.cell

stat_of() { cat "$JH_SYSFS/cells/$1/statistics/vmexits_$2"; }

hv_load_driver || { jh_end; exit; }
hv_enable bench/enable || { jh_end; exit; }
jh_expect_ok bench/create jailhouse cell create "$CELL_B" || { jh_end; exit; }
b=$(jailhouse cell list | awk '$2 == "ivshmem-demo-b" { print $1 }')
jh_expect_ok bench/load jailhouse cell load ivshmem-demo-b \
	/usr/libexec/jailhouse/inmates/ivshmem-demo.bin
jh_expect_ok bench/start jailhouse cell start ivshmem-demo-b
jh_wait_for bench/b-initialized 20 \
	sh -c "[ \$(devmem $((LINK + 8)) 32) = 0x00000003 ]"

devmem $((ECAM + 0x10)) 32 $BAR0
devmem $((ECAM + 0x04)) 16 0x0002

root_mmio=$(stat_of 0 mmio)
root_sgi=$(stat_of 0 virt_sgi)
b_total=$(stat_of "$b" total)
b_mmio=$(stat_of "$b" mmio)
b_mgmt=$(stat_of "$b" management)
t0=$(cut -d' ' -f1 /proc/uptime)
i=0
while [ $i -lt $N ]; do
	devmem $((BAR0 + 0x0c)) 32 $((2 << 16))
	i=$((i + 1))
done
t1=$(cut -d' ' -f1 /proc/uptime)
root_mmio=$(($(stat_of 0 mmio) - root_mmio))
root_sgi=$(($(stat_of 0 virt_sgi) - root_sgi))
b_total=$(($(stat_of "$b" total) - b_total))
b_mmio=$(($(stat_of "$b" mmio) - b_mmio))
b_mgmt=$(($(stat_of "$b" management) - b_mgmt))

# the root's other MMIO exits are Linux's own IPIs (GICD_SGIR writes)
awk -v n=$N -v r=$root_mmio -v s=$root_sgi -v bt=$b_total -v bm=$b_mmio \
    -v bg=$b_mgmt -v t0="$t0" -v t1="$t1" 'BEGIN {
	printf "JH-BENCH arm-doorbell-sender-exits %.2f exits/doorbell\n", (r - s) / n
	printf "JH-BENCH arm-doorbell-sender-linux-ipi-exits %.2f exits/doorbell\n", s / n
	printf "JH-BENCH arm-doorbell-receiver-exits %.2f exits/doorbell\n", (bt - bm) / n
	printf "JH-BENCH arm-doorbell-receiver-kick-exits %.2f exits/doorbell\n", bg / n
	printf "JH-BENCH arm-doorbell-devmem-rate %.0f doorbells/s\n", n / (t1 - t0)
}'
jh_expect_ok bench/destroy jailhouse cell destroy ivshmem-demo-b
hv_disable bench/disable
jh_end
