"""Log texts of another error in an item that dismisses something in another sentence
(`We saw "… 1205 …". The deadlock "… 1213 …" was a red herring.`): the log text whose error
another number or class names than every symptom of the other items is what the dismissal is
about. docs/incident-log-format.md ("Not this incident") says the rule."""

from __future__ import annotations

import re

from matcher.incidents.backrefs import LATER, NEG, SEEN
from matcher.incidents.dismissal import clauses
from matcher.incidents.marks import MARK
from matcher.incidents.verdicts import VERDICT

# What names an error: a number that names it (`[Errno 30]`, MySQL's `1213`, an errno name),
# else its class.
_NUMBERED = re.compile(
    r"\[Errno (-?\d+)\]|\b(?:ERROR|error) (\d{4})\b|\((\d{4}),|\b(\d{4}) \((?:[0-9A-Z]{5})\)"
    r"|\b(E[A-Z]{3,11})\b|\(errno[ =:]*(-?\d+)\)"
)
_CLASS = re.compile(r"(?<![\w])(?:[A-Za-z_]\w*\.)*([A-Z]\w*(?:Error|Exception|Timeout|Fault))\b")
# A dismissal in a sentence: a verdict, a negated verb of seeing, a kind of error denied, or
# a clause of a verdict alone (`Checked the deadlock theory — nothing there.`)
_DISMISSED = re.compile(
    rf"(?i)\b(?:{VERDICT})\b|{NEG}(?:\s+\w+){{0,3}}?\s+{SEEN}\b"
    r"|\b(?:was|is|were|are|it's)(?:\s+not|n't)\s+(?:an?|the)\s+\w+"
)
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z(\"'`\u201c])")


def error_names(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """The numbers that name the error of a log text, and its classes."""
    numbers = frozenset(n for m in _NUMBERED.finditer(text) for n in m.groups() if n)
    return numbers, frozenset(_CLASS.findall(text))


def _dismissed_elsewhere(item: str, text: str) -> bool:
    """Whether another sentence of the item than the log text's dismisses something (the log
    text's own sentence is read by `set_aside`)."""
    marked = item.replace(text, MARK, 1)
    return any(
        _DISMISSED.search(sentence) or any(LATER.search(c.strip()) for c in clauses(sentence))
        for sentence in _SENTENCE.split(marked)
        if MARK not in sentence
    )


def strangers(items: list[tuple[str, list[str]]]) -> set[tuple[int, str]]:
    """The log texts (item index, text) in an item that dismisses something in another
    sentence, and that name another error than every symptom of the other items: another
    number (`1213` where the others say `1205`), or, without numbers, another class."""
    found: set[tuple[int, str]] = set()
    for at, (item, texts) in enumerate(items):
        others = [error_names(t) for i, (_, ts) in enumerate(items) if i != at for t in ts]
        numbers = frozenset().union(*(n for n, _ in others))
        classes = frozenset().union(*(c for _, c in others))
        for text in texts:
            own_numbers, own_classes = error_names(text)
            if own_numbers and numbers:
                other = not own_numbers & numbers
            else:
                other = bool(own_classes and classes and not own_classes & classes)
            if other and _dismissed_elsewhere(item, text):
                found.add((at, text))
    return found
