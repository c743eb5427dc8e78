#@ timeout: 300
# make demo ARCH=arm: the main demo on the emulated arm machine.
. /lib/jailhouse/scenarios/demo.sh

demo_enable
# Cell demos go here, while the hypervisor runs.
demo_disable
jh_end
