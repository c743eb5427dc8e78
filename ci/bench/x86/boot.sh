#@ timeout: 900
# Boot cost of the emulated machine with the stock kernel: guest uptime
# when /init starts (deterministic in Bochs, where guest time follows
# executed instructions) and the size of the initramfs the kernel unpacked.
echo "JH-BENCH guest-uptime-at-init $(cat /tmp/jh-uptime-at-init) s"
echo "JH-BENCH initramfs-files $(find / -xdev | wc -l) files"
jh_pass bench-ran
jh_end
