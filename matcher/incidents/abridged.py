"""A symptom the author abridged in the Symptoms section (`bind() failed (98: Address already
in use), five retries`) and quoted whole elsewhere in the incident, a timeline's note or a
responder's comment (`nginx: [emerg] bind() to 0.0.0.0:443 failed (98: Address already in
use)`): the whole quote is the symptom. docs/incident-log-format.md ("Abridged symptoms") says
the rule."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from matcher.incidents.markdown import Block
from matcher.incidents.symptom_items import SymptomSource, read_symptoms

# A word, a number or one mark: the units a summary keeps or leaves out.
_TOKEN = re.compile(r"\w+|[^\w\s]")
# Where a summary's own words may follow the quoted message: `…in use), five retries`.
_CLAUSE = frozenset(",;")
# What a summary must keep of the message it abridges: enough words to tell it by.
_MIN_WORDS = 4


# A capital letter alone that stands for a number in a message written as a template
# (`Process N waits for ShareLock on transaction T; blocked by process M`)
_PLACEHOLDER = re.compile(r"(?<![\w.'])[A-Z](?![\w'])")


def _tokens(text: str) -> list[str]:
    return [t.casefold() for t in _TOKEN.findall(text)]


def _same(a: str, b: str) -> bool:
    # (numbers quoted from memory: `(98: …)` and `(99: …)` are the same slot)
    return a == b or (any(c.isdigit() for c in a) and any(c.isdigit() for c in b))


def _templated(quote: str, whole: str) -> bool:
    """Whether `quote` is `whole` written as a template, two letters or more standing for its
    numbers and the rest word for word from the whole's start (`Process N waits … process M`)."""
    if len(_PLACEHOLDER.findall(quote)) < 2:
        return False
    short, tokens = _tokens(_PLACEHOLDER.sub("0", quote)), _tokens(whole)
    return len(short) == len(tokens) and all(map(_same, short, tokens))


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
    sources: Sequence[SymptomSource], elsewhere: Sequence[SymptomSource], block: Block
) -> tuple[SymptomSource, ...]:
    """The symptom sources, each abridged one taking the symptom of the one whole quote of it
    that the incident's other sections hold (two different wholes: the author's text stands);
    one written as a template, of the one line of the incident's pasted logs it stands for."""
    told = [*block.sections.get("told", []), *block.sections.get("stray", [])]
    pasted = [i for i in told if i.code and not i.text.strip()]
    items = sorted([*block.sections.get("prose", []), *pasted], key=lambda i: i.location.line)
    lines: Sequence[SymptomSource] = ()
    if pasted and any(_PLACEHOLDER.search(s.quote) for s in sources):
        lines = read_symptoms(replace(block, sections={"symptoms": items}), [])[2]
    out = []
    for source in sources:
        wholes = {w.symptom for w in elsewhere if _abridges(source.quote, w.quote)}
        wholes = wholes or {w.symptom for w in lines if _templated(source.quote, w.quote)}
        if len(wholes) == 1:
            (symptom,) = wholes
            source = SymptomSource(source.location, source.quote, symptom)
        out.append(source)
    return tuple(out)
