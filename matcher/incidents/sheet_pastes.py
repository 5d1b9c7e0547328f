"""A spreadsheet's incident register pasted as it copies: tab-separated, a header row naming the
fields, a row per incident, a cell with line breaks wrapped in double quotes (Google Sheets,
Excel). Each row is read as a register's row is (registers.py); a sheet keyed by the incidents'
ids with no symptoms column (`Incident ID | Line people argued about | Verdict | Why`) holds
what was ruled out for each, read as that incident's evidence. docs/incident-log-format.md
("Fortieth round") says the rule."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence

from matcher.incidents.markdown import Kind, Line
from matcher.incidents.registers import _fields, _incident, _row_id
from matcher.incidents.sections import RULED_OUT

_MIN_COLUMNS = 3
# A list item's mark in a cell (`- bigger disk`): the cell's lines are its items already
_ITEM = re.compile(r"^\s*[-*\u2022]\s+")


def _records(raws: Sequence[str], start: int) -> tuple[list[tuple[int, list[str]]], int]:
    """The rows after a header (0-based `start`), each with its first line's index, and the
    index after the sheet: a blank line or a line with no tab outside a quoted cell ends it."""
    rows: list[tuple[int, list[str]]] = []
    at = start
    while at < len(raws) and "\t" in raws[at]:
        end, text = at + 1, raws[at]
        while text.count('"') % 2 and end < len(raws):  # (a quoted cell goes on)
            text, end = f"{text}\n{raws[end]}", end + 1
        rows.append((at, next(csv.reader(io.StringIO(text), delimiter="\t"), [])))
        at = end
    return rows, at


def sheet_pastes_read(lines: Sequence[Line], raws: Sequence[str]) -> list[Line]:
    """The lines with every pasted sheet's rows written as incidents, or as evidence of theirs;
    a file with no such sheet is as it was."""
    sheets: dict[int, tuple[list[Line], int]] = {}  # a sheet's header index: its lines, its end
    owned: set[str] = set()
    for at, raw in enumerate(raws):
        header = raw.split("\t")
        fields = _fields(header) if len(header) >= _MIN_COLUMNS else []
        if "id" not in fields or any(at < end and at >= s for s, (_, end) in sheets.items()):
            continue
        rows, end = _records(raws, at + 1)
        ids = [_row_id(cells[fields.index("id")]) if len(cells) > 1 else None for _, cells in rows]
        if not rows or not all(ids):
            continue
        read: list[Line] = [Line(at + 1, Kind.BLANK)]
        for found, (row, cells) in zip(ids, rows, strict=True):
            number, cells = (
                row + 1,
                ["<br>".join(_ITEM.sub("", p) for p in c.split("\n")) for c in cells],
            )
            if "symptoms" in fields and found:
                owned.add(found)
                line = Line(number, Kind.TEXT, raws[row], 1)
                read.extend(_incident(found, line, cells, (header, fields), raws[row], 2))
            elif found in owned:
                # (a row of what was ruled out: its line, then the verdict and why)
                said = " \u2014 ".join(c for c, f in zip(cells, fields, strict=False) if f != "id")
                if RULED_OUT.search(said):
                    read.append(Line(number, Kind.HEADING, f"Evidence for {found}", 1, 6))
                    read.append(Line(number, Kind.LABEL, "", 1, 0, "ruled_out", "Not it"))
                    read.append(Line(number, Kind.BULLET, said, 1))
        read.append(Line(end, Kind.RULE))
        sheets[at] = (read, end)
    if not sheets:
        return list(lines)
    out: list[Line] = []
    skip_to = 0
    for line in lines:
        start = line.number - 1
        if start in sheets:
            out.extend(sheets[start][0])
            skip_to = sheets[start][1]
        elif start >= skip_to:
            out.append(line)
    return out
