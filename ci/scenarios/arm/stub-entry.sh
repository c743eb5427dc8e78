#@ timeout: 300
# The driver's ARM entry (hyp stub HVC_SOFT_RESTART) with the stub
# firmware, on the stock armmp-lpae kernel in QEMU virt: each CPU must
# arrive in HYP mode with the HYP MMU off and r0, r1 (entry) and r3
# (header) as documented (include/arch/arm/asm/jailhouse_header.h).
STUB_CPU_OK=' in HYP mode, HYP MMU off, .*r0 = HVC_SOFT_RESTART, header address ok, entry address ok'
. /lib/jailhouse/scenarios/stub-entry.sh

jh_expect_dmesg boot/started-in-hyp-mode 'CPU: All CPU\(s\) started in HYP mode'
stub_entry_all
jh_end
