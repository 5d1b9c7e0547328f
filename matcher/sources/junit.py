"""JUnit XML reports as input: scan what the tests said, per test case.

The text of ``<failure>``, ``<error>``, ``<system-out>`` and ``<system-err>`` (entities
decoded) is scanned; line numbers stay the physical lines of the XML file. A ``<failure>`` or
``<error>`` element (its ``message`` attribute and its text) is one event: a signature found
in it several times gives one finding, whose ``matched_lines`` hold every line it matched. A
failing test case in which no signature matched is an unknown failure (``kind="testcase"``).

The XML is parsed with expat and no DTD: a DOCTYPE or entity declaration is refused, so
there is no entity expansion and no external fetch.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from xml.parsers import expat

from matcher.engine.events import MAX_EVENT_LINES
from matcher.engine.scanner import Scanner, ScanStats
from matcher.errors import SourceError
from matcher.model import Finding, UnknownFailure
from matcher.patterns.ruleset import Ruleset
from matcher.sources.read import display_name, read_chunks

SCANNED = frozenset({"failure", "error", "system-out", "system-err"})
EVENTS = frozenset({"failure", "error"})
# <system-out> text goes to the scanner in blocks of about this size.
STREAM_BLOCK = 1 << 20
# Shown between two logical lines on one physical line (a message attribute's &#10;).
JOIN = " \u23ce "


class _Refused(Exception):
    pass


@dataclass
class _Text:
    """Decoded text of one element, as logical lines with their physical line and offset."""

    lines: list[str] = field(default_factory=list)
    numbers: list[int] = field(default_factory=list)
    offsets: list[int] = field(default_factory=list)
    _current: list[str] = field(default_factory=list)
    _start: tuple[int, int] | None = None

    def add(self, data: str, line: int, offset: int) -> None:
        # expat hands text over in pieces and a newline as a piece of its own, with the line
        # it is on; a newline from a character reference (&#10;, as in attributes) starts no
        # new physical line, so each line takes the line of the piece it starts in.
        for i, chunk in enumerate(data.split("\n")):
            if i:
                self.end_line((line, offset))
            if self._start is None and chunk:
                self._start = (line, offset)
            self._current.append(chunk)

    def end_line(self, fallback: tuple[int, int]) -> None:
        number, offset = self._start or fallback
        self.lines.append("".join(self._current))
        self.numbers.append(number)
        self.offsets.append(offset)
        self._current, self._start = [], None

    def close(self, fallback: tuple[int, int]) -> None:
        if self._current:
            self.end_line(fallback)

    def physical(self, first: int, last: int) -> tuple[tuple[str, ...], bool]:
        """The element's text by physical line ``first``..``last`` (cut after
        MAX_EVENT_LINES), so that ``event[n - first]`` is line ``n``; and whether it was cut."""
        by_number: dict[int, list[str]] = {}
        for number, line in zip(self.numbers, self.lines, strict=True):
            by_number.setdefault(number, []).append(line)
        end = min(last, first + MAX_EVENT_LINES - 1)
        lines = tuple(JOIN.join(by_number.get(n, ())) for n in range(first, end + 1))
        return lines, end < last

    def segments(self) -> Iterable[tuple[int, int, list[str]]]:
        """Runs of lines on consecutive physical lines: (first line, offset, lines)."""
        start = 0
        for i in range(1, len(self.lines) + 1):
            if i == len(self.lines) or self.numbers[i] != self.numbers[i - 1] + 1:
                yield self.numbers[start], self.offsets[start], self.lines[start:i]
                start = i


class _StreamedText(_Text):
    """The text of a ``<system-out>``/``<system-err>``, scanned line by line as expat hands it
    over: a 200 MB element is never held whole (it took 941 MB of memory). ``scan`` gives the
    scanner for a run of consecutive physical lines starting at (line, offset)."""

    def __init__(self, scan: Callable[[int, int], Scanner]) -> None:
        super().__init__()
        self._new_scanner = scan
        self._scanner: Scanner | None = None
        self._next = 0  # the physical line the open scanner expects next
        self._block: list[bytes] = []  # lines for the scanner, fed a block at a time
        self._block_size = 0
        self.findings: list[Finding] = []

    def end_line(self, fallback: tuple[int, int]) -> None:
        number, offset = self._start or fallback
        if self._scanner is None or number != self._next:
            self._finish_run()
            self._scanner = self._new_scanner(number, offset)
        line = "".join(self._current).encode("utf-8", "surrogateescape") + b"\n"
        self._block.append(line)
        self._block_size += len(line)
        if self._block_size >= STREAM_BLOCK:
            self._feed()
        self._next = number + 1
        self._current, self._start = [], None

    def _feed(self) -> None:
        if self._scanner is not None and self._block:
            self.findings += self._scanner.feed(b"".join(self._block))
        self._block, self._block_size = [], 0

    def _finish_run(self) -> None:
        self._feed()
        if self._scanner is not None:
            self.findings += self._scanner.close()
            self._scanner = None

    def close(self, fallback: tuple[int, int]) -> None:
        super().close(fallback)
        self._finish_run()


@dataclass
class _Case:
    name: str
    failure: tuple[int, int, str] | None = None  # first failure: line, last line, text
    explained: bool = False


class _JunitScan:
    """One pass of expat over a report; findings and unknown failures collect here."""

    def __init__(
        self,
        ruleset: Ruleset,
        source: str,
        on_warning: Callable[[str], None] | None,
        events: str = "auto",
    ) -> None:
        self.ruleset = ruleset
        self.source = source
        self.on_warning = on_warning
        self.events = events
        self.findings: list[Finding] = []
        self.unknown: list[UnknownFailure] = []
        self.case: _Case | None = None
        self.text: _Text | None = None
        self.element: tuple[str, int] | None = None  # scanned element: name, start line
        self.parser = self._make_parser()

    def _make_parser(self) -> expat.XMLParserType:
        parser = expat.ParserCreate()
        parser.buffer_text = False
        parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
        parser.StartDoctypeDeclHandler = self._refuse_doctype
        parser.EntityDeclHandler = self._refuse_entity
        parser.ExternalEntityRefHandler = self._refuse_entity
        parser.StartElementHandler = self._start
        parser.EndElementHandler = self._end
        parser.CharacterDataHandler = self._data
        return parser

    def _refuse_doctype(self, *args: object) -> None:
        raise _Refused("a DOCTYPE is not allowed in a JUnit report (no DTDs, no entities)")

    def _refuse_entity(self, *args: object) -> int:
        raise _Refused("entity declarations are not allowed in a JUnit report")

    def _where(self) -> tuple[int, int]:
        return self.parser.CurrentLineNumber, self.parser.CurrentByteIndex

    def _start(self, name: str, attrs: dict[str, str]) -> None:
        line, offset = self._where()
        if name == "testcase":
            classname, test = attrs.get("classname", ""), attrs.get("name", "")
            self.case = _Case(f"{classname}::{test}" if classname else test)
        elif name in SCANNED and self.text is None:
            self.element = (name, line)
            self.text = _Text() if name in EVENTS else _StreamedText(self._scanner)
            if name in EVENTS and attrs.get("message"):
                self.text.add(attrs["message"], line, offset)
                self.text.end_line((line, offset))

    def _data(self, data: str) -> None:
        if self.text is not None:
            line, offset = self._where()
            self.text.add(data, line, offset)

    def _end(self, name: str) -> None:
        if name == "testcase" and self.case is not None:
            self._close_case(self.case)
            self.case = None
        elif self.element is not None and name == self.element[0] and self.text is not None:
            self.text.close(self._where())
            self._close_element(self.element, self.text)
            self.element, self.text = None, None

    def _close_element(self, element: tuple[str, int], text: _Text) -> None:
        name, first = element
        last = self.parser.CurrentLineNumber
        testcase = self.case.name if self.case else None
        found = [dataclasses.replace(f, testcase=testcase) for f in self._scan(text)]
        if name in EVENTS:
            found = _as_event(found, first, *text.physical(first, last))
            if self.case is not None and self.case.failure is None:
                shown = next((line for line in text.lines if line.strip()), name)
                self.case.failure = (first, last, shown.strip())
        if found and self.case is not None:
            self.case.explained = True
        self.findings += found

    def _scanner(self, first_line: int, offset: int) -> Scanner:
        return Scanner(
            self.ruleset,
            self.source,
            first_line=first_line,
            offset=offset,
            on_warning=self.on_warning,
            events=self.events,
        )

    def _scan(self, text: _Text) -> list[Finding]:
        if isinstance(text, _StreamedText):
            return text.findings  # scanned as it came
        findings: list[Finding] = []
        for first_line, offset, lines in text.segments():
            scanner = self._scanner(first_line, offset)
            findings += scanner.feed("\n".join(lines).encode("utf-8", "surrogateescape") + b"\n")
            findings += scanner.close()
        return findings

    def _close_case(self, case: _Case) -> None:
        if case.failure is None or case.explained:
            return
        first, last, text = case.failure
        self.unknown.append(
            UnknownFailure(
                source=self.source,
                line=first,
                text=text,
                kind="testcase",
                first_line=first,
                last_line=last,
                testcase=case.name,
            )
        )

    def feed(self, data: bytes, final: bool = False) -> None:
        try:
            self.parser.Parse(data, final)
        except _Refused as exc:
            raise SourceError(self.source, f"line {self.parser.CurrentLineNumber}: {exc}") from None
        except expat.ExpatError as exc:
            raise SourceError(self.source, f"not a well-formed JUnit XML report: {exc}") from None


def _as_event(
    findings: list[Finding], first: int, event: tuple[str, ...], cut: bool
) -> list[Finding]:
    """One finding per signature for a failure/error element: the first, with every line
    the signature matched and the element's lines as its event."""
    by_signature: dict[str, list[Finding]] = {}
    for finding in findings:
        by_signature.setdefault(finding.signature.id, []).append(finding)
    events = []
    for group in by_signature.values():
        lines = tuple(sorted({n for f in group for n in f.matched_lines or (f.line,)}))
        events.append(
            dataclasses.replace(
                group[0],
                matched_lines=lines,
                first_line=first,
                last_line=first + len(event) - 1,
                event=event,
                event_cut=cut or group[0].event_cut,
            )
        )
    return events


