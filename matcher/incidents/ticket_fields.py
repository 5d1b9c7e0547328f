"""A helpdesk ticket exported with its fields run together on a line or two under its heading
(Freshdesk's `## Ticket #48213 — Thumbnails not generating`, then `**Requester:** … · **Status:**
Closed · **Priority:** High` and `**Type:** Incident · **Tags:** … · **Linked problem:** INC-7`).
The field that links the ticket to a problem or a postmortem by its id alone names the ticket's
incident, and the ticket's subject is its title (`## INC-7: Thumbnails not generating`); the
fields we read stay (its priority is the severity), the helpdesk's own (the requester, the
group, the tags) are no prose to read log text in and are set apart. A ticket with no such link
is left to `record_ids` (an agent's note that names the incident). In the ticket's conversation
a customer's turn and a canned response are no log text. The line count is kept.
docs/incident-log-format.md ("Thirty-first round") says the rules."""

from __future__ import annotations

import re

from matcher.incidents.fences import fenced_lines
from matcher.incidents.headings import INCIDENT_ID, heading_id
from matcher.incidents.labels import label_name

_HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t]*$")
# a bold field, at the line's start or after a separator (`**Priority:** High`, `**Tags**: …`)
_FIELD = re.compile(
    r"(?:^|\s[\u00b7|]\s)(?:\*\*|__)(?P<name>[^*_:\u00b7|]{2,40}?)(?::(?:\*\*|__)|(?:\*\*|__):)"
    r"[ \t]*(?P<value>.*?)[ \t]*(?=\s[\u00b7|]\s(?:\*\*|__)|$)"
)
_ID_ALONE = re.compile(rf"[\[(]?(?P<id>{INCIDENT_ID})[\])]?")
# a field's name that says the ticket's link to an incident (`Linked problem`, `Problem`,
# `Postmortem ref`, `Related incident`)
_LINKS = re.compile(r"(?i)\b(?:problem|post[- ]?mortem|pir|rca|incident)\b")
# the helpdesk's own number before the subject (`Ticket #48213 — …`, `#48213: …`)
_NUMBER = re.compile(r"^(?i:ticket\s+)?#\d+\s*(?:[\u2014\u2013:|-]\s*)?")
_NEAR = 3  # (lines under the heading the fields may start on, blank ones included)
_RULE = re.compile(r"^ {0,3}(?:-{3,}|\*{3,}|_{3,})\s*$")
# A turn of the ticket's conversation opens with its author in bold and the author's part in
# brackets (`**Anna K. (customer, email) — 3 Dec 2026, 09:02**`, `**Lea (private note)**`,
# `**Sven (agent)** — Hi Claire, …`)
_SPEAKER = re.compile(
    r"^(?:\*\*|__)(?P<who>[^*_()\n]{1,60}?)\s*\((?P<part>[^()\n]{1,80})\)(?P<when>[^*_\n]*)"
    r"(?:\*\*|__)"
)
# ... a customer's or a requester's turn says what they saw (`Upload failed, please try again`,
# the page's `502 Bad Gateway`), a canned response is the helpdesk's text: neither is the log,
# only a log pasted as a code block in it
_NOT_THE_LOG = re.compile(
    r"(?i)\b(?:customer|requester|end[- ]user|client|contact|canned|macro|template|auto[- ]?reply)"
)
# ... but a bold label that asks what was seen (`**What the customer saw:** …`) is the team's
# own section, no turn of the customer's: its text and pastes are read
_OWN_LABEL = re.compile(r"(?i)^\s*(?:what|how|when|where|which|why)\b")
# a run of the team's custom fields that says a severity (fields.py reads it)
_CUSTOM_SEVERITY = re.compile(
    r"(?i)^\s*(?:[-*+]\s+)?(?:\*\*|__)custom (?:fields|attributes)\b.*\bseverity\b"
)
_BOLD = re.compile(r"^(?:\*\*|__)([^*_\n]+)(?:\*\*|__)")
_QUOTED = re.compile(r"\s*[\"\u201c][^\"\u201d]*[\"\u201d]")


