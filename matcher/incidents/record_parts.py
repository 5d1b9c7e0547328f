"""A tracker's printed record whose parts are headings of their own (an OpenProject or Redmine
work package: `## Bug #4712: …`, then `### Description`, `### Activity`, `### Relations`): the
parts are the record's, so the incident a followup in its Activity names (`Postmortem written
up as INC-7 (medium).`, `Postmortem: INC-7, severity medium.`) is the record's, and its heading
is read as that incident's (`## INC-7: Bug #4712: …`), as `record_ids` reads a record of one
section. A record that gives its id in a field (`| Postmortem ID | INC-7 |`) or its heading is
left as it is. The line count is kept. docs/incident-log-format.md ("Thirty-fifth round") says
the rule."""

from __future__ import annotations

import re

from matcher.incidents.fences import fenced_lines
from matcher.incidents.headings import heading_id
from matcher.incidents.labels import label_name
from matcher.incidents.record_ids import defined_ids, record_id

_HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t]*$")
_RULE = re.compile(r"^ {0,3}(?:-{3,}|\*{3,}|_{3,})\s*$")
# the parts trackers print a record in
_PARTS = frozenset(
    {
        "description",
        "activity",
        "history",
        "journal",
        "comments",
        "notes",
        "relations",
        "related",
        "linked issues",
        "attachments",
        "changes",
        "work log",
        "worklog",
        "custom fields",
        "details",
        "properties",
    }
)
# the parts that are the record's journal, its comments quoted under each entry's header
_JOURNALS = frozenset({"activity", "history", "journal", "comments", "notes"})
_QUOTED = re.compile(r"^\s*>\s?(?P<text>.*)$")
# a quoted line that is pasted log text, not a comment's words (a time, a level, a bracket)
_LOGGED = re.compile(r"^(?:\d|[\[{<]|[A-Z]{3,}\b|```|~~~)")
_FIELD_ROW = re.compile(r"^\s*\|\s*(?P<name>[^|]+?)\s*\|\s*[^|\s]")


def record_parts_read(text: str) -> str:
    """The log with each record of parts under headings whose followup names its incident read
    as that incident's; else as it is."""
    if "#" not in text:
        return text
    lines = text.split("\n")
    fenced = fenced_lines(lines)
    headings = [
        (at, len(m[1]), m[2])
        for at, m in ((i, _HEADING.match(line)) for i, line in enumerate(lines))
        if m and not fenced[at]
    ]
    defined: set[str] | None = None
    for at, level, title in headings:
        if heading_id(title) is not None:
            continue
        end = next(
            (
                i
                for i in range(at + 1, len(lines))
                if not fenced[i]
                and (_RULE.match(lines[i]) or any(h == i and lv <= level for h, lv, _ in headings))
            ),
            len(lines),
        )
        parts = [h for h, lv, _ in headings if at < h < end and lv > level]
        named = [t for h, lv, t in headings if h in parts and t.strip("*_ ").lower() in _PARTS]
        if len(named) < 2:
            continue
        for h in parts:
            if lines[h].lstrip("#").strip("*_ ").lower() in _JOURNALS:
                stop = next((p for p in parts if p > h), end)
                _comments_joined(lines, fenced, h + 1, stop)
        if _gives_id(lines[at:end], fenced[at:end]):
            continue
        defined = defined_ids(lines, fenced) if defined is None else defined
        # (the record read as one section: its parts' headings as blank lines)
        view = ["" if i in parts else line for i, line in enumerate(lines)]
        found = record_id(view, fenced, at, defined)
        if found:
            lines[at] = f"{'#' * level} {found}: {title}"
    return "\n".join(lines)


def _comments_joined(lines: list[str], fenced: list[bool], start: int, end: int) -> None:
    """Read each journal entry's quoted comment as one item (`> There's a second error …, `…`.`
    then `> That one is NOT the bug …`): its lines are a comment's wrapped words, so a verdict
    in a later sentence is read on the log text it quotes, not as an item of its own."""
    at = start
    while at < end:
        run = at
        while run < end and not fenced[run] and (m := _QUOTED.match(lines[run])) and m["text"]:
            run += 1
        texts = [_QUOTED.sub(r"\g<text>", line).strip() for line in lines[at:run]]
        if run - at >= 2 and not any(_LOGGED.match(t) for t in texts):
            lines[at:run] = [f"- {texts[0]}", *(f"  {t}" for t in texts[1:])]
        at = max(run, at + 1)


def _gives_id(record: list[str], fenced: list[bool]) -> bool:
    """Whether a field row of the record gives its id (`| Postmortem ID | INC-7 |`)."""
    rows = (_FIELD_ROW.match(line) for line, code in zip(record, fenced, strict=True) if not code)
    return any(row and label_name(row["name"].strip("*_` :")) == "id" for row in rows)
