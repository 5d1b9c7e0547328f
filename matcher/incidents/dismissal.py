"""The general rule of what an author sets aside, read in clauses rather than by one phrase
per way of saying it: the log text is not this incident's error when, in the clause that
holds it, a negated verb of seeing or hitting has it as object (`we did not hit "…"`, `nobody
saw "…"`), its existence is denied (`no trace of "…"`, `zero "…" entries`), it is the subject
of a negated occurrence (`"…" never appeared`, `"…" was absent`), a verdict is said of it
(`"…" was a red herring`, `… ruled out`), it was a first guess (`we initially suspected "…"`),
or a question about it is answered no (`was it "…"? No`); or when a clause after it refers back
to it with such a verdict (`— that's a different limit`, `, but there were none of those`).
A negation in another clause is about something else (`the job did not finish: "…"`, `no
retries helped; every call failed with "…"`). Rules and examples: docs/incident-log-format.md
("Not this incident")."""

from __future__ import annotations

import itertools
import re

from matcher.incidents.backrefs import LATER, MERELY, NEG, SEEN
from matcher.incidents.marks import ANOTHER, MARK, OTHER, OTHER_ERROR, past_the_mark
from matcher.incidents.verdict_languages_ln_tw import TW_THE
from matcher.incidents.verdicts import FOREIGN_VERDICT, VERDICT

