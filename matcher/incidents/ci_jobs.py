"""A CI service's own lines in a pasted job log or `sem` CLI output (Semaphore's, and any that
prints the same way): how a job or command ended (`exit code: 1`, `Job failed.`), the job's
record (`Status: FINISHED  Result: FAILED`, `Commands:`), and a workflow's tree of pipelines,
blocks and jobs with their results (`Block: Soak  ✖ checkout-soak  FAILED  4:55`, a job row
of `sem get jobs`: `5c0e2d44-…  restock-integration  FINISHED  FAILED`). They say how the
build went, not what a program logged; the lines the job's commands printed stay.
docs/incident-log-format.md ("Thirty-seventh round") says the rule."""

from __future__ import annotations

import re
from collections.abc import Sequence

# A result in its column at the end of a row, after a gap (and a state before it, and the
# time the job took after it)
_RESULT_ROW = re.compile(
    r"\S\s{2,}(?:(?:FINISHED|DONE|RUNNING)\s{2,})?(?:PASSED|FAILED|STOPPED|CANCEL+ED)"
    r"(?:\s{2,}(?:\d+m\s*\d+s|\d+:\d\d|\d+(?:\.\d+)?s))?\s*$"
)
_OWN = re.compile(
    r"^\s*(?:exit code:\s*-?\d+|Job (?:failed|passed|stopped)\.?|Commands:"
    r"|Status:\s+[A-Z]+\s+Result:\s+[A-Z]+|Workflow\s{2,}[0-9a-f-]{8,}\S*"
    r"|Branch\s{2,}\S+\s{2,}Commit\s.*|(?:Block:\s.*|Pipeline\s{2,}.*|[\u2714\u2716\u25a0]\s.*)"
    r"(?<=\S)\s{2,}(?:PASSED|FAILED|STOPPED|CANCEL+ED)\b.*)$"
)


def ci_lines_dropped(lines: Sequence[str]) -> list[str]:
    """The lines with a CI service's own emptied (an empty line ends what the one before it
    said)."""
    return ["" if _OWN.match(line) or _RESULT_ROW.search(line) else line for line in lines]
