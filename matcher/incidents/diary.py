"""A diary kept by one engineer: each day's entry opens with a line wholly in bold (`**Tue
2026-10-06 — paged 02:40 — INC-7**`) and its notes follow on the next line, incidents mixed in
with days that are none. Where such an entry names an incident's id, every dated entry is read
as a heading one level below the last one above it, so that an incident's notes end where the
next day's begin. docs/incident-log-format.md ("A diary") says the rule."""

from __future__ import annotations

import re

from matcher.incidents.labels import label_name

_HEAD = re.compile(r"^\*\*([^*]{4,160})\*\*[ \t]*$")
_ID = re.compile(r"(?<![\w-])[A-Z][A-Z0-9]*(?:-[A-Z][A-Z0-9]*)*-\d[\w-]*(?<!-)")
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
    if not any(_names_incident(title) for title in titles.values()):
        return text
    level = 1
    for at, line in enumerate(lines):
        atx = _ATX.match(line)
        if atx:
            level = len(atx[1])
        title = titles.get(at)
        if title is not None and _names_incident(title):
            # (the id first, as a heading that starts an incident has it)
            found = _ID.search(title)
            assert found is not None
            parts = (title[: found.start()].strip(_SEP), title[found.end() :].strip(_SEP))
            rest = " \u2014 ".join(part for part in parts if part)
            lines[at] = f"{'#' * min(6, level + 1)} {found[0]} \u2014 {rest}"
        elif title is not None and _DATE.search(title):
            lines[at] = f"{'#' * min(6, level + 1)} {title}"
    return "\n".join(lines)
