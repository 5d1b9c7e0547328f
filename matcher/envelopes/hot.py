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

# Byte strings whose presence on a line makes it "hot", per envelope.
_NEEDLES: dict[str, tuple[bytes, ...]] = {
    "cri": (b" stdout P", b" stderr P"),
    "syslog": (b"#01",),
    "rfc5424": (b"#01",),
    "journal-json": (b'"MESSAGE":[',),
}
_GITLAB_SPLIT = re.compile(rb"^\S+ [0-9a-fA-F]{2}[OE]\+", re.MULTILINE)
# docker ends every complete record's ``log`` with this; a partial record (a line docker cut at
# 16 KiB) does not.
_DOCKER_END = b'\\n","stream":"'
ESC = b"\x1b"


def hot_lines(envelope: str, block: bytes | memoryview) -> list[int]:
    """Offsets (line starts) of the lines of ``block`` (complete lines) to unwrap whatever
    the prefilter says, for a source in ``envelope``; sorted, without duplicates."""
    data = bytes(block) if isinstance(block, memoryview) else block
    found: set[int] = set()
    needles = _NEEDLES.get(envelope, ())
    if envelope not in ("compose", "stern", "gitlab"):  # those colour their own prefix
        needles = (*needles, ESC)
    for needle in needles:
        _lines_with(data, needle, found)
    if envelope == "docker" and data.count(_DOCKER_END) != data.count(b"\n"):
        _docker_partials(data, found)
    elif envelope == "gitlab":
        found.update(m.start() for m in _GITLAB_SPLIT.finditer(data))
    return sorted(found)


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
    """Lines without docker's complete-record ending (the slow path: rare)."""
    start = 0
    while start < len(data):
        end = data.find(b"\n", start)
        if end == -1:
            end = len(data)
        if data.find(_DOCKER_END, start, end) == -1:
            found.add(start)
        start = end + 1
