"""A log with AsciiDoc habits written in Markdown (a handbook moved from AsciiDoc): `----`
listing blocks under a `.title` or `[source,text]` line, `<1>` callouts after pasted lines and
their notes under the block, `.Root cause` block titles, `Severity:: High` description lists,
`NOTE:` / `WARNING:` admonitions. Read as the same log in Markdown, line for line: locations
still point into the file as written."""

from __future__ import annotations

import re

_DELIMITER = re.compile(r"^[ \t]*(?:-{4,}|\.{4,})[ \t]*$")
# a block title (`.billing-pg.log`, `.Root cause`), not an elision (`...`) nor a path (`./x`)
_TITLE = re.compile(r"^\.(?=[A-Za-z])([^\s.][^\n]{0,60})$")
_ATTRIBUTES = re.compile(r"^\[(?:source|listing|literal|subs)\b[^\]]*\]\s*$")
_CALLOUT = re.compile(r"\s*(?:(?://|#)\s*)?<(\d{1,2})>\s*$")
_NOTE = re.compile(r"^<(\d{1,2})>\s+(\S.*)$")
_TERM = re.compile(r"^([A-Z][\w /-]{0,30})::[ \t]+(?=\S)")
_ADMONITION = re.compile(r"^(?:NOTE|TIP|IMPORTANT|WARNING|CAUTION):[ \t]+(?=\S)")
_ADOC = re.compile(
    r"(?m)^(?:\.[A-Za-z][^\n]*|\[(?:source|listing|literal)\b[^\]]*\])\n[ \t]*(?:-{4,}|\.{4,})"
    r"[ \t]*$|^<\d{1,2}>\s+\S|^[A-Z][\w /-]{0,30}::[ \t]+\S"
)
_HEADING = re.compile(r"^#{1,6}\s")
_REACH = 80  # the lines a listing block may span


def asciidoc_as_markdown(text: str) -> str:
    """The log with its AsciiDoc written as Markdown, when it has any; else as it is."""
    if _ADOC.search(text) is None:
        return text
    lines = text.split("\n")
    out = list(lines)
    at = 0
    while at < len(lines):
        line = lines[at]
        titled = at > 0 and bool(_TITLE.match(lines[at - 1]) or _ATTRIBUTES.match(lines[at - 1]))
        after_blank = at == 0 or not lines[at - 1].strip()
        end = _closer(lines, at) if _DELIMITER.match(line) and (titled or after_blank) else None
        if end is not None:
            if titled:
                out[at - 1] = ""
            out[at] = out[end] = "```"
            marked: dict[str, list[str]] = {}
            for k in range(at + 1, end):
                callout = _CALLOUT.search(lines[k])
                if callout:
                    out[k] = lines[k][: callout.start()]
                    marked.setdefault(callout[1], []).append(out[k].strip())
            at = _notes(lines, out, end + 1, marked)
            continue
        if _TITLE.match(line) and after_blank:
            out[at] = f"**{line[1:].strip()}:**"  # (`.Root cause` over its paragraph)
        elif _TERM.match(line):
            out[at] = _TERM.sub(r"\1: ", line)
        elif _ADMONITION.match(line):
            out[at] = _ADMONITION.sub("", line)
        at += 1
    return "\n".join(out)


def _closer(lines: list[str], at: int) -> int | None:
    """The line that closes the listing block opened at ``at``: the next delimiter, before
    any heading (a Markdown rule between incidents has one between it and the next)."""
    for k in range(at + 1, min(len(lines), at + _REACH)):
        if _HEADING.match(lines[k]):
            return None
        if lines[k].strip() == lines[at].strip():
            return k
    return None


def _notes(lines: list[str], out: list[str], at: int, marked: dict[str, list[str]]) -> int:
    """The callouts' notes under a block (`<2> our own pool stats line, not an error`), each
    written as a bullet that quotes the lines it is about, so the note is read as said of
    them; the index after the last."""
    while at < len(lines) and (note := _NOTE.match(lines[at])):
        quoted = [f"`{text}`" for text in marked.get(note[1], []) if text and "`" not in text]
        out[at] = f"- {', '.join(quoted)} \u2014 {note[2]}" if quoted else f"- {note[2]}"
        at += 1
    return at
