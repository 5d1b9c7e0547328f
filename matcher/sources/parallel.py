"""Use several cores for one scan: big regular files are cut into segments at event
boundaries, and segments (of one or several files) are scanned by forked worker processes.

Results come back in input order, with line numbers shifted by the lines of the segments
before them, so the output is the same as a sequential scan's.
"""

from __future__ import annotations

import dataclasses
import io
import os
import pickle
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from matcher.engine.choose import new_scanner
from matcher.engine.enveloped import EnvelopeScanner
from matcher.engine.events import EventRules, line_at
from matcher.engine.options import ScanOptions
from matcher.engine.scanner import HISTORY_BYTES, Scanner, ScanStats
from matcher.engine.sections import SegmentNotes
from matcher.engine.stats import shift_pytest
from matcher.errors import SourceError
from matcher.model import Finding, Signature, UnknownFailure
from matcher.patterns.ruleset import Ruleset
from matcher.sources.read import (
    GZIP_MAGIC,
    MIN_SEGMENT_BYTES,
    STDIN,
    display_name,
)
from matcher.sources.sniff import file_envelope, is_junit_report, is_utf16
from matcher.sources.window import stamp

READ_SIZE = 4 << 20
BOUNDARY_SEARCH_BYTES = 8 << 20
# Segments of a big file: three per worker, shrinking (see _weights), or many of this size in
# a very big file (its first findings then come out before the whole file is read). Small
# segments measured slower: 32 MB ones cost 10% more CPU than 250 MB ones on a 1 GB file.
SEGMENT_BYTES = 256 << 20
MAX_SEGMENTS = 256

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
    notes: SegmentNotes | None = None  # what only the segments before can settle


