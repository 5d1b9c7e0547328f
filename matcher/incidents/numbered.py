"""Numbered paragraphs, as a formal report writes its findings (`1.4 A third job failed with
"…"`), and a later paragraph that refers to one by its number and sets it aside (`2.3 The
ZeroDivisionError (1.4) was determined to be an unrelated defect`): that paragraph's log text
is not this incident's. docs/incident-log-format.md ("Not this incident") says the rule."""

from __future__ import annotations

import re
from collections.abc import Sequence

from matcher.incidents.asides import put_aside
from matcher.incidents.markdown import Item

_NUMBER = re.compile(r"^\W{0,3}(\d{1,2}(?:\.\d{1,2}){1,3})\.?\s")


def referred_aside(items: Sequence[Item]) -> set[int]:
    """The indices of numbered items that another item names by number and sets aside."""
    numbers = {}
    for at, item in enumerate(items):
        found = _NUMBER.match(item.text) if not item.code else None
        if found:
            numbers[found[1]] = at
    aside: set[int] = set()
    for item in items:
        if item.code:
            continue
        for number, at in numbers.items():
            ref = re.search(
                rf"\((?:[^()]*[\s,;])?{re.escape(number)}(?:[\s,;][^()]*)?\)", item.text
            )
            if ref and items[at] is not item and put_aside(item.text, ref[0], False):
                aside.add(at)
    return aside
