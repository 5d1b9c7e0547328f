"""A paragraph right under a pasted log that says none of the paste is the incident's (`Careful
with that paste: neither line is this incident. The WARNING is our retry helper …`, `None of
these lines are the error.`): its first sentence is the verdict on every line the paste holds,
as a head over it that sets aside (`Not this incident:`) would be; what the paragraph goes on to
say of each line only tells why. A paragraph that says so of one line (`the second line is not
this incident`) or that says what the paste is (`both lines are the incident's`) leaves it.
docs/incident-log-format.md ("Thirty-sixth round") says the rule."""

from __future__ import annotations

import re

from matcher.incidents.markdown import Item

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
        if said and _NEGATED.search(said[0]):
            read[at - 1] = ([], True)
    return read
