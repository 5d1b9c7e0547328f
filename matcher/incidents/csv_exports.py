"""A log viewer's export pasted as CSV (Kibana Discover, Splunk, Datadog, CloudWatch Logs
Insights: `"@timestamp","log.level","message"` then one quoted row per event): each row read as
the log line it stands for, its level before its message."""

from __future__ import annotations

import csv
from collections.abc import Sequence

# The column that holds the logged text, as the viewers name it
_MESSAGE = frozenset(
    {"message", "msg", "log", "_raw", "line", "text", "event", "@message", "log.message"}
    | {"body", "content", "textpayload", "jsonpayload.message", "log_message", "raw"}
)
_LEVEL = frozenset(
    {"level", "log.level", "loglevel", "log_level", "levelname", "severity", "lvl", "status"}
)


def csv_rows(lines: Sequence[str]) -> list[str] | None:
    """The rows of a CSV export as log lines (`ERROR message`), when the block is one: a header
    of two columns or more that names a message column. Else None."""
    content = [line.strip() for line in lines if line.strip()]
    if len(content) < 2 or "," not in content[0]:
        return None
    names = [name.strip().lower() for name in _fields(content[0])]
    message = next((at for at, name in enumerate(names) if name in _MESSAGE), None)
    if len(names) < 2 or message is None:
        return None
    level = next((at for at, name in enumerate(names) if name in _LEVEL), None)
    rows: list[str] = []
    for line in content[1:]:
        row = _fields(line)
        if len(row) <= message:
            rows.append(line)  # (a note between the rows, `(...)`: as written)
            continue
        written = row[level].strip() if level is not None and len(row) > level else ""
        rows.append(f"{written} {row[message]}" if written else row[message])
    return rows


def _fields(line: str) -> list[str]:
    try:
        return next(csv.reader([line]), [])
    except csv.Error:
        return [line]
