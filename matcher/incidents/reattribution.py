"""Asides the clause rule of dismissal.py does not read, each a kind of its own (issue #11,
eighth pass): the log text told as time lost (`wasted an hour on "…"`), as the responders'
own doing (`"…" is us shrinking maxmemory`), as other than what the users hit (`"…" — the
cause underneath, not what users hit`, `…; what customers got was the timeout`), as the
same failure at warn level (`"…" warns: same thing`), as a guess answered `— no`. Markdown
emphasis in the prose (`*not*`, `**unrelated**`) is read as plain words. Rules and examples:
docs/incident-log-format.md ("Not this incident")."""

from __future__ import annotations

import re

from matcher.incidents.marks import MARK, past_the_mark
from matcher.incidents.remarks import remarked_aside
from matcher.incidents.verdicts import VERDICT

_VERDICT_ANYWHERE = re.compile(rf"(?i)\b(?:{VERDICT})\b")

# `*not*`, `**unrelated**`, `_never_`: the words, without the emphasis (the log text is the
# mark, so a `*` inside it is never read)
_EMPHASIS = re.compile(
    r"(?<![\w*_])(\*{1,3}|_{1,3})(?=[^\s*_])([^*_\x01\n]{1,40}?)(?<=\S)\1(?![\w*_])"
)


def without_emphasis(text: str) -> str:
    """The prose without Markdown emphasis."""
    return _EMPHASIS.sub(r"\2", text)


_TIME = r"(?:time|hours?|minutes?|mins|days?|morning|afternoon|evening|night|day|week|ages)"
# Time lost on the log text, said before it in its sentence: `wasted 40 minutes on "…"`,
# `lost most of the morning to "…"`, `spent far too long chasing "…"`; not time spent on the
# incident's error (`we spent an hour on "…" before fixing the pool`), nor what was lost
# (`lost 2 hours of orders to "…"`).
_TIME_LOST = re.compile(
    r"(?i)(?:\b(?:wasted?|wasting|lost|losing|burn(?:ed|t)|sank|sunk|squandered|blew)\s+"
    rf"(?:[\w'-]+\s+){{0,3}}?{_TIME}\s+(?:on|to|into|chasing|looking at|staring at|convinced"
    r"|thinking|sure|believing|assuming)\b"
    r"|\bspen[dt]\b(?:\s+[\w'-]+){0,4}?\s+(?:embarrassing\w*|too (?:long|much)|ages|forever)\b)"
    rf"[^{MARK}]*{MARK}"
    rf"|{MARK}[^.;]*\b(?:for nothing|in vain|rabbit[- ]holes?|wild[- ]goose chase"
    r"|waste of time)\b"
)
# The responders' own doing: `"…" is us shrinking maxmemory`, `was me testing`, `is from us
# opening psql sessions`, `caused by our own UPDATE`, `triggered by the migration we ran`;
# not `from us-east-1`, nor `from the BI report` (the incident's cause).
_OWN = re.compile(
    rf"(?i){MARK}.*?(?:"
    r"\b(?:is|are|was|were|'s)\s+(?:just\s+|only\s+|all\s+)?(?:from\s+)?(?:us|me)\s+\w+ing\b"
    r"|\bfrom\s+(?:us|me)\s+\w+ing\b"
    r"|\b(?:by|from)\s+(?:our|my)\s+own\b|\b(?:caused|triggered|produced|generated)\s+by\s+"
    r"(?:us|me|the on-?call(?:er)?|the responders?)\b"
    r"|\b(?:caused|triggered|produced|generated)\s+by\s+(?:the|a|our|my)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:we|i)\s+(?:ran|did|made|started|pushed|applied|issued|kicked off)\b"
    r"|\bfrom\s+the\s+on-?call(?:er)?\s+\w+ing\b"
    # what a responder did by hand: `from my manual CONFIG SET` (not `from our deploy`; and
    # not `by hand` alone: `the CLI said "…" when we tried to connect by hand` confirms it)
    r"|\b(?:by|from)\s+(?:our|my)\s+(?:own\s+)?(?:manual|ad[- ]hoc|hand-?run|debug(?:ging)?"
    r"|test)\b)"
)

# What the users hit was another thing: a clause after the log text that says so (`…, what
# the user got was the lock wait`, `the actual failure was the producer timeout`, `the error
# users saw was different`), or the log text denied as that (`not what users hit`); not `"…",
# which is what the app saw`.
_WHO = r"(?:[\w-]+\s+){0,3}?"
_HIT = r"(?:saw|see|sees|got|get|gets|hit|hits|reported|received|experienced|noticed|paged on)"
_SELF = r"(?!\s+(?:exactly\s+|just\s+)?(?:this|that|it|these|those|the same)\b)"
_REATTRIBUTED = re.compile(
    rf"(?i)\b(?:what|the\s+(?:error|errors|message|failure|thing|symptom)s?)\s+{_WHO}{_HIT}"
    rf"\s+(?:was|were)\b{_SELF}"
    r"|\bthe\s+(?:real|actual)\s+(?:user-facing\s+)?(?:error|failure|symptom|problem|issue)s?"
    rf"\s+(?:was|were)\b{_SELF}"
    rf"|\bnot\s+what\s+{_WHO}{_HIT}\b"
    rf"|\b(?:users?|customers?|clients?|callers?|app|application|frontend|shoppers?)\s+"
    rf"(?:itself\s+|themselves\s+)?(?:only|actually|really)\s+(?:ever\s+)?{_HIT}\b"
)

