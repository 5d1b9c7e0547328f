"""Tables kept as raw HTML in the log (`<table><tr><td>…</td></tr></table>`, as an incident
tracker exports them): each is read as the same table in Markdown, so its rows are items as a
pipe table's are. The line count is kept: locations still point into the file as written."""

from __future__ import annotations

import html
import re

_TABLE = re.compile(r"(?is)^[ \t]*<table\b[^>]*>.*?</table>[ \t]*$", re.MULTILINE)
_ROW = re.compile(r"(?is)<tr\b[^>]*>(.*?)</tr>")
_CELL = re.compile(r"(?is)<(t[dh])\b[^>]*>(.*?)(?:</t[dh]>|(?=<t[dh]\b)|$)")
_CODE = re.compile(r"(?is)<(code|pre|tt|kbd|samp)\b[^>]*>(.*?)</\1>")
_BREAK = re.compile(r"(?i)<br\s*/?>")
_TAG = re.compile(r"<[^>]+>")


def html_tables_as_markdown(text: str) -> str:
    """The log with every raw HTML table written as a Markdown table, its line count kept."""
    return _TABLE.sub(_as_markdown, text)


def _as_markdown(table: re.Match[str]) -> str:
    rows = [_cells(row[1]) for row in _ROW.finditer(table[0])]
    rows = [(header, cells) for header, cells in rows if cells]
    lines: list[str] = []
    for at, (header, cells) in enumerate(rows):
        lines.append("| " + " | ".join(cells) + " |")
        if header and at == 0:
            lines.append("|" + "---|" * len(cells))
    height = table[0].count("\n") + 1
    if len(lines) > height:  # (rows joined on one line: the table cannot keep its lines)
        return table[0]
    return "\n".join(lines + [""] * (height - len(lines)))


def _cells(row: str) -> tuple[bool, list[str]]:
    found = _CELL.findall(row)
    return all(kind.lower() == "th" for kind, _ in found), [_text(cell) for _, cell in found]


def _text(cell: str) -> str:
    """A cell's text: code as backticks (a line of it each), other tags dropped."""
    cell = _CODE.sub(lambda m: " ".join(_code(line) for line in m[2].splitlines()), cell)
    cell = _BREAK.sub(" ", cell)
    text = html.unescape(_TAG.sub("", cell))
    return " ".join(text.split()).replace("|", "\u00a6")


def _code(line: str) -> str:
    line = html.unescape(_TAG.sub("", line)).strip()
    return f"`{line}`" if line else ""
