"""What the author of a postmortem puts aside: log text in a sentence that says it is not this
incident's error (`Not to be confused with "…"`, `"…" — nothing to do with this`, `later "…" —
follows from the above`), a warning or info line, a message a person saw on a page. The table
of cues (cues.py) is read here, each in its stretch of text, with the clause rules of
dismissal.py, reattribution.py, remarks.py and verdicts.py; the rules and their examples are in
docs/incident-log-format.md ("Not this incident")."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from matcher.incidents.asked import asked_and_denied
from matcher.incidents.cues import ALERT_LABEL, CUES, LOGGY, Scope
from matcher.incidents.dismissal import set_aside, set_aside_inline
from matcher.incidents.loglike import quoted_log
from matcher.incidents.marks import (
    ANOTHER,
    ERROR_START,
    MARK,
    OTHER,
    OTHER_ERROR,
    about_the_mark,
    past_the_mark,
)
from matcher.incidents.quotes import quoted_runs
from matcher.incidents.reattribution import set_aside_more, without_emphasis
from matcher.incidents.remarks import before_other_subject
from matcher.incidents.verdicts import (
    VERDICT,
    about_it,
    denies_its_kind,
    from_label,
    near_miss,
    opens_with_verdict,
    taken_back,
    verdict,
    verdict_list,
)

# Sentences of a symptom item: a cue's scope never crosses into the next one.
# (a capital of any Latin, Greek or Cyrillic alphabet: `… gördük. İkisi de …`)
_CAPITAL = "A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u017e\u0391-\u03a9\u0400-\u042f"
SENTENCE = re.compile(rf"(?<=[.!?;])\s+(?=[{_CAPITAL}(\"'`\u201c])")
# ... in an item written all in lower case (`… bytes repr and all. not to be confused with …`),
# a lower-case word after the stop starts one too (not after `e.g.`, `i.e.`, `etc.`, `vs.`)
_LOWER_SENTENCE = re.compile(
    r"(?<=[.!?])(?<!\be\.g\.)(?<!\bi\.e\.)(?<!\betc\.)(?<!\bvs\.)(?<!\bapprox\.)\s+(?=[a-z])"
)

# ... in a script with no capitals, at its own full stop (Tibetan's shad, Ge'ez's `።`, Burmese's
# `။`) before a sentence that holds a log text of its own (`"…" ཡང་བྱུང་། "…" ནི་འབྲེལ་བ་མེད།`:
# the verdict is the second text's); a sentence after one with no log text is read with it, as
# an English one that refers back is; so too the full stops of Chinese and Japanese (`。` and
# the full-width marks), of the Devanagari and Bengali scripts (the danda `।`) and of Urdu
_STOPS = "\u0f0d\u0f0e\u1362\u104b\u3002\uff01\uff1f\u0964\u0965\u06d4"
_SCRIPT_SENTENCE = re.compile(rf"(?<=[{_STOPS}])\s*(?=[^{_STOPS}]*[\x01\x02])")


_PARAGRAPH_REF = re.compile(r"\s*\((?:\s*(?:\u00a7\s*)?\d{1,2}(?:\.\d{1,2}){1,3}\s*[,;]?)+\)")


def sentences_of(marked: str) -> list[str]:
    """The item's sentences; for an item with no capital after a stop, lower-case ones too."""
    if re.search(rf"[.!?]\s+[{_CAPITAL}]", marked) is None:
        parts = [p for part in SENTENCE.split(marked) for p in _LOWER_SENTENCE.split(part)]
    else:
        parts = SENTENCE.split(marked)
    return [s for part in parts for s in _SCRIPT_SENTENCE.split(part)]


# `This was not a deadlock. … `1213 Deadlock found …``: a sentence of the same item denies
# the very word the log text is about.
# A noun after an article (`was not a deadlock`), not a state (`was not locked by a user`).
_DENIED = re.compile(r"(?i)\b(?:was|is|were|are|it's)\s+not\s+an?\s+([a-z]{4,})\b")


