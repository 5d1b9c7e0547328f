"""Which line of an event to mine: the line that names the failure, not the frames around it.

An event is a traceback, a stack trace, a panic or a single log line (the scanner finds them;
docs/events.md). Grouping failures by their frames or by the ``Traceback (most recent call
last):`` header would put unrelated failures together, so suggest mines each event's telling
line: the exception line, the ``panic:`` line, or the line whose header says FATAL/ERROR.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from matcher.authoring.masking import strip_header

# An exception line (pytest's ``E`` lines and Java's causes included) or a Go panic, as the
# scanner's is_telling sees them; the prefix group is what a symptom should not quote.
_EXCEPTION = re.compile(
    r"^(?P<prefix>E\s+|\s*(?:Caused by|Suppressed): )?"
    r"(?:(?:[\w$]+\.)*[\w$]*"
    r"(?:Error|Exception|Exit|Interrupt|Violation|Warning|Failure|Fault|Throwable|Timeout)\b"
    r"|(?:panic|fatal error): )"
)
# Header levels from most to least telling.
_LEVEL_RANK = {"EMERG": 0, "PANIC": 0, "FATAL": 0, "CRITICAL": 1, "CRIT": 1, "ALERT": 1}
_LEVEL_RANK.update({"SEVERE": 2, "ERROR": 2, "ERR": 2})


@dataclass(frozen=True)
class Telling:
    """The telling line of an event: its index in the event and the text to mine (the line
    without pytest's ``E`` or Java's ``Caused by:`` in front)."""

    index: int
    text: str


def telling_line(lines: Sequence[str]) -> Telling | None:
    """The line to mine for an event (its lines, without newlines); None for no lines.

    The last exception or panic line wins (a Python traceback ends with the exception that
    was raised, a Java trace with its root cause); else the first line of the highest error
    level in a log header; else the first line.
    """
    if not lines:
        return None
    for index in range(len(lines) - 1, -1, -1):
        m = _EXCEPTION.match(lines[index])
        if m is not None:
            return Telling(index, lines[index][m.end("prefix") if m.group("prefix") else 0 :])
    ranked = [
        (rank, index)
        for index, line in enumerate(lines)
        if (rank := _LEVEL_RANK.get(strip_header(line).level or "")) is not None
    ]
    index = min(ranked)[1] if ranked else 0
    return Telling(index, lines[index])
