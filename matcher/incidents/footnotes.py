"""Footnotes: a symptom that points at one (`… too many connections open.[^101a]`) holds its
text (`[^101a]: Application log: checkout failed: 1040 (08004): …`), wherever in the file the
note is defined, as a report that keeps the technical lines out of its main text writes them.
docs/incident-log-format.md ("Accepted variants") says the rule."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from matcher.incidents.markdown import Item, Kind, Line
from matcher.incidents.sections import FOOTNOTE
from matcher.model import SourceLocation

_REFERENCE = re.compile(r"\[\^([\w-]+)\]")


def footnotes(lines: Sequence[Line], path: str) -> dict[str, list[Item]]:
    """The file's footnotes by name, each as an item of its text, and of the code block
    indented under it, if any (`[^115-1]: From the job log:` then a fenced block)."""
    notes: dict[str, list[Item]] = {}
    for at, line in enumerate(lines):
        note = FOOTNOTE.match(line.text) if line.kind is Kind.TEXT else None
        if not note or note[1] in notes:
            continue
        location = SourceLocation(path, line.number, 1)
        items = [Item(note[2].strip(), location)] if note[2].strip() else []
        code = _code_under(lines[at + 1 :])
        items += [Item("", location, code=code)] if code else []
        if items:
            notes[note[1]] = items
    return notes


def _code_under(lines: Sequence[Line]) -> tuple[str, ...]:
    """The lines of the code block right under a footnote, indented as its text."""
    code: list[str] = []
    for line in lines:
        if line.kind is Kind.BLANK:
            continue
        if line.kind is not Kind.CODE:
            break
        if line.fenced:
            code.append(line.text)
        elif not re.match(r"^\s*(?:`{3,}|~{3,})", line.text):  # (the fence itself is skipped)
            if not line.text.startswith("    "):
                break
            code.append(line.text[4:])
    return tuple(code)


def with_footnotes(items: Sequence[Item], notes: dict[str, list[Item]]) -> list[Item]:
    """The items with their references taken out, each followed by the notes it points at."""
    found: list[Item] = []
    for item in items:
        names = _REFERENCE.findall(item.text)
        if not names:
            found.append(item)
            continue
        found.append(replace(item, text=_REFERENCE.sub("", item.text)))
        found.extend(n for name in dict.fromkeys(names) if name in notes for n in notes[name])
    return found
