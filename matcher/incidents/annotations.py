"""A list of entries each tagged with the incident it belongs to: Grafana's annotations exported
as a list (`1. **2026-12-05 02:14** — *Backups*, panel …` with a nested `- Tags: `incident`
`INC-7` `sev2``), a timeline tool's events. Each entry whose `Tags:` name exactly one incident
id is that incident's; the first of a run of entries of one id becomes its heading (`## INC-7 —
…`), the others stay under it. The line count is kept. docs/incident-log-format.md
("Twenty-sixth round") says the rule."""

from __future__ import annotations

import re

from matcher.incidents.fences import code_blocks
from matcher.incidents.headings import INCIDENT_ID

_ENTRY = re.compile(r"^(?:\d{1,4}[.)]|[-*+])[ \t]+(?P<text>\S.*)$")
_TAGS = re.compile(r"^[ \t]+(?:[-*+][ \t]+)?(?:\*\*|__)?Tags(?:\*\*|__)?:(?:\*\*|__)?[ \t]*(.*)$")


def annotations_read(text: str) -> str:
    """The log with each run of entries tagged with one incident id headed by that id; else as
    it is."""
    lines = text.split("\n")
    fenced = {k for first, last in code_blocks(lines) for k in range(first, last + 1)}
    tagged: list[tuple[int, str]] = []  # (entry's line, its incident)
    for at, line in enumerate(lines):
        entry = _ENTRY.match(line)
        if not entry or at in fenced:
            continue
        # (the tags among the entry's first nested lines: its fields come before its text)
        for below in lines[at + 1 : at + 6]:
            if not below.strip() or not below[0].isspace():
                break
            tags = _TAGS.match(below)
            if tags:
                ids = set(re.findall(rf"(?<![\w-]){INCIDENT_ID}", tags[1]))
                if len(ids) == 1:
                    tagged.append((at, ids.pop()))
                break
    # (two entries at least: one tagged bullet is a field, not an export of entries)
    if len(tagged) < 2:
        return text
    previous = ""
    for at, incident in tagged:
        if incident != previous:
            entry = _ENTRY.match(lines[at])
            lines[at] = f"## {incident} \u2014 {entry['text'] if entry else ''}"
        previous = incident
    return "\n".join(lines)
