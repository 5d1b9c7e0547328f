"""A work-management board exported to Markdown (monday.com): each group a table of items, then
one section per item with its column values as labels (`- **Status:** Done`, `- **Error seen:**
…`) and its `**Updates**` thread: a post by its author and time (`**Dana K.** · Dec 3, 09:41`),
the replies under it (`↳ **Omar H.** · Dec 3, 09:44`), each body quoted, with its emoji
reactions (`> 👍 2`). The thread is read as the item's timeline, one item per post, so a reply
that says a line is not it is read with the post it answers (chat.py). An item whose status
column says it is not related and which names no incident is no incident: the board keeps it
in its `Not related` group so that nobody reads its lines as theirs. Line count kept. Rules:
docs/incident-log-format.md ("Thirty-first round")."""

from __future__ import annotations

import itertools
import re

# the thread's own label, bold and alone on its line (`**Updates**`, `**Updates:**`)
_THREAD = re.compile(r"^\s*\*\*(?:Updates|Activity|Comments)(?::\*\*|\*\*:?)\s*$", re.IGNORECASE)
# a post or a reply: its author in bold, then when (`↳ **Omar H.** · Dec 3, 09:44`)
_POST = re.compile(r"^\s*(?:[↳└]\s*)?\*\*(?P<who>[^*\n]{2,40})\*\*\s*[\u00b7|\u2014-]\s*.*\d")
_QUOTED = re.compile(r"^\s*>\s?")
# a body's line of reactions only: emoji and their counts (`👍 2`, `❤️ 1 🎉 3`)
_REACTIONS = re.compile(r"^(?:[^\w\s`\"'(<>]{1,3}\s*\d{1,4}\s*)+$")
# a post's closing emoji, the poster's mood and no part of what was logged (`… after 50s 🙃`)
_MOOD = re.compile(r"\s+[\U0001F300-\U0001FAFF\u2600-\u27BF\uFE0F\u200D]+\s*$")
_FENCE = re.compile(r"^\s*(?:```|~~~)")
_HEADING = re.compile(r"^ {0,3}#{1,6}\s")
_RULE = re.compile(r"^ {0,3}(?:-{3,}|\*{3,}|_{3,})\s*$")
# an item's status column that keeps it out of every incident (the board's `Not related` group)
_STATUS = re.compile(
    r"^\s*[-*]?\s*\*\*Status:?\*\*:?\s*(?:not related|unrelated|not an incident|ruled out)\b",
    re.IGNORECASE,
)
_ITEM_ID = re.compile(r"^\s*[-*]?\s*\*\*Incident ID:?\*\*:?\s*(?P<id>\S+)\s*$")
_SEVERITY = re.compile(r"^\s*[-*]?\s*\*\*(?:Severity|Priority):?\*\*", re.IGNORECASE)
_NAMES_ID = re.compile(r"\*\*Incident(?: ID)?:?\*\*|\b[A-Z][A-Z0-9]*-(?:[A-Z]+-)?\d+\b")


def _thread_read(lines: list[str], at: int) -> int:
    """Rewrite the thread whose label is at `at` as a timeline; the index after it."""
    end = at + 1
    while end < len(lines) and not lines[end].strip():
        end += 1
    # (a thread whose bodies are not quoted, a tracker's comments, is read as it is)
    body = next((line for line in lines[end + 1 :] if line.strip()), "")
    if end == len(lines) or not _POST.match(lines[end]) or not _QUOTED.match(body):
        return at + 1
    lines[at] = "**Timeline:**"
    fenced = False
    while end < len(lines):
        line = lines[end]
        post = _POST.match(line)
        quoted = _QUOTED.match(line)
        if post:
            who = re.sub(r"\s+", "_", post["who"].strip())
            lines[end] = f"- @{who}:"
        elif quoted:
            inner = line[quoted.end() :]
            fenced ^= bool(_FENCE.match(inner))
            inner = inner if fenced else _MOOD.sub("", inner)
            lines[end] = "" if _REACTIONS.match(inner.strip()) else f"  {inner}"
        elif line.strip():
            break
        end += 1
    return end


def _set_aside_items(lines: list[str]) -> None:
    """Blank the item sections whose status says they are not related and that name no
    incident: a board's group of lines set aside, no incident of its own."""
    starts = [i for i, line in enumerate(lines) if _HEADING.match(line)]
    for n, start in enumerate(starts):
        stop = starts[n + 1] if n + 1 < len(starts) else len(lines)
        stop = next((i for i in range(start + 1, stop) if _RULE.match(lines[i])), stop)
        body = lines[start + 1 : stop]
        if any(_STATUS.match(line) for line in body) and not any(
            _NAMES_ID.search(line) for line in body
        ):
            lines[start:stop] = [""] * (stop - start)


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def _severities(lines: list[str]) -> dict[str, str]:
    """Each incident's severity as its group's table gives it, by its `Incident ID` column."""
    found: dict[str, str] = {}
    columns: list[str] = []
    for line in lines:
        if not line.lstrip().startswith("|"):
            columns = []
            continue
        cells = _cells(line)
        if not columns:
            columns = [cell.lower() for cell in cells]
        elif "incident id" in columns and "severity" in columns and len(cells) == len(columns):
            found[cells[columns.index("incident id")]] = cells[columns.index("severity")]
    return found


def _severities_given(lines: list[str]) -> None:
    """Write an item's severity from its group's table into the blank line under its heading,
    when its own section has no `Severity` label."""
    severities = _severities(lines)
    starts = [i for i, line in enumerate(lines) if _HEADING.match(line)] + [len(lines)]
    for start, stop in itertools.pairwise(starts):
        body = lines[start + 1 : stop]
        named = next((m["id"] for line in body if (m := _ITEM_ID.match(line))), None)
        blank = start + 1 < len(lines) and not lines[start + 1].strip()
        if blank and named in severities and not any(_SEVERITY.match(line) for line in body):
            lines[start + 1] = f"**Severity:** {severities[named]}"


def boards_read(text: str) -> str:
    """The log with a board's update threads read as timelines and its not-related items
    blanked; else as it is."""
    lines = text.split("\n")
    if not any(_THREAD.match(line) for line in lines):
        return text
    at = 0
    while at < len(lines):
        at = _thread_read(lines, at) if _THREAD.match(lines[at]) else at + 1
    _set_aside_items(lines)
    _severities_given(lines)
    return "\n".join(lines)
