#@ timeout: 420
#@ cpus: 4
#@ console: vpci/cell-b-gets-doorbells IVSHMEM: got interrupt 0 \(#10\)
#@ console: vpci/rogue-own-output-allowed ROGUE: survived write-hv at 0x7cf0e000
# ivshmem v2 in the hypervisor on QEMU virt (4 CPUs, stock kernel), seen
# from the root cell at register level (raw ECAM and BAR accesses through
# /dev/mem, no Linux PCI driver involved) and between two non-root cells:
#  - the virtual host bridge at 0x08e00000 shows the device of the root
#    config (IDs, class, capabilities, shared memory address and sizes);
#    BAR0 follows the address the root programs; ID, peers, state table;
#  - ivshmem-demo in cell A (peer 1, CPU 2) and cell B (peer 2, CPU 3):
#    states reach the state table, both write their sections, A rings B
#    once a second for 12 s (B's console: host check above; A itself gets
#    at most 6 interrupts here, so interrupt #10 is B's), the root rings A and
#    changes its state (A's interrupts counted on the hypervisor console,
#    A prints through the debug-console hypercall);
#  - destroying a cell zeroes its state entry and notifies the others;
#  - isolation: a peer writing the state table or another peer's output
#    section fails (cell FAILED), its own output section is fine, Linux
#    keeps running; a failing peer's state drops to 0 and A is told.
. /lib/jailhouse/scenarios/hv-root.sh

ECAM=0x08e00000
BAR0=0x08f00000
LINK=0x7cf00000
STATE_TABLE=$LINK
RW=$((LINK + 0x1000))
OUT_A=$((LINK + 0xc000))
OUT_B=$((LINK + 0xe000))
INMATES=/usr/libexec/jailhouse/inmates
CELL_A=/etc/jailhouse/qemu-virt-ivshmem-demo.cell
CELL_B=/etc/jailhouse/qemu-virt-ivshmem-demo-b.cell

rd32() { printf '%u' "$(devmem "$1" 32)"; }
wr32() { devmem "$1" 32 "$2"; }
cfg32() { rd32 $((ECAM + $1)); }
hex() { printf '0x%x' "$1"; }

# vpci_expect <name> <actual> <expected>
vpci_expect()
{
	if [ "$(($2))" = "$(($3))" ]; then
		jh_pass "$1"
	else
		jh_fail "$1" "read $(hex "$2"), expected $(hex "$3")"
	fi
}

# vpci_wait <name> <secs> <address> <expected>: a 32-bit word reaches a value
vpci_wait()
{
	local name=$1 tries=$(($2 * 5)) addr=$3 want=$4 val

	while [ $tries -gt 0 ]; do
		val=$(rd32 "$addr")
		[ "$val" = "$((want))" ] && { jh_pass "$name"; return 0; }
		sleep 0.2
		tries=$((tries - 1))
	done
	jh_fail "$name" "$(hex "$addr") reads $(hex "$val"), expected $(hex "$want")"
	return 1
}

# vpci_grows <name> <address>: a counter in shared memory moves
vpci_grows()
{
	local before after

	before=$(rd32 "$2")
	sleep 2
	after=$(rd32 "$2")
	if [ "$after" -gt "$before" ]; then
		jh_pass "$1"
	else
		jh_fail "$1" "$(hex "$2") stayed at $before"
	fi
}

cell_a_irqs() { grep -c 'IVSHMEM: got interrupt' "$JH_SYSFS/console"; }

# vpci_a_irqs_grow <name> <before>: cell A reported more interrupts
vpci_a_irqs_grow()
{
	local tries=25 now

	while [ $tries -gt 0 ]; do
		now=$(cell_a_irqs)
		[ "$now" -gt "$2" ] && { jh_pass "$1"; return 0; }
		sleep 0.2
		tries=$((tries - 1))
	done
	jh_fail "$1" "cell A still reports $now interrupts"
}

cell_state() { cat "$JH_SYSFS/cells/$1/state" 2>/dev/null; }
cell_id() { jailhouse cell list | awk -v n="$1" '$2 == n { print $1 }'; }

vpci_root_device()
{
	vpci_expect vpci/ecam-ids "$(cfg32 0x00)" 0x4106110a
	vpci_expect vpci/ecam-class "$(cfg32 0x08)" 0xff000000
	vpci_expect vpci/ecam-status-caps "$(($(cfg32 0x04) >> 16 & 0x10))" 0x10
	vpci_expect vpci/ecam-intx-pin-a "$(($(cfg32 0x3c) >> 8 & 0xff))" 1
	vpci_expect vpci/ecam-vendor-cap "$(cfg32 0x40)" 0x00200009
	vpci_expect vpci/ecam-state-table-size "$(cfg32 0x44)" 0x1000
	vpci_expect vpci/ecam-rw-size "$(cfg32 0x48)" 0x9000
	vpci_expect vpci/ecam-output-size "$(cfg32 0x50)" 0x2000
	vpci_expect vpci/ecam-shmem-address "$(cfg32 0x58)" $LINK
	# slot 1: the root's second device (link 1, with cell B only)
	vpci_expect vpci/ecam-slot1-ids "$(cfg32 0x8000)" 0x4106110a
	vpci_expect vpci/ecam-slot1-intx-pin-b "$(($(cfg32 0x803c) >> 8 & 0xff))" 2
	vpci_expect vpci/ecam-slot1-shmem-address "$(cfg32 0x8058)" 0x7cf10000
	vpci_expect vpci/ecam-slot2-absent "$(cfg32 0x10000)" 0xffffffff

	wr32 $((ECAM + 0x10)) 0xffffffff
	vpci_expect vpci/bar0-size "$(cfg32 0x10)" 0xfffff000
	wr32 $((ECAM + 0x10)) $BAR0
	devmem $((ECAM + 0x04)) 16 0x0002
	vpci_expect vpci/reg-id "$(rd32 $BAR0)" 0
	vpci_expect vpci/reg-max-peers "$(rd32 $((BAR0 + 4)))" 3
	wr32 $((BAR0 + 0x10)) 0x1234
	vpci_expect vpci/root-state-in-table "$(rd32 $STATE_TABLE)" 0x1234
}

