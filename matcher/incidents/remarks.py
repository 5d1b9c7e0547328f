"""Remarks that set a log text aside without a verdict word of dismissal.py (issue #11, ninth
pass): an instruction not to alert on it or grep for it (`we do not want to alert on this
lines`, `grep for the FATAL, not for "…"`, `we deliberately did not add it to the alert`), the
text said to be an INFO or DEBUG line (`The pool-stats INFO line prints "…"`, `— it is INFO`),
another message of the same cause (`Same root cause, but a different message and not what this
incident is about`), an older known issue that did not cause this (`… are older, known issues
and did not cause this`), and the verdicts of a writer in English as a second language
(`this is consequence, not same error, please don't mix`, `is coming after`). Rules and
examples: docs/incident-log-format.md ("Not this incident")."""

from __future__ import annotations

import re

from matcher.incidents.marks import MARK

# What refers back to the log text in a clause after it (`this lines` as written in a hurry)
_BACK = r"(?:it|them|this|that|these|those|they|this lines?|these lines?|those lines?|the line)"
# A negated intention or instruction, not a past failure to do it (`we did not alert on "…"
# that night` is a gap in monitoring of the incident's own error): `do not want to`, `please
# don't`, `should not`, `no need to`, `deliberately did not`.
_WONT = (
    r"(?:(?:do|does|did)(?:n't| not)\s+(?:want|need)\s+to|(?:please\s+)?(?:do not|don't|dont)"
    r"|(?:should|would)(?:n't| not)|must(?:n't| not)|no need to|never|(?:deliberately|intentionally"
    r"|on purpose|consciously)(?:\s+\w+){0,2}?\s+(?:not|did not|didn't|do not|don't|never))"
)
_WATCH = r"(?:alert|alerting|page|paging|grep|search|match|filter|monitor|trigger|count|look)"
# `do not want to alert on this lines`, `please don't page on "…"` (not `… yet`: a gap)
_NOT_ALERTED = re.compile(
    rf"(?i)\b{_WONT}\s+(?:\w+\s+){{0,2}}?{_WATCH}\w*\s+(?:(?:on|for|about|at)\s+)?"
    rf"(?:(?:\W?{MARK})|{_BACK}\b)(?![^.;]*\b(?:yet|without|unless|except)\b)"
)
# `we deliberately left it out of the alert`, `did not add it to the alert`, `not in the alert
# rule`, `excluded from alerting`
_ALERT = r"(?:alert|alerts|alerting|alert rule|pager|paging|monitoring|dashboard query)"
_OUT_OF_ALERT = re.compile(
    rf"(?i)\b(?:left|leave|kept|keep|took|take)\s+(?:{_BACK}\s+|\W?{MARK}\W?\s+)?out of\s+"
    rf"(?:the\s+|our\s+)?{_ALERT}\b"
    rf"|\b(?:excluded|excluding|exclude)\s+(?:{_BACK}\s+)?from\s+(?:the\s+|our\s+)?{_ALERT}\b"
    # (an intention: `"…" was not in the alert rule, so nobody was paged` is a gap)
    rf"|\b(?:deliberately|intentionally|on purpose)\s+(?:\w+\s+)?(?:not|never)\s+(?:in|part of)"
    rf"\s+(?:the\s+|our\s+|any\s+)?{_ALERT}\b"
    rf"|\b{_WONT}\s+(?:\w+\s+)?add\s+(?:{_BACK}|\W?{MARK}\W?)\s+to\s+"
    rf"(?:the\s+|our\s+|any\s+)?{_ALERT}\b"
)
# `grep for the FATAL, not for "…"`, `alert on the 5xx rate instead of "…"`
_INSTEAD = re.compile(
    rf"(?i)\b{_WATCH}\w*\s+(?:on|for)\s+[^{MARK}]{{1,60}}?(?:,?\s+not\s+(?:on|for)|\s+instead of)"
    rf"\s+(?:the\s+)?\W?{MARK}"
)
# An INFO or DEBUG line that says the log text: `The pool-stats INFO line prints "…"`, `the
# DEBUG line says "…"`; not `the INFO line before it said "retrying" and then ERROR "…"`.
_QUIET = r"(?:INFO|DEBUG|TRACE)"
_QUIET_LINE = re.compile(
    rf"(?i)\b{_QUIET}(?:[- ]level)?\s+(?:lines?|messages?|entr(?:y|ies)|logs?|records?)\s+"
    r"(?:\w+\s+){0,3}?(?:prints?|printed|says?|said|shows?|showed|reads?|logs?|logged"
    rf"|contains?|contained|mentions?|mentioned|with|like)\W*{MARK}"
)
# A clause after the log text that says it is at INFO level: `— it is INFO`, `only INFO level`,
# `is logged at INFO by the retry wrapper`; not `it is not INFO`, `right after the INFO lines`.
_AT_QUIET = re.compile(
    rf"(?i)^(?:(?:{_BACK}|which)\s+(?:is|are|was|were|'s)\s+|it's\s+|(?:is|are|was|were)\s+)?"
    rf"(?:just\s+|only\s+|all\s+|merely\s+)?(?:an?\s+)?{_QUIET}\b(?:[- ]level)?"
    r"(?:\s+(?:level|lines?|messages?|logs?|only|noise))?\s*(?:[.;,)!]|$)"
    rf"|\b(?:logged|printed|written|emitted|reported)\s+(?:only\s+)?(?:at|as)\s+(?:an?\s+)?"
    rf"{_QUIET}\b"
    # `the wrapper logs "…" at INFO.`, `at DEBUG level every 30 s` (not `at INFO first, then
    # at ERROR`)
    rf"|^\W*(?:[\w-]+\s+){{0,3}}?at\s+{_QUIET}(?:[- ]level)?\b"
    r"(?![^.;]*(?:\bthen\b|\bfirst\b|(?-i:\b(?:ERROR|FATAL|CRITICAL)\b)))"
)
# Another message of the same cause, or not what this incident is about
_OTHER_MESSAGE = re.compile(
    r"(?i)\bnot what (?:this|the) (?:incident|outage|postmortem|post-mortem|ticket|page|report"
    r"|write-?up|doc(?:ument)?)\s+(?:is|was)\s+about\b"
    r"|\bnot what (?:this|the) (?:incident|outage|postmortem|post-mortem|write-?up)"
    r" (?:covers|is for)"
    r"|\bout of (?:this|the) (?:incident|outage|postmortem)(?:'s)? scope\b"
    r"|\bsame (?:root |underlying )?(?:cause|trigger|origin)\W+(?:but\s+)?(?:(?:it's|it is)\s+)?"
    r"(?:an?\s+)?(?:different|other|another|separate)\s+(?:message|error|line|text|signature"
    r"|wording)\b"
    r"|\b(?:different|other|another|separate)\s+(?:message|error|line|signature),?\s+same"
    r"\s+(?:root |underlying )?cause\b"
)
# What a clause after the log text says of it: an older known issue, one that did not cause
# this, a consequence (articles dropped: `this is consequence`, `not same error`), something
# that comes after, not to be mixed up with the incident's error.
_NOTED = re.compile(
    r"(?i)\b(?:did|does|do)(?:n't| not)\s+(?:cause|trigger|contribute to|lead to)\s+(?:this|it"
    r"|that|the\s+(?:outage|incident|problem|failure|issue|page)|anything|any of (?:this|it))\b"
    r"|\b(?:did|does|do)(?:n't| not)\s+contribute\b"
    r"|\bnot\s+(?:a\s+|the\s+)?cause\s+of\s+(?:this|it)\b"
    r"|\b(?:not|n't)\s+belong(?:s|ing)?\s+(?:to|in|with)\s+this\b"
    r"|\b(?:is|are|was|were|'s)\s+(?:\w+,?\s+){0,2}?(?:older|old|long-standing|longstanding"
    r"|pre-?existing|chronic|known)(?:,?\s+(?:and\s+)?(?:known|old|older|long-standing))?\s+"
    r"(?:issues?|bugs?|problems?|news)\b(?!\s+(?:that|which)\s+(?:caused|triggered|broke))"
    r"|\b(?:is|are|it's|'s)\s+(?:just\s+|only\s+)?(?:consequence|side[- ]effect|after[- ]effect"
    r"|effect)\b(?!\s+of\b)"
    r"|\bnot (?:the )?same (?:error|message|problem|issue|thing|failure|bug|story)\b(?!\s+as\b)"
    r"|\b(?:is|are|comes?|coming|came)\s+(?:only\s+|just\s+)?(?:after|later)\s*(?:[,.;)]|$)"
    # there for long, nothing new (`it exist since long time`, `was there before too, same as
    # every month`)
    r"|\b(?:exists?|existed|(?:is|are|was|were|been) (?:there|around|present))\s+(?:since|for)"
    r"\s+(?:a\s+)?(?:long(?:\s+time)?|ages|forever|years|months|weeks)\b"
    r"|\bnothing new\s*(?:[.;,)!]|$)"
    r"|\b(?:is|are|was|were)\s+there\s+before\s+(?:too|as well|also)\b"
    r"|\bsame as (?:every|each|last) (?:day|night|week|month|year|time|run)\b"
    # another's (`belongs to the pooler ticket, not to this one`), nothing with this
    r"|\bnot (?:to|for|of|in) this (?:one|incident|ticket|outage|postmortem)\b"
    r"|\b(?:has|have|had)\s+nothing\s+(?:in common\s+)?with\s+(?:this|the|our)\b"
    r"|\bnot (?:a|the) (?:contributor|contributing factor|factor)\b"
    r"|^\W*(?:old|older|known|long-standing)(?:,?\s+(?:and\s+)?(?:old|older|known"
    r"|long-standing|harmless))*\s*(?:[,.;)]|$)"
    r"|\b(?:please\s+)?(?:do not|don't|dont|never)\s+(?:mix|confuse|conflate)(?:\s+(?:it|them"
    r"|this|these))?(?:\s+up)?\s*(?:[,.;)!]|$|with\s+(?:the\s+)?(?:real|actual|main|incident"
    r"|outage|symptom))"
)
# A clause after the log text's own is about it when it refers back to it or has no subject
# of its own (`, and did not cause this`), not when it names another (`the timeouts are after`)
_ABOUT_IT = re.compile(
    rf"(?i)^\W*(?:and\s+|but\s+|so\s+)?(?:{_BACK}\b|which\b|it's\b|is\b|are\b|was\b|were\b|did\b"
    r"|does\b|do\b|not\b|never\b|just\b|only\b|also\b|older\b|old\b|known\b|please\b|don't\b"
    r"|logged\b|printed\b|consequence\b|side\b|same\b)"
)
# (a comma before a subject of its own ends a clause: `…, the timeouts are after`)
_CLAUSE = re.compile(
    r"\s*(?:[;:\u2014\u2013()]|\s-{1,2}\s)\s*|,\s+(?=(?:and|but|so|which|it|it's|this|they"
    r"|the|a|an|our|my|their)\s)"
)
_QUOTE = re.compile(r"[\"`\u201c]")


