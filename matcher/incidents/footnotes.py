"""Footnotes: a symptom that points at one (`… too many connections open.[^101a]`) holds its
text (`[^101a]: Application log: checkout failed: 1040 (08004): …`), wherever in the file the
note is defined, as a report that keeps the technical lines out of its main text writes them.
docs/incident-log-format.md ("Accepted variants") says the rule."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from matcher.incidents.markdown import FOOTNOTE, Item, Kind, Line
from matcher.model import SourceLocation

_REFERENCE = re.compile(r"\[\^([\w-]+)\]")


def footnotes(lines: Sequence[Line], path: str) -> dict[str, Item]:
    """The file's footnotes by name, each as an item of its text."""
    notes: dict[str, Item] = {}
    for line in lines:
        note = FOOTNOTE.match(line.text) if line.kind is Kind.TEXT else None
        if note and note[2].strip():
            notes.setdefault(note[1], Item(note[2].strip(), SourceLocation(path, line.number, 1)))
    return notes


def with_footnotes(items: Sequence[Item], notes: dict[str, Item]) -> list[Item]:
    """The items with their references taken out, each followed by the notes it points at."""
    found: list[Item] = []
    for item in items:
        names = _REFERENCE.findall(item.text)
        if not names:
            found.append(item)
            continue
        found.append(replace(item, text=_REFERENCE.sub("", item.text)))
        found.extend(notes[name] for name in dict.fromkeys(names) if name in notes)
    return found
