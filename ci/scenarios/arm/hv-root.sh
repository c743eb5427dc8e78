#@ timeout: 420
# Issue 4 on the stock Debian armmp-lpae kernel in QEMU virt (2 CPUs): the
# hypervisor takes over HYP mode under the running Linux, which keeps
# working on all CPUs as the root cell (workload, timers, IPIs, console,
# CPU offline/online through emulated PSCI); statistics move as expected;
# disable returns the machine, enable/disable can be repeated.
. /lib/jailhouse/scenarios/hv-root.sh
. /lib/jailhouse/scenarios/hv-root-arm.sh

hv_arm_root_all
jh_end
