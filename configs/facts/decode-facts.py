#!/usr/bin/env python3
# SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause)
"""Turn the output of collect-facts.sh into the tables a root cell config
is written from (Markdown, as kept in Documentation/configs.md).

  decode-facts.py SERIAL-LOG [--iotrace QEMU-TRACE]

SERIAL-LOG is the console log of a collect-facts.sh run (or its saved
output). QEMU-TRACE is the log of "-trace memory_region_ops_*"; its port
and MMIO accesses are split at collect-facts.sh's marker write to port
0x5fe into boot-time and runtime use.
"""

import argparse
import collections
import re
import struct
import sys


def sections(text):
    """Map 'what' -> body for every BEGIN/END marker pair."""
    found = {}
    for m in re.finditer(r'^=== BEGIN (.+?) ===\n(.*?)^=== END \1 ===',
                         text, re.S | re.M):
        found.setdefault(m.group(1), m.group(2))
    return found


def hexbytes(body):
    return bytes(int(x, 16) for x in body.split())


def print_table(header, rows):
    print('| ' + ' | '.join(header) + ' |')
    print('|' + '---|' * len(header))
    for row in rows:
        print('| ' + ' | '.join(str(c) for c in row) + ' |')
    print()


def e820(text):
    rows = re.findall(r'BIOS-e820: \[mem (0x[0-9a-f]+)-(0x[0-9a-f]+)\] (.+)',
                      text)
    if rows:
        print('### e820 (firmware memory map)\n')
        print_table(['start', 'end', 'type'],
                    [(hex(int(a, 16)), hex(int(b, 16)), t.strip())
                     for a, b, t in rows])


def top_level(body, title):
    rows = []
    for line in body.splitlines():
        m = re.match(r'^(\s*)([0-9a-f]+)-([0-9a-f]+) : (.*)$', line)
        if m:
            rows.append(('&nbsp;' * len(m.group(1)) + '0x' + m.group(2),
                         '0x' + m.group(3), m.group(4)))
    print('### %s\n' % title)
    print_table(['start', 'end', 'owner'], rows)


def interrupts(body):
    rows = []
    lines = body.splitlines()
    ncpus = len(lines[0].split()) if lines else 0
    for line in lines[1:]:
        fields = line.split()
        if not fields or not fields[0].rstrip(':').isdigit():
            continue
        rows.append((fields[0].rstrip(':'), ' '.join(fields[1 + ncpus:])))
    print('### Interrupts in use (/proc/interrupts)\n')
    print_table(['Linux IRQ', 'chip, pin/line, trigger, owner'], rows)


CAP_NAMES = {0x01: 'PM', 0x05: 'MSI', 0x09: 'vendor', 0x10: 'PCIe',
             0x11: 'MSI-X', 0x12: 'SATA', 0x13: 'AF'}
EXT_CAP_NAMES = {0x01: 'AER', 0x02: 'VC', 0x03: 'DSN', 0x0b: 'vendor',
                 0x0d: 'ACS', 0x0e: 'ARI', 0x10: 'SR-IOV'}


def cap_length(cfg, pos, cap_id):
    """Length of a standard capability, as a config's pci_caps entry."""
    if cap_id == 0x05:
        ctl = cfg[pos + 2] | cfg[pos + 3] << 8
        length = 14 if ctl & 0x80 else 10
        return length + (10 if ctl & 0x100 else 0)
    if cap_id == 0x10:
        return 60 if (cfg[pos + 2] & 0xf) >= 2 else 20
    return {0x01: 8, 0x11: 12, 0x12: 8, 0x13: 6}.get(cap_id, cfg[pos + 2])


def pci_caps(cfg):
    caps = []
    if len(cfg) > 0x34 and cfg[6] & 0x10:
        pos, seen = cfg[0x34] & ~3, set()
        while pos and pos not in seen and pos + 2 < len(cfg):
            seen.add(pos)
            cap_id = cfg[pos]
            caps.append('%s@%#x len %d' % (CAP_NAMES.get(cap_id, hex(cap_id)),
                                           pos, cap_length(cfg, pos, cap_id)))
            pos = cfg[pos + 1] & ~3
    pos = 0x100
    while len(cfg) > pos + 4:
        hdr = struct.unpack_from('<I', cfg, pos)[0]
        if hdr in (0, 0xffffffff):
            break
        cap_id = hdr & 0xffff
        caps.append('ext %s@%#x' % (EXT_CAP_NAMES.get(cap_id, hex(cap_id)),
                                    pos))
        pos = hdr >> 20
        if pos < 0x100:
            break
    return caps


def bar_masks(resources):
    masks = []
    for i in range(6):
        start, end, flags = resources[3 * i:3 * i + 3]
        if not (start or end) or flags & 0x10:
            masks.append(0)    # absent, or a fixed legacy (quirk) range
            continue
        masks.append(~(end - start) & 0xffffffff)
    return masks


def pci_devices(found):
    rows = []
    for what, body in sorted(found.items()):
        if not what.startswith('PCI '):
            continue
        info = dict(re.findall(r'^(\w+): (.*)$', body, re.M))
        cfg = hexbytes(body.split('config:')[1])
        res = [int(x, 16) for x in info['resource'].split()]
        bars = ['BAR%d %#x+%#x' % (i, res[3 * i], res[3 * i + 1] -
                                    res[3 * i] + 1)
                for i in range(7) if res[3 * i] or res[3 * i + 1]]
        masks = ', '.join('%#010x' % m for m in bar_masks(res))
        rows.append((what[4:], '%s:%s' % (info['vendor'][2:].strip(),
                                          info['device'][2:].strip()),
                     info['class'].strip(), info.get('driver', '').strip(),
                     info['irq'].strip(), '<br>'.join(bars) or '-',
                     masks, ', '.join(pci_caps(cfg)) or '-'))
    if rows:
        print('### PCI devices\n')
        print_table(['device', 'id', 'class', 'driver', 'IRQ', 'BARs',
                     'bar_mask', 'capabilities'], rows)


