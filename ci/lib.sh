# Common helpers for the ci/ scripts (sourced, never executed).
#
# Conventions: messages for people go to stderr, results (paths) to stdout,
# so that callers can use $(ci/kernel.sh headers x86).

JH_CACHE=${JH_CACHE:-$HOME/.cache/jailhouse}
JH_SRC=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
JH_BUILD=${JH_BUILD:-$JH_SRC/build}

info() { echo "$(basename "$0"): $*" >&2; }
warn() { echo "$(basename "$0"): WARNING: $*" >&2; }
die() { echo "$(basename "$0"): ERROR: $*" >&2; exit 1; }

# Run a command as root (directly when we are root, else through sudo).
as_root()
{
	if [ "$(id -u)" = 0 ]; then
		"$@"
	else
		sudo "$@"
	fi
}

# Map the project's arch names to Debian's.
deb_arch()
{
	case "$1" in
	x86|x86_64|amd64) echo amd64 ;;
	arm|armhf) echo armhf ;;
	*) die "unknown arch '$1' (use x86 or arm)" ;;
	esac
}

jh_arch()
{
	case "$1" in
	x86|x86_64|amd64) echo x86 ;;
	arm|armhf) echo arm ;;
	*) die "unknown arch '$1' (use x86 or arm)" ;;
	esac
}

# Append a PASS/FAIL result line, on stdout and into $JH_RESULTS.
report()
{
	echo "$*"
	if [ -n "${JH_RESULTS:-}" ]; then
		mkdir -p "$(dirname "$JH_RESULTS")"
		echo "$*" >>"$JH_RESULTS"
	fi
}
report_pass() { report "PASS: $1"; }
report_fail() { report "FAIL: $1 - $2"; }
