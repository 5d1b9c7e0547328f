"""Regression scenarios written in Gherkin in a code block (```` ```gherkin ````, `Feature:`,
`Scenario: INC-7 …`, `Then the log shows "…"`, `But the log does not show "…"`): each scenario
that names an incident is read as that incident, its `Scenario` line its heading, each step that
says what the log shows an item of its symptoms, each step that says what it must not show an
item ruled out (`- Ruled out: "…"`), the other steps (Given, When, an outline's Examples) left
out; the block is no code block any more, so the note under it is read with the scenario. A
block whose scenarios name no incident is left as it is. The line count is kept.
docs/incident-log-format.md ("Twenty-second round", **Gherkin scenarios**) says the rule."""

from __future__ import annotations

import re

from matcher.incidents.fences import code_blocks, unfenced
from matcher.incidents.headings import heading_id

_SCENARIO = re.compile(r"^\s*Scenario(?: Outline| Template)?:\s*(?P<title>.+?)\s*$")
_STEP = re.compile(r"^\s*(?:Given|When|Then|And|But|\*)\s+(?P<step>.+?)\s*$")
_SHOWS = re.compile(r"(?i)\b(?:log|logs|output|stderr|stdout)\s+(?:shows?|contains?|has|says)\b")
_NOT_SHOWS = re.compile(
    r"(?i)\b(?:log|logs|output|stderr|stdout)\s+(?:does|do|must|should)\s*(?:not|n't)\s+"
    r"(?:show|contain|have|say)\b"
)


def gherkin_read(text: str) -> str:
    """The log with each Gherkin block whose scenarios name incidents read as those incidents;
    else as it is."""
    lines = text.split("\n")
    for at, end in code_blocks(lines):
        body = lines[at + 1 : end]
        titles = [m["title"] for line in body if (m := _SCENARIO.match(line))]
        if not titles or not any(heading_id(title) for title in titles):
            continue
        unfenced(lines, at, end, _read)
    return "\n".join(lines)


def _read(line: str) -> str:
    scenario = _SCENARIO.match(line)
    if scenario:
        return f"## {scenario['title']}"
    step = _STEP.match(line)
    if step is None:
        return ""  # (a Feature line, tags, an outline's Examples and its table)
    if _NOT_SHOWS.search(step["step"]):
        return f"- Ruled out: {step['step']}"
    if _SHOWS.search(step["step"]):
        return f"- {step['step']}"
    return ""
