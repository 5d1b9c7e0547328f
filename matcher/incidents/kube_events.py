"""Kubernetes' events as `kubectl describe` and `kubectl get events` print them, pasted over a
pod's log: the table's heading (`Events:`), its column heads and rule are the tool's; a
`Normal` event says nothing went wrong; a `Warning` event that only says a container or job
gave up (`BackOff`, `BackoffLimitExceeded`, `Killing`) is the orchestrator's consequence of
any crash, not the incident's error. A warning of another reason is read by its message
(`FailedScheduling … 0/3 nodes are available: 3 Insufficient memory.`).
docs/incident-log-format.md ("Thirty-first round") says the rule."""

from __future__ import annotations

import re
from collections.abc import Sequence

_HEADING = re.compile(r"^\s*Events:\s*(?:<none>\s*)?$")
_COLUMNS = re.compile(r"(?i)^\s*(?:LAST SEEN\s+)?TYPE\s+REASON\s+(?:AGE|OBJECT)\b[\w ]*$")
_RULE = re.compile(r"^\s*-{2,}(?:\s+-{2,})+\s*$")
# `Warning  BackOff  1m (x22 over 11m)  kubelet  Back-off …` (describe), `2m  Warning  BackOff
# pod/x  Back-off …` (get events): the type and the reason; the message stands under the
# column heads' MESSAGE
_ROW = re.compile(
    r"^\s*(?:\S+(?:\s+\([^)]*\))?\s+)?(?P<type>Normal|Warning)\s+(?P<reason>[A-Z][A-Za-z]+)\s"
)
_CONSEQUENCE = frozenset(
    {"BackOff", "BackoffLimitExceeded", "CrashLoopBackOff", "Killing", "Preempting", "Evicted"}
)


def kube_events_read(lines: Sequence[str]) -> list[str]:
    """The block's lines with an events table's own lines blank and each warning of its own
    read by its message; the block as it is when it holds no events table."""
    if not any(_HEADING.match(line) or _COLUMNS.match(line) for line in lines):
        return list(lines)
    out = list(lines)
    table, column = False, -1
    for at, line in enumerate(lines):
        if _COLUMNS.match(line):
            column = line.upper().find("MESSAGE")
        if _HEADING.match(line) or _COLUMNS.match(line) or (table and _RULE.match(line)):
            table, out[at] = True, ""
            continue
        row = _ROW.match(line) if table else None
        if row is None:
            table = table and bool(line.strip())
            continue
        ignored = row["type"] == "Normal" or row["reason"] in _CONSEQUENCE
        # (a row pasted out of its columns: its last stretch after two spaces)
        aligned = 0 < column < len(line) and line[column - 1] == " "
        message = line[column:] if aligned else re.split(r"\s{2,}", line.strip())[-1]
        out[at] = "" if ignored else message.strip()
    return out
