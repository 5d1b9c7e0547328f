"""Use several cores for one scan: big regular files are cut into segments at event
boundaries, and segments (of one or several files) are scanned by forked worker processes.

Results come back in input order, with line numbers shifted by the lines of the segments
before them, so the output is the same as a sequential scan's.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from matcher.errors import SourceError
from matcher.events import EventRules, line_at
from matcher.model import Finding, UnknownFailure
from matcher.ruleset import Ruleset
from matcher.scanner import Scanner, ScanStats
from matcher.sources import (
    GZIP_MAGIC,
    MIN_SEGMENT_BYTES,
    STDIN,
    display_name,
    is_junit_report,
)

# Files smaller than this are not cut: start-up of a worker costs more than it saves.
READ_SIZE = 4 << 20
BOUNDARY_SEARCH_BYTES = 8 << 20

# Set in the parent just before forking, so that workers inherit the compiled ruleset
# instead of receiving it pickled.
_WORKER: dict[str, Any] = {}


@dataclass(frozen=True)
class Segment:
    path: str
    start: int
    end: int | None  # None: to the end (also for stdin and compressed files)
    first: bool  # the file's first segment: its line numbers need no shift


@dataclass
class SegmentResult:
    findings: list[Finding]
    stats: ScanStats
    lines: int  # lines in the segment, to shift the next segment's line numbers
    error: SourceError | None


def plan(paths: list[str], jobs: int, events: str) -> list[Segment]:
    """Cut regular, uncompressed files into about ``jobs`` segments each, if they are big."""
    segments: list[Segment] = []
    rules = EventRules(events)
    for path in paths:
        size = _plain_size(path)
        if size is None or jobs < 2 or size < 2 * MIN_SEGMENT_BYTES:
            segments.append(Segment(path, 0, None, True))
            continue
        count = min(jobs * 2, size // MIN_SEGMENT_BYTES)
        cuts = [0]
        for k in range(1, count):
            cut = _boundary(path, size * k // count, rules)
            if cut is not None and cut > cuts[-1]:
                cuts.append(cut)
        bounds = [*cuts, None]
        for i in range(len(cuts)):
            segments.append(Segment(path, cuts[i], bounds[i + 1], i == 0))
    return segments


def _plain_size(path: str) -> int | None:
    if path == STDIN:
        return None
    try:
        with open(path, "rb") as fh:
            head = fh.read(64 << 10)
            if head.startswith(GZIP_MAGIC) or is_junit_report(head):
                return None  # read as one stream
            st = os.fstat(fh.fileno())
    except OSError:
        return None
    import stat

    return st.st_size if stat.S_ISREG(st.st_mode) else None


def _boundary(path: str, near: int, rules: EventRules) -> int | None:
    """Offset of the first line at or after ``near`` that no event can span into."""
    with open(path, "rb") as fh:
        fh.seek(max(0, near - 1))
        buf = fh.read(BOUNDARY_SEARCH_BYTES)
    base = max(0, near - 1)
    start = buf.find(b"\n") + 1  # skip to a line start
    if not start:
        return None
    prev_start = start
    prev, pos = line_at(buf, start)
    while pos < len(buf):
        line, nxt = line_at(buf, pos)
        if nxt >= len(buf):
            return None  # the line may be cut by the read
        if rules.is_boundary(line, prev):
            return base + pos
        prev, prev_start, pos = line, pos, nxt
    del prev_start
    return None


def scan_segment(ruleset: Ruleset, segment: Segment, options: dict[str, Any]) -> SegmentResult:
    if segment.end is None and segment.start == 0:
        return _scan_whole(ruleset, segment.path, options)
    stats = ScanStats()
    scanner = Scanner(ruleset, display_name(segment.path), offset=segment.start, **options)
    scanner.stats = stats
    findings: list[Finding] = []
    error = None
    try:
        findings += _feed_range(scanner, segment)
    except SourceError as exc:
        error = exc
    findings += scanner.close()
    return SegmentResult(findings, stats, scanner.next_line - 1, error)


def _scan_whole(ruleset: Ruleset, path: str, options: dict[str, Any]) -> SegmentResult:
    """A whole file (compressed, JUnit XML, stdin or small): what a one-process scan does."""
    from matcher.api import scan_file

    stats = ScanStats()
    findings: list[Finding] = []
    error = None
    try:
        findings.extend(scan_file(ruleset, path, stats=stats, **options))
    except SourceError as exc:
        error = exc
    return SegmentResult(findings, stats, stats.lines, error)


def _feed_range(scanner: Scanner, segment: Segment) -> list[Finding]:
    findings: list[Finding] = []
    try:
        with open(segment.path, "rb") as fh:
            fh.seek(segment.start)
            left = None if segment.end is None else segment.end - segment.start
            while left is None or left > 0:
                chunk = fh.read(READ_SIZE if left is None else min(READ_SIZE, left))
                if not chunk:
                    break
                if left is not None:
                    left -= len(chunk)
                findings += scanner.feed(chunk)
    except OSError as exc:
        raise SourceError(segment.path, exc.strerror or str(exc)) from None
    return findings


def _worker(index: int) -> SegmentResult:
    return scan_segment(_WORKER["ruleset"], _WORKER["segments"][index], _WORKER["options"])


def scan_parallel(
    ruleset: Ruleset, segments: list[Segment], jobs: int, options: dict[str, Any]
) -> Iterator[tuple[Segment, SegmentResult]]:
    """Scan segments on ``jobs`` processes; yield results in order with line numbers fixed."""
    import multiprocessing

    _WORKER.update(ruleset=ruleset, segments=segments, options=options)
    context = multiprocessing.get_context("fork")
    shift = 0
    with context.Pool(jobs) as pool:
        for segment, result in zip(segments, pool.imap(_worker, range(len(segments))), strict=True):
            if segment.first:
                shift = 0
            if shift:
                result.findings = [shift_finding(f, shift) for f in result.findings]
                result.stats.unknown = [shift_unknown(u, shift) for u in result.stats.unknown]
            shift += result.lines
            yield segment, result
    _WORKER.clear()


def shift_finding(finding: Finding, by: int) -> Finding:
    return dataclasses.replace(
        finding,
        line=finding.line + by,
        matched_lines=tuple(n + by for n in finding.matched_lines),
        first_line=finding.first_line + by,
        last_line=finding.last_line + by,
    )


def shift_unknown(failure: UnknownFailure, by: int) -> UnknownFailure:
    return dataclasses.replace(
        failure,
        line=failure.line + by,
        first_line=failure.first_line + by,
        last_line=failure.last_line + by,
    )


def can_fork() -> bool:
    return hasattr(os, "fork")
