"""A Gerrit code review's page pasted as text: each change under its header (`Change 48213 -
Merged`, maybe with its subject), its commit message indented by four spaces, the reviewers'
votes (`Patch Set 2: Code-Review+1`), their comments on a file's line (`db/pool.py Line 42:`,
under a `> ` quote of the code) and a CI bot's results. A change whose commit message's footer
names one incident (`Bug: INC-7`, `Closes-Bug:`, `Related-Bug:`, `Issue:`) is that incident: its
header is read as the heading `## INC-7: <subject>`, its commit message (unindented) and what the
reviewers wrote as its symptoms' prose; a change that names none, or several, keeps a heading
without an id. Gerrit shows a commit message as written, line for line: a line of it that is a
log line as a whole (pasted deeper, or a message from its first word), or log text in quotes, is
read as code. The votes, the other footers (`Change-Id:`, `Signed-off-by:`, `Reviewed-on:`), the
code quoted under a file's line (source, not a log) and the bot's lines (`Build failed`, its
jobs' SUCCESS / FAILURE) are no text of the log. The page is told by several `Patch Set 2:`
lines, or a change's header and a `Change-Id: I...` of forty hex digits. The line count is
kept. docs/incident-log-format.md (**A Gerrit code review**) says the rule."""

from __future__ import annotations

import re
from dataclasses import dataclass

from matcher.incidents.fences import fenced_lines
from matcher.incidents.headings import INCIDENT_ID
from matcher.incidents.loglike import MESSAGE, START, TERSE, common_tail, loggy

# A change's header as Gerrit shows it, maybe with its subject (`Change 48213 - Merged`)
_CHANGE = re.compile(
    r"^(?:#{1,6}\s+)?Change (?P<number>\d+)\s*[-\u2013\u2014:]\s*"
    r"(?P<status>Merged|New|Abandoned|Open|Draft|Active|Work In Progress|WIP)\b"
    r"(?:\s*[-:\u2013\u2014\u00b7|]\s*(?P<subject>\S.*?))?\s*$",
    re.IGNORECASE,
)
_CHANGE_ID = re.compile(r"(?m)^\s*Change-Id:\s*I[0-9a-f]{40}\s*$")
# A reviewer's vote, or a patch set's comments without one (`Patch Set 3:`)
_VOTE = re.compile(r"^\s*Patch Set \d+:")
# What the page shows above the commit message: the subject in bold (`**subject** | repo |
# Owner: ...`), the change's fields
_SUBJECT = re.compile(r"^\s*\*\*(?P<subject>[^*]+)\*\*")
_FIELD = re.compile(
    r"^\s*(?:Owner|Uploader|Reviewers?|CC|Project|Repo|Branch|Topic|Hashtags|Updated|Created"
    r"|Submitted|Strategy|Parent|Commit|Author|Committer):\s",
    re.IGNORECASE,
)
# A commit message's footers: those that name the incident, the others
_NAMING = re.compile(r"^\s*(?:Bug|Closes-Bug|Partial-Bug|Related-Bug|Issue):\s*(?P<ids>.*)$")
_FOOTER = re.compile(
    r"^\s*(?:Change-Id|Signed-off-by|Reviewed-on|Reviewed-by|Tested-by|Acked-by|Cc"
    r"|Co-authored-by|Depends-On|Needed-By):\s",
    re.IGNORECASE,
)
_ID = re.compile(rf"(?<![\w-])({INCIDENT_ID})(?![\w-])")
# A comment on a file's line (`db/pool.py Line 42:`, `PS2, Line 42:`), maybe with its text
_FILE_LINE = re.compile(
    r"^\s*(?:(?:File\s+)?[\w.+-]*[/.][\w./+-]*\s+)?(?:(?:PS|Patch Set )\d+,?\s+)?Line \d+:\s*"
    r"(?P<text>.*)$"
)
_FILE = re.compile(r"^\s*File\s+[\w.+-]*[/.][\w./+-]*:?\s*$")
_QUOTE = re.compile(r"^\s*>")
# A reply that only says it is done (`Done`, `Ack`)
_ACKED = re.compile(r"(?i)^\s*(?:done|ack|acknowledged|fixed)\.?\s*$")
# A CI bot's lines: its name (`Zuul: nginx -t failed ...`), its verdict, its jobs' results
_BOT = re.compile(
    r"^\s*(?:(?:Zuul|Jenkins|Gerrit CI|Buildbot|CI)(?::|\s*$).*"
    r"|Build (?:failed|succeeded|successful)\b.*"
    # (a job's result, `- unit https://ci/b/91 : FAILURE in 3m 02s`, not a log line's level)
    r"|[-*]?\s*[\w.:/-]+(?:\s+https?://\S+)?\s*:\s*(?:SUCCESS|FAILURE|ERROR|TIMED_OUT"
    r"|POST_FAILURE|RETRY_LIMIT|SKIPPED|NODE_FAILURE|ABORTED)(?:\s+in\s+(?:\d+[hms]\s*)+)?"
    r"(?:\s*\(non-voting\))?"
    r"|\(\d+ (?:inline )?comments?\)|Uploaded patch set \d+\b.*"
    r"|Change has been successfully (?:merged|cherry-picked|rebased)\b.*)\s*$"
)
_ITEM = re.compile(r"^\s*(?:[-*+\u2022]|\d{1,3}[.)])\s")
# A program's name before its message (`cp: error writing ...`)
_PROGRAM = re.compile(r"^[a-z][\w.-]{0,20}: $")
# Log text in double quotes (`"OSError: [Errno 28] ..."`)
_QUOTED = re.compile(r'"([^"]+)"')


