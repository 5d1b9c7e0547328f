"""Where a line grows past the longest line the scanner keeps, found in few steps.

The cap must not depend on where the reads fall: a 2 MB line is cut at the same byte
whether it came in one read of a file, in 64 KiB pieces of a pipe or in a worker's segment
(issue #16, item 6)."""

from __future__ import annotations


def first_overflow(data: bytes, carried: int, limit: int) -> int:
    """Index in ``data`` of the first byte past ``limit`` bytes of a line, or -1 if no line
    is that long. ``carried``: bytes of the first line that came before ``data`` (at most
    ``limit``). A window of ``limit + 1`` bytes without a newline is such a line; otherwise
    the next line to check starts after the window's last newline, so a block of short
    lines costs one ``rfind`` per ``limit`` bytes."""
    pos, before, size = 0, carried, len(data)
    while pos < size:
        start = pos - before  # where the line starts (before ``data`` if carried)
        end = start + limit + 1  # a newline must come before this index
        newline = data.rfind(b"\n", pos, min(end, size))
        if newline != -1:
            pos, before = newline + 1, 0
        elif end <= size:
            return start + limit
        else:
            return -1  # the rest is a line not yet too long: the scanner holds it back
    return -1
