"""A whiteboard exported to Markdown (Miro's, Mural's): a frame per incident under its heading,
its card's fields as labels, and its sticky notes a list, each tagged with its colour and signed
by its author (`- [sticky, yellow] gateway log: … — *Dawit Bekele*`). The board's legend says
what each colour holds (`Legend: yellow = what we saw, pink = why, green = fix, grey = "looked
related, wasn't"`), so a sticky is read as the kind of item its colour is: what was seen as it
is, a cause, a fix or an action under its label, one its legend rules out as not related. The
tag and the signature go, as neither is the note's text (a signature after a log text would be
read as its words). The connectors between stickies (`- [sticky, pink] "…" → [sticky, yellow]
"…"`) quote stickies already read, by a few words, and are dropped. Line count kept. Rules:
docs/incident-log-format.md ("Thirty-ninth round")."""

from __future__ import annotations

import re

# a sticky note (or a card, a shape, a text box) as a list item: its kind and colour in
# brackets, its text, its author's signature in emphasis after a dash
_STICKY = re.compile(
    r"^(?P<lead>\s*[-*+]\s+)\[(?i:sticky(?: note)?|note|shape|text(?: box)?)"
    r"(?:\s*,\s*(?P<colour>[^\]\n]{1,30}))?\]\s+(?P<text>.*?)"
    r"(?:\s+[\u2014\u2013-]{1,2}\s+(?:\*[^*\d\n]{2,40}\*|_[^_\d\n]{2,40}_))?\s*$"
)
# a connector between two objects: the first's quoted words, an arrow, the second
_CONNECTOR = re.compile(
    r"^\s*[-*+]\s+\[(?i:sticky|note|card|shape|text|frame)[^\]\n]*\][^\n]*?(?:\u2192|->)\s*"
    r"\[(?i:sticky|note|card|shape|text|frame)"
)
_CONNECTORS = re.compile(r"^ {0,3}(?:#{1,6}\s+|\*\*)(?i:connectors|connections|arrows)\W*$")
# the legend's line and each of its pairs: a colour, `=` or `:`, what it holds
_LEGEND = re.compile(r"(?i)^\W*(?:legend|colou?r key|key)\b[^:\n]*:\s*(?P<pairs>.+)$")
_PAIR = re.compile(r"(?P<colour>[A-Za-z][\w -]{1,20}?)\s*[=:]\s*(?P<role>\"[^\"]*\"|[^,;.]+)")
# what a colour holds, by the legend's words: the order is the test's (`why` before `fix`)
_ROLES = (
    (re.compile(r"(?i)\bnot\b|n't\b|unrelated|red herrings?|ruled out|noise"), "Not related: "),
    (re.compile(r"(?i)\bwhy\b|\bcauses?\b|root"), "**Root cause:** "),
    (re.compile(r"(?i)\bfix|\bresol|\bmitigat|\brepair"), "**Resolution:** "),
    (re.compile(r"(?i)\baction|\bto-?dos?\b|\bfollow|\bnext steps?\b"), "**Follow-up:** "),
)


def _legend(lines: list[str]) -> dict[str, str]:
    """Each colour the legend names, with the label its stickies are read under ('' for what
    was seen)."""
    found: dict[str, str] = {}
    for line in lines:
        legend = _LEGEND.match(line)
        for pair in _PAIR.finditer(legend["pairs"] if legend else ""):
            role = pair["role"].strip().strip('"')
            label = next((label for test, label in _ROLES if test.search(role)), "")
            found[pair["colour"].strip().lower()] = label
    return found


def whiteboards_read(text: str) -> str:
    """The log with a whiteboard's stickies read as items of their colour's kind and its
    connectors dropped; else as it is."""
    lines = text.split("\n")
    stickies = [(n, m) for n, line in enumerate(lines) if (m := _STICKY.match(line))]
    # (one bracketed note is a list's own habit; a board has many)
    if len(stickies) < 3:
        return text
    labels = _legend(lines)
    for n, line in enumerate(lines):
        if _CONNECTOR.match(line) or _CONNECTORS.match(line):
            lines[n] = ""
        elif sticky := _STICKY.match(line):
            label = labels.get((sticky["colour"] or "").strip().lower(), "")
            lines[n] = f"{sticky['lead']}{label}{sticky['text']}"
    return "\n".join(lines)
