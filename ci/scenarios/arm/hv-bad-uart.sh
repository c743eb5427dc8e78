#@ timeout: 75
#@ end: timeout
#@ console: fault-report FATAL: Invalid MMIO/RAM (read|write), addr: 0x0*9000[0-9a-f]{3} size: [124]
#@ console: fault-names-cell-cpu-pc Cell "qemu-virt" CPU 1 PC 0x[0-9a-f]+
#@ console: fault-nearest-region Nearest region: #[0-9]+ 0x[0-9a-f]+-0x[0-9a-f]+
#@ console: fault-fix Fix: add region \{ \.phys_start = 0x9000000, \.virt_start = 0x9000000, \.size = 0x1000,
#@ console: fault-fix-flags \.flags = JAILHOUSE_MEM_READ \| JAILHOUSE_MEM_WRITE \| JAILHOUSE_MEM_IO \}
#@ console: cpu-parked Parking CPU 1 \(Cell: "qemu-virt"\)
# Issue 4, separate run: a root config without the UART region (a classic
# config mistake). Linux's next UART access traps; the hypervisor reports
# it (cell, CPU, PC, address, nearest region, the region to add) and
# parks that CPU only. Because the console is the missing device, the
# guest cannot print after the enable: it keeps its shell off the console
# and lets CPU 1 touch the UART; the host checks the console output. Linux
# on CPU 0 soon waits for the parked CPU (cross-CPU calls), so the run
# ends by its timeout.

# hv_u32 <file> <offset>: a little-endian 32-bit field of a config
hv_u32() { od -A n -t u4 -j "$2" -N 4 "$1" | tr -d ' '; }

# hv_set_u32 <file> <offset> <value>
hv_set_u32()
{
	jh_poke "$1" "$2" "$(printf '\\%03o\\%03o\\%03o\\%03o' $(($3 & 255)) \
		$((($3 >> 8) & 255)) $((($3 >> 16) & 255)) $(($3 >> 24)))"
}

# hv_remove_region <in> <index> <out>: a system config without one memory
# region; ivshmem devices keep pointing at their regions. Root cell
# descriptor at 356: cpu_set_size @404, memory regions @408, caches @412,
# irqchips @416, pio @420, pci devices @424.
hv_remove_region()
{
	local cpus count start pci n dev first

	cpus=$(hv_u32 "$1" 404)
	count=$(hv_u32 "$1" 408)
	start=$((488 + cpus + $2 * 32))
	head -c $start "$1" >"$3"
	tail -c +$((start + 32 + 1)) "$1" >>"$3"
	hv_set_u32 "$3" 408 $((count - 1))
	pci=$((488 + cpus + (count - 1) * 32 + $(hv_u32 "$1" 412) * 12 +
	       $(hv_u32 "$1" 416) * 32 + $(hv_u32 "$1" 420) * 4))
	n=0
	while [ $n -lt "$(hv_u32 "$1" 424)" ]; do
		dev=$((pci + n * 56))
		first=$(hv_u32 "$3" $((dev + 48)))
		[ "$first" -gt "$2" ] &&
			hv_set_u32 "$3" $((dev + 48)) $((first - 1))
		n=$((n + 1))
	done
}

jh_expect_ok driver/insmod insmod "$JH_MODULE"
JH_SYS=$(jh_system_config)
jh_require system-config "$JH_SYS" || jh_end
# region 0 of qemu-virt-root is the PL011 UART at 0x09000000
jh_expect_output uart-is-region-0 '^ *150994944$' \
	od -A n -t u4 -j 496 -N 4 "$JH_SYS"
hv_remove_region "$JH_SYS" 0 /tmp/no-uart.cell
jh_expect_ok bad-config-passes-check jailhouse config check /tmp/no-uart.cell
taskset -p -c 0 $$ >/dev/null
echo "JH-TEST PASS console-goes-dark"
# nothing may reach the UART from Linux from here on
echo "0 4 1 7" >/proc/sys/kernel/printk
exec >/tmp/after-enable.log 2>&1
jailhouse enable /tmp/no-uart.cell
taskset -c 1 sh -c 'echo "from CPU 1" >/dev/ttyAMA0' &
sleep 3
cat "$JH_SYSFS/console"
