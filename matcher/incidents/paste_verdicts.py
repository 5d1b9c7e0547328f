"""A paragraph right under a pasted log that says none of the paste is the incident's (`Careful
with that paste: neither line is this incident. The WARNING is our retry helper …`, `None of
these lines are the error.`): its first sentence is the verdict on every line the paste holds,
as a head over it that sets aside (`Not this incident:`) would be; what the paragraph goes on to
say of each line only tells why. A paragraph that says so of one line (`the second line is not
this incident`) or that says what the paste is (`both lines are the incident's`) leaves it.
In any language: a first sentence that opens with a word referring back (Luganda `byombi`:
both; Aymara `ukanakax`: those) and says a verdict of the languages (`tetubibala`: we do not
count them) is that verdict on the whole paste; and a line the paragraph names by a quoted part
of it (`"no live upstreams" kivudde ku ekyo`) is set aside when what the paragraph says of that
part sets it aside, as it would in a symptom item. docs/incident-log-format.md ("Thirty-sixth
round", "Fortieth round") says the rules."""

from __future__ import annotations

import re

from matcher.incidents.asides import put_aside
from matcher.incidents.markdown import Item
from matcher.incidents.quotes import quoted_runs
from matcher.incidents.verdict_languages import FOREIGN_BACK, FOREIGN_VERDICT

# the paste's lines, all of them, said to be no part of the incident
_NONE_OF_IT = re.compile(
    r"(?i)(?:^|[:;,\u2014]\s*|\.\s+)(?:(?:neither|none)(?:\s+of)?(?:\s+(?:the|these|those|its|"
    r"them|both))?(?:\s+(?:log\s+)?(?:lines?|entr(?:y|ies)|ones?|messages?|errors?))?"
    r"|(?:this|that|the)\s+(?:whole\s+)?paste(?:\s+above)?)"
    r"\s+(?:(?:is|are|was|were)(?:\s+(?:not|n't))?|isn't|aren't|wasn't|weren't)\s+"
    r"(?:(?:part\s+of\s+)?(?:this|the|our)\s+(?:incident|outage|error|symptom|failure|problem)"
    r"|it|related|relevant|ours)\b"
)
# a negation the paste's words need when they say no `neither` or `none`
_NEGATED = re.compile(r"(?i)\b(?:neither|none|not)\b|n't\b")
_FIRST_SENTENCE = re.compile(r".*?(?:[.!?](?=\s|$)|$)", re.DOTALL)
# ... in the other languages: a word that refers back to the paste opening the sentence, then
# a verdict (`Byombi tetubibala nga kizibu kyennyini.`), the sentence quoting no line
_NONE_OF_IT_SAID = re.compile(
    rf"(?i)^\W*(?:{FOREIGN_BACK})(?![\w'\u2019-])[^`\"\u201c]*?(?:{FOREIGN_VERDICT})"
)
# the shortest quoted part that names a pasted line (`[warn]`, not `:` or `1`)
_NAMING = 5


def _named_aside(paragraph: str, line: str) -> bool:
    """Whether the paragraph names the pasted line by a quoted part of it and sets that aside."""
    runs = [r.strip() for r in quoted_runs(paragraph)]
    named = [r for r in runs if len(r) >= _NAMING and r in line]
    others = [r for r in runs if r not in named]
    return any(put_aside(paragraph, run, True, others) for run in named)


def denied_pastes(
    items: list[Item], read: list[tuple[list[str], bool]]
) -> list[tuple[list[str], bool]]:
    """Each item's log texts, a code block's set aside when the paragraph right under it says
    in its first sentence that none of its lines is the incident's."""
    read = list(read)
    for at, item in enumerate(items):
        if at == 0 or item.code or not items[at - 1].code or not read[at - 1][0]:
            continue
        first = _FIRST_SENTENCE.match(item.text.strip())
        said = _NONE_OF_IT.search(first[0]) if first else None
        if (said and _NEGATED.search(said[0])) or (first and _NONE_OF_IT_SAID.match(first[0])):
            read[at - 1] = ([], True)
            continue
        kept = [t for t in read[at - 1][0] if not _named_aside(item.text, t)]
        if len(kept) < len(read[at - 1][0]):
            read[at - 1] = (kept, True)
    return read
