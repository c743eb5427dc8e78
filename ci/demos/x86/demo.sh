#@ timeout: 1500
#@ console: demo/apic-demo-timer-lines ^Timer fired, jitter: +-?[0-9]+ ns, min: +-?[0-9]+ ns, max: +-?[0-9]+ ns
#@ console: demo/apic-demo-refuses-first-shutdown ^Rejecting first shutdown request - try again!
# make demo ARCH=x86: the main demo on the emulated x86 machine, the flow
# of the seed documents: enable, then apic-demo in a cell of its own on
# CPU 1 (create, load, start, timer lines with jitter, shutdown refused
# once because the demo locks its cell, then accepted, destroy), CPU 1
# back in Linux, disable.
. /lib/jailhouse/scenarios/demo.sh

demo_enable
demo_cell apic-demo "$JH_CELLS/apic-demo.cell" "$JH_INMATES/apic-demo.bin" 4
demo_disable
jh_end
