"""Asides told after the log text's sentence, in a sentence of their own (issue #11, tenth
pass): a bare verdict (`"…" for /api/stock. Noise for this incident.`, `That's stack, not heap.
Different problem.`), a formal one about the text (`The Committee classifies this as …, with
a different message and is not the primary symptom`), a first guess taken back (`I thought
this was the same error at first but it's Errno 1 not Errno 13`). And one told in the
sentence: what the log text is besides what was alerted on (`— the connection symptom, not
what the alert fired on`). Rules and examples: docs/incident-log-format.md ("Not this
incident")."""

from __future__ import annotations

import re

from matcher.incidents.marks import MARK
from matcher.incidents.verdict_languages import FOREIGN_VERDICT as FOREIGN_VERDICT
from matcher.incidents.verdict_words import VERDICT as VERDICT

_QUOTED = re.compile(r"`[^`\x01]*`|\"[^\"\x01]*\"|\u201c[^\u201d\x01]*\u201d")

# A sentence after the log text's that is about it, read with it by the cues: a pronoun
# subject (`That's …`), a verdict without subject (`Noise for this incident.`, `Different
# problem (I opened a ticket).`, `Unrelated.`), a body that classifies it (`The Committee
# classifies this as …`, `We treat these as …`); not `Different teams saw it` (a verdict
# word needs a noun of its kind after it, or nothing).
_ABOUT_IT = re.compile(
    # (an answer about it, in a postmortem written as questions: `Q: What about "…"? A: That …`)
    r"A:\s*(?:That|This|It|Those|These|They)\b"
    r"|(?:That|This|Those|These)(?:\s+(?:finding|line|message|error|one|two|three|lines|messages"
    r"|errors|ones|warnings))?"
    r"(?:'s|\s+(?:is|was|are|were)\b)|It(?:'s|\s+(?:is|was|has been)\b)"
    r"|(?i:old news|old one|self-inflicted|out of scope)\b"
    # ... its kind set against another (`EPERM, not EACCES; … but not the error users hit.`)
    r"|[A-Z][A-Z0-9_]{2,},\s*not\s+[A-Z][A-Z0-9_]{2,}\b"
    # ... in the team's language: a pronoun or a verdict that opens the sentence
    r"|(?:Esse|Essa|Esses|Essas|Isso|Isto|Ele|Ela|Eles|Foi|Era|N\u00e3o|Ese|Esa|Esos|Esas|Eso"
    r"|Esto|Fue|Ce|Cela|\u00c7a|C'est|Ce n'est|Celui-ci|Celle-ci|Das|Dies|Diese|Dieser|Questo"
    r"|Questa|Questi|Quello|Non \u00e8|Sem|Sin|Sans|Kein|Der|Die|Er|Sie|Es|Errno|Dat|Dit"
    r"|Deze|Het|Aix\u00f2|Aquest|Aquesta|Aquell|Aquella|No \u00e9s|Det|Den|Dette|Denne|Hii|Hiyo"
    r"|Huo|Ni|Bu|O|Onlar|\u0130kisi|To|Tohle|Itu|Tu|Ini|Tai|Tas|\u0391\u03c5\u03c4\u03cc|\u0391\u03c5\u03c4\u03ac)\b"
    # ... Tagalog's `X yun` (`Deadlock yun, HINDI lock wait timeout`), `Separate na ticket.`,
    # a sentence on what was argued (`Pinagtalunan namin ito — … kaya hindi namin sinama`)
    r"|[^.;\x01\x02]{0,40}\b(?:yun|iyon)\b(?=\s*[,.;!\u2014]|$)|(?:Separate|Hiwalay|Ibang) na\b"
    r"|(?:Yun|Iyon|Ito|Hindi|Pinagtalunan)\b"
    # ... Nigerian Pidgin's `E no dey part of this incident`, `Na our own check`
    r"|(?:E|Na)\s+(?=(?:no|na|be|dey|don)\b)|No be\b"
    # ... a concession first (`Same root cause, but that line is the reserved-slot check, …`)
    r"|[^,.;\x01\x02]{0,30},\s*but\s+(?:that|this|those|these|it)(?:\s+(?:line|message|error"
    r"|one|lines|messages|errors))?(?:'s|\s+(?:is|was|are|were)\b)"
    r"|(?:(?:Just |Only )?An? )?(?i:side[- ]effect|knock-on|consequence)\b"
    r"|Not the (?:root |real |actual )?(?:cause|error|problem|issue)\b"
    # ... a bare `Not an error.` after what the line is (`"…" is the INFO from after the fix.`)
    r"|Not (?:an? )?(?:error|failure)s?(?=\W*$)"
    r"|(?:Just |Only |Pure |More )?(?i:noise|unrelated|harmless|benign|red herring)\b"
    r"\s*(?:[.;,!(]|$|for\b|here\b|to\b)"
    r"|(?:An? |Some |Totally |Completely |Entirely )?(?i:different|separate|another|other)\s+"
    r"(?:(?i:thing|issue|problem|error|errno|bug|story|incident|matter|beast|cause|ticket)s?\b"
    # ... a ticket's id (`Separate PRB-1195, not this incident.`)
    r"|[A-Z][A-Z0-9]+-\d+\b)"
    r"|(?:The|Our|This|We)\b(?:\s+[\w-]+){0,3}?\s+(?i:classif(?:y|ies)|considers?|regards?"
    r"|treats?|counts?|records?)\s+(?:this|these|that|those|it|them)\s+as\b"
    r"|(?:The|Our|We)\b(?:\s+[\w-]+){0,3}?\s+(?:does|do|did)(?: not|n't) attribute\b"
)
# The author's first guess that it was the same error, taken back in the same sentence
_SAME_AT_FIRST = re.compile(
    r"(?i)^\W*I\s+(?:first\s+|initially\s+|originally\s+)?(?:thought|assumed|figured|guessed"
    r"|believed)\s+(?:this|that|it|these|those)\s+(?:was|were|is)\s+the\s+same\b[^.]*?"
    r"\bbut\s+(?:it|this|that|they)(?:'s|'re|\s+(?:is|was|are|were))\s+(?:actually\s+|really\s+)?"
    r"(?:not\b|an?\s+(?:different|other|separate)\b|different\b|[^.]*?\bnot\s+(?:the\s+)?"
    r"(?:same|errno|\w+\s+\d))"
)
# Besides what was alerted on: `the connection symptom, not what the alert fired on`, `not
# what paged us`, `not what woke us`.
NOT_ALERTED = re.compile(
    r"(?i)\bnot\s+what\s+(?:(?:the|our|we|us|anyone)\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:fired|paged|alerted|triggered|went off|woke|was alerting|were alerting)\b"
    # `related but not the line we alert on`
    r"|\bnot\s+(?:the|a)\s+(?:[\w-]+\s+)?(?:line|lines|message|error|one)\s+(?:(?:we|you|anyone)\s+)?"
    r"(?:alert|alerts|alerted|page|paged|pages|should alert|would alert)\s+on\b"
    # `… aren't what we alert on`, `the alerting should key on the publish failure`
    r"|(?:\bnot|n't)\s+what\s+(?:we|you|anyone)\s+(?:alert|page)\s+on\b"
    r"|\b(?:alert|alerting|alerts|paging)\s+should\s+(?:key|fire|trigger)\s+on\b"
)


