"""Exact matching without a regex engine for patterns that are chains of literals and ``.+?``
gaps, the form ``symptom_to_regex`` writes and that most ``regex:`` symptoms take (a single
``.`` may stand for a placeholder at either end of the pattern).

Compiling a pattern with the ``regex`` module costs about half a millisecond, which is most of
the start-up cost of a thousand such symptoms; ``str.find`` needs no compiling. Placing each
literal at its earliest possible position gives the same match, span included, as a
backtracking engine's leftmost, lazy search: an earlier end only loosens what follows, so if
any match exists the earliest placements form one, and that is the one the lazy search tries
first (see ``tests/test_literal_chain.py``, which checks this against ``regex``).
"""

from __future__ import annotations

from typing import Any, NamedTuple

_SPECIAL = set("\\.^$|?*+()[]{}")


class ChainMatch(NamedTuple):
    start: int
    end: int

    def span(self) -> tuple[int, int]:
        return (self.start, self.end)

    def group(self, name: str | int = 0) -> str | None:
        return None  # a chain has no groups


class LiteralChain(NamedTuple):
    """``lead`` characters, then each literal with ``gaps[i]`` characters before it (``>= 1``
    after the first), then ``tail`` characters; no gap crosses a newline. ``lead_exact``: the
    lead is single ``.`` only, so the match starts ``lead`` characters before the first literal
    (a lazy ``.+?`` lead lets it start at the beginning of the text)."""

    lead: int
    literals: tuple[str, ...]
    gaps: tuple[int, ...]
    tail: int
    lead_exact: bool = False

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
        # A ``.+?`` lead lets the match start at 0; single dots put it ``lead`` before.
        start = first - self.lead if self.lead_exact else (0 if self.lead else first)
        return ChainMatch(start, end + self.tail)


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
    literal characters, ``.+?`` gaps and single ``.`` at either end."""
    pieces: list[str | list[int]] = []  # a literal run, or a gap: [length, lazy parts in it]
    i, literal = 0, []
    while i < len(pattern):
        ch = pattern[i]
        lazy = pattern.startswith(".+?", i)
        if ch == "\\":
            if i + 1 >= len(pattern) or pattern[i + 1].isalnum() or pattern[i + 1] == "_":
                return None  # \d, \b, \n …: a class, an assertion or an escape code
            literal.append(pattern[i + 1])
            i += 2
        elif lazy or (ch == "." and pattern[i + 1 : i + 2] not in ("+", "*", "?", "{")):
            if literal:
                pieces.append("".join(literal))
                literal = []
            gap = pieces[-1] if pieces and not isinstance(pieces[-1], str) else None
            if gap is None:
                gap = [0, 0]
                pieces.append(gap)
            gap[0] += 1
            gap[1] += lazy
            i += 3 if lazy else 1
        elif ch in _SPECIAL:
            return None
        else:
            literal.append(ch)
            i += 1
    if literal:
        pieces.append("".join(literal))
    return _chain(pieces)


def _chain(pieces: list[str | list[int]]) -> LiteralChain | None:
    lead = pieces.pop(0) if pieces and not isinstance(pieces[0], str) else [0, 0]
    tail = pieces.pop() if pieces and not isinstance(pieces[-1], str) else [0, 0]
    literals = tuple(p for p in pieces if isinstance(p, str))
    gaps = [p for p in pieces if not isinstance(p, str)]
    if not literals or len(gaps) != len(literals) - 1:
        return None
    if any(not lazy for _, lazy in gaps):
        return None  # an exact gap inside: finding each literal early no longer suffices
    assert not isinstance(lead, str) and not isinstance(tail, str)
    # A lazy tail, like a ``.`` one, takes exactly its least length.
    return LiteralChain(
        lead[0], literals, tuple(n for n, _ in gaps), tail[0], lead[0] > 0 and not lead[1]
    )
