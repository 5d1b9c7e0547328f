"""One writer's lines of an enveloped log, scanned as a bare log, and the way back to the file.

The payload lines of one stream (a compose service, a pod, stdout or stderr…) go through a
``Scanner`` of their own, so two tracebacks written at once are two events. The scanner numbers
the payload lines 1, 2, …; an ``Entry`` per payload line says which physical line of the file
(and which record) it came from, and findings are given the file's line numbers back.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Callable
from typing import NamedTuple

from matcher.engine.events import MAX_EVENT_LINES, MAX_LOOKBACK_LINES
from matcher.engine.scanner import Scanner, ScanStats
from matcher.engine.stats import PytestNames
from matcher.envelopes.provenance import JSON, RAW, Segment
from matcher.envelopes.record import Record
from matcher.model import Finding, UnknownFailure
from matcher.patterns.ruleset import Ruleset
from matcher.text import ESC, render

# Payload lines kept behind the scanner's committed line: an event and its look-back.
KEEP_LINES = MAX_EVENT_LINES + MAX_LOOKBACK_LINES + 100


class Entry(NamedTuple):
    """A payload line: the physical line its record starts on, that line's byte offset, the
    record, and the line's index in the record's payload."""

    line: int
    at: int  # byte offset
    record: Record
    part: int  # index of the line in the record's payload

    @property
    def payload(self) -> bytes:
        return self.record.lines[self.part]


class StreamSettings(NamedTuple):
    """What every stream's scanner is built with."""

    source: str
    events: str
    unknown: bool
    context: int
    on_warning: Callable[[str], None] | None
    fingerprint: str | None


def payload_bytes(entries: list[Entry]) -> bytes:
    return b"".join([e.payload + b"\n" for e in entries])


class Shared:
    """What the stream scans of one source share, run after run: its counts and what pytest's
    output said (``ScanStats.pytest``, by the file's line numbers), and the streams that are
    past pytest's failures banner."""

    def __init__(self, stats: ScanStats) -> None:
        self.stats = stats
        self.banners: set[str] = set()


class StreamScan:
    """A scanner over one stream's payload lines, told its history (lines just before, for
    look-back only); findings and unknown failures come out with the file's line numbers."""

    def __init__(
        self,
        ruleset: Ruleset,
        settings: StreamSettings,
        history: list[Entry],
        shared: Shared,
        key: str,
    ) -> None:
        past = payload_bytes(history)
        self.scanner = Scanner(
            ruleset,
            settings.source,
            first_line=len(history) + 1,
            offset=len(past),
            history=past,
            fingerprint=settings.fingerprint,
            on_warning=settings.on_warning,
            events=settings.events,
            unknown=settings.unknown,
            context=settings.context,
        )
        self.scanner.stats = ScanStats(findings=shared.stats.findings)
        self.scanner.pytest_banner = key in shared.banners
        self._shared, self._key = shared, key
        # An event may start in the history (a traceback's header before the candidate line):
        # the scanner's floor for look-back is the start of the history, not of the new lines.
        self.scanner._event_end = 0
        self._map = list(history)
        self._base = 1  # ordinal of _map[0]
        self._fed = len(past)
        self.unknown: list[UnknownFailure] = []

    @property
    def open(self) -> bool:
        """An event with candidates is held open, waiting for the stream's next lines."""
        return self.scanner.committed_offset < self._fed

    def feed(self, entries: list[Entry]) -> list[Finding]:
        data = payload_bytes(entries)
        self._map += entries
        self._fed += len(data)
        return self._out(self.scanner.feed(data))

    def flush(self) -> list[Finding]:
        return self._out(self.scanner.flush())

    def close(self) -> list[Finding]:
        return self._out(self.scanner.close())

    def _entry(self, ordinal: int) -> Entry:
        return self._map[ordinal - self._base]

    def _out(self, findings: list[Finding]) -> list[Finding]:
        out = [self._remap(f) for f in findings]
        stats = self.scanner.stats
        for failure in stats.unknown:
            self.unknown.append(
                dataclasses.replace(
                    failure,
                    line=self._entry(failure.line).line,
                    first_line=self._entry(failure.first_line).line,
                    last_line=self._entry(failure.last_line).line,
                )
            )
        stats.unknown.clear()
        self._share_pytest(stats)
        keep_from = self.scanner.committed_line - KEEP_LINES
        if keep_from - self._base > 4 * KEEP_LINES:
            del self._map[: keep_from - self._base]
            self._base = keep_from
        return out

    def _share_pytest(self, stats: ScanStats) -> None:
        """What the scanner saw of pytest's output, for the whole source, by the file's line
        numbers (a later run's scanner of this stream starts past the failures banner)."""
        if self.scanner.pytest_banner:
            self._shared.banners.add(self._key)
        names = stats.pytest.pop(self.scanner.source, None)
        if names is None:
            return
        into = self._shared.stats.pytest.setdefault(self.scanner.source, PytestNames())
        for mine, theirs in (
            (names.sections, into.sections),
            (names.node_ids, into.node_ids),
            (names.banners, into.banners),
        ):
            theirs.update((self._entry(n).line, name) for n, name in mine.items())

    def _remap(self, f: Finding) -> Finding:
        best = self._entry(f.line)
        numbers = [self._entry(n).line for n in range(f.first_line, f.last_line + 1)]
        consecutive = all(b == a + 1 for a, b in itertools.pairwise(numbers))
        return dataclasses.replace(
            f,
            line=best.line,
            matched_lines=tuple(sorted({self._entry(n).line for n in f.matched_lines})),
            first_line=numbers[0],
            last_line=numbers[-1],
            offset=self._entry(f.first_line).at,
            decoded=best.record.decoded or f.decoded,
            fields=dict(best.record.fields),
            raw_span=_raw_span(best, f),
            event_lines=() if consecutive else tuple(numbers),
        )


def _copied(seg: Segment) -> bool:
    """The payload is the segment's bytes as they are: raw, or a JSON string whose only
    escape is its final ``\\n`` (docker's ``log``, most of the time)."""
    if seg.codec == RAW:
        return True
    chunk = seg.raw[seg.start : seg.end]
    escapes = chunk.count(b"\\")
    return seg.codec == JSON and (not escapes or (escapes == 1 and chunk.endswith(b"\\n")))


def _raw_span(entry: Entry, finding: Finding) -> tuple[int, int, int, int] | None:
    """Where the match is in the file, when the finding's text is the payload line as it is
    (not decoded once more by the exact patterns, no undecodable bytes shown as ``\\xNN``)."""
    text = entry.record.text(entry.part)
    if finding.decoded is not None or render(text) != text:
        return None
    if finding.text != text:
        return None
    src = entry.record.source
    if src is not None and src.inner is None and len(src.segments) == 1:
        seg = src.segments[0]  # the common case: a payload copied from one line, as it is
        if _copied(seg) and seg.raw[: seg.start].isascii() and ESC not in seg.raw:
            start, end = finding.span
            return (seg.line, seg.start + start, seg.line, seg.start + end)
    span = entry.record.raw_span(entry.part, *finding.span)
    return (span.first_line, span.start, span.last_line, span.end)
