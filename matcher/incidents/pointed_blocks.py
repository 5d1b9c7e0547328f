"""A symptom that points at a block pasted above the incident's sections (`two settlement runs
died with the block above`, `the trace above is the failure`): the block, pasted before any
section as an error tracker's page or a CI job's log shows it, is read with the symptoms. A
block no symptom points at stays out of them when the incident has a Symptoms section.
docs/incident-log-format.md says the rule."""

from __future__ import annotations

import re

from matcher.incidents.markdown import Block, Item

# What the author calls the block they point at, and `above`
_POINTS_UP = re.compile(
    r"(?i)\b(?:the|this|that)\s+(?:(?:code|log|stack)\s+)?(?:block|paste|trace|stack\s*trace"
    r"|traceback|output|job log)\s+(?:(?:pasted|quoted|shown)\s+)?above\b"
)

# A part of a block named by the log's own word (`with the DETAIL cycle above`, `the HINT line
# above`): the block above that has that word, wherever it was pasted before the symptoms (a
# paragraph's indented block too)
_NAMED_UP = re.compile(
    r"\b(?:the|this|that|these|those)\s+(?P<word>[A-Z]{3,}:?)\s+(?:lines?|rows?|cycle|pair|part)"
    r"\s+above\b"
)


def pointed_blocks(block: Block) -> list[Item]:
    """The symptom items, after the blocks pasted before any section when one of them points
    up at them."""
    items = block.sections["symptoms"]
    stray = [i for i in block.sections.get("stray", []) if i.code and i not in items]
    if stray and any(_POINTS_UP.search(i.text) for i in items):
        return [*stray, *items]
    words = {found["word"].rstrip(":") for i in items for found in _NAMED_UP.finditer(i.text)}
    if not words or not items:
        return items
    first = min(i.location.line for i in items)
    pasted = [
        i
        for i in [*stray, *block.sections.get("prose", [])]
        if i.code and not i.text.strip() and i.location.line < first and i not in items
    ]
    named = [i for i in pasted if any(f"{word}:" in "\n".join(i.code) for word in words)]
    return [*sorted(named, key=lambda i: i.location.line), *items] if named else items
