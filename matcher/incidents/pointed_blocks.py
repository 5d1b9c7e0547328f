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


def pointed_blocks(block: Block) -> list[Item]:
    """The symptom items, after the blocks pasted before any section when one of them points
    up at them."""
    items = block.sections["symptoms"]
    stray = [i for i in block.sections.get("stray", []) if i.code and i not in items]
    if stray and any(_POINTS_UP.search(i.text) for i in items):
        return [*stray, *items]
    return items
