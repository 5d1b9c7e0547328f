"""A paragraph right under a pasted log that says none of the paste is the incident's (`Careful
with that paste: neither line is this incident. The WARNING is our retry helper …`, `None of
these lines are the error.`): its first sentence is the verdict on every line the paste holds,
as a head over it that sets aside (`Not this incident:`) would be; what the paragraph goes on to
say of each line only tells why. A paragraph that says so of one line (`the second line is not
this incident`) or that says what the paste is (`both lines are the incident's`) leaves it.
In any language: a clause of the first sentence after a dash or a semicolon that opens with a
word for both, all or neither of them (Luganda `byombi`: both; Aymara `panpacha`) and says a
verdict of the languages (`… — byombi tetubibala nga kizibu kyennyini`: we do not count either
as the real problem) is that verdict on the whole paste. docs/incident-log-format.md
("Thirty-sixth round", "Fortieth round") says the rules."""

from __future__ import annotations

import re

from matcher.incidents.markdown import Item
from matcher.incidents.verdict_languages import FOREIGN_VERDICT

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
# ... in the other languages: a word for both, all or neither of them opening a clause after a
# dash or a semicolon, then a verdict with no quote between (`… — byombi tetubibala …`); a
# word that refers back to some of them is no such word (`Tær báðar seinastu linjurnar …`,
# Faroese's last two lines, and `oyo`, Lingala's this one, name one or some)
_BOTH = (
    r"byombi|zombi|bombi|gombi|byonna|zonna|panpacha\w*|taqpacha\w*|ambos|ambas|ninguna|ninguno"
    r"|nenhuma|nenhum|beide|keine|entrambi|nessuna|nessuno|aucune|aucun|iskaynin\w*|llapan\w*"
)
_NONE_OF_IT_SAID = re.compile(
    rf"(?i)[\u2014;]\s*\W*(?:{_BOTH})(?![\w'\u2019-])[^`\"\u201c;:\u2014]*?(?:{FOREIGN_VERDICT})"
)


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
        if (said and _NEGATED.search(said[0])) or (first and _NONE_OF_IT_SAID.search(first[0])):
            read[at - 1] = ([], True)
    return read
