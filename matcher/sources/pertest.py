"""One failing test, one finding: what a run read about pytest's tests, merged.

A failing test is seen in pytest's output (its failure section, with the output it captured,
and its summary line) and in its JUnit report. The findings and unknown failures that carry a
test are held until all of a run's sources are read (and every finding after the first
of them, so that the order stays that of the sources and their lines), then named by the
test's node id and merged: one finding per test and incident (from the first source that has
it), no unknown failure for a test that a finding explains, one unknown failure per test
otherwise.
"""

from __future__ import annotations

import dataclasses
from collections import deque
from collections.abc import Iterable

from matcher.engine.stats import PytestNames, ScanStats
from matcher.model import Finding, UnknownFailure
from matcher.sources.nodeid import Names, is_node_id

# Findings held for merging: past this many, those held are reported (merged among
# themselves) and the run's later findings as they come.
MAX_HELD = 10_000


class Seen:
    """Where a test (or a test's incident) failed: in a failure section of pytest's output
    (one log may hold several sessions, as tox writes them) or in a JUnit report. One section
    and one report are the same run's: a failure at a place already here, or from a kind of
    source not here yet, is the same failure; otherwise it is another."""

    def __init__(self) -> None:
        self._runs: dict[tuple[str, str], int] = {}  # (key, place) -> its failure
        # (key, kind of source) -> the failures no such source told of yet, in order
        self._lacking: dict[tuple[str, bool], deque[int]] = {}
        self._count = 0

    def add(self, key: str, place: str, is_output: bool) -> bool:
        """Whether ``key`` failing at ``place`` is new (True) or the same failure (False)."""
        if (key, place) in self._runs:
            return False
        waiting = self._lacking.get((key, is_output))
        if waiting:  # the first failure of it that this kind of source has not told of
            self._runs[(key, place)] = waiting.popleft()
            return False
        self._runs[(key, place)] = self._count
        self._lacking.setdefault((key, not is_output), deque()).append(self._count)
        self._count += 1
        return True


class PerTest:
    """Holds a run's findings of tests (``take``) and merges them with its unknown failures
    (``settle``, which also corrects ``stats``' counts)."""

    def __init__(self, stats: ScanStats) -> None:
        self.stats = stats
        self._held: list[Finding] = []
        self._full = False

    def take(self, finding: Finding) -> list[Finding]:
        """The findings to report now: none while they are held."""
        of_tests = finding.testcase is not None or finding.source in self.stats.pytest
        if self._full or not (of_tests or self._held):
            return [finding]
        self._held.append(finding)
        if len(self._held) < MAX_HELD:
            return []
        self._full = True
        return self.settle()

    def settle(self) -> list[Finding]:
        """The held findings in their order, named and merged; ``stats.unknown`` and
        ``stats.findings`` are made to match."""
        held, self._held = self._held, []
        names = Names(self.stats.pytest)
        kept: list[Finding] = []
        incidents, tests = Seen(), Seen()
        for finding in held:
            where = self._where(names, finding)
            if where is None:
                kept.append(finding)
                continue
            test, place, is_output = where
            tests.add(test, place, is_output)
            if incidents.add(f"{test}\0{finding.signature.id}", place, is_output):
                kept.append(dataclasses.replace(finding, testcase=test))
            else:
                self._uncount(finding)
        self.stats.unknown = list(self._unknown(names, tests))
        return kept

    def _unknown(self, names: Names, tests: Seen) -> Iterable[UnknownFailure]:
        """The unknown failures, each test's once and none for a test a finding explains
        (in the same run: its output or its report)."""
        for failure in self.stats.unknown:
            where = self._where(names, failure)
            if where is None:
                yield failure
            elif tests.add(*where):
                yield dataclasses.replace(failure, testcase=where[0])

    def _where(self, names: Names, item: Finding | UnknownFailure) -> tuple[str, str, bool] | None:
        """The test ``item`` is a failure of, where (its section, its report), and whether
        that is pytest's output; None for no test. In pytest's output, whatever lies in a
        failure section is that test's (the output it captured past an event's bounds too)."""
        is_output = item.source in self.stats.pytest
        section = names.section(item.source, item.first_line) if is_output else None
        if item.testcase is not None and (section is None or is_node_id(item.testcase)):
            place = f"{item.source}\0{item.first_line}" if is_output else item.source
            return names.node_id(item.testcase), place, is_output
        if section is None:
            return None
        return section[1], f"{item.source}\0{section[0]}", True

    def _uncount(self, finding: Finding) -> None:
        counts = self.stats.findings
        counts[finding.signature.id] = counts.get(finding.signature.id, 1) - 1
        if not counts[finding.signature.id]:
            del counts[finding.signature.id]


def add_node_ids(stats: ScanStats, other: ScanStats) -> None:
    """Add what a part of a run saw of pytest's tests (a worker's segment, a limited source)."""
    for source, names in other.pytest.items():
        stats.pytest.setdefault(source, PytestNames()).update(names)