vpci_cells()
{
	local a b before b_started

	jh_expect_ok vpci/create-a jailhouse cell create "$CELL_A" || return 1
	jh_expect_ok vpci/create-b jailhouse cell create "$CELL_B" || return 1
	a=$(cell_id ivshmem-demo)
	b=$(cell_id ivshmem-demo-b)
	# A prints through the hypervisor console, B on the UART
	jh_expect_ok vpci/load-a jailhouse cell load ivshmem-demo \
		$INMATES/ivshmem-demo.bin -s "con-virtual=1" -a 0x1000
	jh_expect_ok vpci/load-b jailhouse cell load ivshmem-demo-b \
		$INMATES/ivshmem-demo.bin
	jh_expect_ok vpci/start-a jailhouse cell start ivshmem-demo
	vpci_wait vpci/cell-a-state 10 $((STATE_TABLE + 4)) 2
	jh_expect_ok vpci/start-b jailhouse cell start ivshmem-demo-b
	b_started=$(cut -d. -f1 /proc/uptime)
	vpci_wait vpci/cell-b-state 10 $((STATE_TABLE + 8)) 3
	vpci_grows vpci/cell-a-output-counts $OUT_A
	vpci_grows vpci/cell-b-rw-counts $((RW + 8))
	jh_wait_for vpci/cell-a-initialized 10 \
		grep -q 'IVSHMEM: initialized device' "$JH_SYSFS/console"

	# the root (peer 0) rings A, then changes its state: both interrupt A
	before=$(cell_a_irqs)
	wr32 $((BAR0 + 0x0c)) $((1 << 16))
	vpci_a_irqs_grow vpci/root-doorbell-reaches-a "$before"
	before=$(cell_a_irqs)
	wr32 $((BAR0 + 0x10)) 0x55
	vpci_a_irqs_grow vpci/root-state-change-reaches-a "$before"

	# B goes away (after 12 s of A's doorbells): its state entry drops to
	# 0, A hears about it
	while [ "$(cut -d. -f1 /proc/uptime)" -lt $((b_started + 12)) ]; do
		sleep 1
	done
	before=$(cell_a_irqs)
	jh_expect_ok vpci/destroy-b jailhouse cell destroy ivshmem-demo-b
	vpci_expect vpci/destroy-zeroes-state "$(rd32 $((STATE_TABLE + 8)))" 0
	vpci_a_irqs_grow vpci/destroy-notifies-a "$before"
	vpci_expect vpci/other-states-kept "$(rd32 $((STATE_TABLE + 4)))" 2
	[ -n "$a" ] && [ -n "$b" ] || jh_fail vpci/cell-ids "A '$a' B '$b'"
}

# vpci_rogue <name> <address> <expected state> [<ivshmem state>]: rogue
# inmate in cell B's config (optionally sets its ivshmem state first)
# writes a word of the link
vpci_rogue()
{
	local name=$1 addr=$2 want=$3 state=${4:-0} id

	jh_expect_ok "$name/create" jailhouse cell create "$CELL_B" || return 1
	id=$(cell_id ivshmem-demo-b)
	jh_expect_ok "$name/load" jailhouse cell load ivshmem-demo-b \
		$INMATES/rogue.bin \
		-s "action=write-hv addr=$addr ivshmem-state=$state" -a 0x1000
	jh_expect_ok "$name/start" jailhouse cell start ivshmem-demo-b
	jh_wait_file "$name/state" 10 "$JH_SYSFS/cells/$id/state" "$want"
	hv_workload "$name/linux-alive"
	jh_expect_ok "$name/destroy" jailhouse cell destroy ivshmem-demo-b
}

vpci_isolation()
{
	local table_before irqs_before

	table_before=$(rd32 $STATE_TABLE)
	irqs_before=$(cell_a_irqs)
	# B sets state 7, then faults: A hears both the 7 and the drop to 0
	vpci_rogue vpci/rogue-state-table $LINK failed 7
	vpci_expect vpci/state-table-unchanged "$(rd32 $STATE_TABLE)" \
		"$table_before"
	vpci_expect vpci/failed-cell-state-zeroed \
		"$(rd32 $((STATE_TABLE + 8)))" 0
	vpci_a_irqs_grow vpci/failed-cell-notifies-a $((irqs_before + 1))
	vpci_rogue vpci/rogue-other-output $((LINK + 0xc000)) failed
	vpci_rogue vpci/rogue-own-output $((LINK + 0xe000)) running
	vpci_expect vpci/cell-a-still-running-state \
		"$(rd32 $((STATE_TABLE + 4)))" 2
}

hv_load_driver || { jh_end; exit; }
hv_enable vpci/enable || { jh_end; exit; }
vpci_root_device
if vpci_cells; then
	vpci_isolation
	jh_expect_ok vpci/destroy-a jailhouse cell destroy ivshmem-demo
	vpci_expect vpci/destroy-a-zeroes-state \
		"$(rd32 $((STATE_TABLE + 4)))" 0
fi
vpci_expect vpci/root-device-still-there "$(rd32 $((BAR0 + 4)))" 3
hv_disable vpci/disable
jh_end
