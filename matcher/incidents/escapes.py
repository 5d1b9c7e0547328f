"""A log exported to Markdown by a word processor (Google Docs' "Download as Markdown", pandoc)
escapes the Markdown characters of its text: `used\\_memory \\> maxmemory`, `\\[Errno 111\\]`.
Such a log is read unescaped outside code, as Markdown renders it. docs/incident-log-format.md
("Twentieth round", **A word processor's Markdown export**) says the rule."""

from __future__ import annotations

import re

# The characters exporters escape. Not `"`, `'` or `/`: a log's own `\"` (JSON in a log line)
# is kept as the log has it.
_ESCAPE = r"\\([_*\[\]#<>\-.!+()|~`{}\\=])"
_SPAN_OR_ESCAPE = re.compile(rf"(`+)[^`]*?\1|{_ESCAPE}")
_FENCE = re.compile(r"^\s*(?:```|~~~)")
# (an exported document escapes throughout; one or two escapes are the author's own text)
_EXPORTED = 3


def _unescaped(line: str) -> str:
    return _SPAN_OR_ESCAPE.sub(lambda m: m[2] if m[2] is not None else m[0], line)


def markdown_unescaped(text: str) -> str:
    """The log with a word processor's backslash escapes taken out of its text outside code,
    when it has several; else as it is. The line count is kept."""
    lines = text.split("\n")
    fenced, outside = False, []
    for at, line in enumerate(lines):
        if _FENCE.match(line):
            fenced = not fenced
        elif not fenced:
            outside.append(at)
    found = sum(
        1 for at in outside for m in _SPAN_OR_ESCAPE.finditer(lines[at]) if m[2] is not None
    )
    if found < _EXPORTED:
        return text
    for at in outside:
        lines[at] = _unescaped(lines[at])
    return "\n".join(lines)
