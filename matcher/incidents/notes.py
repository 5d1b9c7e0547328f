"""A vault's notes combined into one file (Obsidian's "Combine notes"), each note's properties
(`---`, `id: INC-7`, `severity: high`, `---`) above its title (`# INC-7 Gateway down`): the
title is read first, then its properties as its header fields (as fences.note_properties reads
properties under a title), so the rules around them cut no incident in two. Only a title that
names the incident its properties name is moved (a file's own front matter above the first
note's title stays), or a title that names no id under properties that give one (`id: INC-7`,
a runbook's documents); the lines between keep their order. The line count is kept.
docs/incident-log-format.md ("Twenty-second round", **A vault's notes**) says the rule."""

from __future__ import annotations

from matcher.incidents.fences import FRONT_MATTER_KEY
from matcher.incidents.headings import HEADING_ID, heading_id
from matcher.incidents.labels import label_name

_MOST = 40  # (properties longer than this are no note's header)


def titles_first(text: str) -> str:
    """The log with each note's title moved above its properties; else as it is."""
    lines = text.split("\n")
    at = 0
    while at < len(lines):
        end = _properties_end(lines, at)
        title = end + 1 if end else 0
        while title and title < len(lines) and not lines[title].strip():
            title += 1
        heading = lines[title] if title and title < len(lines) else ""
        named = heading_id(heading.lstrip("#").strip()) if heading.startswith("#") else None
        # (properties already under their title are not moved from it)
        untitled = (
            heading.startswith("#")
            and not named
            and _names_an_id(lines[at:end])
            and not next((t for t in reversed(lines[:at]) if t.strip()), "").startswith("#")
        )
        if (named and any(named[0] in line for line in lines[at:end])) or untitled:
            # (the title up, the properties and blank lines under it one line down each)
            lines[at : title + 1] = [heading, *lines[at:title]]
            at = title + 1
        else:
            at += 1
    return "\n".join(lines)


def _names_an_id(properties: list[str]) -> bool:
    """Whether properties give the incident's id (`id: INC-7`), for a title that names none."""
    for line in properties:
        key, _, value = line.partition(":")
        if label_name(key.strip()) == "id" and HEADING_ID.match(value.strip(" '\"")):
            return True
    return False


def _properties_end(lines: list[str], at: int) -> int:
    """The index of the closing `---` of properties opened at ``at``, else 0."""
    if lines[at].strip() != "---":
        return 0
    for end in range(at + 1, min(len(lines), at + _MOST)):
        line = lines[end]
        if line.strip() == "---":
            return end if end > at + 1 else 0
        if not (FRONT_MATTER_KEY.match(line) or (line[:1].isspace() and line.strip())):
            return 0
    return 0
