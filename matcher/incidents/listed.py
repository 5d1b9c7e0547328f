"""Incidents kept as a list, one item each (a changelog's `### Incidents`: `- **INC-7** export
killed by gunicorn` and under it `  - log: …`, `  - not it: …`, `  - cause: …`, `  - fix: …`;
a project tracker's tasks, `- [x] **INC-7 — title**` and the incident's labels under it). An
item that opens with an id and has items nested under it, or sections' labels after it, is the
incident's heading, and its nested items that open with a section's name are that section.
docs/incident-log-format.md ("Twenty-first round", **Incidents as a list**) says the rule."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from matcher.incidents.headings import INCIDENT_ID
from matcher.incidents.labels import OTHER, label_name
from matcher.incidents.markdown import BULLET, PLAIN_LABEL, Kind, Line

# (... perhaps a task's, `- [x] **INC-7 — title**`, in a project tracker's update)
_OPENS = re.compile(
    rf"^(?:\[[ xX]\]\s+)?(?:\*\*|__)?\[?(?P<id>{INCIDENT_ID})\]?(?:\*\*|__)?\s*[:\u2014\u2013-]?\s*"
)
# The short names a list's nested items use (`log:`, `not it:`, `cause:`, `fix:`)
_SHORT = {
    "log": "symptoms",
    "logs": "symptoms",
    "seen": "symptoms",
    "saw": "symptoms",
    "error": "symptoms",
    "errors": "symptoms",
    "not it": OTHER,
    "noise": OTHER,
    "cause": "root_cause",
    "fix": "resolution",
    "fixed": "resolution",
}
# (a level deeper than any heading a document gives its parts)
_LEVEL = 6


def listed_incidents(lines: Sequence[Line], raws: Sequence[str]) -> list[Line]:
    """The lines with each list item that opens an incident read as its heading and the items
    nested under it that name a section read as that section's label."""
    read = list(lines)
    owner = 0  # the column of the incident's item, while its nested items are read
    for at, line in enumerate(lines):
        bullet = BULLET.match(raws[line.number - 1]) if line.kind is Kind.BULLET else None
        if bullet is None:
            # (the incident's own fields nested under it, `  - Severity: Medium`, end nothing)
            kept = line.kind in (Kind.BLANK, Kind.TEXT, Kind.CODE)
            owner = owner if kept or (line.kind is Kind.LABEL and line.column > owner) else 0
            continue
        nested = next((n for n in lines[at + 1 :] if n.kind is not Kind.BLANK), None)
        # (a heading ends the list: its column is where its words start, no indentation)
        nested = None if nested is not None and nested.kind is Kind.HEADING else nested
        opens = _OPENS.match(bullet[2])
        if (
            opens
            and nested is not None
            and (nested.column > line.column or _sections_after(lines, at))
        ):
            title = bullet[2][opens.end() :].strip().removesuffix("**").strip()
            text = f"{opens['id']} \u2014 {title}" if title else opens["id"]
            read[at] = Line(line.number, Kind.HEADING, text, line.column, _LEVEL)
            owner = line.column
            continue
        if owner and line.column > owner:
            plain = PLAIN_LABEL.match(bullet[2])
            key = " ".join(plain[1].lower().split()) if plain else ""
            name = _SHORT.get(key) or (label_name(plain[1]) if plain else None)
            if plain and name:
                read[at] = replace(line, kind=Kind.LABEL, text=plain[2].strip(), label=name)
                read[at] = replace(read[at], written=plain[1])
            elif not plain and nested is not None and nested.column > line.column:
                # (an outline's node that names a section, its items its children: `- Symptoms`
                # above `  - … "ERROR 1205 (HY000): …"`, as Workflowy and Dynalist export it)
                name = _node_section(bullet[2])
                if name:
                    read[at] = replace(line, kind=Kind.LABEL, text="", label=name)
                    read[at] = replace(read[at], written=bullet[2].strip())
        elif line.column <= owner:
            owner = 0
    return read


def _node_section(text: str) -> str | None:
    """The section a short node names with no colon (`Symptoms`, `Root cause`, `Fix`)."""
    text = text.strip().strip("*_").strip()
    if not text or len(text) > 40 or ":" in text:
        return None
    return _SHORT.get(" ".join(text.lower().split())) or label_name(text, loose=True)


def _sections_after(lines: Sequence[Line], at: int) -> bool:
    """Whether a section's label follows the item before the next item of its list (a task's
    `- [x] **INC-7 — title**`, its fields, then `**Symptoms:** …` under it)."""
    for line in lines[at + 1 :]:
        if line.kind is Kind.BULLET and line.column <= lines[at].column:
            return False
        if line.kind is Kind.HEADING or line.kind is Kind.RULE:
            return False
        if line.kind is Kind.LABEL and line.label in ("symptoms", "root_cause", "resolution"):
            return True
    return False
