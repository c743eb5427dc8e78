#!/bin/bash
# Optional small custom x86 kernel for quick iteration (JH_KERNEL=custom):
# built from Debian's linux-source-6.1 of the pinned version with
# ci/custom-kernel/x86.config merged onto tinyconfig (LZ4, only what the
# emulated machine and our product need). CI always uses the stock kernel.
#
#   ci/custom-kernel.sh image|headers|modules|release x86
#
# Built once (about 10 minutes on 2 busy cores) into
# ${JH_CACHE:-~/.cache/jailhouse}/custom/<version>-<config hash>/; a changed
# config fragment makes a new build.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

[ $# = 2 ] || { sed -n '2,12s/^# \{0,1\}//p' "$0" >&2; exit 2; }
cmd=$1
arch=$(jh_arch "$2")
[ "$arch" = x86 ] ||
	die "the custom kernel exists for x86 only (the stock ARM kernel boots in seconds)"

fragment=$JH_SRC/ci/custom-kernel/x86.config
tarball=$("$JH_SRC/ci/kernel.sh" source)
ver=$(basename "$(dirname "$(dirname "$(dirname "$(dirname "$tarball")")")")")
hash=$(sha256sum "$fragment" | cut -c1-12)
dir=$JH_CACHE/custom/$ver-$hash
src=$dir/linux

build()
{
	local opt

	info "building the custom x86 kernel in $src (once)"
	rm -rf "$dir"
	mkdir -p "$src"
	tar -xJf "$tarball" -C "$src" --strip-components=1
	nice -n 10 make -C "$src" -s tinyconfig >/dev/null
	(cd "$src" && scripts/kconfig/merge_config.sh -m .config "$fragment" >/dev/null)
	nice -n 10 make -C "$src" -s olddefconfig >/dev/null
	for opt in KERNEL_LZ4 SMP SERIAL_8250_CONSOLE ACPI MODULES FW_LOADER; do
		grep -q "^CONFIG_$opt=y" "$src/.config" ||
			die "CONFIG_$opt did not survive olddefconfig"
	done
	nice -n 10 make -C "$src" -j2 -s bzImage modules >"$dir/build.log" 2>&1 ||
		{ tail -n 30 "$dir/build.log" >&2; die "custom kernel build failed"; }
	make -C "$src" -s modules_install INSTALL_MOD_PATH="$dir/root" >/dev/null
	touch "$dir/.complete"
}

mkdir -p "$JH_CACHE/custom"
exec 9>"$JH_CACHE/custom/.lock"
flock 9
[ -f "$dir/.complete" ] || build
flock -u 9
release=$(make -C "$src" -s kernelrelease)

case "$cmd" in
image) echo "$src/arch/x86/boot/bzImage" ;;
headers) echo "$src" ;;
modules) echo "$dir/root/lib/modules/$release" ;;
release) echo "$release" ;;
*) die "unknown command $cmd" ;;
esac
