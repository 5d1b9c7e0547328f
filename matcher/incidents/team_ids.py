"""The team's incident id over a tool's own record id: a monitoring tool's problem card pasted
under its own number (Dynatrace's `## P-2604118 · Failure rate increase — rq-worker`, as its
Problems app titles a problem; an APM's or an alerting tool's alert number) with the team's notes
on it opened by the incident's id in bold (`**SRE notes — INC-7** · *title* · Severity: Low`).
The tool numbers its own records, which are no incident of the team's; the id the team gives the
card is the incident's, as ITIL tools number incidents `INC-…` (headings.py reads `KE-0412 ·
INC-7 — …` so). The heading is read as that incident's (`## INC-7: Failure rate increase — …`).
A heading whose id is an incident's (`INC-…`), a section that opens several incidents' notes,
an id the document defines elsewhere (a heading or a label: then the notes point at it) and a
bold id after words that compare or point (`**Same as INC-7**`) leave the heading as it is. The
line count is kept. docs/incident-log-format.md ("Thirty-sixth round") says the rule."""

from __future__ import annotations

import re

from matcher.incidents.fences import fenced_lines
from matcher.incidents.headings import heading_id
from matcher.incidents.record_ids import defined_ids

_HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t]*$")
_RULE = re.compile(r"^ {0,3}(?:-{3,}|\*{3,}|_{3,})\s*$")
# A line (or a list's item) opened by a bold span that the incident's id closes: the team's
# notes under the card (`**SRE notes — INC-7**`, `**Postmortem: INC-7**`, `**INC-7**`)
_NOTES = re.compile(
    r"^\s*(?:[-*+]\s+)?(?:\*\*|__)(?P<words>[^*_\n]{0,40}?)[\s:\u2013\u2014-]*"
    r"(?P<id>INC(?:-[A-Z][A-Z0-9]*)*-\d[\w-]*(?<!-))"
    r"(?:\*\*|__)"
    # ... and the incident's title in italics after it (`· *Search index rebuild killed …*`)
    r"(?P<fields>\s*\u00b7\s*(?P<title>\*[^*\n]{3,120}\*|_[^_\n]{3,120}_)(?=\s*\u00b7|\s*$))?"
)
# ... not words that compare, point or deny (`**Same as INC-7**`, `**See INC-7**`)
_PASSING = re.compile(
    r"(?i)\b(?:same|like|as|see|also|not|unlike|similar|than|after|before|related|other|"
    r"another|previous|duplicate|dup)\b"
)


def team_ids_read(text: str) -> str:
    """The log with each tool's record (a heading of its own number) whose notes name one
    incident's id in bold read as that incident's; else as it is."""
    if "**" not in text and "__" not in text:
        return text
    lines = text.split("\n")
    fenced = fenced_lines(lines)
    defined: set[str] | None = None
    for at, line in enumerate(lines):
        heading = None if fenced[at] else _HEADING.match(line)
        found = heading_id(heading[2]) if heading else None
        if heading is None or found is None or found[0].upper().startswith("INC"):
            continue
        level = len(heading[1])
        end = next(
            (
                i
                for i in range(at + 1, len(lines))
                if not fenced[i]
                and (
                    _RULE.match(lines[i])
                    or ((h := _HEADING.match(lines[i])) is not None and len(h[1]) <= level)
                )
            ),
            len(lines),
        )
        notes = [
            (i, m)
            for i in range(at + 1, end)
            if not fenced[i] and (m := _NOTES.match(lines[i])) is not None
        ]
        ids = {m["id"] for _, m in notes}
        if len(ids) != 1 or any(_PASSING.search(m["words"]) for _, m in notes):
            continue
        defined = defined_ids(lines, fenced) if defined is None else defined
        (team,) = ids
        if team in defined:
            continue
        # (the notes' own title in italics after the id, `· *Search index rebuild killed …*`,
        # is the incident's, not the tool's name for the problem; no log text of a symptom)
        where, note = notes[0]
        title = note["title"][1:-1].strip() if note["title"] else found[1]
        lines[at] = f"{heading[1]} {team}: {title}"
        if note["title"]:
            lines[where] = note.string[: note.start("fields")] + note.string[note.end("fields") :]
    return "\n".join(lines)
