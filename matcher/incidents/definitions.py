"""A wiki's "known issues" page written as a definition list (PHP Markdown Extra, pandoc): the
error messages are the terms, and the definition opens with the incident's id (`:   **INC-7** ·
edge · Sev 2`) and goes on in indented paragraphs. Each such entry is read as an incident: the
line above its terms (blank, or the heading of a group of entries) as its heading
(`## INC-7: <first term>`), the terms as its symptom items, the definition's first line as its
description, and its indented paragraphs, dedented, as the rest of its text (an italic
`*Fix:*` as that label). A definition that names no id, or terms with nothing above them to
carry the heading, are left as they are. The line count is kept.
docs/incident-log-format.md ("Twenty-third round", **A definition list**) says the rule."""

from __future__ import annotations

import re

from matcher.incidents.fences import FENCE
from matcher.incidents.headings import INCIDENT_ID

# `:   **INC-7** · edge · Sev 2`, `: INC-7 — edge`
_DEFINITION = re.compile(
    rf"^:[ \t]+(?:\*\*|__)?(?P<id>{INCIDENT_ID})(?:\*\*|__)?"
    r"(?=$|[\s:\u00b7,;|)])(?P<rest>.*)$"
)
_TERMS_MOST = 6  # (more lines above a definition are a paragraph, not its terms)
_ITALIC_LABEL = re.compile(r"^([*_])([^*_\s][^*_]{0,30}?:)\1(?=\s)")


def definitions_read(text: str) -> str:
    """The log with each definition-list entry that names an incident as that incident."""
    if "\n:" not in text:
        return text
    lines = text.split("\n")
    fenced = False
    for at, line in enumerate(lines):
        fenced ^= bool(FENCE.match(line))  # (a definition list in a code block is the code's)
        if not fenced and _DEFINITION.match(line):
            _read_entry(lines, at)
    return "\n".join(lines)


def _read_entry(lines: list[str], at: int) -> None:
    first = at
    while first > 0 and at - first < _TERMS_MOST and _is_term(lines[first - 1]):
        first -= 1
    above = lines[first - 1].strip() if first > 0 else None
    if first == at or above is None or not (above == "" or above.startswith("#")):
        return
    entry = _DEFINITION.match(lines[at])
    assert entry is not None
    title = lines[first].strip().strip("`*_ ")
    lines[first - 1] = f"## {entry['id']}: {title}"
    for i in range(first, at):
        lines[i] = f"- {lines[i].strip()}"
    lines[at] = "**Description:** " + entry["rest"].strip(" \u00b7:|-")
    end = at + 1
    while end < len(lines) and (not lines[end].strip() or lines[end][:1] in " \t"):
        # (the indented paragraphs; a blank line between them, until an unindented line)
        body = lines[end][4:] if lines[end][:4] == "    " else lines[end].lstrip()
        lines[end] = _ITALIC_LABEL.sub(r"**\2**", body) if body.strip() else ""
        end += 1


def _is_term(line: str) -> bool:
    """A term of the list: an unindented line of its own, no heading, item or definition."""
    text = line.rstrip()
    bullet = text[:1] in "-+>|" or (text[:1] == "*" and not text.startswith("**"))
    return bool(text) and text[0] not in " \t#:" and not bullet