# What a sentence about the log text says of it, besides the cues of asides.py: a by-product,
# self-inflicted, old news, out of scope, not attributed to the incident, excluded from it.
_VERDICT = re.compile(
    r"(?i)\bby-?products?\b|\bself-inflicted\b|\bold news\b|\bout(?:side)? (?:of )?(?:the )?"
    r"(?:\w+ )?scope\b|\b(?:do|does|did)(?: not|n't) attribute\b|\bexcluded from\b"
    rf"|{FOREIGN_VERDICT}"
)
# A label that names the bullet a near miss: `**Kernel layer near miss:** …`, `Near miss in
# the same layer: …`, `Near miss (app layer): …`; not `Not a near miss: …`.
_NEAR_MISS = re.compile(
    r"(?i)^\W*(?!not\b)(?:[\w()/-]+\s+){0,4}?near[- ]miss(?:es)?\b[^:\x01]{0,40}:"
)


def near_miss(item: str) -> bool:
    """Whether the item is labelled a near miss before its log text (marked \\x01)."""
    return _NEAR_MISS.match(item) is not None


def verdict(sentences: list[str]) -> bool:
    """Whether a sentence read as about the log text says it is not this incident's."""
    return any(_VERDICT.search(s) for s in sentences)


def about_it(sentence: str) -> bool:
    """Whether a sentence after the log text's is a verdict on it, read with it."""
    return _ABOUT_IT.match(sentence) is not None


