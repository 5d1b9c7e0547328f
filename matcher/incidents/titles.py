"""An incident's title where its log writes none: a record exported from a table or a tracker
(an Airtable view's record, a Jira issue, a ServiceNow incident) whose heading is its id alone
(`### INC-7`) or that has no heading, and whose title is the field the tool calls its title:
`Summary` (Jira, Airtable's views), `Subject` (Zendesk, Freshservice), `Short description`
(ServiceNow), `Headline`, `Name` (Airtable's and Notion's primary field). `titled_records` reads
that field as `**Title:**`, its line kept. A record with none of them compiles with its id as
its title and a warning (`untitled`): what it quotes from the log is what a signature is for,
a missing title no reason to drop it. Rules: docs/incident-log-format.md ("Twenty-ninth
round")."""

from __future__ import annotations

import re

from matcher.errors import Problem
from matcher.incidents.fences import fenced_lines
from matcher.incidents.headings import heading_id
from matcher.incidents.labels import label_name, misspelt_label
from matcher.incidents.markdown import Block

_HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.+?)[ \t]*$")
_RULE = re.compile(r"^ {0,3}(?:-{3,}|\*{3,}|_{3,})\s*$")
# a bold label, perhaps a list's item (`**Summary:** …`, `- **Subject:** …`, `**Name**: …`)
_LABEL = re.compile(
    r"^(?P<lead>\s*(?:[-*+]\s+)?)(?:\*\*|__)(?P<name>[^*_]{2,40}?)[ \t]*:?[ \t]*(?:\*\*|__)"
    r"[ \t]*:?[ \t]*(?P<value>.*)$"
)
_TITLE_FIELDS = {"summary", "subject", "short description", "headline", "name"}


def titled_records(text: str) -> str:
    """The log with the title field of each record that has no title read as its title."""
    lines = text.split("\n")
    fenced = fenced_lines(lines)
    starts = [
        at
        for at, line in enumerate(lines)
        if not fenced[at] and (_HEADING.match(line) or _RULE.match(line))
    ]
    for start, end in zip([0, *starts], [*starts, len(lines)], strict=True):
        heading = _HEADING.match(lines[start]) if start in starts else None
        found = heading_id(heading[2]) if heading else None
        # (a heading's own title wins: only one that is an id alone, or none, is no title)
        if heading and not (found and not found[1]):
            continue
        labels = [
            (at, label)
            for at in range(start, end)
            if not fenced[at] and (label := _LABEL.match(lines[at]))
        ]
        names = [label_name(label["name"]) for _, label in labels]
        # (a record: its id in its heading or a label; one of its own title has one)
        if not (found or "id" in names) or "title" in names:
            continue
        field = next(
            (
                (at, label)
                for at, label in labels
                if label["name"].strip().lower() in _TITLE_FIELDS and label["value"].strip()
            ),
            None,
        )
        if field:
            at, label = field
            lines[at] = f"{label['lead']}**Title:** {label['value'].strip()}"
    return "\n".join(lines)


def untitled(block: Block, incident_id: str, longest: bool, warnings: list[Problem]) -> str:
    """The title of an incident whose log gives it none, with a warning that says which was
    taken: the longest value of its labels in a language we have no names of (``longest``: the
    title as often as not), else its id. Empty when a label misspells `Title` (`**Tilte:**`):
    the author is told to fix that instead."""
    if any(misspelt_label(name) == "title" for name in block.unknown_names):
        return ""
    values = [v.strip("*_ ") for v in block.unknown_values] if longest else []
    title = max(values, key=len, default="") or incident_id
    warnings.append(Problem(block.start, "title", f"no title read, compiled as {title!r}"))
    return title
