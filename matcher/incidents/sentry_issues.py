"""An error tracker's issue page pasted as it shows (Sentry's): the issue's title in bold, the
error's type and message (`**OperationalError: (1205, 'Lock wait timeout exceeded; …')**`),
then its culprit (`culprit: `orders.stock in reserve_stock_for_order``) and its figures
(`Handled: yes · Events: 1,204 · Users: 311 · First seen: … · Last seen: …`), its tags, the
exception's value as Sentry shows it (`Exception value:` over a code block), its breadcrumbs and
the team's comments under `**Activity**`. The title and the exception's value are the error as
logged, and read as the symptoms; the culprit and the figures are the tracker's, no log's. The
first comment links the issue to its incident and says what was seen (`— Linked to INC-7. The
restock job shows the same thing as `DatabaseError(1205, …)``), and is read with them; the
later ones discuss the issue's other events (merged ones, retries, the cause) and are notes.
The line count is kept. docs/incident-log-format.md ("Fortieth round") says the rules."""

from __future__ import annotations

import re

_BOLD_TITLE = re.compile(r"^(?:\*\*|__)(?P<title>[A-Za-z_][\w.]*(?::\s.*)?)(?:\*\*|__)\s*$")
# the issue's figures: whether it was handled, how many events, when first and last seen
_FIGURES = re.compile(r"(?i)^(?:handled:|events:).*\bfirst seen:")
_VALUE = re.compile(r"(?i)^(?:\*\*|__)?exception(?: value)?\b[^:*_]{0,40}:(?:\*\*|__)?\s*$")
_FENCE = re.compile(r"^\s*(?:```|~~~)")
_ACTIVITY = re.compile(r"(?i)^(?:(?:\*\*|__)activity(?:\*\*|__)|#{2,6}\s+activity)\s*:?\s*$")
_COMMENT = re.compile(r"^[-*+]\s+(?=(?:\*\*|__)[^*_\n]{2,40}(?:\*\*|__))")
_END = re.compile(r"^(?:#{1,6}\s|\s{0,3}(?:-{3,}|\*{3,}|_{3,})\s*$)")


def sentry_issues_read(text: str) -> str:
    """The text with each pasted issue page's title, exception value and first comment as its
    symptoms, its figures emptied and its later comments as notes."""
    if "irst seen:" not in text:
        return text
    lines = text.split("\n")
    at = 0
    while at < len(lines):
        if _issue_title(lines, at):
            at = _read_issue(lines, at)
        at += 1
    return "\n".join(lines)


def _issue_title(lines: list[str], at: int) -> bool:
    """Whether the line at ``at`` is an issue's title: bold, the figures one or two lines on."""
    if not _BOLD_TITLE.match(lines[at].strip()):
        return False
    return any(_FIGURES.match(line.strip()) for line in lines[at + 1 : at + 3])


def _read_issue(lines: list[str], at: int) -> int:
    """Rewrite one issue from its title at ``at`` to the next heading or rule; its end."""
    title = lines[at].strip()[2:-2]
    tick = "``" if "`" in title else "`"
    lines[at] = "**Symptoms**"
    lines[at + 1] = f"- {tick}{title}{tick}"  # (on the culprit's or the figures' line)
    if _FIGURES.match(lines[at + 2].strip()):
        lines[at + 2] = ""
    end = next((i for i in range(at + 3, len(lines)) if _END.match(lines[i])), len(lines))
    comments = 0
    for i in range(at + 3, end):
        line = lines[i].strip()
        below = next((t for t in lines[i + 1 : end] if t.strip()), "")
        if _VALUE.match(line) and _FENCE.match(below):
            lines[i] = "**Symptoms**"  # (the exception's value, as the program printed it)
        elif _ACTIVITY.match(line):
            lines[i], comments = "**Symptoms**", 1
        elif comments and _COMMENT.match(lines[i]):
            # (the first comment says what was seen; the others are notes on the issue)
            if comments > 1:
                lines[i] = "**Notes:** " + _COMMENT.sub("", lines[i], count=1)
            comments += 1
    return end - 1
