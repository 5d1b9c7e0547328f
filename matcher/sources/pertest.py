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
from collections.abc import Container, Iterable

from matcher.engine.stats import PytestNames, ScanStats
from matcher.model import Finding, UnknownFailure
from matcher.sources.nodeid import Names

# Findings held for merging: past this many, those held are reported (merged among
# themselves) and the run's later findings as they come.
MAX_HELD = 10_000


class Seen:
    """Where a test (or a test's incident) failed: in a failure section of pytest's output
    (told apart by its first line: one log may hold several sessions, tox's environments) or
    in a JUnit report. One section and one report are the same run's: a failure from a place
    already here, or of a kind not here yet, is the same failure; otherwise it is another."""

    def __init__(self) -> None:
        self._runs: dict[str, list[tuple[set[str], set[bool]]]] = {}

    def add(self, key: str, item: Finding | UnknownFailure, outputs: Container[str]) -> bool:
        """Whether ``key`` failing at ``item`` is new (True) or the same failure (False)."""
        is_output = item.source in outputs
        place = f"{item.source}\0{item.first_line}" if is_output else item.source
        runs = self._runs.setdefault(key, [])
        for places, kinds in runs:
            if place in places or is_output not in kinds:
                places.add(place)
                kinds.add(is_output)
                return False
        runs.append(({place}, {is_output}))
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
        if self._full or (finding.testcase is None and not self._held):
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
            if finding.testcase is None:
                kept.append(finding)
                continue
            test = names.node_id(finding.source, finding.testcase, finding.first_line)
            outputs = self.stats.pytest
            tests.add(test, finding, outputs)
            if incidents.add(f"{test}\0{finding.signature.id}", finding, outputs):
                kept.append(dataclasses.replace(finding, testcase=test))
            else:
                self._uncount(finding)
        self.stats.unknown = list(self._unknown(names, tests))
        return kept

    def _unknown(self, names: Names, tests: Seen) -> Iterable[UnknownFailure]:
        """The unknown failures, each test's once and none for a test a finding explains
        (in the same run: its output or its report)."""
        for failure in self.stats.unknown:
            if failure.testcase is None:
                yield failure
                continue
            test = names.node_id(failure.source, failure.testcase, failure.first_line)
            if tests.add(test, failure, self.stats.pytest):
                yield dataclasses.replace(failure, testcase=test)

    def _uncount(self, finding: Finding) -> None:
        counts = self.stats.findings
        counts[finding.signature.id] = counts.get(finding.signature.id, 1) - 1
        if not counts[finding.signature.id]:
            del counts[finding.signature.id]


def add_node_ids(stats: ScanStats, other: ScanStats) -> None:
    """Add what a part of a run saw of pytest's tests (a worker's segment, a limited source)."""
    for source, names in other.pytest.items():
        stats.pytest.setdefault(source, PytestNames()).update(names)
