#!/bin/bash
# Pinned Debian 12 kernels for the driver build and the emulated machines.
#
#   ci/kernel.sh headers <x86|arm>   kernel build tree (KDIR) for that arch
#   ci/kernel.sh image   <x86|arm>   vmlinuz
#   ci/kernel.sh modules <x86|arm>   /lib/modules/<release> tree of the image
#   ci/kernel.sh release <x86|arm>   kernel release string (uname -r)
#   ci/kernel.sh busybox <x86|arm>   statically linked busybox for the guest
#   ci/kernel.sh source              linux-source-6.1 tarball (same version)
#
# Everything is fetched with `apt-get download` and unpacked with
# `dpkg-deb -x` into ${JH_CACHE:-$HOME/.cache/jailhouse}/kernel/<version>/
# on first use; nothing is installed into the host system. Each arch gets
# its own tree holding the image, its headers, the -common headers and the
# amd64 linux-kbuild-6.1 host tools, so the headers' relative symlinks
# (scripts/, tools/) resolve inside the cache.
#
# The pin below is what CI proves. When Debian has removed it from the
# mirror, the newest 6.1.0-N that exists for BOTH amd64 and armhf is taken
# instead, with a warning; the choice is remembered in the cache.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

PIN_ABI=6.1.0-50
PIN_VER=6.1.176-1

KCACHE=$JH_CACHE/kernel

usage()
{
	sed -n '2,9s/^# \{0,1\}//p' "$0" >&2
	exit 2
}

flavour()
{
	case "$1" in
	amd64) echo amd64 ;;
	armhf) echo armmp-lpae ;;
	esac
}

# Versions of a package (name[:arch]) the apt indices know, one per line.
versions_of()
{
	apt-cache madison "$1" 2>/dev/null |
		awk -F'|' '{ gsub(/ /, "", $2); print $2 }'
}

has_version()
{
	versions_of "$1" | grep -qxF "$2"
}

# "name[:arch]=version" for every package one arch needs.
packages_for()
{
	local darch=$1 abi=$2 ver=$3

	case "$darch" in
	amd64)
		echo "linux-image-$abi-amd64-unsigned=$ver"
		echo "linux-headers-$abi-amd64=$ver"
		;;
	armhf)
		echo "linux-image-$abi-armmp-lpae:armhf=$ver"
		echo "linux-headers-$abi-armmp-lpae:armhf=$ver"
		echo "busybox-static:armhf"
		;;
	esac
	echo "linux-headers-$abi-common=$ver"
	echo "linux-kbuild-6.1:amd64=$ver"
}

# True when every package both arches need exists in version $2.
version_complete()
{
	local abi=$1 ver=$2 spec

	for spec in $(packages_for amd64 "$abi" "$ver") \
		    $(packages_for armhf "$abi" "$ver"); do
		case "$spec" in
		*=*) has_version "${spec%=*}" "${spec#*=}" || return 1 ;;
		*) [ -n "$(versions_of "$spec")" ] || return 1 ;;
		esac
	done
}

# apt-get update, retried: the mirror answers "Mirror sync in progress"
# now and then. A failure is tolerated; the caller checks whether the
# packages resolve anyway.
apt_update()
{
	local try out

	for try in 1 2 3; do
		if out=$(as_root apt-get update 2>&1); then
			return 0
		fi
		warn "apt-get update failed (try $try of 3):"
		echo "$out" | grep -E '^(E|W|Err):' | head -5 >&2 || true
		[ "$try" = 3 ] || sleep $((try * 10))
	done
	warn "continuing with the package indices that did update"
	return 0
}

ensure_armhf_arch()
{
	if ! dpkg --print-foreign-architectures | grep -qx armhf; then
		info "adding the armhf architecture to dpkg"
		as_root dpkg --add-architecture armhf
		return 1
	fi
}

# Newest 6.1.0-N with every package present for both arches.
newest_common_version()
{
	local n abi ver

	for n in $(apt-cache pkgnames linux-image-6.1.0- |
		   sed -n 's/^linux-image-6\.1\.0-\([0-9]*\)-armmp-lpae$/\1/p' |
		   sort -rn -u); do
		abi=6.1.0-$n
		for ver in $(versions_of "linux-image-$abi-armmp-lpae:armhf" |
			     sort -rV); do
			if version_complete "$abi" "$ver"; then
				echo "$abi $ver"
				return 0
			fi
		done
	done
	return 1
}

# Decide ABI and VER: the pin when it is (or can be made) available, else
# the newest version common to both arches. Sets the globals ABI and VER.
select_version()
{
	local updated=0 sel

	if [ -f "$KCACHE/selected" ]; then
		read -r ABI VER <"$KCACHE/selected"
		return 0
	fi
	ensure_armhf_arch || { apt_update; updated=1; }
	if ! version_complete "$PIN_ABI" "$PIN_VER" && [ $updated = 0 ]; then
		apt_update
	fi
	if version_complete "$PIN_ABI" "$PIN_VER"; then
		ABI=$PIN_ABI VER=$PIN_VER
	else
		sel=$(newest_common_version) ||
			die "no Debian 6.1 kernel is available for both amd64 and armhf (apt indices broken?)"
		read -r ABI VER <<<"$sel"
		warn "*****************************************************************"
		warn "pinned kernel $PIN_ABI ($PIN_VER) is gone from the mirror;"
		warn "using $ABI ($VER) instead. Results may differ from CI's."
		warn "*****************************************************************"
	fi
	mkdir -p "$KCACHE"
	echo "$ABI $VER" >"$KCACHE/selected"
}

