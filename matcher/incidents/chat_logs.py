"""A chat channel's log pasted whole as a code block (IRC's `[14:02] <dana> …`, a chat-ops
channel), each incident opened by a command to the team's bot (`!postmortem INC-7 title`) and
its findings recorded the same way (`!cause …`, `!fix …`). Such a log is read as the incidents
it holds: the command that opens one is its heading, `!cause` and `!fix` its root cause and
resolution, each person's message a symptom item of prose (`- @rkoval: …`); the bot's own
messages and the channel's joins and parts are left out. The line count is kept.
docs/incident-log-format.md ("Twenty-first round", **A chat channel's log**) says the rule."""

from __future__ import annotations

import re

from matcher.incidents.fences import code_blocks, unfenced
from matcher.incidents.headings import INCIDENT_ID

# A message: its time, its author (`<dana>`, `@dana`), what they wrote
_MESSAGE = re.compile(
    r"^\s*\[?\d{1,2}:\d{2}(?::\d{2})?\]?\s+(?:<[@+%]?(?P<nick>[^>\s]+)>|@(?P<at>[\w.|-]+):?)"
    r"\s+(?P<text>.*)$"
)
# The channel's own events: joins, parts, quits, topics (`-!- dana has joined #ops`, `* dana`)
_EVENT = re.compile(r"^\s*\[?\d{1,2}:\d{2}(?::\d{2})?\]?\s+(?:-!-|\*{1,3}\s|--[>< ]|<--|-->)")
_OPENS = re.compile(
    rf"^[!/.](?:postmortem|pm|incident|inc|retro)\s+(?:open\s+|new\s+)?(?P<id>{INCIDENT_ID})"
    r"\s*[:\u2014\u2013-]?\s*(?P<title>.*)$",
    re.IGNORECASE,
)
_RECORDS = {
    "cause": "Root cause",
    "rootcause": "Root cause",
    "rc": "Root cause",
    "fix": "Resolution",
    "resolution": "Resolution",
    "resolved": "Resolution",
    "action": "Action items",
    "ai": "Action items",
    "symptom": "Symptoms",
    "symptoms": "Symptoms",
}
_RECORD = re.compile(r"^[!/.](?P<name>[a-z]+)\s+(?P<text>\S.*)$", re.IGNORECASE)
# (a bot: its name says so)
_BOT = re.compile(r"(?i)bot$|^(?:bot|alertmanager|pagerduty|opsgenie|grafana)")


def chat_logs_read(text: str) -> str:
    """The log with each chat log in a code block whose bot commands open incidents read as
    those incidents, and each message a Zulip thread quotes (a ```` ```quote ```` block) as a
    quoted block (`> …`); else as it is."""
    lines = text.split("\n")
    for at, end in code_blocks(lines):
        if re.fullmatch(r"\s*(`{3,}|~{3,})\s*quote\s*", lines[at]) and end < len(lines):
            lines[at + 1 : end] = [f"> {line}" for line in lines[at + 1 : end]]
            lines[at] = lines[end] = ""
            continue
        body = lines[at + 1 : end]
        opened = [m for line in body if (m := _MESSAGE.match(line)) and _OPENS.match(m["text"])]
        if opened:
            unfenced(lines, at, end, _read)
    return "\n".join(lines)


def _read(line: str) -> str:
    message = _MESSAGE.match(line)
    if message is None:
        return "" if _EVENT.match(line) or not line.strip() else f"  {line.strip()}"
    nick, said = message["nick"] or message["at"], message["text"].strip()
    if _BOT.search(nick.rstrip("_")):
        return ""
    opens = _OPENS.match(said)
    if opens:
        title = opens["title"].strip()
        return f"## {opens['id']} \u2014 {title}" if title else f"## {opens['id']}"
    record = _RECORD.match(said)
    name = _RECORDS.get(record["name"].lower()) if record else None
    if record and name:
        return f"**{name}:** {record['text']}"
    return f"- @{nick}: {said}"