# Where a clause ends: a semicolon, a colon, a dash set apart, an arrow, a parenthesis, and a
# conjunction that starts another clause (`, but`, `, so`, `, and then`, `though` …).
_AND_BACK = re.compile(r"(?i)\s+and\s+(?=(?:they|those|these|it)\s+(?:are|were|is|was)\b)")
_BOUNDARY = re.compile(
    r"\s*(?:[;:](?=\s|$)|[\u2014\u2013\u2192()]|\s-{1,2}\s|=>|\.\s+)\s*"
    r"|,?\s+(?=(?:but|yet|though|although|whereas|so|because|since|then|until|even though"
    r"|and then)\s)"
    r"|,\s+(?=and\s)"
    # a comma, then a clause that refers back (`…, those are mine and not the timeout`)
    r"|,\s+(?=(?:those|these|that|this|it|they)\s+(?:are|were|is|was|just|only|merely)\b)"
    # an elision that ends a quote, then a new sentence (`… bootstrap from … Both are …`)
    r"|(?<=\u2026)\s+(?=[A-Z][a-z]+\s)"
    # a bare verdict after a comma (`… is a broken report query, separate ticket.`)
    r"|,\s+(?=(?:an?\s+)?(?:separate|different|distinct|another|other)\s+(?:[\w-]+\s+)?"
    r"(?:ticket|issue|bug|problem|incident|story|thing|fix)s?\W*$)"
)
# An inability is the incident's error (`could not get a connection`, `couldn't hit the
# API`), unless what could not be done is to see or find it (`we could not find any "…"`).
_UNABLE = re.compile(
    r"(?i)\b(?:could|can|cannot|can't|couldn't|unable to|would|wouldn't)\s*(?:not\s+)?"
    r"(?:\w+\s+){0,1}?(?!(?:see|saw|seen|find|found|spot|notice|observe)\b)\w+\s*$"
)
# The words between a verb and its object: a short noun phrase (`the reserved-slot message`,
# `any`, `a single`), never a clause (`who held the lock and the job died with`).
_GAP = (
    r"(?:\s+(?!(?:that|which|who|what|when|where|and|because|with|from|after|before|until"
    r"|logged|said|printed|showed|returned|died|failed|kept"
    # `didn't log anything except "…"`: the one thing that was there
    r"|except|other|apart|besides|but|beyond|save)\b)[\w'\u2019*/.#-]+){0,5}?"
)
_OPEN = r"[\s(\"'`\u201c\u2018*]*"
_CLOSE = r"[\s)\"'`\u201d\u2019*,]*"
# `did not get a connection (…)`: what a client did not get is the incident's error
_GOT_PAST = re.compile(
    r"(?i)\b(?:get|got|gotten)\s+(?:past|through|to|into|out|back|over|around)\b"
)
_NOT_GOT = re.compile(
    r"(?i)\b(?:get|got|gotten|receive[ds]?)\b.*\b(?:connection|response|reply|answer|lock"
    r"|access|result|ack)s?\W*$"
)
_SEEN_NOT = re.compile(
    rf"(?i)(?:(?:ruled|crossed) out|excluded|eliminated|discounted|dismissed)\b{_GAP}{_OPEN}{MARK}"
    rf"|({NEG}(?:\s+\w+){{0,3}}?\s+{SEEN})\b{_GAP}{_OPEN}{MARK}"
)
# a denied existence: `no "…"`, `zero "…" entries`, `no trace of "…"`, `without any "…"`
_NONE_OF = re.compile(
    rf"(?i)(?:\bno\b(?!{TW_THE})|\bzero\b|\bnot a single\b|\bnot one\b|\bnot any\b|\bnone of\b"
    r"|\bnothing like\b|\bwithout\b)"
    r"(?:\s+(?:a|an|any|single|the|those|these|sign|signs|trace|traces|mention|mentions"
    r"|hint|instance|instances|occurrence|occurrences|record|evidence|of|such|more|hits?"
    r"|results?|match(?:es)?|for)\b)*"
    # `no handler for "…"`, `no retry on "…"`: what is denied is the noun, not the log text
    r"(?:\s+(?!(?:for|on|against|to|with|about|after|from|by|in|at|when|while|during|despite"
    rf"|except|but|than)\b)[\w-]+){{0,2}}?{_OPEN}{MARK}"
)
# the log text as subject of a negated occurrence: `"…" never appeared`, `"…" was absent`
_NOT_THERE = re.compile(
    rf"(?i){MARK}{_CLOSE}(?:\s*[\w-]+){{0,5}}?\s+(?:"
    r"(?:(?:was|were|is|are|has|have|had|did|does|do)(?:\s+not|n't)|never|not)"
    r"(?:\s+(?:ever|once|even|really|actually|yet|been|once))*\s+"
    r"(?:appear|show|showed|shown|show up|occur|happen|come up|turn up|seen|logged|printed"
    r"|found|hit|triggered|there|present|in (?:the|our|any)\b)"
    r"|(?:was|were|is|are)\s+(?:completely\s+|entirely\s+)?(?:absent|nowhere|missing from)\b)"
)
# a search that came back empty: `grepped for "…" and found nothing`, `"…": none`
_EMPTY = (
    r"(?:found|saw|got|had|returned|there (?:was|were))\s+(?:nothing|none|zero|no hits?|no"
    r" matches)|came (?:up|back) empty|\b0 hits\b"
)
_EMPTY_AFTER = re.compile(rf"(?i){MARK}.*?\b(?:{_EMPTY})\b")
_VERDICT_AFTER = re.compile(
    rf"(?i){MARK}.*?\b(?:{VERDICT})\b"
    # the log text named as a guess: `the "…" theory`
    rf"|{MARK}\W*\s+(?:theory|hypothesis|suspicion|guess)\b"
    # denied as the one: `"…" is also NOT it.`
    rf"|{MARK}[^;.{MARK}]*?\b(?:is|was|are|were)\s+(?:also\s+|still\s+|again\s+)?not\s+"
    rf"(?:it|that|this)(?:\s+one)?\W*$"
    # a kind of its own, its words cut by a parenthesis: `"…" is a different (and rarer) …`
    rf"|{MARK}[^;.{MARK}]*?\b(?:is|was|are|were)\s+(?:an?|another)\s+(?:different|separate"
    rf"|distinct|unrelated)\s*$"
    # what follows from the error, in a relative clause: `"…", which is the consequence`
    rf"|{MARK}[^;.{MARK}]*?,\s*(?:which|that)\s+(?:is|was|are|were)\s+(?:just\s+|only\s+)?"
    rf"(?:the|an?)\s+(?:consequence|side[- ]effect|knock-on|follow-on|result)s?\b"
    # ... or as the subject: `"…" is just Postgres being helpful`
    rf"|{MARK}\W{{0,3}}\s+(?:is|are|was|were)\s+{MERELY}"
    # what it merely is, in a relative clause: `"…" lines, which is just nginx giving up`
    rf"|{MARK}[^;.{MARK}]*?,\s*(?:which|that)\s+(?:is|was|are|were)\s+{MERELY}"
)
# a first guess: `we initially suspected "…"`, `my first theory was "…"`, `it looked like "…" at
# first, but …`
_GUESS = re.compile(
    r"(?i)(?:\b(?:initially|at first|first|originally|early on|briefly)\b(?:\s+[\w']+){0,3}?"
    r"\s+(?:suspected|thought|assumed|blamed|guessed|believed|suspect|think|chased)\b"
    r"|\b(?:first|initial|early|original)\s+(?:guess|theory|suspect|suspicion|hypothesis"
    r"|idea)\b|\bhypothes[ie]s\b|\b(?:suspected|blamed)\b"
    r"|\b(?:misled|fooled|distracted|thrown off) by\b"
    # (`We was thinking first it is config problem because … "…"`)
    r"|\b(?:thinking|thought|suspecting|suspected|assuming|assumed)\s+(?:at\s+)?first\b)"
    rf"[^{MARK}]*{MARK}"
)
_LOOKED = re.compile(
    rf"(?i)\b(?:(?:looked|seemed|sounded)\s+like|thought|assumed|believed|guessed)\b[^{MARK}]*{MARK}"
)
# the guess taken back: `but it was actually …`, `but it wasn't`, `but the real error was …`
_TAKEN_BACK = re.compile(
    r"(?i)^\s*but\s+(?:(?:it|that|this)\s+(?:was|turned out)\s+(?:actually|in fact|really|to be)"
    r"|(?:it|that|this)\s+(?:was(?:n't| not)|isn't)|the\s+(?:real|actual)\b)"
)
# a label of a verdict before the log text: `Absent this time: "…"`, `Ruled out: "…"`
_VERDICT_LABEL = re.compile(
    r"(?i)^\W*(?:\w+,?\s+){0,7}(?:absent|not seen|not found|not present|never seen|ruled out"
    r"|look-?alikes?|not counted"
    r"|not (?:reproducible |counted |filed )?as (?:this|the same|our) (?:bug|incident|issue|defect)"
    r"|out of scope|not part of (?:it|(?:this|the|our) (?:incident|outage|problem|issue)|this)"
    r"|not what (?:we|i) (?:track|count|match|alert on|page on|are after)"
    r"|red herrings?|unrelated|irrelevant|not relevant|not related|ignored?|noise|excluded"
    r"|set aside|put aside|dropped|discarded|dismissed"
    rf"|{FOREIGN_VERDICT}"
    r"|what it (?:was|is) not|what it wasn't|different (?:error|issue|problem|bug|thing)s?"
    r"|not the same (?:error|issue|problem|bug|thing)s?"
    r"|what came (?:after|next)|knock-on effects?|fallout|aftermath"
    r"|(?:that|which)\s+(?:weren't|were not|wasn't|was not)\s+it)\b(?:[\s,]+[\w']+){0,7}"
    r"(?:\s*\([^()]{0,60}\))?"  # (a note before the colon: `(noted so nobody re-files them)`)
    # (also after other log text listed first: `Ruled out: `KeyError: 'x'` and "…"`)
    # (... each with a note in brackets: `Red herrings: `…` (separate bug), `…` (a warning)`)
    r"\s*:(?:\s*(?:the\s+)?(?:`[^`\x01]*`|\"[^\"\x01]*\")(?:\s+\w+)?(?:\s*\([^()\x01]{0,160}\))?"
    r"\s*(?:,|and|or|nor)\s*)*"
    # (and a few words of the author's before it: `Ruled out: the producer was spamming "…"`)
    rf"(?:\s*[\w'-]+){{0,6}}?\W*{MARK}"
)
# ... said short, its verb left out (`Lines in `app-logs` that look related but are not: "…"`),
# of what looks like the incident's (not `looked like a typo but isn't: "…"`: that is its own)
# (... the log text perhaps told in words first: `… but aren't: the retry failed with "…"`)
_SHORT_DENIAL = re.compile(
    r"(?i)\b(?:looks?|looked|seems?|seemed)\W*\s+(?:like\s+(?:it|this|that|them|the\s+(?:error"
    r"|cause|incident|problem|issue|one|same\s+\w+|real\s+\w+))|related|relevant|similar|the\s+same)"
    r",?\s+(?:but|yet)\s+(?:are|is|were|was)(?:\s+not|n't)\s*:"
    rf"(?:\s+[\w'-]+,?){{0,12}}?\W*{MARK}"
)
_LABEL_HEAD = re.compile(
    r"(?i)^\W*(?:\w+,?\s+){0,5}(?:ruled out|red herrings?|unrelated|irrelevant|not relevant"
    r"|not (?:reproducible |counted |filed )?as (?:this|the same|our) (?:bug|incident|issue|defect)"
    r"|out of scope|not part of (?:it|(?:this|the|our) (?:incident|outage|problem|issue)|this)"
    r"|not what (?:we|i) (?:track|count|match|alert on|page on|are after)"
    rf"|{FOREIGN_VERDICT}"
    r"|not related|noise|different (?:error|issue|problem|bug|thing)s?|what came (?:after|next)"
    r"|not the same (?:error|issue|problem|bug|thing)s?|not counted"
    r"|knock-on effects?|fallout|aftermath|(?:that|which)\s+(?:weren't|were not|wasn't|was not)"
    r"\s+it)\b(?:[\s,]+\w+){0,5}(?:\s*\([^()]{0,60}\))?(?:\s*:|`?\s+[\u2014\u2013]\s)"
)
# a turn in the sentence after such a label: what follows it may be the incident's own
_TURN = re.compile(
    r"(?i)[;:]|\b(?:but|because|since|while|whereas|though|although|however|instead)\b"
)
_AT_FIRST = re.compile(rf"(?i){MARK}.*\b(?:at first|initially)\b")
# `we didn't notice "…" until the morning`: when it was seen, not whether
_TIMING = re.compile(
    r"(?i)^\W*(?:[\w'-]+\s+){0,6}?(?:until|till|before|at first|initially|right away"
    r"|immediately|in time|early on)\b"
)
_NOVEL = re.compile(
    r"(?i)(?:\bnever\b|\bnot\b|n't)[^;:]*\b(?:before|until now|till now|so far)\b"
    r"\s*(?:on\b|in\b|at\b|this\b|that\b|today\b|yesterday\b|\W*$"
    # `was not there before the deploy`: new with the change
    r"|the\s+(?:deploy|release|rollout|change|upgrade|migration|update|restart|incident"
    r"|outage)\b)"
)
# a question answered no: `was it "…"? No, …`
_ANSWERED_NO = re.compile(
    rf"(?i){MARK}[^.!;?]{{0,80}}\?[*_]{{0,2}}\s*(?:[\u2014\u2013-]\s*)?(?:[*_]{{0,2}}A:[*_]{{0,2}}\s*)?"
    r"(?:no|nope|not|never|negative|none"
    r"|nah)\b"
)


