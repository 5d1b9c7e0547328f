"""Send entries to the running systemd-journald over its native protocol (what sd_journal_send
does), for the cases a line-by-line writer such as systemd-cat cannot make: a MESSAGE holding
a whole multi-line traceback, and a MESSAGE that is not valid UTF-8 (journalctl -o json then
writes it as an array of bytes).

Usage: python tools/envelopes/journal_send.py IDENTIFIER < traceback.txt
"""

from __future__ import annotations

import os
import socket
import struct
import sys

SOCKET = "/run/systemd/journal/socket"


def field(name: str, value: bytes) -> bytes:
    if b"\n" in value:  # binary-safe form: name, newline, 64-bit little-endian length, data
        return name.encode() + b"\n" + struct.pack("<Q", len(value)) + value + b"\n"
    return name.encode() + b"=" + value + b"\n"


def send(identifier: str, message: bytes, priority: int) -> None:
    entry = (
        field("MESSAGE", message)
        + field("PRIORITY", str(priority).encode())
        + field("SYSLOG_IDENTIFIER", identifier.encode())
    )
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
        sock.sendto(entry, SOCKET)


def main() -> None:
    identifier = sys.argv[1]
    traceback = sys.stdin.buffer.read().rstrip(b"\n")
    send(identifier, b"worker " + str(os.getpid()).encode() + b" crashed:\n" + traceback, 3)
    send(identifier, b"bad bytes in name: caf\xe9 \xff (latin-1 input)", 4)


if __name__ == "__main__":
    main()
