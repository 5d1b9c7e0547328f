"""The incident log cut into one block of lines per incident: at rules (`---`) and at the
headings that start incidents (their level found from the log itself)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace

from matcher.incidents.headings import heading_id, one_id_inside
from matcher.incidents.labels import INCIDENT_MARKERS
from matcher.incidents.markdown import HEADER_FIELDS, HEADING_ID, Kind, Line, plain


def incident_level(lines: Iterable[Line]) -> int:
    """The level of the shallowest heading that starts an incident: it carries an id, or labels
    follow it before any other heading.

    Deeper headings are sections of an incident; shallower ones (a document title, a `## 2024`
    group) only end the incident before them. 0 when no heading starts an incident: then only
    rules (`---`) separate incidents and every heading is a section. A document's one title
    with an id of its own (`# RFC-0031: …`, `# ADR-12 …`) above headings that name two incidents
    or more, or an incident of another kind (`### 2.1 INC-7 — …`), is the document's: the
    incidents' level is theirs.
    """
    lines = list(lines)
    best = _level(lines)
    ids: dict[int, set[str]] = {}
    for line in lines:
        found = heading_id(line.text) if line.kind is Kind.HEADING else None
        if found:
            ids.setdefault(line.level, set()).add(found[0])
    if best and len(ids.get(best, ())) == 1:
        (title,) = ids[best]
        deeper = sorted(
            level
            for level, named in ids.items()
            if level > best and (len(named) > 1 or _kind(title) not in map(_kind, named))
        )
        return deeper[0] if deeper else best
    return best


def _kind(incident: str) -> str:
    """An id's kind, its letters before the number: `RFC` of `RFC-0031`, `INC-PM` of `INC-PM-7`."""
    return re.sub(r"-\d[\w-]*$", "", incident)


def _level(lines: Sequence[Line]) -> int:
    best = 0
    candidate, found = 0, False
    labelled = False  # labels seen since the last rule: a heading now is a section...
    for line in [*lines, Line(0, Kind.RULE)]:
        if line.kind in (Kind.RULE, Kind.HEADING):
            if found:
                best = min(best or candidate, candidate)
            candidate, found = 0, False
        if line.kind is Kind.RULE:
            labelled = False
        elif line.kind is Kind.HEADING:
            # (an id inside its words too: `## Build #2291 \u2014 deploy/thumbs \u2192 INC-7`)
            text = plain(line.text)
            has_id = HEADING_ID.match(text) is not None or one_id_inside(text) is not None
            # ...unless it carries an id or sits at a level known to start incidents.
            if has_id or not labelled or line.level <= best:
                candidate, found = line.level, has_id
        elif line.kind is Kind.LABEL and line.label in INCIDENT_MARKERS:
            found, labelled = found or candidate > 0, True
    return best


def split_blocks(lines: Sequence[Line]) -> list[list[Line]]:
    """Cut the log at rules (`---`) and at incident-level headings; empty blocks are dropped."""
    level = incident_level(lines)
    blocks: list[list[Line]] = [[]]
    for line in lines:
        if line.kind is Kind.RULE or (line.kind is Kind.HEADING and line.level <= level):
            blocks.append([])
        if line.kind is not Kind.RULE:
            blocks[-1].append(line)
    return [b for b in blocks if any(line.kind is not Kind.BLANK for line in b)]


def _opening_id(block: Sequence[Line]) -> str | None:
    first = next((line for line in block if line.kind is not Kind.BLANK), None)
    found = heading_id(first.text) if first and first.kind is Kind.HEADING else None
    return found[0] if found else None


def _sections(block: Sequence[Line]) -> set[str]:
    return {
        line.label
        for line in block
        if line.kind is Kind.LABEL and line.label and line.label not in HEADER_FIELDS
    }


def continuations_joined(blocks: Sequence[list[Line]]) -> list[list[Line]]:
    """The blocks with each one that repeats the id of the incident right before it under a
    heading of its own, and holds none of its sections (a slide deck's `# INC-7 · cause & fix`
    after `# INC-7 · Redis OOM`), joined to it: the heading is no incident's. A second block of
    the id that holds sections the first has too is another incident (a duplicate id)."""
    joined: list[list[Line]] = []
    for block in blocks:
        found = _opening_id(block)
        before = joined[-1] if joined else []
        if found and found == _opening_id(before) and not _sections(before) & _sections(block):
            heading = next(line for line in block if line.kind is not Kind.BLANK)
            blank = replace(heading, kind=Kind.BLANK, text="", level=0)
            joined[-1] = [*before, *(blank if line is heading else line for line in block)]
            continue
        joined.append(list(block))
    return joined
