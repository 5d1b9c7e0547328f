"""A chat room's export kept as the postmortem: Element/Matrix's plain text (`[2026-12-03
08:17:02] Lena: …`, `Lena changed the topic to "INC-7 · …"`), WhatsApp's (`[03/12/2026,
10:22:13] Ada: …`, `03/12/2026, 10:22 - Ada: …`), Discord's (`[12/1/2026 9:12 AM] dana: …`),
Telegram Desktop's (`Dana, [03.12.2026 10:22]` above the message). Nobody writes headings in a
chat: an incident is opened by the first message that names its id alone (a topic change, `I've
opened INC-7`), and every message after it, up to the next such message, is one of its items
(`- Lena: …`), their pasted lines kept. A message that names an id already opened, or several,
opens nothing. The line count is kept. docs/incident-log-format.md ("Twenty-seventh round",
**A chat room's export**) says the rule."""

from __future__ import annotations

import re
from dataclasses import dataclass

from matcher.incidents.fences import FENCE
from matcher.incidents.headings import INCIDENT_ID

_WHEN = (
    r"\d{4}-\d\d-\d\d[ T]\d\d?:\d\d(?::\d\d)?"  # Element: 2026-12-03 08:17:02
    r"|\d{1,2}[/.]\d{1,2}[/.]\d{2,4},?\s+\d{1,2}:\d\d(?::\d\d)?(?:\s?[APap]\.?[Mm]\.?)?"
)
# A message on one line: its time (in brackets, or before a dash), its author, its text; or a
# room's event (`Lena changed the topic to "…"`)
_MESSAGE = re.compile(
    rf"^(?:\[(?:{_WHEN})\]|(?:{_WHEN})\s+[-\u2013])\s+(?P<who>[^:\[\]<>]{{1,40}}?)"
    r"(?::\s+(?P<text>.*)|:\s*$|\s+(?P<event>(?:changed|set) the (?:room )?topic to\b.*))$"
)
# Telegram Desktop's header: the author, then the time, the message on the lines under it
_HEADER = re.compile(rf"^(?P<who>[^,\[\]:]{{1,40}}),\s+\[(?:{_WHEN})\]\s*$")
# A reply's quote of the message it answers (Element's `> <@lena:acme.chat> …`)
_REPLY_QUOTE = re.compile(r"^>\s*<@[^>]+>.*$")
_EDITED = re.compile(r"\s*\((?:edited|bearbeitet|modifi\u00e9)\)\s*$", re.IGNORECASE)
_TOPIC = re.compile(
    r"^(?:changed|set) the (?:room )?topic to\s+[\"\u201c]?(?P<topic>.*?)[\"\u201d]?$"
)
# An id named in passing, as something else (`that was INC-7`, `see INC-7`, `(cf. INC-7)`)
_IN_PASSING = re.compile(r"(?i)\b(?:was|see|like|cf\.?|same as|not|unlike)\s+\W{0,3}$")
_MIN_MESSAGES = 4


@dataclass(frozen=True)
class _Message:
    at: int  # its first line
    end: int  # the line after its last
    who: str
    text: str  # what it says on its first line ("" under Telegram's header)
    event: str  # a room's event instead of a text


def chat_exports_read(text: str) -> str:
    """The log with a chat export's messages as the incidents they open, when it is a chat
    export that names incidents and has no headings of its own; else as it is."""
    lines = text.split("\n")
    if any(re.match(rf"^#{{1,6}}\s+.*{INCIDENT_ID}", line) for line in lines):
        return text  # (a heading over each thread, written by whoever pasted it)
    messages = _messages(lines)
    if len(messages) < _MIN_MESSAGES:
        return text
    opened: set[str] = set()
    out = list(lines)
    for message in messages:
        said = "\n".join(lines[message.at : message.end])
        found = _opening_id(said, opened)
        item = _item(message)
        if found is None:
            if opened:
                out[message.at] = item
            continue
        opened.add(found)
        title = _title(message, found, lines)
        before = message.at - 1
        if before >= 0 and not lines[before].strip() and message.event == "":
            out[before], out[message.at] = f"## {found}: {title}", item
        else:
            out[message.at] = f"## {found}: {title}"
    return "\n".join(out) if opened else text


def _messages(lines: list[str]) -> list[_Message]:
    starts: list[tuple[int, re.Match[str]]] = []
    fenced = False
    for at, line in enumerate(lines):
        fenced ^= bool(FENCE.match(line))
        found = None if fenced else (_MESSAGE.match(line) or _HEADER.match(line))
        if found:
            starts.append((at, found))
    messages = []
    for n, (at, found) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else len(lines)
        groups = found.groupdict()
        text, event = groups.get("text") or "", groups.get("event") or ""
        messages.append(_Message(at, end, found["who"].strip(), text, event))
    return messages


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
        said = next((t for t in lines[message.at + 1 : message.end] if t.strip()), "")
    # (the topic's marks around the id are no words of it: `\U0001f534 INC-7 \u00b7 gateway down`)
    title = re.sub(r"^[\W_]+|\s+(?=\s)", "", said.replace(found, " ").strip())
    return _EDITED.sub("", title).strip() or found
