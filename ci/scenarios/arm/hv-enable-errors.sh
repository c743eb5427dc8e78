#@ timeout: 300
# Issue 4: a config the hypervisor itself must refuse (the shared validator
# accepts it): hypervisor memory that the ARM boot mapping cannot cover.
# Every CPU returns the error before its MMU is on, the console ring
# explains it, nothing changed, and a correct enable works afterwards.
. /lib/jailhouse/scenarios/hv-root.sh

# hv_set_bytes <file> <offset> <value> <bytes>: little-endian field
hv_set_bytes()
{
	local i=0 esc=""

	while [ $i -lt "$4" ]; do
		esc="$esc$(printf '\\%03o' $((($3 >> (i * 8)) & 255)))"
		i=$((i + 1))
	done
	jh_poke "$1" "$2" "$esc"
}

hv_load_driver || jh_end
JH_SYS=$(jh_system_config)
jh_require system-config "$JH_SYS" || jh_end
jh_snapshot /tmp/jh-before

# hypervisor_memory (@12: phys_start, @28: size) 1 MiB aligned
cp "$JH_SYS" /tmp/misaligned.cell
hv_set_bytes /tmp/misaligned.cell 12 $((0x7c100000)) 4
hv_set_bytes /tmp/misaligned.cell 28 $((0x500000)) 4
jh_expect_ok misaligned/config-check jailhouse config check /tmp/misaligned.cell
jh_expect_fail misaligned/enable-refused 'invalid|error' \
	jailhouse enable /tmp/misaligned.cell
jh_expect_output misaligned/console-explains '2 MiB aligned' \
	cat "$JH_SYSFS/console"
jh_expect_file misaligned/still-disabled "$JH_SYSFS/enabled" 0
jh_expect_unchanged misaligned/nothing-changed /tmp/jh-before

hv_enable good-enable-after-errors
hv_workload good-enable-after-errors/workload
hv_disable good-disable
jh_end