# Read in a sentence whose unquoted log text may run on into the prose (no mark to read
# around): a question answered no, `… never showed up`.
_INLINE = re.compile(
    r"(?i)^\W*(?:was|is|were|are|could|did|do|does|has|have|had)\b[^?]*\?\s*(?:no|nope|never)\b"
    r"|\b(?:never|did not|didn't|did n't)\s+(?:once\s+|even\s+)?(?:appear(?:ed)?|show(?:ed)? up"
    r"|occur(?:red)?|happen(?:ed)?|c[oa]me up|turn(?:ed)? up)\b"
)


# A sentence that puts what follows its colon apart: `Two other [emerg] lines from that night
# are a different story: …`
_APART_HEAD = re.compile(
    r"(?i)\b(?:is|are|was|were)\s+(?:an?\s+|quite\s+)?(?:different|separate|another|other)"
    r"\s+(?:story|stories|matter|thing|issue|problem|incident)s?\s*:"
    # ... or that calls it chatter: `Around it the network thread is noisy: …`
    r"|\b(?:is|are|was|were)\s+(?:\w+\s+)?(?:noisy|chatter|chatty)\s*:"
    # ... or not to be confused with what follows (`Careful not to confuse it with the deadlock
    # of the same hour: "…"`, `Cuidado para não confundir com …:`)
    r"|\b(?:not to be confused|(?:do not|don't|careful not to|never) confuse|n\u00e3o confundir"
    r"|no confundir|ne pas confondre|nicht (?:zu )?verwechseln|non confondere)\b[^:.;]{0,80}:"
    # ... or that says what follows is not the incident: `Also in the output but *not* the
    # incident:`
    # (a concession before the colon too: `Not the incident, though Raygun grouped it next to
    # it: …`)
    r"|\bnot\W{0,2}\s+(?:the|this|our)\s+(?:incident|outage|error|problem|cause|failure)\W{0,2}"
    r"(?:,\s+(?:though|although|even though|even if|but)\b[^:.;`\"]{0,80})?:"
    # (... or that what follows is not "this": `Things in the same log that are NOT this:`)
    r"|\b(?:are|is|were|was)\W{0,2}\s+not\W{0,2}\s+(?:this|it)(?:\s+one)?\W{0,2}:"
    r"|\b(?:n'est pas|n\u2019est pas|n\u00e3o \u00e9|no es|nicht|non \u00e8)"
    r" (?:l'|l\u2019|o |el |der |das )?(?:incident|incidente|vorfall)\b[^:]{0,30}:"
)


