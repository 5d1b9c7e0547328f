"""Log texts run together by the prose around them, as a ticket's article hard-wrapped in its
export reads once its lines are joined: `… Name or service not known) under the requests
ConnectionError. Ledger DB: could not translate host name "db" to address: … Bottom of the
chain is socket.gaierror: …`, `… secs.') and in the traceback kafka.errors.KafkaTimeoutError:
…`, `… heap out of memory This was with …`. Such a text holds one error a sentence: it is cut
where a sentence ends or a connective of prose leads on, each part that states an error of its
own is kept as one, a part of prose is left out. docs/incident-log-format.md ("Thirty-eighth
round") says the rule."""

from __future__ import annotations

import re

from matcher.incidents.loglabels import LABEL
from matcher.incidents.loglike import MESSAGE, START
from matcher.incidents.quotes import clip_prose

# Where the text may be cut, by what follows the cut when no error does:
# a sentence's end, a full stop before a capital (`… ConnectionError. Ledger DB: …`): the
# message may go on so itself (`Connection refused. Is the server running …`), so without an
# error after it the text is one
_SENTENCE = r"(?<=[\w)\]'\"])[.;]\s+(?=[A-Z])"
# ... a sentence that began on the next line with no stop before it, a capital and words in
# lower case after a word of the text (`… not known Bottom of the chain is …`, `… out of
# memory This was with …`); with no error after it, the text is one unless the sentence opens
# as prose does, with a pronoun or an article
_WRAPPED = r"(?<=[a-z0-9])\s+(?=[A-Z][a-z]+\s+[a-z]+\s+[a-z])"
_PROSE_OPENER = re.compile(
    r"^(?:This|That|These|Those|The|It|Its|We|Our|They|Their|There|He|She|I|You)\s+[a-z]"
)
# ... a connective of prose that leads from one error of a chain to the next (`… and in the
# traceback …`, `…, the bottom of the chain is …`): what follows it is an error or the
# author's words, never the message going on
_CONNECTIVE = (
    r",?\s+and\s+(?:in|from)\s+the\s+(?:traceback|stack\s?trace|logs?)\s+"
    r"|,?\s+(?:and\s+)?(?:the\s+)?(?:bottom|root|end|top)\s+of\s+(?:the|its)\s+"
    r"(?:chain|traceback|trace|stack)\s+(?:is|was)\s+"
)
# ... and the error a chain wraps or comes from (`…) under the requests ConnectionError`, `…)
# coming out of urllib3.exceptions.NameResolutionError, host …`): the message may go on so
# (`worker failed under the load`), unless what follows only names a class
_UNDER = (
    r",?\s+(?:(?:under|inside|beneath|within|wrapped\s+in)\s+(?:the|an?)"
    r"|coming\s+(?:out\s+)?(?:of|from)|bubbling\s+up\s+from)\s+"
)
# ... and the next line of a paste whose lines were joined, its time and level (`… on device
# [2026-01-09 02:10:13,986] ERROR in backup: …`): a line of its own, left out when it states no
# error (`… INFO in backup: disk check: …`); not the line's own after a prefix and its colon
# (syslog's `Dec 03 08:16:29 host node: [2026-12-03T08:16:29.204Z] ERROR …`)
_STAMP = (
    r"(?<![:|])(?P<stamp>\s+)"
    r"(?=\[?\d{4}-\d\d-\d\d[ T]\d\d:\d\d[\d:.,]*(?:Z|[+-]\d\d:?\d\d)?\]?\s+\[?"
    r"(?:ERROR|ERR|WARN|WARNING|INFO|DEBUG|FATAL|CRITICAL|NOTICE)\b)"
)
_CUT = re.compile(
    f"{_STAMP}|(?P<sentence>{_SENTENCE})|(?P<wrapped>{_WRAPPED})|(?P<under>{_UNDER})|{_CONNECTIVE}"
)
# (an exception class named in the prose, no message of its own: `the requests ConnectionError`,
# `urllib3.exceptions.NameResolutionError, host …`)
_CLASS_NAMED = re.compile(r"^(?:[\w]+\s+){0,3}(?:\w+\.)*[A-Z]\w*(?:Error|Exception)\b(?![:(])")


# (a level or an upper case word, which prose names too: `the GC lines before the FATAL are …`,
# `… EXCLUDED HERE`)
_UPPER = re.compile(r"[A-Z_]{3,}\b")


def _error_in(part: str, stamped: bool = False) -> str | None:
    """The error a part states, from where it starts (after the author's label: `Ledger DB:
    could not translate …`), or None when it is the author's words."""
    label = LABEL.match(part)
    short = label is not None and len(label[1].split()) <= 4
    if label and short and MESSAGE.match(part[label.end() :]):
        return clip_prose(part[label.end() :]) or None
    start = START.search(part)
    if start is None or (start.start() > 0 and not stamped and _UPPER.match(part, start.start())):
        return None
    # (an error in brackets is the cause the message after the label gives: `GATEWAY: Failed
    # to resolve 'x' ([Errno -2] …)`)
    at = label.end() if label and short and part[: start.start()].endswith("(") else start.start()
    error = clip_prose(part[at:])
    return error if error and not _CLASS_NAMED.match(error) else None


def run_on_parts(text: str) -> list[str]:
    """The errors a log text holds when prose ran them together, or the text as it is."""
    cuts = list(_CUT.finditer(text))
    if not cuts:
        return [text]
    parts: list[str] = []
    kept = text[: cuts[0].start()]  # (the first part: where the text was found to start)
    prose = False  # (the part before was the author's words, left out)
    for at, cut in enumerate(cuts):
        part = text[cut.end() : cuts[at + 1].start() if at + 1 < len(cuts) else len(text)]
        error = _error_in(part, cut["stamp"] is not None)
        if error:
            parts.append(kept)
            kept, prose = error, False
            continue
        goes_on = (
            cut["sentence"] or cut["under"] or (cut["wrapped"] and not _PROSE_OPENER.match(part))
        )
        # (no error after it: the message goes on, unless it is a class named in prose; the
        # author's words after a connective are left out, and what they go on to)
        prose = prose or not goes_on or _CLASS_NAMED.match(part.strip()) is not None
        if not prose:
            kept += cut[0] + part
    parts.append(kept)
    # (the first part a word of prose alone: `the` before `bottom of the stack is …`)
    found = [p for p in (clip_prose(p) for p in parts) if len(p.split()) > 1 or START.match(p)]
    return found if found and found != [clip_prose(text)] else [text]