def plan(
    paths: list[str],
    jobs: int,
    events: str,
    *,
    min_bytes: int = 2 * MIN_SEGMENT_BYTES,
    segment_bytes: int = SEGMENT_BYTES,
) -> list[Segment]:
    """Cut regular, uncompressed files of at least ``min_bytes`` into segments of about
    ``segment_bytes`` (at least two per worker), each starting where no event can span."""
    segments: list[Segment] = []
    rules = EventRules(events)
    for path in paths:
        size = _plain_size(path)
        if size is None or jobs < 2 or size < min_bytes:
            segments.append(Segment(path, 0, None, True))
            continue
        weights = _weights(jobs, size // segment_bytes)
        total, upto = sum(weights), 0
        cuts = [0]
        for weight in weights[:-1]:
            upto += weight
            cut = _boundary(path, size * upto // total, rules)
            if cut is not None and cut > cuts[-1]:
                cuts.append(cut)
        bounds = [*cuts, None]
        for i in range(len(cuts)):
            segments.append(Segment(path, cuts[i], bounds[i + 1], i == 0))
    return segments


def _weights(jobs: int, count: int) -> list[int]:
    """Relative sizes of a file's segments. Results are written out in order by the parent,
    which works while the workers do: the last segments are small, so that little of that
    work is left when the workers are done (about 7% of the findings, not half)."""
    if count > 7 * jobs:
        return [1] * min(MAX_SEGMENTS, count)
    return [4] * jobs + [2] * jobs + [1] * jobs


def _plain_size(path: str) -> int | None:
    if path == STDIN:
        return None
    try:
        with open(path, "rb") as fh:
            head = fh.read(64 << 10)
            if head.startswith(GZIP_MAGIC) or is_junit_report(head) or is_utf16(head):
                return None  # read as one stream
            st = os.fstat(fh.fileno())
    except OSError:
        return None
    import stat

    return st.st_size if stat.S_ISREG(st.st_mode) else None


def _boundary(path: str, near: int, rules: EventRules) -> int | None:
    """Offset of the first line at or after ``near`` that no event can span into."""
    size = 64 << 10  # usually enough; an event is at most MAX_EVENT_BYTES
    while True:
        with open(path, "rb") as fh:
            fh.seek(max(0, near - 1))
            buf = fh.read(size)
        found = _boundary_in(buf, max(0, near - 1), rules)
        if found is not None or len(buf) < size or size >= BOUNDARY_SEARCH_BYTES:
            return found
        size = min(size * 8, BOUNDARY_SEARCH_BYTES)


def _boundary_in(buf: bytes, base: int, rules: EventRules) -> int | None:
    start = buf.find(b"\n") + 1  # skip to a line start
    if not start:
        return None
    prev, pos = line_at(buf, start)
    while pos < len(buf):
        line, nxt = line_at(buf, pos)
        if nxt >= len(buf):
            return None  # the line may be cut by the read
        if rules.is_boundary(line, prev):
            return base + pos
        prev, pos = line, nxt
    return None


def scan_segment(ruleset: Ruleset, segment: Segment, options: ScanOptions) -> SegmentResult:
    if segment.end is None and segment.start == 0:
        return _scan_whole(ruleset, segment.path, options)
    stats = ScanStats()
    findings: list[Finding] = []
    error = None
    try:
        history = b"" if segment.first else _history_before(segment)
    except SourceError as exc:
        return SegmentResult([], stats, 0, exc)
    # a bare log goes to a Scanner; an enveloped one is recognised again in each segment
    where = {"offset": segment.start, "history": history, "segment": not segment.first}
    names = None if segment.first else file_envelope(segment.path, options)
    scanner = new_scanner(ruleset, display_name(segment.path), options, names, **where)
    scanner.stats = stats
    try:
        findings += _feed_range(scanner, segment)
    except SourceError as exc:
        error = exc
    findings = [stamp(f) for f in findings + scanner.close()]  # as scan_source does
    return SegmentResult(findings, stats, scanner.next_line - 1, error, scanner.notes)


def _history_before(segment: Segment) -> bytes:
    """The complete lines a whole-file scan would hold for look-back at the segment's start."""
    start = max(0, segment.start - HISTORY_BYTES)
    try:
        with open(segment.path, "rb") as fh:
            fh.seek(start)
            data = fh.read(segment.start - start)
    except OSError as exc:
        raise SourceError(segment.path, exc.strerror or str(exc)) from None
    return data if start == 0 else data[data.find(b"\n") + 1 :]


def _scan_whole(ruleset: Ruleset, path: str, options: ScanOptions) -> SegmentResult:
    """A whole file (compressed, JUnit XML, stdin or small): what a one-process scan does."""
    from matcher.sources.scan import scan_source

    stats = ScanStats()
    findings: list[Finding] = []
    error = None
    try:
        findings.extend(scan_source(ruleset, path, options, stats))
    except SourceError as exc:
        error = exc
    return SegmentResult(findings, stats, stats.lines, error)


def _feed_range(scanner: Scanner | EnvelopeScanner, segment: Segment) -> list[Finding]:
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


def _worker(index: int) -> bytes:
    ruleset: Ruleset = _WORKER["ruleset"]
    result = scan_segment(ruleset, _WORKER["segments"][index], _WORKER["options"])
    return _dump(result, ruleset)


class _SignatureRefPickler(pickle.Pickler):
    """Pickles a finding's signature as its index in the ruleset both processes hold: a
    thousand signatures' titles, examples and resolutions are not copied for every segment,
    and the parent's findings point at the parent's own signatures."""

    def __init__(self, file: io.BytesIO, ruleset: Ruleset) -> None:
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self._index = {id(sig): i for i, sig in enumerate(ruleset.signatures)}

    def persistent_id(self, obj: Any) -> int | None:
        return self._index.get(id(obj)) if type(obj) is Signature else None


class _SignatureRefUnpickler(pickle.Unpickler):
    def __init__(self, file: io.BytesIO, ruleset: Ruleset) -> None:
        super().__init__(file)
        self._signatures = ruleset.signatures

    def persistent_load(self, pid: Any) -> Signature:
        return self._signatures[int(pid)]


# Findings cross as rows of field values: a tuple pickles in half the time of a dataclass,
# and the parent builds each Finding once, line numbers already shifted.
_FIELDS = tuple(field.name for field in dataclasses.fields(Finding))
_SHIFTED = ("line", "matched_lines", "first_line", "last_line", "event_lines", "raw_span")
_LINE, _MATCHED, _FIRST, _LAST, _EVENT_LINES, _RAW_SPAN = map(_FIELDS.index, _SHIFTED)


def _dump(result: SegmentResult, ruleset: Ruleset) -> bytes:
    rows = [tuple(getattr(f, name) for name in _FIELDS) for f in result.findings]
    buf = io.BytesIO()
    _SignatureRefPickler(buf, ruleset).dump((rows, dataclasses.replace(result, findings=[])))
    return buf.getvalue()


def _load(blob: bytes, ruleset: Ruleset, shift: int = 0) -> SegmentResult:
    """The segment's result, its line numbers moved down by ``shift``."""
    rows: list[Any]
    result: SegmentResult
    rows, result = _SignatureRefUnpickler(io.BytesIO(blob), ruleset).load()
    if shift:
        rows = [list(row) for row in rows]
        for row in rows:
            row[_LINE] += shift
            row[_FIRST] += shift
            row[_LAST] += shift
            row[_MATCHED] = tuple(n + shift for n in row[_MATCHED])
            row[_EVENT_LINES] = tuple(n + shift for n in row[_EVENT_LINES])
            if span := row[_RAW_SPAN]:
                row[_RAW_SPAN] = (span[0] + shift, span[1], span[2] + shift, span[3])
        result.stats.unknown = [shift_unknown(u, shift) for u in result.stats.unknown]
        result.stats.pytest = shift_pytest(result.stats.pytest, shift)
    result.findings = [Finding(*row) for row in rows]
    return result


def scan_parallel(
    ruleset: Ruleset, segments: list[Segment], jobs: int, options: ScanOptions
) -> Iterator[tuple[Segment, SegmentResult]]:
    """Scan segments on ``jobs`` processes; yield results in order with line numbers fixed."""
    import multiprocessing

    _WORKER.update(ruleset=ruleset, segments=segments, options=options)
    context = multiprocessing.get_context("fork")
    shift = 0
    before = _Before()
    with context.Pool(jobs) as pool:
        blobs = pool.imap(_worker, range(len(segments)))
        for segment, blob in zip(segments, blobs, strict=True):
            if segment.first:
                shift, before = 0, _Before()
            result = _load(blob, ruleset, shift)
            if result.notes is not None:
                before.settle(result)
            shift += result.lines
            yield segment, result
    _WORKER.clear()


class _Before:
    """What the segments of a file before this one saw of pytest: settles a segment's notes
    as a scan of the whole file would have decided them."""

    def __init__(self) -> None:
        self.banner = False
        self.tests: dict[bytes, set[str]] = {}

    def settle(self, result: SegmentResult) -> None:
        notes = result.notes
        assert notes is not None
        findings, stats = result.findings, result.stats
        if not self.banner:  # no pytest run before: no finding stands in a failure section
            for i in notes.provisional:
                findings[i] = dataclasses.replace(findings[i], testcase=None)
        drop = {
            i
            for i, test in notes.summary_findings
            if findings[i].signature.id in self.tests.get(test, ())
        }
        for i in drop:  # pytest's summary line repeats what an earlier section said
            sig_id = findings[i].signature.id
            stats.findings[sig_id] -= 1
            if not stats.findings[sig_id]:
                del stats.findings[sig_id]
        result.findings = [f for i, f in enumerate(findings) if i not in drop]
        known = notes.known_unknowns(self.tests, self.banner)
        stats.unknown = [u for i, u in enumerate(stats.unknown) if i not in known]
        self.banner = self.banner or notes.banner
        for test, incidents in notes.tests.items():
            self.tests[test] = self.tests.get(test, set()) | incidents


def shift_unknown(failure: UnknownFailure, by: int) -> UnknownFailure:
    return dataclasses.replace(
        failure,
        line=failure.line + by,
        first_line=failure.first_line + by,
        last_line=failure.last_line + by,
    )


def can_fork() -> bool:
    return hasattr(os, "fork")
