"""A deploy server's task log and a log server's search, pasted: Octopus Deploy's raw task log
(each line's time and level word and a bar, `10:04:36   Error    |       `, nested by two spaces a
level, its own lines: the task's header fields, `== Failed: Step 3: … ==`, `Executing script on
'…'`, `The remote script failed with exit code 1`), and Seq's (a search's filter expression, its
event rows `02 Mar 2026 14:07:31.382  Error  …`, an expanded event's `@MessageTemplate` and
properties with the `@Exception` under them). The program wrote what is left: the step's output
lines and the event's message and exception. The rules are in docs/incident-log-format.md
("Thirty-fifth round")."""

from __future__ import annotations

import re
from collections.abc import Sequence

# Octopus's raw task log: the time and level word before the bar, or the bar alone (a header's,
# an empty line's); what is after the bar is indented as deep as the activity is nested
_OCTOPUS = re.compile(
    r"^\s*(?:\d\d:\d\d:\d\d\s+(?:Verbose|Info|Highlight|Wait|Warning|Error|Fatal)\s+)?\|(?=\s|$)"
)
_OCTOPUS_LEVEL = re.compile(r"^\s*\d\d:\d\d:\d\d\s+(?:Verbose|Info|Warning|Error|Fatal)\s+\|")

# Octopus's own lines, never a program's: an activity's heading (`== Failed: … ==`), the script
# it ran and how it ended, how the step and the deployment ended, the task's header fields
_OCTOPUS_OWN = re.compile(
    r"^(?:==+ \w+: .* ==+|Executing script on '[^']*'|The remote script failed with exit code -?\d+"
    r"|The step failed: Activity .* failed\b.*|The action .* failed"
    r"|The deployment failed because one or more steps failed\b.*"
    r"|(?:Task (?:ID|status|started|completed|duration)|Related IDs|Server (?:version|node)):\s.*)$"
)

# A Seq event row as the events list shows it: date, time with milliseconds, Seq's level word;
# the level is read as a log line's (`ERROR checkout failed: …`), so that an Information row
# is context as an INFO line is
_SEQ_ROW = re.compile(
    r"^\d{1,2} [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d\.\d{3}\s+"
    r"(?P<level>Verbose|Debug|Information|Warning|Error|Fatal)\s+"
)
_SEQ_LEVELS = {"Verbose": "TRACE", "Information": "INFO", "Warning": "WARNING"}

# An expanded Seq event: a property's name and its value in a column (`@Exception   Traceback…`,
# `OrderId   373142`); the value of `@Message` and `@Exception` is the program's, the rest (the
# template with its holes, the time, the app's properties) is Seq's record of the event
_SEQ_PROPERTY = re.compile(r"^(?P<name>@\w+|[A-Z]\w*)\s{2,}(?P<value>\S.*)$")
_SEQ_TEXT = ("@Message", "@Exception")

# A Seq filter expression (a search, an alert's signal): built-in properties and `like '%…%'`
_SEQ_QUERY = re.compile(r"@(?:Level|Message|MessageTemplate|Exception)\b|\bHas\(@?\w+\)")
_SEQ_QUERY_OP = re.compile(r"\blike\s+'%|\s=\s'|\bHas\(")


def deploy_lines_read(lines: Sequence[str]) -> list[str]:
    """A code block's lines as the program wrote them, when it is an Octopus task log or a Seq
    search's paste (see the module); other blocks as they are. A dropped line is empty, which
    ends what the line before it said."""
    firsts = [line.strip() for line in lines if line.strip()]
    if firsts and all(_SEQ_QUERY.search(t) and _SEQ_QUERY_OP.search(t) for t in firsts):
        return ["" for _ in lines]  # (the search, not what it found)
    if sum(1 for line in lines if _OCTOPUS_LEVEL.match(line)) >= 2:
        return _octopus_read(lines)
    if any(map(_SEQ_ROW.match, firsts)):
        return [_SEQ_ROW.sub(_seq_level, line.strip(), count=1) for line in lines]
    # (Seq's own properties are capitalised, `@Timestamp`; CloudWatch's column heads are not,
    # `@timestamp  @logStream  @message`, and its rows are the log's)
    if firsts and _SEQ_PROPERTY.match(firsts[0]) and re.match(r"@[A-Z]", firsts[0]):
        return _seq_event_read(lines)
    return list(lines)


def _seq_level(row: re.Match[str]) -> str:
    """A Seq row's level as a log line's level word."""
    return _SEQ_LEVELS.get(row["level"], row["level"].upper()) + " "


def _octopus_read(lines: Sequence[str]) -> list[str]:
    """The step output of an Octopus task log: each line after its bar, Octopus's own lines
    empty, the nesting's indentation taken off (a traceback's frame keeps its own)."""
    rest: list[str | None] = []
    for line in lines:
        found = _OCTOPUS.match(line)
        text = line[found.end() :].rstrip() if found else None
        rest.append("" if text is not None and _OCTOPUS_OWN.match(text.strip()) else text)
    depth = min((len(t) - len(t.lstrip()) for t in rest if t and t.strip()), default=0)
    return [line if text is None else text[depth:] for line, text in zip(lines, rest, strict=True)]


def _seq_event_read(lines: Sequence[str]) -> list[str]:
    """An expanded Seq event: the message's and the exception's text, the exception's lines
    under its value taken to the left as the program wrote them, the other properties empty."""
    out: list[str] = []
    column = -1  # (where the value of the property being read starts; -1: not a text's)
    for line in lines:
        found = _SEQ_PROPERTY.match(line.rstrip())
        if found and not line[:1].isspace():
            column = found.start("value") if found["name"] in _SEQ_TEXT else -1
            out.append(found["value"] if column >= 0 else "")
        elif column >= 0 and line.strip():
            indent = len(line) - len(line.lstrip())
            out.append(line[min(indent, column) :].rstrip())
        else:
            out.append("")
    return out
