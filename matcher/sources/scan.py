"""Scan one source: a file, stdin, a string or lines, through one Scanner (or the JUnit
reader for a JUnit XML report)."""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterable, Iterator

from matcher.engine.choose import new_scanner as scanner_for
from matcher.engine.enveloped import EnvelopeScanner
from matcher.engine.options import ScanOptions
from matcher.engine.scanner import IDLE_FLUSH_SECONDS, Scanner, ScanStats
from matcher.errors import SourceError
from matcher.model import Finding
from matcher.patterns.ruleset import Ruleset
from matcher.sources.read import display_name, read_chunks
from matcher.sources.sniff import is_junit_report, is_utf16, utf16_as_utf8
from matcher.sources.window import ByteRange, stamp

Warn = Callable[[str], None]


def new_scanner(
    ruleset: Ruleset, source: str, options: ScanOptions, span: ByteRange | None = None
) -> Scanner | EnvelopeScanner:
    """A scanner for one source; it recognises the source's envelope (docs/envelopes.md)
    unless ``options.envelope`` is ``none``."""
    span = span or ByteRange()
    return scanner_for(ruleset, source, options, first_line=span.first_line, offset=span.start)


def scan_file(
    ruleset: Ruleset,
    path: str | os.PathLike[str],
    *,
    events: str = "auto",
    unknown: bool = False,
    context: int = 0,
    on_warning: Warn | None = None,
    stats: ScanStats | None = None,
    on_progress: Callable[[int], None] | None = None,
    envelope: str = "auto",
    fields: tuple[str, ...] = (),
) -> Iterator[Finding]:
    """Scan a file (plain or gzip, or a JUnit XML report) or ``"-"`` for stdin. Raises
    ``SourceError`` after yielding every finding of what could be read, if the rest could not.
    The keywords are ``ScanOptions``'s; ``on_progress`` is called with the number of bytes of
    each chunk read; ``stats`` (given) is updated as the scan goes."""
    options = ScanOptions(events, unknown, context, on_warning, envelope, fields)
    return scan_source(ruleset, path, options, stats, on_progress)


def scan_source(
    ruleset: Ruleset,
    path: str | os.PathLike[str],
    options: ScanOptions,
    stats: ScanStats | None = None,
    on_progress: Callable[[int], None] | None = None,
    span: ByteRange | None = None,
) -> Iterator[Finding]:
    """``scan_file`` with its options as one record (what a run and its workers pass on).
    ``span``: only that part of a plain file (``matcher.sources.window.seek_range``).
    Findings carry their ``time`` where their line or event has a timestamp."""
    for finding in _scan_source(ruleset, os.fspath(path), options, stats, on_progress, span):
        yield stamp(finding)


def _scan_source(
    ruleset: Ruleset,
    name: str,
    options: ScanOptions,
    stats: ScanStats | None,
    on_progress: Callable[[int], None] | None,
    span: ByteRange | None,
) -> Iterator[Finding]:
    span = span or ByteRange()
    chunks: Iterator[bytes] = read_chunks(
        name, idle=IDLE_FLUSH_SECONDS, start=span.start, stop=span.stop
    )
    first = next(chunks, b"")
    if is_utf16(first) and not span.start:  # would match nothing as bytes (issue #16)
        if options.on_warning is not None:
            options.on_warning(f"{display_name(name)}: UTF-16 text, read as such")
        chunks = utf16_as_utf8(itertools.chain([first], chunks))
        first = next(chunks, b"")
    if is_junit_report(first) and not span.start:
        yield from _scan_junit(ruleset, name, itertools.chain([first], chunks), stats, options)
        return
    scanner = new_scanner(ruleset, display_name(name), options, span)
    if stats is not None:
        scanner.stats = stats
    progress = on_progress or (lambda size: None)
    error: SourceError | None = None
    try:
        yield from scanner.feed(first)
        progress(len(first))
        for chunk in chunks:
            # b"": a pipe went quiet; report the event held open for a next line
            yield from scanner.feed(chunk) if chunk else scanner.flush()
            progress(len(chunk))
    except SourceError as exc:
        error = exc  # what was read is reported before the error is (issue #16, item 5)
    yield from scanner.close()
    if error is not None:
        raise error


def _scan_junit(
    ruleset: Ruleset,
    name: str,
    chunks: Iterable[bytes],
    stats: ScanStats | None,
    options: ScanOptions,
) -> Iterator[Finding]:
    from matcher.sources.junit import scan_junit_chunks

    stats = stats if stats is not None else ScanStats()
    errors: list[SourceError] = []
    found, unknown = scan_junit_chunks(
        ruleset,
        chunks,
        display_name(name),
        stats=stats,
        on_warning=options.on_warning,
        events=options.events,
        errors=errors,
    )
    if options.unknown:
        for failure in unknown:
            stats.add_unknown(failure)
    yield from found
    if errors:
        raise errors[0]


def scan_lines(
    ruleset: Ruleset,
    lines: Iterable[str | bytes],
    source: str = "<lines>",
    *,
    events: str = "auto",
    unknown: bool = False,
    context: int = 0,
    on_warning: Warn | None = None,
    envelope: str = "auto",
    fields: tuple[str, ...] = (),
) -> Iterator[Finding]:
    """Scan an iterable of lines (with or without their line ends), as they come."""
    options = ScanOptions(events, unknown, context, on_warning, envelope, fields)
    scanner = new_scanner(ruleset, source, options)
    for line in lines:
        data = line.encode("utf-8", "surrogateescape") if isinstance(line, str) else line
        found = scanner.feed(data if data.endswith(b"\n") else data + b"\n")
        yield from map(stamp, found)
    yield from map(stamp, scanner.close())


def scan_text(
    ruleset: Ruleset,
    text: str | bytes,
    source: str = "<text>",
    *,
    events: str = "auto",
    unknown: bool = False,
    context: int = 0,
    on_warning: Warn | None = None,
    envelope: str = "auto",
    fields: tuple[str, ...] = (),
) -> list[Finding]:
    """Scan a whole string or bytes object."""
    options = ScanOptions(events, unknown, context, on_warning, envelope, fields)
    scanner = new_scanner(ruleset, source, options)
    data = text.encode("utf-8", "surrogateescape") if isinstance(text, str) else text
    return [stamp(f) for f in scanner.feed(data) + scanner.close()]
