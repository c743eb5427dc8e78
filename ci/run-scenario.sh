#!/bin/bash
# Build what exists, boot the emulated machine, run one scenario in it and
# judge the result. The developer's one-liner:
#
#   ci/run-scenario.sh <x86|arm> <scenario.sh> [options]
#     --cpus N           CPUs of the machine (default 2; scenario: #@ cpus: N)
#     --timeout S        wall-clock limit   (scenario: #@ timeout: S)
#     --append "..."     extra kernel parameters (scenario: #@ append: ...)
#     --cmdline "..."    replace the kernel command line (#@ cmdline: ...)
#     --drop "p1 p2"     remove parameters starting with p1, p2 from the
#                        command line (scenario: #@ drop: memmap= mem=)
#     --no-build         do not build; use build/<arch>/tree as it is
#     --tree DIR         take the product from DIR (already built) instead
#     --live             show the guest console while it runs
#     --name NAME        result prefix (default <arch>/<scenario>)
#     JH_KERNEL=custom   boot the small custom kernel (ci/custom-kernel.sh)
#                        instead of the stock Debian one
#
# Logs go to build/logs/<arch>-<scenario>-<time>/ (build/logs/latest-<arch>
# points at the newest): serial.txt, bochs.log, port-e9.txt, emulator.txt,
# initrd.gz, build-*.log. Prints one PASS/FAIL line per check (also
# appended to $JH_RESULTS) and, on failure, the tail of the console log.
# Exit code 0 only if every check passed.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

usage() { sed -n '2,24s/^# \{0,1\}//p' "$0" >&2; exit 2; }
[ $# -ge 2 ] || usage
arch=$(jh_arch "$1")
scenario=$2
shift 2
[ -f "$scenario" ] || die "no scenario file '$scenario'"
scenario=$(cd "$(dirname "$scenario")" && pwd)/$(basename "$scenario")
sname=$(basename "$scenario" .sh)

# Per-scenario settings from "#@ key: value" lines; options override them.
header()
{
	sed -n "s/^#@ *$1: *//p" "$scenario" | tail -n 1
}
cpus=$(header cpus) timeout=$(header timeout) append=$(header append)
cmdline=$(header cmdline) drop=$(header drop)
build=1 tree= live=0 name=$arch/$sname
while [ $# -gt 0 ]; do
	case "$1" in
	--cpus) cpus=$2; shift ;;
	--timeout) timeout=$2; shift ;;
	--append) append="$append $2"; shift ;;
	--cmdline) cmdline=$2; shift ;;
	--drop) drop="$drop $2"; shift ;;
	--no-build) build=0 ;;
	--tree) tree=$(cd "$2" && pwd); build=0; shift ;;
	--live) live=1 ;;
	--name) name=$2; shift ;;
	*) usage ;;
	esac
	shift
done

stamp=$(date +%Y%m%d-%H%M%S)
logdir=$JH_BUILD/logs/$arch-$sname-$stamp-$$
mkdir -p "$logdir"
cp "$scenario" "$logdir/scenario.sh"
ln -sfn "$(basename "$logdir")" "$JH_BUILD/logs/latest-$arch"

# 1. Pick the kernel, build (whatever exists) for it.
out=$JH_BUILD/$arch
case "${JH_KERNEL:-stock}" in
custom)
	kernel=$("$JH_SRC/ci/custom-kernel.sh" image "$arch")
	export KDIR JH_VARIANT=custom JH_KERNEL_RELEASE JH_MODULES_DIR
	KDIR=$("$JH_SRC/ci/custom-kernel.sh" headers "$arch")
	JH_KERNEL_RELEASE=$("$JH_SRC/ci/custom-kernel.sh" release "$arch")
	JH_MODULES_DIR=$("$JH_SRC/ci/custom-kernel.sh" modules "$arch")
	out=$JH_BUILD/$arch-custom
	;;
stock) kernel=$("$JH_SRC/ci/kernel.sh" image "$arch") ;;
*) die "JH_KERNEL must be stock or custom" ;;
esac
if [ -z "$tree" ]; then
	tree=$out/tree
	if [ $build = 1 ]; then
		info "$name: building into $tree (logs: $out/build-*.log)"
		"$JH_SRC/ci/build.sh" "$arch" >/dev/null || true
	fi
	[ -f "$out/status" ] && cp "$out/status" "$logdir/build-status"
fi

# 2. initramfs.
"$JH_SRC/ci/initramfs.sh" "$arch" "$tree" "$scenario" "$logdir/initrd.gz" \
	2>"$logdir/initramfs.txt" || { cat "$logdir/initramfs.txt" >&2; die "initramfs build failed"; }
[ -s "$logdir/initramfs.txt" ] && sed 's/^/  /' "$logdir/initramfs.txt" >&2

# 3. Command line and boot.
if [ -z "$cmdline" ]; then
	cmdline=$("$JH_SRC/ci/boot.sh" "$arch" --print-cmdline)
fi
for p in $drop; do
	cmdline=$(tr ' ' '\n' <<<"$cmdline" | grep -v "^$p" | tr '\n' ' ')
done
cmdline=$(echo "$cmdline $append" | tr -s ' ' | sed 's/^ //; s/ $//')
bootargs=(--kernel "$kernel" --initrd "$logdir/initrd.gz" --logdir "$logdir"
	  --cmdline "$cmdline")
[ -z "$cpus" ] || bootargs+=(--cpus "$cpus")
[ -z "$timeout" ] || bootargs+=(--timeout "$timeout")
[ $live = 0 ] || bootargs+=(--live)
info "$name: booting ($arch, ${cpus:-2} CPUs, logs in ${logdir#"$JH_SRC"/})"
"$JH_SRC/ci/boot.sh" "$arch" "${bootargs[@]}"

# 4. Judge.
"$JH_SRC/ci/judge.sh" "$arch" "$name" "$logdir"