def set_aside_inline(sentence: str) -> bool:
    """Whether a sentence, its unquoted log text in place, sets the text aside (see _INLINE)."""
    return _INLINE.search(sentence) is not None


def clauses(sentence: str) -> list[str]:
    # a parenthesis round the log text alone is part of its clause (`the message ("…")`)
    sentence = re.sub(rf"\(\W*{MARK}\W*\)", MARK, sentence)
    return [c for c in _BOUNDARY.split(sentence) if c and c.strip()]


_ALL_OF_THEM = re.compile(
    r"(?i)(?:and\s+|but\s+)?(?:both|all (?:of them|of those|of these|three|these|those)|neither"
    r"|none of (?:them|these|those)|each of them|these|those|they)\b"
)


_QUOTES_IT = re.compile(
    r"(?i)^\s*(?:and\s+)?(?:it|which|that|this)\s+(?:also\s+)?(?:says|said|reads|read|contains"
    r"|includes|mentions|ends with|ends in)\b"
    # ... or names it otherwise (`that's a StackOverflowError in our terms, a different …`)
    r"|^\s*(?:that|it|this|which)(?:'s|\s+is|\s+was)\s+(?:just\s+)?an?\s+"
)


_WORD = re.compile(r"[^\W\d_]{2,}")


def _goes_on(clause: str) -> bool:
    """Whether a clause after the log text's is still about it: no other log text or thing in
    it, or a log text it quotes of it."""
    if ANOTHER.match(clause.strip()):
        return False
    return OTHER not in clause or _QUOTES_IT.match(clause) is not None


