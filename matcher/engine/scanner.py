"""The streaming core: bytes in, findings out. No I/O, no CLI; the clock is passed in.

``Scanner.feed`` takes any chunking of a byte stream. Complete lines are gathered into blocks;
one prefilter pass over a block finds the few candidate lines, events are assembled around
those lines only (looking back into the bytes already seen and forward in the block), and only
candidate lines are decoded and confirmed with the exact patterns. An event still open at the
end of a block is carried over to the next one. Line numbers count LF bytes, as ``grep -n``.
"""

from __future__ import annotations

import bisect
import time
from collections.abc import Callable

from matcher.engine import sections
from matcher.engine.colour import ESC, ansi_candidates
from matcher.engine.evaluate import Evaluator, EventLine, Hit, build_finding
from matcher.engine.events import (
    MAX_EVENT_BYTES,
    PYTEST_BLOCK,
    Bounds,
    EventRules,
    LineCounter,
    awaits_context,
    lines_around,
)
from matcher.engine.long_lines import first_overflow
from matcher.engine.sections import SegmentNotes, enclosing_test, remember_test
from matcher.engine.stats import ScanStats as ScanStats
from matcher.engine.unknown import unknown_failure
from matcher.model import Finding
from matcher.patterns.markers import MARKER, PYTEST
from matcher.patterns.ruleset import Ruleset

# Longest line matched in full; the rest of a longer line is counted but not kept, so a 50 MB
# line without a newline costs 1 MiB of memory, and its findings say ``truncated``.
MAX_LINE_BYTES = 1 << 20
# Bytes already scanned that are kept to look back into for the start of an event.
HISTORY_BYTES = MAX_EVENT_BYTES
# An event left open (waiting for more lines) is closed after this much quiet (live input).
IDLE_FLUSH_SECONDS = 0.5


