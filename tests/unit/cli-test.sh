#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Behaviour tests of the jailhouse tool, without a driver: the test seams
# JAILHOUSE_DEVICE / JAILHOUSE_SYSFS / JAILHOUSE_HWROOT / JAILHOUSE_MACHINE
# point it at files made here. An ioctl on a regular file fails with
# ENOTTY, so "Inappropriate ioctl" in the output proves that the tool got
# as far as the ioctl; strace shows which ioctl numbers were used.
#
# Environment: JH_TOOL (the binary), JH_FIXTURES (mkfixtures output),
# JH_TMP (scratch directory), SRCTREE.
set -u
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"

tool=${JH_TOOL:?}
fx=${JH_FIXTURES:?}
tmp=${JH_TMP:?}
rm -rf "$tmp"
mkdir -p "$tmp"

dev=$tmp/dev-jailhouse
: >"$dev"
export JAILHOUSE_DEVICE=$dev
export JAILHOUSE_SYSFS=$tmp/sys

out=$tmp/out
# run ARGS...: output (stdout+stderr) in $out, exit status in $rc
run() {
	"$tool" "$@" >"$out" 2>&1
	rc=$?
}

# check NAME EXPECTED_RC GREP_PATTERN [NOT_PATTERN]
check() {
	local name=$1 want=$2 pattern=$3 not=${4:-}
	if [ "$rc" != "$want" ]; then
		result FAIL "$name" "exit $rc, wanted $want: $(head -c 300 "$out" | tr '\n' ' ')"
	elif [ -n "$pattern" ] && ! grep -q -E -- "$pattern" "$out"; then
		result FAIL "$name" "no \"$pattern\" in: $(head -c 300 "$out" | tr '\n' ' ')"
	elif [ -n "$not" ] && grep -q -E -- "$not" "$out"; then
		result FAIL "$name" "unexpected \"$not\" in: $(head -c 300 "$out" | tr '\n' ' ')"
	else
		result OK "$name"
	fi
}

case $(uname -m) in
x86_64) here_cfg=$fx/x86-sys.cell other_cfg=$fx/arm-sys.cell
	here_cell=$fx/x86-apic-demo.cell other_arch=arm ;;
arm*) here_cfg=$fx/arm-sys.cell other_cfg=$fx/x86-sys.cell
	here_cell=$fx/arm-gic-demo.cell other_arch=x86 ;;
esac

NOTTY="Inappropriate ioctl"

# ---------------------------------------------------------------- basics
run --version
check cli_version_line 0 "^Jailhouse management tool [^ ]+$"
run --help
check cli_help_lists_verbs 0 "cell load \{ ID \| \[--name\] NAME \}"
run
check cli_no_args_is_usage_error 2 "^Usage: jailhouse"
run frobnicate
check cli_unknown_command_is_usage_error 2 "unknown command"
run cell
check cli_cell_without_subcommand_is_usage_error 2 "Usage:"
run cell teleport 1
check cli_unknown_cell_subcommand_is_usage_error 2 "unknown cell command"
run enable
check cli_enable_without_file_is_usage_error 2 "Usage:"
run cell start
check cli_start_without_cell_is_usage_error 2 "missing cell ID or name"
run cell load 1
check cli_load_without_image_is_usage_error 2 "at least one IMAGE"
run cell load 1 -a 0x1000 "$fx/x86-sys.cell"
check cli_load_address_before_image_is_usage_error 2 "must follow an image"
run cell start abcdefghijklmnopqrstuvwxyz0123456789
check cli_overlong_cell_name_is_usage_error 2 "1..31 characters"
run console --bogus
check cli_console_bad_option_is_usage_error 2 "Usage:"

