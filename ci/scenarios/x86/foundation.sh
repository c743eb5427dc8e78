#@ timeout: 900
# Issue 2 on the stock Debian kernel in Bochs: the machine is what our
# configs describe, then driver, CLI, config checks, enable with corrupted
# configs and unload (ci/scenarios/common/foundation.sh).
. /lib/jailhouse/scenarios/foundation.sh

jh_expect_output boot/vmx-visible '^flags.* vmx( |$)' cat /proc/cpuinfo
jh_expect_file boot/cpus-online /sys/devices/system/cpu/online 0-1
jh_expect_output boot/memmap-reserved '^ *3a000000-3dffffff : Reserved' \
	cat /proc/iomem
jh_expect_ok boot/stock-module-uio modprobe uio_pci_generic
foundation_all
jh_end
