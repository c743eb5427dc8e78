#!/bin/bash
# Install every host package the build, the tests and the emulated machines need
# on a fresh Debian 12 machine. Idempotent; safe to run again.
set -euo pipefail

PKGS=(
	build-essential make gcc libc6-dev bc bison flex libelf-dev libssl-dev kmod
	gcc-arm-linux-gnueabihf binutils-arm-linux-gnueabihf libc6-dev-armhf-cross
	clang llvm lld libclang-rt-14-dev
	bochs bochsbios vgabios isolinux syslinux-common xorriso
	qemu-system-arm qemu-system-x86
	busybox-static cpio xz-utils lz4 zstd device-tree-compiler
	ca-certificates wget rsync python3
)

SUDO=
[ "$(id -u)" = 0 ] || SUDO=sudo

missing=()
for p in "${PKGS[@]}"; do
	dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed' ||
		missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
	echo "install-deps: installing ${missing[*]}"
	$SUDO apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
		"${missing[@]}"
fi
