#@ timeout: 600
#@ cpus: 4
# The root-cell checks of hv-root.sh on a 4-CPU QEMU virt machine.
. /lib/jailhouse/scenarios/hv-root.sh
. /lib/jailhouse/scenarios/hv-root-arm.sh

jh_expect_file boot/cpus-online /sys/devices/system/cpu/online 0-3
hv_arm_root_all
jh_end
