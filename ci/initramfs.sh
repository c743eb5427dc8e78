#!/bin/bash
# Build the initramfs for one emulated-machine run.
#
#   ci/initramfs.sh <x86|arm> <built-tree> <scenario.sh> <out.cpio.gz>
#
# Contents (whatever of the product exists in <built-tree>; a missing piece
# is listed in /etc/jailhouse-image and left to the scenario to fail on):
#   /bin/busybox (+ applet links made by /init)   static busybox of the arch
#   /init, /lib/jailhouse/jh-lib.sh, /scenario.sh
#   /lib/jailhouse/scenarios/*.sh                 ci/scenarios/common/ (shared
#                                                 scenario steps)
#   /lib/modules/<release>/extra/jailhouse.ko     driver/jailhouse.ko
#   /lib/modules/<release>/extra/uio_ivshmem.ko   driver/uio_ivshmem.ko
#   /lib/modules/<release>/kernel/...             stock modules $JH_GUEST_MODULES
#                                                 (default: uio uio_pci_generic)
#                                                 with their dependencies;
#                                                 modules.dep made by depmod
#   /usr/sbin/jailhouse, /usr/sbin/jailhouse-*    tools/ executables
#   /usr/libexec/jailhouse/<name>                 links to the same (helpers)
#   /usr/bin/<name>                               tools/*/ executables
#   /usr/bin/<name>                               tests/guest/<arch>/bin/*
#   /etc/jailhouse/*.cell                         configs/<arch>/*.cell
#   /lib/firmware/*.bin                           hypervisor/*.bin
#   /lib/firmware/jailhouse-stub/*.bin            tests/stub-firmware/build/<arch>/
#   /usr/libexec/jailhouse/inmates/*.bin          inmates/**/*.bin (flattened)
#   /etc/jailhouse-arch, /etc/jailhouse-scenario, /etc/jailhouse-image
#
# JH_KERNEL_RELEASE / JH_MODULES_DIR select another kernel (custom mode).
set -euo pipefail
. "$(dirname "$0")/lib.sh"

[ $# = 4 ] || { sed -n '2,5s/^# \{0,1\}//p' "$0" >&2; exit 2; }
arch=$(jh_arch "$1")
tree=$2
scenario=$3
out=$4
[ -f "$scenario" ] || die "no scenario file $scenario"

release=${JH_KERNEL_RELEASE:-$("$JH_SRC/ci/kernel.sh" release "$arch")}
moddir=${JH_MODULES_DIR:-$("$JH_SRC/ci/kernel.sh" modules "$arch")}
busybox=$("$JH_SRC/ci/kernel.sh" busybox "$arch")
modules=${JH_GUEST_MODULES-uio uio_pci_generic}

case $arch in
x86) elf_machine='x86-64' ;;
arm) elf_machine='ARM' ;;
esac

stage=$(mktemp -d "${TMPDIR:-/tmp}/jh-initramfs.XXXXXX")
trap 'rm -rf "$stage"' EXIT
manifest=$stage/etc/jailhouse-image
mkdir -p "$stage"/{bin,sbin,etc/jailhouse,lib/firmware,lib/jailhouse} \
	"$stage"/usr/{bin,sbin,libexec/jailhouse/inmates} \
	"$stage/lib/modules/$release/extra" "$stage"/{proc,sys,dev,tmp,run,root}

note() { echo "$*" >>"$manifest"; }

# Is $1 an executable for the guest's arch? Warn when it is dynamically
# linked: the image has no C library.
guest_executable()
{
	local desc

	[ -f "$1" ] && [ -x "$1" ] || return 1
	desc=$(file -b "$1")
	case "$desc" in
	ELF*executable*|ELF*shared\ object*) ;;
	*) return 1 ;;
	esac
	if ! grep -q "$elf_machine" <<<"$desc"; then
		warn "$1 is not built for $arch ($desc); left out"
		note "WRONG-ARCH $1"
		return 1
	fi
	if ! grep -q 'statically linked' <<<"$desc"; then
		warn "$1 is not statically linked; it will not run in the guest"
		note "DYNAMIC $1"
	fi
	return 0
}