def madt(table):
    rows, pos = [], 44
    rows.append(('local APIC address', '%#x' %
                 struct.unpack_from('<I', table, 36)[0]))
    while pos + 2 <= len(table):
        kind, length = table[pos], table[pos + 1]
        entry = table[pos:pos + length]
        if kind == 0:
            rows.append(('CPU', 'ACPI ID %d, APIC ID %d, flags %#x' %
                         (entry[2], entry[3],
                          struct.unpack_from('<I', entry, 4)[0])))
        elif kind == 1:
            rows.append(('IOAPIC', 'ID %d at %#x, GSI base %d' %
                         ((entry[2],) + struct.unpack_from('<II', entry, 4))))
        elif kind == 2:
            rows.append(('override', 'ISA IRQ %d -> GSI %d, flags %#x' %
                         ((entry[3],) + struct.unpack_from('<IH', entry, 4))))
        elif kind == 4:
            rows.append(('local APIC NMI', 'CPU %#x, LINT%d' %
                         (entry[2], entry[5])))
        else:
            rows.append(('type %d' % kind, entry.hex()))
        if length == 0:
            break
        pos += length
    print('### ACPI MADT\n')
    print_table(['entry', 'value'], rows)


def fadt(table):
    blocks = struct.unpack_from('<8I', table, 56)
    lengths = table[88:94]
    names = ['PM1a_EVT', 'PM1b_EVT', 'PM1a_CNT', 'PM1b_CNT', 'PM2_CNT',
             'PM_TMR', 'GPE0', 'GPE1']
    lens = [lengths[0], lengths[0], lengths[1], lengths[1], lengths[2],
            lengths[3], lengths[4], lengths[5]]
    rows = [(n, '%#x' % b, l) for n, b, l in zip(names, blocks, lens) if b]
    rows.append(('SCI', 'IRQ %d' % struct.unpack_from('<H', table, 46)[0],
                 ''))
    rows.append(('SMI_CMD', '%#x' % struct.unpack_from('<I', table, 48)[0],
                 ''))
    print('### ACPI FADT (fixed hardware)\n')
    print_table(['block', 'port', 'length'], rows)


def cells(raw):
    return ' '.join('%#x' % struct.unpack_from('>I', raw, i)[0]
                    for i in range(0, len(raw) - 3, 4))


def device_tree(body):
    nodes = collections.defaultdict(dict)
    for line in body.splitlines():
        path, _, value = line.partition(': ')
        node, _, prop = path.rpartition('/')
        nodes[node or '/'][prop] = hexbytes(value)
    rows = []
    for node, props in sorted(nodes.items()):
        if 'reg' not in props and 'interrupts' not in props:
            continue
        compat = props.get('compatible', b'').split(b'\0')[0].decode()
        rows.append((node, compat, cells(props.get('reg', b'')),
                     cells(props.get('interrupts', b'')),
                     props.get('status', b'').rstrip(b'\0').decode()))
    print('### Device tree nodes with registers or interrupts\n')
    print_table(['node', 'compatible', 'reg (cells)', 'interrupts (cells)',
                 'status'], rows)


IOTRACE = re.compile(r"memory_region_ops_(read|write) cpu (-?\d+) mr \S+ "
                     r"addr (0x[0-9a-f]+) value \S+ size \d+ name '([^']*)'")


def iotrace(path):
    use = {'boot': collections.defaultdict(set),
           'runtime': collections.defaultdict(set)}
    phase = 'boot'
    with open(path, errors='replace') as trace:
        for line in trace:
            m = IOTRACE.search(line)
            if not m or int(m.group(2)) < 0:
                continue    # not a CPU access (DMA, MSI)
            addr = int(m.group(3), 16)
            if addr == 0x5fe and m.group(1) == 'write':
                phase = 'runtime'
                continue
            kind = 'port' if addr < 0x10000 else 'MMIO page'
            if kind != 'port':
                addr &= ~0xfff
            use[phase][(kind, m.group(4))].add(addr)
    for phase in ('boot', 'runtime'):
        rows = []
        for (kind, name), addrs in sorted(use[phase].items(),
                                          key=lambda x: min(x[1])):
            shown = sorted(addrs)
            text = ' '.join('%#x' % a for a in shown[:10])
            if len(shown) > 10:
                text += ' ... (%d)' % len(shown)
            rows.append((kind, name, text))
        print('### Accesses by the CPUs, %s (QEMU trace)\n' % phase)
        print_table(['kind', 'QEMU device', 'addresses'], rows)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('log')
    parser.add_argument('--iotrace')
    args = parser.parse_args()

    text = open(args.log, errors='replace').read().replace('\r', '')
    found = sections(text)
    if '/proc/cmdline' in found:
        print('Kernel command line: `%s`\n' % found['/proc/cmdline'].strip())
    e820(found.get('dmesg', ''))
    for what, title in (('/proc/iomem', 'Memory map (/proc/iomem)'),
                        ('/proc/ioports', 'I/O ports (/proc/ioports)')):
        if what in found:
            top_level(found[what], title)
    if '/proc/interrupts' in found:
        interrupts(found['/proc/interrupts'])
    pci_devices(found)
    for what, body in found.items():
        if what.endswith('/tables/APIC'):
            madt(hexbytes(body))
        elif what.endswith('/tables/FACP'):
            fadt(hexbytes(body))
    if 'device tree' in found:
        device_tree(found['device tree'])
    if args.iotrace:
        iotrace(args.iotrace)
    return 0


if __name__ == '__main__':
    sys.exit(main())
