"""The lines of a code block under Symptoms that state the error (a pasted log, a traceback,
a server's dump), and a pasted log line's header and level. The rules are in
docs/incident-log-format.md ("Code blocks")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from matcher.incidents.ansible_output import ansible_texts
from matcher.incidents.asides import put_aside
from matcher.incidents.csv_exports import csv_rows
from matcher.incidents.events import event_texts
from matcher.incidents.exception_heads import RAISED, UNIT_NOTE, heads_traceback, without_heads
from matcher.incidents.framing import drop_framing, unframed_lines
from matcher.incidents.search_queries import queries_dropped

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
_REQUEST_LINE = re.compile(r"^(?:GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS) \S+(?: HTTP/[\d.]+)?$")
# What a person typed, not what a program logged: a command line (`telnet sessions-cache 11211`,
# `systemctl status nginx`; `curl: (7) …` is curl's error), an SQL statement (`SHOW GLOBAL
# STATUS`), a statement of source code (`with open(...)`, `from x import y`).
_TYPED = re.compile(
    r"^(?:sudo\s+)?(?:telnet|nc|ncat|curl|wget|ssh|dig|nslookup|traceroute|redis-cli|kubectl"
    r"|systemctl|journalctl|lsof|ulimit|netstat|openssl|strace|chown|chmod|pm2)\s+"
    r"(?!.*\b(?:error|failed|refused|denied|timed out|timeout)\b)[\w./~-]"
    r"|^(?:SHOW|SELECT|EXPLAIN|VACUUM|ANALYZE|GRANT)\s+(?:[A-Z_]{2,}|\*)(?:\s|$)"
    r"|^(?:with|def|class|for|while|if|elif|return|raise|import|await|const|let|var|function)\s+"
    r"[\w.]+\s*(?:\(|=|:$|\s+in\s|\s+as\s)|^from\s+[\w.]+\s+import\s"
)
# A code block: what is not a statement of the error.
_FRAME = re.compile(
    r"^\s*(?:File \"|at\s|\^+\s*$|~+\s*$|Traceback \(most recent call last\)"
    r"|During handling of the above|The above exception was|\[(?:\.{3}|\u2026)[^\]]*\]\s*$"
    # (an elision, with a note on what it left out: `... (5x in total)`)
    r"|(?:\.{3,}|\u2026)\s*(?:\([^()]*\)|\[[^\]]*\])?\s*$"
    r"|\(\.\.\.\)|#)"
)
# A banner around a dump (`<--- Last few GCs --->`, `----- Native stack trace -----`) and a
# native stack frame (` 1: 0xb78db3 node::OOMErrorHandler(…) [node]`).
# An indented line of source code, as a trimmed traceback shows it under a frame
# (`    sock.connect(sa)`, `    raise self._exception(…)`, `    out = render(rows)`).
_BANNER = re.compile(
    r"^\s*(?:<-{2,}.*-{2,}>|-{3,}.*-{3,}|={3,}.*={3,}|\d+:\s+0x[0-9a-fA-F]+\b)"
    # a search tool's column heads (CloudWatch Logs Insights' `@timestamp @logStream @message`)
    r"|^\s*@\w+(?:\s+@\w+)+\s*$"
    # docker compose's own status line (`backup-1 exited with code 1`), and a CI runner's
    # (`Process completed with exit code 1.`, Jenkins' `[Pipeline] sh`, `Finished: FAILURE`)
    r"|^\s*[\w.-]+ exited with code \d+\s*$"
    r"|^\s*(?:(?:Error: )?Process completed with exit code \d+\.?|ERROR: script returned exit"
    r" code \d+|Finished: [A-Z]+|ERROR: Job failed: .*|\[Pipeline\] .*"
    r"|\W*\s*Error: The command exited with status -?\d+)\s*$"  # (Buildkite's agent)
    # (... and pytest's summary, `=== 1 failed, 3 passed in 0.42s ===`, whose short lines
    # repeat its `E` lines cut short: `FAILED t.py::test_x - OperationalError: (1205, ...)`;
    # its verbose and progress lines, `t.py::test_x FAILED`, `F.`)
    r"|^\s*=*\s*\d+ (?:failed|passed|errors?)(?:, \d+ [a-z]+)*(?: in [\d.]+s\b|\s*=*\s*$)"
    r"|^\s*(?:FAILED|ERROR) [\w/.-]+\.py::\S+ - |^\s*[\w/.-]+\.py::\S+ (?:FAILED|PASSED|ERROR)\b"
    r"|^\s*[.FEsxX]{1,80}(?:\s+\[\s*\d+%\])?\s*$"
    # (... and the rule over each failure's report, `_____ test_big_report _____`)
    r"|^\s*_{3,}\s+[\w\[\]/.:-]+(?:\s+[\w\[\]/.:-]+)?\s+_{3,}\s*$"
    r"|^\s{2,}(?:(?:raise|return|await|yield|assert|with|for|if|elif|while|del)\b"
    r"|[\w.\[\]'\"]+\s*(?:\(|[-+*/]?=(?!=)))"
)
_TRACE = re.compile(r"^\s*(?:File \"|at\s|Traceback \(most recent call last\))|^goroutine \d+ \[\w")
# (and a deadlock's statements in its DETAIL: `Process 28841: UPDATE invoices SET …`)
_CONTEXT = re.compile(
    r"^(?:HINT|CONTEXT|STATEMENT|LOCATION|QUERY):"
    r"|^Process \d+: (?:UPDATE|INSERT|DELETE|SELECT|WITH|MERGE)\b"
)
# A command that shows a log's own lines (`$ grep -n … error.log`, `$ kubectl logs …`): its
# output is the log, not a terminal session's.
_LOG_VIEWER = re.compile(
    r"^\s*\S*[$#>]\s+(?:sudo\s+)?(?:z?grep|egrep|rg|ag|tail|head|z?cat|less|awk|sed|stern"
    r"|kubectl\s+logs|docker(?:\s+compose)?\s+logs|journalctl|tkn\s+(?:pr|tr|pipelinerun|taskrun)"
    r"\s+logs|oc\s+logs|podman\s+logs|nomad\s+alloc\s+logs)\b"
)
# A shell or client prompt (`$ `, `ops@cache-01:~$ `, `root@db:/srv# `): the command typed
_PROMPT = re.compile(r"^\s*(?:\$|#|>>>|[\w.:@~/-]*(?:>|=#|=>|\$|#))\s")
_EXCEPTION_LINE = re.compile(
    rf"^(?:Caused by: )?(?!{UNIT_NOTE})(?:[A-Za-z_]\w*\.)*[A-Za-z_]\w*(?::\s|$)"
)
# A log line's header: timestamp, pid, thread, logger, user@db, nginx's pid#tid and *conn.
_HEADER_PART = re.compile(
    # (Airflow's task log: `[2026-07-21, 01:12:41 UTC] {backup.py:44} ERROR - …`)
    r"^(?:\[?\d{4}[-/]\d{2}[-/]\d{2}(?:[T ]|,\s)\d{2}:\d{2}:\d{2}(?:[.,]\d+)?Z?"
    r"(?:\s?(?:UTC|[+-]\d{2}:?\d{2}))?\]?|\[\d+\]|pid=\d+|(?:\d+|N+|X+)#(?:\d+|N+|X+):"
    r"|\*(?:\d+|N+)(?=\s)|\{?\w+\}?@\{?\w+\}?(?=\s+[A-Z]{4,})|\{[\w.-]+:\d+\})\s*"
)
_LEVEL = re.compile(
    r"^\[?(DEBUG|INFO|NOTICE|WARN|WARNING|ERROR|CRITICAL|FATAL|PANIC|SEVERE|EMERG|ALERT"
    r"|debug|info|notice|warn|error|crit|alert|emerg)\]?:?(?=\s)\s*(?:-\s+)?"
)
# Python logging's `%(name)s [%(threadName)s]` after the level: a dotted logger, a thread.
_LOGGER_THREAD = re.compile(r"^[a-z_][\w-]*(?:\.[\w-]+)+\s+\[[\w.-]+\]\s+")
_RANK = {"DEBUG": 0, "INFO": 1, "NOTICE": 2, "WARN": 3, "WARNING": 3, "ERROR": 4}
_RANK.update(dict.fromkeys(("CRIT", "CRITICAL", "ALERT", "EMERG", "FATAL", "PANIC"), 5))
_RANK["SEVERE"] = 4


_SAYS_FAILED = re.compile(
    r"(?i)\b(?:error|errors|fatal|failed|failure|refused|denied|cannot|can't|could not|unable"
    r"|timed out|timeout|too many|too large|no space|not allowed|exceeded|killed|panic)\b"
    r"|[A-Z]\w*(?:Error|Exception)\b"
)


# A line that says something went well (`Successfully completed job …`, `Job OK`).
_SUCCESS = re.compile(
    r"(?i)^(?:successfully|succeeded|success\b|completed successfully)|\bsuccessfully\b"
)


def states_an_error(text: str) -> bool:
    # a question (`"is checkout down?"` in the channel) is asked by a person, not logged; an
    # HTTP request line (`"POST /upload HTTP/1.1"`) says no error, nor a success
    return not (
        _SUCCESS.search(text) is not None
        or _CHAIN.match(text)
        or _NUMBER_MESSAGE.match(text)
        or text.endswith("?")
        or _REQUEST_LINE.match(text)
        or _TYPED.match(text)
    )


# The author's note at the end of a pasted line: `…   # <-- this one`, `… <-- NOT the error`,
# `… ← gives up here`: an arrow back at the line, or a comment set off by two spaces.
_ANNOTATION = re.compile(r"(?:\s+#\s*(?:<-+|<=+|\u2190)|\s{2,}#|\s+(?:<-{2,}|\u2190))\s+(\S.*)$")


_POINTER = re.compile(r"(?i)^(?:this|here|that one|the one|this one)\b")


def _pointed_at(line: str) -> bool:
    note = _ANNOTATION.search(line)
    return note is not None and _POINTER.match(note[1]) is not None


def _unannotated(line: str) -> str | None:
    """The pasted line without the author's note on it, or None when the note sets it aside
    (`# <-- NOT the error, just the breaker resetting`), as a clause after it would."""
    note = _ANNOTATION.search(line)
    if note is None:
        return line
    text = line[: note.start()]
    return None if put_aside(f"`{text.strip()}` \u2014 {note[1]}", text.strip(), True) else text


# A comment under a pasted line that points up at it (`# ^ that's me remounting it, not part of
# the incident`), as people annotate a terminal session they keep.
_CARET_NOTE = re.compile(r"^\s*#+\s*\^+\s*(\S.*)$")
# `uniq -c`'s count before each line it prints (`     57 socket.gaierror: …`)
_COUNTED = re.compile(r"^\s*\d+\s(?=\S)")
_CUT = re.compile(r"\bcut\s+-c\s*1?-(\d+)")


def _session_notes_read(lines: Sequence[str]) -> list[str]:
    """The lines without those that a comment under them sets aside, and without the counts
    `uniq -c` put before them."""
    kept: list[str] = []
    aside: set[str] = set()  # (... and the same message elsewhere in the block)
    counted, width = False, 0
    for line in lines:
        note = _CARET_NOTE.match(line)
        if note and kept and put_aside(f"`{kept[-1].strip()}` \u2014 {note[1]}", kept[-1], True):
            aside.add(split_header(kept.pop())[1])
        elif note is None and _PROMPT.match(line):
            cut = _CUT.search(line)
            counted, width = "uniq -c" in line, int(cut[1]) if cut else 0
            kept.append(line)
        elif note is None:
            line = _COUNTED.sub("", line) if counted else line
            # (a line `cut` at its width ends in half a word: `(Caused by Na`, its brackets open)
            cut_off = width and (len(line) >= width or line.count("(") > line.count(")"))
            kept.append(line.rsplit(None, 1)[0] if cut_off else line)
    return [line for line in kept if not any(_same_end(split_header(line)[1], a) for a in aside)]


def _same_end(message: str, other: str) -> bool:
    """One message ends with the other (the server's line, and the client's that quotes it)."""
    short, long = sorted((message.strip(), other.strip()), key=len)
    return len(short) >= 20 and long.endswith(short)


# A line's fields wrapped onto a line of their own (nginx's `…upstream,` then `  client: …`,
# or `…client: 10.1.2.3,` then `server: shop.local, …`): one line
_WRAPPED_FIELDS = re.compile(r"^\s*[a-z_]+: \S")


def _rewrapped(lines: Sequence[str]) -> list[str]:
    joined: list[str] = []
    for line in lines:
        if joined and joined[-1].rstrip().endswith(",") and _WRAPPED_FIELDS.match(line):
            joined[-1] = f"{joined[-1].rstrip()} {line.strip()}"
        else:
            joined.append(line)
    return joined


def code_log_texts(lines: Sequence[str]) -> list[str]:
    """The lines of a code block that state the error, without their log header.

    With a traceback (frames, ``at`` lines), its exception lines, unless a log line of the
    block has a higher level than the lines the tracebacks follow (gunicorn's `[CRITICAL]
    WORKER TIMEOUT` over the `[ERROR] Error handling request` traceback of the worker it
    killed): then those log lines. Otherwise the lines at the block's highest level (a level
    below error never), and the lines without a level that go on from them (PostgreSQL's
    `DETAIL:`), or all of them when no line has an error level; never frames, elisions,
    banners, PostgreSQL's HINT/CONTEXT/STATEMENT lines."""
    lines = queries_dropped(lines)  # (a log search's query over what it found)
    events = event_texts(lines, level_rank, code_log_texts)  # a pasted JSON event (events.py)
    if events is None:  # ... or a playbook run's output (ansible_output.py)
        events = ansible_texts(lines, code_log_texts, _SAYS_FAILED.search)
    if events is not None:
        return events
    lines = csv_rows(lines) or lines  # (a log viewer's CSV export: each row's level and message)
    lines = unframed_lines(lines)  # `backup-1  |   File "…"`: compose's, kept indented
    lines = _rewrapped(lines)
    # lines the author pointed at (`… <-- THIS`): the others are what came with them
    pointed = [line for line in lines if _pointed_at(line)]
    lines = pointed or lines
    lines = [line for line in map(_unannotated, _session_notes_read(lines)) if line is not None]
    if any(_TRACE.match(line) for line in lines):
        return _traceback_texts(lines)
    lines = without_heads(lines, split_header, level_rank)  # (`ERROR settle …` over its exception)
    kept: list[tuple[int, str]] = []
    going_on = -1  # the rank of the kept line that the next line without a level goes on from
    for line in lines:
        if not line.strip() or _FRAME.match(line) or _PROMPT.match(line) or _BANNER.match(line):
            going_on = going_on if line.strip() else -1
            continue
        level, message = split_header(line)
        if not message or _CONTEXT.match(message):
            continue
        # (an exception's line without its traceback states an error, at error level)
        rank = level_rank(level) if level else going_on
        if not level and RAISED.match(message):
            rank = max(rank, _RANK["ERROR"])
        if (level and rank < _RANK["ERROR"]) or _SUCCESS.search(message):
            going_on = -1  # (a job that went well under one that failed goes on from nothing)
            continue
        kept.append((rank, f"{level} {message}" if level else message))
        going_on = rank
    top = max((rank for rank, _ in kept), default=-1)
    texts = [text for rank, text in kept if rank == top]
    prompts = [line for line in lines if _PROMPT.match(line)]
    if prompts and not all(_LOG_VIEWER.match(line) for line in prompts):
        # a terminal session: its commands' output says no error unless it says it failed
        # (`psql: error: …`, `(error) OOM …`), not a table's rows or a setting's value
        # ... whatever its level: `tail` of a log shows its lines with a level and without
        texts = [t for rank, t in kept if rank in (top, -1) and _SAYS_FAILED.search(t)]
    return texts


def _traceback_texts(lines: Sequence[str]) -> list[str]:
    leveled: list[tuple[int, str]] = []  # log lines of their own at error level or above
    exceptions: list[tuple[int, str]] = []  # (rank of the log line the traceback follows, text)
    # the log lines no traceback follows (`ERROR cannot open socket …: [Errno 24] …` after the
    # traceback of another error): each states an error of its own
    alone: set[int] = set()
    owner = -1
    message_goes_on = False  # the lines after an exception line are its message's own lines
    for at, line in enumerate(lines):
        if not line.strip() or _FRAME.match(line) or _PROMPT.match(line) or _BANNER.match(line):
            message_goes_on = message_goes_on and not _TRACE.match(line) and bool(line.strip())
            if _TRACE.match(line):
                alone.discard(len(leveled) - 1)
            continue
        level, message = split_header(line)
        if not message or _CONTEXT.match(message):
            continue
        raised = _EXCEPTION_LINE.match(message) and not heads_traceback(lines, at)
        if level and not line[:1].isspace() and not raised:
            owner, message_goes_on = level_rank(level), False
            if owner >= _RANK["ERROR"]:
                alone.add(len(leveled))
                leveled.append((owner, f"{level} {message}"))
            continue
        # (... nor a line of its own led by a time, no level: rq's `02:03:02 Worker …: indexing`)
        message_goes_on = message_goes_on and not re.match(r"\d\d?:\d\d:\d\d[.,\d]*\s", message)
        if line[:1].isspace() or not (message_goes_on or _EXCEPTION_LINE.match(message)):
            continue
        message_goes_on = True
        alone.discard(len(leveled) - 1)  # the exception the log line reports
        rank = level_rank(level) if level else -1
        if (level and rank < _RANK["ERROR"]) or not states_an_error(message):
            continue  # `SystemExit: 1`: the number of one exit says nothing
        exceptions.append((owner, f"{level} {message}" if level else message))
    top = max((rank for rank, _ in leveled), default=-1)
    if top > max((rank for rank, _ in exceptions), default=-1) and top >= 0:
        return [text for rank, text in leveled if rank == top]
    # ... unless it reports an exception found already (`cart not cached: Cls(b'…')`)
    said = [re.sub(r"^[\w.]+:\s*b?['\"]?", "", text).rstrip("'\"") for _, text in exceptions]
    own = [
        text
        for i, (_, text) in enumerate(leveled)
        if i in alone and _states_own(text) and not any(s and s in text for s in said)
    ]
    return [text for _, text in exceptions] + own


def _states_own(text: str) -> bool:
    """A log line that states an error after a traceback: it says how (a colon and a cause),
    not only that something failed."""
    return ": " in text.split(None, 1)[-1] and states_an_error(text)


def split_header(line: str) -> tuple[str | None, str]:
    """(level as written, message) of a pasted log line: timestamp, pid, logger taken off."""
    # the collector's framing first (syslog, journald, kubectl, compose): no part of the message
    text = drop_framing(line)
    level: str | None = None
    for _ in range(8):
        header = _HEADER_PART.match(text)
        found = None if level else _LEVEL.match(text)
        if header and header.end():
            text = text[header.end() :]
        elif found:
            level, text = found[0].strip(" \t-"), text[found.end() :]
        elif re.match(r"^\[[\w.-]+\]\s", text):
            text = text[text.index("]") + 1 :].lstrip()  # a logger or thread name
        elif level and (logger := _LOGGER_THREAD.match(text)):
            text = text[logger.end() :]  # `ERROR kafka.net.manager [network-thread] …`
        else:
            break
    return level, text.strip()


def level_rank(level: str) -> int:
    """0 debug … 4 error, 5 critical and above; -1 for no level."""
    word = re.sub(r"[^A-Za-z]", "", level).upper()
    return _RANK.get(word, -1)