# Download (once) the .deb for one "name[:arch][=version]" into $1.
download()
{
	local dir=$1 spec=$2 name arch file
	local -a opts=()

	name=${spec%%[:=]*}
	arch=amd64
	case "$spec" in *:armhf*) arch=armhf ;; esac
	case "$name" in linux-headers-*-common|linux-source-*) arch=all ;; esac
	for file in "$dir/${name}_"*"_$arch.deb"; do
		[ -f "$file" ] && { echo "$file"; return 0; }
	done
	[ "$(id -u)" = 0 ] && opts=(-o APT::Sandbox::User=root)
	info "downloading $spec"
	(cd "$dir" && apt-get download -q "${opts[@]}" "$spec" >&2) ||
		die "apt-get download $spec failed"
	for file in "$dir/${name}_"*"_$arch.deb"; do
		[ -f "$file" ] && { echo "$file"; return 0; }
	done
	die "downloaded $spec but cannot find its .deb in $dir"
}

# The headers' Makefiles include the -common tree by absolute path
# (/usr/src/...); point them at the copy inside the cache. $1 is where the
# packages were unpacked, $2 where that tree will finally live.
repoint_makefiles()
{
	local tree=$1 root=$2 mk

	for mk in "$tree"/usr/src/linux-headers-*/Makefile; do
		case "$mk" in *-common/Makefile) continue ;; esac
		sed -i "s|^include /usr/src/|include $root/usr/src/|" "$mk"
	done
}

fetch_arch()
{
	local darch=$1 root=$KCACHE/$VER/$darch debs=$JH_CACHE/debs/$VER
	local spec deb tmp

	mkdir -p "$debs"
	tmp=$root.tmp.$$
	rm -rf "$tmp"
	mkdir -p "$tmp"
	for spec in $(packages_for "$darch" "$ABI" "$VER"); do
		deb=$(download "$debs" "$spec")
		dpkg-deb -x "$deb" "$tmp"
	done
	repoint_makefiles "$tmp" "$root"
	# The packages carry no modules.dep (made at install time): make it
	# now so the initramfs builder can resolve module dependencies.
	depmod -b "$tmp" "$ABI-$(flavour "$darch")"
	rm -rf "$root"
	mv "$tmp" "$root"
	touch "$root/.complete"
	info "kernel $ABI ($VER) for $darch ready in $root"
}

fetch_source()
{
	local root=$KCACHE/$VER/source debs=$JH_CACHE/debs/$VER deb

	mkdir -p "$debs"
	deb=$(download "$debs" "linux-source-6.1=$VER")
	rm -rf "$root.tmp.$$"
	dpkg-deb -x "$deb" "$root.tmp.$$"
	rm -rf "$root"
	mv "$root.tmp.$$" "$root"
	touch "$root/.complete"
}

# Make sure the tree for $1 (amd64|armhf|source) exists; serialised with a
# lock so parallel x86 and arm runs do not fetch the same files twice.
ensure()
{
	local what=$1

	if [ -f "$KCACHE/selected" ]; then
		read -r ABI VER <"$KCACHE/selected"
		[ -f "$KCACHE/$VER/$what/.complete" ] && return 0
	fi
	mkdir -p "$KCACHE"
	exec 9>"$KCACHE/.lock"
	flock 9
	select_version
	if [ ! -f "$KCACHE/$VER/$what/.complete" ]; then
		case "$what" in
		source) fetch_source ;;
		*) fetch_arch "$what" ;;
		esac
	fi
	flock -u 9
}

[ $# -ge 1 ] || usage
cmd=$1
if [ "$cmd" = source ]; then
	ensure source
	echo "$KCACHE/$VER/source/usr/src/linux-source-6.1.tar.xz"
	exit 0
fi
[ $# -eq 2 ] || usage
darch=$(deb_arch "$2")
ensure "$darch"
root=$KCACHE/$VER/$darch
release=$ABI-$(flavour "$darch")

case "$cmd" in
headers) echo "$root/usr/src/linux-headers-$release" ;;
image) echo "$root/boot/vmlinuz-$release" ;;
modules) echo "$root/lib/modules/$release" ;;
release) echo "$release" ;;
busybox)
	if [ "$darch" = amd64 ]; then
		command -v busybox >/dev/null ||
			die "busybox not found: run scripts/install-deps.sh"
		bb=$(command -v busybox)
		file -L "$bb" 2>/dev/null | grep -q 'statically linked' ||
			warn "$bb is not statically linked (install busybox-static)"
		echo "$bb"
	else
		echo "$root/bin/busybox"
	fi
	;;
*) usage ;;
esac
