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

# A verdict on the log text: what it is, said of it (dismissal.py reads it after the text and in
# later clauses, reattribution.py after an arrow).
VERDICT = (
    # (not denied: `not harmless`, `no other noise`)
    r"(?<!not )(?<!\bno )(?<!no other )(?<!n't )"
    r"(?:red herrings?|unrelated|irrelevant|noise|harmless|benign)|not related"
    r"|(?:failing|failed|fails|erroring|running) harmlessly"
    r"|nothing to do with|(?:is|was|are|were) something else\b"
    # a hypothesis log's decision, in capitals (`H1: … **REJECTED**`)
    r"|(?-i:REJECTED|DISPROVEN|DISPROVED|REFUTED)"
    # in the language the team writes beside English (`Fausse piste`, `no tiene nada que ver`)
    r"|fausse piste|rien à voir|hors sujet|(?:no tiene )?nada que ver|pista falsa|falsa pista"
    r"|nichts damit zu tun|falsche fährte|niente a che fare|não tem nada a ver|não confundir"
    r"|nao confundir|non conta|non c'entra|quasi uguale ma diverso|no confundir|ne pas confondre"
    r"|nicht verwechseln"
    rf"|{FOREIGN_VERDICT}"
    # without an article: `…, separate ticket, it does not …`, `— report builder, different bug`
    # ... or alone at the end of its clause: `…, separate.`
    r"|(?<!not )(?<!n't )\bseparate(?=\s*(?:[.;]|$))"
    r"|(?<!not a )(?<!n't a )(?<!not )(?<!n't )\b(?:separate|different)"
    r" (?:ticket|bug|reason|cause|errno|problem|story|message|pool|upstream|cluster"
    r"|(?-i:[A-Z]+_[A-Z_]+|[A-Z]*ERROR\w*))s?\b"
    # an alert card's or a review's decision (`verdict: **DISMISS**`), what was left out
    # (`EXCLUDED HERE`, `we excluded them from this incident`, `keep it out of the signature`)
    r"|(?<!not )(?<!n't )\bdismiss(?:ed)?\b|\bexcluded (?:here|from (?:this|the|our) \w+)"
    r"|(?:we|i) excluded (?:it|them|this|that|those|these)\b"
    r"|keep (?:it|them|this|that|those|these) out of (?:the|our|this|any) \w+"
    r"|(?:tracked|handled|filed|fixed) separately|in its own (?:pr|ticket|issue)"
    r"|(?:is|are|was|were|'s) (?:from |for )?the other (?!(?:way|day|time|one|half)\b)[a-z]+"
    r"|(?:has|have|got|gets) (?:its|their) own (?:pr|ticket|issue|incident|postmortem|bug)s?\b"
    r"|(?:is|was|are|were)(?: not|n't) why\b|(?:is|are|was|were) not interesting|uninteresting"
    r"|not the original (?:error|fault|problem|cause|failure|issue)"
    r"|not the (?:error|failure|problem) (?:the )?(?:users?|customers?|people|clients?|we) (?:hit"
    r"|saw|got|see|reported)\b"
    # (how a server ends a worker, not how a driver words the error)
    r"|(?:is|are|'s) (?:just |only |simply )?how (?:[\w-]+ ){1,3}(?:aborts?|kills?|stops?|exits?"
    r"|recycles?|restarts?|shuts? down|dies|die)\b|(?:is|are|'s) (?:just )?the replacement\b"
    r"|(?:is|are|'s) (?:just |only )?(?:\w+ )?reacting to\b"
    r"|not (?:what|why) (?:[\w-]+\s+){0,2}(?:stopped|broke|killed|blocked|(?:is|was) failing)\b"
    r"|not what(?:'s| is| was) (?:failing|breaking|causing)\b"
    # a second problem it looked like, and was not (`Looked like a second outage but it's …`)
    r"|looked like (?:an? )?(?:second|another|separate|new|different) (?:outage|incident"
    r"|problem|issue|failure|error)s? but\b"
    r"|fixed before the (?:restart|deploy|rollout|reload)"
    r"|(?:looked at|investigated|handled|dealt with) (?:it|them|that|those) separately"
    r"|(?:an? )?near[- ]miss(?:es)?\b|look-?alikes?\b|(?:were|was|are|is) excluded\b"
    r"|(?:(?:we|i|they) )?(?:did not|didn't|don't|do not) count (?:it|them|this|that)\b"
    r"|\bnot counting (?:it|them|this|that|those|these)\b"
    r"|\b(?:this|that|it) (?:one )?is different\b"
    # (a footnote's `WRONGTYPE tracked in PLAT-2287.`)
    r"|\btracked (?:in|as|under) (?-i:[A-Z][A-Z0-9]*-\d+)\b"
    r"|(?:(?:we|i|they) )?(?:did not|didn't|don't|do not) (?:track|treat|file|list)"
    r" (?:it|them|this|that|those|these)"
    r" as (?:the|a|our|this) (?:symptom|error|incident|cause)"
    r"|(?:should|must|need|are|is)(?: not|n't) (?:be )?counted\b"
    r"|(?:did not|didn't|don't|do not) count (?:\w+ )?(?:as|towards?|against|in) (?:this|the|our)"
    r" (?:incident|outage|one|failure)"
    r"|(?:right|just) before the (?:crash|error|failure|oom|abort)\b"
    # `It wasn't the cause.`
    r"|(?:was|is|were|are)(?:n't| not) (?:the|our) (?:real |actual |root )?(?:cause|culprit"
    r"|trigger)\b"
    r"|a distraction|false (?:alarms?|leads?|trails?|positives?|hits|matches)|ruled out|excluded"
    r"|(?:symptom|consequence|effect)s?,? not (?:the |a )?(?:root )?cause"
    r"|(?<!not )(?<!n't )(?:an?|another)\s+(?:different|separate|distinct|unrelated|older"
    r"|known)\s+"
    r"(?:\([^)]{0,40}\)\s+)?(?!(?:kind"
    r"|wording|form|name|version|spelling)\b)\w+"
    # (not a value that varies: `a different user folder each time, same error`)
    r"(?<!\bfolder)(?<!\bpath)(?<!\bport)(?<!\bpid)(?<!\bvalue)(?<!\bid)"
    r"(?![^.;]*\b(?:each|every) (?:time|run|request|call|occurrence)|[^.;]*\bsame error)"
    r"|not (?:by |from |part of )?(?:this|the|our) (?:incident|outage|problem|issue|cause|culprit"
    r"|failure|bug)\b|(?:my|our) (?:own )?doing"
    r"|(?:our|the) (?:\w+'s )?(?:own|internal) (?:chatter|(?:re)?connect(?:ion)? messages"
    r"|(?:(?:re)?connect(?:ion)? |retry )?attempts)\b|the (?:symptom|error|one) that mattered\b"
    r"|neither (?:of them |one )?(?:is|was) (?:the|an) (?:error|cause|failure)"
    r"|(?:is|are|was|were)(?: not|n't) (?:an? )?(?:errors?|failures?)\b"
    r"|,\s*not (?:an? )?(?:errors?|failures?)\s*(?:[.;]|$)"
    r"|wrong (?:incident|one|thread|ticket|service|path|track|tree|lead|turn)"
    r"|(?:was|were|'s|one is) (?:me|us)(?![\w-])|(?:is|are|was|were) (?:all\s+)?(?:mine|ours)\b"
    r"|not what (?:we|broke|took|caused|paged|alerted|fired|woke|triggered)"
    r"|not what (?:[\w-]+\s+){0,2}(?:threw|raised|returned|gave|sent|errored|failed|died|crashed"
    r"|reports|reported|surfaced|shows|showed|sees|saw)\b"
    r"|(?:only|just)(?:\s+\w+){0,2}?\s+(?:in|on|from)\s+"
    r"(?:(?:the|a|an|my|our|\w+'s)\s+)?(?:staging|dev|test|qa|pre-?prod|laptop|local|sandbox"
    r"|developer)\b|(?:staging|dev|test) only"
    r"|not (?:in|on) prod(?:uction)?"
    # what the team's own action caused: `a symptom of the fix`, `an artefact of the remount`
    r"|(?:symptom|side[- ]effect|result|artefact|artifact|by-?product|consequence|effect)s? of"
    r" (?:the|our|my) (?:own )?(?:fix|rollback|remount|restart|cleanup|workaround|mitigation|action"
    r"|actions|intervention|change"
    r"|debugging|investigation|recovery|attempt|test)"
    # a lead that went nowhere
    r"|(?:went|led) nowhere|dead[- ]end|(?:did not|didn't|never) pan(?:ned)? out"
    r"|came (?:up|back) empty|out of scope|dropped the idea|fallout|collateral"
    r"|(?:was|were|is|are)(?: not|n't) (?:involved|a factor)|played no (?:part|role)"
    r"|from (?:the|our|my) (?:own )?(?:remount|rollback|cleanup|fix|debugging|testing"
    r"|workaround|mitigation)\b"
    # the error alerted on, set against it: `…, but the metadata timeout is what we alert on`
    r"|but the (?:[\w-]+ ){1,3}(?:is|was) what (?:[\w ]{0,40}?)(?:we|you) (?:alert|page|alerted"
    r"|paged) on\b"
    # another thing named as what was wanted: `, but the alert we want is the metadata timeout`
    r"|the (?:\w+ )?(?:alert|error|signal|line) (?:we|you) (?:want|need|care about|page on"
    r"|alert on)(?: to see)? (?:is|was|are)\b"
    r"|(?:on|in) (?:my|our|the) list of suspects|pre-?dates?|pre-?dated"
    r"|during (?:the |our )?(?:rollback|remount|cleanup|investigation|debugging|maintenance"
    r"|fix)"
    # `turned out to be a cron job`, not `turned out to be caused by the missing index`
    r"|(?:turned out|proved) to be (?!(?:caused|due|triggered|the (?:real|root|actual|main)|our"
    r"|exactly|this)\b)|came from (?:another|a different|the other|an old|an"
    r" unrelated)|can be (?:ignored|disregarded)|safe to (?:ignore|disregard)"
    r"|(?:does|did|do)(?:n't| not) matter"
    r"|not relevant|from (?:last|the previous) (?:week|month|year|sprint|quarter)"
    # `those were there last month too`; not `not there last month`
    r"|(?<!not )(?<!n't )(?:there|around|present|logged|seen)\s+(?:already\s+)?(?:last|the"
    r" previous) (?:week|month|year|sprint|quarter)"
    r"|from (?:an? |the )?(?:earlier|older|previous|past|last) (?:incident|outage)"
    r"|(?:ignore|disregard)(?:\s+(?:it|them|those|these|that))?\W*$"
    # a formal report's: not counted, a consequence of the remediation, did not contribute
    r"|not (?:being )?counted|fixed (?:well )?before (?:this|it|the (?:incident|outage))|a typo\b"
    r"|follows (?:from )?the\b"
    r"|(?:were|was|are|is) our (?:own )?(?:admin|manual|test|debug\w*|investigation)\b"
    r"|(?:'s|is) (?:the |its |the client's )?(?:own )?start-?up (?:msg|message|noise|line)s?\b"
    r"|\bfine once\b"
    r"|(?:has |have )?always been there"
    r"|(?:consequence|side[- ]effect|result) of (?:the|our"
    r"|my)\b[^.;\x01]{0,60}?\b(?:remount\w*|rollback|restart\w*|fix\w*|cleanup|remediation"
    r"|mitigation|workaround)|what came \W{0,2}(?:before|after)\W{0,2} the|follow-?on (?:once"
    r"|after|when|from)|reacting (?:afterwards|after(?:wards)? (?:it|that))"
    # a formal report's verdict: `is distinct from the finding above`, `recorded for completeness`
    r"|(?:distinct|separate) from (?:the|this|our|that)|for completeness only"
    # not the thing alerted on: `not something we need to alert on separately`, `the guard
    # rather than the same limit`
    r"|not (?:something|anything|a thing|one|what)\s+(?:that\s+)?(?:we|you|anyone|to)\b"
    r"(?:\s+[\w']+){0,3}?\s+(?:alert|page|act|worry|care)\w*"
    r"|rather than (?:the|our|a) (?:same|real|actual)\b"
    # another day's: `but this was other day`, `on a different day`, `from the day before and
    # already fixed`
    r"|\b(?:an?\s+|the\s+)?(?:other|different) day\b|\banother day\b"
    r"|from (?:the day before|yesterday|the previous day|an earlier (?:day|run|deploy))\b"
    r"|(?:was|were|had been|is) already fixed\b|and already fixed\b"
)

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
    # ... a concession first (`Same root cause, but that line is the reserved-slot check, …`)
    r"|[^,.;\x01\x02]{0,30},\s*but\s+(?:that|this|those|these|it)(?:\s+(?:line|message|error"
    r"|one|lines|messages|errors))?(?:'s|\s+(?:is|was|are|were)\b)"
    r"|(?:(?:Just |Only )?An? )?(?i:side[- ]effect|knock-on|consequence)\b"
    r"|Not the (?:root |real |actual )?(?:cause|error|problem|issue)\b"
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
    r"(?:problem|issue|error|bug|thing|one|cause|incident|outage)\W*"
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


