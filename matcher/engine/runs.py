"""A run: a stretch of an enveloped log unwrapped around candidate lines.

A run starts at a candidate line with a few lines before it (its look-back), unwraps them with a
fresh ``Unwrapper`` (the envelope already recognised), and hands each stream's payload lines to
that stream's scanner. Records that end before the run's first line are history (look-back
only, never reported); the rest are scanned. The run goes on, a few lines at a time, while an
event is held open or a record is still being joined, and ends when everything is settled.
"""

from __future__ import annotations

from collections.abc import Sequence

from matcher.engine.events import PG_CONTINUATION, PREFIX, EventRules
from matcher.engine.streams import Entry, Shared, StreamScan, StreamSettings, payload_bytes
from matcher.envelopes.record import Record
from matcher.envelopes.unwrap import Unwrapper
from matcher.model import Finding, UnknownFailure
from matcher.patterns.ruleset import Ruleset

HISTORY_BYTES = 256 * 1024  # raw bytes kept before a block, to look back into
Line = tuple[int, int, bytes]  # number, byte offset, bytes without the newline


class NeedsLookback(Exception):
    """The candidate's event may start before the look-back given: start again with more."""


class Run:
    def __init__(
        self,
        ruleset: Ruleset,
        settings: StreamSettings,
        unwrapper: Unwrapper,
        start_line: int,
        shared: Shared,
        may_grow: bool,
    ) -> None:
        self.ruleset = ruleset
        self.settings = settings
        self.unwrapper = unwrapper
        self.start_line = start_line
        self.shared = shared
        self.streams: dict[str, StreamScan] = {}
        self.history: dict[str, list[Entry]] = {}
        self.unknown: list[UnknownFailure] = []
        self.last_line = start_line - 1  # last physical line fed
        self._offsets: dict[int, int] = {}
        self._may_grow = may_grow  # more look-back could be had
        self._rules = EventRules(settings.events)

    def take(self, lines: Sequence[tuple[int, int, bytes]]) -> list[Finding]:
        """Feed physical lines (number, byte offset, bytes without the newline)."""
        records: list[Record] = []
        feed = self.unwrapper.feed
        for number, offset, raw in lines:
            self._offsets[number] = offset
            records += feed(number, raw)
        if lines:
            self.last_line = lines[-1][0]
        return self._dispatch(records)

    def stop_growing(self) -> None:
        """The run has started: a stream first seen later takes the history there is (asking
        for more look-back then would restart a run that already reported findings)."""
        self._may_grow = False

    def try_close(self) -> tuple[bool, list[Finding]]:
        """Whether the run can end here (nothing open), and findings of records let out."""
        if any(s.open for s in self.streams.values()):
            return False, []
        out: list[Finding] = []
        if self.unwrapper.holding:
            if not self.unwrapper.settled(self.last_line):
                return False, out
            out = self._dispatch(self.unwrapper.flush(final=False))
            if self.unwrapper.holding or any(s.open for s in self.streams.values()):
                return False, out
        return True, out

    def flush(self) -> list[Finding]:
        """The input went quiet: close held events (a partial line stays open)."""
        out = self._dispatch(self.unwrapper.flush(final=False))
        for stream in self.streams.values():
            out += stream.flush()
        return self._collect(out)

    def close(self) -> list[Finding]:
        out = self._dispatch(self.unwrapper.flush(final=True))
        for stream in self.streams.values():
            out += stream.close()
        return self._collect(out)

    def _collect(self, out: list[Finding]) -> list[Finding]:
        for stream in self.streams.values():
            self.unknown += stream.unknown
            stream.unknown.clear()
        return out

    def _dispatch(self, records: list[Record]) -> list[Finding]:
        per: dict[str, list[Entry]] = {}
        offsets = self._offsets
        for rec in records:
            offset = offsets.get(rec.first_line, 0)
            entries = [Entry(rec.first_line, offset, rec, i) for i in range(len(rec.lines))]
            if rec.last_line < self.start_line:
                if rec.stream not in self.streams:
                    self.history.setdefault(rec.stream, []).extend(entries)
                continue
            if entries:
                per.setdefault(rec.stream, []).extend(entries)
        out: list[Finding] = []
        for key, entries in per.items():
            stream = self.streams.get(key)
            if stream is None:
                if self._may_grow and not self._enough(key, entries[0]):
                    raise NeedsLookback
                self._may_grow = False
                history = self.history.pop(key, [])
                stream = StreamScan(self.ruleset, self.settings, history, self.shared, key)
                self.streams[key] = stream
            out += stream.feed(entries)
        if len(offsets) > 4096:
            oldest = self.unwrapper.oldest_open() or self.last_line
            self._offsets = {n: o for n, o in offsets.items() if n >= oldest}
        return self._collect(out)

    def _enough(self, key: str, first: Entry) -> bool:
        """Whether the event of the run's first payload line of stream ``key`` starts inside
        the look-back (its anchor was found there, or it starts on that line)."""
        history = self.history.get(key)
        if not history:  # no look-back: enough if the line starts an event whatever came before
            line = first.payload
            return self._rules.mode == "lines" or bool(
                PREFIX.match(line) and not PG_CONTINUATION.search(line)
            )
        buf = payload_bytes(history)
        start = len(buf)
        buf += first.payload + b"\n"
        return self._rules.bounds(buf, start, floor=0, final=True).start > 0


def lookback(
    block: bytes, pos: int, history: bytes, at: tuple[int, int], want: int
) -> tuple[list[Line], bool]:
    """Up to ``want`` lines just before ``pos`` (from the block, then ``history``, the raw
    lines before the block), and whether fewer were there. ``at``: line number and byte
    offset of ``pos``."""
    lines: list[Line] = []
    number, offset = at
    src, end = block, pos
    while len(lines) < want:
        if end == 0:
            if src is history or not history:
                return lines[::-1], True
            src, end = history, len(history)
        start = src.rfind(b"\n", 0, end - 1) + 1
        number, offset = number - 1, offset - (end - start)
        lines.append((number, offset, src[start : end - 1]))
        end = start
    return lines[::-1], False


def keep_history(history: bytes, block: bytes) -> bytes:
    """The last ``HISTORY_BYTES`` (whole lines) of ``history`` followed by ``block``."""
    total = len(history) + len(block)
    kept = block if len(block) >= HISTORY_BYTES else history + block
    if total > HISTORY_BYTES:  # cut at a line start
        kept = kept[-HISTORY_BYTES:]
        kept = kept[kept.find(b"\n") + 1 :]
    return kept
