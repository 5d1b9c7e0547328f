"""Static shapes of a regular expression that make a backtracking engine take exponential or
polynomial time: a quantifier over a quantifier (``(a+)+``, star height > 1, as safe-regex
measures it), alternatives that can match the same text under a quantifier (``(a|ab)*``),
and adjacent quantifiers over the same characters (``.*.*``).

A static check on the parse tree of Python's ``re`` parser, not a timing: it needs no input
and cannot itself hang. A pattern the parser does not take (``regex``-only syntax) is not
judged. Possessive quantifiers and atomic groups do not backtrack and are not reported.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any


def _module(new: str, old: str) -> Any:
    """Python's regex parser: ``re._parser`` since 3.11 (``sre_parse``, deprecated, before)."""
    try:
        return importlib.import_module(new)
    except ImportError:  # Python 3.10
        return importlib.import_module(old)


_parser = _module("re._parser", "sre_parse")
_constants = _module("re._constants", "sre_constants")
MAXREPEAT = _constants.MAXREPEAT
_REPEATS = {_constants.MAX_REPEAT, _constants.MIN_REPEAT}
_SAFE = {getattr(_constants, name) for name in ("POSSESSIVE_REPEAT", "ATOMIC_GROUP")}
_SAFE.discard(None)


@dataclass(frozen=True)
class Shape:
    """A risky shape: ``kind`` is "nested", "overlap" or "adjacent"; ``severe`` marks the one
    that is certain to be exponential (nested unbounded quantifiers); the others are
    heuristics (they may be safe: the parser does not say what follows can tell them apart)."""

    kind: str
    severe: bool
    message: str


def risky_shapes(pattern: str) -> list[Shape]:
    """The risky shapes of ``pattern``, each kind once; [] when the parser does not take it."""
    try:
        tree = _parser.parse(pattern)
    except Exception:  # regex-only syntax, or a pattern the loader already reported
        return []
    found: dict[str, Shape] = {}
    for shape in _walk(list(tree), repeated=False):
        found.setdefault(shape.kind, shape)
    return list(found.values())


def _walk(items: Sequence[tuple[Any, Any]], repeated: bool) -> Iterator[Shape]:
    yield from _adjacent(items)
    for op, av in items:
        if op in _SAFE:
            continue
        if op in _REPEATS:
            _, high, sub = av
            many = high == MAXREPEAT or high > 1
            if many and repeated and high == MAXREPEAT:
                yield Shape(
                    "nested",
                    True,
                    "a quantifier inside a quantified group (like (a+)+): exponential "
                    "backtracking on a line that almost matches",
                )
            if many:
                yield from _overlapping_branches(list(sub))
            yield from _walk(list(sub), repeated or high == MAXREPEAT)
        else:
            for child in _children(op, av):
                yield from _walk(child, repeated)


def _children(op: Any, av: Any) -> list[list[tuple[Any, Any]]]:
    name = str(op)
    if name == "SUBPATTERN":
        return [list(av[3])]
    if name == "BRANCH":
        return [list(b) for b in av[1]]
    if name in ("ASSERT", "ASSERT_NOT"):
        return [list(av[1])]
    if name == "GROUPREF_EXISTS":
        return [list(b) for b in av[1:] if b is not None]
    return []


def _overlapping_branches(items: list[tuple[Any, Any]]) -> Iterator[Shape]:
    """Alternatives under a quantifier whose first characters can be the same."""
    while len(items) == 1 and str(items[0][0]) == "SUBPATTERN":
        items = list(items[0][1][3])
    branches = [list(b) for op, av in items if str(op) == "BRANCH" for b in av[1]]
    if not branches:
        return
    # the parser factors a common prefix out (a|aa -> a(?:|a)): an empty alternative is left
    firsts = [_first(b) if b else ("any", None) for b in branches]
    for i, a in enumerate(firsts):
        for b in firsts[i + 1 :]:
            if _may_overlap(a, b):
                yield Shape(
                    "overlap",
                    False,
                    "alternatives that can match the same text under a quantifier "
                    "(like (a|ab)*): exponential backtracking",
                )
                return


def _first(items: list[tuple[Any, Any]]) -> tuple[str, Any]:
    """What a sequence's first character can be: ("lit", code), ("any", None) or ("class",
    items) for a character class or category; ("any", None) when unsure."""
    for op, av in items:
        name = str(op)
        if name == "LITERAL":
            return ("lit", av)
        if name == "IN":
            return ("class", tuple(av))
        if name == "CATEGORY":
            return ("class", ((op, av),))
        if name in ("SUBPATTERN",):
            return _first(list(av[3]))
        if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") and av[0] > 0:
            return _first(list(av[2]))
        if name in ("AT",):
            continue  # an anchor takes no character
        return ("any", None)
    return ("any", None)


def _may_overlap(a: tuple[str, Any], b: tuple[str, Any]) -> bool:
    """Whether some character (of the first 256 code points) can start both."""
    return any(_accepts(a, ch) and _accepts(b, ch) for ch in _PROBES)


_PROBES = [chr(code) for code in range(256)]
_CATEGORIES: dict[str, Callable[[str], bool]] = {
    "CATEGORY_DIGIT": str.isdigit,
    "CATEGORY_NOT_DIGIT": lambda ch: not ch.isdigit(),
    "CATEGORY_SPACE": str.isspace,
    "CATEGORY_NOT_SPACE": lambda ch: not ch.isspace(),
    "CATEGORY_WORD": lambda ch: ch.isalnum() or ch == "_",
    "CATEGORY_NOT_WORD": lambda ch: not (ch.isalnum() or ch == "_"),
}


def _accepts(first: tuple[str, Any], ch: str) -> bool:
    kind, value = first
    if kind == "lit":
        return bool(value == ord(ch))
    if kind == "any":
        return True
    negate = False
    hit = False
    for op, av in value:
        name = str(op)
        if name == "NEGATE":
            negate = True
        elif name == "LITERAL":
            hit = hit or av == ord(ch)
        elif name == "RANGE":
            hit = hit or av[0] <= ord(ch) <= av[1]
        elif name == "CATEGORY":
            test = _CATEGORIES.get(str(av))
            hit = hit or test is None or test(ch)
        else:
            return True  # something this check does not model: assume it may
    return hit != negate


def _adjacent(items: Sequence[tuple[Any, Any]]) -> Iterator[Shape]:
    """Two unbounded quantifiers in a row over characters they share (``.*.*``, ``\\s+\\s*``):
    polynomial backtracking."""
    previous: tuple[str, Any] | None = None
    for op, av in items:
        if op in _REPEATS and av[1] == MAXREPEAT:
            current = _first(list(av[2]))
            if previous is not None and _may_overlap(previous, current):
                yield Shape(
                    "adjacent",
                    False,
                    "two unbounded quantifiers in a row over the same characters (like "
                    ".*.*): polynomial backtracking on a long line",
                )
                return
            previous = current
        else:
            previous = None
