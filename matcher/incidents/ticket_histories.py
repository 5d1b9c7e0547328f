"""An issue tracker's ticket printed with its history (Request Tracker's `Print` view): a
`Ticket 48213: subject` line, an indented header of fields (`Queue:`, `Owner:`, `Status:`,
`Priority:`, custom fields `CF.{Incident}:`, `CF.{Severity}:` …), then `History:` and its entries,
each under a line of when, who and what (`Thu Dec 03 08:19:02 2026  mbatha - Correspondence
added by mbatha`, `… - Status changed from 'open' to 'resolved' by …`), their text indented. The
ticket is an incident: its id is the one a header field gives alone (`CF.{Incident}: INC-7`),
else the one its subject names, never the tracker's own ticket number; its title is the subject,
its severity the field that says it. The ticket line is read as the incident's heading, the
header and `History:` as blank lines, each entry's line as the blank line that ends the entry
before, its text dedented (a paste set deeper in it is a code block). A ticket with no id is
left as it is. Znuny's and OTRS's print is read alike: `Ticket#2026012010000071 — subject`, the
header's dynamic fields (`Incident ID:`), then articles under lines of their own (`Article #2 -
Note (internal) - From: …`, with `Subject:` and `Created:` under it). The line count is kept.
docs/incident-log-format.md ("Thirty-seventh round") says the rule."""

from __future__ import annotations

import re

from matcher.incidents.ticket_threads import incident_id, sentence_parted, tickets_read

# (Znuny's and OTRS's print: `Ticket#2026012010000071 — subject`)
_TICKET = re.compile(r"^Ticket\s*#?\s*\d+\s*(?::|\s[\u2014\u2013-])\s+(?P<subject>\S.*?)\s*$")
_HISTORY = re.compile(r"^\s*History:?\s*$")
# a header field: a name (a custom field's `CF.{Name}` too) and a colon, indented under the ticket
_FIELD = re.compile(r"^\s+(?P<name>CF\.\{[^}]{1,40}\}|[A-Z][A-Za-z .-]{0,30}?):\s*(?P<value>.*)$")
# an entry's line: when (RT's `Thu Dec 03 08:19:02 2026` or ISO), who, a dash and what happened
_ENTRY = re.compile(
    r"^(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\w*,?\s+)?"
    r"(?:[A-Z][a-z]{2}\s+\d{1,2}\s+\d\d:\d\d(?::\d\d)?\s+\d{4}|\d{4}-\d\d-\d\d[ T]\d\d:\d\d\S*)"
    r"\s+\S+\s+-\s+\S.*$"
    # (or Znuny's and OTRS's article: `Article #2 - Note (internal) - From: Jana Novak`)
    r"|^Article\s+#?\d+\s+[\u2014\u2013-]\s+\S.*$"
)
# an article's own fields under its line (`Subject: Re: …`, `Created: 01/20/2026 10:40`)
_ARTICLE_FIELD = re.compile(r"^(?:Subject|Created|From|To|Cc|Date):\s")
_SEVERITY = re.compile(r"(?i)\b(?:severity|sev|impact)\b")


def ticket_histories_read(text: str) -> str:
    """The log with each printed ticket read as an incident of the house format; else as it
    is."""
    if ("History" not in text and "Article" not in text) or "Ticket" not in text:
        return text
    # (two entries of a history at least: one dated line with a dash is no printed ticket)
    return tickets_read(text, _TICKET, _ENTRY, _ticket_read)


def _ticket_read(lines: list[str], at: int, end: int) -> None:
    history = next((i for i in range(at + 1, end) if _HISTORY.match(lines[i])), None)
    if history is None:  # (Znuny's articles follow the header with no `History:` over them)
        first = next((i for i in range(at + 1, end) if _ENTRY.match(lines[i])), None)
        if first is None or not lines[first].startswith("Article"):
            return
        history = first - 1
    fields = [m for i in range(at + 1, history) if (m := _FIELD.match(lines[i]))]
    subject = _TICKET.match(lines[at])
    if subject is None:
        return
    found = incident_id([(m["name"], m["value"]) for m in fields], subject["subject"])
    if found is None:
        return
    title = re.sub(rf"[\[(]?{re.escape(found)}[\])]?", "", subject["subject"])
    title = title.strip(" \t\u2014\u2013-:") or subject["subject"]
    severity = next(
        (m["value"].strip() for m in fields if _SEVERITY.search(m["name"]) and m["value"].strip()),
        None,
    )
    lines[at] = f"## {found}: {title}"
    for i in range(at + 1, history + 1):
        lines[i] = ""
    if severity and at + 2 <= history:
        lines[at + 2] = f"**Severity:** {severity}"
    _entries_read(lines, history + 1, end)


