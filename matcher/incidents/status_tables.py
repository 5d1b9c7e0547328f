"""A command's status table pasted among log lines (`fly status`' `Machines` with `PROCESS ID
VERSION REGION STATE ROLE CHECKS LAST UPDATED` over a row per machine, `kubectl get pods`' `NAME
READY STATUS RESTARTS AGE`, `docker ps`): the tool's picture of what runs where, printed when
someone asked, never a line a program logged. Its column heads, its rows (to the first empty
line) and the table's title right above them (`Machines`) are set aside; a symptom made of a
row would need that machine's id, that version, that many checks.
docs/incident-log-format.md ("Thirty-sixth round") says the rule."""

from __future__ import annotations

import re
from collections.abc import Sequence

# Column heads: four or more words in capitals, two spaces or a tab between some of them
_HEADS = re.compile(r"^\s*[A-Z][A-Z_()%/.-]*(?:[ \t]+[A-Z][A-Z_()%/.-]*){3,}\s*$")
_APART = re.compile(r" {2}|\t")
# ... naming what each row is and the state it is in
_NAMES = frozenset({"ID", "NAME", "NAMES", "CONTAINER", "INSTANCE", "MACHINE"})
_STATES = frozenset({"STATE", "STATUS", "READY", "HEALTH", "CHECKS"})
# A table's title over its heads (`fly status`' `Machines`, `Process Groups`): a few words
_TITLE = re.compile(r"^\s*[A-Z][a-z]+(?: [A-Za-z]+){0,2}:?\s*$")


def status_tables_read(lines: Sequence[str]) -> list[str]:
    """The block's lines with each status table's own lines empty; as they are without one."""
    out = list(lines)
    at = 0
    while at < len(lines):
        words = set(lines[at].split()) if _HEADS.match(lines[at]) else set()
        if not (words & _NAMES and words & _STATES and _APART.search(lines[at].strip())):
            at += 1
            continue
        if at and _TITLE.match(lines[at - 1]):
            out[at - 1] = ""
        end = next((k for k in range(at + 1, len(lines)) if not lines[k].strip()), len(lines))
        out[at:end] = [""] * (end - at)
        at = end
    return out
