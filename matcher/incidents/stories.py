"""A story tracker's export (Shortcut, as `sc-export --format md` writes it): each story a
heading of its number and its name (`## sc-20418 · [INC-7] Orders DB refused connections`), a
run of `·`-separated fields, its description, its task checklist (`**Tasks (2/3)**`) and its
comment thread (`> **Tomasz** · Mar 2, 2026, 11:05 AM`, each comment quoted). The story's
number is the tracker's, never the incident's: the heading is read without it (`## INC-7:
Orders DB …`). The description is the thread's first post, so it is read as the first item of
the timeline the comments make (comment_threads.py), where a comment that answers another is
read with it; the checklist is the story's action items. The line count is kept. Rules:
docs/incident-log-format.md ("Thirty-third round")."""

from __future__ import annotations

import re

from matcher.incidents.fences import fenced_lines
from matcher.incidents.headings import heading_id
from matcher.incidents.labels import label_name

# the story's number before its name: Shortcut's `sc-20418`, Clubhouse's older `ch20418`, a
# `Story #20418`; then a separator set apart. (In lower case: `## SC-12: …` is a team's own
# incident id, as `INC-12` is.)
_STORY = re.compile(
    r"^(?P<level>#{1,6})[ \t]+(?:sc-|ch-?|[Ss]tory[ \t]+#?)\d{1,8}"
    r"(?:[ \t]+[\u00b7|:\u2013\u2014-]|:)[ \t]+(?P<name>\S.*?)[ \t]*$"
)
_HEADING = re.compile(r"^ {0,3}#{1,6}\s")
_RULE = re.compile(r"^ {0,3}(?:-{3,}|\*{3,}|_{3,})\s*$")
# a bold field at the line's start (`**Type:** Bug · **State:** Done`)
_FIELD = re.compile(r"^(?:\*\*|__)[^*_:\n]{2,40}(?::(?:\*\*|__)|(?:\*\*|__):)")
_URL = re.compile(r"^\s*<?https?://\S+>?\s*$")
# a label of the author's own, bold, its name known (`**Root cause:** …`, `**Symptoms**`)
_LABEL = re.compile(r"^\s*(?:[-*]\s+)?(?:\*\*|__)(?P<name>[^*_:\n]{2,40}?):?(?:\*\*|__)")
# the checklist's title, with how many of its tasks are done (`**Tasks (2/3)**`)
_TASKS = re.compile(r"^(?:\*\*|__)(?:Tasks|Checklist)(?:\s*\(\d+\s*/\s*\d+\))?:?(?:\*\*|__)\s*$")
# the thread's title (`**Comments**`, `**Comments (3)**`), over quoted comments
_COMMENTS = re.compile(r"^(?:\*\*|__)(?:Comments|Activity)(?:\s*\(\d+\))?:?(?:\*\*|__)\s*$")


def stories_read(text: str) -> str:
    """The log with each story's heading read without the story's number, its description as
    the first item of its timeline and its checklist as its action items; else as it is."""
    if not re.search(r"(?m)^#{1,6}[ \t]+(?:sc-|ch-?|[Ss]tory[ \t]+#?)\d", text):
        return text
    lines = text.split("\n")
    fenced = fenced_lines(lines)
    starts = [k for k, line in enumerate(lines) if not fenced[k] and _STORY.match(line)]
    for at in starts:
        end = next(
            (
                k
                for k in range(at + 1, len(lines))
                if not fenced[k] and (_HEADING.match(lines[k]) or _RULE.match(lines[k]))
            ),
            len(lines),
        )
        _story_read(lines, fenced, at, end)
    return "\n".join(lines)


def _story_read(lines: list[str], fenced: list[bool], at: int, end: int) -> None:
    story = _STORY.match(lines[at])
    assert story is not None
    # (the name's own id, `[INC-7] Orders DB …`, is the incident's; a name without one keeps
    # its words for a field's link to name the incident: ticket_fields.py)
    found = heading_id(story["name"])
    name = f"{found[0]}: {found[1]}" if found and found[1] else story["name"]
    lines[at] = f"{story['level']} {name}"
    body = range(at + 1, end)
    # (the author's own labels, before the thread's title is read as one)
    labelled = (_LABEL.match(lines[k]) for k in body if not fenced[k])
    labels = {label_name(m["name"]) for m in labelled if m}
    for k in body:
        if fenced[k]:
            continue
        if _TASKS.match(lines[k]):
            lines[k] = "**Action Items:**"
        elif _COMMENTS.match(lines[k]):
            lines[k] = "**Timeline:**"  # (each comment an item of it: comment_threads.py)
    # the description: the paragraphs after the fields (and the story's link), up to the
    # author's first label; read as the thread's first post, unless it is labelled itself
    first = next((k for k in body if lines[k].strip()), None)
    if first is None or not _FIELD.match(lines[first]) or "symptoms" in labels:
        return
    k = first
    while k < end and (_FIELD.match(lines[k]) or _URL.match(lines[k])):
        k += 1
    after = next((n for n in range(k, end) if lines[n].strip()), None)
    opens = after is not None and (fenced[after] or not _LABEL.match(lines[after]))
    if k < end and not lines[k].strip() and opens:
        lines[k] = "**Timeline:**"
