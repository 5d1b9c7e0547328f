"""Take logs out of their envelopes: container runtimes, collectors, CI services, JSON loggers.

An ``Unwrapper`` is fed the physical lines of one source (bytes without the newline, with their
line numbers) and yields logical ``Record``s: the payload lines, the physical lines they span,
a stream key that tells interleaved writers apart, and the envelope's fields. The envelope is
recognised on the first lines and then locked in (as lnav does); ``envelope="none"`` or a name
forces it. Pure code, no I/O. See docs/envelopes.md.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from matcher.envelopes import formats as fmt
from matcher.envelopes import structured
from matcher.envelopes.detect import (
    DESCRIPTIONS,
    DETECT_LINES,
    ENVELOPES,
    PARSERS,
    detect,
    detect_structure,
)
from matcher.envelopes.provenance import JSON, OCTAL, OPAQUE, Segment, build, split_lines, to_bytes
from matcher.envelopes.record import RawSpan, Record, Source

STRUCTURES = ("json", "logfmt")
NAMES = ("auto", "none", *ENVELOPES, "ansi", *STRUCTURES)
ALIASES = {
    "containerd": "cri",
    "cri-o": "cri",
    "json-file": "docker",
    "rfc3164": "syslog",
    "journal": "syslog",
    "journalctl": "syslog",
    "plain": "none",
}
# The project's rule for lines: a logical line is kept up to 1 MiB, the rest is counted as cut.
MAX_RECORD_BYTES = 1 << 20
DETECT_BYTES = 1 << 20
MAX_OPEN_STREAMS = 1024  # streams with a record still open (a partial line, say)


def resolve(name: str) -> str:
    """The canonical envelope name; ValueError for an unknown one."""
    name = ALIASES.get(name, name)
    if name not in NAMES:
        raise ValueError(f"unknown envelope {name!r} (choose from {', '.join(NAMES)})")
    return name


class _Builder:
    """A record being assembled for one stream."""

    def __init__(self, piece: fmt.Piece, limit: int) -> None:
        seg = piece.segment
        self.truncated = seg.end - seg.start > limit
        if self.truncated:
            seg = seg._replace(end=seg.start + limit)
        self.segments: list[Segment] = [seg]
        self.first = self.last = seg.line
        self.fields = piece.fields
        self.key = piece.key
        self.size = seg.end - seg.start
        self.open_line = not piece.ends_line
        self.marker = piece.marker

    def add(self, piece: fmt.Piece, new_line: bool, limit: int) -> None:
        seg = piece.segment
        self.last = seg.line
        self.open_line = not piece.ends_line
        self.marker = self.marker and piece.marker
        extra = (seg.end - seg.start) + new_line
        if self.size + extra > limit:
            self.truncated = True
            room = limit - self.size - new_line
            if room <= 0:
                return
            seg = seg._replace(end=seg.start + room)
            extra = room + new_line
        if new_line:
            self.segments.append(Segment(seg.line, b"", 0, 0, OPAQUE, b"\n"))
        self.segments.append(seg)
        self.size += extra


class Unwrapper:
    """Streaming: ``feed`` physical lines in order, ``flush`` at the end of the input (or when
    a live input goes quiet). Records come out in the order they are complete, so a record
    whose partial line waited for its end comes after later lines of other streams."""

    def __init__(
        self,
        envelope: str = "auto",
        structure: str = "auto",
        fields: Sequence[str] = structured.DEFAULT_FIELDS,
        max_bytes: int = MAX_RECORD_BYTES,
    ) -> None:
        envelope, structure = resolve(envelope), resolve(structure)
        if envelope in STRUCTURES:  # ``--envelope json``: bare lines, JSON records
            envelope, structure = "none", envelope
        if structure not in ("auto", "none", *STRUCTURES):
            raise ValueError(f"unknown structure {structure!r}")
        self.envelope: str | None = None if envelope == "auto" else envelope
        self.structure: str | None = None if structure == "auto" else structure
        self.fields = tuple(fields)
        self.max_bytes = max_bytes
        self._waiting: list[tuple[int, bytes]] = []
        self._waiting_bytes = self._sampled = 0
        self._open: dict[str, _Builder] = {}
        self._last_key: str | None = None
        self._lock_if_decided()

    def feed(self, number: int, raw: bytes) -> list[Record]:
        if self.envelope is not None and self.structure is not None:
            return self._take(number, raw)
        self._waiting.append((number, raw))
        self._waiting_bytes += len(raw) + 1  # a run of blank lines is bounded too
        self._sampled += bool(raw.strip())
        if self._sampled < DETECT_LINES and self._waiting_bytes < DETECT_BYTES:
            return []
        return self._lock()

    def flush(self, final: bool = True) -> list[Record]:
        """Everything held back: the lines waiting for detection (which is then decided on
        them) and the open records. With ``final=False`` (a live input gone quiet) a partial
        line still waiting for its end stays open; at the end of the input it comes out with
        ``complete=False``."""
        undecided = self.envelope is None or self.structure is None
        out = self._lock() if self._waiting or undecided else []
        for key, builder in list(self._open.items()):
            if final or not builder.open_line:
                out.append(self._emit(self._open.pop(key)))
        if final:
            self._last_key = None
        return out

    @property
    def holding(self) -> bool:
        """A record is still open: a partial line, or one held for a continuation line."""
        return bool(self._open or self._waiting)

    def oldest_open(self) -> int | None:
        """The first physical line of the oldest record still open, if any."""
        return min((b.first for b in self._open.values()), default=None)

    def settled(self, last: int) -> bool:
        """Nothing held can still grow: no partial line is open, and every record held for a
        continuation line has been followed by a later line (``last``: the last line fed)."""
        return not self._waiting and all(
            not b.open_line and b.last < last for b in self._open.values()
        )

    def _lock_if_decided(self) -> None:
        if self.envelope is not None and self.structure is not None:
            self._parser = PARSERS[self.envelope]
            self._clean = fmt.CLEAN_GITLAB if self.envelope == "gitlab" else fmt.CLEAN
            self._holds = self.envelope in ("syslog", "gitlab")

    def _lock(self) -> list[Record]:
        lines = [raw for _, raw in self._waiting]
        if self.envelope is None:
            self.envelope = detect(lines)
        if self.structure is None:
            parser = PARSERS[self.envelope]
            payloads = []
            for number, raw in self._waiting:
                piece = parser(number, raw)
                if piece is not None:
                    payloads += build([piece.segment], fmt.CLEAN)
            self.structure = detect_structure(payloads)
        self._lock_if_decided()
        waiting, self._waiting, self._waiting_bytes, self._sampled = self._waiting, [], 0, 0
        return [rec for number, raw in waiting for rec in self._take(number, raw)]

    def _take(self, number: int, raw: bytes) -> list[Record]:
        if raw.endswith(b"\r"):  # a CRLF file: the envelope's own line ends there too
            raw = raw[:-1]
        piece = self._parser(number, raw)
        if piece is None:
            piece = self._continuation(number, raw)
        if (  # the common case: a whole line in a record of its own, nothing held for its stream
            piece.ends_line
            and piece.mode == fmt.NEW
            and not self._holds
            and not piece.marker
            and piece.key not in self._open
        ):
            self._last_key = piece.key
            return [self._record((piece.segment,), number, number, piece.key, piece.fields)]
        out: list[Record] = []
        builder = self._open.get(piece.key)
        if builder is not None and (builder.open_line or piece.mode != fmt.NEW):
            builder.add(
                piece,
                new_line=not builder.open_line and piece.mode == fmt.NEXT_LINE,
                limit=self.max_bytes,
            )
        else:
            if builder is not None:
                out.append(self._emit(self._open.pop(piece.key)))
            builder = _Builder(piece, self.max_bytes)
            self._open[piece.key] = builder
            if len(self._open) > MAX_OPEN_STREAMS:
                oldest = next(iter(self._open))
                out.append(self._emit(self._open.pop(oldest)))
        self._last_key = piece.key
        if not builder.open_line and not self._holds:
            out.append(self._emit(self._open.pop(piece.key)))
        return out

    def _continuation(self, number: int, raw: bytes) -> fmt.Piece:
        """A line the envelope does not claim: journalctl's indented continuation of the
        previous message, else a plain line of its own."""
        key = self._last_key
        if self.envelope == "syslog" and key in self._open and raw[:1] == b" ":
            indent = self._open[key].segments[0].start
            cut = min(indent, len(raw) - len(raw.lstrip(b" ")))
            seg = Segment(number, raw, cut, len(raw), OCTAL)
            return fmt.Piece(seg, key, (), mode=fmt.NEXT_LINE)
        return fmt.Piece(Segment(number, raw, 0, len(raw)), "", ())

    def _emit(self, b: _Builder) -> Record:
        return self._record(
            tuple(b.segments), b.first, b.last, b.key, b.fields, b.truncated, b.open_line, b.marker
        )

    def _record(
        self,
        segments: tuple[Segment, ...],
        first: int,
        last: int,
        key: str,
        fields: tuple[tuple[str, str], ...],
        truncated: bool = False,
        open_line: bool = False,
        marker: bool = False,
    ) -> Record:
        lines = () if marker else tuple(build(segments, self._clean))
        found = dict(fields)
        source = Source(segments, self._clean)
        decoded = _decoded(segments)
        if self.structure in STRUCTURES and len(lines) == 1:
            extracted = self._extract(lines[0], found)
            if extracted is not None:
                lines, names, escaped = extracted
                source = Source(segments, self._clean, (self.structure or "json", names))
                decoded = "json" if escaped else decoded
        envelope = self.envelope or "none"
        return Record(
            lines, first, last, key, found, envelope, truncated, not open_line, decoded, source
        )

    def _extract(
        self, line: bytes, fields: dict[str, str]
    ) -> tuple[tuple[bytes, ...], tuple[str, ...], bool] | None:
        """The payload lines of a structured record's fields, the fields' names, and whether
        the record has escapes; None when the line is not a record or has none of the fields."""
        text = line.decode("utf-8", "surrogateescape")
        extract = (
            structured.extract_json if self.structure == "json" else structured.extract_logfmt
        )(text, self.fields)
        if extract is None or not extract.texts:
            return None  # read as it is
        for name, meta in extract.meta:
            fields.setdefault(name, meta)
        out: list[bytes] = []
        for value in extract.texts:
            out += split_lines(to_bytes(value))
        return tuple(out), extract.names, "\\" in text


def _decoded(segments: Sequence[Segment]) -> str | None:
    for seg in segments:
        if seg.codec == OPAQUE and seg.raw:
            return "bytes"
        chunk = seg.raw[seg.start : seg.end]
        if seg.codec == JSON and b"\\" in chunk:
            return "json"
        if seg.codec == OCTAL and b"#01" in chunk:
            return "octal"
    return None


def unwrap(
    lines: Iterable[tuple[int, bytes]],
    envelope: str = "auto",
    structure: str = "auto",
    fields: Sequence[str] = structured.DEFAULT_FIELDS,
    max_bytes: int = MAX_RECORD_BYTES,
) -> Iterator[Record]:
    """Every record of a whole input given as (line number, raw line) pairs."""
    unwrapper = Unwrapper(envelope, structure, fields, max_bytes)
    for number, raw in lines:
        yield from unwrapper.feed(number, raw)
    yield from unwrapper.flush()


__all__ = [
    "DESCRIPTIONS",
    "ENVELOPES",
    "MAX_RECORD_BYTES",
    "NAMES",
    "RawSpan",
    "Record",
    "Unwrapper",
    "detect",
    "detect_structure",
    "resolve",
    "unwrap",
]
