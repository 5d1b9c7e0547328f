"""A MantisBT bug report as its print view pastes it: a rule of `=`, then aligned header fields
(`ID:  0000412`, `Project:`, `Category:`, `Severity:  crash`, `Reproducibility:`, `Summary:
0000412: …`) with the team's custom fields among them (`Postmortem:  INC-7`, `Incident
Severity:  High`), then `Description:`, `Steps To Reproduce:`, `Additional Information:`, the
bug's `Relationships:` and, after a rule of `-`, its notes (` (0001893) l.brandt (developer) -
2026-02-21 09:20`). The bug's number is Mantis's, never the incident's: the incident is the one
a custom field holds alone, and the summary without the bug's number is its title; Mantis's own
severity (`crash`, `major`) and priority are the bug's, read only when no field of the team's
says the incident's. The description and the additional information are what was seen (the
symptoms), the steps and the related bugs are no log text, and the notes are the bug's
timeline. The line count is kept. Rules: docs/incident-log-format.md ("Thirty-third round")."""

from __future__ import annotations

import re

from matcher.incidents.fences import fenced_lines
from matcher.incidents.headings import INCIDENT_ID, heading_id

# a field: a capitalised name of a few words, a colon, its value after spaces (aligned)
_FIELD = re.compile(
    r"^(?:\*\*|__)?(?P<name>[A-Z][\w'/-]*(?: [\w'/-]+){0,3})(?::(?:\*\*|__)?|(?:\*\*|__):)"
    r"(?:[ \t]+(?P<value>\S.*?))?[ \t]*$"
)
# the bug's own number (`ID: 0000412`, zero-padded as Mantis prints it)
# (... or `Issue ID:  412`, as Mantis's notification mail writes it)
_BUG_ID = re.compile(r"^(?:\*\*|__)?(?:(?:Issue|Bug) )?ID:(?:\*\*|__)?[ \t]+#?\d{1,8}[ \t]*$")
# the fields only Mantis's view has, beside the summary: what tells its report from a form's
_MANTIS = {
    "project",
    "category",
    "reproducibility",
    "date submitted",
    "last update",
    "view status",
    "reporter",
    "assigned to",
    "handler",
    "resolution",
    "product version",
    "reported by",
}
# ... and the fields of any tracker's bug, which Mantis prints too
_OWN = {"summary", "priority", "severity", "status", "platform", "os", "os version", "tags"}
_BODY = {"description", "steps to reproduce", "additional information", "relationships"}
# the report's parts after its text that hold no log text: its tags, its files, its history
_LISTS = {"relationships", "tags", "attached files", "issue history", "monitored by"}
# a field of the team's that links the bug to its postmortem (`Postmortem`, `Incident`, `PIR`)
_LINKS = re.compile(r"(?i)\b(?:post[- ]?mortem|incident|pir|rca|problem)\b")
_ID_ALONE = re.compile(rf"[\[(]?(?P<id>{INCIDENT_ID})[\])]?")
_EQUALS = re.compile(r"^ {0,3}={3,}\s*$")
_DASHES = re.compile(r"^ {0,3}-{10,}\s*$")
_HEADING = re.compile(r"^ {0,3}#{1,6}\s")
# a note's header: its number, its author and role, when (` (0001893) l.brandt (developer) -
# 2026-02-21 09:20`)
_NOTE = re.compile(
    r"^\s*\(\d{3,8}\)\s+(?P<who>[^\s()]+)(?:\s+\([^()]{1,30}\))?\s+-\s+\d{4}-\d\d-\d\d[\d: ]*\s*$"
)
# the summary's number, as the print view repeats it (`0000412: Thumbnailer runs out …`)
_NUMBER = re.compile(r"^#?\d{1,8}\s*:\s*")


def _name(line: str) -> str:
    field = _FIELD.match(line)
    return field["name"].lower() if field else ""


