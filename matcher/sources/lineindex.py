"""Line numbers at byte offsets of big files, remembered between runs: after a ``--since``
seek, the lines before the window are counted once, and the counts at every 64 MiB are kept
in the cache directory, so the next seek into the same (growing) log counts from the nearest
one. A log is known by device, inode and its first 4 KiB; ``$MATCHER_CACHE=0`` turns it off."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import BinaryIO

from matcher.rules.load import CACHE_ENV, cache_dir
from matcher.vocabulary import TMP_MARK

COUNT_BYTES = 16 << 20  # read at a time
CHECKPOINT_BYTES = 64 << 20  # a count is remembered this often
HEAD_BYTES = 4096  # what tells a rewritten file from the one indexed

Point = tuple[int, int]  # (byte offset of a line start, newlines before it)


def lines_before(path: str, end: int) -> int:
    """Newlines in the first ``end`` bytes of ``path`` (``end`` at a line start)."""
    with open(path, "rb") as fh:
        if not _enabled():
            return count_newlines(fh, 0, end, 0, [])
        info = os.fstat(fh.fileno())
        head = hashlib.sha256(fh.read(HEAD_BYTES)).hexdigest()
        where = cache_dir() / "lines" / f"{info.st_dev}-{info.st_ino}.json"
        points = _read(where, head, info.st_size)
        start, line = max((p for p in points if p[0] <= end), default=(0, 0))
        found: list[Point] = []
        count = count_newlines(fh, start, end, line, found)
        if found:
            _write(where, head, sorted(set(points) | set(found)))
        return count


def count_newlines(fh: BinaryIO, start: int, end: int, line: int, found: list[Point]) -> int:
    """``line`` plus the newlines from ``start`` to ``end``; a (offset, count) point is added
    to ``found`` every ``CHECKPOINT_BYTES``."""
    fh.seek(start)
    buf = bytearray(COUNT_BYTES)
    pos, last = start, start
    while pos < end:
        size = fh.readinto(memoryview(buf)[: min(COUNT_BYTES, end - pos)])  # type: ignore[attr-defined]
        if not size:
            break
        line += buf.count(b"\n", 0, size)
        pos += size
        if pos - last >= CHECKPOINT_BYTES and buf[size - 1 : size] == b"\n":
            found.append((pos, line))
            last = pos
    return line


def _enabled() -> bool:
    return os.environ.get(CACHE_ENV, "1") not in ("0", "false", "no")


def _read(where: Path, head: str, size: int) -> list[Point]:
    try:
        data = json.loads(where.read_text(encoding="utf-8"))
        if data.get("head") != head:
            return []  # another file now has that inode
        return [(int(o), int(n)) for o, n in data["points"] if int(o) <= size]
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return []


def _write(where: Path, head: str, points: list[Point]) -> None:
    import tempfile

    try:
        where.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=where.parent, prefix=TMP_MARK)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump({"head": head, "points": points}, out)
        os.replace(tmp, where)
    except OSError:
        pass  # an index that cannot be kept only costs the next seek its count
