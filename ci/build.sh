#!/bin/bash
# Build whatever exists of the product for one arch, in a private copy of
# the source tree, so that x86 and arm builds (and the developer's own
# in-tree `make`) never overwrite each other's objects.
#
#   ci/build.sh <x86|arm> [part...]     default parts: hypervisor driver
#                                       tools configs inmates tests/guest
#
# The copy lives in build/<arch>/tree (only files git knows or would add;
# files deleted from the source disappear from the copy too). Prints the
# tree's path on stdout. Each part's result goes to build/<arch>/status
# ("<part> ok|failed|absent") and its output to build/<arch>/build-<part>.log.
# Exit code: 0 if no part failed (absent parts are not failures here; the
# scenarios needing them fail instead).
#
# KDIR and (for arm) CROSS_COMPILE from the environment are passed on. JH_VARIANT=v
# builds into build/<arch>-v/ instead (the custom-kernel mode uses it, so
# that modules for two kernels never mix).
set -euo pipefail
. "$(dirname "$0")/lib.sh"

[ $# -ge 1 ] || { echo "usage: $0 <x86|arm> [part...]" >&2; exit 2; }
arch=$(jh_arch "$1")
shift
parts=("$@")
[ ${#parts[@]} -gt 0 ] || parts=(hypervisor driver tools configs inmates tests/guest)

out=$JH_BUILD/$arch${JH_VARIANT:+-$JH_VARIANT}
tree=$out/tree
mkdir -p "$tree"

# One build per arch at a time (parallel scenario runs share the tree).
exec 8>"$out/.lock"
flock 8

# Mirror the source files into the private tree; rsync keeps mtimes, so
# make rebuilds only what changed.
sync_tree()
{
	local list=$out/manifest

	if git -C "$JH_SRC" rev-parse --git-dir >/dev/null 2>&1; then
		git -C "$JH_SRC" ls-files -co --exclude-standard |
			grep -vE '(^|/)build/' | sort >"$list.new"
	else
		(cd "$JH_SRC" && find . -path ./build -prune -o -type f -print |
			sed 's|^\./||' | sort) >"$list.new"
	fi
	if [ -f "$list" ]; then
		comm -23 "$list" "$list.new" | while read -r gone; do
			rm -f "$tree/$gone"
		done
	fi
	rsync -a --files-from="$list.new" "$JH_SRC/" "$tree/"
	mv "$list.new" "$list"
}

sync_tree
: >"$out/status"
failed=()
# Always pass CROSS_COMPILE: under `make test` the top-level Makefile
# exports it empty (ARCH=x86), which would make an arm build use gcc.
case $arch in
arm) cross=${CROSS_COMPILE:-arm-linux-gnueabihf-} ;;
x86) cross= ;;
esac
makeargs=(ARCH="$arch" CROSS_COMPILE="$cross")
[ -n "${KDIR:-}" ] && makeargs+=(KDIR="$KDIR")
for part in "${parts[@]}"; do
	log=$out/build-${part//\//-}.log
	if [ ! -f "$tree/$part/Makefile" ] && [ ! -f "$tree/$part/Kbuild" ]; then
		echo "$part absent" >>"$out/status"
		echo "($part/Makefile does not exist yet)" >"$log"
		continue
	fi
	# parts below the top level (tests/guest) have no top-level target
	target=("$part")
	[ "${part#*/}" = "$part" ] || target=(-C "$part")
	if nice -n 10 make -C "$tree" -j2 "${makeargs[@]}" "${target[@]}" >"$log" 2>&1; then
		echo "$part ok" >>"$out/status"
	else
		echo "$part failed" >>"$out/status"
		failed+=("$part")
		info "$arch: building $part failed; last lines of $log:"
		tail -n 15 "$log" >&2
	fi
done
flock -u 8
echo "$tree"
[ ${#failed[@]} = 0 ]
