"""Lines of a block that must be unwrapped even when the prefilter found nothing on them.

The scanner runs its prefilter over the raw bytes of an enveloped log (symptoms match inside
JSON strings with their escapes) and unwraps only the lines around its candidates. That misses
a symptom only where the envelope splits or re-encodes the text in a way the prefilter cannot
see through: a line cut into partial records (CRI ``P``, a docker ``log`` without ``\\n``, a
GitLab ``+`` line), rsyslog's ``#011``/``#012`` escapes, journald's MESSAGE as an array of
bytes, and ANSI sequences inside the text. Those are rare, and found here with byte searches
that cost next to nothing per block; the scanner treats them as candidate lines.
"""

from __future__ import annotations

import re
from typing import Any

from matcher.text import ESC

# Byte strings whose presence on a line makes it "hot", per envelope.
_NEEDLES: dict[str, tuple[bytes, ...]] = {
    "syslog": (b"#01",),
    "rfc5424": (b"#01",),
    "journal-json": (b'"MESSAGE":[',),
}
_GITLAB_SPLIT = re.compile(rb"^\S+ [0-9a-fA-F]{2}[OE]\+", re.MULTILINE)
# a regex finds this 3x faster than bytes.find finds " stdout P" and " stderr P"
_CRI_PARTIAL = re.compile(rb" std(?:out|err) P")
# docker ends every complete record's ``log`` with this; a partial record (a line docker cut at
# 16 KiB) does not.
_DOCKER_END = b'\\n","stream":"'
PIECE = 64 * 1024


# The same searches as one Hyperscan pass where it is installed (3-4x faster than the byte
# searches below on the partial records: they are a share of the time per byte that counts).
_HS_PATTERNS = {
    "cri": rb" std(?:out|err) P",
    "docker": rb'(?:[^n]|[^\\]n)","stream":"',
}
_HS_DATABASES: dict[str, Any] = {}


def hot_lines(envelope: str, block: bytes | memoryview) -> list[int]:
    """Offsets (line starts) of the lines of ``block`` (complete lines) to unwrap whatever
    the prefilter says, for a source in ``envelope``; sorted, without duplicates."""
    data = bytes(block) if isinstance(block, memoryview) else block
    found: set[int] = set()
    if envelope in _HS_PATTERNS and _hyperscan_lines(envelope, data, found):
        _lines_with(data, ESC, found)
        return sorted(found)
    needles = _NEEDLES.get(envelope, ())
    if envelope not in ("compose", "stern", "gitlab"):  # those colour their own prefix
        needles = (*needles, ESC)
    for needle in needles:
        _lines_with(data, needle, found)
    if envelope == "docker":
        _docker_partials(data, found)
    elif envelope == "gitlab":
        found.update(m.start() for m in _GITLAB_SPLIT.finditer(data))
    elif envelope == "cri":
        rfind = data.rfind
        found.update(rfind(b"\n", 0, m.start()) + 1 for m in _CRI_PARTIAL.finditer(data))
    return sorted(found)


def _hyperscan_lines(envelope: str, data: bytes, found: set[int]) -> bool:
    """The partial records of a CRI or docker block, by Hyperscan; False without it."""
    db = _HS_DATABASES.get(envelope)
    if db is None:
        try:
            import hyperscan
        except ImportError:
            return False
        db = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
        db.compile(expressions=[_HS_PATTERNS[envelope]], ids=[0], elements=1, flags=[0])
        _HS_DATABASES[envelope] = db
    ends: list[int] = []

    def on_match(index: int, start: int, end: int, flags: int, context: object) -> None:
        ends.append(end)

    db.scan(data, match_event_handler=on_match)
    rfind = data.rfind
    found.update(rfind(b"\n", 0, end - 1) + 1 for end in ends)
    return True


def _lines_with(data: bytes, needle: bytes, found: set[int]) -> None:
    pos = data.find(needle)
    while pos != -1:
        start = data.rfind(b"\n", 0, pos) + 1
        found.add(start)
        end = data.find(b"\n", pos)
        if end == -1:
            return
        pos = data.find(needle, end)


def _docker_partials(data: bytes, found: set[int]) -> None:
    """Lines without docker's complete-record ending: a piece of the block (whole lines of
    about ``PIECE`` bytes) has one when its lines outnumber its endings; only such a piece is
    looked at line by line (they are rare)."""
    start = 0
    while start < len(data):
        end = data.find(b"\n", min(start + PIECE, len(data)) - 1) + 1 or len(data)
        if data.count(_DOCKER_END, start, end) != data.count(b"\n", start, end):
            _docker_lines(data, start, end, found)
        start = end


def _docker_lines(data: bytes, start: int, stop: int, found: set[int]) -> None:
    while start < stop:
        end = data.find(b"\n", start, stop)
        if end == -1:
            end = stop
        if data.find(_DOCKER_END, start, end) == -1:
            found.add(start)
        start = end + 1


def line_starts(block: bytes) -> list[int]:
    """Every line of a block of complete lines."""
    starts, pos = [], 0
    while pos < len(block):
        starts.append(pos)
        pos = block.index(b"\n", pos) + 1
    return starts
