"""What reads as log text, in a quote, in emphasis or in a terse bullet: where log text starts
inside prose (an error level, an exception class), a message after a label of prose, a bullet
that is a message as a whole, a search query (not log text, its quoted words may be), a person's
words. Used by ``matcher.incidents.extract``; the rules are in docs/incident-log-format.md.
"""

from __future__ import annotations

import re

from matcher.incidents.ci_pages import STEP_ROW
from matcher.incidents.platform_pastes import PLATFORM_EVENT
from matcher.incidents.quotes import is_log_text
from matcher.incidents.verdict_languages import FOREIGN_FAILS_WITH
from matcher.patterns.common import is_common_message
from matcher.patterns.heads import find_head

# Where log text starts inside prose: an error level, an exception class followed by its
# message or repr, a lower-case exception class with a module (socket.gaierror:), an errno.
START = re.compile(
    r"\[(?i:emerg|alert|crit|critical|error|err|fatal)\]|\(error\)"
    # (a level then a comma is the prose's word: `grep for the FATAL, not for …`)
    r"|\b(?:FATAL|ERROR|CRITICAL|PANIC|EMERG|SEVERE)\b(?!,)"
    r"|(?<![\w.])(?:[A-Za-z_]\w*\.)*[A-Z]\w*"
    r"(?:Error|Exception|Violation|Failure|Fault|Exit|Interrupt|Warning)"
    r"(?=[:(]| \(| \.\.\.| \u2026| \[Errno -?\d+\])"
    r"|\b[a-z_]\w*\(\)(?: to \S+)? failed\b"
    r"|(?<![\w.])(?:[a-z_]\w*\.)+[A-Z]\w*(?:Error|Exception)\b"
    r"|(?<![\w.])(?:[a-z_]\w*\.)+[A-Z]\w*(?=:\s)"
    r"|(?<![\w.])(?:[a-z_]\w*\.)+[a-z]*error:|\bError:|\[Errno -?\d+\]"
    r"|(?<![\w.])[A-Z][a-z]+[A-Z]\w*\((?=['\"])|\bpanic:"
    # a server's error code (Redis's `WRONGTYPE …`, memcached's `SERVER_ERROR …`) and an upper
    # case error of two words or more (gunicorn's `WORKER TIMEOUT (pid:…)`)
    r"|\b(?:SERVER_ERROR|CLIENT_ERROR|WRONGTYPE|NOAUTH|READONLY|CLUSTERDOWN|EXECABORT|NOSCRIPT"
    r"|MASTERDOWN|NOREPLICAS|OOM(?= command))\b"
    # (... but not a timeline's marker, `OUTAGE ENDS`, `INCIDENT BEGINS`)
    r"|\b(?!(?:OUTAGE|INCIDENT|IMPACT)\b)[A-Z]{4,}(?: [A-Z]{4,})+\b(?= \(|:|$)"
)

# `Cls("…")`, `(1205, "…")`: the quote belongs to a repr or a driver's code tuple.
_INSIDE_REPR = re.compile(r"(?:\w\(|\(-?\d{1,10},\s*)$")

CODEISH = re.compile(r"['\"<>()\[\]=#]|\d|\u2026|\.\.\.|:\s")

