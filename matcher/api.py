"""The library entry points the CLI, the watcher and the pytest plugin all go through."""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from matcher.errors import SourceError
from matcher.model import Finding
from matcher.ruleset import Ruleset
from matcher.scanner import IDLE_FLUSH_SECONDS, Scanner, ScanStats
from matcher.sources import MIN_SEGMENT_BYTES, STDIN, display_name, is_junit_report, read_chunks


def scan_file(
    ruleset: Ruleset,
    path: str | os.PathLike[str],
    *,
    stats: ScanStats | None = None,
    on_progress: Callable[[int], None] | None = None,
    **options: Any,
) -> Iterator[Finding]:
    """Scan a file (plain or gzip, or a JUnit XML report) or ``"-"`` for stdin. Raises
    ``SourceError`` after yielding every finding of what could be read, if the rest could not.
    ``options`` are Scanner's (``events``, ``unknown``, ``on_warning`` …); ``on_progress`` is
    called with the number of bytes of each chunk read."""
    name = os.fspath(path)
    chunks = read_chunks(name, idle=IDLE_FLUSH_SECONDS)
    first = next(chunks, b"")
    if is_junit_report(first):
        yield from _scan_junit(ruleset, name, itertools.chain([first], chunks), stats, options)
        return
    scanner = Scanner(ruleset, display_name(name), **options)
    if stats is not None:
        scanner.stats = stats
    progress = on_progress or (lambda size: None)
    try:
        yield from scanner.feed(first)
        progress(len(first))
        for chunk in chunks:
            # b"": a pipe went quiet; report the event held open for a next line
            yield from scanner.feed(chunk) if chunk else scanner.flush()
            progress(len(chunk))
    finally:
        # what was read is scanned even when reading failed part-way
        closing = scanner.close()
    yield from closing


def _scan_junit(
    ruleset: Ruleset,
    name: str,
    chunks: Iterable[bytes],
    stats: ScanStats | None,
    options: dict[str, Any],
) -> Iterator[Finding]:
    from matcher.junit_input import scan_junit_chunks

    stats = stats if stats is not None else ScanStats()
    found, unknown = scan_junit_chunks(
        ruleset,
        chunks,
        display_name(name),
        stats=stats,
        on_warning=options.get("on_warning"),
        events=options.get("events", "auto"),
    )
    if options.get("unknown"):
        stats.unknown += unknown
    yield from found


def scan_lines(
    ruleset: Ruleset, lines: Iterable[str | bytes], source: str = "<lines>", **options: Any
) -> Iterator[Finding]:
    """Scan an iterable of lines (with or without their line ends)."""
    scanner = Scanner(ruleset, source, **options)
    for line in lines:
        data = line.encode("utf-8", "surrogateescape") if isinstance(line, str) else line
        yield from scanner.feed(data if data.endswith(b"\n") else data + b"\n")
    yield from scanner.close()


def scan_text(
    ruleset: Ruleset, text: str | bytes, source: str = "<text>", **options: Any
) -> list[Finding]:
    """Scan a whole string or bytes object."""
    scanner = Scanner(ruleset, source, **options)
    data = text.encode("utf-8", "surrogateescape") if isinstance(text, str) else text
    return scanner.feed(data) + scanner.close()


class ScanRun:
    """Scans several sources in turn; a source that cannot be read is recorded, not fatal.
    Iterate for findings; afterwards ``stats`` (with unknown failures) and ``errors``."""

    def __init__(
        self,
        ruleset: Ruleset,
        paths: Iterable[str],
        on_warning: Callable[[str], None] | None = None,
        jobs: int = 1,
        on_progress: Callable[[int], None] | None = None,
        **options: Any,
    ) -> None:
        self.ruleset = ruleset
        self.paths = list(paths) or ["-"]
        self.options = dict(options, on_warning=on_warning)
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
                yield from scan_file(
                    self.ruleset,
                    path,
                    stats=self.stats,
                    on_progress=self.on_progress,
                    **self.options,
                )
            except SourceError as exc:
                self.errors.append(exc)

    def _segments(self) -> list[Any]:
        if self.jobs < 2 or (len(self.paths) == 1 and _small(self.paths[0])):
            return []  # a quick scan does not even import the pool
        from matcher import parallel

        if not parallel.can_fork():
            return []
        events = self.options.get("events", "auto")
        if self.options.get("context"):
            # Lines after an event come from the buffer: a cut would shorten them, so files
            # are scanned whole (several still run side by side).
            return parallel.plan(self.paths, self.jobs, events, min_bytes=1 << 62)
        return parallel.plan(self.paths, self.jobs, events)

    def _parallel(self, segments: list[Any]) -> Iterator[Finding]:
        from matcher import parallel

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
            self.stats.unknown += stats.unknown
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
