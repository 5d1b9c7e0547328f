"""Labels close to a known one (`**Symtoms:**`, `**Symptomer:**`): a typo in a block written in
English, where the author meant the known label and must fix it; a word of a language close to
one we know in a block written in another language (Danish `Alvorlighed` beside Norwegian
`Alvorlighetsgrad`, Catalan `Símptomes` beside Spanish `Síntomas`), which is read as that label
with a warning."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from matcher.errors import Problem
from matcher.incidents.labels import LABELS, misspelt_label
from matcher.incidents.markdown import Block, Kind, Line
from matcher.incidents.prose_language import in_another_language
from matcher.incidents.sections import read_block


def misspelt(block: Block) -> list[Problem]:
    """A label close to a known one (`**Symtoms:**`) is a typo, not another section."""
    found: list[Problem] = []
    for location, written in zip(block.unknown_labels, block.unknown_names, strict=True):
        close = misspelt_label(written)
        if close:
            message = f"unknown label {written!r}: did you mean {close.title()!r}?"
            found.append(Problem(location, "label", message))
    return found


def read_as_close(lines: Sequence[Line], block: Block, path: str) -> tuple[Block, list[Problem]]:
    """The block read again with each label close to a known one read as that one, and a
    warning for each, when its prose is not English; else the block as it was read."""
    close = {
        location.line: (location, written, found)
        for location, written in zip(block.unknown_labels, block.unknown_names, strict=True)
        if (found := misspelt_label(written))
    }
    if not close or not in_another_language(lines):
        return block, []
    read = [
        replace(line, label=LABELS[close[line.number][2]])
        if line.kind is Kind.LABEL and line.number in close
        else line
        for line in lines
    ]
    warnings = [
        Problem(at, "label", f"unknown label {written!r} read as {found.title()!r}")
        for at, written, found in close.values()
    ]
    return read_block(read, path), warnings


# An e-mail's head (`**From:** … **Subject:** …`) above the incidents it tells of, or a
# document's (`**Doc owner:** … **Template:** …`), is a preamble, no incident with misspelt labels.
_DOCUMENTS_HEAD = {
    *("from", "to", "cc", "bcc", "subject", "sent", "date", "reply-to"),
    *("doc owner", "document owner", "author", "authors", "editor", "editors", "reviewers"),
    *("reviewed by", "approvers", "approved by", "status", "template", "version"),
    *("last updated", "last reviewed", "audience"),
    *("review meeting", "review date", "shared with"),  # (a shared document's: Quip, Docs)
}


def a_documents_head(names: Sequence[str], values: Sequence[str] = ()) -> bool:
    """Whether labels none of which is known are all an e-mail's or a document's head, or a
    tracker page's counters whose values are its formulas (a Coda or spreadsheet doc exported:
    `Open incidents:` then `=Incidents.Filter(…).Count()` in code)."""
    if values and all(_FORMULA.match(value) for value in values):
        return True
    return all(name.strip().lower() in _DOCUMENTS_HEAD for name in names)


_FORMULA = re.compile(r"^\s*`?=\s*[A-Za-z_(]")
