"""Numbered paragraphs, as a formal report writes its findings (`1.4 A third job failed with
"…"`), and a later paragraph that refers to one by its number and sets it aside (`2.3 The
ZeroDivisionError (1.4) was determined to be an unrelated defect`): that paragraph's log text
is not this incident's. So is a table row that a later paragraph names by its key and sets aside
(a Sentry digest's `| 🔇 | MEDIA-4HJ | PermissionError(1, …) |`, then `MEDIA-4HJ is the
chown fallback …, not the incident error`). docs/incident-log-format.md ("Not this incident")
says the rule."""

from __future__ import annotations

import re
from collections.abc import Sequence, Set

from matcher.incidents.asides import put_aside
from matcher.incidents.markdown import Item
from matcher.incidents.tables import row_cells

_NUMBER = re.compile(r"^\W{0,3}(\d{1,2}(?:\.\d{1,2}){1,3})\.?\s")
# a row's key: a tracker's short id in a cell of its own (`MEDIA-4HJ`, `STOCK-SYNC-2C`)
_KEY_CELL = re.compile(r"\|\s*`?([A-Z][A-Z0-9]+(?:-[A-Z0-9]+)+)`?\s*(?=\|)")
# a result table's row number in its first cell (`| 3 | 12/03/2026 08:16:29 | … |`), as a log
# search shows its hits, and a note that names rows by it (`Row 3: no, …`, `Rows 2 and 4: NOT
# this error`)
_INDEX_CELL = re.compile(r"^\|\s*#?(\d{1,3})\s*\|")
_ROWS = re.compile(
    r"^\W{0,3}(?i:rows?)\s+#?(?P<numbers>\d{1,3}(?:\s*(?:,|and|&|\+|/|-|\u2013)\s*#?\d{1,3})*)"
    r"\b(?P<rest>.*)"
)
# a note that names a row by a number only that row holds and what the table's rows are (`The
# 1045 template is a typo in a staging DSN; unrelated`: Coralogix's Loggregation templates)
_NUMBER_NAMED = re.compile(
    r"(?i)\bthe\s+(\d{3,5})\s+(?:template|row|line|entry|pattern|group|message|error)s?\b"
)
_BARE_NO = re.compile(
    r"(?i)^\W*(?:no|nope|not (?:it|this|the incident)|noise)\b|^\s*[\u274c\u2717\u2718]"
)


def referred_aside(items: Sequence[Item], rows_aside: Set[int] = frozenset()) -> set[int]:
    """The indices of numbered items that another item names by number and sets aside, and of
    a result table's rows whose numbers a note sets aside (``rows_aside``: rows_named_aside)."""
    numbers = {}
    for at, item in enumerate(items):
        found = _NUMBER.match(item.text) if not item.code else None
        if found:
            numbers[found[1]] = at
    aside: set[int] = set()
    keys: dict[str, int] = {}
    for at, item in enumerate(items):
        row = item.text.strip()
        key = _KEY_CELL.search(row) if row.startswith("|") and not item.code else None
        if key:
            keys.setdefault(key[1], at)
    aside.update(_rows_aside(items, rows_aside))
    aside.update(_numbers_aside(items))
    for item in items:
        if item.code:
            continue
        for name, at in keys.items():
            said = not item.text.strip().startswith("|") and re.search(rf"\b{name}\b", item.text)
            if said and put_aside(item.text, name, False):
                aside.add(at)
        for number, at in numbers.items():
            ref = re.search(
                rf"\((?:[^()]*[\s,;])?{re.escape(number)}(?:[\s,;][^()]*)?\)", item.text
            )
            if ref and items[at] is not item and put_aside(item.text, ref[0], False):
                aside.add(at)
    return aside


def _numbers_aside(items: Sequence[Item]) -> set[int]:
    """The rows of a table that a note names by a number only they hold and sets aside."""
    rows = [at for at, i in enumerate(items) if not i.code and i.text.strip().startswith("|")]
    aside: set[int] = set()
    for item in items:
        if item.code or item.text.strip().startswith("|"):
            continue
        for named in _NUMBER_NAMED.finditer(item.text):
            holding = [at for at in rows if re.search(rf"\b{named[1]}\b", items[at].text)]
            if len(holding) == 1 and put_aside(item.text, named[0], False):
                aside.add(holding[0])
    return aside


def _rows_aside(items: Sequence[Item], named: Set[int]) -> set[int]:
    """The rows of a result table whose numbers a note sets aside."""
    rows: dict[int, int] = {}
    for at, item in enumerate(items):
        index = _INDEX_CELL.match(item.text.strip()) if not item.code else None
        if index:
            rows.setdefault(int(index[1]), at)
    rows = rows or _counted_rows(items)
    return {rows[n] for n in named if n in rows}


def rows_named_aside(items: Sequence[Item]) -> set[int]:
    """The numbers of the rows that a note names and sets aside (`Row 3: no, …`, `Rows 2 and 4:
    NOT this error`, `Rows 3-5: noise`)."""
    aside: set[int] = set()
    for item in items:
        note = _ROWS.match(item.text) if not item.code else None
        if note is None:
            continue
        said = note[0][: note.start("rest")]
        if not (_BARE_NO.match(note["rest"]) or put_aside(item.text, said, False)):
            continue
        aside.update(int(n) for n in re.findall(r"\d+", note["numbers"]))
        span = re.search(r"(\d+)\s*[-\u2013]\s*#?(\d+)", note["numbers"])
        if span and int(span[2]) - int(span[1]) < 50:
            aside.update(range(int(span[1]), int(span[2]) + 1))
    return aside


def _counted_rows(items: Sequence[Item]) -> dict[int, int]:
    """The rows of the one table among the items, numbered from 1 after its header, as a note
    counts them when the table has no column of numbers (`row 3 \u274c that's the fallback`)."""
    at_rows = [at for at, i in enumerate(items) if not i.code and row_cells(i.text) is not None]
    if len(at_rows) < 2 or at_rows[-1] - at_rows[0] != len(at_rows) - 1:
        return {}  # (no table, or two: which one a number counts in is not said)
    body = [at for at in at_rows[1:] if not re.fullmatch(r"[|\s:-]+", items[at].text.strip())]
    return {n: at for n, at in enumerate(body, start=1)}
