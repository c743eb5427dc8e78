#!/bin/sh
# Print the platform facts a root cell config is written from, between
# "=== BEGIN <what> ===" / "=== END <what> ===" markers, for
# configs/facts/decode-facts.py to turn into tables.
#
# Run it as root on the target Linux (any board), or in an emulated
# machine as a scenario of the CI runner, e.g.
#   JH_GUEST_MODULES="ata_piix sr_mod i2c-piix4 floppy parport_pc uhci-hcd" \
#       ci/run-scenario.sh x86 configs/facts/collect-facts.sh
# (the log ends up in build/logs/latest-x86/serial.txt).
#
# First every module the kernel offers for the devices present is loaded,
# so that /proc/ioports and /proc/iomem show what a fully set-up Linux
# claims. Then a short runtime phase touches the usual devices; when the
# machine is QEMU with "-trace memory_region_ops_*", a write of 0x55 to
# I/O port 0x5fe marks where boot ends and runtime begins in the trace.
#
#@ timeout: 1500
#@ cpus: 2

PATH=/sbin:/bin:/usr/sbin:/usr/bin
export PATH

begin() { echo "=== BEGIN $1 ==="; }
end() { echo "=== END $1 ==="; }
dump() { begin "$1"; cat "$1" 2>&1; end "$1"; }
hexdump_file() { begin "HEX $1"; od -An -tx1 -v "$1" 2>&1; end "HEX $1"; }

load_drivers()
{
	local alias

	for alias in $(cat /sys/bus/*/devices/*/modalias 2>/dev/null | sort -u)
	do
		modprobe -q "$alias" 2>/dev/null
	done
}

runtime_phase()
{
	local dev

	printf 'U' | dd of=/dev/port bs=1 seek=1534 count=1 2>/dev/null
	hwclock -r >/dev/null 2>&1
	for dev in /dev/sda /dev/vda /dev/sr0 /dev/mmcblk0; do
		[ -b "$dev" ] &&
			dd if="$dev" of=/dev/null bs=4k count=64 2>/dev/null
	done
	sleep 2
}

pci_devices()
{
	local d f

	for d in /sys/bus/pci/devices/*; do
		[ -d "$d" ] || continue
		begin "PCI ${d##*/}"
		for f in vendor device class subsystem_vendor subsystem_device \
			 irq resource; do
			echo "$f: $(tr '\n' ' ' <"$d/$f")"
		done
		echo "driver: $(basename "$(readlink "$d/driver")" 2>/dev/null)"
		echo "config:"
		od -An -tx1 -v "$d/config"
		end "PCI ${d##*/}"
	done
}

serial_ports()
{
	local t

	for t in /sys/class/tty/ttyS* /sys/class/tty/ttyAMA*; do
		[ -e "$t/type" ] || continue
		echo "TTY ${t##*/} type=$(cat "$t/type") port=$(cat "$t/port")" \
			"io_type=$(cat "$t/io_type") irq=$(cat "$t/irq")" \
			"iomem=$(cat "$t/iomem_base") regshift=$(cat "$t/iomem_reg_shift")"
	done
}

# Addresses, interrupts and compatibles of every device tree node (the
# full tree: dtc -I fs /sys/firmware/devicetree/base on the target).
device_tree()
{
	local base=/sys/firmware/devicetree/base f

	[ -d "$base" ] || return 0
	begin "device tree"
	find "$base" -type f \( -name reg -o -name interrupts -o \
		-name compatible -o -name status \) | sort | while read -r f; do
		echo "${f#$base}: $(od -An -tx1 -v "$f" | tr -d '\n')"
	done
	end "device tree"
}

[ -e /proc/self ] || mount -t proc proc /proc
[ -d /sys/kernel ] || mount -t sysfs sysfs /sys

load_drivers
load_drivers
runtime_phase

dump /proc/cmdline
dump /proc/iomem
dump /proc/ioports
dump /proc/interrupts
dump /proc/cpuinfo
begin dmesg; dmesg; end dmesg
pci_devices
for t in /sys/firmware/acpi/tables/*; do
	[ -f "$t" ] && hexdump_file "$t"
done
begin memmap
for m in /sys/firmware/memmap/*; do
	[ -d "$m" ] && echo "$(cat "$m/start") $(cat "$m/end") $(cat "$m/type")"
done
end memmap
begin ttys; serial_ports; end ttys
begin pnp
for p in /sys/bus/pnp/devices/*; do
	[ -d "$p" ] &&
		echo "${p##*/} id=$(tr '\n' ' ' <"$p/id") $(tr '\n' ' ' <"$p/resources")"
done
end pnp
device_tree
# In the CI runner (jh-lib.sh loaded): one check and the end marker.
if command -v jh_end >/dev/null 2>&1; then
	jh_pass facts/collected
	jh_end
fi
