"""A review's diff of a source or configuration file, as a code review shows it above an inline
comment (Bitbucket's, GitHub's, GitLab's `@@ -47,7 +47,9 @@ def check_inventory(target):`): its
lines are the code before and after the fix, none of them a log's. A ```` ```diff ```` fence is
otherwise read as a log before and after a fix (`fences.before_the_fix`: `- ERROR …` kept); one
whose every hunk header names the function or section it is in, as git prints it for source
and configuration files (never for a log's lines, `@@ -1,2 +1,1 @@`), is read as the
configuration fence it is, whose lines no log prints. Its line count kept. Rules:
docs/incident-log-format.md ("Twenty-ninth round")."""

from __future__ import annotations

import re

from matcher.incidents.fences import code_blocks, is_diff

_HUNK = re.compile(r"^\s*@@ -\d+(?:,\d+)? \+\d+(?:,\d+)? @@(?P<context>.*)$")
_INFO = re.compile(r"(?i)\b(?:diff|patch|udiff)\b")


def review_diffs_read(text: str) -> str:
    """The log with each diff fence of a source file's change opened as configuration."""
    if "@@" not in text:
        return text
    lines = text.split("\n")
    for first, last in code_blocks(lines):
        # (a fence left open runs to the log's end: what it holds is more than the diff)
        if last == len(lines) or not is_diff(lines[first]):
            continue
        hunks = [h for line in lines[first + 1 : last] if (h := _HUNK.match(line))]
        if hunks and all(h["context"].strip() for h in hunks):
            lines[first] = _INFO.sub("conf", lines[first], count=1)
    return "\n".join(lines)
