"""A service desk's printed ticket (GLPI's `Assistance > Tickets > Print`, kept as Markdown): its
conversation is a run of entries, each under a bold header of its kind, when and who
(`**Followup** — 2026-03-11 09:20 — Sven Lindqvist`, `**Task** — … — Duration: 30 minutes —
Status: Done`). The header is no part of what the entry says: it is read as the blank line that
ends the entry before, so each entry is a paragraph of its own and a verdict that opens it
(`Not part of this: `…``) opens its sentence. The `**Solution**` entry is the ticket's
resolution (`**Resolution:**`), not more of what was seen. The line count is kept.
docs/incident-log-format.md ("Thirty-fourth round") says the rule."""

from __future__ import annotations

import re

# An entry's header: its kind in bold, then a dash and a date (and whatever the desk prints
# after it: the author, a duration, a status, the solution's type)
_HEADER = re.compile(
    r"^\s*(?:\*\*|__)(?P<kind>[A-Z][\w ]{1,24}?)(?:\*\*|__)\s+[\u2014\u2013-]\s+"
    r"\d{4}-\d\d-\d\d\b.*$"
)
# ... the kinds whose text is the conversation (GLPI's followups, tasks, approvals; other
# desks' notes, comments, replies)
_CONVERSATION = frozenset(
    {"followup", "follow-up", "task", "validation", "approval", "note", "comment", "reply"}
)
_SOLUTION = frozenset({"solution", "resolution"})


def ticket_entries_read(text: str) -> str:
    """The log with each printed ticket's entry headers read as paragraph breaks, its solution's
    as a resolution label; else as it is."""
    lines = text.split("\n")
    headers = [(at, _HEADER.match(line)) for at, line in enumerate(lines)]
    found = [(at, m) for at, m in headers if m is not None]
    # (two entries of the conversation at least: one bold date line is no printed ticket)
    if sum(1 for _, m in found if m["kind"].strip().lower() in _CONVERSATION) < 2:
        return text
    for at, m in found:
        kind = m["kind"].strip().lower()
        if kind in _SOLUTION:
            lines[at] = "**Resolution:**"
        elif kind in _CONVERSATION:
            lines[at] = ""
    return "\n".join(lines)
