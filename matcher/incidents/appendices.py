"""An appendix keyed by incident id, joined to its incident (`## Evidence` then `### Evidence
INC-7`, `## Logs for INC-7`): a wiki keeps each incident's summary short and all its log lines
at the bottom. The part of the appendix that names an incident is read as that incident's log
evidence, as if it had been written under it."""

from __future__ import annotations

import re
from collections.abc import Sequence

from matcher.incidents.headings import heading_id
from matcher.incidents.markdown import Kind, Line


def appendices_joined(blocks: Sequence[list[Line]]) -> list[list[Line]]:
    """The blocks with every heading that names another incident's id (and does not start an
    incident with it) moved, with the lines under it, to the end of that incident's block as a
    section of symptoms. Inside an incident's own block only a heading that says it holds
    evidence moves (`### Logs for INC-7`; `### Related: INC-7` stays). Lines keep their
    numbers."""
    ids = [_own_id(block) for block in blocks]
    owners: dict[str, int] = {}
    for index, found in enumerate(ids):
        if found:
            owners.setdefault(found, index)
    joined = [list(block) for block in blocks]
    for index, block in enumerate(blocks):
        first = next((line for line in block if line.kind is not Kind.BLANK), None)
        for owner, part in _keyed_parts(block, owners, first, ids[index] is not None):
            if owner == index:
                continue
            moved = {line.number for line in part}
            # (what is left of an appendix of no incident's, `## Evidence` and its preface,
            # is no incident)
            kept = ids[index] is not None
            joined[index] = [line for line in joined[index] if kept and line.number not in moved]
            head = part[0]
            label = Line(
                head.number, Kind.LABEL, "", head.column, head.level, "symptoms", head.text
            )
            joined[owner].extend([label, *part[1:]])
    return [block for block in joined if any(line.kind is not Kind.BLANK for line in block)]


def _own_id(block: list[Line]) -> str | None:
    """The id an incident's block starts with (its heading's) or labels (`**Incident ID:**`)."""
    first = next((line for line in block if line.kind is not Kind.BLANK), None)
    starts = heading_id(first.text) if first and first.kind is Kind.HEADING else None
    if starts:
        return starts[0]
    labelled = (line.text for line in block if line.kind is Kind.LABEL and line.label == "id")
    found = re.search(_ID, next(labelled, ""))
    return found[0] if found else None


# How an appendix's heading says it holds the log lines (`Evidence`, `Raw logs`, `Anhang`)
_EVIDENCE = re.compile(
    r"(?i)\b(?:evidence|logs?\b|appendix|annex|anhang|anexo|details|excerpts?|raw|paste[sd]?"
    r"|traces?|output)"
)
_ID = r"(?<![\w-])[A-Za-z][\w-]*-\d[\w-]*(?<!-)"


def _keyed_parts(
    block: list[Line], owners: dict[str, int], first: Line | None, incident: bool
) -> list[tuple[int, list[Line]]]:
    """The parts of a block under a heading that names one incident of ``owners``, with the
    index of that incident's block (an incident's own heading is none)."""
    parts: list[tuple[int, list[Line]]] = []
    current: list[Line] | None = None
    level = 0
    for line in block:
        if line.kind is Kind.HEADING and (current is None or line.level <= level):
            current = None
            named = {owners[f] for f in re.findall(_ID, line.text) if f in owners}
            evidence = not incident or _EVIDENCE.search(line.text) is not None
            if (line is not first or not incident) and len(named) == 1 and evidence:
                current, level = [], line.level
                parts.append((named.pop(), current))
        if current is not None:
            current.append(line)
    return parts