def _clauses_about_it(after: str, following: str) -> list[str]:
    """The clauses after the log text that are about it: the rest of its own, and those after
    that refer back to it (the next sentence's, when it quotes nothing of its own)."""
    own, *rest = _CLAUSE.split(after)
    more = _CLAUSE.split(following) if following else []
    return [own] + [c for c in [*rest, *more] if _ABOUT_IT.match(c)]


def remarked_aside(sentence: str, following: str | None) -> bool:
    """Whether the log text's sentence (the text replaced by MARK), or the next sentence of its
    item when it quotes no log text of its own, sets it aside by one of the remarks above."""
    after = sentence[sentence.index(MARK) + 1 :]
    following = following if following and not _QUOTE.search(following) else ""
    tail = f"{after} {following}"
    # before the log text, only with it as object (`don't page on it: "…"` is of another)
    for rule in (_NOT_ALERTED, _OUT_OF_ALERT):
        found = rule.search(sentence)
        if (found and MARK in found[0]) or rule.search(tail):
            return True
    if _INSTEAD.search(sentence) or _QUIET_LINE.search(sentence):
        return True
    if _OTHER_MESSAGE.search(f"{sentence} {following}"):
        return True
    return any(
        _NOTED.search(c) or _AT_QUIET.search(c.strip()) for c in _clauses_about_it(after, following)
    )


# A clause after a semicolon with a subject of its own is about that, not the log text (`"…"
# errors are the failure itself; the 502s are a consequence`)
_OTHER_SUBJECT = re.compile(
    r";\s+(?=(?:the|our|their|all|some|other)\s+(?!same\b)(?:[\w-]+\s+){1,3}?(?:is|are|was|were)\b)"
)


# (`; the team was sure it was unrelated` refers back to the log text: it is about it)
_REFERS_BACK = re.compile(r"(?i)\b(?:it|its|that|this|those|these|them|they|theirs?)\b")


def before_other_subject(text: str) -> str:
    """The text up to a clause after the log text with a subject of its own that does not
    refer back to it."""
    cut = _OTHER_SUBJECT.search(text, text.index(MARK)) if MARK in text else None
    if cut is None or _REFERS_BACK.search(text[cut.end() :].split(";")[0]):
        return text
    return text[: cut.start()]
