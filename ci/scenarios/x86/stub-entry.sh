#@ timeout: 900
# The driver's x86 entry (entry page tables + trampoline page) with the
# stub firmware, on the stock amd64 kernel in Bochs: each CPU must arrive
# on the entry page tables with Linux's CR3/RSP, a return label inside the
# trampoline page and a captured state that looks like Linux's (design.md,
# "x86 entry: register-level protocol"), and come back through the label.
STUB_CPU_OK=': Linux CR3 0x[0-9a-f]+ RSP 0xffff[0-9a-f]+, return label in trampoline, Linux state ok'
. /lib/jailhouse/scenarios/stub-entry.sh

stub_entry_all
jh_end
