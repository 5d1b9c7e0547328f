"""A literal chain (literals, ``.+?`` gaps, single ``.`` at the ends) is matched with
``str.find``; it must find what the ``regex`` module finds, span included, on any text."""

from __future__ import annotations

import re

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from matcher.patterns.literal_chain import ChainMatcher, parse_chain

ALPHABET = "ab.x( \r\n\u2028\x85é"
literal = st.text(alphabet="abx.( é", min_size=1, max_size=3)
GAPS = (".+?", ".")
piece = st.one_of(literal, st.sampled_from(GAPS))


def to_pattern(pieces: list[str]) -> str:
    return "".join(p if p in GAPS else re.escape(p) for p in pieces)


def has_exact_inner_gap(pieces: list[str]) -> bool:
    """A run of gaps between two literals made of single ``.`` only (not a chain)."""
    runs: list[list[str]] = [[]]
    for p in pieces:
        if p in GAPS:
            runs[-1].append(p)
        elif runs[-1]:
            runs.append([])
    inner = [r for r in runs if r]
    if pieces and pieces[0] in GAPS:
        inner = inner[1:]
    if pieces and pieces[-1] in GAPS:
        inner = inner[:-1]
    return any(".+?" not in run for run in inner)


@settings(max_examples=600, deadline=None)
@given(st.lists(piece, min_size=1, max_size=6), st.text(alphabet=ALPHABET, max_size=30))
def test_the_chain_finds_what_regex_finds(pieces: list[str], text: str) -> None:
    pattern = to_pattern(pieces)
    chain = parse_chain(pattern)
    if chain is None:  # only gaps, or an exact gap between literals: not a chain
        assert all(p in GAPS for p in pieces) or has_exact_inner_gap(pieces), pattern
        return
    expected = regex.compile(pattern).search(text)
    found = ChainMatcher(pattern, chain).search(text)
    assert (found is None) == (expected is None), (pattern, text)
    if expected is not None:
        assert found.span() == expected.span(), (pattern, text)


@pytest.mark.parametrize(
    "pattern",
    [
        *(r"a\d", r"a\b", "a|b", "a*", "(a)", "[ab]", "a{2}", "^a", "a$", "(?i)a", r"a\_"),
        *("a.b", "a..b", ".+", "a.+", ".*a", "a.?", "a.{2}"),
    ],
)
def test_anything_else_is_left_to_the_regex_engine(pattern: str) -> None:
    assert parse_chain(pattern) is None


def test_the_benchmark_form_is_a_chain() -> None:
    chain = parse_chain(r"Out of memory: Killed process .+? \(.+?\) total-vm:.+?kB")
    assert chain is not None
    assert chain.literals == ("Out of memory: Killed process ", " (", ") total-vm:", "kB")
    line = "kernel: Out of memory: Killed process 42 (java) total-vm:1024kB, anon-rss:0kB"
    match = chain.search(line)
    assert match is not None and line[match.start : match.end].endswith("total-vm:1024kB")


def test_a_placeholder_at_either_end_written_as_one_dot_is_a_chain() -> None:
    # gen_corpus.symptom_to_regex(edge=".") writes these; 179 of the 1000 benchmark symptoms.
    chain = parse_chain(r".: Main process exited, code=exited, status=.+?/FAILURE .")
    assert chain is not None and chain.lead_exact and chain.tail == 1
    line = "app.service: Main process exited, code=exited, status=1/FAILURE now"
    match = chain.search(line)
    expected = regex.search(r".: Main process exited, code=exited, status=.+?/FAILURE .", line)
    assert match is not None and expected is not None and match.span() == expected.span()
