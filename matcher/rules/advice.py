"""Warnings about symptoms that load fine but will not do what their author meant (issue
#16, weaker spots): one that matches ordinary log lines (``ERROR``, ``e``, ``regex: '.'``)
flags everything; one with look-alike letters from another script, zero-width characters or
bidi controls never matches the text it was copied for."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from matcher.model import Role
from matcher.patterns.ruleset import Ruleset

# Lines with nothing incident-specific in them: a symptom matching one of these flags noise.
ORDINARY_LINES = (
    "2024-05-01T12:00:00.000Z INFO GET /api/v1/items 200 in 12ms",
    "2024-05-01 12:00:00,000 ERROR [main] request failed",
    "WARNING: retrying in 5 seconds",
    "Traceback (most recent call last):",
    "e",
)
INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00ad]")
WORD = re.compile(r"[^\W\d_]+")


def symptom_advice(ruleset: Ruleset) -> Iterator[str]:
    """``file:line:column: …`` warnings, one per symptom that deserves one."""
    ordinary = [line.encode() for line in ORDINARY_LINES]
    for index, compiled in enumerate(ruleset.symptoms):
        symptom, where = compiled.symptom, compiled.symptom.location
        sig = ruleset.signatures[compiled.signature].id
        hidden = INVISIBLE.search(symptom.text)
        if hidden:
            name = unicodedata.name(hidden.group(), f"U+{ord(hidden.group()):04X}")
            yield f"{where}: symptom of {sig} holds an invisible character ({name})"
        mixed = next((w for w in WORD.findall(symptom.text) if _scripts(w) > 1), None)
        if mixed:
            yield f"{where}: symptom of {sig} mixes scripts in {mixed!r} (a look-alike letter?)"
        if symptom.role is Role.UNLESS:
            continue
        literal = compiled.pattern.literal
        if literal is not None and not any(literal in line for line in ordinary):
            continue  # the usual case: the prefilter literal is in none of them, no regex needed
        hit = next((line for line in ORDINARY_LINES if ruleset.regex(index).search(line)), None)
        if hit is not None:
            yield f"{where}: symptom of {sig} matches ordinary lines such as {hit!r}; too generic"


def _scripts(word: str) -> int:
    """How many scripts the letters of ``word`` come from (by their Unicode names)."""
    return len({unicodedata.name(ch, "?").split()[0] for ch in word if ch.isalpha()})
