"""pytest's failure sections as the scanner meets them: which test a finding stands in, which
tests' sections were seen (so a summary line ``FAILED t - …`` adds nothing), and what a scan
of one segment of a file could not decide alone (``SegmentNotes``)."""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from typing import Any, Protocol

from matcher.engine.events import PYTEST_BLOCK, PYTEST_FAILED
from matcher.engine.stats import PytestNames, ScanStats
from matcher.model import UnknownFailure
from matcher.patterns.markers import MARKER, PYTEST

MAX_REMEMBERED_TESTS = 10_000
# How far back a finding looks for the pytest failure section it stands in.
PYTEST_SECTION_LOOKBACK = 64 << 10


def enclosing_test(work: bytes, start: int) -> bytes | None:
    """The test whose pytest failure section holds offset ``start`` (its captured output
    included), found by a bounded backward search for the ``____ name ____`` header."""
    low = max(0, start - PYTEST_SECTION_LOOKBACK)
    pos = work.rfind(b"\n___", low, start)
    while pos != -1:
        end = work.find(b"\n", pos + 1)
        header = PYTEST_BLOCK.match(work[pos + 1 : end if end != -1 else len(work)])
        if header:
            ended = work.find(b"\n===", pos, start) != -1  # the failures section closed
            return None if ended else header.group(1)
        pos = work.rfind(b"\n___", low, pos)
    return None


def summary_node_id(line: bytes) -> bytes | None:
    """The node id of pytest's summary line ``FAILED path::test - …`` (``ERROR path`` for a
    collection error); None for any other line (an ``ERROR db - …`` log line included)."""
    summary = PYTEST_FAILED.match(line)
    node_id = summary.group(1) if summary else b""
    return node_id if b"::" in node_id or node_id.endswith(b".py") else None


def summary_test(line: bytes) -> bytes | None:
    """The test of pytest's summary line as its failure section's header names it, or None."""
    node_id = summary_node_id(line)
    return test_name(node_id) if node_id is not None else None


def testcase(section: bytes | None, header: bytes) -> str | None:
    """What a finding names its test by: its failure section's header, or the node id of the
    summary line it is (``matcher.sources.nodeid`` makes both node ids)."""
    name = section or summary_node_id(header)
    return name.decode("utf-8", "replace") if name else None


def test_name(node_id: bytes) -> bytes:
    """``path/test_x.py::Class::test_y[1]`` -> ``Class::test_y[1]`` (as pytest's block header)."""
    return node_id.split(b"::", 1)[1] if b"::" in node_id else node_id


def section_key(name: bytes) -> bytes:
    """A section header's test as its node id ends: ``TestClass.test_x[1.5]`` ->
    ``TestClass::test_x[1.5]`` (dots in a parameter id stay), ``ERROR at setup of test_x``
    -> ``test_x``; what ``test_name`` gives for the same test's summary line."""
    for prefix in (b"ERROR at setup of ", b"ERROR at teardown of ", b"ERROR collecting "):
        name = name.removeprefix(prefix)
    head, bracket, params = name.partition(b"[")
    return head.replace(b".", b"::") + bracket + params


def remember_test(tests: dict[bytes, set[str]], name: bytes, incidents: set[str]) -> None:
    """Note that the failure section of test ``name`` explained ``incidents`` (bounded)."""
    if len(tests) >= MAX_REMEMBERED_TESTS:
        tests.pop(next(iter(tests)))
    key = section_key(name)
    tests[key] = tests.get(key, set()) | incidents


class ScanState(Protocol):
    """What ``note_pytest`` needs of a Scanner: ``next_line`` is the number of the line at
    ``base`` in the buffer it is given."""

    unknown: bool
    stats: ScanStats
    source: str
    next_line: int


def seen_pytest(scan: Any, candidate: int) -> bool:
    """A pytest candidate of the prefilter: its failures banner (then noted: from there on
    findings look for their test) or a line that may be pytest's (``PYTEST_HINT``)."""
    if candidate == PYTEST:
        scan.pytest_banner = True
        if scan.notes is not None:
            scan.notes.banner = True
    return True


