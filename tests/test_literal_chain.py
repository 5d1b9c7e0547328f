"""A literal chain (literals and ``.+?`` gaps) is matched with ``str.find``; it must find what
the ``regex`` module finds, span included, on any text."""

from __future__ import annotations

import re

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from matcher.literal_chain import ChainMatcher, parse_chain

ALPHABET = "ab.x( \r\n\u2028\x85é"
literal = st.text(alphabet="abx.( é", min_size=1, max_size=3)
piece = st.one_of(literal, st.just(".+?"))


def to_pattern(pieces: list[str]) -> str:
    return "".join(p if p == ".+?" else re.escape(p) for p in pieces)


@settings(max_examples=600, deadline=None)
@given(st.lists(piece, min_size=1, max_size=6), st.text(alphabet=ALPHABET, max_size=30))
def test_the_chain_finds_what_regex_finds(pieces: list[str], text: str) -> None:
    pattern = to_pattern(pieces)
    chain = parse_chain(pattern)
    if chain is None:  # only gaps: not a chain
        assert all(p == ".+?" for p in pieces)
        return
    expected = regex.compile(pattern).search(text)
    found = ChainMatcher(pattern, chain).search(text)
    assert (found is None) == (expected is None), (pattern, text)
    if expected is not None:
        assert found.span() == expected.span(), (pattern, text)


@pytest.mark.parametrize(
    "pattern",
    [r"a\d", r"a\b", "a|b", "a*", "(a)", "[ab]", "a{2}", "^a", "a$", "(?i)a", "a.b", ".+", r"a\_"],
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
