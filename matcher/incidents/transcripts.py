"""A review call's transcript (WebVTT, as Zoom or Teams saves it: `WEBVTT`, numbered cues with
`00:00:12.300 --> 00:00:24.610` timings, `Daniel K: …` turns), pasted in a code block or as it
is, whose `NOTE` markers name the incidents (`NOTE` / `INC-7 — nginx fails to start`): each
marker is read as the heading of its incident and each turn as an item by its speaker
(`- @Daniel_K: …`, its later lines going on with it, filler words left out), so what was said
is read as a chat transcript's messages are (chat.py: an answer that corrects the turn before
it is read with it). With no marker that names one, the turns that say a new id open the
incidents, and the meeting's chat kept in it is read as its messages (call_chat.py); a transcript
that names no incident either way is left as it is. The line count is kept.
docs/incident-log-format.md ("Twenty-second round", **A call's transcript**; "Twenty-eighth
round", **A call's transcript that says the ids**) says the rule."""

from __future__ import annotations

import re

from matcher.incidents.call_chat import CHAT_HEADER, chat_read, ids_as_headings
from matcher.incidents.fences import FENCE
from matcher.incidents.headings import heading_id

_START = re.compile(r"^\s*WEBVTT\b")
_TIMING = re.compile(r"^\s*(?:\d+:)?\d\d:\d\d[.,]\d{3}\s+-->\s+(?:\d+:)?\d\d:\d\d[.,]\d{3}")
_CUE_NUMBER = re.compile(r"^\s*\d{1,5}\s*$")
_NOTE = re.compile(r"^\s*NOTE\b")
# (the recognizer's filler words: `Those are, um, consequences` says `Those are consequences`)
_FILLER = re.compile(r"(?i)(?:,\s*)?(?<![\w'-])(?:um+|uh+|erm|uh-huh)(?![\w'-]),?")
_TURN = re.compile(r"^\s*(?:<v\s+)?(?P<who>[^\W\d][\w .'-]{0,40}?)(?:>|:)\s+(?P<said>\S.*)$")
# (a voice span as Teams writes it, closed on the cue's last line: `<v Dana Ito>Okay.</v>`)
_VOICE = re.compile(r"^\s*<v(?:\.[\w-]+)*\s+(?P<who>[^>]{1,60})>\s*(?P<said>\S.*?)(?:</v>)?\s*$")
# (where a chat message's lines end: the next cue, or the next message)
_CUE = re.compile(rf"{_TIMING.pattern}|{_NOTE.pattern}|{CHAT_HEADER.pattern}")
# (a Markdown heading after a transcript that is not in a code block: the write-up resumes)
_HEADING = re.compile(r"^#{1,6}\s")


def transcripts_read(text: str) -> str:
    """The log with a WebVTT transcript whose notes, or else whose turns, name incidents read as
    those incidents; else as it is."""
    lines = text.split("\n")
    start = next((i for i, line in enumerate(lines) if _START.match(line)), None)
    if start is None:
        return text
    fenced = start > 0 and FENCE.match(lines[start - 1]) is not None
    closing = FENCE if fenced else _HEADING
    end = next((i for i in range(start + 1, len(lines)) if closing.match(lines[i])), len(lines))
    noted = _names_incidents(lines[start:end])
    if fenced:
        lines[start - 1] = ""
        if end < len(lines):
            lines[end] = ""
    lines[start] = ""
    _unfilled(lines, start + 1, end)
    at, in_turn, turns = start + 1, False, set()
    while at < end:
        line = lines[at]
        if _NOTE.match(line):
            at = _note_read(lines, at, end)
            in_turn = False
            continue
        if CHAT_HEADER.match(line):
            at = chat_read(lines, at, end, _CUE)
            in_turn = False
            continue
        # (a cue's identifier is the line above its timing: a number, or Teams' `…/17-0`)
        cue_id = at + 1 < end and _TIMING.match(lines[at + 1]) is not None
        if not line.strip() or _TIMING.match(line) or _CUE_NUMBER.match(line) or cue_id:
            lines[at] = ""
            in_turn = False
        elif turn := _VOICE.match(line) or _TURN.match(line):
            who = re.sub(r"\s+", "_", turn["who"].strip())
            lines[at] = f"- @{who}: {turn['said']}"
            in_turn = True
            turns.add(at)
        else:
            lines[at] = f"  {line.strip().removesuffix('</v>')}" if in_turn else line.strip()
        at += 1
    # (a transcript whose notes name no incident, nor its turns, is left as it is)
    if not noted and not ids_as_headings(lines, start + 1, end, turns):
        return text
    return "\n".join(lines)


def _unfilled(lines: list[str], start: int, end: int) -> None:
    """The spoken lines without the recognizer's filler words; the chat's lines, typed, as they
    are."""
    chat = [at for at in range(start, end) if CHAT_HEADER.match(lines[at])]
    bounds = [start]
    for at in chat:
        after = at + 1
        while after < end and lines[after].strip() and not _CUE.match(lines[after]):
            after += 1
        bounds.extend([at, after])
    bounds.append(end)
    for first, last in zip(bounds[::2], bounds[1::2], strict=True):
        # (a filler word at a line's start goes with the comma that ended the line before)
        said = _FILLER.sub(lambda m: "\n" * m[0].count("\n"), "\n".join(lines[first:last]))
        lines[first:last] = said.split("\n")


def _names_incidents(lines: list[str]) -> bool:
    return any(
        _NOTE.match(line) and at + 1 < len(lines) and _titled(lines[at + 1], line)
        for at, line in enumerate(lines)
    )


def _titled(after: str, note: str) -> bool:
    own = _NOTE.sub("", note).strip()
    return heading_id(own or after.strip()) is not None


def _note_read(lines: list[str], at: int, end: int) -> int:
    """A NOTE block as a heading when it names an incident, else left out; the index after it."""
    stop = at
    while stop < end and lines[stop].strip():
        stop += 1
    own = _NOTE.sub("", lines[at]).strip()
    title = own or (lines[at + 1].strip() if at + 1 < stop else "")
    named = heading_id(title) is not None
    for i in range(at, stop):
        lines[i] = ""
    if named:
        lines[at if own else at + 1] = f"## {title}"
    return stop
