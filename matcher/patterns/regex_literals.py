"""Literal text every match of a raw regex symptom contains: what the prefilter looks for.

The runs are read off the *parsed* pattern (the standard library's parser), never off its
text: ``worker [[:digit:]]: out`` has a POSIX class whose ``]`` a text scan takes for a
literal, and the prefilter would then look for text no match contains (issue #16, item 9).
Symptoms run on the ``regex`` module, whose syntax is a superset of ``re``'s. Where ``re``
cannot parse a pattern, or parses it with a warning that ``regex`` may read it otherwise
(nested sets, set operations), there is no literal: the symptom is tried on every line,
slower but never missed.
"""

from __future__ import annotations

import importlib
import re
import sys
import warnings
from typing import Any

# What re's parser calls its nodes (the names are stable across 3.8 to 3.13).
_CONSTANTS: Any = importlib.import_module(
    "re._constants" if sys.version_info >= (3, 11) else "sre_constants"
)
_PARSER: Any = importlib.import_module("re._parser" if sys.version_info >= (3, 11) else "sre_parse")
LITERAL = _CONSTANTS.LITERAL
SUBPATTERN = _CONSTANTS.SUBPATTERN
REPEATS = (
    _CONSTANTS.MAX_REPEAT,
    _CONSTANTS.MIN_REPEAT,
    *[getattr(_CONSTANTS, n) for n in ("POSSESSIVE_REPEAT",) if hasattr(_CONSTANTS, n)],
)
ATOMIC = getattr(_CONSTANTS, "ATOMIC_GROUP", None)
# Flags under which a parsed literal is not the bytes a line holds.
CASE_FLAGS = re.IGNORECASE
# An unescaped brace that re reads as text may be a fuzzy constraint to regex ({e<=1}).
BRACE = (ord("{"), ord("}"))


def required_runs(pattern: str) -> list[str]:
    """Runs of literal characters that every match of ``pattern`` contains (never empty
    ones); none when the pattern cannot be read the way ``regex`` reads it."""
    parsed = _parse(pattern)
    if parsed is None or parsed.state.flags & CASE_FLAGS:
        return []
    runs: list[str] = []
    current = [""]
    if not _collect(list(parsed), runs, current):
        return []
    _end(runs, current)
    return runs


def _parse(pattern: str) -> Any:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # "possible nested set": regex reads it otherwise
            return _PARSER.parse(pattern)
    except (re.error, Warning, RecursionError, OverflowError, ValueError, TypeError):
        return None


def _collect(items: list[Any], runs: list[str], current: list[str]) -> bool:
    """Append the required runs of a sequence of parsed items to ``runs``; ``current`` holds
    the run being built (continued across plain groups). False: give up on the pattern."""
    for op, arg in items:
        if op is LITERAL:
            if arg in BRACE:
                return False
            current[0] += chr(arg)
        elif op is SUBPATTERN and not _changes_flags(arg):
            if not _collect(list(arg[-1]), runs, current):
                return False
        elif op in REPEATS and arg[0] >= 1:
            _end(runs, current)  # the body once for sure, but not what joins it to the rest
            if not _collect(list(arg[2]), runs, current):
                return False
            _end(runs, current)
        elif op is ATOMIC:
            if not _collect(list(arg), runs, current):
                return False
        else:  # a class, alternation, anchor, lookaround, optional part or backreference
            _end(runs, current)
    return True


def _changes_flags(arg: Any) -> bool:
    """A group with its own flags, ``(?i:…)``: its literals may not be the line's bytes."""
    _group, add_flags, del_flags, _body = arg
    return bool(add_flags or del_flags)


def _end(runs: list[str], current: list[str]) -> None:
    if current[0]:
        runs.append(current[0])
    current[0] = ""