def taken_back(following: str | None) -> bool:
    """Whether the next sentence takes back a first guess that the log text was the same."""
    return following is not None and _SAME_AT_FIRST.search(following) is not None


# A label that is a verdict of its own: a short one (`Not seen:`, `Ruled out:`) or a denied
# kind of problem (`Not a connection problem: …`)
_VERDICT_LABEL = re.compile(
    r"(?i)^\W*(?:(?!not\s+(?!seen|found|hit|logged|relevant|related|ours|us|this|that|it)\w)"
    r"(?:\w[\w'-]*(?:\W+|$)){0,3}|not\s+(?:(?:an?|the|this|that|our)\s+)?(?:[\w-]+\s+){0,2}"
    r"(?:problem|issue|error|bug|thing|one|cause|incident|outage|same|symptom)\W*"
    # `What it was NOT:`, `What it wasn't:`
    r"|what (?:it|this) (?:was|is)(?:n't|\s+not)\W*)$"
)
# A label that denies the log text's own kind (`It was NOT a deadlock: we did see one "Deadlock
# found …"`): what it names is in the log text. (`Not DNS: "…"` names another kind: the text is
# the error.)
_DENIED = re.compile(
    r"(?i)^\W*(?:(?:it|this|that)\s+(?:was|is)\s+|it's\s+)?not\s+(?:(?:an?|the)\s+)?"
    r"((?:[\w-]+\s+){0,2}[\w-]+)\s*:\s"
)
_KIND_WORDS = frozenset(["problem", "issue", "error", "bug", "thing", "cause", "incident"])


def denies_its_kind(sentence: str, log: str) -> bool:
    """Whether a label before the log text denies the kind of error the text is."""
    denied = _DENIED.match(sentence)
    words = [w.lower() for w in denied[1].split()] if denied else []
    text = log.lower()
    return any(len(w) >= 4 and w not in _KIND_WORDS and w[:5] in text for w in words)


_CONTRAST = re.compile(
    r"(?i),\s+(?:it|this|that)(?:'s|\s+(?:is|was))\s+(?:(?:actually|really|simply)\s+)?\W*$"
)
# a verdict conceded before the label (`Not related, but it was in the same log: "…"`)
_VERDICT_BUT = re.compile(
    r"(?i)^\W*(?:not related|unrelated|irrelevant|(?:a )?red herring|not relevant|ruled out)"
    r"\W*\s+but\b"
)
_CLAUSE_START = re.compile(r"[\u2014\u2013]|,?\s+(?:though|although|even though|whereas|since)\s")


# (log texts quoted, `x…`, or marked as other log texts, \x02)
# a label that holds a verdict, in any of the team's languages (`Mga hindi cause / nakakalito:`)
_JUDGING_LABEL = re.compile(
    rf"(?i)\b(?:{FOREIGN_VERDICT}|look-?alikes?\b|(?:were|was|are|is) excluded\b"
    # (`Several other lines were not this incident and wasted time: …`)
    r"|(?:were|was|are|is)(?:\s+not|n't)\s+(?:this|the|our)\s+(?:[\w-]+\s+)?"
    r"(?:incident|outage|problem|issue|cause|error|failure)s?\b)"
)
# (each text once between separators: no nested repetition to backtrack through)
_ONLY_TEXTS = re.compile(r"\s*[x\x02]+(?:\s*(?:,|;|\band\b|\bor\b)\s*[x\x02]+)*\s*")
_ASIDE_AT_END = re.compile(r"\s*\([^()]{1,60}\)\s*$")