class Scanner:
    """Feed it bytes, get findings. One scanner per source."""

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
        history: bytes = b"",
        segment: bool = False,
    ) -> None:
        """``history``: complete lines just before ``offset``, for look-back only (context,
        the pytest section a finding stands in). ``segment``: the scan starts mid-file and
        does not know what went before; it records what a scan of the whole file would have
        decided differently (``SegmentNotes``) for matcher.sources.parallel to settle in order."""
        if unknown and not ruleset.markers:
            raise ValueError("unknown failures need a ruleset compiled with unknown=True")
        self.ruleset = ruleset
        self.source = source
        self.fingerprint = fingerprint
        self.next_line = first_line  # line number of the first carried (not final) line
        self.offset = offset  # byte offset of the same
        self.stats = ScanStats()
        self.unknown = unknown
        self.context = context
        self._rules = EventRules(events)
        self._evaluator = Evaluator(ruleset, on_warning or (lambda message: None))
        self._history = history[-HISTORY_BYTES:]  # final lines kept for look-back
        self._carry = b""  # complete lines not final yet (an open event)
        self._tail = b""  # a line without its newline yet
        self._long: bytes | None = None  # head of a line longer than MAX_LINE_BYTES
        self._long_size = 0
        self._cut_line: int | None = None  # number of the line being scanned cut short
        self._clock, self._idle, self._last_feed = clock, idle_flush, clock()
        self._tests: dict[bytes, set[str]] = {}  # pytest failure blocks seen: test -> incidents
        self.pytest_banner = False  # pytest's failures banner has been seen
        self._event_end = offset  # byte offset just past the last event reported
        self.notes = SegmentNotes(self._tests) if segment else None

    # -- input ---------------------------------------------------------------------------

    def feed(self, data: bytes) -> list[Finding]:
        findings: list[Finding] = []
        self.stats.bytes += len(data)
        self._last_feed = self._clock()
        while True:
            if self._long is not None:
                data = self._skip_long_line(data, findings)
                if self._long is not None:
                    return findings
            cut = first_overflow(data, len(self._tail), MAX_LINE_BYTES)
            if cut == -1:
                break
            start = data.rfind(b"\n", 0, cut) + 1  # the long line's start (0: in the tail)
            if start:
                findings += self._lines(data[:start])
            self._long, self._long_size = self._tail + data[start:cut], MAX_LINE_BYTES
            self._tail, data = b"", data[cut:]
        return findings + self._lines(data)

    def _lines(self, data: bytes) -> list[Finding]:
        """Complete lines of ``data`` scanned, the rest held back (no line is too long)."""
        findings: list[Finding] = []
        end = data.rfind(b"\n") + 1
        if end:
            # One copy per block: history, carried lines, the held-back partial line and the
            # new complete lines are joined once, in _process.
            head, self._tail = self._tail, b""
            findings += self._process(memoryview(data)[:end], final=False, head=head)
            self._tail = data[end:]
        else:
            self._tail += data
        return findings

    @property
    def committed_offset(self) -> int:
        """Byte offset up to which every finding has been returned: a safe checkpoint."""
        return self.offset

    @property
    def committed_line(self) -> int:
        """Number of the line at ``committed_offset``."""
        return self.next_line

    def flush(self) -> list[Finding]:
        """Close an event held open waiting for more lines (the input went quiet)."""
        return self._process(b"", final=True) if self._carry else []

    def flush_if_idle(self) -> list[Finding]:
        """``flush`` once no bytes have arrived for ``idle_flush`` seconds (by the clock given)."""
        if self._carry and self._clock() - self._last_feed >= self._idle:
            return self.flush()
        return []

    def close(self) -> list[Finding]:
        """End of input: a last line without a newline is still a line; open events close."""
        if self._long is not None:
            return self._finish_long_line(self._long_size)
        tail, self._tail = self._tail, b""
        return self._process(tail + b"\n" if tail else b"", final=True, tail_size=len(tail))

    def _skip_long_line(self, data: bytes, findings: list[Finding]) -> bytes:
        newline = data.find(b"\n")
        if newline == -1:
            self._long_size += len(data)
            return b""
        findings += self._finish_long_line(self._long_size + newline + 1)
        return data[newline + 1 :]

    def _finish_long_line(self, size: int) -> list[Finding]:
        # The cut line closes whatever event is open: a megabyte line is no continuation.
        head, self._long = self._long or b"", None
        self._cut_line = self.next_line + self._carry.count(b"\n")
        try:
            return self._process(head + b"\n", final=True, tail_size=size)
        finally:
            self._cut_line = None

    # -- blocks --------------------------------------------------------------------------

    def _process(
        self,
        new: bytes | memoryview,
        final: bool,
        tail_size: int | None = None,
        head: bytes = b"",
    ) -> list[Finding]:
        """Scan carried + new complete lines; everything up to the first still-open event with
        candidates becomes final, the rest is carried."""
        history = self._history
        base = len(history)
        work = b"".join((history, self._carry, head, new))
        by_line = self._candidates(work, base)
        lines = LineCounter(work, base, self.next_line)
        findings: list[Finding] = []
        done = base
        carry_from = len(work)
        starts = sorted(by_line)
        for k, start in enumerate(starts):
            if start < done:
                continue
            # An event never starts inside the one before it (the rest of a cut event is not
            # looked back into); _event_end is an absolute offset, work[base] is self.offset.
            floor = max(0, self._event_end - self.offset + base)
            bounds = self._rules.bounds(work, start, floor=floor, final=final)
            if bounds.open or (not final and awaits_context(work, bounds, self.context)):
                carry_from = max(bounds.start, base)
                break
            inside = starts[k : bisect.bisect_left(starts, bounds.end, k)]
            findings += self._event(work, bounds, {o: by_line[o] for o in inside}, lines)
            done = bounds.end
            self._event_end = self.offset + (done - base)
        self._advance(work, base, carry_from, lines.at(carry_from), new, tail_size)
        return findings

    def _candidates(self, work: bytes, base: int) -> dict[int, set[int]]:
        by_line: dict[int, set[int]] = {}
        if len(work) == base:
            return by_line  # nothing new (an empty input never loads the prefilter's database)
        region = memoryview(work)[base:] if base else work
        rfind, hint = work.rfind, False
        found = self.ruleset.candidates(region, markers=self.unknown)
        if work.find(ESC, base) != -1:  # colour codes inside a symptom (engine.colour)
            found += ansi_candidates(self.ruleset, region, self.unknown)
        for symptom, pos in found:
            if symptom <= PYTEST:  # pytest's failures banner went by, or a pytest-like line
                hint = sections.seen_pytest(self, symptom) or hint
                continue
            start = rfind(b"\n", 0, pos + base) + 1
            by_line.setdefault(start, set()).add(symptom)
        if self.pytest_banner or (hint and self.notes is not None):  # a segment: provisionally
            sections.note_pytest(self, work, base, by_line)
        unfiltered = set(self.ruleset.unfiltered) - self._evaluator.disabled
        if unfiltered:  # symptoms the prefilter cannot narrow down (warned at load)
            start = base
            while start < len(work):
                by_line.setdefault(start, set()).update(unfiltered)
                start = work.index(b"\n", start) + 1
        return by_line

    def _advance(
        self,
        work: bytes,
        base: int,
        consumed: int,
        line: int,
        new: bytes | memoryview,
        tail_size: int | None,
    ) -> None:
        # Each byte is counted for newlines once (in LineCounter): counting is a large share of the
        # time spent per byte.
        self.stats.lines += line - self.next_line
        self.next_line = line
        self.offset += consumed - base
        if tail_size is not None and new:
            # the last "line" stood for a cut or unterminated one of another real size
            self.offset += tail_size - len(new)
        keep_from = max(0, consumed - HISTORY_BYTES)
        if keep_from:
            keep_from = work.find(b"\n", keep_from - 1) + 1 or consumed
        self._history = work[keep_from:consumed]
        self._carry = work[consumed:]

    # -- events --------------------------------------------------------------------------

    def _event(
        self, work: bytes, bounds: Bounds, by_line: dict[int, set[int]], lines: LineCounter
    ) -> list[Finding]:
        first = lines.at(bounds.start)
        raws = work[bounds.start : bounds.end].split(b"\n")
        raws.pop()  # the piece after the last newline
        while len(raws) > 1 and (not raws[-1] or raws[-1].isspace()):
            raws.pop()  # trailing blank lines do not belong to the event
        # by_line holds this event's candidate lines only, in order
        index: dict[int, set[int]] = {}
        start, lines_kept = bounds.start, len(raws)
        for offset, found in by_line.items():
            number = work.count(b"\n", start, offset)
            if number < lines_kept:  # not a trailing blank line
                index[number] = found
        markers: list[int] = []
        event: list[EventLine] = []
        empty: frozenset[int] = frozenset()
        for i, raw in enumerate(raws):
            candidates = index.get(i)
            if candidates and MARKER in candidates:
                markers.append(i)
                candidates = candidates - {MARKER}
            event.append(
                EventLine(first + i, raw.removesuffix(b"\r"), frozenset(candidates or empty))
            )
        symptomatic = any(line.candidates for line in event)
        fired = self._evaluator.fire(event) if symptomatic else []
        findings = self._findings(work, bounds, event, fired)
        if markers and not findings:
            self._unknown(event, markers)
        return findings

    def _findings(
        self,
        work: bytes,
        bounds: Bounds,
        event: list[EventLine],
        fired: list[tuple[int, list[Hit]]],
    ) -> list[Finding]:
        findings = []
        test = sections.summary_test(bounds.header)
        around = lines_around(work, bounds.start, len(event), self.context) if fired else ((), ())
        block = PYTEST_BLOCK.match(bounds.header)
        notes = self.notes
        provisional = False
        if block:
            section: bytes | None = block.group(1)
        else:
            # A segment does not know whether pytest's banner went by before it: it takes the
            # section, and the parent drops it if the banner had not.
            in_pytest = self.pytest_banner or notes is not None
            section = enclosing_test(work, bounds.start) if fired and in_pytest else None
            provisional = section is not None and not self.pytest_banner
        for sig_index, hits in fired:
            sig = self.ruleset.signatures[sig_index]
            if test is not None and sig.id in self._tests.get(test, ()):
                continue  # pytest's summary line repeats what the failure section said
            finding = build_finding(
                self.ruleset,
                sig_index,
                hits,
                event,
                source=self.source,
                offset=self.offset + (bounds.start - len(self._history)),
                fingerprint=self.fingerprint,
                truncated=self._cut_line is not None and self._cut_line in {h.line for h in hits},
                event_cut=bounds.cut,
                testcase=sections.testcase(section, bounds.header),
                context_before=around[0],
                context_after=around[1],
            )
            self.stats.findings[sig.id] = self.stats.findings.get(sig.id, 0) + 1
            if notes is not None:
                notes.note_finding(test, provisional)
            findings.append(finding)
        if section is not None:
            remember_test(self._tests, section, {f.signature.id for f in findings})
        return findings

    def _unknown(self, event: list[EventLine], markers: list[int]) -> None:
        """Record an error-like event no signature explained (``markers``: indices of the lines
        where the prefilter saw an error marker)."""
        test = sections.summary_test(event[0].raw)
        if test is not None and test in self._tests:
            return  # explained by that test's failure section, known or not
        failure = unknown_failure(self.source, event, markers)
        if failure is None:
            return
        kept = len(self.stats.unknown)
        if self.stats.add_unknown(failure) and self.notes is not None:
            self.notes.note_unknown(kept, test, failure, self.pytest_banner)
