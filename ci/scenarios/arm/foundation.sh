#@ timeout: 300
# Issue 2 on the stock Debian armmp-lpae kernel in QEMU virt: the machine
# is what our configs describe (HYP mode, mem=960M), then driver, CLI,
# config checks, enable with corrupted configs and unload
# (ci/scenarios/common/foundation.sh).
. /lib/jailhouse/scenarios/foundation.sh

jh_expect_dmesg boot/started-in-hyp-mode 'CPU: All CPU\(s\) started in HYP mode'
jh_expect_file boot/cpus-online /sys/devices/system/cpu/online 0-1
jh_expect_output boot/mem-reserved '^ *40000000-7bffffff : System RAM' \
	cat /proc/iomem
jh_expect_ok boot/stock-module-uio modprobe uio_pci_generic
foundation_all
jh_end
