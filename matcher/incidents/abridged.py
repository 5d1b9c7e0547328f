"""A symptom the author abridged in the Symptoms section (`bind() failed (98: Address already
in use), five retries`) and quoted whole elsewhere in the incident, a timeline's note or a
responder's comment (`nginx: [emerg] bind() to 0.0.0.0:443 failed (98: Address already in
use)`): the whole quote is the symptom. docs/incident-log-format.md ("Abridged symptoms") says
the rule."""

from __future__ import annotations

import re
from collections.abc import Sequence

from matcher.incidents.symptom_items import SymptomSource

# A word, a number or one mark: the units a summary keeps or leaves out.
_TOKEN = re.compile(r"\w+|[^\w\s]")
# Where a summary's own words may follow the quoted message: `…in use), five retries`.
_CLAUSE = frozenset(",;")
# What a summary must keep of the message it abridges: enough words to tell it by.
_MIN_WORDS = 4


def _tokens(text: str) -> list[str]:
    return [t.casefold() for t in _TOKEN.findall(text)]


def _same(a: str, b: str) -> bool:
    # (numbers quoted from memory: `(98: …)` and `(99: …)` are the same slot)
    return a == b or (any(c.isdigit() for c in a) and any(c.isdigit() for c in b))


def _gaps(short: Sequence[str], whole: Sequence[str]) -> int | None:
    """How many runs of the whole's tokens the short one leaves out, the first token matched
    at the earliest place, or None when the short one is no subsequence of the whole."""
    at, gaps, last = 0, 0, -1
    for token in short:
        while at < len(whole) and not _same(token, whole[at]):
            at += 1
        if at == len(whole):
            return None
        gaps += last >= 0 and at > last + 1
        last, at = at, at + 1
    return gaps


def _abridges(quote: str, whole: str) -> bool:
    """Whether `quote` is `whole` with words left out, perhaps followed by a clause of the
    summary's own (`, five retries`)."""
    short, tokens = _tokens(quote), _tokens(whole)
    cuts = [len(short)] + [k for k in range(len(short) - 1, 0, -1) if short[k] in _CLAUSE]
    for cut in cuts:
        kept = short[:cut]
        if sum(t[0].isalpha() for t in kept) < _MIN_WORDS or 3 * cut < 2 * len(short):
            return False
        gaps = _gaps(kept, tokens)
        if gaps is not None:
            return gaps > 0 or cut < len(short)
    return False


def unabridged(
    sources: Sequence[SymptomSource], elsewhere: Sequence[SymptomSource]
) -> tuple[SymptomSource, ...]:
    """The symptom sources, each abridged one taking the symptom of the one whole quote of it
    that the incident's other sections hold (two different wholes: the author's text stands)."""
    out = []
    for source in sources:
        wholes = {w.symptom for w in elsewhere if _abridges(source.quote, w.quote)}
        if len(wholes) == 1:
            (symptom,) = wholes
            source = SymptomSource(source.location, source.quote, symptom)
        out.append(source)
    return tuple(out)