# ------------------------------------------- bad files never reach ioctl
run enable "$tmp/missing.cell"
check cli_enable_missing_file 1 "missing.cell: cannot open: No such file" "$NOTTY"
mkdir -p "$tmp/a-directory.cell"
run enable "$tmp/a-directory.cell"
check cli_enable_unreadable_file 1 "a-directory.cell: cannot read" "$NOTTY"
printf 'hello, not a config\n' >"$tmp/text.cell"
run enable "$tmp/text.cell"
check cli_enable_not_a_config 1 "text.cell: error: not a system configuration" "$NOTTY"
run enable "$here_cell"
check cli_enable_rejects_cell_config 1 "this is a cell config, not a system config" "$NOTTY"
run enable "$other_cfg"
check cli_enable_rejects_other_architecture 1 "built for $other_arch, but this machine is" "$NOTTY"
run enable "$fx/bad-truncated.cell"
check cli_enable_rejects_truncated_config 1 "bad-truncated.cell: error: .*truncated" "$NOTTY"
run enable "$fx/bad-hv-overlap.cell"
check cli_enable_rejects_invalid_config 1 "bad-hv-overlap.cell: error: root cell \"RootCell\": memory region [0-9]+ \(phys 0x3a000000..0x3a0fffff\) overlaps hypervisor memory" "$NOTTY"
run cell create "$here_cfg"
check cli_cell_create_rejects_system_config 1 "this is a system config, not a cell config" "$NOTTY"
run cell create "$tmp/missing.cell"
check cli_cell_create_missing_file 1 "missing.cell: cannot open" "$NOTTY"
run cell load 1 "$tmp/missing.bin"
check cli_cell_load_missing_image 1 "missing.bin: cannot open" "$NOTTY"

# ---------------------------------------------- good files reach ioctl
run enable "$here_cfg"
check cli_enable_valid_config_reaches_ioctl 1 "JAILHOUSE_ENABLE: $NOTTY"
run cell create "$here_cell"
check cli_cell_create_valid_config_reaches_ioctl 1 "JAILHOUSE_CELL_CREATE: $NOTTY"
JAILHOUSE_DEVICE=$tmp/no-such-device run disable
check cli_missing_device_hint 1 "is the jailhouse module loaded"

if command -v strace >/dev/null; then
	# ioctl numbers exactly as include/jailhouse/ioctl.h (x86-64 values)
	ioctls() {
		strace -f -qq -e trace=ioctl -e raw=ioctl -o "$tmp/strace" \
			"$tool" "$@" >/dev/null 2>&1
		sed -n 's/.*ioctl([^,]*, \(0x[0-9a-f]*\),.*/\1/p' \
			"$tmp/strace" | tr '\n' ' ' | sed 's/ $//'
	}
	expect_ioctl() {	# name expected args...
		local name=$1 want=$2 got
		shift 2
		got=$(ioctls "$@")
		if [ "$got" = "$want" ]; then
			result OK "$name"
		else
			result FAIL "$name" "ioctls \"$got\", wanted \"$want\""
		fi
	}
	if [ "$(uname -m)" = x86_64 ]; then
		expect_ioctl cli_enable_ioctl_number 0x40080000 enable "$here_cfg"
	fi
	expect_ioctl cli_disable_ioctl_number 0x1 disable
	expect_ioctl cli_cell_create_ioctl_number 0x40100002 cell create "$here_cell"
	expect_ioctl cli_cell_start_ioctl_number 0x40280004 cell start 1
	expect_ioctl cli_cell_destroy_ioctl_number 0x40280005 cell destroy --name foo
	expect_ioctl cli_cell_shutdown_is_load_without_images 0x40300003 cell shutdown foo
	expect_ioctl cli_cell_load_ioctl_number 0x40300003 cell load 1 "$here_cell" -a 0x1000 -s "x=1" -a 0x2000
	expect_ioctl cli_no_ioctl_for_invalid_config "" enable "$fx/bad-hv-overlap.cell"
	expect_ioctl cli_no_ioctl_for_wrong_kind "" cell create "$here_cfg"
	expect_ioctl cli_no_ioctl_for_missing_image "" cell load 1 "$tmp/missing.bin"
else
	result FAIL cli_ioctl_numbers "strace not installed (scripts/install-deps.sh)"
fi

# ------------------------------------------------------------- console
printf 'Initializing Jailhouse hypervisor on CPU 0\nActivating hypervisor\n' >"$dev"
run console
check cli_console_prints_device_content 0 "^Activating hypervisor$"
timeout 1 "$tool" console -f >"$out" 2>&1
rc=$?
check cli_console_follow_keeps_reading 124 "^Activating hypervisor$"
: >"$dev"

# ----------------------------------------------------------- cell list
run cell list
if [ "$rc" = 0 ] && [ ! -s "$out" ]; then
	result OK cli_cell_list_silent_without_module
else
	result FAIL cli_cell_list_silent_without_module "exit $rc, output: $(cat "$out")"
