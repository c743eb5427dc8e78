#@ timeout: 1800
# Issue 6 benchmark (Bochs, MSI-X, stock kernel): VM exits of the root
# cell per doorbell and per round trip through its own ivshmem device
# (loopback: the root rings its own peer ID, so sender and receiver are the
# same cell), round-trip time in guest time, bulk transfer rate through the
# output section with a doorbell every 4 or 64 KiB. Then root <-> cell:
# ivshmem-demo in echo mode (CPU 1) answers 200 pings with the root's
# sequence numbers; exits per round trip of the root and of the cell, and
# the round-trip time. Exits are counted by the hypervisor; the start-up
# cost of the tool is measured and subtracted.
. /lib/jailhouse/scenarios/hv-root.sh
. /lib/jailhouse/scenarios/ivshmem.sh

IVS_REASONS="total mmio xapic"
IVS_BDF=0000:00:0f.0

ivs_load || jh_end
hv_enable bench-enable || jh_end
jh_wait_for bench-device 10 test -e "$IVS_PCI/$IVS_BDF" || jh_end
ivs_bench_root
ivs_bench_cell_echo cell-echo ivshmem-demo ivshmem-demo 1 1 \
	"target=0 con-virtual"
ivs_disable bench-disable
jh_pass bench-ran
jh_end