# A message after a label of prose (`Ledger DB from the gateway: could not translate host name
# "db" to address: Name or service not known`): lower case words, a quoted or numbered value,
# then a colon and what it says, as libpq, nginx and the OS write their messages.
MESSAGE = re.compile(r"^[a-z][a-z'-]+(?: [a-z][a-z'-]*)+ (?:\"[^\"\s]+\"|\S*\d\S*)(?: [a-z]+)*: \S")
# A terse bullet that is a log message as a whole, unquoted (nginx's `client intended to send
# too large body: 2097152 bytes`, `cannot open socket to image store: [Errno 24] …`): four
# words or more in lower case that say what failed (failed, refused, too large, cannot, closed
# …), a colon, then a value (a number, a code, a quote), no sentence;
# not a count said in prose (`number of failed uploads: 312`, `the retries: 3`). A level after
# the colon (`then after five tries: [emerg] still …`) starts the log text instead.
TERSE = re.compile(
    r"^(?!(?:the|a|an|our|their|its|this|that|number|count|total|amount|time|duration|impact"
    r"|peak|about|around|roughly|we|they|it|users|customers)\b)"
    r"(?=[^:]*\b(?:fail\w*|refus\w*|denied|exceed\w*|too (?:large|big|many|long)|invalid|cannot"
    r"|can't|could not|unable|not|no|timed out|closed|lost|reset|error\w*|reject\w*|abort\w*"
    r"|broken|corrupt\w*|missing|unknown|unexpected\w*|overflow\w*|full)\b)"
    # a count over a time said in prose (`requests rejected today: 1,204`)
    r"(?![^:]*\b(?:today|yesterday|overnight|tonight|so far|in total|per (?:second|minute|hour"
    r"|day))\s*:)"
    r"[a-z][a-z'-]*(?: [a-z][a-z'_-]*){3,}: "
    r"(?!\[?(?i:emerg|alert|crit|critical|error|err|fatal|panic|warn|warning)\b)"
    r"(?:\d[\d.,]*(?: [a-z]+)?|[\[(<'][^.]*)"
    r"(?:\s*(?:\u2026|\.{3}))?$"
)
# A search query (`service:cache level:error "maxmemory"`, `app:gw AND "Failed to resolve"`):
# fields, quoted words and operators only, no plain word of a message.
# ... and LogQL's (`{app="gw"} |= "Failed to resolve"`): a stream selector, line filters.
# ... or its line filters alone (`!= "circuit breaker"`).
# ... or Splunk's (`index=edge sourcetype=nginx:error host=edge-02 "bind()"`).
# A field of Google Cloud Logging's query language and its comparison (`resource.labels.x="…"`,
# `severity>=ERROR`, `textPayload:"…"`)
_GCP_FIELD = (
    r"(?:resource|labels|jsonPayload|textPayload|protoPayload|httpRequest|severity|logName"
    r"|timestamp|trace|operation|sourceLocation)(?:\.[\w.]+)?\s*(?:[<>!]?=|[<>]|=~|!~|:(?=\s*[\"(]))"
    r"\s*\S"
)
# ... a line of such a query, as pasted in a code block above its results
# (... and a Honeycomb query's clauses, `VISUALIZE COUNT`, `WHERE error exists`, `GROUP BY …`)
CLOUD_QUERY = re.compile(
    rf"^\s*(?:(?:AND|OR|NOT)\s+)?{_GCP_FIELD}"
    r"|^\s*(?:VISUALIZE|WHERE|GROUP BY|ORDER BY|HAVING|LIMIT|CALCULATE|Dataset:)\s+\S"
)
QUERY = re.compile(
    r"^(?=(?:.*\s)?[@\w.-]+:[^\s:]|\{.*\s[|!][=~]|[|!][=~]\s|(?:index|sourcetype|source)=)"
    r'(?:(?:-?[@\w.-]+:(?:"[^"]*"|[^\s":]+)|-?[\w.-]+=(?:"[^"]*"|[^\s"]+)|"[^"]*"|AND|OR|NOT'
    r"|\{[^}]*\}|\|[=~]|![=~])(?:\s+|$))+$"
    # ... or Sumo Logic's, which opens with a metadata field (`_sourceCategory=prod/api
    # (PermissionError OR "Permission denied")`)
    r"|^_(?:source\w*|index|view|collector)\s*=\s*\S"
    # ... or Google Cloud Logging's (`resource.type="k8s_container" severity>=ERROR`)
    rf"|^{_GCP_FIELD}"
)
# A word a search leaves out (`!= "circuit breaker"`, `NOT "healthcheck"`, `-"retrying"`).
_EXCLUDED = re.compile(r"(?:![=~]|\bNOT|(?<!\S)-)\s*$")


def query_terms(run: str) -> list[str]:
    """The words a search query looks for (`{app="gw"} |= "Max retries exceeded"`): its quoted
    words that are no field's value nor left out by the query."""
    terms = []
    for found in re.finditer(r'["\u201c]([^"\u201d]*)["\u201d]', run):
        before = run[: found.start()]
        if not _EXCLUDED.search(before) and not re.search(r"[\w.-][:=]$", before):
            terms.append(found[1])
    return terms


def query_words(item: str) -> set[str]:
    """The words of every search query quoted in an item."""
    return {
        t for run in re.findall(r"`([^`]+)`", item) if QUERY.match(run) for t in query_terms(run)
    }