fi
mkcell() {	# id name state cpus failed
	local d=$JAILHOUSE_SYSFS/cells/$1
	mkdir -p "$d/statistics"
	echo "$2" >"$d/name"
	echo "$3" >"$d/state"
	echo "$4" >"$d/cpus_assigned_list"
	echo "$5" >"$d/cpus_failed_list"
}
mkcell 0 RootCell running 0,2-3 ""
mkcell 1 apic-demo running/locked 1 ""
mkcell 10 rogue failed 5 5
run cell list
printf '%-8s%-24s%-18s%-24s%-24s\n' ID Name State "Assigned CPUs" "Failed CPUs" \
	0 RootCell running 0,2-3 "" 1 apic-demo running/locked 1 "" \
	10 rogue failed 5 5 >"$tmp/list.expected"
if [ "$rc" = 0 ] && cmp -s "$out" "$tmp/list.expected"; then
	result OK cli_cell_list_columns_and_order
else
	result FAIL cli_cell_list_columns_and_order "exit $rc; got: $(cat -A "$out" | head -5 | tr '\n' '|')"
fi

# ---------------------------------------------------------- cell stats
st=$JAILHOUSE_SYSFS/cells/1/statistics
echo 1234 >"$st/vmexits_total"
echo 17 >"$st/vmexits_mmio"
echo 1200 >"$st/vmexits_hypercall"
mkdir -p "$st/cpu1"
echo 1234 >"$st/cpu1/vmexits_total"
echo 17 >"$st/cpu1/vmexits_mmio"
echo 1200 >"$st/cpu1/vmexits_hypercall"
run cell stats 1
check cli_cell_stats_by_id 0 "^vmexits_total +1234 +1234$"
run cell stats apic-demo
check cli_cell_stats_by_name 0 "^vmexits_hypercall +1200 +1200$"
run cell stats --name apic-demo
check cli_cell_stats_by_name_option 0 'Statistics for cell "apic-demo" \(ID 1\)'
if [ "$(grep -n vmexits_total "$out" | cut -d: -f1)" -lt \
     "$(grep -n vmexits_hypercall "$out" | cut -d: -f1)" ]; then
	result OK cli_cell_stats_total_first
else
	result FAIL cli_cell_stats_total_first "$(cat "$out")"
fi
( sleep 0.3; echo 1334 >"$st/vmexits_total" ) &
run cell stats 1 -r 1 -n 1
wait
check cli_cell_stats_refresh_shows_rate 0 "^vmexits_total +1334 +100 +1234$"
run cell stats 7
check cli_cell_stats_unknown_cell 1 "no cell with ID 7"
run cell stats 1 -n 2
check cli_cell_stats_count_needs_refresh 2 "-n needs -r"

# -------------------------------------------------------- config check
run config check "$fx/x86-sys.cell" "$fx/x86-apic-demo.cell" "$fx/x86-tiny-demo.cell" "$fx/x86-ivshmem-demo.cell"
check cli_config_check_valid_x86_set 0 "^0 errors, 0 warnings in 4 configs$"
run config check "$fx/arm-sys.cell" "$fx/arm-gic-demo.cell" "$fx/arm-ivshmem-a.cell" "$fx/arm-ivshmem-b.cell"
check cli_config_check_valid_arm_set 0 "^0 errors, 0 warnings in 4 configs$"
run config check "$fx/bad-hv-overlap.cell"
check cli_config_check_reports_region_and_fix 1 "bad-hv-overlap.cell: error: .*memory region [0-9]+ \(phys 0x3a000000..0x3a0fffff\) overlaps hypervisor memory .*: shrink it or move hypervisor_memory"
run config check "$fx/x86-sys.cell" "$fx/bad-foreign-cpu.cell"
check cli_config_check_cell_against_system 1 "bad-foreign-cpu.cell: error: cell \"ivshmem-demo\": CPU 5 is not a CPU of the root cell"
run config check "$fx/x86-sys.cell" "$fx/x86-apic-demo.cell" "$fx/x86-apic-demo.cell"
check cli_config_check_cells_together 1 "cells: error: .*CPU 1 is also assigned"
run config check --separately "$fx/x86-sys.cell" "$fx/x86-apic-demo.cell" "$fx/x86-apic-demo.cell"
check cli_config_check_separately 0 "^0 errors"
run config check "$fx/x86-apic-demo.cell"
check cli_config_check_cell_as_sysconfig 1 "this is a cell config, not a system config"
run config check "$fx/x86-sys.cell" "$tmp/missing.cell"
check cli_config_check_missing_cell_file 1 "missing.cell: cannot open"
run config check
check cli_config_check_without_files_is_usage_error 2 "missing SYSCONFIG"
run config check -h
check cli_config_check_help 0 "Exit status"
run config check "$fx/arm-sys.cell" "$fx/x86-apic-demo.cell"
check cli_config_check_arch_mismatch 1 "is built for architecture 0, the system for 1"

