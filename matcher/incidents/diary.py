"""A diary kept by one engineer: each day's entry opens with a line wholly in bold (`**Tue
2026-10-06 — paged 02:40 — INC-7**`) and its notes follow on the next line, incidents mixed in
with days that are none. Where such an entry names an incident's id, every dated entry is read
as a heading one level below the last one above it, so that an incident's notes end where the
next day's begin. docs/incident-log-format.md ("Twentieth round", **A diary**) says the rule."""

from __future__ import annotations

import re

from matcher.incidents.headings import INCIDENT_ID
from matcher.incidents.labels import label_name

_HEAD = re.compile(r"^\*\*([^*]{4,160})\*\*[ \t]*$")
_ID = re.compile(rf"(?<![\w-]){INCIDENT_ID}")
_MONTHS = "jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"
_DATE = re.compile(
    rf"(?i)\b(?:\d{{4}}-\d\d-\d\d|\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}}"
    rf"|(?:{_MONTHS})[a-z]*\.?\s+\d{{1,2}}\b|\d{{1,2}}\.?\s+(?:{_MONTHS})[a-z]*)"
)
_FENCE = re.compile(r"^\s*(?:```|~~~)")
_ATX = re.compile(r"^(#{1,6})\s")
_SEP = " \t:,\u00b7\u2013\u2014-"


def _heads(lines: list[str]) -> list[int]:
    """Indexes of the lines wholly in bold that open a paragraph with its text right after."""
    found, fenced = [], False
    for at, line in enumerate(lines):
        if _FENCE.match(line):
            fenced = not fenced
            continue
        before = lines[at - 1] if at else ""
        after = lines[at + 1] if at + 1 < len(lines) else ""
        opens = not before.strip() or _ATX.match(before)
        if not fenced and opens and after.strip() and _HEAD.match(line):
            found.append(at)
    return found


def _names_incident(title: str) -> bool:
    """The head names one id and more than it, and is no section's label (`**Symptoms**`)."""
    ids = _ID.findall(title)
    rest = _ID.sub("", title).strip(_SEP)
    return len(ids) == 1 and bool(rest) and label_name(title, loose=True) is None


def diary_as_headings(text: str) -> str:
    """The log with a diary's dated entries written as headings, when an entry names an
    incident; else as it is. The line count is kept."""
    lines = text.split("\n")
    heads = _heads(lines)
    titles = {at: _HEAD.match(lines[at])[1].strip() for at in heads}  # type: ignore[index]
    named = {at for at, title in titles.items() if _names_incident(title)}
    if not named:
        return text
    level = 1
    for at, line in enumerate(lines):
        atx = _ATX.match(line)
        level = len(atx[1]) if atx else level
        title = titles.get(at, "")
        marks = "#" * min(6, level + 1)
        found = _ID.search(title) if at in named else None
        if found:  # (the id first, as a heading that starts an incident has it)
            parts = (title[: found.start()].strip(_SEP), title[found.end() :].strip(_SEP))
            lines[at] = f"{marks} {found[0]} \u2014 " + " \u2014 ".join(p for p in parts if p)
        elif title and _DATE.search(title):
            lines[at] = f"{marks} {title}"
    return "\n".join(lines)
