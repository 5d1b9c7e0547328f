"""Scanning a log in an envelope (CRI, docker json-file, compose, syslog, journald, CI…).

The envelope is recognised on the first lines of the source (matcher.envelopes) and locked in;
a bare log goes straight to a ``Scanner``, with nothing added. Otherwise the prefilter still
runs once over big blocks of raw bytes (a symptom matches inside a JSON string with its
escapes), and only the lines around its candidates are unwrapped, by a ``Run``: there each
writer's payload lines go through a scanner of their own, so events are assembled and symptoms
confirmed on the payload, streams kept apart, with the file's line numbers. A block without a
candidate costs no unwrapping. Lines the prefilter cannot judge on raw bytes (partial records,
rsyslog escapes… matcher.envelopes.hot) are candidates."""

from __future__ import annotations

import bisect
import time
from collections.abc import Callable, Sequence

from matcher.engine.colour import ESC, ansi_candidates
from matcher.engine.runs import Line, NeedsLookback, Run, keep_history, lookback
from matcher.engine.scanner import IDLE_FLUSH_SECONDS, MAX_LINE_BYTES, Scanner, ScanStats
from matcher.engine.sections import SegmentNotes
from matcher.engine.streams import Shared, StreamSettings
from matcher.envelopes.detect import DETECT_LINES
from matcher.envelopes.hot import hot_lines, line_starts
from matcher.envelopes.recognise import recognise
from matcher.envelopes.structured import DEFAULT_FIELDS
from matcher.envelopes.unwrap import DETECT_BYTES, Unwrapper, resolve
from matcher.model import Finding
from matcher.patterns.ruleset import Ruleset

FIRST_STEP = 2  # lines unwrapped at a time at first; doubled while an event is open
MAX_STEP = 1024
MAX_LOOKBACK_LINES = 1024
NEAR_BYTES = 4096  # (and no more bytes than this: counting lines to a far one costs)
NEAR_LINES = 16  # a run goes on through a candidate this close rather than start a new one