def mantis_bugs_read(text: str) -> str:
    """The log with each MantisBT bug report read as an incident in the house format; else as
    it is."""
    if not re.search(r"(?m)^(?:\*\*|__)?(?:(?:Issue|Bug) )?ID:(?:\*\*|__)?[ \t]+#?\d", text):
        return text
    lines = text.split("\n")
    fenced = fenced_lines(lines)
    starts = [k for k, line in enumerate(lines) if not fenced[k] and _BUG_ID.match(line)]
    # (from the last: a bug's heading is written on the rule above it, where the one before
    # it ends)
    for n, at in reversed(list(enumerate(starts))):
        stop = starts[n + 1] if n + 1 < len(starts) else len(lines)
        heading = next((k for k in range(at + 1, stop) if _HEADING.match(lines[k])), stop)
        header = at
        # (up to the body's first field; past a blank line between groups of fields only to
        # one of Mantis's own, not to a paragraph that opens with a word and a colon)
        while (
            (nxt := next((k for k in range(header + 1, heading) if lines[k].strip()), None))
            is not None
            and _FIELD.match(lines[nxt])
            and _name(lines[nxt]) not in _BODY
        ):
            if nxt > header + 1 and _name(lines[nxt]) not in _MANTIS | _OWN:
                break
            header = nxt
        names = {_name(lines[k]) for k in range(at, header + 1)}
        if "summary" in names and len(names & _MANTIS) >= 2:
            _bug_read(lines, fenced, at, header, heading)
    return "\n".join(lines)


def _aside(line: str) -> str:
    return "<!-- " + line.replace("--", "\u2013") + " -->"


def _bug_read(lines: list[str], fenced: list[bool], at: int, header: int, end: int) -> None:
    fields = [(k, f) for k in range(at, header + 1) if (f := _FIELD.match(lines[k]))]
    values = {f["name"].lower(): (f["value"] or "") for _, f in fields}
    ids = {
        m["id"]: f["name"]
        for _, f in fields
        if f["name"].lower() not in ("id", "summary")
        and (m := _ID_ALONE.fullmatch((f["value"] or "").strip("*_` ")))
    }
    linked = {i for i, name in ids.items() if _LINKS.search(name)} or set(ids)
    summary = _NUMBER.sub("", values.get("summary", "")).strip()
    found = heading_id(summary)
    incident = linked.pop() if len(linked) == 1 else (found[0] if found else None)
    title = found[1] if found and found[0] == incident and found[1] else summary
    # the incident's severity: the team's own field (`Incident Severity`, `Impact`), else the
    # bug's priority; never Mantis's severity of a bug (`crash`, `minor`, `feature`)
    ours = [k for k, f in fields if re.search(r"(?i)(?<!^)\b(?:severity|impact)$", f["name"])]
    ours = ours or [k for k, f in fields if f["name"].lower() == "priority"]
    for k, field in fields:
        kept = k in ours[:1]
        lines[k] = f"**Severity:** {field['value'] or ''}" if kept else _aside(lines[k])
    above = at - 1 if at and _EQUALS.match(lines[at - 1]) else at
    lines[above] = f"## {incident}: {title}" if incident else f"## {title}"
    _body_read(lines, fenced, header + 1, end)


def _body_read(lines: list[str], fenced: list[bool], start: int, end: int) -> None:
    related = False
    for k in range(start, end):
        if fenced[k]:
            continue
        line = lines[k]
        field = _FIELD.match(line)
        name, value = (field["name"].lower(), field["value"] or "") if field else ("", "")
        if _EQUALS.match(line):
            lines[k] = ""  # (a rule after the last bug)
        elif name == "description":
            lines[k] = f"**Symptoms:** {value}".rstrip()
            related = False
        elif name == "additional information":
            # (Symptoms opened again would read its first line on from the description's last:
            # its own words are its first item)
            lines[k] = f"**Symptoms:** {value or 'Additional information:'}"
            related = False
        elif name == "steps to reproduce":
            lines[k] = f"**Steps to reproduce:** {value}".rstrip()
            related = False
        elif name in _LISTS or (related and line.strip()):
            # (another bug's number and summary, a tag, a file, a change: no log text of this one)
            lines[k] = _aside(line)
            related = True
        elif _DASHES.match(line):
            notes = next((n for n in range(k + 1, end) if lines[n].strip()), None)
            lines[k] = "**Timeline:**" if notes is not None and _NOTE.match(lines[notes]) else ""
            related = False
        elif note := _NOTE.match(line):
            lines[k] = f"- @{note['who']}:"
            related = False
        elif not line.strip():
            related = False
