"""What a scan counted: lines, bytes, findings per incident, unknown failures."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from matcher.model import UnknownFailure

# Unknown failures kept per kind; the rest are counted only (3M error lines took 825 MB).
MAX_UNKNOWN_PER_KIND = 1000


@dataclass
class PytestNames:
    """pytest's names of failing tests in one log, by line number: the failure sections'
    headers (``TestCart.test_total[2.5]``), the summary lines' node ids, and the banners
    (``=== … ===``) that end the last section before them."""

    sections: dict[int, str] = field(default_factory=dict)
    node_ids: dict[int, str] = field(default_factory=dict)
    banners: dict[int, str] = field(default_factory=dict)

    def update(self, other: PytestNames, shift: int = 0) -> None:
        """Add what ``other`` (a later part of the same log: ``shift`` lines down) said."""
        self.sections.update((line + shift, name) for line, name in other.sections.items())
        self.node_ids.update((line + shift, name) for line, name in other.node_ids.items())
        self.banners.update((line + shift, name) for line, name in other.banners.items())


@dataclass
class ScanStats:
    lines: int = 0
    bytes: int = 0
    findings: dict[str, int] = field(default_factory=dict)
    unknown: list[UnknownFailure] = field(default_factory=list)  # the first of each kind
    unknown_omitted: int = 0  # counted, not kept
    _per_kind: dict[str, int] = field(default_factory=dict, repr=False, compare=False)
    # What pytest's output said of its failing tests, by source (matcher.sources.nodeid)
    pytest: dict[str, PytestNames] = field(default_factory=dict)
    per_kind: int | None = field(default=None, repr=False, compare=False)  # None: the default

    def add_unknown(self, failure: UnknownFailure) -> bool:
        """Keep ``failure`` if fewer than ``per_kind`` (MAX_UNKNOWN_PER_KIND) of its kind are;
        else count it. Whether it was kept."""
        kept = self._per_kind.get(failure.kind, 0)
        if kept >= (MAX_UNKNOWN_PER_KIND if self.per_kind is None else self.per_kind):
            self.unknown_omitted += 1
            return False
        self._per_kind[failure.kind] = kept + 1
        self.unknown.append(failure)
        return True

    def add_unknowns(self, failures: Iterable[UnknownFailure]) -> None:
        for failure in failures:
            self.add_unknown(failure)

    def add_stats_unknown(self, other: ScanStats) -> None:
        """Merge another scan's unknown failures (a segment's, a JUnit report's)."""
        for failure in other.unknown:
            self.add_unknown(failure)
        self.unknown_omitted += other.unknown_omitted

    def take_unknown(self) -> list[UnknownFailure]:
        """The unknown failures kept so far, handed over and forgotten (live mode reports them
        as they come: the per-kind bound then applies between two takes)."""
        taken, self.unknown = self.unknown, []
        self._per_kind.clear()
        return taken

    @property
    def unknown_total(self) -> int:
        return len(self.unknown) + self.unknown_omitted


def shift_pytest(pytest: dict[str, PytestNames], by: int) -> dict[str, PytestNames]:
    """``pytest`` with its line numbers ``by`` lines down (a later segment of a file)."""
    shifted = {source: PytestNames() for source in pytest}
    for source, names in pytest.items():
        shifted[source].update(names, by)
    return shifted
