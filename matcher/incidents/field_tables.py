"""A field table that prints several fields to a row, as trackers print a record's attributes
(OpenProject's and Redmine's work packages, Jira's printable view: `| Field | Value | Field |
Value |`, then `| Priority | High | Assignee | Zeynep |`, or `| Status: | Closed | Start date: |
… |`). Each row is read as a two-column field row whose first pair is the field the signature
keeps (the id first, then the title, date, severity, services), with the row's other pairs
after it set off by `·` (`| Postmortem ID | INC-7 · Severity: Medium |`), as a line of header
fields is written; a row with no such field stays an item of the record, as a two-column
table's row does. The line count is kept. docs/incident-log-format.md ("Thirty-fifth round")
says the rule."""

from __future__ import annotations

import re

from matcher.incidents.fences import fenced_lines
from matcher.incidents.headings import INCIDENT_ID
from matcher.incidents.labels import label_name

_ROW = re.compile(r"^\s*\|(?P<inner>.*)\|\s*$")
_RULER = re.compile(r"^[\s|:-]+$")
# a header's cells over the names and over the values (`Field | Value`, `Attribute | Value`)
_NAME_HEAD = frozenset({"", "field", "fields", "attribute", "property", "key", "name"})
_VALUE_HEAD = frozenset({"", "value", "values"})
# the fields the signature keeps, in the order a row's pairs are read
_KEPT = ("id", "title", "date", "severity", "services")
# a tracker's custom field for the postmortem the record became (`Postmortem ID`, `PIR ID`): the
# incident's id when it holds one (an agent's note names it when the field is left empty, so
# the name is no id label of its own)
_POSTMORTEM_ID = re.compile(r"(?i)^(?:post[- ]?mortem|pir|rca)\s*(?:id|#|ref(?:erence)?)$")


def _cells(line: str) -> list[str] | None:
    row = _ROW.match(line)
    # (an escaped bar, `\|`, is a cell's text)
    return [c.strip() for c in re.split(r"(?<!\\)\|", row["inner"])] if row else None


def _bare(cell: str) -> str:
    return cell.strip("*_` ").rstrip(":").strip("*_` ")


def field_tables_read(text: str) -> str:
    """The log with each table of several fields to a row read as a two-column field table;
    else as it is."""
    if "|" not in text:
        return text
    lines = text.split("\n")
    fenced = fenced_lines(lines)
    at = 0
    while at < len(lines):
        end = at
        while end < len(lines) and not fenced[end] and _ROW.match(lines[end]):
            end += 1
        if end - at >= 3 and _RULER.match(lines[at + 1]) and _paired(lines[at:end]):
            lines[at] = "| Field | Value |"
            lines[at + 1] = "|---|---|"
            lines[at + 2 : end] = [_row_read(line) for line in lines[at + 2 : end]]
        at = max(end, at + 1)
    return "\n".join(lines)


def _paired(table: list[str]) -> bool:
    """Whether the table's columns are pairs of a name and a value: four or more, an even
    number, and a header that says so (`Field | Value | …`) or names ending in a colon."""
    head = _cells(table[0]) or []
    if len(head) < 4 or len(head) % 2:
        return False
    rows = [_cells(line) or [] for line in table[2:]]
    if any(len(row) != len(head) for row in rows):
        return False
    said = all(c.lower() in (_VALUE_HEAD if i % 2 else _NAME_HEAD) for i, c in enumerate(head))
    # (a header of blank cells says nothing: its names must end in a colon, `Status:`)
    said = said and any(c for c in head)
    colons = all(not row[i] or row[i].strip("*_ ").endswith(":") for row in rows for i in (0, 2))
    # (... and at least one of its names is a field: a grid of figures is no record)
    names = [_bare(row[i]) for row in rows for i in range(0, len(row), 2)]
    named = any(label_name(n) or _POSTMORTEM_ID.match(n) for n in names)
    return (said or colons) and named


def _row_read(line: str) -> str:
    """`| Finish date | 02/24/2026 | Postmortem ID | INC-7 |` -> `| Postmortem ID | INC-7 ·
    Finish date: 02/24/2026 |`."""
    cells = _cells(line) or []
    pairs = [(_bare(cells[i]), cells[i + 1]) for i in range(0, len(cells) - 1, 2)]
    pairs = [(name, value) for name, value in pairs if name and value]
    said = [
        _POSTMORTEM_ID.match(n) and re.fullmatch(INCIDENT_ID, v.strip("*_` ")) for n, v in pairs
    ]
    pairs = [("Incident ID" if s else n, v) for (n, v), s in zip(pairs, said, strict=True)]
    if not pairs:
        return "| | |"

    def rank(pair: tuple[str, str]) -> int:
        name = label_name(pair[0])
        return _KEPT.index(name) if name in _KEPT else len(_KEPT)

    first, *rest = sorted(pairs, key=rank)
    after = "".join(f" \u00b7 {name}: {value}" for name, value in rest)
    return f"| {first[0]} | {first[1]}{after} |"
