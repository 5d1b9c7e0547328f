"""Symptoms behind colour codes: a logger that colours parts of its message (rich highlights
numbers and quoted strings, coloredlogs the level) writes escape sequences *inside* the text a
symptom quotes, where the prefilter, reading raw bytes, cannot see it. A block with an escape
byte is searched once more with the sequences taken off; the scanner then confirms a symptom on
the line with its sequences taken off too (``Evaluator.search``)."""

from __future__ import annotations

from itertools import accumulate

from matcher.patterns.ruleset import Ruleset
from matcher.text import ANSI_BYTES
from matcher.text import ESC as ESC  # the scanners take it from here with ansi_candidates


def ansi_candidates(
    ruleset: Ruleset, block: bytes | memoryview, markers: bool = False
) -> list[tuple[int, int]]:
    """(symptom index, offset of its line's start in ``block``) of the candidates found in
    ``block`` (complete lines) with its escape sequences taken off; [] without any."""
    data = bytes(block)
    cleaned = ANSI_BYTES.sub(b"", data)
    if len(cleaned) == len(data):
        return []
    hits = ruleset.candidates(cleaned, markers=markers)
    if not hits:
        return []
    # Sequences never hold a newline: line k of the cleaned block is line k of the block.
    clean_starts = [0, *accumulate(len(line) + 1 for line in cleaned.split(b"\n"))]
    starts = [0, *accumulate(len(line) + 1 for line in data.split(b"\n"))]
    from bisect import bisect_right

    return [(symptom, starts[bisect_right(clean_starts, pos) - 1]) for symptom, pos in hits]
