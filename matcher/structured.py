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

from matcher.provenance import JSON, RAW

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
    values: tuple[Value, ...]
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
    start = len(text) - len(text.lstrip())
    if not text[start:].startswith("{"):
        return None
    found: dict[str, Value] = {}
    meta: list[tuple[str, str]] = []
    try:
        _collect(text, start, "", fields, found, meta)
    except (ValueError, IndexError):
        return None
    values = tuple(found[name] for name in fields if name in found)
    return Extract(values, tuple(meta))


def _collect(
    text: str,
    pos: int,
    prefix: str,
    fields: Sequence[str],
    found: dict[str, Value],
    meta: list[tuple[str, str]],
) -> None:
    for key, start, end in members(text, pos):
        name = prefix + key
        if text[start] == "{" and any(f.startswith(name + ".") for f in fields):
            _collect(text, start, name + ".", fields, found, meta)
        elif name in fields and text[start] == '"' and name not in found:
            found[name] = Value(name, start + 1, end - 1, JSON)
        elif not prefix and key in META_FIELDS and text[start] in '"0123456789':
            meta.append((META_FIELDS[key], text[start:end].strip('"')))


def is_logfmt(text: str) -> bool:
    """A logfmt line: only ``key=value`` pairs, at least two, one of them a message or level."""
    if "=" not in text or not _LOGFMT_LINE.match(text):
        return False
    keys = {m.group(1) for m in _LOGFMT_PAIR.finditer(text)}
    return len(keys) >= 2 and bool(keys & {"msg", "message", "level", "lvl", "err", "error"})


def extract_logfmt(text: str, fields: Sequence[str] = DEFAULT_FIELDS) -> Extract | None:
    if not is_logfmt(text):
        return None
    found: dict[str, Value] = {}
    meta: list[tuple[str, str]] = []
    for m in _LOGFMT_PAIR.finditer(text):
        key, value = m.group(1), m.group(2)
        start, end = m.start(2), m.end(2)
        quoted = value.startswith('"')
        if key in fields and key not in found:
            found[key] = Value(key, start + quoted, end - quoted, JSON if quoted else RAW)
        elif key in META_FIELDS:
            meta.append((META_FIELDS[key], value.strip('"')))
    values = tuple(found[name] for name in fields if name in found)
    return Extract(values, tuple(meta))
