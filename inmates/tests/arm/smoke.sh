#!/bin/bash
# Bare-metal smoke run of the ARMv7 inmate library in QEMU virt (GICv2,
# Cortex-A15), without the hypervisor: images linked at 0x40000000, a fake
# comm region at 0x80000000 (where cells have theirs), console on the
# board's PL011, PCIe ECAM at 0x3f000000 (highmem=off) with a pci-testdev.
# Proves the start code, GIC distributor + CPU interface, virtual timer,
# PL011, ECAM config access, exception reports and the comm region checks.
#
#   smoke.sh SMOKE_DIR    (images and comm regions built by `make smoke-arm`)
set -u
cd "$(dirname "$0")/../.."
. tests/lib.sh
dir=$1

if ! command -v qemu-system-arm >/dev/null; then
	fail arm_smoke_qemu "qemu-system-arm not installed (scripts/install-deps.sh)"
	exit 1
fi

# run NAME ELF COMMREGION SECONDS DONE_PATTERN DONE_COUNT: console output
# ends up in $dir/NAME.log; the run ends after SECONDS or once the log has
# DONE_COUNT lines matching DONE_PATTERN
run() {
	local log="$dir/$1.log"

	rm -f "$log"
	touch "$log"
	timeout "$4" nice -n 10 qemu-system-arm \
		-M virt,gic-version=2,highmem=off -cpu cortex-a15 -m 2048 \
		-device pci-testdev -display none -monitor none \
		-nic none -serial "file:$log" -kernel "$2" \
		-device "loader,file=$3,addr=0x80000000" 2>"$dir/$1.err" &
	run_until $! "$log" "$5" "$6"
}

tick='^Timer fired, jitter: +-?[0-9]+ ns, min: +-?[0-9]+ ns, max: +-?[0-9]+ ns'


run gic-demo "$dir/gic-demo.elf" "$dir/comm-arm.bin" 20 "$tick" 12
log=$dir/gic-demo.log
expect_lines arm_smoke_gic_demo_gic_init "$log" '^Initializing the GIC\.\.\.' 1
expect_lines arm_smoke_gic_demo_timer_init "$log" '^Initializing the timer\.\.\.' 1
expect_lines arm_smoke_gic_demo_ticks "$log" "$tick" 10
# 10 Hz: jitter must stay well below one period even under TCG
max=$(tr -d '\r' < "$log" | grep -oE 'max: +-?[0-9]+' | tail -1 | grep -oE -- '-?[0-9]+$')
if [ -n "$max" ] && [ "$max" -ge 0 ] && [ "$max" -lt 50000000 ]; then
	pass arm_smoke_gic_demo_jitter_sane
else
	fail arm_smoke_gic_demo_jitter_sane "max jitter '${max:-none}' ns"
fi

run uart-demo "$dir/uart-demo.elf" "$dir/comm-arm.bin" 20 '^Hello' 3
expect_lines arm_smoke_uart_demo "$dir/uart-demo.log" '^Hello [0-9]+ from cell!' 3

run ok-inmate "$dir/ok-inmate.elf" "$dir/comm-arm.bin" 20 '^OK-INMATE: tick' 1
log=$dir/ok-inmate.log
# ECAM at the comm region's pci_mmconfig_base: host bridge + pci-testdev
expect_lines arm_smoke_pci_ecam_host_bridge "$log" \
	'^OK-INMATE: PCI 00:00\.0 1b36:0008 class 060000' 1
expect_lines arm_smoke_pci_ecam_testdev "$log" \
	'^OK-INMATE: PCI 00:0[0-9a-f]\.0 1b36:0005 class 00ff00' 1
expect_lines arm_smoke_ok_inmate_started "$log" '^OK-INMATE: started' 1
expect_lines arm_smoke_ok_inmate_comm_region "$log" \
	'^OK-INMATE: comm region: gic_version 2 gicd 0x8000000 gicc 0x8010000' 1
expect_lines arm_smoke_ok_inmate_ticks "$log" '^OK-INMATE: tick 10$' 1

# a comm region of another ABI revision must be refused
run ok-inmate-badrev "$dir/ok-inmate.elf" "$dir/comm-arm-badrev.bin" 20 \
	'^FATAL' 1
log=$dir/ok-inmate-badrev.log
expect_lines arm_smoke_comm_revision_mismatch "$log" \
	'^FATAL: communication region ABI mismatch' 1
expect_none arm_smoke_comm_revision_mismatch_stops "$log" '^OK-INMATE: started'

# the rogue reads unmapped physical space: QEMU answers with a data abort
run rogue "$dir/rogue.elf" "$dir/comm-arm.bin" 20 '^FATAL: DFAR' 1
log=$dir/rogue.log
expect_lines arm_smoke_rogue_attempt "$log" '^ROGUE: attempting read-ram at 0xc000000' 1
expect_lines arm_smoke_exception_report "$log" \
	'^FATAL: data abort exception at PC 0x[0-9a-f]{8}' 1
expect_lines arm_smoke_exception_far "$log" '^FATAL: DFAR 0x0c000000' 1
expect_none arm_smoke_rogue_stopped "$log" '^ROGUE: survived'

[ "$failures" -eq 0 ]