add_busybox()
{
	cp "$busybox" "$stage/bin/busybox"
	ln -s busybox "$stage/bin/sh"
	install -m 755 "$JH_SRC/ci/guest/init" "$stage/init"
	install -m 644 "$JH_SRC/ci/guest/jh-lib.sh" "$stage/lib/jailhouse/jh-lib.sh"
	install -m 755 "$scenario" "$stage/scenario.sh"
	mkdir -p "$stage/lib/jailhouse/scenarios"
	cp "$JH_SRC"/ci/scenarios/common/*.sh "$stage/lib/jailhouse/scenarios/"
	echo "$arch" >"$stage/etc/jailhouse-arch"
	basename "$scenario" .sh >"$stage/etc/jailhouse-scenario"
}

# driver/jailhouse.ko and the driver's other modules (uio_ivshmem.ko)
add_driver()
{
	local ko vermagic

	[ -f "$tree/driver/jailhouse.ko" ] || note "MISSING driver/jailhouse.ko"
	for ko in "$tree"/driver/*.ko; do
		[ -f "$ko" ] || continue
		vermagic=$(modinfo -F vermagic "$ko" 2>/dev/null | cut -d' ' -f1)
		if [ "$vermagic" != "$release" ]; then
			warn "driver/${ko##*/} is built for '$vermagic', the guest runs $release"
			note "MISMATCH driver/${ko##*/} ($vermagic)"
		fi
		cp "$ko" "$stage/lib/modules/$release/extra/"
		note "driver/${ko##*/}"
	done
}

add_tools()
{
	local f n=0

	for f in "$tree"/tools/jailhouse "$tree"/tools/jailhouse-*; do
		guest_executable "$f" || continue
		cp "$f" "$stage/usr/sbin/"
		ln -sf "../../sbin/$(basename "$f")" "$stage/usr/libexec/jailhouse/"
		note "tools/${f##*/tools/}"
		n=$((n + 1))
	done
	for f in "$tree"/tools/*/*; do
		guest_executable "$f" || continue
		cp "$f" "$stage/usr/bin/"
		note "tools/${f##*/tools/}"
		n=$((n + 1))
	done
	[ -f "$stage/usr/sbin/jailhouse" ] || note "MISSING tools/jailhouse"
}

# Test programs of the scenarios (tests/guest/<arch>/bin/*).
add_guest_programs()
{
	local f

	for f in "$tree/tests/guest/$arch/bin/"*; do
		guest_executable "$f" || continue
		cp "$f" "$stage/usr/bin/"
		note "tests/guest/$arch/bin/${f##*/}"
	done
}

add_glob()
{
	local what=$1 dest=$2 f n=0

	shift 2
	for f in "$@"; do
		[ -f "$f" ] || continue
		if [ -e "$dest/$(basename "$f")" ]; then
			warn "two files named $(basename "$f"); keeping the first"
			continue
		fi
		cp "$f" "$dest/"
		note "${f#"$tree"/}"
		n=$((n + 1))
	done
	[ $n -gt 0 ] || note "MISSING $what"
}

add_stock_modules()
{
	local m path dep

	[ -n "$modules" ] || return 0
	[ -f "$moddir/modules.dep" ] || die "$moddir has no modules.dep"
	for m in $modules; do
		path=$(grep -E "(^|/)$m\.ko(\.[a-z]+)?:" "$moddir/modules.dep" |
		       head -n 1) || true
		if [ -z "$path" ]; then
			warn "stock module $m not found in $moddir"
			note "MISSING stock module $m"
			continue
		fi
		for dep in ${path%%:*} ${path#*:}; do
			mkdir -p "$stage/lib/modules/$release/$(dirname "$dep")"
			cp "$moddir/$dep" "$stage/lib/modules/$release/$dep"
		done
		note "stock module $m"
	done
}

add_busybox
add_driver
add_tools
add_guest_programs
add_glob "configs/$arch/*.cell" "$stage/etc/jailhouse" "$tree/configs/$arch/"*.cell
add_glob "hypervisor/*.bin" "$stage/lib/firmware" "$tree/hypervisor/"*.bin
# the driver's stub firmware (tests/stub-firmware), for the stub-entry scenarios
mkdir -p "$stage/lib/firmware/jailhouse-stub"
add_glob "tests/stub-firmware/build/$arch/*.bin" \
	"$stage/lib/firmware/jailhouse-stub" "$tree/tests/stub-firmware/build/$arch/"*.bin
# shellcheck disable=SC2046
add_glob "inmates/**/*.bin" "$stage/usr/libexec/jailhouse/inmates" \
	$(find "$tree/inmates" -name '*.bin' 2>/dev/null | sort)
add_stock_modules
for f in modules.order modules.builtin modules.builtin.modinfo; do
	[ -f "$moddir/$f" ] && cp "$moddir/$f" "$stage/lib/modules/$release/"
done
depmod -b "$stage" "$release"

mkdir -p "$(dirname "$out")"
(cd "$stage" && find . | LC_ALL=C sort | cpio -o -H newc -R 0:0 --quiet) |
	gzip -1 >"$out.tmp"
mv "$out.tmp" "$out"