class EnvelopeScanner:
    """A ``Scanner`` for a source that may be in an envelope: the same interface."""

    def __init__(
        self,
        ruleset: Ruleset,
        source: str = "-",
        *,
        first_line: int = 1,
        offset: int = 0,
        fingerprint: str | None = None,
        on_warning: Callable[[str], None] | None = None,
        events: str = "auto",
        unknown: bool = False,
        context: int = 0,
        clock: Callable[[], float] = time.monotonic,
        idle_flush: float = IDLE_FLUSH_SECONDS,
        envelope: str = "auto",
        fields: Sequence[str] = DEFAULT_FIELDS,
        structure: str = "auto",
        history: bytes = b"",
        segment: bool = False,
    ) -> None:
        """``history`` and ``segment``: as ``Scanner``'s, for a bare log (matcher.sources.parallel
        scans a big file in segments; an enveloped one is recognised again in each)."""
        if unknown and not ruleset.markers:  # as Scanner says it, before any byte is read
            raise ValueError("unknown failures need a ruleset compiled with unknown=True")
        self.ruleset = ruleset
        self.next_line, self.offset = first_line, offset
        self.unknown = unknown
        self._settings = StreamSettings(source, events, unknown, context, on_warning, fingerprint)
        self._shared = Shared(ScanStats())
        self._clock, self._idle = clock, idle_flush
        self._last_feed = clock()
        self._envelope, self._structure = resolve(envelope), resolve(structure)
        self._fields = tuple(fields) or DEFAULT_FIELDS
        self._names: tuple[str, str] | None = None  # envelope and structure, once recognised
        self._plain: Scanner | None = None
        self._sample = b""  # held back until the envelope is recognised
        self._tail = b""  # a line without its newline yet
        self._skipping = False  # in the rest of a line longer than MAX_LINE_BYTES
        self._history = b""  # complete raw lines just before the current block
        self._run: Run | None = None
        self._run_start = (first_line, offset)
        self._plain_extra = (history, segment)
        if self._envelope == "none" and self._structure not in ("json", "logfmt"):
            self._go_plain()

    # -- the Scanner interface -----------------------------------------------------------

    @property
    def next_line(self) -> int:
        """Number of the next line to scan (as ``Scanner.next_line``)."""
        return self._plain.next_line if self._plain is not None else self._next_line

    @next_line.setter
    def next_line(self, number: int) -> None:
        self._next_line = number

    @property
    def stats(self) -> ScanStats:
        return self._shared.stats

    @stats.setter
    def stats(self, stats: ScanStats) -> None:
        self._shared.stats = stats
        if self._plain is not None:
            self._plain.stats = stats

    @property
    def source(self) -> str:
        return self._settings.source

    @source.setter
    def source(self, name: str) -> None:
        self._settings = self._settings._replace(source=name)
        if self._plain is not None:
            self._plain.source = name

    @property
    def notes(self) -> SegmentNotes | None:
        return self._plain.notes if self._plain is not None else None

    @property
    def envelope(self) -> str | None:
        """The envelope recognised (``none`` for a bare log), None while still sampling."""
        return self._names[0] if self._names else None

    @property
    def committed_offset(self) -> int:
        if self._plain is not None:
            return self._plain.committed_offset
        return self._run_start[1] if self._run is not None else self.offset

    @property
    def committed_line(self) -> int:
        if self._plain is not None:
            return self._plain.committed_line
        return self._run_start[0] if self._run is not None else self.next_line

    def feed(self, data: bytes) -> list[Finding]:
        self._last_feed = self._clock()
        if self._plain is not None:
            return self._plain.feed(data)
        if self._names is None:
            self._sample += data
            if self._sample.count(b"\n", 0, DETECT_BYTES) < 2 * DETECT_LINES and (
                len(self._sample) < DETECT_BYTES
            ):
                return []
            return self._decide(final=False)
        return self._blocks(data, final=False)

    def flush(self) -> list[Finding]:
        """The input went quiet: decide on what was sampled, close events held open."""
        if self._names is None:
            out = self._decide(final=False)
            return out + (self._plain.flush() if self._plain is not None else self._flush_run())
        if self._plain is not None:
            return self._plain.flush()
        return self._flush_run()

    def flush_if_idle(self) -> list[Finding]:
        if self._clock() - self._last_feed >= self._idle:
            return self.flush()
        return []

    def close(self) -> list[Finding]:
        out = self._decide(final=True) if self._names is None else []
        if self._plain is not None:
            return out + self._plain.close()
        out += self._blocks(b"", final=True)
        if self._run is not None:
            out += self._run.close()
            self._end_run()
        return out

    # -- recognising the envelope ----------------------------------------------------------

    def _decide(self, final: bool) -> list[Finding]:
        sample, self._sample = self._sample, b""
        self._names = recognise(sample, self._envelope, self._structure, self._fields, final)
        if self._names == ("none", "none"):
            self._go_plain()
            assert self._plain is not None
            return self._plain.feed(sample)  # close() closes it
        return self._blocks(sample, final)

    def _go_plain(self) -> None:
        s = self._settings
        self._names = ("none", "none")
        self._plain = Scanner(
            self.ruleset,
            s.source,
            first_line=self.next_line,
            offset=self.offset,
            fingerprint=s.fingerprint,
            on_warning=s.on_warning,
            events=s.events,
            unknown=s.unknown,
            context=s.context,
            clock=self._clock,
            idle_flush=self._idle,
            history=self._plain_extra[0],
            segment=self._plain_extra[1],
        )
        self._plain.stats = self._shared.stats

    # -- blocks ----------------------------------------------------------------------------

    def _blocks(self, data: bytes, final: bool) -> list[Finding]:
        self._shared.stats.bytes += len(data)
        if self._skipping:  # the rest of a line longer than MAX_LINE_BYTES: counted, not kept
            newline = data.find(b"\n")
            self.offset += len(data) if newline == -1 else newline + 1
            if newline == -1:
                return []
            data, self._skipping = data[newline + 1 :], False
        skew = 0  # bytes of the file the block stands for, beyond its own
        end = data.rfind(b"\n") + 1
        if final and (end < len(data) or (self._tail and not data)):
            data, end, skew = data + b"\n", len(data) + 1, -1  # a last line without its newline
        # one copy of the block (a 4 MiB copy costs about a millisecond)
        block = b"".join((self._tail, memoryview(data)[:end])) if end else b""
        self._tail = data[end:] if end else self._tail + data
        if len(self._tail) > MAX_LINE_BYTES:  # its head is kept as a line, the rest skipped
            block += self._tail[:MAX_LINE_BYTES] + b"\n"
            skew = len(self._tail) - MAX_LINE_BYTES - 1
            self._tail, self._skipping = b"", True
        if not block:
            return []
        out = self._process(block)
        self.offset += skew
        self._history = keep_history(self._history, block)
        return out

    def _process(self, block: bytes) -> list[Finding]:
        hot = self._hot(block)
        out: list[Finding] = []
        pos = 0
        while pos < len(block):
            if self._run is None:
                k = bisect.bisect_left(hot, pos)
                if k == len(hot):
                    self._cold(block, pos, len(block))
                    break
                self._cold(block, pos, hot[k])
                pos = hot[k]
                pos = self._start_run(block, pos, out)
            pos = self._forward(block, pos, hot, out)
        return out

    def _hot(self, block: bytes) -> list[int]:
        """Line starts of the candidate lines: the prefilter's, and the envelope's own."""
        assert self._names is not None
        if self.ruleset.unfiltered:  # symptoms the prefilter cannot narrow down: every line
            return line_starts(block)
        starts = set(hot_lines(self._names[0], block))
        rfind = block.rfind
        found = self.ruleset.candidates(block, markers=self.unknown)
        if ESC in block:  # colour codes inside a symptom (engine.colour)
            found += ansi_candidates(self.ruleset, block, self.unknown)
        for _symptom, pos in found:
            starts.add(rfind(b"\n", 0, pos) + 1)
        return sorted(starts)

    def _cold(self, block: bytes, start: int, end: int) -> None:
        lines = block.count(b"\n", start, end)
        self.next_line += lines
        self._shared.stats.lines += lines
        self.offset += end - start

    def _chunk(self, block: bytes, pos: int, count: int) -> tuple[int, list[Line]]:
        lines: list[Line] = []
        number, offset, p = self.next_line, self.offset, pos
        find = block.find
        while len(lines) < count and p < len(block):
            e = find(b"\n", p)
            lines.append((number, offset + p - pos, block[p:e]))
            number, p = number + 1, e + 1
        self._cold(block, pos, p)
        return p, lines

    # -- runs ------------------------------------------------------------------------------

    def _start_run(self, block: bytes, pos: int, out: list[Finding]) -> int:
        assert self._names is not None
        envelope, structure = self._names
        # No look-back at first when the candidate starts an event of its own (most do).
        context = self._settings.context
        want = context + 2 if context else 0
        self._run_start = (self.next_line, self.offset)
        counted = self._shared.stats.lines
        while True:
            back, exhausted = lookback(
                block, pos, self._history, (self.next_line, self.offset), want
            )
            may_grow = not exhausted and want < MAX_LOOKBACK_LINES
            unwrapper = Unwrapper(envelope, structure, self._fields)
            run = Run(
                self.ruleset, self._settings, unwrapper, self.next_line, self._shared, may_grow
            )
            try:
                found = run.take(back)
                end, lines = self._chunk(block, pos, FIRST_STEP)
                found += run.take(lines)
            except NeedsLookback:
                self.next_line, self.offset = self._run_start
                self._shared.stats.lines = counted
                want = max(8, 4 * want)
                continue
            break
        run.stop_growing()
        self._run = run
        out += found
        return end

    def _forward(self, block: bytes, pos: int, hot: list[int], out: list[Finding]) -> int:
        run = self._run
        assert run is not None
        step = FIRST_STEP
        while True:
            closed, found = run.try_close()
            out += found
            if closed and not self._near(block, pos, hot):
                self._end_run()
                return pos
            if pos >= len(block):
                return pos  # the run goes on in the next block
            pos, lines = self._chunk(block, pos, step)
            out += run.take(lines)
            step = min(2 * step, MAX_STEP)

    def _near(self, block: bytes, pos: int, hot: list[int]) -> bool:
        k = bisect.bisect_left(hot, pos)
        if k == len(hot) or hot[k] - pos > NEAR_BYTES:
            return False
        return block.count(b"\n", pos, hot[k]) < NEAR_LINES

    def _flush_run(self) -> list[Finding]:
        if self._run is None:
            return []
        out = self._run.flush()
        closed, found = self._run.try_close()
        if closed:
            self._end_run()
        return out + found

    def _end_run(self) -> None:
        assert self._run is not None
        self._shared.stats.add_unknowns(self._run.unknown)
        self._run = None