_LABEL_OF_OTHER = re.compile(rf"^\W*[^:{MARK}{OTHER}]{{1,60}}:\s[^{MARK}]*?{OTHER}")


def set_aside(sentence: str, following: str | None) -> bool:
    """Whether the sentence (the log text replaced by MARK) sets the log text aside; the
    next sentence of the item, if any, may refer back to it."""
    if _ANSWERED_NO.search(f"{sentence} {following or ''}"):
        return True
    if _APART_HEAD.search(sentence.split(MARK)[0]):
        return True
    parts = clauses(sentence)
    at = next((i for i, c in enumerate(parts) if MARK in c), None)
    if at is None:
        return False
    own = parts[at]
    # clauses after another log text are its, but one about them all (`Both are … noise`)
    rest = parts[at + 1 :]
    # (... and so are those after another thing the clause brings in beside it: `"…", right
    # after it the STATEMENT: line (that is just the query)`)
    past = past_the_mark(own) >= 0 or bool(ANOTHER.search(own[own.index(MARK) :]))
    # (a clause that quotes more of it goes on about it: `it says "…" too, which …`)
    near = [] if past else list(itertools.takewhile(_goes_on, rest))
    them = [c for c in rest[len(near) :] if _ALL_OF_THEM.match(c.strip())]
    # (a clause without a word, `(1213)`, says nothing of it: it does not count)
    # (a next sentence that quotes log text of its own is about that)
    later = [c for c in near + them if _WORD.search(c)]
    # (... not one whose label brings in another log text: `Not related: the `[emerg] …` …`)
    if following and not OTHER_ERROR.search(following) and not _LABEL_OF_OTHER.match(following):
        # (... and its clause that turns to a verdict: `Same exhaustion, but a different message.`)
        # (not one that brings in another thing: `Before that there was also an [emerg] …, but`)
        turns = [c for c in clauses(following)[1:] if re.match(r"(?i)\s*(?:but|yet)\s", c)]
        # (... or goes on of it after an `and`: `We looked at them first and they are a red
        # herring for this one.`)
        turns += _AND_BACK.split(following)[1:]
        turns = [] if re.search(r"(?i)\b(?:also|there (?:was|were|is|are))\b", following) else turns
        later += [following, *turns]
    # `never seen before`: a new error, not an absent one
    novel = any(_NOVEL.search(c) for c in [sentence, following or ""])
    seen = _SEEN_NOT.search(own)
    unable = seen and seen[1] and _UNABLE.search(own[: seen.start(1)] + seen[1])
    got = _NOT_GOT.search(own[: own.index(MARK)]) or _GOT_PAST.search(own)
    when = _TIMING.search(" ".join([own[own.index(MARK) + 1 :], *later[:1]]))
    if seen and not novel and not unable and not got and not when:
        return True
    if _NONE_OF.search(own) or _EMPTY_AFTER.search(own):
        return True
    if _NOT_THERE.search(own) and not novel:
        return True
    if _VERDICT_AFTER.search(own) or _GUESS.search(own):
        return True
    if _LOOKED.search(own) and (_AT_FIRST.search(own) or (later and _TAKEN_BACK.match(later[0]))):
        return True
    if (_VERDICT_LABEL.match(sentence) or _SHORT_DENIAL.search(sentence)) and not novel:
        return True
    # ... a verdict label over a list of log texts (`Not related: a "…" … and a "…" from …`)
    head = _LABEL_HEAD.match(sentence)
    between = sentence[head.end() : sentence.index(MARK)] if head else ""
    if head and OTHER in between and not _TURN.search(between):
        return True
    return not novel and any(LATER.search(clause.strip(" ,.")) for clause in later[:4])
