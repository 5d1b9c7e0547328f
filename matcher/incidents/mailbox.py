"""A mailing list's archive saved as text (an mbox file, a pipermail month, a plain-text digest):
a run of messages, each opened by its mail headers (`From dvogel at example.net  Tue Dec  1
09:14:52 2026`, then `From:`, `Date:`, `Subject:`, `Message-ID:` ... up to a blank line). A
message whose subject names one incident id (`[INC-7] ...`, `Re: [ops] [INC-7] ...`, `INC-7:
...`), or answers a message that does (`In-Reply-To:`), is about that incident: the first one
opens it, its Subject line read as the heading `## INC-7: <subject>`; a later one (a reply) goes
on with its text, its quoted lines and their attribution (`On Tue, ... Daniel wrote:`) left
out as read where first written; a reply after another incident is read as its incident's
evidence. A message of no incident is the preamble before the first one, none of the log's
after it. Headers, a signature (after `-- `) and a digest's boilerplate are no text of the log;
a pasted log line (indented in the body) is read as code, in the sentence it stands in when
that goes on after it. The line count is kept. docs/incident-log-format.md (**A mailing list's
archive**) says the rule."""

from __future__ import annotations

import quopri
import re
from dataclasses import dataclass

from matcher.incidents.fences import FENCE, fenced_lines
from matcher.incidents.headings import INCIDENT_ID
from matcher.incidents.loglike import START, loggy

_DAYS = r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)"
_MONTHS = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
# mbox's envelope line (pipermail writes the address's `@` as ` at `)
_ENVELOPE = re.compile(
    rf"^From \S+(?: at \S+)?[ \t]+{_DAYS} {_MONTHS} [ \d]?\d \d\d?:\d\d(?::\d\d)? \d{{4}}\b"
)
_HEADER = re.compile(r"^(?P<name>[A-Za-z][A-Za-z0-9-]{0,40}):(?:[ \t]+(?P<value>.*))?$")
_FOLDED = re.compile(r"^[ \t]+\S")
# RFC 5322's date (`Tue, 01 Dec 2026 09:14:52 +0100`), not a person's (`Fri, Dec 4 at 2 PM`)
_DATE = re.compile(rf"^(?:{_DAYS},?\s+)?\d{{1,2}}\s+{_MONTHS}\w*\s+\d{{4}}\s+\d\d?:\d\d")
# What a subject says before what it is about: `Re:`, `Fwd:`, `AW:`, a list's tag `[ops]`
_PREFIX = re.compile(r"^(?:(?i:re|fwd?|aw|wg|sv|vs|tr|rif|antw)(?:\[\d+\])?:\s*|\[[^\]]*\]\s*)")
_BRACKETED_ID = re.compile(rf"\[(?P<id>{INCIDENT_ID})\]")
_LEADING_ID = re.compile(rf"^(?P<id>{INCIDENT_ID})(?:\s*[:\u2013\u2014-]\s+|\s*:)")
_QUOTE = re.compile(r"^[ \t]*>")
_WROTE = re.compile(r"(?i)\b(?:wrote|writes|schrieb|a \u00e9crit|escribi\u00f3|scrisse):\s*$")
_SIGNATURE = re.compile(r"^--[ \t]?$")
_FOOTER = re.compile(r"^_{20,}\s*$")
# Where a reply pastes the message it answers, or a forward the message it passes on
_ORIGINAL = re.compile(r"^\s*-{3,}\s*(?:Original Message|Forwarded message)\s*-{3,}\s*$", re.I)
_SEPARATOR = re.compile(r"^(?:-{20,}|\*{20,})\s*$")
# A digest's own lines above its first message (`Send ops mailing list submissions to`)
_DIGEST = re.compile(r"(?im)^(?:Send .{1,80} submissions to\s*$|Today's Topics:\s*$)")
_ITEM = re.compile(r"^\s*(?:[-*+\u2022]|\d{1,3}[.)])\s")
_QUOTED_PRINTABLE = re.compile(r"(?i)quoted-printable")


@dataclass(frozen=True)
class _Message:
    """A message's lines: where it starts, its headers' end (the blank line), its end."""

    start: int
    body: int
    end: int
    headers: dict[str, tuple[int, str]]  # name (lower case) -> (line, value)

    def header(self, name: str) -> str:
        return self.headers.get(name, (0, ""))[1]


