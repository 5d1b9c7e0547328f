"""A chat transcript (`08:17  @dana  gateway is spamming this`, IRC's `[08:17] <dana> …`), or a
`git log` of the fixing commits, pasted as a code block: its messages are a person's words
about the log, not log lines. Each is read as a symptom item of prose, so its quotes, its
labels and its verdicts count as they do in a bullet."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from matcher.incidents.markdown import Item

# a message: its time, its author (`@dana`, `<dana>`), what they wrote
_MESSAGE = re.compile(
    r"^\s*\[?\d{1,2}:\d{2}(?::\d{2})?\]?\s+(?:@[\w.-]+|<[\w.@-]+>)\s*:?\s+(?P<text>.*)$"
)
_QUOTE_MARK = re.compile(r"^>\s*")  # a line quoted in chat (`> reserve call failed: …`)


def chat_messages(code: Sequence[str]) -> list[str] | None:
    """The messages of a transcript, each with its wrapped lines joined; None when the block is
    no transcript (fewer than three messages, or a line that is neither message nor wrap)."""
    messages: list[str] = []
    for line in code:
        if not line.strip():
            continue
        found = _MESSAGE.match(line)
        if found:
            messages.append(_QUOTE_MARK.sub("", found["text"].strip()))
        elif messages and line[:1].isspace():
            messages[-1] = f"{messages[-1]} {line.strip()}"
        else:
            return None
    if len(messages) < 3:
        return None
    # a command to the bot (`/incident declare sev:2 "…"`) says nothing of the log
    said = [m for m in messages if m and not m.startswith("/")]
    # an answer is read with the message it answers (`yeah that one's the network thread's own
    # complaint`): its verdict is on the log text quoted there
    turns: list[str] = []
    for message in said:
        if turns and _ANSWER.match(message):
            message = _ASSENT.sub("", message)  # (`Yeah that one's …`: `That one's …`)
            ended = turns[-1].rstrip()
            turns[-1] = (
                f"{ended}{'' if ended[-1:] in '.?!' else '.'} {message[0].upper()}{message[1:]}"
            )
        else:
            turns.append(message)
    return turns


_ASSENT = re.compile(r"(?i)^(?:yeah|yes|yep|right|correct|agreed|indeed)\b[,.!]?\s+(?=\w)")
_ANSWER = re.compile(
    r"(?i)^(?:yeah|yes|yep|no|nope|nah|right|correct|agreed|indeed|that|those|these|it's|it is"
    r"|this is|noise|unrelated|separate|different|harmless|benign|ignore)\b"
)


_QUESTION = re.compile(r"^\W{0,3}Q\s*\d{0,3}\s*[:.)]")
_ANSWER_MARK = re.compile(r"^\W{0,3}A\s*\d{0,3}\s*[:.)]")
_ASKED = re.compile(r"\?\W{0,3}$")


# A turn of a dialogue: its speaker, a letter or a name (`B: "fix ownership: …"`, `Maya: …`)
# ... or a chat handle (`@rkoval: that one is noise`, a channel's log read by chat_logs.py)
_TURN = re.compile(r"^(?P<who>[A-Z]|[A-Z][a-z]{1,15}|@[\w.|-]+):\s+(?P<said>\S.*)$", re.DOTALL)


def _reply(before: Item, item: Item) -> str | None:
    """The text of a turn that answers the turn before it, another speaker's, about what that
    one read out (`A: That's the job trying to chown, don't count it`), or None."""
    asked, said = _TURN.match(before.text), _TURN.match(item.text)
    if not (asked and said):
        return None
    # (... or a message that says the same of another text: `same for "Bootstrap failed: …"`
    # after `that's the network thread retrying, noise`)
    same = _SAME.match(said["said"]) is not None
    if not same and (asked["who"] == said["who"] or not _ANSWER.match(said["said"])):
        return None
    answer = _ASSENT.sub("", said["said"])
    ended = before.text.rstrip()
    return f"{ended}{'' if ended[-1:] in '.?!' else '.'} {answer[0].upper()}{answer[1:]}"


_SAME = re.compile(r"(?i)^(?:same|ditto|likewise)\b")
_HANDLE = re.compile(r"^@[\w.|-]+:\s+")


def answers_joined(items: Sequence[Item]) -> list[Item]:
    """Paragraphs written as questions and answers (`**Q: Is the "…" traceback a second bug?**`
    then `A: No, that's the worker being aborted`, or `**Q24. …?**` then its answer), each
    answer read with its question; in a dialogue, a turn that answers the one before it
    (`B: "fix ownership: …"` then `A: That's the job's own repair attempt`) read with it."""
    out: list[Item] = []
    for item in items:
        replied = _reply(out[-1], item) if out and not item.code else None
        if replied is not None:
            out[-1] = replace(out[-1], text=replied)
            continue
        asked = bool(out) and _QUESTION.match(out[-1].text) is not None
        # (numbered review questions, `**Q28. What about "…"?**`, answered in the paragraph
        # after it without an `A:`)
        unmarked = asked and not item.code and _ASKED.search(out[-1].text) is not None
        if asked and (
            _ANSWER_MARK.match(item.text) or (unmarked and not _QUESTION.match(item.text))
        ):
            out[-1] = replace(out[-1], text=f"{out[-1].text.rstrip()} {item.text.strip()}")
        else:
            out.append(item)
    # (a chat handle says who wrote it, no part of what: `@dana: and the ledger db via libpq: …`)
    return [replace(item, text=_HANDLE.sub("", item.text)) for item in out]


_COMMIT = re.compile(r"^(?:commit [0-9a-f]{7,40}\b|\$ git log\b)")
# (a commit's own lines: `commit 3f1c9e2…`, `Author: …`, `8d3e1f2 Tomás Ortega 2026-11-17`)
_COMMIT_HEADER = re.compile(r"^(?:commit [0-9a-f]|[0-9a-f]{7,40}\s|\w+(?:Date)?:\s|Merge:\s|\$ )")


def commit_messages(code: Sequence[str]) -> list[str] | None:
    """The paragraphs of the commit messages of a pasted `git log` (each wrapped line joined),
    or None when the block is no git log."""
    if not any(_COMMIT.match(line) for line in code):
        return None
    paragraphs: list[str] = []
    new = True
    for line in code:
        if not line.strip() or (not line.startswith(" ") and _COMMIT_HEADER.match(line)):
            new = True
            continue
        if new or re.match(r"\s*[-*] ", line):  # (a bullet of the message starts an item)
            paragraphs.append(re.sub(r"^[-*] ", "", line.strip()))
        else:
            paragraphs[-1] = f"{paragraphs[-1]} {line.strip()}"
        new = False
    return paragraphs


# A person's words quoted after their name (`**Jonas Berg:** "The worker traceback ends in …"`,
# a meeting's key quotes): speech, whose own quotes hold the log text
_SPEECH = re.compile(
    r"^(?:[-*+]\s+)?(?:\*\*|__)?(?P<name>[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,3}):?(?:\*\*|__)?:?"
    r"\s+[\"\u201c](?P<said>[^\"\u201c\u201d]{20,}[.!?,])[\"\u201d]\s*$"
)
# (no person: what names the log or how it was seen, `Logs: "…"`, `Logged "…"`, `Seen: "…"`)
_NO_SPEAKER = re.compile(
    r"(?i)^(?:[\w-]+ )*(?:logs?|logged|seen|saw|got|output|message|error|errors|says|said"
    r"|shows?|showed|printed|prints|returned|returns|stderr|stdout|journal|trace)$"
)


def spoken(text: str) -> str:
    """What a speaker said without the quotes around it, or the text as it is."""
    found = _SPEECH.match(text.strip())
    person = found is not None and _NO_SPEAKER.match(found["name"]) is None
    return found["said"] if found and person and " " in found["said"] else text
