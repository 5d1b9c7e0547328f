"""An issue's comment thread pasted as a quote under the incident (a project tracker's task:
`> **Priya S.** · Dec 3, 11:40` then what she wrote, the next comment under it): each comment
is read as one item of the incident's timeline, by its author (`- @Priya_S.: …`), so the
timeline is read when no section holds log text and a comment that answers the one before it
(`different client, that's the main cache reconnecting`) is read with it (chat.py). The line
count is kept. docs/incident-log-format.md ("Twenty-first round", **A comment thread**) says the
rule."""

from __future__ import annotations

import re

_QUOTED = re.compile(r"^\s*>\s?")
# A comment's header: its author in bold, then when (`**Priya S.** · Dec 3, 11:40`)
_HEADER = re.compile(r"^\*\*(?P<who>[^*\n]{2,40})\*\*\s*[\u00b7|\u2014-]\s*.*\d")


def comment_threads_read(text: str) -> str:
    """The log with each quoted comment thread read as its incident's timeline, one item per
    comment; else as it is."""
    lines = text.split("\n")
    at = 0
    while at < len(lines):
        quoted = _QUOTED.match(lines[at])
        header = _HEADER.match(lines[at][quoted.end() :]) if quoted else None
        before = lines[at - 1].strip() if at else "x"
        if header is None or before:
            at += 1
            continue
        end = at
        while end < len(lines) and _QUOTED.match(lines[end]):
            end += 1
        lines[at - 1] = "**Timeline:**"
        for i in range(at, end):
            inner = _QUOTED.sub("", lines[i], count=1)
            comment = _HEADER.match(inner)
            if comment:
                who = re.sub(r"\s+", "_", comment["who"].strip())
                lines[i] = f"- @{who}:"
            else:
                lines[i] = f"  {inner}" if inner.strip() else ""
        at = end
    return "\n".join(lines)
