"""A log exported to Markdown by a word processor (Google Docs' "Download as Markdown", pandoc)
escapes the Markdown characters of its text: `used\\_memory \\> maxmemory`, `\\[Errno 111\\]`.
Such a log is read unescaped outside code, as Markdown renders it. Google Docs also exports its
comments: an anchor after the text commented on (`… 60.0 secs.[g]`) and, at the end, each comment
after its anchor (`[g]**Jonas B.:** In staging it was 1.0 secs`); these are read as Markdown's
footnotes (`[^g]`, `[^g]: …`), which footnotes.py joins to the item they annotate.
docs/incident-log-format.md ("Twentieth round", **A word processor's Markdown export**;
"Twenty-fifth round") says the rules."""

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


# (`[a]: https://…` is a Markdown link's reference, no comment)
_COMMENT = re.compile(r"^\[([a-z]{1,2})\](?=[^\s:])", re.MULTILINE)
_ANCHOR = re.compile(r"(?<=\S)\[([a-z]{1,2})\](?![(:\[])")


def comments_as_footnotes(text: str) -> str:
    """The log with a Google Docs export's comments read as footnotes; else as it is."""
    defined = set(_COMMENT.findall(text))
    if not defined:
        return text
    lines = text.split("\n")
    opened = -1  # the comment being read: its replies are joined to it, up to a blank line
    for at, line in enumerate(lines):
        comment = _COMMENT.match(line)
        if comment:
            lines[at], opened = f"[^{comment[1]}]: {line[comment.end() :].rstrip()}", at
        elif opened >= 0 and line.strip():
            lines[opened], lines[at] = f"{lines[opened]} {line.strip()}", ""
        else:
            opened = -1
            lines[at] = _ANCHOR.sub(lambda m: f"[^{m[1]}]" if m[1] in defined else m[0], line)
    return "\n".join(lines)