# A verdict label, then only log texts (`Not the cause: "…"; "…", and "…" (…).`), each with
# the author's parenthesis on it (`NOT: "…" (warn, …) and "…" (follows …).`), and sentences
# after the list that quote nothing
_LABEL_LIST = re.compile(
    "^([^:\x01\x02]{1,80}):\\s*[`\"'\u201c]?[\x01\x02]+[`\"'\u201d]?(?:\\s*\\([^()\x01\x02]*\\))?"
    "(?:(?:[\\s,;/]+(?:(?:and|or)\\s+)?|(?:and|or)\\s+)[`\"'\u201c]?[\x01\x02]+[`\"'\u201d]?"
    "(?:\\s*\\([^()\x01\x02]*\\))?)*"
    "\\W*(?:(?<=\\.)\\s+[A-Z][^\x01\x02]*)?$"
)


# (a label that opens with its verdict: `Not the cause`, `Ruled out`, `Red herrings`; not a
# clause that denies something else, `the consumer did not recover`)
_DENYING_LABEL = re.compile(
    r"(?i)^\W*(?:not\s+(?:(?:an?|the|this|that|our)\s+)?(?:[\w-]+\s+){0,2}(?:problem|issue"
    r"|error|bug|thing|one|cause|incident|outage|it|this|that|ours|related|relevant|same|symptom)\b"
    # (... or the bare word, `NOT:`)
    rf"|not\W*$|ruled out\b|(?:{VERDICT}))"
)


_AFFIRMED = re.compile(r"(?i)\b(?:but|instead|rather|however|it (?:is|was))\b")


# A verdict label, then a list of the things it denies parted by semicolons, a log text in each
# with the author's gloss on it (`Not it: the `…` INFO, the pre-flight check; the `…` WARNING
# (our retry); and `…`, the old report query.`), perhaps after other sentences of the paragraph
_SEMICOLON_LIST = re.compile("([^:.!?\x01\x02]{1,80}):\\s*(.*;.*)$")
_SENTENCE_START = re.compile(r"^|(?<=[.!?] )")


def verdict_list(marked: str) -> bool:
    """Whether an item is a verdict label and a list of log texts (marked), all set aside."""
    found = _LABEL_LIST.match(marked)
    if found is None:
        return any(_semicolon_list(marked[at.start() :]) for at in _SENTENCE_START.finditer(marked))
    label = found[1]
    return bool(_DENYING_LABEL.search(label)) and not _AFFIRMED.search(label)


def _semicolon_list(marked: str) -> bool:
    listed = _SEMICOLON_LIST.match(marked)
    if listed is None or "\x01" not in listed[2] or _AFFIRMED.search(listed[2]):
        return False
    each = all(re.search('[\x01\x02`"\u201c]', part) for part in re.split(r";\s+", listed[2]))
    return each and bool(_DENYING_LABEL.search(listed[1])) and not _AFFIRMED.search(listed[1])


def opens_with_verdict(sentence: str) -> bool:
    """Whether a sentence opens with a verdict label (`Not it: the second row, …`)."""
    label = re.match(r"([^:\x01\x02]{1,80}):\s", sentence)
    return label is not None and bool(_DENYING_LABEL.search(label[1]))


def from_label(text: str) -> str:
    """The text from the colon or `but` that introduces the log text's clause on."""
    head = text[: text.index(MARK)]
    # a colon inside other log text in code or quotes (`SystemExit: 1`) is no label's
    head = _QUOTED.sub(lambda m: "x" * len(m[0]), head)
    # `not the network, it is "…"`: what precedes the contrast is another thing
    contrast = _CONTRAST.search(head)
    colon, but = head.rfind(": "), max(head.rfind("; "), head.rfind(" but "))
    but = max(but, contrast.start() + 1 if contrast else -1)
    if colon >= 0 and _ONLY_TEXTS.fullmatch(head[colon + 1 : but]):
        but = -1  # (`Not the cause: "…"; "…"`: a list of log texts after one label)
    cut = max(colon, but)
    if cut < 0 or _CLAUSE_START.search(head[cut:]):
        return text  # another clause starts between them: the label is not the log text's
    # (an aside on the label is no part of it: `Not the cause (quoted for completeness): …`)
    label = _ASIDE_AT_END.sub("", head[:cut])
    if cut == colon and (
        _VERDICT_LABEL.match(label) or _VERDICT_BUT.match(head) or _JUDGING_LABEL.search(label)
    ):
        return text
    return text[cut + 1 :].lstrip(":").strip()