# A verdict label, then only log texts (`Not the cause: "…"; "…", and "…" (…).`)
_LABEL_LIST = re.compile(
    "^([^:\x01\x02]{1,80}):\\s*[`\"'\u201c]?[\x01\x02]+[`\"'\u201d]?"
    "(?:(?:[\\s,;/]+(?:(?:and|or)\\s+)?|(?:and|or)\\s+)[`\"'\u201c]?[\x01\x02]+[`\"'\u201d]?)*"
    "(?:\\s*\\([^)]*\\))?\\W*$"
)


# (a label that opens with its verdict: `Not the cause`, `Ruled out`, `Red herrings`; not a
# clause that denies something else, `the consumer did not recover`)
_DENYING_LABEL = re.compile(
    r"(?i)^\W*(?:not\s+(?:(?:an?|the|this|that|our)\s+)?(?:[\w-]+\s+){0,2}(?:problem|issue"
    r"|error|bug|thing|one|cause|incident|outage|it|this|that|ours|related|relevant)\b"
    rf"|ruled out\b|(?:{VERDICT}))"
)


_AFFIRMED = re.compile(r"(?i)\b(?:but|instead|rather|however|it (?:is|was))\b")


def verdict_list(marked: str) -> bool:
    """Whether an item is a verdict label and a list of log texts (marked), all set aside."""
    found = _LABEL_LIST.match(marked)
    label = found[1] if found else ""
    return bool(_DENYING_LABEL.search(label)) and not _AFFIRMED.search(label)


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
