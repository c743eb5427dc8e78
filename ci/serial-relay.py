#!/usr/bin/env python3
"""Give Bochs a pseudo-terminal as its serial "file" and copy everything
written to it into a real file at once.

Bochs writes the file of `com1: mode=file` through stdio with full
buffering, so a regular file only fills in 4 KiB chunks (the console of a
hung guest would be lost, and `--live` would lag). On a terminal, stdio
flushes every line.

    serial-relay.py <output-file> <link-path>

Creates a pty, points <link-path> (a symlink) at its slave, then appends
what arrives on the master to <output-file>, flushing each chunk. Ends on
SIGTERM after draining what is left.
"""
import os
import select
import signal
import sys
import tty

stopping = False


def stop(_signum, _frame):
    global stopping
    stopping = True


def main():
    out_path, link_path = sys.argv[1], sys.argv[2]
    master, slave = os.openpty()
    tty.setraw(slave)
    try:
        os.unlink(link_path)
    except FileNotFoundError:
        pass
    os.symlink(os.ttyname(slave), link_path)
    signal.signal(signal.SIGTERM, stop)
    with open(out_path, "ab", buffering=0) as out:
        while True:
            ready, _, _ = select.select([master], [], [], 0.2)
            if ready:
                try:
                    data = os.read(master, 65536)
                except OSError:
                    break
                out.write(data)
            elif stopping:
                break
    os.unlink(link_path)


if __name__ == "__main__":
    main()
