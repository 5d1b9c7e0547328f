"""Tell a JUnit XML report from log text by its first bytes (a report is read as XML), and
the envelope a log file is in."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from matcher.engine.options import ScanOptions

SNIFF_BYTES = 64 * 1024
_ROOTS = (b"testsuites", b"testsuite")
_NAME_END = re.compile(rb"[\s/>]")
_SPACE = re.compile(rb"\s*")


def is_junit_report(head: bytes) -> bool:
    """Whether input starting with ``head`` is a JUnit XML report (read as such, not as text)."""
    if not head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
        return False
    return is_junit_xml(head)


def is_junit_xml(first_bytes: bytes) -> bool:
    """Whether a file starting with these bytes is a JUnit report: its root element is
    ``<testsuites>`` or ``<testsuite>`` (after an XML declaration, comments, a DOCTYPE)."""
    name = _root_name(first_bytes[:SNIFF_BYTES])
    return name in _ROOTS


def _root_name(head: bytes) -> bytes | None:
    """The first element's name, skipping what may precede it; linear in ``head``."""
    pos = 3 if head.startswith(b"\xef\xbb\xbf") else 0
    while True:
        space = _SPACE.match(head, pos)
        pos = space.end() if space else pos
        if head.startswith(b"<?", pos):
            end, step = head.find(b"?>", pos + 2), 2
        elif head.startswith(b"<!--", pos):
            end, step = head.find(b"-->", pos + 4), 3
        elif head.startswith(b"<!DOCTYPE", pos):
            end, step = _doctype_end(head, pos), 1
        elif head.startswith(b"<", pos):
            match = _NAME_END.search(head, pos + 1)
            return head[pos + 1 : match.start()] if match else None
        else:
            return None
        if end < 0:
            return None
        pos = end + step


def _doctype_end(head: bytes, pos: int) -> int:
    """Offset of the ``>`` that ends a DOCTYPE (after its internal subset, if any), or -1."""
    close = head.find(b">", pos)
    bracket = head.find(b"[", pos, close if close >= 0 else len(head))
    if bracket < 0:
        return close
    subset_end = head.find(b"]", bracket)
    return head.find(b">", subset_end) if subset_end >= 0 else -1


UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def is_utf16(head: bytes) -> bool:
    """A UTF-16 text (Windows tools write it): it starts with a byte order mark."""
    return head.startswith(UTF16_BOMS)


def utf16_as_utf8(chunks: Iterable[bytes]) -> Iterator[bytes]:
    """Re-encode a UTF-16 stream (BOM first) as UTF-8, piece by piece; an undecodable unit
    is kept as U+FFFD. Line numbers stay those of the text; byte offsets are the UTF-8 ones."""
    import codecs

    decoder = codecs.getincrementaldecoder("utf-16")(errors="replace")
    for chunk in chunks:
        text = decoder.decode(chunk)
        if text:
            yield text.encode("utf-8", "surrogateescape")
    rest = decoder.decode(b"", final=True)
    if rest:
        yield rest.encode("utf-8", "surrogateescape")


def file_envelope(path: str, options: ScanOptions) -> tuple[str, str] | None:
    """The envelope and structure of a file, from its first lines (so that every segment of
    it is read alike), or None with ``--envelope none``."""
    from matcher.envelopes.recognise import recognise
    from matcher.envelopes.unwrap import DETECT_BYTES

    if options.envelope == "none":
        return None
    try:
        with open(path, "rb") as fh:
            head = fh.read(DETECT_BYTES)
    except OSError:
        return None  # reading the segment reports it
    return recognise(head, options.envelope, "auto", options.fields, len(head) < DETECT_BYTES)