# a search term (`when you grep for "Connection refused"`): words searched for, not a log line
# that a later verdict would be about (... and Kinyarwanda's `grep ya "…"`, a grep of)
SEARCHED = re.compile(r"(?i)\b(?:grep(?:ped|ping)?|search(?:ed|ing)?)\s+(?:for\s+|ya\s+)?\W{0,2}$")
# An earlier sentence that names another log text as the only one that counts (`Only the
# "[CRITICAL] WORKER TIMEOUT" line is the signal.`): this one is not.
# A parenthesis right after the log text about another thing that came with it (`"…" (after
# the usual GC trace block, which we do not count)`): a verdict in it is about that thing.
_WITH_ANOTHER = re.compile(
    r"(?i)^[\s`'\"\u201d]*\(\s*(?:(?:right |just |shortly )?(?:after|before|following)"
    r" (?:the|a|an|each)|(?:preceded|followed|accompanied) by|along with|together with)\b[^()]*\)"
)
_ONLY = re.compile(
    rf"(?i)^\W*only\s+(?:the\s+)?\W?{OTHER}[^.;{MARK}]*?\b(?:is|are|was|were)\s+(?:the|our)\s+"
    r"(?:real\s+|actual\s+)?(?:signal|error|symptom|one|ones|cause|problem|failure|incident)\b"
)
_HYPOTHESIS = re.compile(r"(?i)^\W*(?:h\d{1,2}|hypothes[ie]s\s*\d{0,2})\s*[:.)\u2014-]")
_REJECTED = re.compile(
    r"(?-i:REJECTED|DISPROVEN|DISPROVED|REFUTED)|(?i:\bruled out\b|\brejected\b)"
)
_STRUCK = re.compile(r"~~\s*[`\"'\u201c\u00ab]?\s*\x01\s*[`\"'\u201d\u00bb]?\s*~~")
# A later sentence of the item about all its log texts: `Neither is the heap crash.`, `None of
# these was the cause.`
_NEITHER = re.compile(
    r"(?i)^\W*(?:neither|none of (?:them|these|those|the above))(?:\s+\w+)?\s+"
    r"(?:is|was|are|were)(?:\s+\w+)?\s+(?:the|our|this|it|related|relevant|to blame"
    r"|an? (?:separate|different|new|real|second) (?:problem|issue|error|bug|incident))\b"
)


# A sentence that says the verdict before it holds for the log text too, and what such a
# verdict says (the verdict words and the kinds of consequence).
_SAME_FOR = re.compile(
    r"(?i)^\W*(?:same|ditto|likewise|the same goes|same goes|idem|lo mismo|o mesmo|pareil"
    r"|de m\u00eame|dasselbe(?: gilt)?|lo stesso|neither|nor|tampoco|tamb\u00e9m n\u00e3o|nemmeno"
    r"|neanche|non plus)"
    r"(?:\s+(?:for|with|para|con|com|pour|f\u00fcr|per))?"
    r"(?:\s+(?:the|o|a|os|as|el|la|los|las|le|les|il|lo|der|die|das))?"
    # (... a crowd of it: `same for the flood of "…" reconnect lines`)
    r"(?:\s+[a-z]+\s+of(?:\s+the)?)?\W*\x01"
)
# What the thing a verdict label set aside says (`Not it: the second row. Its exception is "…"`)
_ITS = re.compile(
    r"(?i)^\W*(?:its|their|whose)\s+(?:[\w-]+\s+){0,3}(?:is|was|are|were|reads?|says?|said)\b"
    r"[^\x01\x02]*\x01"
)
_SET_ASIDE = re.compile(
    rf"(?i)\b(?:{VERDICT})\b|\b(?:an?\s+)?(?:consequence|side effect|knock-on|follow-on)\b"
    r"|\bnot (?:a|the) (?:second|separate|real|root) (?:error|cause|problem)\b"
)


