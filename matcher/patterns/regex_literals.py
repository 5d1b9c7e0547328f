"""Literal text every match of a raw regex symptom contains: what the prefilter looks for."""

from __future__ import annotations

import re

INLINE_FLAGS = re.compile(r"\(\?[a-zA-Z]*\)|\(\?\^")


def required_runs(pattern: str) -> list[str]:
    """Runs of plain characters that every match of ``pattern`` contains: those at the top
    level of a regex without top-level alternation or global flags.

    Conservative: a group, class, escape, anchor or quantifier ends a run, and a run followed
    by a quantifier loses its last character.
    """
    if INLINE_FLAGS.search(pattern):
        return []
    runs: list[str] = []
    current: list[str] = []
    depth = 0
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\" and i + 1 < len(pattern):
            if depth == 0 and not pattern[i + 1].isalnum():
                current.append(pattern[i + 1])
                i += 2
                continue
            runs.append("".join(current))
            current = []
            i = _skip_escape(pattern, i)
            continue
        if ch == "[":
            runs.append("".join(current))
            current = []
            i = _skip_class(pattern, i)
            continue
        if ch == "|" and depth == 0:
            return []
        if ch in "*+?{":
            if current and ch != "+":
                current.pop()
            if ch == "{":  # a repeat count (or fuzzy constraint) is no literal text
                end = pattern.find("}", i)
                i = len(pattern) - 1 if end == -1 else end
        elif depth == 0 and ch not in "().^$|":
            current.append(ch)
            i += 1
            continue
        depth += {"(": 1, ")": -1}.get(ch, 0)
        runs.append("".join(current))
        current = []
        i += 1
    runs.append("".join(current))
    return [run for run in runs if run]


def _skip_escape(pattern: str, i: int) -> int:
    r"""Index after an escape like ``\d``, ``\x41``, ``\N{...}``, ``\p{L}`` or ``\12``:
    everything alphanumeric after it, and a ``{...}`` right after it, is skipped."""
    i += 2
    if i < len(pattern) and pattern[i] == "{":
        end = pattern.find("}", i)
        i = len(pattern) if end == -1 else end + 1
    while i < len(pattern) and pattern[i].isalnum():
        i += 1
    return i


def _skip_class(pattern: str, i: int) -> int:
    """Index after the character class starting at ``pattern[i] == '['``."""
    i += 1
    if i < len(pattern) and pattern[i] == "^":
        i += 1
    if i < len(pattern) and pattern[i] == "]":
        i += 1
    while i < len(pattern) and pattern[i] != "]":
        i += 2 if pattern[i] == "\\" else 1
    return i + 1
