"""What in a symptom item is log text, as people write it: quoted (``"…"``, `` `…` ``, “…”),
unquoted after a label (``App log: …``) or a reporting verb (``… said …``), the log-like
part of a sentence (from an error level, an exception class or a repr on), and the lines of
a code block that state the error. The rules are in docs/incident-log-format.md.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from matcher.incidents.asides import put_aside
from matcher.incidents.quotes import clip_prose, is_log_text, quoted_runs, take_out
from matcher.model import SourceLocation, Symptom
from matcher.patterns.generalise import generalise
from matcher.patterns.heads import find_head

# Where log text starts inside prose: an error level, an exception class followed by its
# message or repr, a lower-case exception class with a module (socket.gaierror:), an errno.
_START = re.compile(
    r"\[(?i:emerg|alert|crit|critical|error|err|fatal)\]|\(error\)"
    r"|\b(?:FATAL|ERROR|CRITICAL|PANIC|EMERG|SEVERE)\b"
    r"|(?<![\w.])(?:[A-Za-z_]\w*\.)*[A-Z]\w*"
    r"(?:Error|Exception|Violation|Failure|Fault|Exit|Interrupt|Warning)"
    r"(?=[:(]| \(| \.\.\.| \u2026)"
    r"|\b[a-z_]\w*\(\)(?: to \S+)? failed\b"
    r"|(?<![\w.])(?:[a-z_]\w*\.)+[A-Z]\w*(?:Error|Exception)\b"
    r"|(?<![\w.])(?:[a-z_]\w*\.)+[A-Z]\w*(?=:\s)"
    r"|(?<![\w.])(?:[a-z_]\w*\.)+[a-z]*error:|\bError:|\[Errno -?\d+\]"
    r"|(?<![\w.])[A-Z][a-z]+[A-Z]\w*\((?=['\"])|\bpanic:"
    # a server's error code (Redis's `WRONGTYPE …`, memcached's `SERVER_ERROR …`) and an upper
    # case error of two words or more (gunicorn's `WORKER TIMEOUT (pid:…)`)
    r"|\b(?:SERVER_ERROR|CLIENT_ERROR|WRONGTYPE|NOAUTH|READONLY|CLUSTERDOWN|EXECABORT|NOSCRIPT"
    r"|MASTERDOWN|NOREPLICAS|OOM(?= command))\b|\b[A-Z]{4,}(?: [A-Z]{4,})+\b(?= \(|:|$)"
)
# An exception class, at the end of what would be a label (`… the error OSError: …`).
_CLASS_END = re.compile(
    r"(?<![\w.])(?:[A-Za-z_]\w*\.)*(?:[A-Z]\w*)?(?:Error|Exception|Warning|Failure|Fault|Exit)$"
)
_BARE_CLASSES = frozenset({"Error", "Exception", "Warning", "Failure", "Fault", "Exit"})
# A traceback's own lines, quoted: never what the error says (as in a code block).
_CHAIN = re.compile(
    r"(?i)^(?:during handling of the above exception|the above exception was the direct cause"
    r"|traceback \(most recent call last\))"
)
# A class whose message is only a number of one occurrence (`SystemExit: 1 tracebacks …`):
# once the number varies, nothing of the error is left to match.
_NUMBER_MESSAGE = re.compile(
    r"^(?:[A-Za-z_]\w*\.)*[A-Z]\w*:\s*-?\d+(?:\.\d+)?(?:$|\s*[,;\u2013\u2014-]|\s+[a-z])"
)
# An error level and a few plain words before a quote: no message of its own.
_LEVEL_AND_WORDS = re.compile(
    r"^\[?(?:ERROR|FATAL|CRITICAL|PANIC|EMERG|SEVERE|error|crit|emerg)\]?(?:\s+[a-z]+){1,4}$"
)
# The key of a log line's field before its quoted value: `request: "GET …"`, `host="db-1"`.
_FIELD_KEY = re.compile(r"(?:^|[\s,])[a-z_]{2,20}(?::\s?|=)$")
_REQUEST_LINE = re.compile(r"^(?:GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS) \S+(?: HTTP/[\d.]+)?$")
# Who said it, when a person did (`someone said …`, `the on-call reported …`).
_PERSON = re.compile(
    r"(?i)\b(?:someone|somebody|on-?call|support|customers?|users?|we|i|he|she|they|team|"
    r"engineers?|devs?|developers?|manager|ops|sre|dba|people|everyone|nobody|finance|qa)"
    r"(?:\s+(?:also|then|first|just|later|initially|immediately))?\s*$"
)
# A label before log text: a few words of prose ending in a word such as "log" or "output".
_LABEL = re.compile(r"^([A-Za-z][A-Za-z0-9 ()'/-]{0,60}?)\s*:\s+(?=\S)")
_LABEL_NOUNS = frozenset(
    [
        "log",
        "logs",
        "output",
        "status",
        "side",
        "traceback",
        "trace",
        "message",
        "messages",
        "stderr",
        "stdout",
        "console",
        "error",
        "errors",
        "line",
        "lines",
        "layer",
        "alert",
        "response",
        "said",
        "showed",
    ]
)
_VERB = re.compile(
    r"\b(?:said|says|logged|printed|wrote|reported|answered|replied|complained|emitted)"
    r"\s+(?!(?:a|an|the|that|this|no|some|every|nothing|something|out|in|on|off|as|it|them"
    r"|we|they|he|she|i|you|there|so|our|their|its|one|two|three|four|five|several|many"
    r"|few|dozens|hundreds|thousands|lots|\d+)\b)(?=[\w\[(])"
)
# A log file's name as the label (`error.log: …`, `the worker.out: …`): what follows is its text.
_FILE_LABEL = re.compile(
    r"^(?:[A-Za-z][\w-]* ){0,3}(?:[\w.-]*/)*[\w-]+(?:\.[\w-]+)*\.(?:log|txt|out|err|json|jsonl)"
    r"(?:\.\d+)?\s*:\s+(?=\S)"
)
# A verb of failing or reporting, then a colon: the log text follows (`… then failed: cp: …`).
_COLON_VERB = re.compile(
    r"\b(?:failed|fails|said|says|showed|shows|printed|prints|logged|logs|reported|reports"
    r"|errored|crashed|died|aborted|exited|read|reads)\s*:\s+(?=\S)"
)
# `Cls("…")`, `(1205, "…")`: the quote belongs to a repr or a driver's code tuple.
_INSIDE_REPR = re.compile(r"(?:\w\(|\(-?\d{1,10},\s*)$")
# A short lowercase label (a program or component: `nginx: …`, `converter failed: …`).
_SHORT_LABEL = re.compile(r"^[a-z][\w.-]*(?: [a-z][\w.-]*)?$")
_CODEISH = re.compile(r"['\"<>()\[\]=#]|\d|\u2026|\.\.\.|:\s")
_INNER = re.compile(r"(?<=:\s)((?:FATAL|ERROR|PANIC):\s+\S.{15,})$")
_COMMAND = re.compile(r"^[a-z][\w.-]*\s+-{1,2}[A-Za-z]")
_FIELD = re.compile(r"^\w+:\s*([\"'])[^\"']*\1$")

# A code block: what is not a statement of the error.
_FRAME = re.compile(
    r"^\s*(?:File \"|at\s|\^+\s*$|~+\s*$|Traceback \(most recent call last\)"
    r"|During handling of the above|The above exception was|\.{3,}\s*$|\u2026\s*$|\[\.\.\.\]"
    r"|\(\.\.\.\)|#)"
)
# A banner around a dump (`<--- Last few GCs --->`, `----- Native stack trace -----`) and a
# native stack frame (` 1: 0xb78db3 node::OOMErrorHandler(…) [node]`).
# An indented line of source code, as a trimmed traceback shows it under a frame
# (`    sock.connect(sa)`, `    raise self._exception(…)`, `    out = render(rows)`).
_BANNER = re.compile(
    r"^\s*(?:<-{2,}.*-{2,}>|-{3,}.*-{3,}|={3,}.*={3,}|\d+:\s+0x[0-9a-fA-F]+\b)"
    r"|^\s{2,}(?:(?:raise|return|await|yield|assert|with|for|if|elif|while|del)\b"
    r"|[\w.\[\]'\"]+\s*(?:\(|[-+*/]?=(?!=)))"
)
_TRACE = re.compile(r"^\s*(?:File \"|at\s|Traceback \(most recent call last\))|^goroutine \d+ \[\w")
_CONTEXT = re.compile(r"^(?:HINT|CONTEXT|STATEMENT|LOCATION|QUERY):")
# A shell or client prompt: the command typed, not what the program said.
_PROMPT = re.compile(r"^\s*(?:\$|#|>>>|[\w.:@-]*(?:>|=#|=>|\$))\s")
_EXCEPTION_LINE = re.compile(r"^(?:Caused by: )?(?:[A-Za-z_]\w*\.)*[A-Za-z_]\w*(?::\s|$)")
# A log line's header: timestamp, pid, thread, logger, user@db, nginx's pid#tid and *conn.
_HEADER_PART = re.compile(
    r"^(?:\[?\d{4}[-/]\d{2}[-/]\d{2}[T ]\d{2}:\d{2}:\d{2}(?:[.,]\d+)?Z?"
    r"(?:\s?(?:UTC|[+-]\d{2}:?\d{2}))?\]?|\[\d+\]|pid=\d+|(?:\d+|N+|X+)#(?:\d+|N+|X+):"
    r"|\*(?:\d+|N+)(?=\s)|\{?\w+\}?@\{?\w+\}?(?=\s+[A-Z]{4,}))\s*"
)
_LEVEL = re.compile(
    r"^\[?(DEBUG|INFO|NOTICE|WARN|WARNING|ERROR|CRITICAL|FATAL|PANIC|SEVERE|EMERG|ALERT"
    r"|debug|info|notice|warn|error|crit|alert|emerg)\]?:?(?=\s)\s*"
)
_RANK = {"DEBUG": 0, "INFO": 1, "NOTICE": 2, "WARN": 3, "WARNING": 3, "ERROR": 4}
_RANK.update(dict.fromkeys(("CRIT", "CRITICAL", "ALERT", "EMERG", "FATAL", "PANIC"), 5))
_RANK["SEVERE"] = 4


def item_log_texts(text: str) -> tuple[list[str], bool]:
    """The log texts of one symptom item, left to right, and whether prose remains around
    them (then the item is kept in the description too)."""
    if text.startswith("|") and text.endswith("|") and len(text) > 2:
        # a table row: each cell on its own (a time, a service, the log line)
        texts: list[str] = []
        prose = False
        for cell in text[1:-1].split("|"):
            found_in, prose_in = item_log_texts(cell.strip())
            texts.extend(found_in)
            prose = prose or prose_in
        return texts, prose
    line = _whole_line(text)
    if line:  # a pasted log line whose fields are quoted: one log text, its quotes in it
        kept = [line] if not put_aside(text, line, False) else []
        return kept, _has_prose(text, [line]) or not kept
    found: list[tuple[int, str]] = []
    rest = text
    for run in quoted_runs(text):
        inside = _INSIDE_REPR.search(text[: max(0, text.find(run) - 1)])
        if (
            inside is None
            and is_log_text(run)
            and not _COMMAND.match(run)
            and not _FIELD.match(run)
        ):
            found.append((text.find(run), run))
            rest = take_out(rest, run)
    runs, offset = len(found), 0
    segments = rest.split("\x00")
    for i, segment in enumerate(segments):
        unquoted = _unquoted(segment, introduces=i < len(segments) - 1)
        unquoted = clip_prose(unquoted) if unquoted else None
        if unquoted:
            found.append((offset + segment.find(unquoted), unquoted))
            segment = segment.replace(unquoted, "")
        offset += len(segment) + 1
    quoted = {t for _, t in found[:runs]}
    texts = [t for _, t in sorted(found)]
    kept = [t for t in texts if _states_an_error(t) and not put_aside(text, t, t in quoted)]
    return kept, _has_prose(rest, texts) or len(kept) < len(texts)


def _whole_line(text: str) -> str | None:
    """The log line pasted unquoted in an item when its quotes are the values of its fields
    (nginx's `…, request: "GET /x HTTP/1.1", host: "…"`): the quotes are no log texts of
    their own, and the line does not end at the first of them."""
    if '"' not in text or "`" in text or "\u201c" in text:
        return None  # no quote, or the line is quoted as a whole (`…"GET …"…`)
    line = _unquoted(text)
    first = line.find('"') if line else -1
    if not line or first < 0 or not _FIELD_KEY.search(line[:first]):
        return None  # no quote in it, or prose around a quote (`said "…"`)
    return clip_prose(line) or None


def _states_an_error(text: str) -> bool:
    # a question (`"is checkout down?"` in the channel) is asked by a person, not logged; an
    # HTTP request line (`"POST /upload HTTP/1.1"`) says no error
    return not (
        _CHAIN.match(text)
        or _NUMBER_MESSAGE.match(text)
        or text.endswith("?")
        or _REQUEST_LINE.match(text)
    )


# A bare OS error: a builtin class, another library's (`httpx.ConnectError`) or none, and
# only `[Errno N] strerror`.
_BARE_OS_ERROR = re.compile(
    r"^(?:(?:socket\.)?[A-Z]\w*(?:Error|error):\s+|(?:[a-z_]\w*\.)+[A-Z]\w*Error:\s+)?"
    r"(\[Errno -?\d+\] [A-Za-z][\w ,'-]*)$"
)
WRAPPED_NOTE = "(no symptom: the bare OS error that another symptom of this incident wraps)"


def wrapped_os_errors(symptoms: Sequence[str]) -> set[str]:
    """The bare OS errors (`ConnectionRefusedError: [Errno 111] Connection refused`) that
    another symptom of the same incident states as its cause: in other stacks the same line is
    the cause of other errors, so alone it would flag them (docs/incident-log-format.md)."""
    wrapped = set()
    for symptom in symptoms:
        bare = _BARE_OS_ERROR.match(symptom)
        if bare and any(bare[1] in other and other != symptom for other in symptoms):
            wrapped.add(symptom)
    return wrapped


def inner_errors(text: str) -> list[str]:
    """The server's own error inside a client's message, as the server logs it:
    `connection to server at "db" (10.0.0.7), port 5432 failed: FATAL:  sorry, too many
    clients already` also gives `FATAL:  sorry, too many clients already`."""
    inner = _INNER.search(text)
    return [inner[1]] if inner and inner.start() > 0 else []


def _unquoted(segment: str, introduces: bool = False) -> str | None:
    """The log text written without quotes in a stretch of an item, if any (`introduces`:
    a quote follows the stretch)."""
    label = _LABEL.match(segment.strip())
    if label and (_is_label(label[1]) or _SHORT_LABEL.match(label[1])):
        after = segment.strip()[label.end() :]
        loggy = _CODEISH.search(after) and len(after.split()) >= 3
        # a label that names a log (`App log:`, `Error message:`) takes log-like text too
        log_label = _SHORT_LABEL.match(label[1]) is not None or _names_a_log(label[1])
        if _START.search(after) or (log_label and loggy):
            return after.strip()
        # `Also the copy step: cp: error writing …`: prose, then a program's own label
        program = _LABEL.match(after)
        text = after[program.end() :] if program else ""
        if program and _SHORT_LABEL.match(program[1]) and _loggy(text):
            return after.strip()
    named = _FILE_LABEL.match(segment.strip())
    if named:
        after = segment.strip()[named.end() :]
        if _START.search(after) or (_CODEISH.search(after) and len(after.split()) >= 3):
            return after.strip()
    verb = _VERB.search(segment)
    if verb:
        after = segment[verb.end() :].strip()
        # plain words just before a quote introduce it (`reported errors such as "…"`)
        # ... and so do words that end in a colon (`logged one error per event:` + a block)
        plain = not introduces and not after.endswith(":") and len(after.split()) >= 3
        # ... and words a person said are no log line (`the on-call said checkout was slow`)
        plain = plain and not _PERSON.search(segment[: verb.start()])
        if _START.search(after) or plain or (_CODEISH.search(after) and len(after.split()) >= 3):
            return after
    start = _START.search(segment)
    colon = _COLON_VERB.search(segment)
    if colon and (start is None or colon.end() <= start.start()):
        after = segment[colon.end() :].strip()
        if _START.search(after) or (_CODEISH.search(after) and len(after.split()) >= 3):
            return after
    run = segment[start.start() :].strip() if start else None
    if run and introduces and _LEVEL_AND_WORDS.match(run):
        return None  # `ERROR lines like "…"`: the words introduce the quote
    return run


def _loggy(text: str) -> bool:
    return _CODEISH.search(text) is not None and len(text.split()) >= 3


def _names_a_log(words: str) -> bool:
    last = words.lower().replace("(", " ").replace(")", " ").split()[-1:]
    # not `Error:` (`Error: connect ECONNREFUSED …` is Node's own line), nor a status or side
    return bool(last) and last[0] in _LABEL_NOUNS - {"status", "side", "error", "errors"}


def _is_label(words: str) -> bool:
    parts = words.lower().replace("(", " ").replace(")", " ").split()
    # `… there is the error OSError: [Errno 28] …`, `… crashed with Error: connect …`: the
    # class starts the text (a bare `Error:` alone is a label)
    ends_in_class = _CLASS_END.search(words)
    if ends_in_class and (ends_in_class[0] not in _BARE_CLASSES or len(parts) > 1):
        return False
    if not parts or re.search(r"\b\d+\b", words):
        return False
    return parts[-1] in _LABEL_NOUNS or (len(parts) >= 3 and words[0].isupper())


def _has_prose(rest: str, texts: Sequence[str]) -> bool:
    """Words left once the log text and a label are taken out: the author's context."""
    left = rest
    for text in texts:
        left = left.replace(text, " ")
    label = _LABEL.match(left.strip())
    if label and _is_label(label[1]):
        left = left.strip()[label.end() :]
    words = re.findall(r"[A-Za-z]{2,}", left)
    return len(words) >= 3 or (not texts and bool(words))


def code_log_texts(lines: Sequence[str]) -> list[str]:
    """The lines of a code block that state the error, without their log header.

    With a traceback (frames, ``at`` lines), its exception lines, unless a log line of the
    block has a higher level than the lines the tracebacks follow (gunicorn's `[CRITICAL]
    WORKER TIMEOUT` over the `[ERROR] Error handling request` traceback of the worker it
    killed): then those log lines. Otherwise the lines at the block's highest level (a level
    below error never), and the lines without a level that go on from them (PostgreSQL's
    `DETAIL:`), or all of them when no line has an error level; never frames, elisions,
    banners, PostgreSQL's HINT/CONTEXT/STATEMENT lines."""
    if any(_TRACE.match(line) for line in lines):
        return _traceback_texts(lines)
    kept: list[tuple[int, str]] = []
    going_on = -1  # the rank of the kept line that the next line without a level goes on from
    for line in lines:
        if not line.strip() or _FRAME.match(line) or _PROMPT.match(line) or _BANNER.match(line):
            going_on = going_on if line.strip() else -1
            continue
        level, message = split_header(line)
        if not message or _CONTEXT.match(message):
            continue
        rank = level_rank(level) if level else going_on
        if level and rank < _RANK["ERROR"]:
            going_on = -1
            continue
        kept.append((rank, f"{level} {message}" if level else message))
        going_on = rank
    top = max((rank for rank, _ in kept), default=-1)
    return [text for rank, text in kept if rank == top]


def _traceback_texts(lines: Sequence[str]) -> list[str]:
    leveled: list[tuple[int, str]] = []  # log lines of their own at error level or above
    exceptions: list[tuple[int, str]] = []  # (rank of the log line the traceback follows, text)
    owner = -1
    message_goes_on = False  # the lines after an exception line are its message's own lines
    for line in lines:
        if not line.strip() or _FRAME.match(line) or _PROMPT.match(line) or _BANNER.match(line):
            message_goes_on = message_goes_on and not _TRACE.match(line) and bool(line.strip())
            continue
        level, message = split_header(line)
        if not message or _CONTEXT.match(message):
            continue
        if level and not line[:1].isspace() and not _EXCEPTION_LINE.match(message):
            owner, message_goes_on = level_rank(level), False
            if owner >= _RANK["ERROR"]:
                leveled.append((owner, f"{level} {message}"))
            continue
        if line[:1].isspace() or not (message_goes_on or _EXCEPTION_LINE.match(message)):
            continue
        message_goes_on = True
        rank = level_rank(level) if level else -1
        if (level and rank < _RANK["ERROR"]) or not _states_an_error(message):
            continue  # `SystemExit: 1`: the number of one exit says nothing
        exceptions.append((owner, f"{level} {message}" if level else message))
    top = max((rank for rank, _ in leveled), default=-1)
    if top > max((rank for rank, _ in exceptions), default=-1) and top >= 0:
        return [text for rank, text in leveled if rank == top]
    return [text for _, text in exceptions]


def compiled_symptom(text: str, location: SourceLocation) -> Symptom:
    """A compiled symptom as the signature will hold it: a message written without class or
    level must stand as an error (`stands: true`)."""
    return Symptom(text, location, stands=find_head(text.strip()) is None)


def symptom_of(text: str) -> str:
    """The symptom for one log text: its header taken off (the level kept as written, so
    that it may become optional), then generalised."""
    level, message = split_header(text)
    return generalise(f"{level} {message}" if level else message)


def split_header(line: str) -> tuple[str | None, str]:
    """(level as written, message) of a pasted log line: timestamp, pid, logger taken off."""
    text = line.strip()
    level: str | None = None
    for _ in range(8):
        header = _HEADER_PART.match(text)
        found = None if level else _LEVEL.match(text)
        if header and header.end():
            text = text[header.end() :]
        elif found:
            level, text = found[0].strip(), text[found.end() :]
        elif re.match(r"^\[[\w.-]+\]\s", text):
            text = text[text.index("]") + 1 :].lstrip()  # a logger or thread name
        else:
            break
    return level, text.strip()


def level_rank(level: str) -> int:
    """0 debug … 4 error, 5 critical and above; -1 for no level."""
    word = re.sub(r"[^A-Za-z]", "", level).upper()
    return _RANK.get(word, -1)