# ---------------------------------------------------- external helpers
mkdir -p "$tmp/bin" "$tmp/path"
cp "$tool" "$tmp/bin/jailhouse"
cat >"$tmp/bin/jailhouse-cell-linux" <<'EOF'
#!/bin/sh
echo "helper-beside-tool $0 $*"
exit 3
EOF
cat >"$tmp/path/jailhouse-foo-bar" <<'EOF'
#!/bin/sh
echo "helper-in-path $*"
EOF
chmod +x "$tmp/bin/jailhouse-cell-linux" "$tmp/path/jailhouse-foo-bar"
"$tmp/bin/jailhouse" cell linux a.cell bzImage -c "console=ttyS0" >"$out" 2>&1
rc=$?
check cli_helper_beside_tool_gets_args_and_status 3 "^helper-beside-tool .*/jailhouse-cell-linux a.cell bzImage -c console=ttyS0$"
PATH="$tmp/path:$PATH" "$tool" foo bar --x >"$out" 2>&1
rc=$?
check cli_helper_found_in_path 0 "^helper-in-path --x$"
run foo baz
check cli_missing_helper_is_usage_error 2 "unknown command"

# ------------------------------------------------------ hardware check
hw=$tmp/hw
mkmsr() {	# cpu value msr (the seam's text format: "index value")
	local f=$hw/dev/cpu/$1/msr
	mkdir -p "$(dirname "$f")"
	sed -i "/^$3 /d" "$f" 2>/dev/null
	echo "$3 $2" >>"$f"
}
good_vmx() {
	rm -rf "$hw"
	mkdir -p "$hw"
	# vendor GenuineIntel, leaf 1 ECX: VMX (bit 5), x2APIC (bit 21)
	printf '0 0 d 756e6547 6c65746e 49656e69\n1 0 0 0 200020 0\n' >"$hw/cpuid"
	for cpu in 0 1; do
		mkmsr $cpu 0x5 0x3a
	done
	mkmsr 0 0x00d8000000000000 0x480	# VMX_BASIC: WB, true ctls
	mkmsr 0 0x0000007f00000016 0x481	# pinbased: preemption timer
	mkmsr 0 0xfff9fffe0401e172 0x482	# procbased: 25, 28, 31
	mkmsr 0 0x003fffff00036dff 0x483	# exit ctls: 19, 21
	mkmsr 0 0x0000ffff000011ff 0x484	# entry ctls: 14, 15
	mkmsr 0 0x000000ff00000000 0x48b	# procbased2: EPT, VPID, UG
	mkmsr 0 0x00000f0106734141 0x48c	# EPT: 4-level, WB, 2M, INVEPT
}
good_vmx
JAILHOUSE_HWROOT=$hw JAILHOUSE_MACHINE=x86_64 run hardware check
check cli_hwcheck_x86_all_requirements_met 0 "all hard requirements met" "MISSING"
good_vmx
mkmsr 1 0x1 0x3a
JAILHOUSE_HWROOT=$hw JAILHOUSE_MACHINE=x86_64 run hardware check
check cli_hwcheck_x86_vmx_locked_off 1 "IA32_FEATURE_CONTROL.*MISSING.*BIOS"
good_vmx
mkmsr 0 0x0000007f00000016 0x48b
JAILHOUSE_HWROOT=$hw JAILHOUSE_MACHINE=x86_64 run hardware check
check cli_hwcheck_x86_no_unrestricted_guest 1 "Unrestricted guest +MISSING"
good_vmx
mkmsr 0 0x00000f0106734101 0x48c
JAILHOUSE_HWROOT=$hw JAILHOUSE_MACHINE=x86_64 run hardware check
check cli_hwcheck_x86_no_ept_4level 1 "EPT 4-level page walk +MISSING"
good_vmx
rm -rf "$hw/dev"
JAILHOUSE_HWROOT=$hw JAILHOUSE_MACHINE=x86_64 run hardware check
check cli_hwcheck_x86_without_msr_is_unknown 1 "could not be verified"

