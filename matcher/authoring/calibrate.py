"""``matcher calibrate``: how often each signature fires on logs of good runs.

A signature that fires on more than ``max_rate`` of the runs that went well is too loose:
elastic-recheck's rule (a query that hits more than 10% of successful jobs is not a
fingerprint of the failure). A run is one log file, or one subdirectory of a directory of
runs (all the files under it).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field

from matcher.errors import SourceError
from matcher.patterns.ruleset import Ruleset
from matcher.sources.run import ScanRun

DEFAULT_MAX_RATE = 0.10
HITS_KEPT = 20  # lines kept per signature; the count is exact


@dataclass(frozen=True)
class GoodRun:
    """One good run: its name (the file or subdirectory) and its log files."""

    name: str
    paths: tuple[str, ...]


@dataclass(frozen=True)
class Hit:
    run: str
    source: str
    line: int
    text: str


@dataclass
class SignatureRate:
    """Where one signature fired: ``runs`` it fired in, ``lines`` it flagged, the first
    ``hits``; ``too_loose`` once judged."""

    id: str
    title: str
    runs: int = 0
    lines: int = 0
    hits: list[Hit] = field(default_factory=list)
    too_loose: bool = False

    def rate(self, total: int) -> float:
        return self.runs / total if total else 0.0


@dataclass(frozen=True)
class Calibration:
    runs: int
    max_rate: float
    strict: bool
    signatures: tuple[SignatureRate, ...]
    errors: tuple[SourceError, ...]

    @property
    def too_loose(self) -> list[SignatureRate]:
        return [s for s in self.signatures if s.too_loose]


def find_runs(paths: Sequence[str]) -> list[GoodRun]:
    """A file is a run; a directory is a directory of runs: each file in it is a run, each
    subdirectory is one run of all the files under it. Hidden entries are skipped."""
    runs: list[GoodRun] = []
    for path in paths:
        if not os.path.isdir(path):
            runs.append(GoodRun(path, (path,)))
            continue
        for entry in sorted(os.scandir(path), key=lambda e: e.name):
            if entry.name.startswith("."):
                continue
            if entry.is_dir():
                runs.append(GoodRun(entry.path, tuple(_files_under(entry.path))))
            else:
                runs.append(GoodRun(entry.path, (entry.path,)))
    return runs


def _files_under(directory: str) -> list[str]:
    found = []
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found += [os.path.join(root, f) for f in sorted(files) if not f.startswith(".")]
    return found


def calibrate(
    ruleset: Ruleset,
    runs: Sequence[GoodRun],
    max_rate: float = DEFAULT_MAX_RATE,
    strict: bool = False,
    jobs: int = 1,
) -> Calibration:
    """Scan every run and judge each signature: too loose when it fires on more than
    ``max_rate`` of the runs (on any, with ``strict``)."""
    if not 0.0 <= max_rate <= 1.0:
        raise ValueError("max_rate must be between 0 and 1")
    rates = {s.id: SignatureRate(s.id, s.title) for s in ruleset.signatures}
    errors: list[SourceError] = []
    for run in runs:
        fired: set[str] = set()
        scan = ScanRun(ruleset, run.paths, jobs=jobs) if run.paths else None
        for finding in scan or ():
            rate = rates[finding.signature.id]
            rate.lines += 1
            fired.add(rate.id)
            if len(rate.hits) < HITS_KEPT:
                rate.hits.append(Hit(run.name, finding.source, finding.line, finding.text))
        for sig_id in fired:
            rates[sig_id].runs += 1
        errors += scan.errors if scan else []
    for rate in rates.values():
        rate.too_loose = rate.runs > 0 if strict else rate.rate(len(runs)) > max_rate
    ranked = sorted(rates.values(), key=lambda r: (-r.runs, -r.lines, r.id))
    return Calibration(len(runs), max_rate, strict, tuple(ranked), tuple(errors))
