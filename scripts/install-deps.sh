#!/bin/bash
# Install everything the build, the tests and the emulated machines need on a
# fresh Debian 12 machine: host packages (apt), the armhf foreign
# architecture, and the pinned Debian kernels (images, headers, modules) for
# amd64 and armhf, which ci/kernel.sh fetches into the cache
# ${JH_CACHE:-$HOME/.cache/jailhouse}. Idempotent; safe to run again.
#
#   scripts/install-deps.sh           everything (tests and demos, both arches)
#   scripts/install-deps.sh --no-fetch   host packages only
set -euo pipefail

PKGS=(
	build-essential make gcc libc6-dev bc bison flex libelf-dev libssl-dev kmod
	gcc-arm-linux-gnueabihf binutils-arm-linux-gnueabihf libc6-dev-armhf-cross
	clang llvm lld libclang-rt-14-dev
	bochs bochsbios vgabios isolinux syslinux-common xorriso
	qemu-system-arm qemu-system-x86
	busybox-static cpio xz-utils lz4 zstd device-tree-compiler
	ca-certificates wget rsync python3 perl file util-linux coreutils
	dpkg-dev strace
)

SUDO=
[ "$(id -u)" = 0 ] || SUDO=sudo

fetch=1
[ "${1:-}" = --no-fetch ] && fetch=0

# The Debian mirror sometimes answers "Mirror sync in progress" for one
# index (usually bookworm-security); retry, then go on with what we have:
# the install below tells whether the packages resolve anyway.
apt_update()
{
	local try

	for try in 1 2 3; do
		$SUDO apt-get update -qq && return 0
		echo "install-deps: apt-get update failed (try $try of 3)" >&2
		[ "$try" = 3 ] || sleep $((try * 10))
	done
	echo "install-deps: WARNING: continuing with partly updated indices" >&2
}

updated=0
# armhf packages (kernel image, headers, busybox) are downloaded, never
# installed; dpkg only has to know the architecture.
if ! dpkg --print-foreign-architectures | grep -qx armhf; then
	$SUDO dpkg --add-architecture armhf
	apt_update
	updated=1
fi

missing=()
for p in "${PKGS[@]}"; do
	dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed' ||
		missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
	echo "install-deps: installing ${missing[*]}"
	[ $updated = 1 ] || apt_update
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
		"${missing[@]}"
fi

if [ $fetch = 1 ]; then
	here=$(cd "$(dirname "$0")/.." && pwd)
	for arch in x86 arm; do
		"$here/ci/kernel.sh" headers $arch >/dev/null
	done
	"$here/ci/kernel.sh" source >/dev/null
	echo "install-deps: pinned kernels ready: $("$here/ci/kernel.sh" release x86)," \
		"$("$here/ci/kernel.sh" release arm)"
fi
