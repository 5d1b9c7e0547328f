"""Exact matching without a regex engine for patterns that are chains of literals and ``.+?``
gaps, the form ``symptom_to_regex`` writes and that most ``regex:`` symptoms take.

Compiling a pattern with the ``regex`` module costs about half a millisecond, which is most of
the start-up cost of a thousand such symptoms; ``str.find`` needs no compiling. Placing each
literal at its earliest possible position gives the same match, span included, as a
backtracking engine's leftmost, lazy search: an earlier end only loosens what follows, so if
any match exists the earliest placements form one, and that is the one the lazy search tries
first (see ``tests/test_literal_chain.py``, which checks this against ``regex``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

_SPECIAL = set("\\.^$|?*+()[]{}")


@dataclass(frozen=True)
class ChainMatch:
    start: int
    end: int

    def span(self) -> tuple[int, int]:
        return (self.start, self.end)

    def group(self, name: str | int = 0) -> str | None:
        return None  # a chain has no groups


@dataclass(frozen=True)
class LiteralChain:
    """``lead`` characters, then each literal with ``gaps[i]`` characters before it (``>= 1``
    after the first), then ``tail`` characters; no gap crosses a newline."""

    lead: int
    literals: tuple[str, ...]
    gaps: tuple[int, ...]
    tail: int

    def search(self, text: str) -> ChainMatch | None:
        """The match in a text without newlines (lines are; a decoded JSON string may not be)."""
        first = text.find(self.literals[0], self.lead)
        if first < 0:
            return None
        end = first + len(self.literals[0])
        for literal, gap in zip(self.literals[1:], self.gaps, strict=True):
            found = text.find(literal, end + gap)
            if found < 0:
                return None
            end = found + len(literal)
        if len(text) - end < self.tail:
            return None
        return ChainMatch(0 if self.lead else first, end + self.tail)


class ChainMatcher:
    """Searches like the compiled ``pattern`` would, with ``str.find`` where it can; the
    pattern is compiled only for a text holding a newline."""

    def __init__(self, pattern: str, chain: LiteralChain) -> None:
        self.pattern = pattern
        self.chain = chain
        self._compiled: Any = None

    def search(self, text: str, timeout: float | None = None) -> Any:
        if "\n" not in text:
            return self.chain.search(text)
        if self._compiled is None:
            import regex

            self._compiled = regex.compile(self.pattern)
        return self._compiled.search(text, timeout=timeout)


def parse_chain(pattern: str) -> LiteralChain | None:
    """The chain a pattern stands for, or None if it uses anything but escaped or plain
    literal characters and ``.+?`` gaps."""
    pieces: list[str | int] = []  # a literal run, or a gap's length
    i, literal = 0, []
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            if i + 1 >= len(pattern) or pattern[i + 1].isalnum() or pattern[i + 1] == "_":
                return None  # \d, \b, \n …: a class, an assertion or an escape code
            literal.append(pattern[i + 1])
            i += 2
        elif pattern.startswith(".+?", i):
            if literal:
                pieces.append("".join(literal))
                literal = []
            if pieces and isinstance(pieces[-1], int):
                pieces[-1] += 1
            else:
                pieces.append(1)
            i += 3
        elif ch in _SPECIAL:
            return None
        else:
            literal.append(ch)
            i += 1
    if literal:
        pieces.append("".join(literal))
    return _chain(pieces)


def _chain(pieces: list[str | int]) -> LiteralChain | None:
    lead = pieces.pop(0) if pieces and isinstance(pieces[0], int) else 0
    tail = pieces.pop() if pieces and isinstance(pieces[-1], int) else 0
    literals = tuple(p for p in pieces if isinstance(p, str))
    gaps = tuple(p for p in pieces if isinstance(p, int))
    if not literals or len(gaps) != len(literals) - 1:
        return None
    assert isinstance(lead, int) and isinstance(tail, int)
    return LiteralChain(lead, literals, gaps, tail)
