#!/bin/bash
# Bare-metal smoke run of the x86 inmate library in Bochs (the emulator CI
# has for x86), without the hypervisor: a boot sector (smoke-boot.S) puts
# the image at 0 and a fake comm region at 0x100000 and enters the image
# in real mode like a cell start. Console: COM1 (0x3f8), PM timer 0xb008.
# Proves the 16->64-bit start, IDT and exception reports, PM timer and TSC
# calibration, local APIC timer in xAPIC and x2APIC mode, 8250 over PIO,
# the comm region checks, INIT/SIPI start of a second CPU and port I/O
# PCI config access.
#
#   smoke.sh SMOKE_DIR    (images, comm regions and boot.bin from make)
set -u
cd "$(dirname "$0")/../.."
. tests/lib.sh
dir=$(realpath "$1")

if ! command -v bochs >/dev/null; then
	fail x86_smoke_bochs "bochs not installed (scripts/install-deps.sh)"
	exit 1
fi

# run NAME IMAGE COMMREGION SECONDS DONE_PATTERN DONE_COUNT [CPUS]: COM1 output
# ends up in $dir/NAME.log; the run ends after SECONDS or as soon as the
# log has DONE_COUNT lines matching DONE_PATTERN
run() {
	local work="$dir/$1.run" image_size

	rm -rf "$work"
	mkdir -p "$work"
	image_size=$(stat -c %s "$2")
	if [ "$image_size" -gt $((120 * 512)) ]; then
		fail "x86_smoke_$1_image" "$2 is larger than the boot shim loads"
		return
	fi
	# one cylinder of 16 heads x 63 sectors: boot, comm region, image
	truncate -s $((16 * 63 * 512)) "$work/disk.img"
	dd if="$dir/boot.bin" of="$work/disk.img" conv=notrunc status=none
	dd if="$3" of="$work/disk.img" bs=512 seek=1 conv=notrunc status=none
	dd if="$2" of="$work/disk.img" bs=512 seek=2 conv=notrunc status=none
	cat > "$work/bochsrc" <<EOT
megs: 64
romimage: file=/usr/share/bochs/BIOS-bochs-latest
vgaromimage: file=/usr/share/vgabios/vgabios.bin
cpu: model=corei7_skylake_x, count=${7:-1}, ips=20000000, reset_on_triple_fault=0, ignore_bad_msrs=1
pci: enabled=1, chipset=i440fx
ata0-master: type=disk, path=$work/disk.img, mode=flat, cylinders=1, heads=16, spt=63
boot: disk
clock: sync=none, time0=utc
com1: enabled=1, mode=file, dev=$dir/$1.log
port_e9_hack: enabled=1
log: $work/bochs.log
panic: action=fatal
display_library: rfb, options="timeout=0"
sound: waveoutdrv=dummy, waveindrv=dummy, midioutdrv=dummy
EOT
	echo c > "$work/cont.rc"
	rm -f "$dir/$1.log"
	touch "$dir/$1.log"
	(cd "$work" && exec unshare -n timeout "$4" nice -n 10 \
		bochs -q -f bochsrc -rc cont.rc </dev/null >bochs.out 2>&1) &
	run_until $! "$dir/$1.log" "$5" "$6"
}

tick='^Timer fired, jitter: +-?[0-9]+ ns, min: +-?[0-9]+ ns, max: +-?[0-9]+ ns'

run apic-demo "$dir/apic-demo.bin" "$dir/comm-x86.bin" 40 "$tick" 6
log=$dir/apic-demo.log
expect_lines x86_smoke_apic_demo_tsc "$log" \
	'^Calibrated TSC frequency: [1-9][0-9]*\.[0-9]{3} kHz' 1
expect_lines x86_smoke_apic_demo_apic "$log" \
	'^Calibrated APIC frequency: [1-9][0-9]* kHz' 1
expect_lines x86_smoke_apic_demo_ticks_xapic "$log" "$tick" 5
expect_none x86_smoke_apic_demo_no_exception "$log" '^FATAL'

