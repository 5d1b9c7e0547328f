"""The layer rule of docs/symptoms.md on the mining side: one failure reaches the logs through
several layers (``sqlalchemy.exc.IntegrityError: (psycopg2.errors.UniqueViolation) duplicate
key …``, ``psycopg2.errors.UniqueViolation: duplicate key …``, the server's ``ERROR:
duplicate key …``), so lines are grouped on the message without its exception class when the
message is distinctive, and the class is written back only where the symptom stays true for
every line of the group."""

from __future__ import annotations

import re

from matcher.authoring.masking import PLACEHOLDER
from matcher.patterns.common import is_common_message

# The classes the layer rule knows (docs/symptoms.md, "The layer rule"), any module path, and a
# wrapped driver class in parentheses after it or alone at the start of a message.
_HEAD = re.compile(
    r"(?:(?:[A-Za-z_][\w$]*\.)*"
    r"(?P<cls>[A-Z][\w$]*(?:Error|Exception|Violation|Warning|Failure|Fault|Exit|Interrupt))"
    r":\s+)?(?:\((?:[\w$]+\.)*(?P<driver>[A-Za-z_][\w$]*)\)\s+)?"
)
# As in the symptom compiler: a message this distinctive makes the class optional.
MIN_MESSAGE_CHARS = 16
MIN_MESSAGE_WORDS = 2
_WHITESPACE = re.compile(r"\s+")


def split_exception(message: str) -> tuple[str | None, str]:
    """``(class, rest)``: the short exception class in front of a message (or the wrapped
    driver class alone in front) and the message after it; ``(None, message)`` if none."""
    m = _HEAD.match(message)
    if m is None or m.end() == 0 or m.end() == len(message):
        return None, message
    cls = m.group("cls") or m.group("driver")
    if m.group("cls") is None and not _HEAD_CLASS.fullmatch(cls):
        return None, message  # "(see below) …": not a driver class
    return cls, message[m.end() :]


_HEAD_CLASS = re.compile(r"[A-Z][\w$]*(?:Error|Exception|Violation|Warning|Failure|Fault)")


def is_distinctive(template: str) -> bool:
    """Whether a message template identifies a failure without its class: at least 16
    literal characters in at least 2 literal runs, as the symptom compiler counts them, and
    not a message every stack prints (patterns/common.py)."""
    runs = [r for t in _WHITESPACE.split(template) for r in PLACEHOLDER.split(t) if r]
    if is_common_message(template):  # an OS error's text: every stack prints it
        return False
    return sum(map(len, runs)) >= MIN_MESSAGE_CHARS and len(runs) >= MIN_MESSAGE_WORDS
