"""A page drawn as ASCII boxes in a code block (a printed runbook: `+--[ SYMPTOM ]----+`, the
text between `|` borders, a DIAGNOSIS box beside a `looks similar, is NOT this` box): each box
is read as a section of its title: the symptoms' box an item per line (a line wrapped under the
one before goes on with it), any other box on one line. The block is written as those sections
in its own lines when they fit, else left as it is. docs/incident-log-format.md ("Twenty-first
round", **ASCII boxes**) says the rule."""

from __future__ import annotations

import re

from matcher.incidents.fences import code_blocks
from matcher.incidents.labels import label_name

_TITLE = re.compile(r"\+-+\[\s*(?P<title>[^\]\n]{2,40}?)\s*\]-*\+")


def boxes_read(text: str) -> str:
    """The log with each code block of titled ASCII boxes read as sections."""
    lines = text.split("\n")
    for at, end in code_blocks(lines):
        body = lines[at + 1 : end]
        if any(_TITLE.search(line) for line in body):
            read = _sections(body)
            room = end - at + (end < len(lines))
            if read and len(read) <= room:
                lines[at : at + room] = read + [""] * (room - len(read))
    return "\n".join(lines)


def _sections(body: list[str]) -> list[str]:
    """The boxes as sections: the symptoms' box an item per line, any other box on one line
    (its text is no log text to read line by line, and the block's lines must hold them)."""
    out: list[str] = []
    for row, line in enumerate(body):
        for title in _TITLE.finditer(line):
            name = title["title"].strip()
            items = _items(body, row, title.start(), title.end() - 1)
            if label_name(name, loose=True) == "symptoms":
                out.extend([f"**{name}:**", *(f"- {item}" for item in items), ""])
            else:
                out.extend([f"**{name}:** {'; '.join(items)}", ""])
    return out


def _items(body: list[str], row: int, left: int, right: int) -> list[str]:
    """The box's lines as items, from under its title to its bottom border."""
    items: list[str] = []
    indent = 0
    for line in body[row + 1 :]:
        edge = line[left : right + 1]
        if edge.startswith("+") and edge.rstrip().endswith("+"):
            break  # (its bottom border)
        if len(line) <= left or line[left] != "|":
            break
        cell = line[left + 1 : right]
        text = cell.strip()
        if not text:
            continue
        depth = len(cell) - len(cell.lstrip())
        # (a wrapped line goes on with the one above: after a comma, or deeper and opened by a
        # word that labels nothing, `while connecting to upstream, …`)
        wrapped = items and (
            items[-1].endswith(",") or (depth > indent and _GOES_ON.match(text) is not None)
        )
        if wrapped:
            items[-1] = f"{items[-1]} {text}"
            continue
        items.append(text)
        indent = depth
    return items


_GOES_ON = re.compile(r"^[a-z][a-z-]*(?:\s|$)(?!\S*:)")