def scan_junit_chunks(
    ruleset: Ruleset,
    chunks: Iterable[bytes],
    source: str,
    *,
    stats: ScanStats | None = None,
    on_warning: Callable[[str], None] | None = None,
    events: str = "auto",
    errors: list[SourceError] | None = None,
) -> tuple[list[Finding], list[UnknownFailure]]:
    """Scan a JUnit report given as byte chunks. ``stats`` (if given) gets the lines, bytes
    and per-incident counts; the unknown failures are returned, not added to it. ``events``
    groups the lines of ``<system-out>``/``<system-err>`` as ``Scanner`` does; a
    ``<failure>``/``<error>`` is always one event. With ``errors`` given, a report that is
    cut short or cannot be read to its end is an error appended there, and what its complete
    elements held is still returned; without, the error is raised."""
    scan = _JunitScan(ruleset, source, on_warning, events)
    size = lines = 0
    last = b"\n"
    try:
        for chunk in chunks:
            size += len(chunk)
            lines += chunk.count(b"\n")
            last = chunk[-1:] or last
            scan.feed(chunk)
        scan.feed(b"", final=True)
    except SourceError as exc:
        if errors is None:
            raise
        errors.append(exc)
    if stats is not None:
        stats.lines += lines + (last != b"\n")
        stats.bytes += size
        for finding in scan.findings:
            sig_id = finding.signature.id
            stats.findings[sig_id] = stats.findings.get(sig_id, 0) + 1
    return scan.findings, scan.unknown


def scan_junit(
    ruleset: Ruleset,
    path: str | os.PathLike[str],
    *,
    stats: ScanStats | None = None,
    on_warning: Callable[[str], None] | None = None,
    events: str = "auto",
) -> tuple[list[Finding], list[UnknownFailure]]:
    """Scan a JUnit XML report (plain, gzip, or ``"-"``). Raises ``SourceError`` for a file
    that cannot be read, is not well-formed, or declares a DOCTYPE or entities."""
    name = os.fspath(path)
    return scan_junit_chunks(
        ruleset,
        read_chunks(name),
        display_name(name),
        stats=stats,
        on_warning=on_warning,
        events=events,
    )