arm_root() {
	rm -rf "$hw"
	mkdir -p "$hw/proc/device-tree/intc@8000000" "$hw/proc/device-tree/timer"
	printf 'processor\t: 0\nFeatures\t: half thumb fastmult vfp edsp neon vfpv3 tls vfpv4 idiva idivt vfpd32 lpae evtstrm\nCPU architecture: 7\n' >"$hw/proc/cpuinfo"
	printf '\0\0\0\2' >"$hw/proc/device-tree/#address-cells"
	printf '\0\0\0\2' >"$hw/proc/device-tree/#size-cells"
	printf 'arm,cortex-a15-gic\0' >"$hw/proc/device-tree/intc@8000000/compatible"
	head -c 64 /dev/zero >"$hw/proc/device-tree/intc@8000000/reg"
	printf 'arm,armv7-timer\0' >"$hw/proc/device-tree/timer/compatible"
	echo "[    0.000000] CPU: All CPU(s) started in HYP mode." >"$hw/dmesg"
}
arm_root
JAILHOUSE_HWROOT=$hw JAILHOUSE_MACHINE=armv7l run hardware check
check cli_hwcheck_arm_all_requirements_met 0 "all hard requirements met" "MISSING"
arm_root
echo "[    0.000000] CPU: All CPU(s) started in SVC mode." >"$hw/dmesg"
JAILHOUSE_HWROOT=$hw JAILHOUSE_MACHINE=armv7l run hardware check
check cli_hwcheck_arm_svc_boot 1 "Booted in HYP mode +MISSING"
arm_root
head -c 32 /dev/zero >"$hw/proc/device-tree/intc@8000000/reg"
JAILHOUSE_HWROOT=$hw JAILHOUSE_MACHINE=armv7l run hardware check
check cli_hwcheck_arm_gic_without_virt 1 "GICv2 with virtualization interface +MISSING"
arm_root
sed -i 's/ lpae//' "$hw/proc/cpuinfo"
JAILHOUSE_HWROOT=$hw JAILHOUSE_MACHINE=armv7l run hardware check
check cli_hwcheck_arm_no_lpae 1 "lpae\) +MISSING"

# -------------------------------------------------------- config create
# A fake Bochs-like machine (i440FX, 2 CPUs, memmap=64M$0x3a000000)
fr=$tmp/fakeroot
mkdir -p "$fr/proc" "$fr/sys/firmware/acpi/tables" "$fr/sys/class/tty/ttyS0"
echo 'BOOT_IMAGE=/vmlinuz console=ttyS0,115200 memmap=64M\$0x3a000000 quiet' >"$fr/proc/cmdline"
printf 'processor\t: 0\nvendor_id\t: GenuineIntel\n\nprocessor\t: 1\nvendor_id\t: GenuineIntel\n' >"$fr/proc/cpuinfo"
cat >"$fr/proc/iomem" <<'IOMEM'
00000000-00000fff : Reserved
00001000-0009efff : System RAM
0009f000-0009ffff : Reserved
000a0000-000bffff : PCI Bus 0000:00
000c0000-000c8fff : Video ROM
000e8000-000fffff : Reserved
  000f0000-000fffff : System ROM
00100000-39ffffff : System RAM
  01000000-01e02f5d : Kernel code
3a000000-3dffffff : Reserved
3e000000-3ffeffff : System RAM
3fff0000-3fffffff : ACPI Tables
40000000-febfffff : PCI Bus 0000:00
  e0000000-e0ffffff : 0000:00:02.0
  febf0000-febf0fff : 0000:00:03.0
fec00000-fec003ff : IOAPIC 0
fed00000-fed003ff : HPET 0
  fed00000-fed003ff : PNP0103:00
fee00000-fee00fff : Local APIC
fffc0000-ffffffff : Reserved
IOMEM
cat >"$fr/proc/ioports" <<'IOPORTS'
0000-0cf7 : PCI Bus 0000:00
  0000-001f : dma1
  0020-0021 : pic1
  0040-0043 : timer0
  0060-0060 : keyboard
  0064-0064 : keyboard
  0070-0071 : rtc0
  02f8-02ff : serial
  03f8-03ff : serial
0cf8-0cff : PCI conf1
0d00-ffff : PCI Bus 0000:00
  b000-b03f : 0000:00:01.3
    b008-b00b : ACPI PM_TMR
  c000-c01f : 0000:00:01.2