@dataclass(frozen=True)
class _Change:
    """A change's lines: its header's (None when the page has none), where it ends."""

    header: int | None
    start: int
    end: int


def gerrit_read(text: str) -> str:
    """The log with each change of a Gerrit review read as its incident; else as it is. The
    line count is kept."""
    lines = text.split("\n")
    fenced = fenced_lines(lines)
    votes = sum(1 for at, line in enumerate(lines) if _VOTE.match(line) and not fenced[at])
    headers = [at for at, line in enumerate(lines) if _CHANGE.match(line) and not fenced[at]]
    if votes < 2 and not (headers and _CHANGE_ID.search(text)):
        return text
    if headers:
        ends = [*headers[1:], len(lines)]
        changes = [_Change(h, h + 1, e) for h, e in zip(headers, ends, strict=True)]
    else:  # (one change's page: its heading goes where its subject is)
        changes = [_Change(None, 0, len(lines))]
    out = list(lines)
    for change in changes:
        _change_read(out, fenced, change)
    return "\n".join(out)


def _change_read(out: list[str], fenced: list[bool], change: _Change) -> None:
    """One change, in place: its heading, its commit message, its review."""
    header = _CHANGE.match(out[change.header]) if change.header is not None else None
    title = (header["subject"] or "").strip() if header else ""
    message = _message(out, fenced, change.start, change.end)
    top = message[0] if message else change.end
    for at in range(change.start, top):  # (the page's own lines above the commit message)
        subject = _SUBJECT.match(out[at])
        if subject or _FIELD.match(out[at]):
            title = title or (subject["subject"].strip() if subject else "")
            out[at] = ""
    if message is None:
        _review_read(out, fenced, change.start, change.end)
        if change.header is not None:
            out[change.header] = f"## {title or out[change.header].lstrip('#').strip()}"
        return
    first, stop = message
    title = title or out[first].strip()
    ids = _message_read(out, first + 1, stop)
    _review_read(out, fenced, stop, change.end)
    named = f"{next(iter(ids))}: " if len(ids) == 1 else ""
    if change.header is None:
        out[first] = f"## {named}{title}"
        below = first + 1 < stop and not out[first + 1].strip()
        if named and below:
            out[first + 1] = "**Symptoms:**"
    else:
        out[change.header] = f"## {named}{title}"
        # (the subject, read as the heading, leaves its line to say where the symptoms start:
        # a change cut out alone under the page's title is read as that title's otherwise)
        out[first] = "**Symptoms:**" if named else ""


def _message(out: list[str], fenced: list[bool], start: int, end: int) -> tuple[int, int] | None:
    """Where the commit message (indented by four spaces or a tab) starts and ends."""
    first = next((at for at in range(start, end) if _indented(out[at]) and not fenced[at]), None)
    if first is None:
        return None
    stop = first
    while stop < end and (_indented(out[stop]) or not out[stop].strip()):
        stop += 1
    while stop > first and not out[stop - 1].strip():
        stop -= 1
    return first, stop


def _indented(line: str) -> bool:
    return (line.startswith("    ") or line.startswith("\t")) and bool(line.strip())


def _message_read(out: list[str], start: int, stop: int) -> set[str]:
    """The commit message's body unindented, its footers left out; the ids they name."""
    ids: set[str] = set()
    for at in range(start, stop):
        line = out[at]
        naming = _NAMING.match(line)
        if naming:
            ids.update(_ID.findall(naming["ids"]))
            out[at] = ""
        elif _FOOTER.match(line):
            out[at] = ""
        else:
            out[at] = _message_line(line[1:] if line.startswith("\t") else line[4:])
    return ids


def _message_line(line: str) -> str:
    """A line of the commit message as Markdown: a log line in it as code, a line pasted
    deeper kept in its paragraph (not read as a code block of Markdown's)."""
    body = line.strip()
    if not body or "`" in body:
        return line
    deeper = line.startswith("  ")
    if _ITEM.match(line) and not deeper:
        return line
    core = body.rstrip(",;")
    tail = body[len(core) :]
    program = common_tail(core)
    tool = program is not None and _PROGRAM.match(core.removesuffix(program)) is not None
    whole = tool or any(p.match(core) for p in (START, MESSAGE, TERSE))
    if whole or (deeper and (START.search(body) or loggy(body))):
        pasted = core if whole else body
        code = f"``{pasted}``" if "`" in pasted else f"`{pasted}`"
        return ("  " if deeper else "") + code + ("" if pasted == body else tail)
    quoted = _QUOTED.sub(lambda m: f"`{m[1]}`" if START.match(m[1]) else m[0], body)
    return ("  " if deeper else "") + quoted


def _review_read(out: list[str], fenced: list[bool], start: int, stop: int) -> None:
    """The review under the commit message: votes, bots and quoted code left out, what the
    reviewers wrote kept."""
    quoting = False
    for at in range(start, stop):
        line = out[at]
        if fenced[at]:
            quoting = False
            continue
        if quoting and _QUOTE.match(line):
            out[at] = ""
            continue
        commented = _FILE_LINE.match(line)
        quoting = commented is not None and not commented["text"].strip()
        if commented:
            text = commented["text"].strip()
            out[at] = "" if _ACKED.match(text) else text
        elif _VOTE.match(line) or _BOT.match(line) or _FILE.match(line):
            out[at] = ""
