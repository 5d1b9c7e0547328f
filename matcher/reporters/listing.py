"""``-c/--count`` and ``-l/--files-with-findings``: what grep and rg print for them, per
source instead of per line."""

from __future__ import annotations

from typing import TextIO

from matcher.engine.scanner import ScanStats
from matcher.model import Finding
from matcher.text import neutralize


class CountReporter:
    """``SOURCE:INCIDENT:COUNT`` per source and incident with findings (sources in the order
    they were scanned, incidents by id), as rg ``--count`` leaves out sources with none."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.counts: dict[str, dict[str, int]] = {}

    def finding(self, finding: Finding) -> None:
        per_source = self.counts.setdefault(finding.source, {})
        per_source[finding.signature.id] = per_source.get(finding.signature.id, 0) + 1

    def finish(self, stats: ScanStats) -> None:
        for source, per_incident in self.counts.items():
            for incident, count in sorted(per_incident.items()):
                self.out.write(f"{neutralize(source)}:{incident}:{count}\n")
        self.out.flush()


class FilesReporter:
    """The name of each source with a finding, once, as soon as its first finding is seen."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.seen: set[str] = set()

    def finding(self, finding: Finding) -> None:
        if finding.source not in self.seen:
            self.seen.add(finding.source)
            self.out.write(f"{neutralize(finding.source)}\n")
            self.out.flush()

    def finish(self, stats: ScanStats) -> None:
        self.out.flush()
