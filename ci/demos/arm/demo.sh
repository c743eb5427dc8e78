#@ timeout: 600
#@ console: demo/gic-demo-timer-lines Timer fired, jitter: +[0-9]+ ns, min: +[0-9]+ ns, max: +[0-9]+ ns
# make demo ARCH=arm: the main demo on the emulated arm machine, the flow
# of the seed documents: enable, then gic-demo in a cell of its own on
# CPU 1 (create, load, start, timer lines with jitter through the
# hypervisor console, shutdown, destroy), CPU 1 back in Linux, disable.
. /lib/jailhouse/scenarios/demo.sh

demo_enable
demo_cell gic-demo "$JH_CELLS/qemu-virt-gic-demo.cell" \
	"$JH_INMATES/gic-demo.bin" 4 -s "con-type=jailhouse" -a 0x1000
demo_disable
jh_end
