"""A chat room's export kept as the postmortem: Element/Matrix's plain text (`[2026-12-03
08:17:02] Lena: …`, `Lena changed the topic to "INC-7 · …"`), WhatsApp's (`[03/12/2026,
10:22:13] Ada: …`, `03/12/2026, 10:22 - Ada: …`), Discord's (`[12/1/2026 9:12 AM] dana: …`),
Telegram Desktop's and Google Chat's (`Dana, [03.12.2026 10:22]`, `Dana, 10:22 AM` above the
message). Nobody writes headings in a chat: the chat is cut into conversations (a new day, a
pause, a blank line, a day's heading), and a conversation that names one new id alone (a topic
change, `I've opened INC-7 for it`) is that incident's, with the id-less talk before it; its
messages are the incident's items (`- Lena: …`), their pasted lines kept. A message that names
an id already opened, or several, opens nothing. The line count is kept.
docs/incident-log-format.md ("Twenty-seventh round", **A chat room's export**) says the rule."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from matcher.incidents.fences import FENCE, fenced_lines
from matcher.incidents.headings import INCIDENT_ID

_WHEN = (
    r"\d{4}-\d\d-\d\d[ T]\d\d?:\d\d(?::\d\d)?"  # Element: 2026-12-03 08:17:02
    r"|\d{1,2}[/.]\d{1,2}[/.]\d{2,4},?\s+\d{1,2}:\d\d(?::\d\d)?(?:\s?[APap]\.?[Mm]\.?)?"
)
# A message on one line: its time (in brackets, or before a dash), its author, its text; or a
# room's event (`Lena changed the topic to "…"`)
_MESSAGE = re.compile(
    rf"^(?:\[(?P<when>{_WHEN})\]|(?P<when2>{_WHEN})\s+[-\u2013])\s+(?P<who>[^:\[\]<>]{{1,40}}?)"
    r"(?::\s+(?P<text>.*)|:\s*$|\s+(?P<event>(?:changed|set) the (?:room )?topic to\b.*))$"
)
# Telegram Desktop's header: the author, then the time, the message on the lines under it
# (... and Google Chat's, the time alone: `Siobh\u00e1n Kelly, 10:16 AM`)
_HEADER = re.compile(
    rf"^(?P<who>[^,\[\]:#*>`|-][^,\[\]:]{{0,39}}),\s+(?:\[(?P<when>{_WHEN})\]"
    r"|(?P<when2>\d{1,2}:\d\d\s?[APap]\.?[Mm]\.?))\s*$"
)
# A reply's quote of the message it answers (Element's `> <@lena:acme.chat> …`)
_REPLY_QUOTE = re.compile(r"^>\s*<@[^>]+>.*$")
_EDITED = re.compile(r"\s*\((?:edited|bearbeitet|modifi\u00e9)\)\s*$", re.IGNORECASE)
_TOPIC = re.compile(
    r"^(?:changed|set) the (?:room )?topic to\s+[\"\u201c]?(?P<topic>.*?)[\"\u201d]?$"
)
# An id named in passing, as something else (`that was INC-7`, `see INC-7`, `(cf. INC-7)`)
_IN_PASSING = re.compile(r"(?i)\b(?:was|see|like|cf\.?|same as|not|unlike)\s+\W{0,3}$")
_MIN_MESSAGES = 4
# a traceback's own lines, no log text of a message set in monospace
_FRAME = re.compile(r"^(?:File \"|Traceback \(most recent|at\s|\.\.\.|\u2026)")


@dataclass(frozen=True)
class _Message:
    at: int  # its first line
    end: int  # the line after its last
    who: str
    text: str  # what it says on its first line ("" under Telegram's header)
    event: str  # a room's event instead of a text
    day: str  # its date as written
    minute: int  # its time of day, in minutes


def chat_exports_read(text: str) -> str:
    """The log with a chat export's conversations as the incidents they name, when it is a chat
    export that names incidents and has no headings of its own; else as it is."""
    lines = text.split("\n")
    # (a heading over each thread, written by whoever pasted it, or a bot's declaration in bold,
    # `\U0001f7e0 **INC-7** opened`, which is read as the incident's heading)
    if any(re.match(rf"^#{{1,6}}\s+.*{INCIDENT_ID}", line) for line in lines) or re.search(
        rf"\*\*{INCIDENT_ID}\*\*", text
    ):
        return text
    messages = _messages(lines)
    if len(messages) < _MIN_MESSAGES:
        return text
    out = list(lines)
    opened: set[str] = set()
    waiting: list[list[_Message]] = []  # conversations that name no incident yet
    for talk in _conversations(messages, lines):
        named = _new_ids(talk, lines, opened)
        if not named:
            waiting.append(talk)
            continue
        # (not the talk of another day: a heading between them, `### Monday, 30 November`)
        waiting = [w for w in waiting if not _heading_between(lines, w[-1].at, talk[0].at)]
        if len(named) == 1:
            # (the talk before the id is said is the incident's: `… I've opened INC-7 for it`,
            # hours later `INC-7, events dropped`)
            naming = next(m for m in talk if named[0] in _said(m, lines))
            talk = [m for waited in waiting for m in waited] + talk
            _open(out, lines, talk[0], named[0], talk, _title(naming, named[0], lines))
        else:
            # (several in one conversation: each from the message that first names it, the
            # first one from the conversation's start, with the talk before it)
            talk = [m for waited in waiting for m in waited] + talk
            starts = [
                next(i for i, m in enumerate(talk) if found in _said(m, lines)) for found in named
            ]
            starts[0] = 0
            for k, found in enumerate(named):
                end = min((s for s in starts if s > starts[k]), default=len(talk))
                part = talk[starts[k] : end]
                if part:
                    naming = next((m for m in part if found in _said(m, lines)), part[0])
                    _open(out, lines, part[0], found, part, _title(naming, found, lines))
        opened.update(named)
        waiting = []
    return "\n".join(out) if opened else text


def _open(
    out: list[str],
    lines: list[str],
    first: _Message,
    found: str,
    talk: list[_Message],
    title: str,
) -> None:
    """The incident ``found`` opened at ``first``, its messages ``talk`` as its items; its title
    is what the message that named it says beside the id (a topic: the topic)."""
    for message in talk:
        _as_items(out, lines, message)
        # (the id said is the incident's name, no text of it: `dana: INC-21 uploads rejected`)
        out[message.at] = re.sub(rf"(?<![\w-]){re.escape(found)}(?![\w-])\W*", "", out[message.at])
    before = first.at - 1
    if before >= 0 and not lines[before].strip() and first.event == "":
        out[before] = f"## {found}: {title}"
    else:
        out[first.at] = f"## {found}: {title}"


# A message that answers the one before it about what it showed (`those are kafka-python's own
# lines, noise`, `that's the breaker flapping`): it goes on from that message's item, so that its
# verdict is read with the log text it is about.
_GOES_ON = re.compile(
    r"(?i)^(?:yes|yeah|yep|no|nope|nah|ok|and)?[,.!\s]*(?:those|these|that|this|it)(?:'s|'re| is"
    r"| are| was| were| come| comes| came| one| ones| lines?)\b"
    # (... in another language: `isso é …, é barulho`, `eso es el retry`, `c'est le retry`,
    # `das ist der Retry`, `quello è …`, `dat is …`)
    r"|(?i:^(?:isso|isto|esse|essa|esses|essas|eso|esto|ese|esa|esos|esas|\u00e7a|cela|das|dies"
    r"|diese|quello|quelli|questo|questi|dat|dit)\s+(?:\u00e9|s\u00e3o|foi|eram|vem|v\u00eam|es"
    r"|son|fue|era|viene|vienen|est|sont|ist|sind|war|waren|kommt|kommen|\u00e8|sono|viene"
    r"|vengono|is|zijn|was|komt)\b|^c'est\b|^ce sont\b)"
)


def _as_items(out: list[str], lines: list[str], message: _Message) -> None:
    out[message.at] = _item(message)
    if message.text and _GOES_ON.match(_REPLY_QUOTE.sub("", message.text)):
        out[message.at] = "  " + _item(message)[2:]
        # (over the blank line an export puts between messages, which would end the item: a
        # thread's mark in its place, `\u21b3` as Rocket.Chat writes it, carries no words)
        above = message.at - 1
        while above > 0 and not lines[above].strip():
            above -= 1
        if above >= 0 and message.at - above <= 3 and not FENCE.match(lines[above]):
            out[above + 1 : message.at] = ["  \u21b3"] * (message.at - above - 1)
    # a message's text set in monospace (WhatsApp's ```…``` over several lines): a code span a
    # line
    if message.text.startswith("```"):
        out[message.at] = _item(message).replace("```", "`", 1).rstrip("`") + "`"
        source = False  # (the line under a traceback's frame is its source code)
        for at in range(message.at + 1, message.end):
            code = lines[at].strip().rstrip("`")
            frame = bool(_FRAME.match(code)) or (source and lines[at].startswith(" "))
            out[at] = f"  `{code}`" if code and not frame else ""
            source = code.startswith("File ")
            if lines[at].rstrip().endswith("```"):
                break


def _messages(lines: list[str]) -> list[_Message]:
    starts: list[tuple[int, re.Match[str]]] = []
    for at, (line, fenced) in enumerate(zip(lines, fenced_lines(lines), strict=True)):
        found = None if fenced else (_MESSAGE.match(line) or _HEADER.match(line))
        if found:
            starts.append((at, found))
    messages = []
    for n, (at, found) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else len(lines)
        groups = found.groupdict()
        text, event = groups.get("text") or "", groups.get("event") or ""
        when = groups.get("when") or groups.get("when2") or ""
        clock = re.search(r"(\d{1,2}):(\d\d)(?::\d\d)?\s*([APap])?", when)
        day = when[: clock.start()].strip(" ,T") if clock else when
        hour = int(clock[1]) if clock else 0
        if clock and clock[3]:  # (`9:12 PM`)
            hour = hour % 12 + (12 if clock[3] in "Pp" else 0)
        minute = hour * 60 + int(clock[2]) if clock else 0
        messages.append(_Message(at, end, found["who"].strip(), text, event, day, minute))
    return messages


# (a pause this long, a new day or a blank line between two messages ends a conversation)
_PAUSE = 90


def _conversations(messages: list[_Message], lines: list[str]) -> list[list[_Message]]:
    def blank_before(message: _Message, last: _Message) -> bool:
        return any(not line.strip() for line in lines[last.at + 1 : message.at])

    # (an export that sets every message apart by a blank line, as Discord's does, says nothing
    # by it)
    pairs = list(itertools.pairwise(messages))
    spaced = sum(blank_before(b, a) for a, b in pairs) > len(pairs) / 2
    talks: list[list[_Message]] = []
    for message in messages:
        last = talks[-1][-1] if talks else None
        apart = last is None or (
            message.day != last.day
            or message.minute - last.minute >= _PAUSE
            or (not spaced and blank_before(message, last))
            # (a day's heading between them: Google Chat's `### Tuesday, 24 November`)
            or _heading_between(lines, last.at, message.at)
        )
        if apart:
            talks.append([message])
        else:
            talks[-1].append(message)
    return talks


def _heading_between(lines: list[str], first: int, last: int) -> bool:
    return any(line.startswith("#") for line in lines[first + 1 : last])


def _said(message: _Message, lines: list[str]) -> str:
    return "\n".join(lines[message.at : message.end])


def _new_ids(talk: list[_Message], lines: list[str], opened: set[str]) -> list[str]:
    named: list[str] = []
    for message in talk:
        said = _said(message, lines)
        found = _opening_id(said, opened)  # (one id alone, not said in passing)
        if found and found not in named:
            named.append(found)
    return named


def _opening_id(said: str, opened: set[str]) -> str | None:
    named = {m.group(0) for m in re.finditer(INCIDENT_ID, said)}
    if len(named) != 1:
        return None
    (found,) = named
    if found in opened or _IN_PASSING.search(said[: said.find(found)]):
        return None
    return found


def _item(message: _Message) -> str:
    topic = _TOPIC.match(message.event)
    # (a topic is the room's title, quoted as it was set: no log text in quotes)
    text = f"set the topic: {topic['topic']}" if topic else message.event
    text = text or _REPLY_QUOTE.sub("", message.text)
    return f"- {message.who}: {_EDITED.sub('', text)}".rstrip()


def _title(message: _Message, found: str, lines: list[str]) -> str:
    topic = _TOPIC.match(message.event)
    said = topic["topic"] if topic else message.text
    if not said.strip():  # (Telegram's header: its message is under it)
        said = next((t for t in lines[message.at + 1 : message.end] if re.search(r"\w{3}", t)), "")
        said = "" if re.fullmatch(r"\s*\{\w+\}\s*", said) else said  # (Discord's `{Embed}`)
    # (the topic's marks around the id are no words of it: `\U0001f534 INC-7 \u00b7 gateway down`)
    title = re.sub(r"^[\W_]+|\s+(?=\s)", "", said.replace(found, " ").strip())
    return _EDITED.sub("", title).strip() or found