# A person's own words (`I`, `my`, `me`, `we`, `our`): a customer or a colleague quoted, not a
# program.
_FIRST_PERSON = re.compile(
    r"(?<![\w/.-])(?:I|I'm|I've|I'd|my|me|[Ww]e|[Ww]e're|[Ww]e've|[Oo]ur|you'll|you'd|you're)"
    r"(?![\w/'.-])"
)
# A command line: flags, a pipe into a filter, or a command a person types to look (`ls
# /proc/<pid>/fd | wc -l`, `kubectl logs …`); not a program's own label (`psql: error: …`).
_COMMAND = re.compile(
    r"^[a-z][\w.-]*\s+-{1,2}[A-Za-z]"
    r"|\s\|\s*(?:wc|grep|egrep|sort|uniq|head|tail|awk|sed|jq|less|more|xargs|cut|tr|tee)\b"
    r"|^(?:sudo\s+)?(?:ls|cat|less|grep|zgrep|tail|head|kubectl|journalctl|docker|ps|df|du|ss|netstat"
    r"|lsof|ulimit|systemctl|dmesg|free|top|strace|ssh|pm2)\s"
    # a hosting platform's command line and its subcommand (`fly logs -a orders-api`, `fly ssh
    # console`, `heroku ps`, `gcloud run services describe …`)
    r"|^(?:fly|flyctl|heroku|gcloud|doctl|railway|render|vercel|codefresh|circleci|tkn|sem"
    r"|glab)\s+[a-z][\w:-]*(?:\s|$)"
    # an SQL statement a person ran (`UPDATE stock …`)
    r"|^(?:UPDATE|INSERT INTO|DELETE FROM|SELECT|ALTER TABLE|CREATE TABLE|DROP TABLE|TRUNCATE)\s"
    # an alert's PromQL expression (`process_open_fds / process_max_fds > 0.9`,
    # `rate(http_requests_total{code="502"}[5m]) > 1`)
    r"|^[\w:(){}\[\]=\"',.\s/*+-]*\b(?:rate|irate|increase|sum|avg|max|min|histogram_quantile"
    r"|count|absent)\("
    r"|^[a-z_:][a-z0-9_:]*(?:\{[^}]*\})?(?:\s*[-+*/]\s*[a-z_:][a-z0-9_:]*(?:\{[^}]*\})?)*"
    r"\s*(?:[<>]=?|[!=]=)\s*[\d.]+$"
)
_RAN = re.compile(r"`([^`]+)`\s*(?:\u2192|->|=>|gave|returned|printed|said|answered)\s*$")
_FIELD = re.compile(r"^\w+:\s*([\"'])[^\"']*\1$")
# ... or a search's filter on a dotted field (`rule.id: 100210`, `agent.name: "idx-02"`)
_FILTER = re.compile(r"^[a-z_@][a-z0-9_@]*(?:\.[a-z_@][a-z0-9_@]*)+:\s*(?:\d+|\*\S*|\"[^\"]*\")$")


# A quote that names a part of a dump or an output (`printed the "Last few GCs" block`, `the
# "Caused by" section`): its heading, which a person describes, not the message; or a step of
# a job (`Follow-on "fix ownership" attempt: …`, `the "reindex" task`): its name.
_NAMES_A_PART = re.compile(
    r"^[\"`\u201d]?\s+(?:block|section|header|heading|banner|part|step|attempt|job|task|button"
    r"|script|routine|phase|stage|toggle|flag|option|menu|tab|action|batch|cron|pipeline"
    r"|workflow)(?:e?s)?\b"
)

# ... or a job that fails with another quote (`"settle invoices 2,1" fails with `…``, and in
# other languages): the quote names what failed
_FAILS_WITH_ANOTHER = re.compile(
    r"^[\"`\u201c\u201d]?\s+(?:(?:fails?|failed|dies|died|crash(?:es|ed)|abort(?:s|ed)|blows? up"
    rf"|blew up|errors? out|errored out)\s+with|{FOREIGN_FAILS_WITH})\s+[\"`\u201c\u201e]"
)

# ... or a job named before its quote (`Batch "settle invoices" kept aborting`, `the job
# "nightly export" ran twice`, `le batch "order sync"`): a short name without a colon, which the
# quote sets off from the words around it as a person names a thing, not a message it logged
_JOB_BEFORE = re.compile(
    r"(?i)\b(?:batch|job|cron(?:job)?|task|pipeline|workflow|routine|t\u00e2che|aufgabe)\s*$"
)


def _job_named(before: str, run: str) -> bool:
    return _JOB_BEFORE.search(before) is not None and ":" not in run and len(run.split()) <= 4


