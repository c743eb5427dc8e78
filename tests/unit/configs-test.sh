#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The configs of configs/<arch>/ checked the way users check them: each
# system config with its cells, "jailhouse config check --separately
# SYSTEM CELLS...". A cell belongs to the systems whose name prefix it
# shares (qemu-virt-root.cell -> qemu-virt-*.cell); a cell with no
# system's prefix (x86 demos) belongs to every system of its arch.
#
#   configs-test.sh TOOL SRCTREE
set -u
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"

tool=$1 srctree=$2

is_system() { [ "$(head -c 5 "$1")" = JHSYS ]; }

for arch in x86 arm; do
	dir=$srctree/configs/$arch
	ls "$dir"/*.c >/dev/null 2>&1 || continue
	systems=() cells=()
	for f in "$dir"/*.cell; do
		[ -f "$f" ] || continue
		if is_system "$f"; then systems+=("$f"); else cells+=("$f"); fi
	done
	if [ ${#systems[@]} = 0 ]; then
		result FAIL "configs_${arch}_built" "no system .cell built in $dir"
		continue
	fi
	for sys in "${systems[@]}"; do
		name=$(basename "$sys" .cell)
		prefix=${name%-root}
		[ "$prefix" = "$name" ] && prefix=${name%%-*}
		mine=()
		for cell in "${cells[@]}"; do
			base=$(basename "$cell")
			owner=""
			for other in "${systems[@]}"; do
				o=$(basename "$other" .cell)
				o=${o%-root}
				case $base in "$o"-*) owner=$o ;; esac
			done
			if [ -z "$owner" ] || [ "$owner" = "$prefix" ]; then
				mine+=("$cell")
			fi
		done
		out=$("$tool" config check --separately "$sys" "${mine[@]}" 2>&1)
		rc=$?
		if [ $rc = 0 ]; then
			result OK "configs_${arch}_${name}_passes_config_check"
			echo "  ($(echo "$out" | tail -n 1): $(basename "$sys")${mine:+ + ${#mine[@]} cells})"
		else
			result FAIL "configs_${arch}_${name}_passes_config_check" \
				"$(echo "$out" | grep -m 3 error | tr '\n' ' ')"
		fi
	done
done
[ "$FAILED" = 0 ]
