"""A monitoring system's notification mail pasted in a code block (Nagios' and Icinga's
`***** Nagios *****` with `Notification Type:`, `Service:`, `Host:`, `State:` and `Additional
Info:`, Icinga 2's `***** Service Monitoring on … *****` with `Info:`): its header fields say
which check fired where, not what a program logged, and a check's output is the monitor's
words (`DNS CRITICAL - Domain … was not found`, `PROCS CRITICAL: 0 processes …`), unless the
check reads a log and quotes its line (check_logfiles' `CRITICAL - (2 errors in …) - <the
line> ...|perfdata`, `CRITICAL - 14 errors in /var/log/…, last: <the line>`): that line is log
text. docs/incident-log-format.md ("Code blocks") says the rule."""

from __future__ import annotations

import re
from collections.abc import Sequence

_BANNER = re.compile(
    r"(?i)^\s*\*{3,}\s*(?:Nagios|Icinga\s*2?|Naemon|Centreon|Shinken"
    r"|(?:Service|Host) Monitoring on \S+)\b[^*]*\*{3,}\s*$"
)
_FIELD = re.compile(
    r"(?i)^\s*(?:Subject|From|To|Notification Type|Service|Host|Host ?Alias|Address|IPv4|IPv6"
    r"|State|Date/Time|When|Comment|Author|Notification Author|Notification Comment"
    r"|Acknowledged by|Downtime|(?P<output>Info|Additional Info|Service Output|Host Output"
    r"|Output|Long Output|Check Output|Plugin Output))\s*:(?P<value>.*)$"
)
# A log check's quote of the line it matched: after its count of matches, or after `last:`
_QUOTED_LINE = re.compile(
    r"(?i)^(?:[A-Z_]+\s+)?(?:OK|WARNING|CRITICAL|UNKNOWN)\s*[-:]\s*"
    r"(?:\(\d+ (?:errors?|warnings?|criticals?|unknowns?)\b[^)]*\)\s*-\s*"
    r"|\d+ (?:errors?|warnings?|criticals?|matches)\b[^,]*,\s*last:\s*)(?P<line>\S.*)$"
)
# check_logfiles' performance data and its mark that more lines matched
_PERFDATA = re.compile(r"\s*(?:\.{3}|\u2026)?\s*\|\s*'?[\w.-]+'?=.*$|\s*(?:\.{3}|\u2026)$")


def notifications_read(lines: Sequence[str]) -> list[str]:
    """The block's lines with a notification's fields and the monitor's own words blanked,
    a log check's quoted line in their place; the block as it was when it is none."""
    if not any(_BANNER.match(line) or _notification_type(line) for line in lines):
        return list(lines)
    out: list[str] = []
    output = False  # (the lines under an output field with its value on the next lines)
    for line in lines:
        field = _FIELD.match(line)
        if field:
            output = bool(field["output"])
            value = field["value"].strip()
            out.append(_quoted(value) if output and value else "")
            output = output and not value
        elif output and line.strip():
            out.append(_quoted(line.strip()))
        else:
            out.append("")
    return out


def _notification_type(line: str) -> bool:
    return re.match(r"(?i)^\s*Notification Type:\s*[A-Z]+", line) is not None


def _quoted(output: str) -> str:
    found = _QUOTED_LINE.match(output)
    return _PERFDATA.sub("", found["line"]) if found else ""
