"""A service desk's ticket printed as plain text with its thread (osTicket's `Print → Thread +
internal notes`): `Ticket #583104`, a header of fields in columns (`Subject:`, `Status:`,
`Postmortem Ref:`, `Severity:` …) closed by a `-----` rule, then entries each under a
`Posted by … on …` line (`[Response]`, `[Internal Note]`), their text indented. The ticket is
an incident: its id is the one a header field gives alone (`Postmortem Ref: INC-7`), else the
one its subject names (`[INC-7] …`, `… — INC-7`), never the desk's own ticket number; its title
is the subject. The ticket line is read as that incident's heading, the severity field as its
label, the rest of the header as blank lines; each `Posted by` line as the blank line that ends
the entry before, its text dedented, and the desk's own lines in it (`Attachments: …`,
`Status changed from … by …`) as blank. A ticket with no id is left as it is. The line count
is kept. docs/incident-log-format.md ("Thirty-sixth round") says the rule."""

from __future__ import annotations

import re
from collections.abc import Callable

from matcher.incidents.headings import heading_id

_TICKET = re.compile(r"^\s*Ticket\s+#\s?\d+\s*$")
_RULE = re.compile(r"^\s*(?:={5,}|-{5,})\s*$")
_POSTED = re.compile(r"^\s*Posted by\s+\S.*?\s+on\s+\S.*$")
# a header field in its column: a capitalised name and a colon after the line's start or two
# spaces (`Status:         Closed          Name:          Aoife Brennan`)
_FIELD = re.compile(r"(?:^|(?<=\s\s))(?P<name>[A-Z][A-Za-z .&/-]{0,30}?):(?:\s+|$)")
_ID = re.compile(r"^[A-Z][A-Z0-9]*(?:-[A-Z][A-Z0-9]*)*-\d[\w-]*$")
# (a field that names a reference is preferred to any other field whose value is an id)
_NAMES_REF = re.compile(r"(?i)\b(?:ref(?:erence)?|id|incident|postmortem|post-mortem)\b")
# the desk's own lines inside an entry, which no one wrote
_DESK = re.compile(r"^\s*(?:Attachments?:\s|Status changed from\s.+\sby\s)")


def ticket_threads_read(text: str) -> str:
    """The log with each printed ticket read as an incident of the house format; else as it
    is."""
    if "Posted by" not in text or "Ticket" not in text:
        return text
    # (two entries of a thread at least: one `Posted by` line is a blog's byline)
    return tickets_read(text, _TICKET, _POSTED, _ticket_read)


def tickets_read(
    text: str,
    ticket: re.Pattern[str],
    entry: re.Pattern[str],
    read: Callable[[list[str], int, int], None],
) -> str:
    """The log with each ticket (from a line `ticket` matches to the next) read in place by
    `read`, when two lines at least open entries of a thread (`entry`); else as it is."""
    lines = text.split("\n")
    tickets = [at for at, line in enumerate(lines) if ticket.match(line)]
    if not tickets or sum(1 for line in lines if entry.match(line)) < 2:
        return text
    for n, at in enumerate(tickets):
        read(lines, at, tickets[n + 1] if n + 1 < len(tickets) else len(lines))
    return "\n".join(lines)


def _ticket_read(lines: list[str], at: int, end: int) -> None:
    rule = next((i for i in range(at + 1, end) if _RULE.match(lines[i])), None)
    if rule is None:
        return
    fields = [_fields(line) for line in lines[at + 1 : rule]]
    values = {name.lower(): value for row in fields for name, value in row}
    subject = values.get("subject")
    if not subject:
        return
    found = incident_id([pair for row in fields for pair in row], subject)
    if found is None:
        return
    title = _title(subject, found)
    severity = values.get("severity") or values.get("priority")
    lines[at] = f"## {found}: {title}"
    for i in range(at + 1, rule + 1):
        lines[i] = ""
    if severity and at + 2 <= rule:
        lines[at + 2] = f"**Severity:** {severity}"
    _entries_read(lines, rule + 1, end)


def _fields(line: str) -> list[tuple[str, str]]:
    """The header line's fields, each its name and value."""
    found = list(_FIELD.finditer(line))
    return [
        (
            m["name"].strip(),
            line[m.end() : found[k + 1].start() if k + 1 < len(found) else None].strip(),
        )
        for k, m in enumerate(found)
    ]


