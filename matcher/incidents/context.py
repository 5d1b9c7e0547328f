"""Which symptoms of an incident are context once its other symptoms state the error: the
lines that go with an error without stating one (PostgreSQL's `STATEMENT:` and `CONTEXT:`,
V8's `<--- JS stacktrace --->` banner), a warning beside errors, and a fragment of another
symptom's message. Alone, each stays: then it is all the author gave. The rules are in
docs/incident-log-format.md ("Context beside the error").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from matcher.patterns.heads import find_head

CONTEXT_NOTE = "(no symptom: context beside the error that the incident's other symptoms state)"

# What PostgreSQL logs after an error (its `DETAIL:` states a deadlock's cycle, so it counts),
# and a CONTEXT written without its label (`while updating tuple (0,1) in relation "t"`); a
# banner around a dump; the first line of a traceback.
_CONTEXT_LINE = re.compile(
    r"^(?:STATEMENT|CONTEXT|HINT|LOCATION|QUERY):"
    r"|^while [a-z]+ing\b|^PL/pgSQL function\b|^SQL statement \""
    r"|^<-{2,}.*-{2,}>$|^-{3,}.*-{3,}$|^={3,}.*={3,}$"
    r"|^Traceback \(most recent call last\)"
)
# A level below error (`[warn] …`, `WARNING: …`, `NOTICE: …`) or a warning's class
# (`MaxListenersExceededWarning: …`, `(node:1) DeprecationWarning: …`).
_WARNING = re.compile(
    r"^\[?(?:warn|warning|notice|WARN|WARNING|NOTICE)\]?:?\s"
    r"|^(?:\(node:[^)]*\)\s+)?(?:[A-Za-z_]\w*\.)*[A-Z]\w*Warning\b"
)

# A name before the message (Node's `Error: …`, `curl: …`): the link of a message of its own.
_OWN_HEAD = re.compile(r"^[A-Za-z_][\w.$-]*:\s+\S")


def context_symptoms(symptoms: Sequence[str]) -> set[str]:
    """The symptoms of one incident that are context beside its others."""
    lines = {s for s in symptoms if _CONTEXT_LINE.search(s)}
    warnings = {s for s in symptoms if _WARNING.search(s)} - lines
    errors = [s for s in symptoms if s not in lines and s not in warnings]
    context = set(lines) if errors or warnings else set()
    if errors:  # a warning beside errors is what came with them
        context |= warnings
    return context | {s for s in errors if _fragment(s, errors)}


def _fragment(symptom: str, others: Sequence[str]) -> bool:
    """A message without class or level that is a part of another symptom's message
    (`try restarting transaction` of `Lock wait timeout exceeded; try restarting
    transaction`): it adds only the other errors that share it (MySQL's deadlock ends the
    same way). A whole link after `: ` is the chained message and stays."""
    if find_head(symptom) is not None or _OWN_HEAD.match(symptom):
        return False  # `Error: connect ECONNREFUSED …` after `request failed`: a message of its own
    for other in others:
        if other == symptom or symptom not in other:
            continue
        if not (other.endswith(symptom) and other[: -len(symptom)].endswith(": ")):
            return True
    return False
