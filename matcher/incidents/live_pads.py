"""A live pad kept during incidents (Etherpad, HedgeDoc, CodiMD), exported as Markdown: each
incident's section is the team writing live, every line opened by its author and the time
(`[teal·Rosa 09:13] no, that INFO is the breaker resetting`), and after it a summary someone
tidied under a cut mark (`✂ ---- summary (Rosa, 21 Jan)`), opened by the id in bold
(`**INC-7**: Gateway could not reach inventory`) over a list of fields (`- Severity: High`,
`- Symptoms: …`, `- Not it: …`). Such a section is read as that incident: the summary's id and
title become its heading (in place of the pad's own, `## 2026-01-20 · gateway → inventory`),
its fields become labels, and each live line an item of its story by its author (`- Rosa: …`),
read as a timeline is, so a summary's abridged quote is made whole from it. The cut mark and the
pad's saved-revision notes (`★ saved revision 1240 "INC-7 summary"`) are the pad's, no text of
the incident. The line count is kept. docs/incident-log-format.md ("Thirty-third round", **A
live pad**) says the rule."""

from __future__ import annotations

import re

from matcher.incidents.fences import fenced_lines
from matcher.incidents.headings import INCIDENT_ID
from matcher.incidents.labels import label_name

# A live line: its author (after the colour the pad shows them in, `teal·Rosa`) and the time,
# in brackets; not a chat export's date and time (`[2026-12-03 08:17:02] Lena: …`)
_LIVE = re.compile(
    r"^\[(?:[\w-]+\s*\u00b7\s*)?(?P<who>[^\]\d\s\u00b7][^\]\n\u00b7]{0,39}?)\s+"
    r"\d{1,2}:\d\d(?::\d\d)?\]\s+(?P<text>.*)$"
)
# The summary's first line: the id in bold, then the title (`**INC-7**: …`, `**INC-7** — …`,
# `**INC-7: …**`)
_SUMMARY = re.compile(
    rf"^\*\*(?P<id>{INCIDENT_ID})(?:\*\*\s*[:\u2014\u2013\u00b7-]\s*(?P<title>[^*].*?)"
    r"|\s*[:\u2014\u2013\u00b7-]\s*(?P<title2>[^*]+)\*\*)\s*$"
)
_HEADING = re.compile(r"^(#{1,6})\s+\S")
_RULE = re.compile(r"^ {0,3}(?:-{3,}|\*{3,}|_{3,})\s*$")
# The pad's own lines: the cut mark a summary is written under, a saved revision's note
_PADS_OWN = re.compile(r"^\s*(?:\u2702|\u2704|(?:\u2605|\u2606)\s*(?i:saved revision)\b)")
# A summary's field as a list item (`- Severity: Medium · Service: Backups`, `- Not it: …`)
_FIELD = re.compile(r"^[-*+]\s+(?P<name>[A-Z][\w'/ -]{1,30}?)\s*:\s+(?P<value>\S.*)$")
_ANY_LIVE = re.compile(r"(?m)^\[[^\]\n]{1,60}\d:\d\d\]\s")
_MIN_LIVE = 2  # (live lines a section has at least: one pasted line is no pad)


def live_pads_read(text: str) -> str:
    """The log with each live pad's section read as the incident its summary names."""
    if not _ANY_LIVE.search(text):
        return text
    lines = text.split("\n")
    fenced = fenced_lines(lines)
    summaries = [
        at for at, line in enumerate(lines) if not fenced[at] and _SUMMARY.match(line.strip())
    ]
    opened = 0  # (the line after the last summary read: a section starts after it)
    level = "##"
    for at in summaries:
        start = _section_start(lines, fenced, opened, at)
        live = [i for i in range(start, at) if not fenced[i] and _LIVE.match(lines[i])]
        if len(live) < _MIN_LIVE:
            continue
        summary = _SUMMARY.match(lines[at].strip())
        assert summary is not None  # (a summary's line by the list above)
        title = (summary["title"] or summary["title2"] or "").strip()
        heading = _HEADING.match(lines[start])
        # (the pad's heading, or the rule its section opens with, or the blank line above its
        # first live line: the incident's heading in its place; the summary's line is left)
        if not heading and not _RULE.match(lines[start]):
            start = live[0] - 1 if live[0] > opened and not lines[live[0] - 1].strip() else at
        # (a pad with headings of one level: a heading of the level of the one before)
        level = heading[1] if heading else level
        lines[start] = f"{level} {summary['id']}: {title}"
        lines[at] = "" if start != at else lines[start]
        # (a rule between the live lines and the summary is its cut mark, not the end of the
        # incident)
        for i in range(live[-1] + 1, at):
            lines[i] = "" if not fenced[i] and _RULE.match(lines[i]) else lines[i]
        for i in live:
            said = _LIVE.match(lines[i])
            assert said is not None
            lines[i] = f"- {said['who'].strip()}: {said['text']}"
        end = next((s for s in summaries if s > at), len(lines))
        _summary_read(lines, fenced, start, at + 1, end)
        opened = at + 1
    return "\n".join(lines)


def _section_start(lines: list[str], fenced: list[bool], opened: int, at: int) -> int:
    """The pad's heading or rule nearest above the summary at ``at`` (below the summary before
    it), else the line after that one. (A rule right above the summary, with no live line
    between, is its cut mark.)"""
    live = False
    for i in range(at - 1, opened - 1, -1):
        if not fenced[i] and (_HEADING.match(lines[i]) or (live and _RULE.match(lines[i]))):
            return i
        live = live or (not fenced[i] and _LIVE.match(lines[i]) is not None)
    return opened


def _summary_read(lines: list[str], fenced: list[bool], start: int, at: int, end: int) -> None:
    """The pad's own lines blanked from ``start`` on, and the summary's fields from ``at`` to
    the next heading or rule (or ``end``) read as labels."""
    for i in range(start, end):
        if not fenced[i] and _PADS_OWN.match(lines[i]):
            lines[i] = ""
    for i in range(at, end):
        if fenced[i]:
            continue
        if _HEADING.match(lines[i]) or _RULE.match(lines[i]):
            break
        field = _FIELD.match(lines[i])
        # (a field of a name we know, `Not it` an aside's; an item that opens with an error's
        # class, `- OSError: …`, stays an item)
        if field and label_name(field["name"], loose=True) is not None:
            lines[i] = f"**{field['name']}:** {field['value']}"
