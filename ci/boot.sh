#!/bin/bash
# Boot one emulated machine with a kernel and an initramfs, always ending
# (timeout), everything recorded in a log directory.
#
#   ci/boot.sh <x86|arm> --kernel F --initrd F --logdir D [options]
#     --cpus N         CPUs (default 2)
#     --mem MiB        RAM (default 1024)
#     --cmdline "..."  full kernel command line (default: see below)
#     --append "..."   added to the command line
#     --timeout S      wall-clock limit (default x86 900, arm 300)
#     --live           show the serial console while it runs
#   ci/boot.sh <x86|arm> --print-cmdline   the default command line
#
# x86: Bochs (corei7_skylake_x, i440FX) booting an isolinux ISO, inside its
#      own network namespace (Bochs's rfb display binds port 5900; each run
#      gets its own port space, so any number of runs can coexist).
#      Default command line: console=ttyS0,115200 clearcpuid=124
#      memmap=64M$0x3a000000 tsc_early_khz=20000 panic=-1 reboot=t
#      idle=halt (why: Documentation/emulation.md, "Idle CPUs in Bochs")
# arm: QEMU virt (virtualization=on, GICv2, cortex-a15), -no-reboot.
#      Default command line: console=ttyAMA0 mem=960M panic=-1
#
# Log directory: serial.txt (guest console), emulator.txt (emulator's
# stdout/stderr), bochs.log and port-e9.txt (x86), exit (exit code of the
# emulator, 124 = timeout), seconds (wall-clock time), boot-seconds (until
# /init printed its first line), stopped (present when the guest did not
# power off within 30 s of its end marker and was stopped).
set -euo pipefail
. "$(dirname "$0")/lib.sh"

[ $# -ge 1 ] || { sed -n '2,25s/^# \{0,1\}//p' "$0" >&2; exit 2; }
arch=$(jh_arch "$1")
shift
cpus=2 mem=1024 cmdline= append= timeout= live=0 kernel= initrd= logdir=
print_cmdline=0
while [ $# -gt 0 ]; do
	case "$1" in
	--kernel) kernel=$2; shift ;;
	--initrd) initrd=$2; shift ;;
	--logdir) logdir=$2; shift ;;
	--cpus) cpus=$2; shift ;;
	--mem) mem=$2; shift ;;
	--cmdline) cmdline=$2; shift ;;
	--append) append=$2; shift ;;
	--timeout) timeout=$2; shift ;;
	--live) live=1 ;;
	--print-cmdline) print_cmdline=1 ;;
	*) die "unknown option $1" ;;
	esac
	shift
done

# Bochs's TSC advances once per emulated instruction, at the "ips" rate,
# while the CPU model's CPUID claims 3.5 GHz: Linux would run its clock 175
# times too slow (sleep 2 took minutes). tsc_early_khz tells it the truth.
BOCHS_IPS=20000000

default_cmdline()
{
	case $arch in
	x86) echo "console=ttyS0,115200 clearcpuid=124 memmap=64M\$0x3a000000 tsc_early_khz=$((BOCHS_IPS / 1000)) panic=-1 reboot=t idle=halt" ;;
	arm) echo 'console=ttyAMA0 mem=960M panic=-1' ;;
	esac
}
if [ $print_cmdline = 1 ]; then
	default_cmdline
	exit 0
fi

[ -f "$kernel" ] && [ -f "$initrd" ] && [ -n "$logdir" ] ||
	die "--kernel, --initrd and --logdir are required"
mkdir -p "$logdir"
logdir=$(cd "$logdir" && pwd)
[ -n "$cmdline" ] || cmdline=$(default_cmdline)
[ -z "$append" ] || cmdline="$cmdline $append"
[ -n "$timeout" ] || case $arch in x86) timeout=900 ;; arm) timeout=300 ;; esac
echo "$cmdline" >"$logdir/cmdline"

# Bochs cannot load a bzImage: wrap kernel and initramfs in an isolinux ISO.
make_iso()
{
	local iso=$logdir/iso

	rm -rf "$iso"
	mkdir -p "$iso/isolinux"
	cp /usr/lib/ISOLINUX/isolinux.bin /usr/lib/syslinux/modules/bios/ldlinux.c32 \
		"$iso/isolinux/"
	cp "$kernel" "$iso/vmlinuz"
	cp "$initrd" "$iso/initrd.gz"
	cat >"$iso/isolinux/isolinux.cfg" <<-EOF
	SERIAL 0 115200
	DEFAULT linux
	PROMPT 0
	TIMEOUT 0
	LABEL linux
	  KERNEL /vmlinuz
	  INITRD /initrd.gz
	  APPEND $cmdline
	EOF
	xorriso -as mkisofs -quiet -o "$logdir/boot.iso" -b isolinux/isolinux.bin \
		-c isolinux/boot.cat -no-emul-boot -boot-load-size 4 \
		-boot-info-table -R -J "$iso" 2>"$logdir/xorriso.txt"
	rm -rf "$iso"
}