_ATTRIBUTION = re.compile(
    r"^\W{0,3}(?:\*\*)?[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3}(?:\*\*)?\s+"
    r"(?:commented|wrote|replied|added a comment)\b"
    r"[^:\x01]{0,40}?(?:\d\d:\d\d(?:\s*[AP]M)?)?:\s+"
)
NAMED_ERROR = re.compile(r"(?<![\w.\x01])(?:[a-z_]\w*\.)*[A-Z]\w*(?:Error|Exception)\b(?![:(\w])")


def _about_it(pattern: re.Pattern[str], sentence: str) -> bool:
    """Whether a cue in the sentence is about the log text (dismissal.about_the_mark): in a
    paragraph of several errors (`… (error) OOM command not allowed …, and somebody pasted a
    WRONGTYPE … which was a red herring`) a verdict is about the error it follows."""
    return any(about_the_mark(sentence, m.start(), m.end()) for m in pattern.finditer(sentence))


def _inside(pattern: re.Pattern[str], sentence: str, log: str) -> bool:
    """Whether a cue reads in unquoted log text put back in place: it may run on into the prose
    after it (`ZeroDivisionError: division by zero is a separate issue`)."""
    start = sentence.index(MARK)
    end = start + len(log)
    placed = sentence.replace(MARK, log, 1)
    return any(m.start() < end and m.end() > start for m in pattern.finditer(placed))


