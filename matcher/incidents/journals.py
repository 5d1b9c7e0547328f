"""An ITSM record's journal exported as text (ServiceNow's work notes: `2026-12-03 14:02:11 - Jane
Doe (Work notes)` then what she entered, a line per paste or remark): each line of an entry is read
as an item of its own, so a pasted log line is one symptom and the remark beside it one more; the
entry's header line and a traceback's frames are left out, and the journal's
`[code]<pre>…</pre>[/code]` is its text. An incident record's `Number:` (beside its `Short
description:`) is the incident's id; a problem record's is not, when it names its related incident.
The line count is kept. docs/incident-log-format.md ("Twenty-second round", **An ITSM record's
journal**) says the rule."""

from __future__ import annotations

import re

# An entry's header: when, who, and which journal (`(Work notes)`, `(Additional comments)`)
_ENTRY = re.compile(
    r"^\s*\d{4}-\d\d-\d\d[ T]\d\d:\d\d(?::\d\d)?\s+[-\u2013\u2014]\s+[^\n()]{2,60}"
    r"\((?i:work notes|additional comments|comments|customer comments)\)\s*:?\s*$"
)
_CODE_TAGS = re.compile(r"(?i)\[/?code\]|</?pre\b[^>]*>")
_FRAME = re.compile(r'^\s+(?:File "[^"]*", line \d+|at \S+ \(|at [\w$.<>]+\()')
_LISTED = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s")


# A record's number and its summary, as the export labels them (plain or bold)
_NUMBER = re.compile(r"^(\W{0,3})(?:\*\*)?Number:(?:\*\*)?(\s+\S+\s*)$")
_SUMMARY = re.compile(r"^\W{0,3}(?:\*\*)?Short description:", re.MULTILINE)
_RELATED = re.compile(r"^\W{0,3}(?:\*\*)?Related incidents?:", re.MULTILINE | re.IGNORECASE)


def journals_read(text: str) -> str:
    """The log with each journal entry's lines read as items and each incident record's number
    as its id; else as it is."""
    lines = _numbers_as_ids(text.split("\n"))
    if not any(_ENTRY.match(line) for line in lines):
        return "\n".join(lines)
    at = 0
    while at < len(lines):
        if not _ENTRY.match(lines[at]):
            at += 1
            continue
        lines[at] = ""
        at += 1
        frame = False
        while at < len(lines) and lines[at].strip() and not _ENTRY.match(lines[at]):
            raw = _CODE_TAGS.sub("", lines[at])
            # (a traceback's frames, each with its source line under it: no item of their own)
            source = frame and raw[:1].isspace() and not _FRAME.match(raw)
            frame = _FRAME.match(raw) is not None
            line = "" if frame or source else raw.strip()
            lines[at] = line if _LISTED.match(line) or not line else f"- {line}"
            at += 1
    return "\n".join(lines)


def _numbers_as_ids(lines: list[str]) -> list[str]:
    starts = [at for at, line in enumerate(lines) if _NUMBER.match(line)]
    for at, end in zip(starts, [*starts[1:], len(lines)][: len(starts)], strict=True):
        record = "\n".join(lines[at:end])
        if _SUMMARY.search(record) and not _RELATED.search(record):
            found = _NUMBER.match(lines[at])
            if found:
                lines[at] = f"{found[1]}**Incident ID:**{found[2]}"
    return lines
