"""``--since`` / ``--until``: which findings fall in a time window, and where in a sorted
file the window starts and ends, found by bisecting on line timestamps instead of reading
the whole file (``--since 1h`` on a 10 GB log reads about an hour of it)."""

from __future__ import annotations

import itertools
import os
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from typing import BinaryIO

from matcher.engine.events import MAX_EVENT_BYTES
from matcher.model import Finding, UnknownFailure
from matcher.sources.read import GZIP_MAGIC, STDIN
from matcher.sources.timestamps import line_time

PROBE_BYTES = 64 * 1024  # read at each bisection step: enough to find a timestamped line
MAX_UNTIMED_BYTES = 1 << 20  # a probe gives up after this much without a timestamp
ORDER_PROBES = 32  # evenly spaced probes that must be in time order before bisecting
# A finding's time is looked for in this many lines of its event (a header starts it) and of
# the context before it: an event of 1,000 untimed lines costs no more than one of 8.
TIMED_LINES = 8
# Too small to be worth bisecting (a read of it is about as quick).
MIN_SEEK_BYTES = 4 << 20
# Read this much before the window's start, so that an event that began before it is whole.
LEAD_BYTES = MAX_EVENT_BYTES


@dataclass(frozen=True)
class TimeWindow:
    """POSIX seconds; ``None`` leaves that side open. A finding is in the window when its
    time is known and ``since <= time <= until``."""

    since: float | None = None
    until: float | None = None

    def holds(self, moment: float | None) -> bool:
        if moment is None:
            return False
        if self.since is not None and moment < self.since:
            return False
        return self.until is None or moment <= self.until

    def admits(self, failure: UnknownFailure) -> bool:
        """An unknown failure is kept unless its own line has a time outside the window (it
        carries no event lines to take a time from)."""
        moment = line_time(failure.text)
        return moment is None or self.holds(moment)


@dataclass(frozen=True)
class ByteRange:
    """Where to read a file: from ``start`` (a line start, numbered ``first_line``) up to
    ``stop`` (None: the end)."""

    start: int = 0
    first_line: int = 1
    stop: int | None = None


class LineShift:
    """Line numbers after a seek, made grep's: a scan from ``start`` numbers its first line
    1, and the lines before ``start`` are counted (read, not scanned) only when a finding
    needs a number, so a window without findings costs the bisection alone."""

    def __init__(self, path: str, start: int) -> None:
        self.path = path
        self.start = start
        self._by: int | None = None if start else 0

    @property
    def by(self) -> int:
        if self._by is None:
            from matcher.sources.lineindex import lines_before

            self._by = lines_before(self.path, self.start)
        return self._by

    def finding(self, finding: Finding) -> Finding:
        by = self.by
        if not by:
            return finding
        return replace(
            finding,
            line=finding.line + by,
            first_line=finding.first_line + by,
            last_line=finding.last_line + by,
            matched_lines=tuple(n + by for n in finding.matched_lines),
        )

    def unknown(self, failure: UnknownFailure) -> UnknownFailure:
        by = self.by
        if not by:
            return failure
        return replace(
            failure,
            line=failure.line + by,
            first_line=failure.first_line + by,
            last_line=failure.last_line + by,
        )


def finding_time(finding: Finding) -> float | None:
    """The time of a finding: of its matched line, else of its event (the first of its first
    ``TIMED_LINES`` lines that has one: a traceback's log header, say), else of the nearest of
    the ``TIMED_LINES`` context lines before it, else the envelope's (or JSON record's) time."""
    looked_at = (
        finding.text,
        *finding.event[:TIMED_LINES],
        *finding.context_before[::-1][:TIMED_LINES],
        *([finding.fields["time"]] if "time" in finding.fields else []),
    )
    for line in looked_at:
        moment = line_time(line)
        if moment is not None:
            return moment
    return None


def stamp(finding: Finding) -> Finding:
    """The finding with its ``time`` set (where one is known)."""
    moment = finding_time(finding)
    return finding if moment is None else replace(finding, time=moment)


