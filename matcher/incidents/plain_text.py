"""An incident log kept as plain text, no Markdown at all (`cat`-able on a jump host): a banner
per incident (`=====` / `2026-12-03   INC-7   orders db - lock waits   SEV 2` / `=====`),
section words in capitals alone on their lines (`SYMPTOMS`, `ROOT CAUSE`, `FIX`, `TODO`) with
their bodies indented under them. Read as Markdown: the banner's title is a heading, a section
word a bold label, its body unindented, each line an item of its own except a line that goes on
with the one before (a wrapped sentence, or a line under a marked item: `*`, `**`, `-`, `[ ]`),
so a pasted log line is one symptom. A log with Markdown headings or fences is left as it is.
The line count is kept. docs/incident-log-format.md ("Twenty-second round", **A plain-text
journal**) says the rule."""

from __future__ import annotations

import re

from matcher.incidents.labels import label_name

_MARKDOWN = re.compile(r"(?m)^\s{0,3}(?:#{1,6}\s|```|~~~)")
_SECTION = re.compile(r"^([A-Z][A-Z /&-]{1,30}?):?\s*$")
_BANNER = re.compile(r"^\s*([=#*~-])\1{9,}\s*$")
_MARKED = re.compile(r"^(?:\*{1,2}|[-+\u2022]|\[[ xX]\])\s+")
_ENDS = re.compile(r"[.:!?)]\s*$")


def plain_text_read(text: str) -> str:
    """The log with a plain-text journal's banners and capitalised sections read as Markdown;
    else as it is."""
    lines = text.split("\n")
    sections = [at for at, line in enumerate(lines) if _section(line)]
    if len(sections) < 2 or _MARKDOWN.search(text):
        return text
    for at, line in enumerate(lines):
        # (the banner above a title: the one under it makes the title a heading)
        if _BANNER.match(line) and at + 2 < len(lines) and _BANNER.match(lines[at + 2]):
            lines[at] = ""
    for at in sections:
        lines[at] = f"**{lines[at].strip().rstrip(':').capitalize()}:**"
        end = at + 1
        while end < len(lines) and (not lines[end].strip() or lines[end][:1].isspace()):
            end += 1
        _body_read(lines, at + 1, end)
    return "\n".join(lines)


def _section(line: str) -> bool:
    found = _SECTION.match(line)
    return found is not None and label_name(found[1], loose=True) is not None


def _body_read(lines: list[str], start: int, end: int) -> None:
    written = [line for line in lines[start:end] if line.strip()]
    if not written:
        return
    base = min(len(line) - len(line.lstrip()) for line in written)
    previous, marked, pasted = "", False, False
    for at in range(start, end):
        line = lines[at]
        if not line.strip():
            lines[at], previous, marked, pasted = "", "", False, False
            continue
        depth = len(line) - len(line.lstrip()) - base
        body = line.strip()
        if _MARKED.match(body):
            lines[at] = f"- {_MARKED.sub('', body, count=1)}"
            marked, pasted = True, False
        elif depth > 0 and (previous.endswith(":") or pasted or not previous):
            lines[at], pasted = f"- {body}", True  # (a line pasted under its introduction)
        elif previous and not pasted and (marked or not _ENDS.search(previous)):
            lines[at] = f"  {body}"  # (a wrapped sentence goes on)
        else:
            lines[at] = f"- {body}"
            marked, pasted = False, False
        previous = body