# The same failure at warn level: the log text said to be a warning (`"…" warns`, `at warn
# level`, `as a warning`, `WARN-level "…"`, `from the warn side`) in a sentence that calls it
# the same thing as the error; a warn word elsewhere (`after the warnings, the app logged
# "…"`, `not a warning but a hard error: "…"`) keeps it.
_WARN = r"(?:warn(?:ing)?s?|info|debug|notice)"
_AT_WARN = re.compile(
    rf"(?i){MARK}\W*\s*(?:[\w-]+\s+){{0,2}}?{_WARN}\b"
    rf"|{MARK}.*?\b(?:at|on|with)\s+(?:the\s+)?{_WARN}[- ]level\b"
    rf"|{MARK}.*?\bas\s+(?:an?\s+)?{_WARN}\b"
    rf"|\b{_WARN}[- ]level\s+\W?{MARK}"
    rf"|\b(?:from|on)\s+the\s+{_WARN}\s+side\b"
)
_WARN_IN_LOG = re.compile(r"(?i)^\W*\[?(?:warn|warning|notice)\b")
_SAME = re.compile(
    r"(?i)\bsame(?:\s+[\w-]+)?\s*(?:[.,;:)]|$)|\bone level down\b"
    r"|\bsame\s+(?:thing|story|event|failure|incident|outage|error|problem|cause|root cause)\b"
)

# Below the error users hit: a clause that says the log text lies underneath (`one layer
# down`, `underneath`) and one, starting a clause, that names what the users got instead
# (`… — that's the symptom one layer down; customers got the metadata timeout`); not `the
# symptom customers got, the cause was one layer down` (no clause of the users' own).
_BELOW = re.compile(
    r"(?i)\b(?:one|a) (?:layer|level) (?:down|below|deeper)|\bunderneath\b|\bdeep(?:er)? down\b"
    r"|\bunder the hood\b"
)
_USERS_GOT = re.compile(
    r"(?i)(?:^|[;:\u2014\u2013]\s*|,?\s+(?:but|while|whereas)\s+)(?:the\s+)?(?:users?|customers?"
    rf"|clients?|callers?|shoppers?|the app)\s+(?:\w+\s+)?{_HIT}\s+(?:the|a|an)\b"
)
# An arrow says what the log text is: a verdict anywhere after it (`"…" => the reindex job, a
# known issue`).
_ARROW = re.compile(r"^\W*(?:\u2192|=>|->)")

# A guess answered no after a dash or a colon: `first thought: "…" — no.`, `Was it "…" —
# no, …`; not `— no retry helped`, `— no doubt`.
_DASH_NO = re.compile(
    rf"(?i){MARK}[^.!;?\u2014\u2013]{{0,60}}?(?:[\u2014\u2013]|\s-{{1,2}}\s|:)\s*(?:no|nope|nah)"
    r"\s*(?:[.,;!)]|$)"
)
# a question about the log text, answered no after what was checked (`"…"? Checked
# pg_stat_activity — no.`): the next sentence
_CHECKED_NO = re.compile(
    r"(?i)^[^.!?\u2014\u2013]{0,60}?(?:[\u2014\u2013]|\s-{1,2}\s|:)\s*(?:no|nope|nah)\s*(?:[.,;!)]|$)"
)


def set_aside_more(sentence: str, following: str | None, log: str) -> bool:
    """Whether the log text's sentence (the text replaced by MARK), or the next sentence of
    its item, sets it aside by one of the kinds above."""
    other = past_the_mark(sentence)  # another log text: what follows it is about it
    if other >= 0:
        sentence = sentence[:other]
    after = sentence[sentence.index(MARK) + 1 :]
    rest = f"{after} {following or ''}"
    if _TIME_LOST.search(sentence) or _OWN.search(sentence) or _DASH_NO.search(sentence):
        return True
    if remarked_aside(sentence, following):
        return True
    if _REATTRIBUTED.search(rest) or (_BELOW.search(rest) and _USERS_GOT.search(rest)):
        return True
    if _ARROW.match(after) and _VERDICT_ANYWHERE.search(after):
        return True
    if following and re.search(r"\?\W*$", sentence) and _CHECKED_NO.match(following):
        return True
    warn = _AT_WARN.search(sentence) or _WARN_IN_LOG.match(log)
    return bool(warn and _SAME.search(f"{sentence} {following or ''}".replace(MARK, " ")))
