"""A document written in Word and converted with pandoc keeps pandoc's own Markdown: grid tables
(`+-----+` borders, each cell's text wrapped over several lines), bracketed spans with
attributes (`[Symptoms]{.underline}`, `[not a failure]{.mark}`) and empty anchors
(`[]{#_Toc1 .anchor}`). Each grid table is read as the same pipe table, a cell's wrapped lines
joined (its log lines, where several, quoted one by one), and each span as its text. The line
count is kept. docs/incident-log-format.md ("Twenty-first round", **A pandoc export**) says
the rule."""

from __future__ import annotations

import itertools
import re

_BORDER = re.compile(r"^[ \t]*\+(?:[-=:]+\+)+[ \t]*$")
_ROW = re.compile(r"^[ \t]*\|.*\|[ \t]*$")
_ANCHOR = re.compile(r"\[\]\{#[^}\n]*\}")
_SPAN = re.compile(r"\[([^\[\]\n]+)\]\{[.#][^}\n]*\}")
# A cell's line that starts a line of its own: a log line (an exception, a level, PostgreSQL's
# `DETAIL:`), or a sentence after one that ended
_OWN_LINE = re.compile(
    r"^(?:(?:[a-z_]\w*\.)+[A-Z]\w*|[A-Z]\w*(?:Error|Exception|Warning))[:(]|^[A-Z]{3,}:?\s"
    r"|^\[?(?:ERROR|WARN|WARNING|FATAL|CRITICAL|INFO|DEBUG)\b"
)


def pandoc_as_markdown(text: str) -> str:
    """The log with pandoc's spans read as their text and its grid tables as pipe tables."""
    text = _SPAN.sub(r"\1", _ANCHOR.sub("", text))
    lines = text.split("\n")
    at = 0
    while at < len(lines):
        if not _BORDER.match(lines[at]):
            at += 1
            continue
        end = at + 1
        while end < len(lines) and (_BORDER.match(lines[end]) or _ROW.match(lines[end])):
            end += 1
        table = lines[at:end]
        read = _as_pipes(table)
        lines[at:end] = read + [""] * (len(table) - len(read))
        at = end
    # (a span wrapped in a cell of a grid table, read as its text once the cell is one line)
    return _SPAN.sub(r"\1", "\n".join(lines))


def _as_pipes(table: list[str]) -> list[str]:
    border = table[0].strip()
    stops = [i for i, char in enumerate(border) if char == "+"]
    indent = len(table[0]) - len(table[0].lstrip())
    rows: list[list[list[str]]] = []  # each row: each cell's lines
    for line in table[1:]:
        if _BORDER.match(line):
            rows.append([])
            continue
        if not rows:
            rows.append([])
        body = line[indent:]
        cells = [body[a + 1 : b] for a, b in itertools.pairwise(stops)]
        if not rows[-1]:
            rows[-1] = [[] for _ in cells]
        for lines, cell in zip(rows[-1], cells, strict=False):
            if cell.strip():
                lines.append(cell.strip().strip("|").strip())
    out: list[str] = []
    for number, row in enumerate(r for r in rows if r):
        out.append("| " + " | ".join(_joined(cell) for cell in row) + " |")
        if number == 0:
            out.append("|" + "---|" * len(row))
    return out


def _joined(lines: list[str]) -> str:
    """A cell's text: its wrapped lines joined; where it holds several log lines, each quoted
    as code on its own (a table row is one item: its cells' quotes are its log texts)."""
    parts: list[str] = []
    logged = False
    for line in lines:
        own = _OWN_LINE.match(line) is not None
        if parts and (own or (parts[-1].endswith(".") and line[:1].isupper())):
            parts.append(line)
            logged = logged or own
        elif parts:
            parts[-1] = f"{parts[-1]} {line}"
        else:
            parts.append(line)
    if logged and not any("`" in part for part in parts):
        return " ".join(f"`{part}`" for part in parts)
    return " ".join(parts)
