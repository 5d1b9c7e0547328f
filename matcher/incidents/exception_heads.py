"""A pasted error line that only heads the exception printed under it: pytest's captured
`ERROR billing:settle.py:41 settle invoices 2,1` over `E   psycopg2.errors.DeadlockDetected:
deadlock detected`, an app's `ERROR report failed` over the exception it logged without its
traceback. The line is the app's words for what it was doing; the exception under it states
the error (as the log line a traceback follows does, blocks.py). docs/incident-log-format.md
("Code blocks") says the rule."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

# An exception's line: a class and its message (`psycopg2.errors.QueryCanceled: …`), or a
# module's own lowercase one (`socket.gaierror: [Errno -2] …`)
RAISED = re.compile(
    r"^(?:[A-Za-z_]\w*\.)*[A-Z]\w*(?:Error|Exception):\s|^(?:[A-Za-z_]\w*\.)+[a-z]+error:\s"
)
# ... or any class under a module's path (`psycopg2.errors.QueryCanceled: …`)
_EXCEPTION = re.compile(rf"{RAISED.pattern}|^(?:[a-z_]\w*\.)+[A-Z]\w*:\s")
# A message that says how it failed: a cause after a colon, an error's class or code named
_SAYS_HOW = re.compile(r":\s|[A-Z]\w*(?:Error|Exception)\b|\b[A-Z]{2,}\d+|\[Errno")
_ERROR_RANK = 4
_LOGGER = re.compile(r"^[a-z][\w.]*:\s+(?=\S)")
# systemd's note on a unit after its process died (`thumbs.service: Main process exited, …`,
# journalctl's lines beside the app's): no exception the traceback above it raised
UNIT_NOTE = r"[\w@.-]+\.(?:service|socket|timer|mount|scope|slice):\s"

Split = Callable[[str], tuple[str | None, str]]


def without_heads(lines: Sequence[str], split: Split, rank: Callable[[str], int]) -> list[str]:
    """The lines less each error line of a few words that the next line's exception follows.
    `split` is blocks.split_header, `rank` blocks.level_rank."""
    kept: list[str] = []
    below: str | None = None  # the next line that is not blank, read backwards
    for line in reversed(lines):
        if not (below is not None and _heads(line, below, split, rank)):
            kept.append(line)
        below = line if line.strip() else below
    return kept[::-1]


def _heads(line: str, below: str, split: Split, rank: Callable[[str], int]) -> bool:
    if line[:1].isspace():
        return False
    level, message = split(line)
    under, raised = split(below)
    return bool(
        level
        and rank(level) >= _ERROR_RANK
        # (... or one of the rows a log platform splits an event into, each with its level:
        # `ERROR cannot open connection` over `ERROR pymysql.err.OperationalError: …`)
        and under in (None, level)
        and _EXCEPTION.match(raised)
        # (a logger's name and its colon say nothing of how: `billing: settle invoices 2,1`)
        and not _SAYS_HOW.search(_LOGGER.sub("", message, count=1))
        # (not a server's line the client's exception repeats: grep's hits of two logs)
        and message.lower() not in raised.lower()
    )


def heads_traceback(lines: Sequence[str], at: int) -> bool:
    """The line at `at` is the log line a traceback follows (`ERROR billing: settle invoices
    2,1` over `Traceback (most recent call last):`), whatever its message looks like: a
    logger's name and a colon are not an exception's class."""
    below = next((line for line in lines[at + 1 :] if line.strip()), "")
    return below.strip().startswith("Traceback (most recent call last)")
