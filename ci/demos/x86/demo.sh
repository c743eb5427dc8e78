#@ timeout: 900
# make demo ARCH=x86: the main demo on the emulated x86 machine.
. /lib/jailhouse/scenarios/demo.sh

demo_enable
# Cell demos go here, while the hypervisor runs.
demo_disable
jh_end
