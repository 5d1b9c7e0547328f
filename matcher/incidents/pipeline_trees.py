"""A CD pipeline's execution page pasted (Harness, Spinnaker, Azure Pipelines and their like):
its tree of stages and steps, each row a name, maybe the step's type, how it ended and how long
it ran (`  ✗ Run rebuild_search_index   ShellScript   Failed   3m 02s`), the failure strategy
it applied, and the step runner's own lines round the command's output (`Executing command
...`, `Command completed with ExitCode (1)`, `Script execution failed`, `Step timed out after
10m`). They say how the execution went, never what the program logged: they are emptied, the
program's lines stay. docs/incident-log-format.md ("Fortieth round") says the rules."""

from __future__ import annotations

import re
from collections.abc import Sequence

# How a stage or step ended, as the page's column shows it
_STATUS = (
    r"(?:Success|Succeeded|Successful|Failed|Failure|Skipped|Aborted|Expired|Running|Queued"
    r"|Paused|Passed|Errored|Ignore ?Failed|Rejected|Approval ?Rejected|Not ?Started|Waiting"
    r"|Suspended|Cancel+ed|Timed ?Out)"
)
# A mark of how it ended (`✓ ✗ ○ ↺ ⊘ ●`)
_MARK = r"[\u2713\u2714\u2717\u2718\u2716\u2298\u25cb\u25cf\u21ba\u27f3\u23f8\u29d7]"
_DURATION = r"(?:\d+h\s*)?(?:\d+m\s*)?\d+(?:\.\d+)?(?:s|ms)"
# A row of the tree: a mark of how it ended (optional), the name, maybe the step's type, then the
# status in its own column (two spaces or more before it), its duration, a short remark after
# it (a scanned page's `port=8443):  Failed  to  resolve …`, spaced out, is no row)
_ROW = re.compile(
    r"^\s*(?:"
    + _MARK
    + r"\s+)?\S.*?\s{2,}"
    + _STATUS
    + r"(?:\s{2,}"
    + _DURATION
    + r"(?:\s{2,}\S.{0,40})?"
    r"|\s{2,}\([^()]{0,60}\))?\s*$"
)
# ... or with single spaces, when it begins with the mark (`✗ Verify quotes Failed 1m 58s`)
_MARKED_ROW = re.compile(
    r"^\s*" + _MARK + r"\s+\S.*?\s" + _STATUS + r"(?:\s+" + _DURATION + r")?\s*$"
)
# The runner's own lines (after the time of day its console shows): the command starting and
# ending, the script's failure, the step's timeout, the failure strategy and the rollback it ran
_RUNNER = re.compile(
    r"^\s*(?:\d\d:\d\d:\d\d(?:\.\d+)?\s+)?(?:Executing command(?: \.\.\.|\u2026)?"
    r"|Command completed with ExitCode \(-?\d+\)"
    r"|Script execution (?:failed|succeeded|completed)\.?|Step timed out after \d+\s*\w*"
    r"|Failure Strategy:\s.*|Rollback (?:started|completed|failed)\b.*)\s*$"
)


# A console that shows the time of day alone before each line (Harness's, AppVeyor's)
_TIME_OF_DAY = re.compile(r"^\d\d:\d\d:\d\d(?:\.\d+)? (?=\S| {2})")


def pipeline_trees_read(lines: Sequence[str]) -> list[str]:
    """A block's lines with an execution tree's rows and the step runner's lines emptied (an
    empty line ends what the one before it said), and a console's time of day taken off when
    its lines open with it (its first line, half of them and three at least: a line led by a
    time among a traceback's is a log line of its own, which the time sets apart); every other
    line as it was."""
    filled = [line for line in lines if line.strip()]
    timed = sum(1 for line in filled if _TIME_OF_DAY.match(line))
    console = bool(filled) and _TIME_OF_DAY.match(filled[0]) is not None
    console = console and timed >= max(3, len(filled) / 2)
    return [
        ""
        if _ROW.match(line) or _MARKED_ROW.match(line) or _RUNNER.match(line)
        else _TIME_OF_DAY.sub("", line, count=1)
        if console
        else line
        for line in lines
    ]
