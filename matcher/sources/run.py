"""Scan several sources in turn, or side by side in worker processes for big inputs."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from matcher.engine.options import ScanOptions
from matcher.engine.scanner import ScanStats
from matcher.errors import SourceError
from matcher.model import Finding
from matcher.patterns.ruleset import Ruleset
from matcher.sources.pertest import PerTest, add_node_ids
from matcher.sources.read import MIN_SEGMENT_BYTES, STDIN
from matcher.sources.scan import scan_source
from matcher.sources.walk import WalkOptions, expand_paths
from matcher.sources.window import LineShift, TimeWindow, seek_range


@dataclass(frozen=True)
class Limits:
    """``window``: only findings whose time is in it (``--since`` / ``--until``);
    ``max_count``: at most this many findings per source, like ``grep -m``."""

    window: TimeWindow | None = None
    max_count: int | None = None

    @property
    def active(self) -> bool:
        # Limits are kept per source in order, so a limited run reads its sources one by one.
        return self.window is not None or self.max_count is not None


class ScanRun:
    """Scans several sources in turn; a source that cannot be read is recorded, not fatal.
    Iterate for findings; afterwards ``stats`` (with unknown failures) and ``errors``."""

    def __init__(
        self,
        ruleset: Ruleset,
        paths: Iterable[str],
        *,
        events: str = "auto",
        unknown: bool = False,
        context: int = 0,
        on_warning: Callable[[str], None] | None = None,
        jobs: int = 1,
        on_progress: Callable[[int], None] | None = None,
        walk: WalkOptions | None = None,
        limits: Limits | None = None,
        envelope: str = "auto",
        fields: Iterable[str] = (),
    ) -> None:
        """``walk``: how directories among ``paths`` are walked (``None``: not at all, a
        directory is an error); ``limits``: a time window and a count per source."""
        self.ruleset = ruleset
        self.errors: list[SourceError] = []
        given = list(paths) or ["-"]
        self.paths = given if walk is None else expand_paths(given, walk, self.errors.append)
        self.options = ScanOptions(events, unknown, context, on_warning, envelope, tuple(fields))
        self.jobs = jobs
        self.on_progress = on_progress
        self.limits = limits or Limits()
        self.stats = ScanStats()
        # Findings the time window left out because neither they nor their event had a time.
        self.untimed = 0

    def __iter__(self) -> Iterator[Finding]:
        # A failing test read from pytest's output and its JUnit report is one finding: the
        # findings of tests are held until every source is read (matcher.sources.pertest).
        per_test = PerTest(self.stats)
        for finding in self._scan():
            yield from per_test.take(finding)
        yield from per_test.settle()

    def _scan(self) -> Iterator[Finding]:
        segments = [] if self.limits.active else self._segments()
        if len(segments) > 1:
            yield from self._parallel(segments)
            return
        for path in self.paths:
            try:
                if self.limits.active:
                    yield from self._limited(path)
                else:
                    found = scan_source(
                        self.ruleset, path, self.options, self.stats, self.on_progress
                    )
                    yield from found
            except SourceError as exc:
                self.errors.append(exc)

    def _limited(self, path: str) -> Iterator[Finding]:
        """One source within the time window and up to ``max_count`` findings: the summary
        counts what is reported, and reading stops at the last finding wanted."""
        window, most = self.limits.window, self.limits.max_count
        span = seek_range(path, window) if window is not None else None
        shift = LineShift(path, span.start if span is not None else 0)
        own = ScanStats()
        reported = 0
        try:
            for finding in scan_source(
                self.ruleset, path, self.options, own, self.on_progress, span
            ):
                if window is not None and not window.holds(finding.time):
                    self.untimed += finding.time is None
                    continue
                counts = self.stats.findings
                counts[finding.signature.id] = counts.get(finding.signature.id, 0) + 1
                reported += 1
                yield shift.finding(finding)
                if most is not None and reported >= most:
                    break
        finally:
            self.stats.lines += own.lines
            self.stats.bytes += own.bytes
            add_node_ids(self.stats, own)
            self.stats.unknown += [
                shift.unknown(u) for u in own.unknown if window is None or window.admits(u)
            ]

    def _segments(self) -> list[Any]:
        if self.jobs < 2 or (len(self.paths) == 1 and _small(self.paths[0])):
            return []  # a quick scan does not even import the pool
        from matcher.sources import parallel

        if not parallel.can_fork():
            return []
        events = self.options.events
        if self.options.context:
            # Lines after an event come from the buffer: a cut would shorten them, so files
            # are scanned whole (several still run side by side).
            return parallel.plan(self.paths, self.jobs, events, min_bytes=1 << 62)
        return parallel.plan(self.paths, self.jobs, events)

    def _parallel(self, segments: list[Any]) -> Iterator[Finding]:
        from matcher.sources import parallel

        reported: set[str] = set()
        for segment, result in parallel.scan_parallel(
            self.ruleset, segments, self.jobs, self.options
        ):
            yield from result.findings
            stats = result.stats
            if self.on_progress is not None:
                self.on_progress(stats.bytes)
            self.stats.lines += stats.lines
            self.stats.bytes += stats.bytes
            self.stats.add_stats_unknown(stats)
            add_node_ids(self.stats, stats)
            for incident, count in stats.findings.items():
                self.stats.findings[incident] = self.stats.findings.get(incident, 0) + count
            if result.error is not None and segment.path not in reported:
                reported.add(segment.path)
                self.errors.append(result.error)


def _small(path: str) -> bool:
    """Too small to be cut into segments (parallel.plan's threshold); stdin is never cut."""
    if path == STDIN:
        return True
    try:
        return os.stat(path).st_size < 2 * MIN_SEGMENT_BYTES
    except OSError:
        return True  # scan_file reports it
