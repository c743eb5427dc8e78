#@ timeout: 300
#@ drop: mem=
# Booted WITHOUT mem=: Linux owns all of RAM, including the hypervisor's
# place. jailhouse enable must refuse with a message that tells the user to
# reserve the memory, change nothing, and the system must keep running.
. /lib/jailhouse/scenarios/no-reservation.sh

jh_expect_ok boot/no-mem-on-cmdline sh -c '! grep -q "mem=" /proc/cmdline'
jh_expect_output boot/hypervisor-memory-is-ram '^ *40000000-7fffffff : System RAM' \
	cat /proc/iomem
no_reservation_all
jh_end
