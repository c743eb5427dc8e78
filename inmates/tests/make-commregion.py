#!/usr/bin/env python3
# Write a fake communication region (ABI revision 2) for the bare-metal
# smoke runs of the inmate library: the bytes the hypervisor would provide.
#
#   make-commregion.py arm|x86 OUTPUT [--revision N] [--flags N]
import argparse
import struct

CON_8250, CON_PL011 = 2, 3
CON_MMIO, CON_REGDIST_4 = 0x1, 0x2


def console(address, con_type, flags):
    # address, size, type, flags, divider, gate_nr, clock_reg
    return struct.pack('<QIHHIIQ', address, 0x1000, con_type, flags, 0, 0, 0)


def header(revision, flags, con, mmconfig=0):
    return (b'JHCOMM' + struct.pack('<HIIII', revision, 0, 0, 0, flags) +
            con + struct.pack('<Q', mmconfig))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('arch', choices=['arm', 'x86'])
    parser.add_argument('output')
    parser.add_argument('--revision', type=int, default=2)
    parser.add_argument('--flags', type=int, default=0)
    args = parser.parse_args()

    if args.arch == 'arm':
        # QEMU virt (highmem=off): PL011 0x09000000, GICD 0x08000000,
        # GICC 0x08010000, PCIe ECAM 0x3f000000
        data = header(args.revision, args.flags,
                      console(0x09000000, CON_PL011,
                              CON_MMIO | CON_REGDIST_4), 0x3f000000)
        data += struct.pack('<B7xQQQI', 2, 0x08000000, 0x08010000, 0, 0)
        assert len(data) == 100
    else:
        # Bochs i440FX: COM1 0x3f8, PM timer 0xb008, one CPU
        data = header(args.revision, args.flags,
                      console(0x3f8, CON_8250, 0))
        data += struct.pack('<HHII', 0xb008, 1, 0, 0)
        assert len(data) == 76
    with open(args.output, 'wb') as out:
        out.write(data)


if __name__ == '__main__':
    main()