_RULE = re.compile(r"^\s*(?:-{3,}|={3,})\s*$")


def _entries_read(lines: list[str], start: int, end: int) -> None:
    """Each entry's line as a blank line, its text dedented by the entry's margin."""
    entries = [i for i in range(start, end) if _ENTRY.match(lines[i])]
    for n, at in enumerate(entries):
        stop = entries[n + 1] if n + 1 < len(entries) else end
        while stop > at + 1 and (_RULE.match(lines[stop - 1]) or not lines[stop - 1].strip()):
            stop -= 1
        lines[at] = ""
        while at + 1 < stop and _ARTICLE_FIELD.match(lines[at + 1]):
            at += 1
            lines[at] = ""
        body = range(at + 1, stop)
        margin = min(
            (len(lines[i]) - len(lines[i].lstrip()) for i in body if lines[i].strip()), default=0
        )
        for i in body:
            lines[i] = lines[i][margin:]
        _pasted_read(lines, at + 1, stop)
        # (the entry's blank line below its text gives the room a parted sentence needs)
        sentence_parted(lines, at + 1, min(stop + 1, end))
        _log_line_parted(lines, at + 1, min(stop + 1, end))


_PASTED = re.compile(r"^\s{2,}\S")
_FENCE = re.compile(r"^\s*(?:```|~~~)")


def _pasted_read(lines: list[str], start: int, end: int) -> None:
    """Read a run of lines set deeper than the entry's text, after a blank line or a line that
    ends in a colon (`From the gateway pod:`), as a code block with its own indents kept (a
    traceback's `  File …` lines under its head): output pasted into the ticket, which a print
    cannot fence. The line that introduces it gives way to the blank line a code block needs."""
    fenced = False
    at = start
    while at < end:
        if _FENCE.match(lines[at]):
            fenced = not fenced
        if fenced or not _PASTED.match(lines[at]):
            at += 1
            continue
        run = at
        while run < end and (_PASTED.match(lines[run]) or not lines[run].strip()):
            run += 1
        while run > at and not lines[run - 1].strip():
            run -= 1
        before = lines[at - 1].rstrip() if at > start else ""
        if not before or before.endswith(":"):
            if before:
                lines[at - 1] = ""
            depth = min(
                len(lines[i]) - len(lines[i].lstrip()) for i in range(at, run) if lines[i].strip()
            )
            for i in range(at, run):
                lines[i] = "    " + lines[i][depth:] if lines[i].strip() else ""
        at = max(run, at + 1)


# a line that is log text from its start (`nginx: [error] *N connect() failed …`, `[warn] …`),
# and a line of prose after it (`Upstream in the lines was …`: a capitalised word, then a word)
_LOG_LINE = re.compile(r"^(?:[\w.-]+:\s+)?\[(?:error|warn\w*|crit\w*|alert|emerg|fatal)\]\s", re.I)
_PROSE = re.compile(r"^[A-Z][a-z]+\s+[a-z]+\s+[a-z]")


def _log_line_parted(lines: list[str], start: int, end: int) -> None:
    """Read an entry's line that is log text from its start and has no stop at its end, before
    a line of prose, as ending its paragraph: the author pasted the line as it was logged and
    wrote on below it, and what follows is no part of the message. The entry's blank line at
    its end makes room: the lines after the break move down by one."""
    if end - start < 3 or lines[end - 1].strip():
        return
    for i in range(start, end - 2):
        line = lines[i].rstrip()
        if _LOG_LINE.match(line) and line[-1] not in ".!?:;,(" and _PROSE.match(lines[i + 1]):
            lines[i + 1 : end] = ["", *lines[i + 1 : end - 1]]
            return
