"""An issue tracker's record printed as text (Bugzilla's `Format For Printing`, a Redmine issue,
a Maniphest task): a title line, then a run of plain header fields (`Status: RESOLVED FIXED`,
`Status: Closed | Priority: High`, `Authored By: … · Assigned To: …`). A field that holds an
incident id alone (`See Also: INC-7`, `Incident: INC-7`) names the record's incident, and the
title line above the fields, when no heading names the record, is its heading. Rules:
docs/incident-log-format.md ("Twenty-sixth round")."""

from __future__ import annotations

import re

from matcher.incidents.fences import code_blocks
from matcher.incidents.headings import INCIDENT_ID, heading_id
from matcher.incidents.labels import label_name

# a header field: a capitalised name of a few words, a colon, a value (`% Done: 100%`)
_FIELD = re.compile(
    r"(?:^|\s[\u00b7|]\s)(?P<name>%?\s?[A-Z][\w'\u2019./-]+(?: [\w./-]+){0,3}):"
    # (a short value, no quote in it: a speaker's `B: Got it. "nightly …"` is no field)
    r"\s+(?P<value>[^\u00b7|\"`\u201c]{0,80}?)(?=\s[\u00b7|]\s|\s*$)"
)
_ID_ALONE = re.compile(rf"[\[(]?(?P<id>{INCIDENT_ID})[\])]?")
_RULE = re.compile(r"^ {0,3}(?:-{3,}|\*{3,}|_{3,})\s*$")
_HEADING = re.compile(r"^( {0,3}#{1,6})\s+(\S.*)$")


def _is_field_line(line: str) -> bool:
    """A line of header fields: one at its start, or after one of its separators."""
    return not line.startswith((" ", "\t", ">", "*", "-", "#", "|")) and any(
        f.start() == 0 or line[: f.start() + 1].strip() for f in _FIELD.finditer(line)
    )


# a pull request's closing keyword before the incident it fixes (`Fixes INC-7 · labels: …`)
_CLOSES = re.compile(
    rf"^(?:\*\*|__)?(?:fix(?:es|ed)?|close[sd]?|resolve[sd]?)(?:\*\*|__)?:?\s+"
    rf"\[?(?P<id>{INCIDENT_ID})\b",
    re.IGNORECASE,
)


def tracker_records_read(text: str) -> str:
    """The log with each tracker record's id field read as the id label, its title line as a
    heading, and a pull request's heading given the incident its first line says it fixes;
    its line count kept."""
    lines = text.split("\n")
    fenced = {k for first, last in code_blocks(lines) for k in range(first, last + 1)}
    _closing_keywords_read(lines, fenced)
    at = 0
    while at < len(lines):
        if at in fenced or not _is_field_line(lines[at]):
            at += 1
            continue
        end = at
        while end + 1 < len(lines) and end + 1 not in fenced and _is_field_line(lines[end + 1]):
            end += 1
        # (three fields at least: one `Cause: …` line is a sentence)
        if sum(len(_FIELD.findall(line)) for line in lines[at : end + 1]) >= 3:
            _read(lines, at, end)
        at = end + 1
    return "\n".join(lines)


def _read(lines: list[str], start: int, end: int) -> None:
    fields = [(k, f) for k in range(start, end + 1) for f in _FIELD.finditer(lines[k])]
    # (a name we know, at the line's start, is read as its label already: `Incident: INC-7`)
    known = [f for _, f in fields if f.start() == 0 and label_name(f["name"]) == "id"]
    # (not a value of a field we know, `Severity: SEV-2`)
    ids = {
        m["id"]: k
        for k, f in fields
        if (m := _ID_ALONE.fullmatch(f["value"].strip("*_` ")))
        and (label_name(f["name"]) or "id") == "id"
        and f not in known
    }
    # the record's head above its fields, up to a rule (a heading above names the record)
    head: list[int] = []
    headed = False
    head_ids: set[str] = set()
    for k in range(start - 1, -1, -1):
        if _RULE.match(lines[k]) or len(head) > 6:
            break
        if _HEADING.match(lines[k]):
            headed = True
            head_ids = set(re.findall(INCIDENT_ID, lines[k]))
            break
        if lines[k].strip():
            head.insert(0, k)
    named = [k for k in head if re.search(INCIDENT_ID, lines[k])]
    head_ids |= {i for k in head for i in re.findall(INCIDENT_ID, lines[k])}
    # (... not a record whose head names another: `TICKET: OPS-44107` under `INC-PM-107`)
    field_id = next(iter(ids)) if len(ids) == 1 and not known else None
    if field_id and head_ids and field_id not in head_ids:
        field_id = None
    if not (known or field_id or named):
        return
    if field_id:
        lines[ids[field_id]] = f"**Incident ID:** {field_id}"
        # the tracker's own fields, of names we do not know (`Status: RESOLVED FIXED`,
        # `Priority: Normal` beside the id), are no prose to read log text in, nor severities of
        # ours: set apart as a comment, on their line
        for k in range(start, end + 1):
            first = _FIELD.match(lines[k])
            if k != ids[field_id] and not (first and label_name(first["name"])):
                lines[k] = f"<!-- {lines[k]} -->"
    if headed or not head:
        return
    # the title: the line of the head that names the id, else its first paragraph's last
    # (`Operations - Bug #7312` then `Reservation of stock fails …`, then `Added by …`)
    paragraph = [k for n, k in enumerate(head) if k - head[0] == n]
    chosen = named[0] if named else paragraph[-1]
    title = re.sub(r"\*\*|__", "", lines[chosen]).strip()
    # (the id its subject ends with, first: `Deadlocks when settling (INC-7)` is `INC-7: …`)
    found = heading_id(title)
    lines[chosen] = f"## {found[0]}: {found[1]}" if found and found[1] else f"## {title}"


def _closing_keywords_read(lines: list[str], fenced: set[int]) -> None:
    """A heading with no id whose first line under it says which incident it fixes (`## #2231
    gateway: …` then `Fixes INC-7 · labels: …`) names that incident (`## INC-7 — #2231 …`)."""
    for at, line in enumerate(lines):
        heading = _HEADING.match(line)
        if not heading or at in fenced or re.search(INCIDENT_ID, heading[2]):
            continue
        below = next((b for b in lines[at + 1 : at + 4] if b.strip()), "")
        closes = _CLOSES.match(below.strip())
        if closes:
            lines[at] = f"{heading[1]} {closes['id']} \u2014 {heading[2]}"
