"""grep's hits pasted in a code block (`postgresql.log:6:2026-… FATAL: …`, `19:psycopg2…`, a
context line `20-DETAIL: …`) and the author's verdict on each in a bullet of the same section
(`- postgresql.log:31 → no, the reserved slots`, `- :9 (server) → **no**, my own cancel`,
`- 1-9 → yes`). grep's prefix is never part of the line, and a hit the author says no to (or
sets aside in words, as a clause after it would) is no symptom. docs/incident-log-format.md
("Code blocks") says the rule."""

from __future__ import annotations

import re
from collections.abc import Sequence

from matcher.incidents.asides import put_aside

_FILE = r"[\w./-]+\.(?:log|txt|out|err|json|jsonl)(?:\.\d+)?"
# A hit's prefix: the file (grep with several files), the line number, then `:` (a match) or
# `-` (a context line); not a time (`12:34:56 …`) nor a date (`2026-11-20 …`).
_HIT = re.compile(
    rf"^(?:(?P<file>{_FILE})[:-])?(?P<line>\d{{1,7}})"
    r"(?::(?!\d{1,2}[:.]\d)|-(?=[A-Za-z\t ]))(?=\S)"
)
# A bullet that judges hits: their references, perhaps a note in parentheses, an arrow or a
# dash, then the verdict (`postgresql.log:6 → **yes**, …`, `20, 21 → yes`, `1-9 → yes`,
# also with an en dash).
_JUDGED = re.compile(
    rf"^\W*(?P<file>{_FILE})?:?(?P<lines>\d{{1,7}}(?:\s*(?:,|&|and|[\u2013-])\s*\d{{1,7}})*)"
    r"(?:\s*\([^)]*\))?\s*(?:\u2192|->|=>|\u2014|:)\s*(?P<verdict>\S.*)$"
)
_NO = re.compile(r"(?i)^\W*(?:no|nope|not (?:it|this|the incident)|noise|unrelated|ignore)\b")
_YES = re.compile(r"(?i)^\W*(?:yes|yep|this one|that's it)\b")


def _lines(written: str) -> list[int]:
    """`20, 21` -> [20, 21]; `1-9` (or with an en dash) -> 1 … 9."""
    found: list[int] = []
    for part in re.split(r"\s*(?:,|&|\band\b)\s*", written):
        ends = [int(n) for n in re.split(r"\s*[\u2013-]\s*", part) if n]
        if ends:
            found.extend(range(ends[0], min(ends[-1], ends[0] + 1000) + 1))
    return found


def rejected_hits(texts: Sequence[str], code: Sequence[Sequence[str]]) -> set[tuple[str, int]]:
    """The hits (file or "", line) of the code blocks that a bullet says no to."""
    hits = {_key(m): line[m.end() :] for block in code for line in block if (m := _HIT.match(line))}
    rejected: set[tuple[str, int]] = set()
    for text in texts:
        judged = _JUDGED.match(text)
        if judged is None or _YES.match(judged["verdict"]):
            continue
        name = _base(judged["file"] or "")
        for number in _lines(judged["lines"]):
            for (file, line), hit in hits.items():
                if line != number or (name and file and file != name):
                    continue
                verdict = judged["verdict"]
                if _NO.match(verdict) or put_aside(f"`{hit}` \u2014 {verdict}", hit, True):
                    rejected.add((file, line))
    return rejected


def says_no(text: str) -> bool:
    """Whether a bullet judges hits and says no (`- 22 → no, "no live upstreams" is …`): the
    log text it quotes is the hit it says no to."""
    verdict = _JUDGED.match(text)
    return verdict is not None and _NO.match(verdict["verdict"]) is not None


# A warning about what a search also finds (`Careful when grepping for "Connection refused":
# the breaker's `… (was: Connection refused)` is it recovering`): every log text of it is a
# false hit, the search term too.
_CAUTION = re.compile(
    r"(?i)^\W*(?:be\s+)?(?:careful|beware|caution|watch\s+out|heads[- ]up)\b[^.:;]{0,40}?"
    r"\b(?:grep(?:ping)?|search(?:ing)?|filter(?:ing)?|query(?:ing)?|look(?:ing)?\s+for)\b"
)


def warns_of_false_hits(text: str) -> bool:
    """Whether an item warns what a search for the error also finds (see _CAUTION)."""
    return _CAUTION.match(text) is not None


def judged(code: Sequence[str], rejected: set[tuple[str, int]]) -> tuple[str, ...]:
    """The block's lines without grep's prefixes, and without the hits said no to."""
    kept = []
    for line in code:
        hit = _HIT.match(line)
        if hit is None:
            kept.append(line)
        elif _key(hit) not in rejected:
            kept.append(line[hit.end() :])
    return tuple(kept)


def _key(hit: re.Match[str]) -> tuple[str, int]:
    return _base(hit["file"] or ""), int(hit["line"])


def _base(file: str) -> str:
    return file.rsplit("/", 1)[-1]
