"""Structured application logs: one JSON object per line, or logfmt (``key=value`` pairs).

The message is taken from the fields the common loggers write (checked against their
documentation and source):

- Python ``python-json-logger``: ``message``, ``exc_info``; structlog: ``event``, ``exception``;
- Java logstash-logback-encoder: ``message``, ``stack_trace``; log4j2 JsonTemplateLayout
  (ECS): ``message``, ``error.message``, ``error.stack_trace``;
- Go zap: ``msg``, ``error``, ``errorVerbose``, ``stacktrace``; zerolog: ``message``, ``error``,
  ``stack``; slog: ``msg``, ``err``/``error``;
- Node pino: ``msg``, ``err.message``/``err.stack``; winston: ``message``, ``stack``; bunyan:
  ``msg``, ``err.stack``.

Every such field present is a payload: the message first, then the error and stack fields, so
a traceback held in ``exc_info`` or ``stack_trace`` becomes the lines that follow the message.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from typing import NamedTuple

from matcher.envelopes.provenance import JSON, RAW, decode_json_string

MESSAGE_FIELDS = ("message", "msg", "event", "log")
ERROR_FIELDS = (
    "error",
    "err",
    "exc_info",
    "exception",
    "errorVerbose",
    "stack_trace",
    "stacktrace",
    "stack",
    "error.message",
    "error.stack",
    "error.stack_trace",
    "err.message",
    "err.stack",
)
DEFAULT_FIELDS = MESSAGE_FIELDS + ERROR_FIELDS
# What a record says about itself, kept as envelope fields when present.
META_FIELDS = {"level": "level", "levelname": "level", "severity": "level", "lvl": "level"}
META_FIELDS.update({"at": "level", "time": "time"})
META_FIELDS.update({"ts": "time", "timestamp": "time", "@timestamp": "time"})

_DECODER = json.JSONDecoder()
_WS = re.compile(r"[ \t\r\n]*")
_LOGFMT_PAIR = re.compile(r'([^\s="]+)=("(?:[^"\\]|\\.)*"|[^\s"]*)(?=\s|$)')
_LOGFMT_LINE = re.compile(r'^\s*(?:[^\s="]+=(?:"(?:[^"\\]|\\.)*"|[^\s"]*)(?:\s+|$))+$')


class Value(NamedTuple):
    """One chosen field: where its text is in the line (characters, quotes excluded) and how
    it is encoded there."""

    name: str
    start: int
    end: int
    codec: str  # provenance.JSON (inside a JSON string) or provenance.RAW


class Extract(NamedTuple):
    texts: tuple[str, ...]  # the chosen fields' decoded values, in the order of ``fields``
    names: tuple[str, ...]  # their names (``value_spans`` finds them in the line again)
    meta: tuple[tuple[str, str], ...]


def members(text: str, pos: int) -> Iterator[tuple[str, int, int]]:
    """The members of the JSON object at ``text[pos]``: (key, value start, value end).
    Raises ValueError where the text is not a JSON object."""
    if text[pos : pos + 1] != "{":
        raise ValueError("not an object")
    pos = _WS.match(text, pos + 1).end()  # type: ignore[union-attr]
    if text[pos : pos + 1] == "}":
        return
    while True:
        if text[pos : pos + 1] != '"':
            raise ValueError("expected a key")
        key, pos = json.decoder.scanstring(text, pos + 1)  # type: ignore[attr-defined]
        pos = _WS.match(text, pos).end()  # type: ignore[union-attr]
        if text[pos : pos + 1] != ":":
            raise ValueError("expected ':'")
        start = _WS.match(text, pos + 1).end()  # type: ignore[union-attr]
        _, end = _DECODER.raw_decode(text, start)
        yield str(key), start, end
        pos = _WS.match(text, end).end()  # type: ignore[union-attr]
        if text[pos : pos + 1] == ",":
            pos = _WS.match(text, pos + 1).end()  # type: ignore[union-attr]
        elif text[pos : pos + 1] == "}":
            return
        else:
            raise ValueError("expected ',' or '}'")


def is_json_record(text: str) -> bool:
    stripped = text.strip()
    return stripped.startswith("{") and stripped.endswith("}")


def extract_json(text: str, fields: Sequence[str] = DEFAULT_FIELDS) -> Extract | None:
    """The chosen fields of a one-line JSON record, or None when the line is not one."""
    if not text.lstrip().startswith("{"):
        return None
    try:
        record = json.loads(text)
    except ValueError:
        return None
    if not isinstance(record, dict):
        return None
    texts, names = [], []
    for name in fields:
        value: object = record
        for part in name.split("."):
            value = value.get(part) if isinstance(value, dict) else None
        if isinstance(value, str):
            texts.append(value)
            names.append(name)
    meta = tuple(
        (META_FIELDS[key], str(value))
        for key, value in record.items()
        if key in META_FIELDS and isinstance(value, (str, int, float)) and value is not True
    )
    return Extract(tuple(texts), tuple(names), meta)


def value_spans(kind: str, text: str, names: Sequence[str]) -> tuple[Value, ...]:
    """Where the fields ``names`` (as ``extract_json``/``extract_logfmt`` chose them) are in the
    line: found again only when a span has to be mapped back."""
    found: dict[str, Value] = {}
    if kind == "json":
        start = len(text) - len(text.lstrip())
        _collect(text, start, "", names, found)
    else:
        for m in _LOGFMT_PAIR.finditer(text):
            key, quoted = m.group(1), m.group(2).startswith('"')
            if key in names and key not in found:
                codec = JSON if quoted else RAW
                found[key] = Value(key, m.start(2) + quoted, m.end(2) - quoted, codec)
    return tuple(found[name] for name in names)


def _collect(
    text: str, pos: int, prefix: str, fields: Sequence[str], found: dict[str, Value]
) -> None:
    for key, start, end in members(text, pos):
        name = prefix + key
        if text[start] == "{" and any(f.startswith(name + ".") for f in fields):
            _collect(text, start, name + ".", fields, found)
        elif name in fields and text[start] == '"':
            found[name] = Value(name, start + 1, end - 1, JSON)  # the last one, as json.loads
        else:
            found.pop(name, None)


def is_logfmt(text: str) -> bool:
    """A logfmt line: only ``key=value`` pairs, at least two, one of them a message or level."""
    if "=" not in text or not _LOGFMT_LINE.match(text):
        return False
    keys = {m.group(1) for m in _LOGFMT_PAIR.finditer(text)}
    return len(keys) >= 2 and bool(keys & {"msg", "message", "level", "lvl", "err", "error"})


def extract_logfmt(text: str, fields: Sequence[str] = DEFAULT_FIELDS) -> Extract | None:
    if not is_logfmt(text):
        return None
    found: dict[str, str] = {}
    meta: list[tuple[str, str]] = []
    for m in _LOGFMT_PAIR.finditer(text):
        key, value = m.group(1), m.group(2)
        if key in fields and key not in found:
            found[key] = _unquote(value)
        elif key in META_FIELDS:
            meta.append((META_FIELDS[key], value.strip('"')))
    names = tuple(name for name in fields if name in found)
    return Extract(tuple(found[n] for n in names), names, tuple(meta))


def _unquote(value: str) -> str:
    if not value.startswith('"'):
        return value
    inner = value[1:-1].encode("utf-8", "surrogateescape")
    return decode_json_string(inner).decode("utf-8", "surrogateescape")
