"""A review call's transcript (WebVTT, as Zoom or Teams saves it: `WEBVTT`, numbered cues with
`00:00:12.300 --> 00:00:24.610` timings, `Daniel K: …` turns), pasted in a code block or as it
is, whose `NOTE` markers name the incidents (`NOTE` / `INC-7 — nginx fails to start`): each
marker is read as the heading of its incident and each turn as an item by its speaker
(`- @Daniel_K: …`, its later lines going on with it, filler words left out), so what was said
is read as a chat transcript's messages are (chat.py: an answer that corrects the turn before
it is read with it). A transcript whose markers name no incident is left as it is. The line
count is kept. docs/incident-log-format.md ("Twenty-second round", **A call's transcript**)
says the rule."""

from __future__ import annotations

import re

from matcher.incidents.fences import FENCE
from matcher.incidents.headings import heading_id

_START = re.compile(r"^\s*WEBVTT\b")
_TIMING = re.compile(r"^\s*(?:\d+:)?\d\d:\d\d[.,]\d{3}\s+-->\s+(?:\d+:)?\d\d:\d\d[.,]\d{3}")
_CUE_NUMBER = re.compile(r"^\s*\d{1,5}\s*$")
_NOTE = re.compile(r"^\s*NOTE\b")
# (the recognizer's filler words: `Those are, um, consequences` says `Those are consequences`)
_FILLER = re.compile(r"(?i)(?:,\s*)?(?<![\w'-])(?:um+|uh+|erm|uh-huh)(?![\w'-]),?")
_TURN = re.compile(r"^\s*(?:<v\s+)?(?P<who>[^\W\d][\w .'-]{0,40}?)(?:>|:)\s+(?P<said>\S.*)$")


def transcripts_read(text: str) -> str:
    """The log with each WebVTT transcript whose notes name incidents read as those incidents;
    else as it is."""
    lines = text.split("\n")
    start = next((i for i, line in enumerate(lines) if _START.match(line)), None)
    if start is None or not _names_incidents(lines[start:]):
        return text
    fenced = start > 0 and FENCE.match(lines[start - 1]) is not None
    end = len(lines)
    if fenced:
        end = next((i for i in range(start, len(lines)) if FENCE.match(lines[i])), len(lines))
        lines[start - 1] = ""
        if end < len(lines):
            lines[end] = ""
    lines[start] = ""
    # (a filler word at a line's start goes with the comma that ended the line before)
    said = _FILLER.sub(lambda m: "\n" * m[0].count("\n"), "\n".join(lines[start + 1 : end]))
    lines[start + 1 : end] = said.split("\n")
    at, in_turn = start + 1, False
    while at < end:
        line = lines[at]
        if _NOTE.match(line):
            at = _note_read(lines, at, end)
            in_turn = False
            continue
        if not line.strip() or _TIMING.match(line) or _CUE_NUMBER.match(line):
            lines[at] = ""
            in_turn = False
        elif turn := _TURN.match(line):
            who = re.sub(r"\s+", "_", turn["who"].strip())
            lines[at] = f"- @{who}: {turn['said']}"
            in_turn = True
        else:
            lines[at] = f"  {line.strip()}" if in_turn else line.strip()
        at += 1
    return "\n".join(lines)


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
