"""Scan several sources in turn, or side by side in worker processes for big inputs."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from matcher.engine.options import ScanOptions
from matcher.engine.scanner import ScanStats
from matcher.errors import SourceError
from matcher.model import Finding
from matcher.patterns.ruleset import Ruleset
from matcher.sources.read import MIN_SEGMENT_BYTES, STDIN
from matcher.sources.scan import scan_source


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
    ) -> None:
        self.ruleset = ruleset
        self.paths = list(paths) or ["-"]
        self.options = ScanOptions(events, unknown, context, on_warning)
        self.jobs = jobs
        self.on_progress = on_progress
        self.stats = ScanStats()
        self.errors: list[SourceError] = []

    def __iter__(self) -> Iterator[Finding]:
        segments = self._segments()
        if len(segments) > 1:
            yield from self._parallel(segments)
            return
        for path in self.paths:
            try:
                yield from scan_source(
                    self.ruleset,
                    path,
                    self.options,
                    self.stats,
                    self.on_progress,
                )
            except SourceError as exc:
                self.errors.append(exc)

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
