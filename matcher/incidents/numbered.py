"""Numbered paragraphs, as a formal report writes its findings (`1.4 A third job failed with
"…"`), and a later paragraph that refers to one by its number and sets it aside (`2.3 The
ZeroDivisionError (1.4) was determined to be an unrelated defect`): that paragraph's log text
is not this incident's. So is a table row that a later paragraph names by its key and sets aside
(a Sentry digest's `| 🔇 | MEDIA-4HJ | PermissionError(1, …) |`, then `MEDIA-4HJ is the
chown fallback …, not the incident error`). docs/incident-log-format.md ("Not this incident")
says the rule."""

from __future__ import annotations

import re
from collections.abc import Sequence

from matcher.incidents.asides import put_aside
from matcher.incidents.markdown import Item

_NUMBER = re.compile(r"^\W{0,3}(\d{1,2}(?:\.\d{1,2}){1,3})\.?\s")
# a row's key: a tracker's short id in a cell of its own (`MEDIA-4HJ`, `STOCK-SYNC-2C`)
_KEY_CELL = re.compile(r"\|\s*`?([A-Z][A-Z0-9]+(?:-[A-Z0-9]+)+)`?\s*(?=\|)")


def referred_aside(items: Sequence[Item]) -> set[int]:
    """The indices of numbered items that another item names by number and sets aside."""
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
