"""A logical record taken out of its envelope, and the way back to the raw lines."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from matcher.envelopes import structured
from matcher.envelopes.provenance import Segment, Trace, build
from matcher.text import decode_line


@dataclass(frozen=True)
class RawSpan:
    """A span in the raw file: from column ``start`` of ``first_line`` to column ``end`` of
    ``last_line`` (character columns in ``text.decode_line`` of those lines, end exclusive)."""

    first_line: int
    start: int
    last_line: int
    end: int


@dataclass(frozen=True)
class Source:
    """What a record was built from, kept to map spans back on demand."""

    segments: tuple[Segment, ...]
    clean: re.Pattern[bytes] | None  # what is taken out of the payload (ANSI sequences…)
    # the structure ("json"/"logfmt") and the fields the payload was taken from, if any
    inner: tuple[str, tuple[str, ...]] | None = None


@dataclass(frozen=True)
class Record:
    """One logical record: what the writer wrote, out of its envelope."""

    lines: tuple[bytes, ...]  # payload lines, no newline; empty for a CI marker line
    first_line: int  # physical line numbers (of the source, 1-based as fed)
    last_line: int
    stream: str = ""  # demultiplexing key ("" when the envelope has none)
    fields: Mapping[str, str] = field(default_factory=dict)
    envelope: str = "none"
    truncated: bool = False  # the logical line was longer than MAX_RECORD_BYTES and was cut
    complete: bool = True  # False: the input ended (or was flushed) inside a partial line
    decoded: str | None = None  # "json", "octal", "bytes": payload decoded, not copied
    source: Source | None = field(default=None, compare=False, repr=False)
    # traces built by ``raw_span``, kept while the record lives (several spans of one record)
    _traces_cache: dict[int, tuple[tuple[Trace, ...], int]] = field(
        default_factory=dict, compare=False, repr=False
    )

    def text(self, index: int) -> str:
        return decode_line(self.lines[index])

    def raw_span(self, index: int, start: int, end: int) -> RawSpan:
        """Map characters ``start:end`` of ``self.text(index)`` to the raw lines they came from
        (JSON escapes, ANSI sequences and envelope prefixes taken into account)."""
        if self.source is None:
            return RawSpan(self.first_line, start, self.first_line, end)
        if index not in self._traces_cache:
            self._traces_cache[index] = self._traces(index)
        traces, line_index = self._traces_cache[index]
        a = traces[0].locate(line_index, start, False)
        b = traces[0].locate(line_index, end, True) if end > start else a
        for outer in traces[1:]:  # from a structured record's field to the envelope's payload
            a, b = outer.locate(0, a.column, False), outer.locate(0, b.column, end > start)
        if a.line < 0 or b.line < 0:  # an empty payload line: nothing to point into
            return RawSpan(self.first_line, 0, self.first_line, 0)
        return RawSpan(a.line, a.column, b.line, b.column)

    def _traces(self, index: int) -> tuple[tuple[Trace, ...], int]:
        """The traces that map payload line ``index`` back, innermost first, and the line's
        index in the innermost one."""
        src = self.source
        assert src is not None
        outer = Trace(src.segments, src.clean)
        if src.inner is None:
            return (outer,), index
        line = outer_line(src)
        text = line.decode("utf-8", "surrogateescape")
        kind, names = src.inner
        for value in structured.value_spans(kind, text, names):
            inner = Trace([value_segment(line, text, value)], None)
            if index < len(inner.lines):
                return (inner, outer), index
            index -= len(inner.lines)
        raise IndexError(index)


def value_segment(line: bytes, text: str, value: structured.Value) -> Segment:
    """The bytes of a structured record's field (its character span in ``text``)."""
    start = len(text[: value.start].encode("utf-8", "surrogateescape"))
    end = start + len(text[value.start : value.end].encode("utf-8", "surrogateescape"))
    return Segment(0, line, start, end, value.codec)


def outer_line(src: Source) -> bytes:
    return build(src.segments, src.clean)[0]