def mailbox_read(text: str) -> str:
    """The log as the house format's Markdown when it is a mailing list's archive; else as it
    is. The line count is kept."""
    lines = text.split("\n")
    messages = _messages(lines)
    enveloped = any(_ENVELOPE.match(lines[m.start]) for m in messages)
    if len(messages) < 2 and not (messages and enveloped):
        return text
    out = list(lines)
    # (what comes before the first message is the archive's title, or a digest's boilerplate)
    if _DIGEST.search("\n".join(lines[: messages[0].start])):
        out[: messages[0].start] = [""] * messages[0].start
    threads: dict[str, str] = {}  # a message's Message-ID -> the incident it is about
    titles: dict[str, str] = {}  # an incident's title (lower case) -> its id
    opened: dict[str, int] = {}  # an incident's id -> the line under its heading
    current: str | None = None
    for message in messages:
        subject_at, subject = message.headers.get("subject", (message.start, ""))
        out[message.start : message.body] = [""] * (message.body - message.start)
        found = _subject_id(subject) or _thread_of(message, threads, titles)
        if found is None:
            # (a message of no incident's: before the first one the archive's preamble, after
            # it some other thread, no text of the incident above it)
            if current is not None:
                out[message.body : message.end] = [""] * (message.end - message.body)
            else:
                _body_read(out, message, reply=False)
            continue
        ident, title = found
        opens = ident not in opened
        if opens:
            out[subject_at] = f"## {ident}: {title}" if title else f"## {ident}"
            titles.setdefault(title.lower(), ident)
            opened[ident] = subject_at + 1
        elif ident != current:
            # (a late reply, after another incident: appendices.py moves it to its incident
            # as its symptoms, so what the incident's own messages say is its symptoms too)
            out[subject_at] = f"### Evidence for {ident}"
            if opened[ident] < len(out):
                out[opened[ident]] = "**Symptoms:**"
        threads[message.header("message-id")] = ident
        current = ident
        _body_read(out, message, reply=not opens)
    return "\n".join(out)


def _thread_of(
    message: _Message, threads: dict[str, str], titles: dict[str, str]
) -> tuple[str, str] | None:
    """The incident of a reply whose subject lost the id: the one of the message it answers,
    or of the subject it answers (`Re: gateway cannot reach inventory`)."""
    answered = f"{message.header('in-reply-to')} {message.header('references')}".split()
    ident = next((threads[m] for m in reversed(answered) if m in threads), None)
    rest = message.header("subject").strip()
    while prefix := _PREFIX.match(rest):
        rest = rest[prefix.end() :]
    ident = ident or titles.get(rest.strip().lower())
    return (ident, "") if ident else None


def _messages(lines: list[str]) -> list[_Message]:
    """The archive's messages: a header block after an envelope line, or one with a sender,
    a subject and an RFC 5322 date after a blank line."""
    starts: list[tuple[int, int, dict[str, tuple[int, str]]]] = []
    fenced = fenced_lines(lines)
    at = 0
    while at < len(lines):
        if fenced[at]:  # (mail pasted into a code block of a write-up is none of the log's)
            at += 1
            continue
        enveloped = bool(_ENVELOPE.match(lines[at]))
        first = at + 1 if enveloped else at
        after_blank = at == 0 or not lines[at - 1].strip() or _SEPARATOR.match(lines[at - 1])
        if not enveloped and not after_blank:
            at += 1
            continue
        headers, end = _headers(lines, first)
        dated = _DATE.match(headers.get("date", (0, ""))[1]) is not None
        complete = "from" in headers and "subject" in headers
        if complete and (enveloped or dated):
            starts.append((at, end, headers))
            at = end
            continue
        at += 1
    return [
        _Message(start, body, starts[index + 1][0] if index + 1 < len(starts) else len(lines), h)
        for index, (start, body, h) in enumerate(starts)
    ]


def _headers(lines: list[str], at: int) -> tuple[dict[str, tuple[int, str]], int]:
    """The header block that starts at ``at`` (folded lines joined to theirs), and where it
    ends: at a blank line, or where a line is no header."""
    headers: dict[str, tuple[int, str]] = {}
    name = ""
    while at < len(lines) and lines[at].strip():
        header = _HEADER.match(lines[at])
        if header:
            name = header["name"].lower()
            headers.setdefault(name, (at, (header["value"] or "").strip()))
        elif name and _FOLDED.match(lines[at]):
            line, value = headers[name]
            headers[name] = (line, f"{value} {lines[at].strip()}")
        else:
            return {}, at
        at += 1
    return headers, at


def _subject_id(subject: str) -> tuple[str, str] | None:
    """The one incident a subject names, and the subject without it and its prefixes."""
    rest = subject.strip()
    while prefix := _PREFIX.match(rest):
        if _BRACKETED_ID.match(rest):
            break
        rest = rest[prefix.end() :]
    named = set(re.findall(rf"(?<![\w-])({INCIDENT_ID})", rest))
    found = _BRACKETED_ID.search(rest) or _LEADING_ID.match(rest)
    if found is None or len(named) != 1:
        return None
    rest = f"{rest[: found.start()]} {rest[found.end() :]}"
    while prefix := _PREFIX.match(rest.strip()):
        rest = rest.strip()[prefix.end() :]
    return found["id"], rest.strip(" \t:-\u2013\u2014")