def put_aside(item: str, log: str, quoted: bool, others: Sequence[str] = ()) -> bool:
    """Whether the item says the log text is not this incident's error (see CUES); `others`:
    the item's other log texts, which a cue nearer to them is about."""
    # (who said it and when is no part of what they said: `**Aisha** commented 12/3 11:30 AM:`)
    item = _ATTRIBUTION.sub("", item, count=1)
    # a log text struck through (`~~"…"~~ — saw this first …`): a lead the author crossed out
    if _STRUCK.search(item.replace(log, MARK, 1)):
        return True
    # a hypothesis the item rejects (`H1: … **REJECTED**. Evidence: "…"`): all its evidence
    if _HYPOTHESIS.match(item) and _REJECTED.search(item.replace(log, MARK, 1)):
        return True
    # typographic apostrophes as ASCII: a curly `wasn\u2019t` is `wasn't`
    marked = without_emphasis(item.replace(log, MARK, 1).replace("\u2019", "'"))
    # a quote whose own full stop ends it ends the author's sentence too (`said "… refused."
    # Later runs show …`): the stop went with the log text, so it is put back after the quote
    if log.rstrip().endswith((".", "!", "?")):
        marked = re.sub(rf"(?<={MARK})([\"\u201d])(?=\s+[A-Z])", r"\1.", marked, count=1)
    # the item's other log texts are marked where they start (unquoted, one may run on into
    # the author's words: `"…" and SystemExit: 1 after it are expected`)
    for other in others:
        at = marked.find(other)
        searched = at > 0 and SEARCHED.search(marked[: at - 1])
        # (a part of the log text quoted again is still it: `… the same "try restarting …"`)
        if other not in log and len(other) > 8 and MARK not in other and not searched:
            marked = marked.replace(other, OTHER + other, 1)
    # ... and an error named in the prose (`one job failed with ZeroDivisionError …, so don't
    # count that one`)
    marked = NAMED_ERROR.sub(OTHER, marked)
    # another quote's words are log text, no cue (`… inside another exception, "During handling
    # of the above exception, another exception occurred"`)
    for run in quoted_runs(marked):
        searched = SEARCHED.search(marked[: max(0, marked.find(run) - 1)])
        if MARK not in run and quoted_log(marked, run) and not searched and run not in log:
            # (twice for an error of its own: OTHER_ERROR)
            marked = marked.replace(run, OTHER * (1 + bool(re.match(ERROR_START, run))), 1)
    if near_miss(marked) or verdict_list(marked):
        return True
    # a reference to numbered paragraphs (`message (1.4) is …`) is no clause of its own, and a
    # number's point (`1.5 s`) ends no sentence nor clause the cues read
    marked = _PARAGRAPH_REF.sub("", marked)
    marked = re.sub(r"(?<=\d)\.(?=\d)", "\u2024", marked)
    sentences = sentences_of(marked)
    for at, sentence in enumerate(sentences):
        if MARK not in sentence:
            continue
        # the next sentence, when it says what the log text was (`"…". That's the reserved
        # slots doing their job, a separate message`), is read with it by the cues around and after
        own = sentence  # the phrases that hold anywhere are read in the log text's own
        # (up to two: `That's stack, not heap. Different problem.`), and so are the phrases
        # that hold anywhere, which read these in full
        # (not one that quotes an error of its own: `It was in the same log: "…", its own
        # ticket.` is about that)
        verdicts = list(
            itertools.takewhile(
                lambda s: about_it(s) and not OTHER_ERROR.search(s), sentences[at + 1 : at + 3]
            )
        )
        sentence = " ".join([sentence, *verdicts])
        following = sentences[at + 1] if at + 1 < len(sentences) else None
        if (
            taken_back(following)
            or verdict(verdicts)
            or any(
                c.scope is Scope.SENTENCE and c.pattern.search(v) for c in CUES for v in verdicts
            )
        ):
            return True
        # (... and the sentence after one about it: `"…". It is the library's own message. It is
        # not the metadata timeout.`)
        if any(set_aside(own, f) for f in [following, *verdicts[1:]]) or (
            not quoted and set_aside_inline(own.replace(MARK, log))
        ):
            return True
        if any(_ONLY.match(earlier) for earlier in sentences[:at]):
            return True
        if asked_and_denied(sentences, at):  # (`Is the … the same? "…". No, …`)
            return True
        if set_aside_more(own, following, log):
            return True
        if denies_its_kind(own, log):  # `It was NOT a deadlock: … "Deadlock found …"`
            return True
        # the prose before a colon or a `but` that introduces the log text's clause is no cue:
        # a label says what the text is of (`the job did not finish: "…"`), and a `but` sets
        # what precedes it against the text (`not reproducible locally, but prod logged "…"`)
        if ALERT_LABEL.search(own):
            return True
        own, sentence = from_label(own), from_label(sentence)
        # a clause after a semicolon with a subject of its own is about that (`"…" errors are
        # the failure itself; the 502s are a consequence`)
        sentence, own = before_other_subject(sentence), before_other_subject(own)
        blank = own  # the mark is no word: the cues read it as a gap
        # (up to another log text: what is said after that is about it)
        past = past_the_mark(sentence)
        after = sentence[sentence.index(MARK) + 1 : past if past >= 0 else None]
        after = _WITH_ANOTHER.sub("", after, count=1)
        # (... and up to another thing it brings in: `"…", right after it the STATEMENT: line
        # (that is just the query)` says nothing of the log text)
        beside = ANOTHER.search(after)
        after = after[: beside.start()] if beside else after
        plain = LOGGY.search(log) is None
        for cue in CUES:
            if cue.plain_only and not plain:
                continue
            if cue.scope is Scope.AROUND and _about_it(cue.pattern, sentence):
                return True
            if cue.scope is Scope.AFTER and cue.pattern.search(after):
                return True
            if cue.scope is Scope.SENTENCE and (
                _about_it(cue.pattern, blank) or (not quoted and _inside(cue.pattern, own, log))
            ):
                return True
        # (`None of these …` after a sentence that lists other log texts is about those)
        for later in sentences[at + 1 :]:
            if _NEITHER.match(later):
                return True
            if len(re.findall(f"{OTHER}+", later)) >= 2:
                break
        # `Same for "…".` after a sentence that set something aside
        if at and _SAME_FOR.match(sentence) and _SET_ASIDE.search(sentences[at - 1]):
            return True
        # ... and so after a semicolon (`…, not what we count; same for the flood of "…"`)
        head, _, tail = sentences[at].rpartition(";")
        if MARK in tail and _SAME_FOR.match(tail) and _SET_ASIDE.search(head):
            return True
        if at and _ITS.match(sentence) and opens_with_verdict(sentences[at - 1]):
            return True
        denied = {m[1].lower() for s in sentences if MARK not in s for m in _DENIED.finditer(s)}
        return any(re.search(rf"(?i)\b{word}", log) for word in denied)
    return False