def incident_id(fields: list[tuple[str, str]], subject: str) -> str | None:
    """The id a ticket's header fields (name, value) give alone, one whose field names a
    reference first; else the one its subject names; never the desk's own ticket number."""
    valued = [(name, value.strip()) for name, value in fields]
    ids = [(name, value) for name, value in valued if _ID.match(value)]
    named = [value for name, value in ids if _NAMES_REF.search(name)]
    if named or ids:
        return (named or [value for _, value in ids])[0]
    found = heading_id(subject.strip())
    return found[0] if found else None


def _title(subject: str, found: str) -> str:
    """The subject without the id it names (`[INC-7] Title`, `Title — INC-7`)."""
    title = re.sub(rf"[\[(]?{re.escape(found)}[\])]?", "", subject.strip())
    return title.strip(" \t\u2014\u2013-:") or subject.strip()


def _entries_read(lines: list[str], start: int, end: int) -> None:
    """Each entry's `Posted by` line as a blank line, its text dedented by the entry's margin."""
    posted = [i for i in range(start, end) if _POSTED.match(lines[i])]
    for n, at in enumerate(posted):
        stop = posted[n + 1] if n + 1 < len(posted) else end
        while stop > at + 1 and _RULE.match(lines[stop - 1]):
            stop -= 1
        lines[at] = ""
        body = range(at + 1, stop)
        margin = min(
            (len(lines[i]) - len(lines[i].lstrip()) for i in body if lines[i].strip()), default=0
        )
        for i in body:
            lines[i] = "" if _DESK.match(lines[i]) else lines[i][margin:]
        pasted_read(lines, at + 1, stop)
        sentence_parted(lines, at + 1, stop)
    for i in range(start, end):
        if _RULE.match(lines[i]) and set(lines[i].strip()) == {"="}:
            lines[i] = ""


_FENCE = re.compile(r"^\s*(?:```|~~~)")
_PASTED = re.compile(r"^(?:\s{2,}|>\s?)(?P<text>\S.*)$")


def pasted_read(lines: list[str], start: int, end: int) -> None:
    """Read a run of lines the entry sets off, deeper than its text or quoted with `>`, after a
    line that ends in a colon (`systemctl status nginx:`, `Chain from one worker, pasted as-is:`)
    as a code block: it is output pasted into the thread, which a print cannot fence, and the
    entry's words after it are no part of its last line (a quote's lazy continuation). The
    line that introduces it gives way to the blank line a code block needs."""
    fenced = False
    at = start
    while at < end:
        if _FENCE.match(lines[at]):
            fenced = not fenced
        if fenced or not _PASTED.match(lines[at]):
            at += 1
            continue
        run = at
        while run < end and _PASTED.match(lines[run]) and not _FENCE.match(lines[run]):
            run += 1
        before = lines[at - 1].rstrip() if at > start else ""
        if not before or before.endswith(":"):
            if before:
                lines[at - 1] = ""
            for i in range(at, run):
                lines[i] = "    " + _PASTED.sub(r"\g<text>", lines[i])
        at = max(run, at + 1)


# a sentence that opens a line of its own, after a line with no stop (`…: 1572864 bytes` then
# `The 204s for small uploads … are fine.`)
_OPENS = re.compile(
    r"^(?:The|This|That|These|Those|It|They|Neither|None|Both|Only|NB|Note)\b(?!\s*[:=(])"
)
_CODE = re.compile(r"^(?: {4}|\t)")


def sentence_parted(lines: list[str], start: int, end: int) -> None:
    """Read the first line of an entry that ends with no stop before a line that opens a
    sentence as ending its paragraph: the print keeps the author's line breaks, and unquoted log
    text at a line's end (`nginx logs, for each one: [error] … 1572864 bytes`) ends there, not
    in the verdict on something else that follows. The entry's blank line at its end makes
    room: the lines after the break move down by one."""
    if end - start < 3 or lines[end - 1].strip():
        return
    fenced = False
    for i in range(start, end - 2):
        if _FENCE.match(lines[i]):
            fenced = not fenced
        line = lines[i].rstrip()
        if fenced or not line or _CODE.match(line) or line[-1] in ".!?:;,(":
            continue
        if _OPENS.match(lines[i + 1]):
            lines[i + 1 : end] = ["", *lines[i + 1 : end - 1]]
            return
