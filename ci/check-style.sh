#!/bin/bash
# Kernel coding style check of our C sources and headers with the kernel's
# own checkpatch.pl, taken from Debian's linux-source-6.1 of the pinned
# version (scripts/checkpatch.pl, spelling.txt, const_structs.checkpatch,
# extracted once into the cache).
#
#   ci/check-style.sh [file...]      default: every *.c/*.h git knows
#
# One line per file: "PASS: style/<path>" or "FAIL: style/<path> - N
# errors, N warnings, N checks" (also into $JH_RESULTS), followed by the
# findings. Exit code non-zero if any file failed.
#
# checkpatch runs with --strict (CHECK-level findings count too). Ignored
# everywhere, because our code legitimately differs from in-kernel code:
#   PREFER_PACKED, PREFER_ALIGNED, PREFER_DEFINED_ATTRIBUTE_MACRO
#       the ABI headers and configs are also compiled outside the kernel
#       (hypervisor, tools, tests, inmates), where __packed does not exist
#   NEW_TYPEDEFS  include/jailhouse/types.h defines the __u8.. types for
#       code built outside the kernel
#   BIT_MACRO     BIT() is a kernel macro, not available to that code either
#   CAMELCASE     fires on C11's _Static_assert (our ABI size asserts) and on
#       register names spelled as in the Intel/ARM manuals
#   FILE_PATH_CHANGES, SPDX_LICENSE_TAG on configs/*/*.c: configs are data
#       that users copy and edit; they carry no licence boilerplate
# Ignored in include/ (the shared ABI, fixed by compatibility):
#   VOLATILE      comm-region fields are written by another cell/the
#       hypervisor at any time; volatile is the documented contract there
#   COMPLEX_MACRO, MACRO_ARG_REUSE in include/jailhouse/cell-config.h: its
#       helper macros must expand to initializer lists that configs use
# Ignored in hypervisor/ (freestanding, not kernel code):
#   PRINTK_WITHOUT_KERN_LEVEL  the hypervisor's own printk has no levels
#   VOLATILE  device registers and state shared with other CPUs/cells
#   ENOSYS    the hypercall ABI answers unknown codes with -ENOSYS
# Ignored in inmates/ (bare-metal programs, no kernel underneath):
#   PRINTK_WITHOUT_KERN_LEVEL  the inmate printk has no log levels; demo
#       output lines are matched verbatim by existing scripts
#   VOLATILE  there is no readl/writel: MMIO and memory another cell or the
#       hypervisor writes are accessed through volatile pointers
# Ignored in user-space code (tools/, tests/, inmates/tests/host/), which
# uses the C library:
#   PREFER_KERNEL_TYPES (uint8_t is right there), SSCANF_TO_KSTRTO,
#   PREFER_PR_LEVEL / PRINTK_WITHOUT_KERN_LEVEL
set -uo pipefail
. "$(dirname "$0")/lib.sh"

COMMON_IGNORE=PREFER_PACKED,PREFER_ALIGNED,PREFER_DEFINED_ATTRIBUTE_MACRO,NEW_TYPEDEFS,FILE_PATH_CHANGES,BIT_MACRO,CAMELCASE
USER_IGNORE=PREFER_KERNEL_TYPES,SSCANF_TO_KSTRTO,PREFER_PR_LEVEL,PRINTK_WITHOUT_KERN_LEVEL
CONFIG_IGNORE=SPDX_LICENSE_TAG
HV_IGNORE=PRINTK_WITHOUT_KERN_LEVEL,VOLATILE,ENOSYS

# checkpatch.pl and its data files, next to each other as it expects.
checkpatch()
{
	local dir=$JH_CACHE/checkpatch tarball

	if [ ! -x "$dir/checkpatch.pl" ]; then
		tarball=$("$JH_SRC/ci/kernel.sh" source) || die "cannot fetch linux-source-6.1"
		info "extracting checkpatch.pl from $(basename "$tarball")"
		rm -rf "$dir.tmp.$$"
		mkdir -p "$dir.tmp.$$"
		tar -xJf "$tarball" -C "$dir.tmp.$$" --strip-components=2 \
			linux-source-6.1/scripts/checkpatch.pl \
			linux-source-6.1/scripts/spelling.txt \
			linux-source-6.1/scripts/const_structs.checkpatch ||
			die "checkpatch files not found in $tarball"
		rm -rf "$dir"
		mv "$dir.tmp.$$" "$dir"
	fi
	echo "$dir/checkpatch.pl"
}

ignores_for()
{
	case "$1" in
	tools/*|tests/*|inmates/tests/host/*)
		echo "$COMMON_IGNORE,$USER_IGNORE" ;;
	inmates/*) echo "$COMMON_IGNORE,PRINTK_WITHOUT_KERN_LEVEL,VOLATILE" ;;
	configs/*.c) echo "$COMMON_IGNORE,$CONFIG_IGNORE" ;;
	include/jailhouse/cell-config.h)
		echo "$COMMON_IGNORE,VOLATILE,COMPLEX_MACRO,MACRO_ARG_REUSE" ;;
	include/*) echo "$COMMON_IGNORE,VOLATILE" ;;
	hypervisor/*) echo "$COMMON_IGNORE,$HV_IGNORE" ;;
	*) echo "$COMMON_IGNORE" ;;
	esac
}

cp=$(checkpatch)
cd "$JH_SRC"
if [ $# -gt 0 ]; then
	files=("$@")
else
	mapfile -t files < <(git ls-files -co --exclude-standard -- '*.c' '*.h' |
			     grep -v '^build/' | sort)
fi
if [ ${#files[@]} = 0 ]; then
	report_fail style/files "no C sources found"
	exit 1
fi

# One checkpatch per file, two at a time (it is slow: ~0.6 s a file);
# results are printed in file order afterwards.
outdir=$(mktemp -d)
trap 'rm -rf "$outdir"' EXIT
for f in "${files[@]}"; do
	printf '%s\0%s\0' "$f" "$(ignores_for "$f")"
done | xargs -0 -n 2 -P 2 sh -c \
	'perl "$0" --no-tree --strict --terse --show-types --no-summary \
		--ignore "$3" -f "$2" >"$1/$(echo "$2" | tr / %)" 2>&1' \
	"$cp" "$outdir" 2>/dev/null || true
# checkpatch leaves a CamelCase cache in the current directory of a git tree
rm -f "$JH_SRC"/.checkpatch-camelcase.*
nfail=0
for f in "${files[@]}"; do
	out=$outdir/$(echo "$f" | tr / %)
	if [ ! -e "$out" ]; then
		report_fail "style/$f" "checkpatch did not run"
		nfail=$((nfail + 1))
	elif [ -s "$out" ]; then
		counts="$(grep -c ': ERROR:' "$out") errors, $(grep -c ': WARNING:' "$out") warnings, $(grep -c ': CHECK:' "$out") checks"
		report_fail "style/$f" "$counts"
		sed 's/^/    /' "$out"
		nfail=$((nfail + 1))
	else
		report_pass "style/$f"
	fi
done
[ $nfail = 0 ]
