"""Where each character of an unwrapped payload came from in the raw log lines.

An envelope's payload is built from *segments*: byte ranges of physical lines, each copied
verbatim or decoded (JSON string escapes, rsyslog's ``#012`` octal escapes, journald's byte
arrays). Segments are joined (partial records), cleaned (ANSI sequences, CI section markers
removed) and split on newlines into payload lines. ``build`` does that on bytes, fast; ``trace``
replays it on text, keeping for every payload character its raw line and column, only when a
span has to be mapped back (a finding is reported). Both use the same regexes, so they agree.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Iterator, Sequence
from typing import NamedTuple

RAW = "raw"  # copied verbatim
JSON = "json"  # the inside of a JSON string (between its quotes)
OCTAL = "octal"  # rsyslog's control character escapes (#012 newline, #011 tab)
OPAQUE = "opaque"  # decoded as a whole (journald's MESSAGE as an array of bytes)

_JSON_ESCAPE = re.compile(
    r"\\u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}|\\u[0-9a-fA-F]{4}|\\[^u]"
)
_OCTAL_TEXT = re.compile(r"#01[12]")
_OCTAL_BYTES = re.compile(rb"#01[12]")
_OCTAL_VALUE = {"#012": "\n", "#011": "\t"}
_LONE_SURROGATE = re.compile("[\ud800-\udbff\udc00-\udc7f]")


class Segment(NamedTuple):
    """Bytes ``raw[start:end]`` of physical line ``line`` as decoded by ``codec``; ``value``
    is the decoded bytes for OPAQUE segments."""

    line: int
    raw: bytes
    start: int
    end: int
    codec: str = RAW
    value: bytes = b""


class Origin(NamedTuple):
    """A place in a raw line: its number and a character offset in ``text.decode_line(raw)``."""

    line: int
    column: int


class _Run(NamedTuple):
    text: str  # decoded characters
    line: int
    start: int  # raw columns the run came from
    end: int
    exact: bool  # one raw character per decoded one (else the run maps as a whole)


def to_bytes(text: str) -> bytes:
    """Decoded text as bytes; undecodable raw bytes (surrogate escapes) come back as they were,
    a code point that is not a character (a lone surrogate from ``\\ud800``) becomes U+FFFD."""
    try:
        return text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return _LONE_SURROGATE.sub("\ufffd", text).encode("utf-8", "surrogateescape")


def decode_json_string(inner: bytes) -> bytes:
    """The inside of a JSON string (escapes and all) as bytes; invalid escapes kept as text."""
    if b"\\" not in inner:
        return inner
    if inner.endswith(b"\\n") and b"\\" not in inner[:-2]:  # docker's usual ``log``
        return inner[:-2] + b"\n"
    text = inner.decode("utf-8", "surrogateescape")
    try:
        value = json.loads('"' + text + '"')
    except ValueError:
        value = _JSON_ESCAPE.sub(lambda m: _unescape(m.group(0)), text)
    return to_bytes(str(value))


def _unescape(escape: str) -> str:
    try:
        return str(json.loads('"' + escape + '"'))
    except ValueError:
        return escape  # not a JSON escape (``\x``): keep it as written


def decode_segment(seg: Segment) -> bytes:
    if seg.codec == RAW:
        return seg.raw[seg.start : seg.end]
    if seg.codec == JSON:
        return decode_json_string(seg.raw[seg.start : seg.end])
    if seg.codec == OCTAL:
        return _OCTAL_BYTES.sub(
            lambda m: b"\n" if m.group(0) == b"#012" else b"\t", seg.raw[seg.start : seg.end]
        )
    return seg.value


def build(segments: Sequence[Segment], clean: re.Pattern[bytes] | None) -> list[bytes]:
    """The payload lines of a record made of ``segments``."""
    if len(segments) == 1:  # most records: a line of its own, no join
        data = decode_segment(segments[0])
    else:
        data = b"".join([decode_segment(s) for s in segments])
    if clean is not None and (b"\x1b" in data or b"section_" in data):
        data = clean.sub(b"", data)
    return split_lines(data)


def split_lines(data: bytes) -> list[bytes]:
    newline = data.find(b"\n")
    if newline == -1 or newline == len(data) - 1:  # the usual one line (docker's ends in \n)
        line = data if newline == -1 else data[:newline]
        return [line[:-1] if line.endswith(b"\r") else line]
    lines = data.split(b"\n")
    if len(lines) > 1 and not lines[-1]:
        lines.pop()  # a final newline ends the last line, it does not start another
    return [line[:-1] if line.endswith(b"\r") else line for line in lines]


def _decoded(raw: bytes, start: int, end: int) -> tuple[str, int]:
    """``raw[start:end]`` as text, and the character column where it starts."""
    column = len(raw[:start].decode("utf-8", "surrogateescape"))
    return raw[start:end].decode("utf-8", "surrogateescape"), column


def _runs(seg: Segment) -> list[_Run]:
    text, column = _decoded(seg.raw, seg.start, seg.end)
    if seg.codec == RAW:
        return [_Run(text, seg.line, column, column + len(text), True)]
    if seg.codec == OPAQUE:
        value = seg.value.decode("utf-8", "surrogateescape")
        return [_Run(value, seg.line, column, column + len(text), False)]
    escape = _JSON_ESCAPE if seg.codec == JSON else _OCTAL_TEXT
    runs: list[_Run] = []
    pos = 0
    for m in escape.finditer(text):
        if m.start() > pos:
            runs.append(
                _Run(text[pos : m.start()], seg.line, column + pos, column + m.start(), True)
            )
        value = _unescape(m.group(0)) if seg.codec == JSON else _OCTAL_VALUE[m.group(0)]
        value = to_bytes(value).decode("utf-8", "surrogateescape")
        runs.append(_Run(value, seg.line, column + m.start(), column + m.end(), False))
        pos = m.end()
    if pos < len(text):
        runs.append(_Run(text[pos:], seg.line, column + pos, column + len(text), True))
    return runs


class _Piece(NamedTuple):
    start: int  # character offset in the payload line
    length: int
    run: _Run
    offset: int  # where in the run's text it starts


class Trace:
    """For each payload line, the runs its characters came from, as pieces (built on demand:
    one piece per run and line, so memory follows the number of escapes, not of characters)."""

    def __init__(self, segments: Sequence[Segment], clean: re.Pattern[bytes] | None) -> None:
        runs = [run for seg in segments for run in _runs(seg)]
        removed = _removed("".join(r.text for r in runs), clean)
        self.lines: list[list[_Piece]] = [[]]
        self.lengths = [0]
        pos = 0
        for run in runs:
            for a, b in _kept(pos, pos + len(run.text), removed):
                self._add(run, a - pos, run.text[a - pos : b - pos])
            pos += len(run.text)
        if len(self.lines) > 1 and not self.lines[-1]:
            self.lines.pop()  # a final newline ends the last line, as in ``split_lines``
            self.lengths.pop()
        for index, pieces in enumerate(self.lines):
            if pieces and pieces[-1].run.text[pieces[-1].offset + pieces[-1].length - 1] == "\r":
                self._drop_last(index)  # as ``split_lines`` drops a line's CR
        self.starts = [[p.start for p in pieces] for pieces in self.lines]

    def _add(self, run: _Run, offset: int, chunk: str) -> None:
        for k, part in enumerate(chunk.split("\n")):
            if k:
                self.lines.append([])
                self.lengths.append(0)
            if part:
                self.lines[-1].append(_Piece(self.lengths[-1], len(part), run, offset))
                self.lengths[-1] += len(part)
            offset += len(part) + 1

    def _drop_last(self, index: int) -> None:
        last = self.lines[index].pop()
        self.lengths[index] -= 1
        if last.length > 1:
            self.lines[index].append(last._replace(length=last.length - 1))

    def locate(self, index: int, offset: int, end: bool) -> Origin:
        """Where character ``offset`` of payload line ``index`` is in the raw lines; with
        ``end``, where the character before it ends (the exclusive end of a span)."""
        pieces, total = self.lines[index], self.lengths[index]
        if not pieces:
            return Origin(-1, 0)
        char = min(max(offset, 1), total) - 1 if end else min(max(offset, 0), total - 1)
        piece = pieces[bisect.bisect_right(self.starts[index], char) - 1]
        run = piece.run
        if not run.exact:
            return Origin(run.line, run.end if end else run.start)
        column = run.start + piece.offset + (char - piece.start)
        return Origin(run.line, column + 1 if end else column)


def _removed(text: str, clean: re.Pattern[bytes] | None) -> list[tuple[int, int]]:
    if clean is None:
        return []
    pattern = re.compile(clean.pattern.decode("latin-1"), clean.flags & ~re.ASCII)
    return [m.span() for m in pattern.finditer(text) if m.end() > m.start()]


def _kept(a: int, b: int, removed: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """The parts of ``[a, b)`` outside the (sorted, disjoint) ``removed`` intervals."""
    i = bisect.bisect_right(removed, (a, a)) - 1
    i = max(i, 0)
    pos = a
    while i < len(removed) and removed[i][0] < b:
        ra, rb = removed[i]
        if rb > pos:
            if ra > pos:
                yield pos, ra
            pos = max(pos, rb)
        i += 1
    if pos < b:
        yield pos, b
