#@ timeout: 900
#@ drop: memmap=
# Booted WITHOUT memmap=: jailhouse enable must refuse with a message that
# tells the user to reserve the memory, change nothing, and the system
# must keep running.
. /lib/jailhouse/scenarios/no-reservation.sh

jh_expect_ok boot/no-memmap-on-cmdline sh -c '! grep -q memmap= /proc/cmdline'
jh_expect_ok boot/hypervisor-memory-is-ram \
	sh -c '! grep -q "^ *3a000000-3dffffff : Reserved" /proc/iomem'
no_reservation_all
jh_end