IOPORTS
bytes() {	# file offset hex-bytes...: write raw bytes at an offset
	local f=$1 off=$2 b out=""
	shift 2
	for b in "$@"; do out="$out\\x$b"; done
	# shellcheck disable=SC2059
	printf "$out" | dd of="$f" bs=1 seek=$((off)) conv=notrunc status=none
}
t=$fr/sys/firmware/acpi/tables
head -c 44 /dev/zero >"$t/APIC"
bytes "$t/APIC" 44 00 08 00 00 01 00 00 00  00 08 01 01 01 00 00 00 \
	01 0c 00 00 00 00 c0 fe 00 00 00 00
head -c 244 /dev/zero >"$t/FACP"
bytes "$t/FACP" 76 08 b0 00 00
echo 0 >"$fr/sys/class/tty/ttyS0/io_type"
echo 0x3F8 >"$fr/sys/class/tty/ttyS0/port"
pcidev() {	# bdf vendor-device-bytes header-type class...
	local d=$fr/sys/bus/pci/devices/$1
	mkdir -p "$d"
	head -c 256 /dev/zero >"$d/config"
	bytes "$d/config" 0 $2
	bytes "$d/config" 14 $3
	for i in 0 1 2 3 4 5 6; do
		echo "0x0000000000000000 0x0000000000000000 0x0000000000000000"
	done >"$d/resource"
}
pcidev 0000:00:00.0 "86 80 37 12" 00
pcidev 0000:00:01.0 "86 80 00 70" 80
pcidev 0000:00:02.0 "34 12 11 11" 00
# 00:03.0: memory BAR0 4 KiB, MSI (64-bit, 4 vectors) at 0x50, MSI-X
# (2 vectors, table in BAR0 at 0x800) at 0x60
pcidev 0000:00:03.0 "86 80 0e 10" 00
d=$fr/sys/bus/pci/devices/0000:00:03.0
bytes "$d/config" 6 10 00
bytes "$d/config" 52 50
bytes "$d/config" 80 05 60 84 00
bytes "$d/config" 96 11 00 01 00 00 08 00 00
{
	echo "0x00000000febf0000 0x00000000febf0fff 0x0000000000040200"
	for i in 1 2 3 4 5 6; do
		echo "0x0000000000000000 0x0000000000000000 0x0000000000000000"
	done
} >"$d/resource"

run config create -r "$fr" "$tmp/generated.c"
check cli_config_create_runs 0 ""
if gcc -c -I"$SRCTREE/include" -o "$tmp/generated.o" "$tmp/generated.c" \
	>"$tmp/cc.log" 2>&1 &&
   objcopy -O binary --remove-section=.note.gnu.property \
	"$tmp/generated.o" "$tmp/generated.cell"; then
	result OK cli_config_create_output_compiles
else
	result FAIL cli_config_create_output_compiles "$(head -c 400 "$tmp/cc.log")"
fi
run config check "$tmp/generated.cell"
check cli_config_create_output_passes_config_check 0 "^0 errors, 0 warnings"
g=$tmp/generated.c
if grep -q '\.phys_start = 0x3a000000,' "$g" &&
   grep -q '\.size = 0x600000,' "$g" &&
   grep -q 'MemRegion: 3a600000-3dffffff : JAILHOUSE Inmate Memory' "$g" &&
   ! grep -q 'MemRegion: fee00000' "$g" && ! grep -q 'MemRegion: fec00000' "$g" &&
   grep -q 'pm_timer_address = 0xb008' "$g" &&
   grep -q '\.address = 0xfec00000' "$g" &&
   grep -q 'PIO_RANGE(0x0, 0x22)' "$g" && ! grep -q 'PIO_RANGE(0xcf8' "$g" &&
   grep -q 'num_msi_vectors = 4' "$g" && grep -q 'msix_address = 0xfebf0800' "$g" &&
   grep -q '0xfffff000, 0x00000000' "$g" && grep -q '0x3,$' "$g"; then
	result OK cli_config_create_reads_the_machine
else
	result FAIL cli_config_create_reads_the_machine "unexpected content in $g"
fi
run config create -r "$fr"
check cli_config_create_without_file_is_usage_error 2 "Usage: jailhouse config create"
JAILHOUSE_MACHINE=armv7l run config create "$tmp/arm.c"
check cli_config_create_on_arm_fails_clearly 1 "supported on x86 only"

[ "$FAILED" = 0 ]
