"""A `git log` of the fixing commits kept as the incident log itself (not in a code block):
each commit whose message names an incident (in its subject, `INC-7: stream the export`, or in
a trailer, `Fixes: INC-7`) is read as that incident, under a heading of its id and subject; its
message as the write-up (unindented by git's four spaces, so a line pasted deeper is a code
block). The commit's header (`Author:`, `Date:`) and its people's trailers (`Reviewed-by:`) are
left out; a commit that names no incident is a part of its own. The line count is kept.
docs/incident-log-format.md ("Twenty-second round", **A git log**) says the rule."""

from __future__ import annotations

import re

from matcher.incidents.headings import INCIDENT_ID

_COMMIT = re.compile(r"^commit [0-9a-f]{7,40}\b")
_HEADER = re.compile(r"^(?:Author|AuthorDate|Commit|CommitDate|Date|Merge):\s")
_PEOPLE = re.compile(
    r"^\s*(?:Co-authored-by|Reviewed-by|Signed-off-by|Acked-by|Tested-by|Reported-by"
    r"|Suggested-by|Change-Id):\s",
    re.IGNORECASE,
)
_NAMING = re.compile(
    rf"^\s*(?:Fixes|Closes|Resolves|Refs|References|Incident|Related|Postmortem|See):\s*"
    rf"({INCIDENT_ID})\s*$",
    re.IGNORECASE,
)
_ID = re.compile(rf"(?<![\w-])({INCIDENT_ID})(?![\w-])")
_FENCE = re.compile(r"^\s*(?:```|~~~)")


def commit_log_read(text: str) -> str:
    """The log with each commit of a bare `git log` read as an incident; else as it is."""
    lines = text.split("\n")
    starts = _commits(lines)
    if not starts:
        return text
    for at, end in zip(starts, [*starts[1:], len(lines)], strict=True):
        _commit_read(lines, at, end)
    return "\n".join(lines)


def _commits(lines: list[str]) -> list[int]:
    """Where each commit starts (its `commit <sha>` line with a header under it), outside
    fences."""
    starts, fenced = [], False
    for at, line in enumerate(lines):
        fenced = fenced != bool(_FENCE.match(line))
        header = at + 1 < len(lines) and _HEADER.match(lines[at + 1])
        if not fenced and _COMMIT.match(line) and header:
            starts.append(at)
    return starts


def _commit_read(lines: list[str], at: int, end: int) -> None:
    subject_at = None
    for i in range(at + 1, end):
        line = lines[i]
        if (_HEADER.match(line) and subject_at is None) or _PEOPLE.match(line):
            lines[i] = ""
        else:
            lines[i] = line[4:] if line.startswith("    ") else line.lstrip()
            if subject_at is None and lines[i].strip():
                subject_at = i
    if subject_at is None:
        lines[at] = "---"
        return
    subject = lines[subject_at].strip()
    named = _ID.search(subject)
    trailer = next((i for i in range(subject_at + 1, end) if _NAMING.match(lines[i])), None)
    if named:
        incident = named[1]
        title = (subject[: named.start()] + subject[named.end() :]).strip(" :-\u2013\u2014()")
    elif trailer is not None:
        found = _NAMING.match(lines[trailer])
        incident, title = (found[1] if found else ""), subject
    else:
        lines[at] = "---"
        return
    if trailer is not None:
        lines[trailer] = ""
    title = re.sub(r"\s{2,}", " ", title.replace("()", ""))
    lines[at] = f"## {incident}: {title}"
    lines[subject_at] = ""