def quoted_log(text: str, run: str) -> bool:
    """A quoted run of the item that is log text: not a value inside a repr, a command, a
    field, nor a person's words (`"When I click Get a quote the spinner spins forever"`)."""
    before = text[: max(0, text.find(run) - 1)]
    inside = _INSIDE_REPR.search(before)
    person = _FIRST_PERSON.search(run) and not START.search(run)
    # (a run with a level or a class is the message all the same: `"ERROR: …" blocks`)
    after = text[text.find(run) + len(run) :]
    named = bool(_NAMES_A_PART.match(after) or _FAILS_WITH_ANOTHER.match(after))
    named = named or _job_named(before, run)
    part = not START.search(run) and named
    # what a command a person ran printed (`` `nc -zv 10.0.0.3 6380` → `Connection refused` ``)
    ran = _RAN.search(before)
    output = ran is not None and _COMMAND.search(ran[1]) is not None
    return (
        not part
        and not output
        and inside is None
        and is_log_text(run)
        and not person
        and not _COMMAND.search(run)
        and not _FIELD.match(run)
        and not _FILTER.match(run)
        and not PLATFORM_EVENT.match(run)  # (what a platform did: `Server unhealthy`)
        and not STEP_ROW.match(run)  # (a CI build's step list: `db_ping ✗ 3s`, ci_pages.py)
    )


def emphasised_log(text: str) -> bool:
    """Emphasis around log text (`**OSError: [Errno 24] …**`, `__could not translate host name
    "db" to address: …__`), not around prose (`**twice**`, `**not** a symptom`)."""
    if not is_log_text(text):
        return False
    message = ": " in text and CODEISH.search(text) is not None and len(text.split()) >= 4
    return START.search(text) is not None or find_head(text) is not None or message


def loggy(text: str) -> bool:
    return CODEISH.search(text) is not None and len(text.split()) >= 3


# A verb of failing and `with`, then a message of three to six plain words that ends the
# stretch on what failed (`The audit export aborted with database or disk is full.`): full,
# denied, refused, exceeded, not found, timed out … Not a count, a code or prose (`failed with
# a timeout`, `crashed with exit code 137`, `failed with the table locked by the backup`), nor
# two words that every stack prints (`died with connection refused`).
FAILED_WITH = re.compile(
    r"\b(?:aborted|failed|died|crashed|errored(?: out)?|exited|bailed(?: out)?|stopped) with\s+"
    r"(?=(?:[a-z]+ ){2,5}(?:full|denied|refused|exceeded|not found|timed out|invalid|unavailable"
    r"|missing|locked|no such|cannot|could not|unable|too many|out of|corrupt(?:ed)?|reset"
    r"|unreachable|not allowed|not permitted|is closed)[.!]?\s*$)"
)


# A program's message that ends in an error every stack prints, after a label of the author's
# (`… failed at the same time with: ledger db unreachable: could not translate host name "…" to
# address: Name or service not known`): the message from the first label's colon on; it ends
# where a sentence or the prose of another script goes on (Burmese `… on device လို့ ပြောတယ်`)
_COMMON_TAIL = re.compile(
    r"(?:^|:\s+)(?P<text>[a-z][^:]{4,100}(?::\s+[^:]{1,100})*?:\s+(?P<error>[A-Z][a-z]+"
    r"(?:\s[a-z]+){1,6}))\.?(?=\s+[A-Z]|\s*$|\s*[^\W\d_A-Za-z\u00c0-\u024f\u1e00-\u1eff])"
)


def common_tail(segment: str) -> str | None:
    """The message of a stretch of prose that ends in a common error text, if any."""
    found = _COMMON_TAIL.search(segment.strip())
    return found["text"] if found and is_common_message(found["error"]) else None


# A subject that raised the error, before the error's class (`pymemcache raised
# MemcacheServerError("…"), logged as …`): the error is the text, up to its repr's end
_RAISED = re.compile(
    r"\s*[\w.-]+\s+(?:raised|raises|threw|throws|returned|returns|gave)\s+(?:an?\s+|the\s+)?"
    r"(?=(?:[A-Za-z_]\w*\.)*[A-Z]\w*(?:Error|Exception)\b)"
)
_REPR_THEN_PROSE = re.compile(r"^([\w.]+\((?:[^()]|\([^()]*\))*\))\s*,\s+[a-z]")


def raised_error(text: str) -> str | None:
    """The error a subject raised, when the text says so; else None."""
    raised = _RAISED.match(text)
    if raised is None:
        return None
    error = text[raised.end() :].strip()
    then_prose = _REPR_THEN_PROSE.match(error)
    return then_prose[1] if then_prose else error