def _body_read(out: list[str], message: _Message, reply: bool) -> None:
    """A message's body as the incident's text, in place: its signature, a list's footer and a
    digest's separators left out, a reply's quotes and their attribution too (and the message
    it answers, pasted under it as Outlook does), a pasted log line read as code."""
    start, end = message.body, message.end
    signed = False
    for at in range(start, end):
        line = out[at]
        following = out[at + 1] if at + 1 < end else ""
        original = _ORIGINAL.match(line) or (_FOOTER.match(line) and _HEADER.match(following))
        if original and reply:
            out[at:end] = [""] * (end - at)
            break
        if original:  # (a forwarded message: its text is the log's, its headers are not)
            signed, out[at] = False, ""
            _, below = _headers(out, at + 1)
            out[at + 1 : below] = [""] * (below - at - 1)
        elif signed or _SIGNATURE.match(line) or _FOOTER.match(line) or _SEPARATOR.match(line):
            signed = signed or not _SEPARATOR.match(line)
            out[at] = ""
        elif line.startswith(">From "):  # (mbox's escape of a body line's `From `)
            out[at] = line[1:]
    if _QUOTED_PRINTABLE.search(message.header("content-transfer-encoding")):
        _soft_breaks_joined(out, start, end)
    if reply:
        for at in range(start, end):
            attribution = _WROTE.search(out[at]) and _quote_follows(out, at + 1, end)
            if _QUOTE.match(out[at]) or attribution:
                out[at] = ""
    _pasted_as_code(out, start, end)


def _quote_follows(out: list[str], at: int, end: int) -> bool:
    following = next((line for line in out[at:end] if line.strip()), "")
    return _QUOTE.match(following) is not None


def _soft_breaks_joined(out: list[str], start: int, end: int) -> None:
    """Quoted-printable's lines broken with `=` joined (the lines they took blank), its `=3D`
    and `=C3=A9` decoded."""
    at = start
    while at < end:
        first, line = at, out[at]
        while line.endswith("=") and at + 1 < end:
            at += 1
            line, out[at] = line[:-1] + out[at], ""
        out[first] = quopri.decodestring(line.encode()).decode("utf-8", "replace")
        at += 1


def _pasted_as_code(out: list[str], start: int, end: int) -> None:
    """Each run of lines indented by two spaces or more that holds log text, not under a list's
    item (where it goes on with the item): fenced when blank lines stand around it, else each
    line in backticks."""
    if any(FENCE.match(line) for line in out[start:end]):
        return  # (a message written in Markdown fences its code itself)
    at = start
    while at < end:
        if not _pasted(out[at]) or (at > start and not _introduced(out[at - 1])):
            at += 1
            continue
        stop = at
        while stop < end and _pasted(out[stop]):
            stop += 1
        run = out[at:stop]
        if any(START.search(line) or loggy(line) for line in run):
            before, after = at - 1, stop
            blank_after = after < end and not out[after].strip()
            framed = before >= start and not out[before].strip() and blank_after
            if framed and _goes_on(out, before, after, end):
                _sentence_joined(out, before, after, end)
            elif framed:
                out[before], out[after] = "```", "```"
                indent = min(len(line) - len(line.lstrip()) for line in run)
                out[at:stop] = [line[indent:] for line in run]
            else:
                out[at:stop] = [_ticked(line) for line in run]
        at = stop


def _goes_on(out: list[str], before: int, after: int, end: int) -> bool:
    """The sentence above a pasted run goes on below it (`died with` / the line / `but that's
    the breaker recovering`)."""
    above = out[before - 1].rstrip() if before > 0 else ""
    below = out[after + 1].lstrip() if after + 1 < end else ""
    return bool(above) and above[-1] not in ".!?" and below[:1].islower()


def _sentence_joined(out: list[str], before: int, after: int, end: int) -> None:
    """The pasted run (in backticks) and the paragraph after it moved up to the sentence they
    go on with, one item of it: the run by one line, that paragraph by two, the two blank
    lines after it."""
    stop = after + 1
    while stop < end and out[stop].strip():
        stop += 1
    moved = [_ticked(line) for line in out[before + 1 : after]] + out[after + 1 : stop]
    out[before:stop] = [*moved, "", ""]


def _pasted(line: str) -> bool:
    return line.startswith("  ") and bool(line.strip()) and not _ITEM.match(line)


def _introduced(line: str) -> bool:
    return not line.strip() or not (line[:1].isspace() or _ITEM.match(line))


def _ticked(line: str) -> str:
    body = line.strip()
    return f"``{body}``" if "`" in body else f"`{body}`"
