"""What a review call's transcript holds besides its spoken turns, read by transcripts.py: the
meeting's chat kept where it was posted (Zoom's saved chat, `00:02:36 From Marcus Chen to
Everyone:` with the message on the lines under it, or after the colon as older clients save it),
and the incident ids said in the turns when no `NOTE` marker names them (`First one is INC-7,
the gateway. Marcus?`): each turn that says a new id opens that incident, and the turns after it,
up to the next such turn, are its. A pasted line that reads as log text is set as code, since
people paste raw log lines in the chat; an error read aloud in a turn stays the speaker's prose.
docs/incident-log-format.md ("Twenty-eighth round", **A call's transcript that says the ids**)
says the rule."""

from __future__ import annotations

import re

from matcher.incidents.headings import INCIDENT_ID
from matcher.incidents.loglike import MESSAGE, START, TERSE

_CLOCK = r"\d{1,2}:\d\d(?::\d\d)?(?:\s?[AaPp]\.?[Mm]\.?)?"
_PRIVATE = r"(?:\s*\((?:[Dd]irect [Mm]essage|[Pp]rivately)\))?"
# A chat message's header: Zoom's, its time, its author and to whom it went (`to Everyone`,
# `to Me`, `to Dana (Direct Message)`), its text after the colon or on the lines under it; Webex's
# (`from Dana to everyone:  10:02 AM`, the time after it); the chat a cloud recording keeps
# (`00:58:04<TAB>Dana:<TAB>…`)
CHAT_HEADER = re.compile(
    rf"^\s*{_CLOCK}\s+From\s+(?P<who>[^\W\d][^:\t]{{0,60}}?)(?:\s+to\s+[^:\t]{{1,60}}?)?"
    rf"{_PRIVATE}\s*:[ \t]*{_PRIVATE}[ \t]*(?P<text>.*)$"
    rf"|^\s*[Ff]rom\s+(?P<who2>[^\W\d][^:\t]{{0,60}}?)\s+to\s+[^:\t]{{1,60}}?{_PRIVATE}\s*:"
    rf"\s*{_CLOCK}\s*$"
    r"|^\d{1,2}:\d\d:\d\d\t(?P<who3>[^\W\d][^:\t]{0,60}):\t(?P<text3>.*)$"
)
# Zoom's own lines in a saved chat: a reaction (`Reacted to "…" with :+1:`, `Removed a :+1:
# reaction from "…"`) quotes another message again, and a reply's head (`Replying to "…"`) the
# one it answers; neither is the author's text
_ZOOM_LINE = re.compile(
    r"^(?:Reacted to\s.*\swith\s|Removed an?\s.*\sreaction from\s|Replying to\s+[\"\u201c])"
)
# (an elision or a traceback's own lines are no log text of the paste)
_ELIDED = re.compile(r"^(?:\.{3}|\u2026|File \"|Traceback \(most recent|at\s)")
# What a log line has and a chat message of prose has not: brackets, quotes, `key=value`, a
# repr's parenthesis, a time, a path in single quotes (not an apostrophe: `it's`)
_LOG_MARK = re.compile(r"[\[\]{}<>=\"]|\(\S|:\d|(?<!\w)'|'(?!\w)")


def chat_read(lines: list[str], at: int, end: int, stop: re.Pattern[str]) -> int:
    """The chat message whose header is at ``at`` as an item by its author, its lines under it
    (up to a blank line or ``stop``) going on with it, a log line as code; the index after it."""
    header = CHAT_HEADER.match(lines[at])
    assert header is not None
    who = re.sub(r"\s+", "_", (header["who"] or header["who2"] or header["who3"]).strip())
    text = (header["text"] or header["text3"] or "").strip()
    lines[at] = f"- @{who}: {_pasted(text)}".rstrip()
    after, source = at + 1, False
    while after < end and lines[after].strip() and not stop.match(lines[after]):
        line = lines[after].strip()
        # (the line under a traceback's frame is its source code, no log text either)
        left_out = _ELIDED.match(line) or source or not _pasted(line)
        source = line.startswith('File "')
        lines[after] = "" if left_out else f"  {_pasted(line)}"
        after += 1
    return after


def _pasted(line: str) -> str:
    """A line of a chat message: a log line set as code (a paste), prose as it is."""
    if _ZOOM_LINE.match(line):
        return ""
    loggy = START.search(line) or TERSE.match(line) or MESSAGE.match(line) or _LOG_MARK.search(line)
    return f"`{line}`" if loggy and "`" not in line else line


# An id named in passing, as another thing (`same as INC-7`, `see INC-7`), opens nothing; nor
# one in quotes, a part of the log text read out
_IN_PASSING = re.compile(r"(?i)\b(?:was|see|like|cf\.?|same as|not|unlike|as in)\s+\W{0,3}$")
_NAMED_ID = re.compile(rf"(?<![\w-]){INCIDENT_ID}(?![\w-])")
_QUOTED = re.compile(r"\"[^\"]*\"|`[^`]*`|\u201c[^\u201d]*\u201d")
_ITEM = re.compile(r"^- @[^:\s]+:")


def ids_as_headings(lines: list[str], start: int, end: int, turns: set[int]) -> bool:
    """The transcript between ``start`` and ``end``, its turns and chat messages read as items
    (by transcripts.py), as the incidents its turns open: a turn (at an index in ``turns``) that
    names one id not opened yet opens it, its heading on the blank line above it, and the items
    up to the next such turn are the incident's. Whether any was opened."""
    opened: set[str] = set()
    items = [at for at in range(start, end) if _ITEM.match(lines[at])]
    for k, at in enumerate(items):
        stop = items[k + 1] if k + 1 < len(items) else end
        said = " ".join(line.strip() for line in lines[at:stop] if line.strip())
        found = opening_id(said, opened) if at in turns else None
        if found is None:
            continue
        opened.add(found)
        # (the id is the incident's name, no text of the turn: `First one is INC-7, the …`)
        lines[at] = re.sub(rf"(?<![\w-]){re.escape(found)}(?![\w-])[,:;.]?\s*", "", lines[at])
        title = _title(said, found)
        heading = f"## {found}: {title}" if title else f"## {found}"
        if at > start and not lines[at - 1].strip():
            lines[at - 1] = heading
        else:
            lines[at] = heading
    return bool(opened)


def opening_id(said: str, opened: set[str]) -> str | None:
    """The one id a turn names, not said in passing nor opened before; else None."""
    plain = _QUOTED.sub(" ", said)
    named = {m[0] for m in _NAMED_ID.finditer(plain)}
    if len(named) != 1:
        return None
    (found,) = named
    if found in opened or _IN_PASSING.search(plain[: plain.find(found)]):
        return None
    return found


_SENTENCE = re.compile(r"^(?P<words>.*?)(?P<end>[.?!](?=\s|$)|$)")


def _title(said: str, found: str) -> str:
    """What the turn says of the incident beside its id: the rest of the sentence after it
    (`INC-7, nginx wouldn't start. Dave.`), or the next sentence (`INC-7. Kafka. Aisha.`)."""
    said = _ITEM.sub("", said)
    after = said[said.find(found) + len(found) :]
    after = re.sub(r"^[\s,.:;\u2014\u2013-]*(?:(?:is|was|are|were)(?: also)?\s+)?", "", after)
    sentence = _SENTENCE.match(after)
    assert sentence is not None
    # (a name called to speak next is no title: `INC-7. Marcus?`)
    asked = sentence["end"] == "?" and len(sentence["words"].split()) < 2
    return "" if asked else sentence["words"].strip(" ,;:")
