"""What a scan counted: lines, bytes, findings per incident, unknown failures."""

from __future__ import annotations

from dataclasses import dataclass, field

from matcher.model import UnknownFailure


@dataclass
class ScanStats:
    lines: int = 0
    bytes: int = 0
    findings: dict[str, int] = field(default_factory=dict)
    unknown: list[UnknownFailure] = field(default_factory=list)
    # pytest node ids read from summary lines (``FAILED path::test - …``), by source: what
    # names the tests of pytest's failure sections (matcher.sources.pertest)
    node_ids: dict[str, dict[str, None]] = field(default_factory=dict)
