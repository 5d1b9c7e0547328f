"""A table of log lines with a column that answers whether each is the incident's (`| log line |
count | relevant? |`, `this incident?`, `cause?`): a row answered no (`no`, `no — the other
node coming back`, `✗`) is no symptom, whatever its other cells say. docs/incident-log-format.md
("Not this incident") says the rule."""

from __future__ import annotations

import re
from collections.abc import Sequence

from matcher.incidents.markdown import Item

# A column that asks (`relevant?`, `Ours?`) or names the verdict (`verdict`, `related`).
_ASKS = re.compile(
    r"(?i)\?\s*$|^\W*(?:relevant|related|this incident|incident|cause|ours|signal|verdict"
    r"|in scope|counts?)\W*$"
)
# A tick and a cross, as an answer cell or a reviewer's mark on an item
TICKS = "\u2713\u2714\u2705\u2611"
CROSSES = "\u2717\u2718\u274c\u274e\u26d4\U0001f6ab"
_NO = re.compile(
    r"(?i)^\W*(?:no|nope|n|not (?:it|this|ours|relevant|related)|irrelevant|unrelated|noise"
    rf"|false)\b|^\s*[{CROSSES}]"
)


def row_cells(text: str) -> list[str] | None:
    """A table row's cells, or None when the text is no row (`| a | b |`)."""
    text = text.strip()
    if len(text) < 2 or not (text.startswith("|") and text.endswith("|")):
        return None
    return [cell.strip() for cell in text[1:-1].split("|")]


# An answer that names the row as the incident's error (`SYMPTOM`, `yes`, `✓`): where a table's
# answer column names some rows so, a row it names otherwise (`CAUSE`, `FIX`, `IMPACT`, `—`) is
# no symptom either
_YES = re.compile(
    r"(?i)^\W*(?:symptoms?|yes|y|signal|error|the error|this incident|ours)\b"
    rf"|^\s*[{TICKS}]"
)


def answered_no(items: Sequence[Item]) -> set[int]:
    """The indices of the table rows whose answer column says no, or does not say yes in a
    table whose answer column says yes of some rows."""
    found: set[int] = set()
    columns: list[int] = []  # the answer columns of the table being read
    rows: list[tuple[int, bool]] = []  # the table's rows so far: (index, answered yes)
    last = header = -9  # the lines of the previous row and of the table's header
    width = 0  # the header's number of cells
    for at, item in enumerate(items):
        cells = row_cells(item.text) if not item.code else None
        line = item.location.line if cells is not None else -9
        # (the rule under the header is a blank line to the reader: one line between)
        # (... and rows moved under their header from further down, an evidence table's rows
        # of one incident, keep their own lines: appendices.py)
        follows = line == last + 1 or (line == last + 2 and last == header)
        if cells is None or not (follows or (last > 0 and line > last and len(cells) == width)):
            found.update(_not_yes(rows))
            rows = []
            if cells is None:
                last = header = -9
                continue
            header, width = line, len(cells)  # the first row of a table is its header
            columns = [k for k, cell in enumerate(cells) if _ASKS.search(cell)]
        else:
            answers = [cells[k] for k in columns if k < len(cells)]
            if any(_NO.match(a) for a in answers):
                found.add(at)
            rows.append((at, any(_YES.match(a) for a in answers)))
        last = line
    return found | _not_yes(rows)


def _not_yes(rows: list[tuple[int, bool]]) -> set[int]:
    return {at for at, yes in rows if not yes} if any(yes for _, yes in rows) else set()


# A reviewer's mark on each entry: `✅ the PermissionError [Errno 13] entries`, `❌ \`…\` right
# after each one: follow-on noise`. A cross alone may say a step failed (`❌ Run tests`); beside
# ticks on other items of the list it says no.
_TICKED = re.compile(rf"^\W{{0,3}}?[{TICKS}]")
_CROSSED = re.compile(rf"^\W{{0,3}}?[{CROSSES}]")


def crossed_out(texts: Sequence[str]) -> set[int]:
    """The indices of the items a reviewer crossed among items some of which they ticked."""
    if not any(_TICKED.match(text) for text in texts):
        return set()
    return {at for at, text in enumerate(texts) if _CROSSED.match(text)}
