"""An incident register: one table, a row per incident, a column per field (`| ID | Sev | Seen |
Root cause | Fix | Not related |`), as a team keeps the incidents too small for a write-up.
Each row is read as an incident of its own, written with labels: a `<br>` in a cell of a
section's column (`Seen (logs / symptoms)`) separates its items. Every line read from a row
keeps the row's number, so what is reported names the row. A paragraph further down that opens
with a row's id in bold (`**INC-7** — the redis-cli output:`) is that incident's evidence, as
an appendix keyed by the id is (appendices.py). docs/incident-log-format.md says the rule
(the eighteenth round, under Accepted variants)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from matcher.incidents.headings import heading_id
from matcher.incidents.incident_blocks import incident_level
from matcher.incidents.labels import OTHER, label_name
from matcher.incidents.markdown import CELL_BREAK, HEADER_FIELDS, TABLE_ROW, Kind, Line
from matcher.incidents.sections import RULED_OUT

# The id cell may be linked or in bold: `[INC-7](https://…)`, `**INC-7**`
_LINK = re.compile(r"^\[([^\]]+)\]\([^)]*\)$")


def _cells(line: Line, raws: Sequence[str]) -> list[str] | None:
    raw = raws[line.number - 1] if 0 < line.number <= len(raws) else ""
    row = TABLE_ROW.match(raw) if line.kind is Kind.BULLET else None
    return [cell.strip() for cell in row[1].split("|")] if row else None


def _fields(header: Sequence[str]) -> list[str | None]:
    """The field each column stands for (`OTHER` for a column of no field's name)."""
    return [label_name(cell.strip("*_ "), loose=True) or OTHER for cell in header]


def _row_id(cell: str) -> str | None:
    cell = cell.strip("*_ `")
    link = _LINK.match(cell)
    found = heading_id(link[1] if link else cell)
    return found[0] if found and not found[1].strip() else None


def registers_read(lines: Sequence[Line], raws: Sequence[str]) -> list[Line]:
    """The lines (classified from ``raws``) with every register's rows written as incidents (a
    rule before each and after the table, so each is a block of its own); other tables are left
    as they are."""
    read: list[Line] = []
    columns: set[str] = set()  # the registers' column names
    at = 0
    owned: set[str] = set()
    table_end = first = 0
    # (a row's heading at the level the log's own incidents have: `#### INC-7 · …` under a
    # service's `## Component` heading, a register under the next one)
    level = incident_level(lines) or 2
    while at < len(lines):
        header = _cells(lines[at], raws)
        fields = _fields(header) if header else []
        if not header or "id" not in fields or "symptoms" not in fields:
            read.append(lines[at])
            at += 1
            continue
        end = at + 1
        if end < len(lines) and lines[end].kind is Kind.BLANK:  # (the table's `|---|` rule)
            end += 1
        rows: list[tuple[Line, list[str]]] = []
        while end < len(lines) and (cells := _cells(lines[end], raws)) is not None:
            rows.append((lines[end], cells))
            end += 1
        ids = [_row_id(cells[fields.index("id")]) for _, cells in rows]
        incidents = [
            (found, row, cells) for found, (row, cells) in zip(ids, rows, strict=True) if found
        ]
        # (an id on two rows: a table of events keyed by incident, a timeline, no register)
        named = [i for i in ids if i]
        if not incidents or len(set(named)) < len(named):
            read.append(lines[at])
            at += 1
            continue
        columns.update(_name(cell) for cell in header)
        first = first or lines[at].number
        for found, row, cells in incidents:
            owned.add(found)
            read.extend(_incident(found, row, cells, (header, fields), raws[row.number - 1], level))
        read.append(Line(lines[end - 1].number, Kind.RULE))
        at, table_end = end, lines[end - 1].number
    if not owned:
        return read
    # (the columns explained in a list, `- **Sev** — 1 (outage) to 4`, are no incident's fields;
    # under an incident's own heading above the register they are that incident's)
    explained: list[Line] = []
    under_incident = False
    for line in read:
        if line.kind is Kind.HEADING:
            under_incident = heading_id(line.text) is not None
        if line.kind is Kind.LABEL and line.number < first and not under_incident:
            line = (
                replace(line, kind=Kind.BULLET, label=None)
                if _name(line.written) in columns
                else line
            )
        explained.append(line)
    return _as_evidence(explained, owned, table_end)


def _name(cell: str) -> str:
    return " ".join(cell.strip("*_ ").lower().split())


def _incident(
    found: str,
    row: Line,
    cells: list[str],
    columns: tuple[list[str], list[str | None]],
    raw: str,
    level: int,
) -> list[Line]:
    header, fields = columns
    number, column = row.number, row.column
    # (no title column: the row's first item of what was seen, `Logins failed.`)
    seen = CELL_BREAK.split(cells[fields.index("symptoms")])[0]
    title = next((c for f, c in zip(fields, cells, strict=False) if f == "title" and c), seen)
    out = [
        Line(number, Kind.RULE),
        Line(number, Kind.HEADING, f"{found} \u2014 {title}" if title else found, column, level),
    ]
    for name, written, cell in zip(fields, header, cells, strict=False):
        if name == "id" or not cell.strip() or name == "title":
            continue
        if name in HEADER_FIELDS:
            out.append(Line(number, Kind.LABEL, " ".join(CELL_BREAK.split(cell)), column, 0, name))
            continue
        # (a column of no field's name is read only when it rules out what it lists: `Not
        # related (checked)`; `Opened`, `Status` say nothing of the symptoms)
        if name == OTHER and not RULED_OUT.search(written):
            continue
        out.append(Line(number, Kind.LABEL, "", column, 0, name, written.strip("*_ ")))
        # (each item at its own column: items at one place are one item's wrapped lines)
        out.extend(
            Line(number, Kind.BULLET, part, column + max(0, raw.find(part)))
            for part in CELL_BREAK.split(cell)
            if part
        )
        out.append(Line(number, Kind.BLANK))
    return out


_BOLD_ID = re.compile(r"^\*\*([^*]{3,40})\*\*\s*(?:[\u00b7:\u2013\u2014-]\s*)?")


def _as_evidence(lines: list[Line], owned: set[str], after: int) -> list[Line]:
    """A paragraph that opens with a register's incident id in bold (`**INC-7** — …`), or a
    heading read from one, is that incident's evidence, not another incident of the same id:
    a heading that names the id (appendices.py moves what is under it), then the paragraph."""
    read: list[Line] = []
    for at, line in enumerate(lines):
        if line.number <= after:
            read.append(line)
            continue
        bold = _BOLD_ID.match(line.text) if line.kind is Kind.TEXT and line.column == 1 else None
        opens = bold is not None and (at == 0 or lines[at - 1].kind is Kind.BLANK)
        found = heading_id(bold[1]) if bold and opens else None
        if found and found[0] in owned and bold:
            read.append(Line(line.number, Kind.HEADING, f"Evidence for {found[0]}", 1, 6))
            read.append(Line(line.number, Kind.BLANK))  # (no item before it goes on in it)
            read.append(Line(line.number, Kind.TEXT, line.text[bold.end() :], bold.end() + 1))
            continue
        found = heading_id(line.text) if line.kind is Kind.HEADING else None
        if found and found[0] in owned:
            line = Line(line.number, Kind.HEADING, f"Evidence for {found[0]}", line.column, 6)
            text = Line(line.number, Kind.TEXT, found[1], line.column)
            read.extend([line, Line(line.number, Kind.BLANK), text])
            continue
        read.append(line)
    return read
