"""A JSON event pasted under Symptoms: an error tracker's (Sentry's `{"exception": {"values":
[{"type": "OSError", "value": "[Errno 24] …"}]}}`) or a structured log record (`{"level":
"error", "msg": "…"}`, one a line or pretty-printed). The log text is what the program
printed: the exception as its traceback's last line (`OSError: [Errno 24] …`), the record's
message and error fields (the fields the scanner reads, envelopes/structured.py); the JSON
around them never is. docs/incident-log-format.md ("Code blocks") says the rule."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence

from matcher.envelopes.structured import DEFAULT_FIELDS, META_FIELDS, extract_json

# Sentry's message when no exception was captured (`capture_message`); Google Cloud Logging's
# entry as Logs Explorer expands it (`"textPayload": "…"`, a structured `jsonPayload`'s message).
_MESSAGES = ("logentry.formatted", "logentry.message", "textPayload", "jsonPayload.message")
_ERROR_RANK = 4
# A JSON object's first member (`"exception": {`), the object's braces left out of the paste
_MEMBER = re.compile(r'^"[\w.$@-]+"\s*:\s*[\[{"\d]')


def event_texts(
    lines: Sequence[str], rank: Callable[[str], int], block: Callable[[Sequence[str]], list[str]]
) -> list[str] | None:
    """The log texts of a code block that is JSON, or None when it is not. `rank` ranks a
    level (blocks.level_rank); `block` reads a multi-line field (a stack trace) as a block."""
    records = _records(lines)
    if records is None:
        return None
    texts: list[str] = []
    for record in records:
        levels = [v for k, v in record.items() if META_FIELDS.get(k) == "level"]
        if any(isinstance(v, str) and 0 <= rank(v) < _ERROR_RANK for v in levels):
            continue  # an info record beside the error (`"level": "info", "msg": "retrying"`)
        # a SIEM's alert (Wazuh's alerts.json): the line its agent read is `full_log`, a log
        # line with its own header; the rule, agent and decoder fields are the SIEM's
        if isinstance(record.get("full_log"), str):
            texts.extend(block(str(record["full_log"]).splitlines()))
            continue
        for text in _exceptions(record) or _fields(record):
            texts.extend(block(text.splitlines()) if "\n" in text.strip() else [text.strip()])
    return [t for t in texts if t]


def _records(lines: Sequence[str]) -> list[dict[str, object]] | None:
    """The JSON objects of the block: one document (an object, a list of them) or one a line."""
    text = "\n".join(lines).strip()
    if _MEMBER.match(text):
        # (an object's members copied out of a tracker's event JSON, without its braces:
        # `"exception": {` … `}`)
        text = "{" + text.rstrip(",") + "}"
    elif not text.startswith(("{", "[")):
        return None
    try:
        documents: list[object] = [json.loads(text)]
    except ValueError:
        try:
            documents = [json.loads(line) for line in lines if line.strip()]
        except ValueError:
            return None  # JSON cut by the author (`…`): read as lines
    records: list[dict[str, object]] = []
    for document in documents:
        items = document if isinstance(document, list) else [document]
        records.extend(item for item in items if isinstance(item, dict))
    return records if records else None


def _exceptions(record: dict[str, object]) -> list[str]:
    """Sentry's exception values, each as its traceback's last line prints it."""
    exception = record.get("exception")
    values = exception.get("values") if isinstance(exception, dict) else exception
    if exception is None and isinstance(record.get("type"), str) and "value" in record:
        values = [record]  # one of them pasted alone (`exception.values[0]`: its type and value)
    if not isinstance(values, list):
        return []
    lines = []
    for value in values:
        if isinstance(value, dict) and isinstance(value.get("type"), str):
            message = value.get("value")
            lines.append(f"{value['type']}: {message}" if message else str(value["type"]))
    return lines


def _fields(record: dict[str, object]) -> list[str]:
    """A record's message and error fields, as the scanner reads them from a JSON log line."""
    extract = extract_json(json.dumps(record), DEFAULT_FIELDS + _MESSAGES)
    return list(extract.texts) if extract else []
