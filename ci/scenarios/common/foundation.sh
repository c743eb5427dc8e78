# Foundation checks shared by x86 and arm (issue 2), sourced by
# ci/scenarios/<arch>/foundation.sh inside the guest: driver load, CLI,
# config checks, enable with corrupted configs (clear error, nothing
# changed), unload. Each block first requires the pieces it needs, so a
# missing piece is one FAIL naming it, not a cascade.

# Load the driver; sets JH_DRIVER_LOADED=1 on success.
foundation_load_driver()
{
	JH_DRIVER_LOADED=0
	jh_require driver/present "${JH_MODULE:-driver/jailhouse.ko}" || return 1
	jh_expect_ok driver/insmod insmod "$JH_MODULE" || return 1
	JH_DRIVER_LOADED=1
	jh_expect_exists driver/dev-node /dev/jailhouse
	jh_expect_file driver/sysfs-enabled-0 "$JH_SYSFS/enabled" 0
	if dmesg | grep -Eq 'jailhouse: (Unknown symbol|disagrees about version)'; then
		jh_fail driver/symbols-resolved "the module loader reported unresolved symbols"
	else
		jh_pass driver/symbols-resolved
	fi
}

foundation_cli()
{
	jh_require tools/present /usr/sbin/jailhouse || return 1
	jh_expect_output tools/version '[0-9]+\.[0-9]+' jailhouse --version
	jh_expect_exit tools/usage-error-exit-2 2 jailhouse no-such-verb
}

# jailhouse config check on every system config, and on each cell config
# together with the system config it belongs to.
foundation_config_check()
{
	local sys cell nsys ncell

	nsys=$(jh_configs system | wc -l)
	ncell=$(jh_configs cell | wc -l)
	if [ "$nsys" = 0 ]; then
		jh_fail configs/present "no system config (JHSYS) in $JH_CELLS"
	elif [ "$ncell" = 0 ]; then
		jh_fail configs/present "no cell config (JHCLL) in $JH_CELLS"
	else
		jh_pass configs/present
	fi
	if [ -n "$(jh_configs unknown)" ]; then
		jh_fail configs/all-valid-signature \
			"not configs: $(jh_configs unknown | tr '\n' ' ')"
	fi
	jh_require tools/present /usr/sbin/jailhouse || return 1
	for sys in $(jh_configs system); do
		jh_expect_ok "config-check/$(basename "$sys" .cell)" \
			jailhouse config check "$sys"
	done
	for cell in $(jh_configs cell); do
		sys=$(jh_system_for "$cell")
		if [ -z "$sys" ]; then
			jh_fail "config-check/$(basename "$cell" .cell)" \
				"no system config to check it against"
			continue
		fi
		jh_expect_ok "config-check/$(basename "$cell" .cell)" \
			jailhouse config check "$sys" "$cell"
	done
}

# foundation_need_system <check-name>: the tool and the machine's system
# config are there (in $JH_SYS), or one FAIL saying which is missing.
foundation_need_system()
{
	[ "$JH_DRIVER_LOADED" = 1 ] || return 1
	jh_require tools/present /usr/sbin/jailhouse || return 1
	JH_SYS=$(jh_system_config)
	[ -n "$JH_SYS" ] && return 0
	jh_fail "$1" "no system config for this machine in $JH_CELLS"
	return 1
}

# jailhouse enable with each kind of corrupted system config: non-zero
# exit, a message naming the defect, still disabled, nothing changed.
foundation_enable_corrupted()
{
	local kind regex cell

	foundation_need_system enable-corrupt/system-config || return 1
	jh_snapshot /tmp/jh-before
	for kind in signature revision arch truncated; do
		case $kind in
		signature) regex='signature|not a (jailhouse )?(system )?config' ;;
		revision) regex='revision' ;;
		arch) regex='arch' ;;
		truncated) regex='truncat|too (short|small)|size|end of (file|image)' ;;
		esac
		jh_corrupt "$JH_SYS" "/tmp/bad-$kind.cell" $kind
		jh_expect_fail "enable-corrupt/$kind" "$regex" \
			jailhouse enable "/tmp/bad-$kind.cell"
		jh_expect_file "enable-corrupt/$kind/still-disabled" \
			"$JH_SYSFS/enabled" 0
		jh_expect_unchanged "enable-corrupt/$kind/nothing-changed" \
			/tmp/jh-before
	done
	cell=$(jh_configs cell | head -n 1)
	if [ -n "$cell" ]; then
		jh_expect_fail enable-corrupt/cell-config-as-system 'system' \
			jailhouse enable "$cell"
		jh_expect_unchanged enable-corrupt/cell-config-as-system/nothing-changed \
			/tmp/jh-before
	fi
}

foundation_unload_driver()
{
	[ "$JH_DRIVER_LOADED" = 1 ] || return 1
	jh_expect_ok driver/rmmod rmmod jailhouse || return 1
	if [ -e /dev/jailhouse ] || [ -e "$JH_SYSFS" ] ||
	   grep -q '^jailhouse ' /proc/modules; then
		jh_fail driver/rmmod-cleans-up "/dev/jailhouse, $JH_SYSFS or the module remain"
	else
		jh_pass driver/rmmod-cleans-up
	fi
	jh_expect_ok driver/reload insmod "$JH_MODULE" &&
		jh_expect_ok driver/rmmod-again rmmod jailhouse
}

foundation_all()
{
	foundation_load_driver
	foundation_cli
	foundation_config_check
	foundation_enable_corrupted
	foundation_unload_driver
}
