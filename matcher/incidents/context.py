"""Which symptoms of an incident are context once its other symptoms state the error: the
lines that go with an error without stating one (PostgreSQL's `STATEMENT:` and `CONTEXT:`,
V8's `<--- JS stacktrace --->` banner), a warning beside errors, and a fragment of another
symptom's message. Alone, each stays: then it is all the author gave. The rules are in
docs/incident-log-format.md ("Context beside the error").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from matcher.patterns.heads import find_head

CONTEXT_NOTE = "(no symptom: context beside the error that the incident's other symptoms state)"

# What PostgreSQL logs after an error (its `DETAIL:` states a deadlock's cycle, so it counts),
# and a CONTEXT written without its label (`while updating tuple (0,1) in relation "t"`); a
# banner around a dump; the first line of a traceback.
_CONTEXT_LINE = re.compile(
    r"^(?:STATEMENT|CONTEXT|HINT|LOCATION|QUERY):"
    # (... after the server log's prefix: `UTC [<n>] billing@postgres STATEMENT:  SELECT …`)
    r"|(?:@\S+|\])\s+(?:STATEMENT|CONTEXT|HINT|LOCATION|QUERY):\s"
    r"|^while [a-z]+ing\b|^PL/pgSQL function\b|^SQL statement \""
    # (a runtime's version banner at the end of a crash dump: `Node.js v20.20.2`)
    r"|^[A-Z][\w.+-]*\s+v?\d+(?:\.\d+)+$"
    # (a deadlock's statements after its DETAIL: `Process <n>: UPDATE invoices …`)
    r"|^Process \S+: (?:UPDATE|INSERT|DELETE|SELECT|WITH|MERGE)\b"
    r"|^<-{2,}.*-{2,}>$|^-{3,}.*-{3,}$|^={3,}.*={3,}$"
    r"|^Traceback \(most recent call last\)|^During handling\b|^The above exception\b"
    # (a server's or framework's line before a request's traceback, whose last line says why:
    # gunicorn's `Error handling request`, Flask's `Exception on /x [GET]`, Django's `Internal
    # Server Error: /x`, uvicorn's `Exception in ASGI application`, `Exception in thread …:`)
    r"|(?:^|[\]:]\s*|\b(?:ERROR|error):?\s+)(?:Error handling request|Exception on \S+ \[[A-Z]+\]"
    r"|Internal Server Error: [/<]|Exception in ASGI application|Exception in thread \S+:?$)"
    # (... and RQ's worker's: `job <id>: exception raised while executing (jobs.x)`)
    r"|\bexception raised while executing\b"
    # (V8's GC trace before a heap out of memory: `Mark-Compact 17.7 (50.2) -> 16.9 (51.0) MB`)
    r"|^(?:\[\d+:0x[0-9a-f]+\]\s+\d+ ms: )?(?:Mark-Compact|Scavenge|Mark-Sweep)\b"
    # (Node's crash framing: the internal location a throw is printed at, `node:events:502`,
    # and the banners of a heap dump, `<--- Last few GCs --->`, `<--- JS stacktrace --->`)
    r"|^node:[\w/.-]+:(?:\d+|<[^>]+>)$|^(?:<-+\s*)?(?:Last few GCs|JS stacktrace)(?:\s*-+>)?$"
    # (Node's line before the frames of an unhandled 'error' event)
    r"|^Emitted '\w+' event on \S+ instance at\b"
    # an access log's request and status (`"GET /api/orders/<n> HTTP/1.1" 502`): that a request
    # failed, which the error beside it says why
    # (quoted from memory without its opening quote: `POST /upload HTTP/1.1" 413`)
    r'|(?:^|")(?:GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS) \S+ HTTP/[^"]*" (?:\d{3}\b|<[^>]+>)'
    # (... cut down to its method, path and status: `GET /api/orders/… 502`)
    r"|^(?:GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS) \S+ (?:[1-5]\d\d|<[^>]+>)$"
)
# A level below error (`[warn] …`, `WARNING: …`, `NOTICE: …`) or a warning's class
# (`MaxListenersExceededWarning: …`, `(node:1) DeprecationWarning: …`).
_WARNING = re.compile(
    r"^\[?(?:warn|warning|notice|WARN|WARNING|NOTICE)\]?:?\s"
    r"|^(?:\(node:[^)]*\)\s+)?(?:[A-Za-z_]\w*\.)*[A-Z]\w*Warning\b"
)

# A name before the message (Node's `Error: …`, `curl: …`): the link of a message of its own.
_OWN_HEAD = re.compile(r"^[A-Za-z_][\w.$-]*:\s+\S")


def context_symptoms(symptoms: Sequence[str]) -> set[str]:
    """The symptoms of one incident that are context beside its others."""
    lines = {s for s in symptoms if _CONTEXT_LINE.search(s)}
    warnings = {s for s in symptoms if _WARNING.search(s)} - lines
    errors = [s for s in symptoms if s not in lines and s not in warnings]
    context = set(lines) if errors or warnings else set()
    if errors:  # a warning beside errors is what came with them
        context |= warnings
    context |= {s for s in errors if _fragment(s, errors)}
    stating = [s for s in errors if s not in context and not _outcome_only(s)]
    if stating:  # what failed, beside the errors that say how
        context |= {s for s in errors if _outcome_only(s)}
    return context


# A message that says only that something failed, not how (`upload for user <n:int> failed`,
# `monthly report query aborted after <ms:num>ms`): the application's line of the outcome, no
# class, no level, no cause after a colon (a placeholder's colon is its own). The error it
# failed on is another symptom's.
_OUTCOME = re.compile(
    r"^(?:[^:<]|<[^>]*>)*\b(?:failed|aborted|errored|crashed|gave up|did not complete)"
    r"(?: after <[^>]+>\s*[a-z]*)?$"
)


# ... also with the level and the application's prefix its log gives it (`ERROR thumbnail batch
# failed after <files:int> files`, `[<pid>] ERROR billing: monthly report query aborted after
# <ms:num>ms`): they say where the line came from, not how it failed.
_LEVEL_AND_APP = re.compile(
    r"^(?:\[[^\]]*\]\s*|<[^>]*>\s*|pid=\S+\s*)*"
    r"\[?(?:ERROR|FATAL|CRITICAL|SEVERE|error|crit|fatal)\]?:?\s+"
    r"(?:\[[^\]]*\]\s*)?(?:[a-z][a-z0-9_.-]*(?: [a-z][a-z0-9_.-]*)?:\s+)?"
)


def _outcome_only(symptom: str) -> bool:
    text = _LEVEL_AND_APP.sub("", symptom, count=1)
    # (... or a class whose message the author left out, `OperationalError: (1205, '…')`)
    return _ELIDED.match(text) is not None or (
        find_head(text) is None and _OUTCOME.match(text) is not None
    )


# A class and nothing of its message but an elision (`pymysql.err.OperationalError: <any>`)
_ELIDED = re.compile(r"^(?:[A-Za-z_]\w*\.)*[A-Z]\w*:\s*<any>$")


def _fragment(symptom: str, others: Sequence[str]) -> bool:
    """A message without class or level that is a cut part of another symptom's message: its
    clause after `;` (`try restarting transaction` of `Lock wait timeout exceeded; try
    restarting transaction`, which MySQL's deadlock 1213 ends with too), or its start cut on a
    preposition or a colon (`canceling statement due to`, which `… due to user request` goes on
    from). Either adds only the other errors that share it. A part that is a message of its own
    stays: a link after `: `, the start of the message up to a word (`Lock wait timeout
    exceeded`), its end after a dash (`JavaScript heap out of memory`): the author's whole quote
    may be misremembered, the part is then what matches."""
    if find_head(symptom) is not None or _OWN_HEAD.match(symptom):
        return False  # `Error: connect ECONNREFUSED …` after `request failed`: a message of its own
    for other in (o for o in others if o != symptom):
        clause = other.endswith(symptom) and other[: -len(symptom)].rstrip().endswith(";")
        cut = symptom in other and _CUT_END.search(symptom) is not None
        if clause or cut:
            return True
    return False


# Where a quote is cut before the end of its message: a preposition, a conjunction, a colon.
_CUT_END = re.compile(
    r"(?:\s(?:to|due to|for|of|on|in|at|by|with|from|into|after|before|while|because|and|or"
    r"|than|the|a|an)|:)$"
)


def searched_for(searched: Iterable[str], quotes: Sequence[tuple[str, str]]) -> set[str]:
    """The symptoms whose quote is the words of a search query (`{app="gw"} |= "Max retries
    exceeded"`) that another quote of the incident holds whole: what the author searched for,
    beside what it found. Alone they stay the symptom; beside the lines they are a part of,
    they would flag every other error that shares them. (`quotes`: (quote, symptom) pairs.)"""
    words = {" ".join(w.lower().split()) for w in searched}
    lowered = [(quote.lower(), symptom) for quote, symptom in quotes]
    return {
        symptom
        for quote, symptom in lowered
        if quote in words and any(quote in other and quote != other for other, _ in lowered)
    }


# `"job <id>: exception raised while executing (…)" followed by the traceback`: the line a
# traceback follows says that something raised, the traceback's exception says what.
_FOLLOWED_BY_TRACE = re.compile(
    r"(?i)[\"'`\u201d]?\W{0,2}\s*,?\s*(?:and\s+)?(?:then\s+)?followed by (?:the|a|an|its)\s+"
    r"(?:full\s+|whole\s+|usual\s+)?(?:traceback|stack ?trace|backtrace)"
)


def owns_a_traceback(item: str, quote: str) -> bool:
    """Whether the item says a traceback follows the quoted line: beside the symptoms of the
    exception, the line is context (only the line itself given, it stays)."""
    at = item.find(quote)
    return at >= 0 and _FOLLOWED_BY_TRACE.match(item, at + len(quote)) is not None


INDISTINCT_NOTE = "(no symptom: no words of a message, nothing that tells this error from another)"

# A check answered no (`(too many clients: no)`, `used_memory > maxmemory? no`, `resolves?
# false`): a health check's or a pool's status line, which prints it when all is well.
_ANSWERED_NO = re.compile(r"(?i)[:?=]\s*(?:no|false|none|off|ok|0)\)?\s*$")
# What is no word of a message: a placeholder, an errno, a level, `HTTP`.
_NOT_WORDS = re.compile(
    r"<[A-Za-z_]\w*(?::\w+)?>|\[Errno -?\d+\]"
    r"|\b(?:HTTP|ERROR|FATAL|CRITICAL|PANIC|SEVERE|EMERG|ALERT|WARN|WARNING|NOTICE|INFO|DEBUG"
    r"|error|fatal|crit|emerg|alert|warn|notice|info|debug|errno)\b"
)
_FILLER = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "to",
        "for",
        "in",
        "on",
        "at",
        "by",
        "and",
        "or",
        "not",
        "no",
        "yes",
        "but",
        "then",
        "so",
        "is",
        "was",
        "it",
        "its",
        "with",
        "from",
    ]
)


def indistinct(symptom: str) -> bool:
    """A symptom with no words of a message (`[Errno 111]` alone, `FATAL, not for`, `ERROR
    503`), or a check answered no: it would flag every error that carries the same number or
    level. A class with its errno (`ConnectionRefusedError [Errno 111]`) is an error whole."""
    if _ANSWERED_NO.search(symptom):
        return True
    head = find_head(symptom)
    if head is not None and head.kind != "level":
        return False
    written = re.sub(r"<[^>]*>", "", symptom)  # a person's placeholders are no number nor level
    if not re.search(r"\d", written) and not _NOT_WORDS.search(written):
        return False  # no number, errno or level either: what the author wrote is all there is
    words = re.findall(r"[A-Za-z]{2,}", _NOT_WORDS.sub(" ", symptom))
    return not [w for w in words if w.lower() not in _FILLER]