run apic-demo-x2apic "$dir/apic-demo-x2apic.bin" "$dir/comm-x86.bin" 40 \
	"$tick" 6
expect_lines x86_smoke_apic_demo_ticks_x2apic "$dir/apic-demo-x2apic.log" \
	"$tick" 5
# the "x2apic" option switched the APIC (its MMIO window then disappears)
expect_lines x86_smoke_apic_x2apic_mode "$dir/apic-demo-x2apic.run/bochs.log" \
	'WRMSR: wrote 00000000:fee00d00 to MSR_APICBASE' 1

run tiny-demo "$dir/tiny-demo.bin" "$dir/comm-x86.bin" 60 '^PM Timer' 4
log=$dir/tiny-demo.log
expect_lines x86_smoke_tiny_demo_hello "$log" '^Hello from this tiny cell!' 1
expect_lines x86_smoke_tiny_demo_pm_timer "$log" '^PM Timer: +[0-9]{1,11}$' 3
# consecutive lines one second (3579545 PM ticks) apart, within 1 %
gaps=$(tr -d '\r' < "$log" | sed -n 's/^PM Timer: *//p' |
	awk 'NR > 1 { d = $1 - p; if (d < 990000000 || d > 1010000000) bad++ }
	     { p = $1 } END { print (NR < 3 ? "too few lines" : bad + 0) }')
if [ "$gaps" = 0 ]; then
	pass x86_smoke_tiny_demo_one_second_apart
else
	fail x86_smoke_tiny_demo_one_second_apart "$gaps gaps off by > 1 %"
fi

run ok-inmate-badrev "$dir/ok-inmate.bin" "$dir/comm-x86-badrev.bin" 30 \
	'^FATAL' 1
log=$dir/ok-inmate-badrev.log
expect_lines x86_smoke_comm_revision_mismatch "$log" \
	'^FATAL: communication region ABI mismatch' 1
expect_none x86_smoke_comm_revision_mismatch_stops "$log" '^OK-INMATE: started'

# two CPUs: the second one starts via INIT/SIPI at the image's 0x2000 entry
run ok-inmate-smp "$dir/ok-inmate-smp.bin" "$dir/comm-x86.bin" 60 \
	'^OK-INMATE: tick' 1 2
log=$dir/ok-inmate-smp.log
expect_lines x86_smoke_smp_start_cpu "$log" '^OK-INMATE: CPU 1 running, APIC ID 1$' 1
expect_lines x86_smoke_ok_inmate_ticks "$log" '^OK-INMATE: tick 10$' 1
# 0xcf8/0xcfc config access; PIIX4 ACPI is function 3 of a multi-function
# device, found only if the scan honours the header type
expect_lines x86_smoke_pci_pio_host_bridge "$log" \
	'^OK-INMATE: PCI 00:00\.0 8086:1237 class 060000' 1
expect_lines x86_smoke_pci_pio_multifunction "$log" \
	'^OK-INMATE: PCI 00:01\.3 8086:7113 class 068000' 1
expect_lines x86_smoke_ok_inmate_comm_region "$log" \
	'^OK-INMATE: comm region: pm_timer_address 0xb008 num_cpus 1' 1

# reading beyond the 4 GiB identity map raises a page fault
run rogue "$dir/rogue.bin" "$dir/comm-x86.bin" 30 '^FATAL: page fault' 1
log=$dir/rogue.log
expect_lines x86_smoke_rogue_attempt "$log" '^ROGUE: attempting read-ram at 0x100000000' 1
expect_lines x86_smoke_exception_report "$log" \
	'^FATAL: exception 14 \(#PF page fault\), error code 0x0, RIP 0x[0-9a-f]+' 1
expect_lines x86_smoke_exception_cr2 "$log" '^FATAL: page fault address 0x100000000' 1
expect_none x86_smoke_rogue_stopped "$log" '^ROGUE: survived'

[ "$failures" -eq 0 ]