write_bochsrc()
{
	cat >"$logdir/bochsrc" <<-EOF
	megs: $mem
	romimage: file=/usr/share/bochs/BIOS-bochs-latest
	vgaromimage: file=/usr/share/vgabios/vgabios.bin
	cpu: model=corei7_skylake_x, count=$cpus, ips=$BOCHS_IPS, quantum=16, reset_on_triple_fault=0, ignore_bad_msrs=1
	pci: enabled=1, chipset=i440fx
	ata0-master: type=cdrom, path=boot.iso, status=inserted
	boot: cdrom
	clock: ${JH_BOCHS_CLOCK:-sync=none, time0=utc}
	com1: enabled=1, mode=file, dev=com1
	port_e9_hack: enabled=1
	log: bochs.log
	panic: action=fatal
	error: action=report
	display_library: rfb, options="timeout=0"
	speaker: enabled=0
	sound: waveoutdrv=dummy, waveindrv=dummy, midioutdrv=dummy
	EOF
	echo c >"$logdir/cont.rc"
}

# unshare -n needs CAP_SYS_ADMIN; as a normal user map ourselves to root
# in a user namespace first.
netns=(unshare -n)
[ "$(id -u)" = 0 ] || netns=(unshare -rn)

run_emulator()
{
	case $arch in
	x86)
		make_iso
		write_bochsrc
		# The console goes through a pty so that it is written line by
		# line (ci/serial-relay.py says why).
		python3 "$JH_SRC/ci/serial-relay.py" "$logdir/serial.txt" \
			"$logdir/com1" &
		relay=$!
		while [ ! -L "$logdir/com1" ]; do sleep 0.1; done
		# Bochs writes port 0xE9 output to its stdout.
		(cd "$logdir" && exec timeout -k 10 "$timeout" nice -n 10 \
			"${netns[@]}" bochs -q -f bochsrc -rc cont.rc \
			</dev/null >port-e9.txt 2>emulator.txt) &
		emulator=$!
		watch_end $emulator &
		endwatch=$!
		wait $emulator
		rc=$?
		emulator=
		kill $endwatch 2>/dev/null
		kill -TERM $relay
		wait $relay
		relay=
		return $rc
		;;
	arm)
		: >"$logdir/serial.txt"
		timeout -k 10 "$timeout" nice -n 10 qemu-system-arm \
			-M virt,virtualization=on,gic-version=2 -cpu cortex-a15 \
			-smp "$cpus" -m "$mem" -nic none -display none \
			-monitor none -serial "file:$logdir/serial.txt" \
			-no-reboot -kernel "$kernel" -initrd "$initrd" \
			-append "$cmdline" </dev/null >"$logdir/emulator.txt" 2>&1 &
		emulator=$!
		watch_end $emulator &
		endwatch=$!
		wait $emulator
		rc=$?
		emulator=
		kill $endwatch 2>/dev/null
		return $rc
		;;
	esac
}

# Once the scenario printed its end marker, only the power-off is left; a
# guest that cannot power off (e.g. a CPU parked by the hypervisor on
# purpose keeps "poweroff" spinning) is stopped after a grace period
# instead of running into the timeout.
END_GRACE=30
watch_end()
{
	local pid=$1 t=0

	while kill -0 "$pid" 2>/dev/null; do
		if grep -q '^JH-SCENARIO-END' "$logdir/serial.txt" 2>/dev/null; then
			[ $t -ge $END_GRACE ] || { t=$((t + 1)); sleep 1; continue; }
			echo "stopped ${END_GRACE}s after JH-SCENARIO-END" >"$logdir/stopped"
			kill -TERM "$pid" 2>/dev/null
			return
		fi
		sleep 1
	done
}

# Wall-clock seconds until the guest's /init speaks (boot time).
watch_boot()
{
	local t=0

	while [ $t -lt "$timeout" ]; do
		if grep -q '^jh-init: kernel' "$logdir/serial.txt" 2>/dev/null; then
			echo $t >"$logdir/boot-seconds"
			return
		fi
		sleep 1
		t=$((t + 1))
	done
}

# Interrupted (Ctrl-C, or the caller was killed): stop what we started.
emulator= relay= tailpid= watchpid= endwatch=
cleanup()
{
	local p

	for p in $emulator $relay $tailpid $watchpid $endwatch; do
		kill -TERM "$p" 2>/dev/null
	done
	exit 130
}
trap cleanup INT TERM

start=$(date +%s)
: >"$logdir/serial.txt"
watch_boot &
watchpid=$!
if [ $live = 1 ]; then
	tail -n +1 -F "$logdir/serial.txt" 2>/dev/null &
	tailpid=$!
fi
set +e
run_emulator
rc=$?
set -e
if [ $live = 1 ]; then
	sleep 1
	kill "$tailpid" 2>/dev/null || true
	wait "$tailpid" 2>/dev/null || true
fi
kill "$watchpid" 2>/dev/null || true
wait "$watchpid" 2>/dev/null || true
echo "$rc" >"$logdir/exit"
echo $(($(date +%s) - start)) >"$logdir/seconds"
rm -f "$logdir/boot.iso"
[ "$rc" != 124 ] || info "$arch: emulator stopped after the ${timeout}s timeout"
exit 0
