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
    for record in _records(content[1:]):
        if len(record) <= message:
            rows.extend(",".join(record).split("\n"))  # (a note between the rows: as written)
            continue
        written = record[level].strip() if level is not None and len(record) > level else ""
        # (a message of several lines, a traceback the viewer kept as one event: each its line)
        text, *more = record[message].split("\n")
        rows.extend([f"{written} {text}" if written else text, *more])
    return rows


def _records(lines: Sequence[str]) -> list[list[str]]:
    """The records of the rows, a quoted field going on over lines as CSV allows; each line
    alone when they do not parse so (a stray quote would take the rest of the block)."""
    try:
        records = list(csv.reader(f"{line}\n" for line in lines))
    except csv.Error:
        records = []
    if not records or max(sum(f.count("\n") for f in r) for r in records) > 100:
        return [_fields(line) for line in lines]
    return records


def _fields(line: str) -> list[str]:
    try:
        return next(csv.reader([line]), [])
    except csv.Error:
        return [line]


def rows_dropped(lines: Sequence[str], numbers: set[int]) -> tuple[str, ...]:
    """A CSV export's lines without its rows of these numbers (the first row after the header
    is 1), as a note names the rows it sets aside (`Rows 2 and 4: NOT this error`)."""
    content = [at for at, line in enumerate(lines) if line.strip()]
    if not numbers or len(content) < 2 or csv_rows(lines) is None:
        return tuple(lines)
    reader = csv.reader(f"{lines[at].strip()}\n" for at in content[1:])
    dropped: set[int] = set()
    done = 0
    try:
        for number, _ in enumerate(reader, start=1):
            if number in numbers:
                dropped.update(content[1 + done : 1 + reader.line_num])
            done = reader.line_num
    except csv.Error:
        return tuple(lines)
    return tuple(line for at, line in enumerate(lines) if at not in dropped)