def note_pytest(scan: ScanState, work: bytes, base: int, by_line: dict[int, set[int]]) -> None:
    """Past pytest's failures banner, in the lines from ``base``: each failure section's
    header is a candidate (an error marker in unknown mode), so that a section is one event
    and a failing test one unknown failure however its lines read; and the sections' names,
    the summary lines' node ids (``FAILED path::test - …``) and the banners are noted by
    line number (matcher.sources.nodeid)."""
    banners = list(_lines_starting(work, 0, b"=="))
    names = scan.stats.pytest.setdefault(scan.source, PytestNames())
    seen: list[tuple[int, bytes, dict[int, str]]] = []
    for start, line in _lines_starting(work, base, b"___"):
        header = PYTEST_BLOCK.match(line)
        if header and _in_failures(banners, start):
            candidates = by_line.setdefault(start, set())
            if scan.unknown:
                candidates.add(MARKER)
            seen.append((start, header.group(1), names.sections))
    for prefix in (b"FAILED ", b"ERROR "):
        for start, line in _lines_starting(work, base, prefix):
            node_id = summary_node_id(line)
            if node_id is not None:
                seen.append((start, node_id, names.node_ids))
    seen += [(start, line, names.banners) for start, line in banners if start >= base]
    number, pos = scan.next_line, base
    for start, name, into in sorted(seen, key=lambda hit: hit[0]):
        number, pos = number + work.count(b"\n", pos, start), start
        if len(into) < MAX_REMEMBERED_TESTS:
            into[number] = name.decode("utf-8", "replace")


def _lines_starting(work: bytes, base: int, prefix: bytes) -> Iterator[tuple[int, bytes]]:
    """(offset, line) of the lines from ``base`` on (a line start) that start with ``prefix``."""
    needle = b"\n" + prefix
    at_zero = base == 0 and work.startswith(prefix)
    pos = -1 if at_zero else work.find(needle, max(base - 1, 0))
    while at_zero or pos != -1:
        at_zero = False
        start = pos + 1
        end = work.find(b"\n", start)
        yield start, work[start : end if end != -1 else len(work)]
        pos = work.find(needle, start)


def _in_failures(banners: list[tuple[int, bytes]], start: int) -> bool:
    """Whether the last banner before ``start`` is pytest's FAILURES or ERRORS one: sections
    under PASSES (``-rP``) are no failures. A banner scrolled out of what is kept: it goes on."""
    before = bisect.bisect_left(banners, start, key=lambda banner: banner[0])
    title = banners[before - 1][1] if before else b" FAILURES "
    return b" FAILURES " in title or b" ERRORS " in title


class SegmentNotes:
    """What a scan of one segment of a file decided without knowing the segments before it:
    whether pytest's failures banner went by before a finding (``provisional`` findings took
    the pytest section they stand in as if it had) and which failure sections came before
    a summary line (``FAILED test - …``) that repeats one. A segment takes the failure
    sections it sees for failing tests before it saw a banner: ``provisional_unknowns`` are
    dropped if none went by. Indices are into the segment's findings and unknown failures;
    ``tests`` are the failure sections this segment saw."""

    def __init__(self, tests: dict[bytes, set[str]]) -> None:
        self.banner = False
        self.provisional: list[int] = []
        self.summary_findings: list[tuple[int, bytes]] = []
        self.summary_unknowns: list[tuple[int, bytes]] = []
        self.provisional_unknowns: list[int] = []
        self.tests = tests  # the scanner's own record, as it stands when the segment ends
        self._count = 0

    def note_finding(self, test: bytes | None, provisional: bool) -> None:
        if provisional:
            self.provisional.append(self._count)
        if test is not None:
            self.summary_findings.append((self._count, test))
        self._count += 1

    def note_unknown(
        self, index: int, test: bytes | None, failure: UnknownFailure, banner: bool
    ) -> None:
        if test is not None:
            self.summary_unknowns.append((index, test))
        if failure.kind == "testcase" and not banner:
            self.provisional_unknowns.append(index)

    def known_unknowns(self, tests: dict[bytes, set[str]], banner: bool) -> set[int]:
        """The unknown failures a scan of the whole file would not have had, given the failure
        sections (``tests``) before the segment and whether a banner went by."""
        known = {i for i, test in self.summary_unknowns if test in tests}
        if not banner:  # no pytest run before: no failure section was one
            known.update(self.provisional_unknowns)
        return known
