#!/bin/bash
# make demo ARCH=x86|arm: boot the emulated machine and run the demo
# scenario (ci/demos/<arch>/demo.sh) with the guest console shown live.
# Extra arguments go to ci/run-scenario.sh (e.g. --cpus 4).
set -euo pipefail
. "$(dirname "$0")/lib.sh"

[ $# -ge 1 ] || { echo "usage: $0 <x86|arm> [run-scenario options]" >&2; exit 2; }
arch=$(jh_arch "$1")
shift
# A demo is not a test: keep its checks out of the test results.
unset JH_RESULTS
case $arch in
x86) info "booting Bochs with the stock Debian kernel: the demo starts after 3-5 minutes" ;;
arm) info "booting QEMU virt with the stock Debian kernel: about 10 seconds" ;;
esac
exec "$JH_SRC/ci/run-scenario.sh" "$arch" "$JH_SRC/ci/demos/$arch/demo.sh" \
	--live --name "demo/$arch" "$@"
