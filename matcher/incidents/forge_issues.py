"""Issues copied from a forge's web page (Gitea, Forgejo, GitHub): each issue's heading is its
title and the forge's own number (`## Stock reservations time out on hot SKUs #437`), a line
says who opened it (`**Closed** · bayu.s opened this issue 4 months ago · 4 comments`), the
sidebar's labels follow (`- Labels: `incident` `sev/medium``), then the thread, each comment
under its author's line (`**bayu.s** commented 4 months ago · Member`).

Such an issue is read as the incident its opening post names: its first paragraph's id, where
it opens the paragraph (`INC-7, severity low.`) or follows the word for a postmortem or an
incident (`Postmortem id INC-7, low.`, `**Incident:** INC-7`), or an issue form's `Incident ID`
field (`### Incident ID`, then `INC-7`). An id named later, or in another comment, is the
thread's talk (`tracked in OPS-2211`), and the forge's number (`#437`) is no incident's. The
heading then reads `## INC-7: Stock reservations time out on hot SKUs`; a severity label
(`sev/medium`, `severity::high`) is the incident's severity; the opening post is the report of
what was seen, and each later comment is read as the incident's notes, whose verdicts hold for
the report's log text (`Neither of those is the failure.`). The line count is kept.
docs/incident-log-format.md ("Thirty-third round", **Issues copied from a forge**) says the
rule."""

from __future__ import annotations

import re

from matcher.incidents.fences import fenced_lines
from matcher.incidents.headings import INCIDENT_ID, heading_id
from matcher.incidents.labels import label_name

_HEADING = re.compile(r"^(?P<level>#{1,6})[ \t]+(?P<text>.+?)[ \t]*$")
# The line under the title that says who opened the issue
_OPENED = re.compile(r"(?i)\bopened this issue\b")
_NEAR = 3  # (lines under the heading it may be on, blank ones included)
# The forge's own number at the end of the title
_NUMBER = re.compile(r"\s+#\d+$")
# A comment's or an event's author line (`**dewi** commented 2 months ago · Member`, `**dewi**
# closed this issue …`), or a comment's heading (`### @dmehta commented on Dec 3, 2026`)
_AUTHOR = re.compile(
    r"^(?:#{1,6}\s+)?(?:\*\*)?@?[\w.-]{1,40}(?:\*\*)?\s+(?:commented|closed|reopened|"
    r"referenced|changed|added|removed|mentioned|assigned|self-assigned|pinned|locked)\b"
)
# A sidebar's severity label (`sev/high`, `severity::critical`, `Severity: Low`)
_SEVERITY_LABEL = re.compile(r"(?i)(?:^|[\s`'\"])sev(?:erity)?\s*(?:/|::|:)\s*(?P<value>[\w-]+)")
_SIDEBAR = re.compile(
    r"^[-*+]?\s*(?:\*\*)?(?:Labels?|Milestone|Assignees?|Projects?|Reviewers|Participants"
    r"|Due date|Dependencies)\b"
)
_RULE = re.compile(r"^ {0,3}(?:-{3,}|\*{3,}|_{3,})\s*$")
_LABELS = re.compile(r"^[-*+]?\s*(?:\*\*)?Labels?:?(?:\*\*)?:?\s+\S")
# The opening post's id: opening its first paragraph, or after the word for a postmortem or
# an incident (and its `id`, `ref`), as a label or in a sentence
_ID = rf"(?P<id>{INCIDENT_ID})(?![\w-])"
_OPENS_WITH_ID = re.compile(rf"^[\W_]*{_ID}[*_`]*\s*(?:[,.:;\u00b7\u2014\u2013-]|$)")
_NAMED_ID = re.compile(
    r"(?i:\b(?:post[- ]?mortem|incident|pir|rca))(?:\s+(?i:id|ref(?:erence)?|no\.?|number))?"
    rf"[*_]*\s*[:#]?[*_]*\s*\[?{_ID}"
)


def forge_issues_read(text: str) -> str:
    """The log with each issue copied from a forge read as the incident its opening post
    names."""
    if not _OPENED.search(text):
        return text
    lines = text.split("\n")
    fenced = fenced_lines(lines)
    for at, line in enumerate(lines):
        heading = None if fenced[at] else _HEADING.match(line)
        below = lines[at + 1 : at + 1 + _NEAR]
        if heading is None or not any(_OPENED.search(b) for b in below):
            continue
        level = len(heading["level"])
        end = next(
            (
                i
                for i in range(at + 1, len(lines))
                if not fenced[i]
                and (h := _HEADING.match(lines[i])) is not None
                and len(h["level"]) <= level
            ),
            len(lines),
        )
        title = _NUMBER.sub("", heading["text"])
        incident = None if heading_id(title) else _opening_id(lines, fenced, at + 1, end)
        lines[at] = f"{heading['level']} {incident}: {title}" if incident else lines[at]
        lines[at] = lines[at] if incident else f"{heading['level']} {title}"
        opening = False  # (the opening post's author line was seen)
        for i in range(at + 1, end):
            if fenced[i]:
                continue
            labels = _LABELS.match(lines[i])
            severity = _SEVERITY_LABEL.search(lines[i]) if labels else None
            if severity:
                lines[i] = f"- Severity: {severity['value']}"
            elif _AUTHOR.match(lines[i]) and not _HEADING.match(lines[i]):
                # (the opening post reports what was seen; the thread's comments after it
                # answer it, and are read as notes: their verdicts hold for the report's log
                # text, their log text is no symptom of their own)
                lines[i] = "**Notes:**" if opening else ""
                opening = True
    return "\n".join(lines)


def _opening_id(lines: list[str], fenced: list[bool], start: int, end: int) -> str | None:
    """The id the issue's opening post names, if it names one so: in its first paragraph, or
    under a form's `Incident ID` field."""
    authors = [i for i in range(start, end) if not fenced[i] and _AUTHOR.match(lines[i])]
    if authors and not _HEADING.match(lines[authors[0]]):
        # (Gitea's: the opening post is the first comment, under its author's line)
        first, post_end = authors[0] + 1, authors[1] if len(authors) > 1 else end
    else:
        # (GitHub's: the opening post is the text under the line that says who opened it,
        # before the first comment's heading)
        first, post_end = start, authors[0] if authors else end
    # (an issue form's fields: `### Incident ID`, then the id alone)
    for i in range(first, post_end - 1):
        heading = None if fenced[i] else _HEADING.match(lines[i])
        if heading and label_name(heading["text"]) == "id":
            value = next((v.strip() for v in lines[i + 1 : post_end] if v.strip()), "")
            alone = re.fullmatch(rf"[*_`]*{_ID}[*_`]*", value)
            return alone["id"] if alone else None
    paragraph: list[str] = []
    for i in range(first, post_end):
        # (the sidebar's fields and who opened the issue are none of the post's words)
        aside = _SIDEBAR.match(lines[i]) or _OPENED.search(lines[i]) or _RULE.match(lines[i])
        if fenced[i] or not lines[i].strip() or aside:
            if paragraph:
                break
            continue
        paragraph.append(lines[i].strip())
    said = " ".join(paragraph)
    found = _OPENS_WITH_ID.match(said) or _NAMED_ID.search(said)
    return found["id"] if found else None
