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
from collections.abc import Iterable

from matcher.engine.stats import ScanStats
from matcher.model import Finding, UnknownFailure
from matcher.sources.nodeid import Names

# Findings held for merging: past this many, those held are reported (merged among
# themselves) and the run's later findings as they come.
MAX_HELD = 10_000


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
        names = Names(self.stats.node_ids)
        seen: list[Finding | UnknownFailure] = [*held, *self.stats.unknown]
        for item in seen:
            if item.testcase is not None:
                names.see(item.source, item.testcase, item.first_line)
        kept: list[Finding] = []
        explained: set[tuple[str, str]] = set()
        for finding in held:
            if finding.testcase is None:
                kept.append(finding)
                continue
            test = names.node_id(finding.source, finding.testcase, finding.first_line)
            if (test, finding.signature.id) in explained:
                self._uncount(finding)
                continue
            explained.add((test, finding.signature.id))
            kept.append(dataclasses.replace(finding, testcase=test))
        tests = {test for test, _ in explained}
        self.stats.unknown = list(_unknown(self.stats.unknown, names, tests))
        return kept

    def _uncount(self, finding: Finding) -> None:
        counts = self.stats.findings
        counts[finding.signature.id] = counts.get(finding.signature.id, 1) - 1
        if not counts[finding.signature.id]:
            del counts[finding.signature.id]


def _unknown(
    failures: Iterable[UnknownFailure], names: Names, explained: set[str]
) -> Iterable[UnknownFailure]:
    """The unknown failures, each test's once (the first) and none for an explained test."""
    seen: set[str] = set()
    for failure in failures:
        if failure.testcase is None:
            yield failure
            continue
        test = names.node_id(failure.source, failure.testcase, failure.first_line)
        if test not in explained and test not in seen:
            seen.add(test)
            yield dataclasses.replace(failure, testcase=test)


def add_node_ids(stats: ScanStats, other: ScanStats) -> None:
    """Add the node ids a part of a run saw (a worker's segment, one limited source)."""
    for source, ids in other.node_ids.items():
        stats.node_ids.setdefault(source, {}).update(ids)
