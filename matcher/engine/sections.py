"""pytest's failure sections as the scanner meets them: which test a finding stands in, which
tests' sections were seen (so a summary line ``FAILED t - …`` adds nothing), and what a scan
of one segment of a file could not decide alone (``SegmentNotes``)."""

from __future__ import annotations

from matcher.engine.events import PYTEST_BLOCK

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


def test_name(node_id: bytes) -> bytes:
    """``path/test_x.py::Class::test_y[1]`` -> ``Class::test_y[1]`` (as pytest's block header)."""
    return node_id.split(b"::", 1)[1] if b"::" in node_id else node_id


def remember_test(tests: dict[bytes, set[str]], name: bytes, incidents: set[str]) -> None:
    """Note that the failure section of test ``name`` explained ``incidents`` (bounded)."""
    if len(tests) >= MAX_REMEMBERED_TESTS:
        tests.pop(next(iter(tests)))
    # "TestClass.test_x[1.5]" -> "TestClass::test_x[1.5]": dots in a parameter id stay
    head, bracket, params = name.partition(b"[")
    key = head.replace(b".", b"::") + bracket + params
    tests[key] = tests.get(key, set()) | incidents


class SegmentNotes:
    """What a scan of one segment of a file decided without knowing the segments before it:
    whether pytest's failures banner went by before a finding (``provisional`` findings took
    the pytest section they stand in as if it had) and which failure sections came before
    a summary line (``FAILED test - …``) that repeats one. Indices are into the segment's
    findings and unknown failures; ``tests`` are the failure sections this segment saw."""

    def __init__(self, tests: dict[bytes, set[str]]) -> None:
        self.banner = False
        self.provisional: list[int] = []
        self.summary_findings: list[tuple[int, bytes]] = []
        self.summary_unknowns: list[tuple[int, bytes]] = []
        self.tests = tests  # the scanner's own record, as it stands when the segment ends
        self._count = 0

    def note_finding(self, test: bytes | None, provisional: bool) -> None:
        if provisional:
            self.provisional.append(self._count)
        if test is not None:
            self.summary_findings.append((self._count, test))
        self._count += 1
