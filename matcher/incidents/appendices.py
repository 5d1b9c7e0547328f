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
    for index, own in enumerate(ids):
        if own is None:
            _rows_moved(joined, index, owners)
    return [block for block in joined if any(line.kind is not Kind.BLANK for line in block)]


def _rows_moved(joined: list[list[Line]], index: int, owners: dict[str, int]) -> None:
    """The rows of an evidence table of no incident's (`| A-1 | 109 | gateway | … | CAUSE |`)
    moved to the incidents their cells name, by id or by its number alone, with the table's
    header row before them: two rows at least must name one."""
    rows = [line for line in joined[index] if _cells(line) is not None]
    if not rows:
        return
    header = rows[0]
    owned = [(line, _row_owner(_cells(line) or [], owners)) for line in rows[1:]]
    # (... a row that quotes no log text is an index's, not evidence: a CI review's `| Run |
    # Pipeline | Linked |` table over its runs, each run's log under its own heading)
    named = [
        (line, owner)
        for line, owner in owned
        if owner is not None and owner != index and _QUOTES.search(line.text)
    ]
    if len(named) < 2:
        return
    moved = {line.number for line, _ in named}
    joined[index] = [line for line in joined[index] if line.number not in moved]
    for owner in dict.fromkeys(owner for _, owner in named):
        label = Line(header.number, Kind.LABEL, "", header.column, 0, "symptoms", "Evidence")
        joined[owner].extend([label, header, *(line for line, o in named if o == owner)])


_QUOTES = re.compile('`[^`]+`|"[^"]+"|\u201c[^\u201d]+\u201d')


def _cells(line: Line) -> list[str] | None:
    text = line.text.strip()
    if line.kind not in (Kind.BULLET, Kind.TEXT) or not (
        text.startswith("|") and text.endswith("|")
    ):
        return None
    return [cell.strip() for cell in text[1:-1].split("|")]


def _row_owner(cells: list[str], owners: dict[str, int]) -> int | None:
    """The one incident a row's cells name: by its id, or a cell that is its number alone
    (`109` for `INC-PM-109`, when no other incident's id ends so)."""
    named = {owners[f] for cell in cells for f in re.findall(_ID, cell) if f in owners}
    for cell in cells:
        number = cell.strip("#* ")
        if number.isdigit():
            ends = [o for i, o in owners.items() if re.search(rf"(?<!\d){number}$", i)]
            named.update(ends if len(ends) == 1 else [])
    return named.pop() if len(named) == 1 else None


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
            # (a heading that names several ids, or a range, `INC-101 … INC-108`, is a
            # document's title or a digest's: no one incident's appendix)
            found = set(re.findall(_ID, line.text))
            named = {owners[f] for f in found if f in owners} if len(found) == 1 else set()
            evidence = not incident or _EVIDENCE.search(line.text) is not None
            if (line is not first or not incident) and len(named) == 1 and evidence:
                current, level = [], line.level
                parts.append((named.pop(), current))
        if current is not None:
            current.append(line)
    return parts
