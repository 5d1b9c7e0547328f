"""What a scan counted: lines, bytes, findings per incident, unknown failures."""

from __future__ import annotations

from dataclasses import dataclass, field

from matcher.model import UnknownFailure


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
    unknown: list[UnknownFailure] = field(default_factory=list)
    # What pytest's output said of its failing tests, by source (matcher.sources.nodeid)
    pytest: dict[str, PytestNames] = field(default_factory=dict)


def shift_pytest(pytest: dict[str, PytestNames], by: int) -> dict[str, PytestNames]:
    """``pytest`` with its line numbers ``by`` lines down (a later segment of a file)."""
    shifted = {source: PytestNames() for source in pytest}
    for source, names in pytest.items():
        shifted[source].update(names, by)
    return shifted
