"""syslog and journald envelopes: RFC 3164 and rsyslog's files, journalctl's short formats,
RFC 5424, and ``journalctl -o json``. Formats: docs/envelopes.md."""

from __future__ import annotations

import datetime
import json
import re

from matcher.envelopes.formats import RFC3339, Piece
from matcher.envelopes.provenance import JSON, OCTAL, OPAQUE, Segment

_MONTH_TS = rb"[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d(?:\.\d{1,9})?"
# RFC 3164 on the wire (with <PRI>), rsyslog's file formats and journalctl's short formats.
_SYSLOG = re.compile(
    rb"^(?:<(\d{1,3})>)?("
    + _MONTH_TS
    + rb"|"
    + RFC3339
    + rb") (\S+) ([^\s\[\]:]+)"
    # rsyslog writes the tag of a message that came in as RFC 5424 without the colon
    + rb"(?:\[([^\]\s]*)\]:?|:)(?: |$)"
)


def parse_syslog(number: int, raw: bytes) -> Piece | None:
    m = _SYSLOG.match(raw)
    if not m:
        return None
    host, ident, pid = m.group(3).decode(), m.group(4).decode(), (m.group(5) or b"").decode()
    fields = [("time", m.group(2).decode()), ("host", host), ("unit", ident)]
    if pid:
        fields.append(("pid", pid))
    key = f"{host}/{ident}[{pid}]"
    return Piece(Segment(number, raw, m.end(), len(raw), OCTAL), key, tuple(fields))


# RFC 5424: <PRI>1 TIMESTAMP HOSTNAME APP-NAME PROCID MSGID STRUCTURED-DATA [MSG]
_RFC5424 = re.compile(
    rb'^<(\d{1,3})>1 (\S+) (\S+) (\S+) (\S+) (\S+) (-|(?:\[(?:[^\]\\"]|\\.|"(?:[^"\\]|\\.)*")*\])+)'
    rb"(?: (?:\xef\xbb\xbf)?|$)"
)


def parse_rfc5424(number: int, raw: bytes) -> Piece | None:
    m = _RFC5424.match(raw)
    if not m:
        return None
    time, host, app, pid = (m.group(i).decode("utf-8", "replace") for i in (2, 3, 4, 5))
    fields = [("time", time), ("host", host), ("unit", app)]
    if pid != "-":
        fields.append(("pid", pid))
    # rsyslog keeps the space after an RFC 3164 tag's colon in MSG, so a message that came in
    # as RFC 3164 would look indented (and join the event before it): drop that one space.
    start = m.end() + 1 if raw[m.end() : m.end() + 1] == b" " else m.end()
    key = f"{host}/{app}[{pid}]"
    return Piece(Segment(number, raw, start, len(raw), OCTAL), key, tuple(fields))


def parse_journal_json(number: int, raw: bytes) -> Piece | None:
    """``journalctl -o json`` (and ``json-seq``): one export-format object per line."""
    start = 1 if raw.startswith(b"\x1e") else 0
    if raw[start : start + 1] != b"{" or b'"MESSAGE"' not in raw:
        return None
    from matcher.envelopes.structured import members

    text = raw.decode("utf-8", "surrogateescape")
    try:
        spans = {key: (a, b) for key, a, b in members(text, start)}
        record = json.loads(text[start:])
    except (ValueError, IndexError):
        return None
    if "MESSAGE" not in spans or not isinstance(record, dict):
        return None
    return Piece(
        _message(number, raw, text, spans["MESSAGE"], record["MESSAGE"]), *_journal_key(record)
    )


def _message(number: int, raw: bytes, text: str, span: tuple[int, int], value: object) -> Segment:
    a, b = (len(text[:i].encode("utf-8", "surrogateescape")) for i in span)
    if isinstance(value, str):
        return Segment(number, raw, a + 1, b - 1, JSON)
    if isinstance(value, list):  # not valid UTF-8, or a field given twice
        if all(isinstance(x, int) and 0 <= x < 256 for x in value):
            return Segment(number, raw, a, b, OPAQUE, bytes(value))
        data = "\n".join(str(x) for x in value).encode("utf-8", "surrogateescape")
        return Segment(number, raw, a, b, OPAQUE, data)
    return Segment(number, raw, a, b, OPAQUE, b"")  # null: longer than journalctl's limit


def _journal_key(record: dict[str, object]) -> tuple[str, tuple[tuple[str, str], ...]]:
    unit = str(record.get("_SYSTEMD_UNIT") or record.get("SYSLOG_IDENTIFIER") or "")
    pid = str(record.get("_PID") or record.get("SYSLOG_PID") or "")
    host = str(record.get("_HOSTNAME") or "")
    fields = [("host", host), ("unit", unit), ("pid", pid)]
    stamp = record.get("__REALTIME_TIMESTAMP")
    if isinstance(stamp, str) and stamp.isdigit():
        moment = datetime.datetime.fromtimestamp(int(stamp) / 1e6, datetime.timezone.utc)
        fields.insert(0, ("time", moment.isoformat().replace("+00:00", "Z")))
    return f"{host}/{unit}[{pid}]", tuple((k, v) for k, v in fields if v)