def seek_range(path: str, window: TimeWindow) -> ByteRange | None:
    """The part of a sorted regular file that can hold the window, or None to read it all
    (stdin, a compressed file, a small file, lines without timestamps, or times that are not
    in order at the points probed)."""
    if path == STDIN or (window.since is None and window.until is None):
        return None
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode) or info.st_size < MIN_SEEK_BYTES:
            return None
        with open(path, "rb") as fh:
            if fh.read(len(GZIP_MAGIC)) == GZIP_MAGIC:
                return None
            return _window_range(_Prober(fh, info.st_size), window)
    except OSError:
        return None  # reading it whole reports the error


def _window_range(probe: _Prober, window: TimeWindow) -> ByteRange | None:
    for step in range(ORDER_PROBES):  # an unsorted file is read whole: bisecting would skip
        probe.probe(probe.size * step // ORDER_PROBES)
    start = 0
    if window.since is not None:
        since = window.since
        found = probe.first_reaching(lambda moment: moment >= since)
        if found is None:
            return None
        start = probe.line_start(max(0, found - LEAD_BYTES))
    stop = None
    if window.until is not None:
        until = window.until
        after = probe.first_reaching(lambda moment: moment > until)
        if after is None:
            return None
        stop = None if after >= probe.size else min(probe.size, after + LEAD_BYTES)
    if not probe.in_order:
        return None
    return ByteRange(start, 1, stop)  # numbered from 1: see LineShift


class _Prober:
    """Line timestamps at byte offsets of an open file, for bisection."""

    def __init__(self, fh: BinaryIO, size: int) -> None:
        self.fh = fh
        self.size = size
        self.seen: dict[int, float] = {}  # offset of a probed line -> its time
        self.in_order = True

    def _read(self, offset: int, size: int) -> bytes:
        self.fh.seek(offset)
        return self.fh.read(size)

    def line_start(self, offset: int) -> int:
        """The start of the first line at or after ``offset``."""
        while 0 < offset < self.size:
            block = self._read(offset - 1, PROBE_BYTES)
            newline = block.find(b"\n")
            if newline >= 0:
                return offset + newline
            offset += len(block)
        return min(offset, self.size)

    def timed_lines(self, offset: int) -> Iterator[tuple[int, float]]:
        """(start, time) of the timestamped lines from ``offset`` on; gives up after
        ``MAX_UNTIMED_BYTES`` without one (a file without timestamps is not bisected)."""
        pos = self.line_start(offset)
        untimed = 0
        while pos < self.size and untimed < MAX_UNTIMED_BYTES:
            block = self._read(pos, PROBE_BYTES)
            lines = block.split(b"\n")
            if len(block) == PROBE_BYTES:
                lines.pop()  # cut short: read again from its start
            if not lines:  # one line longer than a probe
                untimed += len(block)
                pos = self.line_start(pos + len(block))
                continue
            for line in lines:
                moment = line_time(line)
                if moment is None:
                    untimed += len(line) + 1
                else:
                    untimed = 0
                    yield pos, moment
                pos += len(line) + 1
            if len(block) < PROBE_BYTES:
                return

    def probe(self, offset: int) -> tuple[int, float] | None:
        found = next(self.timed_lines(offset), None)
        if found is not None:
            # Times that go back as offsets go forward: not sorted, so no seeking.
            self.seen[found[0]] = found[1]
            ordered = [t for _, t in sorted(self.seen.items())]
            self.in_order = all(a <= b for a, b in itertools.pairwise(ordered))
        return found

    def first_reaching(self, reached: Callable[[float], bool]) -> int | None:
        """The start of the first timestamped line whose time has ``reached`` (``size`` when
        none has); None when the file's start has no timestamped line."""
        if self.probe(0) is None:
            return None
        low, high = 0, self.size  # every timed line starting at or after `high` has reached
        while high - low > PROBE_BYTES:
            mid = (low + high) // 2
            found = self.probe(mid)
            if found is None or reached(found[1]):  # None: unknown, so read more, not less
                high = mid
            else:
                low = found[0] + 1
        for pos, moment in self.timed_lines(low):
            if pos >= high or reached(moment):
                return min(pos, high)
        return high
