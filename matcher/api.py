"""The library entry points the CLI, the watcher and the pytest plugin all go through."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator

from matcher.errors import SourceError
from matcher.model import Finding
from matcher.ruleset import Ruleset
from matcher.scanner import ScanStats, Scanner
from matcher.sources import display_name, read_chunks


def scan_file(
    ruleset: Ruleset,
    path: str | os.PathLike[str],
    *,
    on_warning: Callable[[str], None] | None = None,
    stats: ScanStats | None = None,
) -> Iterator[Finding]:
    """Scan a file (plain or gzip) or ``"-"`` for stdin. Raises ``SourceError`` after yielding
    every finding of what could be read, if the rest could not."""
    name = os.fspath(path)
    scanner = Scanner(ruleset, display_name(name), on_warning=on_warning)
    if stats is not None:
        scanner.stats = stats
    for chunk in read_chunks(name):
        yield from scanner.feed(chunk)
    yield from scanner.close()


def scan_lines(
    ruleset: Ruleset, lines: Iterable[str | bytes], source: str = "<lines>"
) -> Iterator[Finding]:
    """Scan an iterable of lines (with or without their line ends)."""
    scanner = Scanner(ruleset, source)
    for line in lines:
        data = line.encode("utf-8", "surrogateescape") if isinstance(line, str) else line
        yield from scanner.feed(data if data.endswith(b"\n") else data + b"\n")
    yield from scanner.close()


def scan_text(ruleset: Ruleset, text: str | bytes, source: str = "<text>") -> list[Finding]:
    """Scan a whole string or bytes object."""
    scanner = Scanner(ruleset, source)
    data = text.encode("utf-8", "surrogateescape") if isinstance(text, str) else text
    return scanner.feed(data) + scanner.close()


class ScanRun:
    """Scans several sources in turn; a source that cannot be read is recorded, not fatal."""

    def __init__(
        self, ruleset: Ruleset, paths: Iterable[str], on_warning: Callable[[str], None] | None = None
    ) -> None:
        self.ruleset = ruleset
        self.paths = list(paths) or ["-"]
        self.on_warning = on_warning
        self.stats = ScanStats()
        self.errors: list[SourceError] = []

    def __iter__(self) -> Iterator[Finding]:
        for path in self.paths:
            try:
                yield from scan_file(self.ruleset, path, on_warning=self.on_warning, stats=self.stats)
            except SourceError as exc:
                self.errors.append(exc)
