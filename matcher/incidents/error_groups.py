"""An error tracker's group page pasted as a quote under the incident (Airbrake, and trackers
laid out as it is: `> **pymysql.err.OperationalError**`, `> (1040, 'Too many connections')`,
then the group's occurrences, first and last seen, a backtrace, its context as JSON). The
group's type and message are the error as logged, one text (`pymysql.err.OperationalError:
(1040, …)`), and are read as a symptom; the group's counts and its context or params are the
tracker's, not the log's, and are set apart; its backtrace stays as pasted. The team's triage
notes under the group (`**Triage:**`, `Triage notes (Ines):`) tell what was seen, and are read
with it as symptoms. The line count is kept. docs/incident-log-format.md ("Thirty-fourth round")
says the rule."""

from __future__ import annotations

import re
from collections.abc import Iterator

_QUOTED = re.compile(r"^\s*>\s?")
# the group's type, alone and in bold (`**redis.exceptions.OutOfMemoryError**`, `**QueryCanceled**`)
_TYPE = re.compile(r"^(?:\*\*|__)(?P<type>(?:[A-Za-z_]\w*\.)*[A-Z]\w*)(?:\*\*|__)\s*$")
# the tracker's figures for the group (`Occurrences 212 · First seen …`, `| First seen | … |`)
_FIGURES = re.compile(r"(?i)\b(?:occurrences|first seen|last seen)\b")
# a part of the page that is the tracker's record of the request, not the log
_RECORD = re.compile(r"(?i)^(?:\*\*|__)(?:context|params|parameters|session|environment)\b")
# the team's triage under the group, as a label with nothing after it
_TRIAGE = re.compile(r"(?i)^(?:\*\*|__)?triage\b[^:*_\n]{0,40}:(?:\*\*|__)?\s*$")
_FENCE = re.compile(r"^\s*(?:```|~~~)")


def error_groups_read(text: str) -> str:
    """The log with each pasted error group read as a symptom and the triage under it as more
    symptoms; else as it is."""
    if not _FIGURES.search(text):
        return text
    lines = text.split("\n")
    for at, end in quoted_runs(lines):
        inner = [_QUOTED.sub("", line, count=1) for line in lines[at:end]]
        group = _TYPE.match(inner[0].strip())
        if group and len(inner) > 1 and inner[1].strip() and any(map(_FIGURES.search, inner)):
            message = inner[1].strip().replace("`", "")
            lines[at] = f"**Symptoms:** `{group['type']}: {message}`"
            lines[at + 1] = ""
            _set_apart(lines, at + 2, end, inner[2:])
            _triage_read(lines, end)
    return "\n".join(lines)


def quoted_runs(lines: list[str]) -> Iterator[tuple[int, int]]:
    """Each run of quoted lines (`> …`) as (start, end), read as the caller rewrites the lines
    (a group's triage under it is no part of the next run)."""
    at = 0
    while at < len(lines):
        end = at
        while end < len(lines) and _QUOTED.match(lines[end]):
            end += 1
        if end > at:
            yield at, end
        at = max(end, at + 1)


def _set_apart(lines: list[str], start: int, end: int, inner: list[str]) -> None:
    """Blank the group's figures and its record of the request; keep its code blocks (a
    backtrace, which may end in the error's own line) unless they are that record."""
    fenced = record = False
    for at, line in zip(range(start, end), inner, strict=True):
        fence = _FENCE.match(line) is not None
        if fenced or fence:
            lines[at] = "" if record else lines[at]
            fenced = fenced != fence
            record = record and fenced
        else:
            record = record if not line.strip() else _RECORD.match(line.strip()) is not None
            lines[at] = ""


def _triage_read(lines: list[str], after: int) -> None:
    """Read the triage label right under the group (blank lines between) as symptoms."""
    at = after
    while at < len(lines) and not lines[at].strip():
        at += 1
    if at < len(lines) and _TRIAGE.match(lines[at].strip()):
        lines[at] = "**Symptoms (triage):**"