def _fields(line: str) -> list[re.Match[str]]:
    """The bold fields of a line of fields, or none when it is no such line (a sentence after
    a bold label, `**Lea (agent)** — Hi, …`)."""
    found = list(_FIELD.finditer(line))
    return found if found and found[0].start() == 0 else []


def ticket_fields_read(text: str) -> str:
    """The log with each ticket's run of fields read as its incident's heading and severity."""
    if "\u00b7" not in text and " | **" not in text:
        return text
    lines = text.split("\n")
    fenced = fenced_lines(lines)
    for at, line in enumerate(lines):
        heading = None if fenced[at] else _HEADING.match(line)
        if heading is None:
            continue
        start = next(
            (k for k in range(at + 1, min(at + 1 + _NEAR, len(lines))) if lines[k].strip()), None
        )
        if start is None:
            continue
        end = start
        while end < len(lines) and not fenced[end] and _fields(lines[end]):
            end += 1
        runs = [(k, _fields(lines[k])) for k in range(start, end)]
        # (a run: three fields at least, and one line that holds several)
        if sum(len(f) for _, f in runs) < 3 or not any(len(f) > 1 for _, f in runs):
            continue
        # (the team's own custom fields under the tracker's, when they say a severity)
        custom = any(_CUSTOM_SEVERITY.match(line) for line in lines[end : end + _NEAR])
        if _read(lines, at, heading, runs, custom):
            _turns_read(lines, fenced, end)
    return "\n".join(lines)


def _read(
    lines: list[str],
    at: int,
    heading: re.Match[str],
    runs: list[tuple[int, list[re.Match[str]]]],
    custom: bool = False,
) -> bool:
    fields = [field for _, found in runs for field in found]
    ids = {
        m["id"]
        for f in fields
        if (m := _ID_ALONE.fullmatch(f["value"].strip("*_` ")))
        and (label_name(f["name"]) in ("id", "related") or _LINKS.search(f["name"]))
    }
    severities = [f for f in fields if label_name(f["name"]) == "severity"]
    # (a ticket: a link or a priority among fields of the helpdesk's own, `**Requester:** …`)
    if not (ids or severities) or all(label_name(f["name"]) for f in fields):
        return False
    # (the subject, without the helpdesk's number, is the title, whichever way the id is read)
    if heading_id(heading[2]) is None:
        subject = _NUMBER.sub("", heading[2]).strip() or heading[2]
        lines[at] = (
            f"{heading[1]} {ids.pop()}: {subject}" if len(ids) == 1 else f"{heading[1]} {subject}"
        )
    # (the helpdesk's own fields set apart, the ones we read kept: `**Priority:** High`; but
    # the tracker's triage severity and priority give way to a severity of the team's own
    # custom fields, `**Custom attributes** \u2014 Incident: INC-7 \u00b7 Severity: Medium`)
    for k, found in runs:
        kept = [
            f[0].lstrip(" \u00b7|")
            for f in found
            if label_name(f["name"]) and not (custom and label_name(f["name"]) == "severity")
        ]
        aside = "<!-- " + lines[k].replace("--", "\u2013") + " -->"
        lines[k] = " \u00b7 ".join(kept) if kept else aside
    return True


def _turns_read(lines: list[str], fenced: list[bool], at: int) -> None:
    """The ticket's conversation from ``at`` to its end (a heading or a rule): each turn's
    author line without the name of a canned response, and the words of a customer's turn or
    a canned response's set aside."""
    aside = False
    for k in range(at, len(lines)):
        if not fenced[k] and (_HEADING.match(lines[k]) or _RULE.match(lines[k])):
            return
        # (any line that opens in bold opens a turn: `**Agent Lena** — …`, `**Internal note**`)
        bold = None if fenced[k] else _BOLD.match(lines[k])
        if bold:
            aside = _NOT_THE_LOG.search(bold[1]) is not None and not _OWN_LABEL.match(bold[1])
            speaker = _SPEAKER.match(lines[k])
            if speaker:
                part = _QUOTED.sub("", speaker["part"])
                rest = "" if aside else lines[k][speaker.end() :]
                lines[k] = f"**{speaker['who']} ({part}){speaker['when']}**{rest}"
        elif aside and not fenced[k] and not lines[k].startswith(("    ", "\t", ">     ")):
            lines[k] = ""
