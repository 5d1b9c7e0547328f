"""A crash reporter's error group pasted as a quote under the incident (Raygun, and reporters
laid out as it is): the group's message in bold with its short class first (`> **QueryCanceled:
canceling statement due to statement timeout**`), its class in code under it (`>
`psycopg2.errors.QueryCanceled``), then its status, occurrences, users affected, first and last
seen and tags. The message under its full class is the error as logged (`psycopg2.errors.
QueryCanceled: canceling statement due to statement timeout`) and is read as a symptom; the
group's figures are the reporter's, not the log's, and are set apart, as are the custom data
and the request it kept of an occurrence (`Custom data: `{…}``, `Request:` over a JSON block)
and its stack frames as it prints them (`orders/db/pool.py in checkout at line 61`): no log
prints those. The line count is kept. docs/incident-log-format.md ("Thirty-fifth round") says
the rule; error_groups.py reads a group that gives its class first (Airbrake)."""

from __future__ import annotations

import re

from matcher.incidents.error_groups import quoted_runs

_QUOTED = re.compile(r"^\s*>\s?")
# the message in bold, its short class first (`**OperationalError: (1040, …)**`)
_MESSAGE = re.compile(r"^(?:\*\*|__)(?P<short>[A-Z]\w*):\s+(?P<message>.+?)(?:\*\*|__)\s*$")
# ... the class in code under it (`pymysql.err.OperationalError`)
_CLASS = re.compile(r"^`(?P<cls>(?:[A-Za-z_]\w*\.)*[A-Z]\w*)`\s*$")
# the reporter's figures for the group
_FIGURES = re.compile(r"(?i)\b(?:occurrences|users affected|affected users|first seen|last seen)\b")
# what the reporter kept of an occurrence: a label over inline code or a code block
_RECORD = re.compile(
    r"(?i)^(?:\*\*|__)?(?:custom data|user custom data|request|user|environment|tags|"
    r"breadcrumbs|stack trace)(?:\*\*|__)?\s*:(?:\*\*|__)?\s*(?P<rest>.*)$"
)
# a frame as the reporter prints it (`pymysql/err.py in raise_mysql_exception at line 154`)
_FRAME = re.compile(r"^`?[\w./<>-]+\s+in\s+[\w.<>$]+\s+at\s+line\s+\d+`?")
_FENCE = re.compile(r"^\s*(?:```|~~~)")


def crash_groups_read(text: str) -> str:
    """The log with each pasted crash group read as a symptom and the reporter's records of
    it set apart; else as it is."""
    if not _FIGURES.search(text):
        return text
    lines = text.split("\n")
    for at, end in quoted_runs(lines):
        if end - at < 3:
            continue
        inner = [_QUOTED.sub("", line, count=1).strip() for line in lines[at:end]]
        message, cls = _MESSAGE.match(inner[0]), _CLASS.match(inner[1])
        short = cls["cls"].rsplit(".", 1)[-1] if cls else ""
        if message and cls and message["short"] == short and any(map(_FIGURES.search, inner)):
            lines[at] = f"- `{cls['cls']}: {message['message'].replace('`', '')}`"
            lines[at + 1 : end] = [""] * (end - at - 1)
            _records_apart(lines, end)
    return "\n".join(lines)


def _records_apart(lines: list[str], start: int) -> None:
    """Blank the reporter's records of the occurrence and its frames under the group, to the
    next bold label, heading or rule."""
    at, after_record = start, False
    while at < len(lines):
        line = lines[at].strip()
        if line.startswith(("#", "---")) or (line.startswith("**") and not _RECORD.match(line)):
            return
        record = _RECORD.match(line)
        if _FENCE.match(line):
            # (a code block of frames or of JSON: the reporter's; one of log lines stays)
            close = next((i for i in range(at + 1, len(lines)) if _FENCE.match(lines[i])), None)
            if close is None:
                return
            body = [b.strip() for b in lines[at + 1 : close] if b.strip()]
            # (JSON under a record's label, or said to be JSON)
            json = after_record or line.lstrip("`~").strip().lower() == "json"
            if json or (body and all(_FRAME.match(b) for b in body)):
                lines[at : close + 1] = [""] * (close + 1 - at)
            at = close + 1
            continue
        if record or _FRAME.match(line):
            lines[at] = ""
        after_record = bool(record) or (after_record and not line)
        at += 1
