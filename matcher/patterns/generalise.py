"""A postmortem's quote of one occurrence -> a symptom that matches every occurrence.

People quote an error from memory of one occurrence: with that occurrence's numbers, their
own placeholders (``port NNNN``, ``{user}``, ``...``), the repr their tool printed, sentence
punctuation around it. ``generalise`` rewrites such a quote as a text symptom (see
docs/symptoms.md, "How a quote is generalised"):

- what names one occurrence varies: sizes, counts, durations, pids, ports, addresses, ids,
  paths, hosts (``localhost:6379``, ``server: shop.example.com``), hex values, UUIDs
  (``<n:int>``, ``<ip>``, ``<path>`` …, named after the word next to them, so findings show
  them as captures); an object repr ``<pkg.Cls object at 0x…>`` is any text;
- a number that names the kind of error stays: ``[Errno 28]``, ``(113: No route to host)``,
  ``Error 111``, ``ERROR 1205 (HY000)``, ``(1040, '…')``, ``signal 11``, HTTP ``503 Service
  Unavailable``, ``SQLSTATE 23505``, ``ORA-00001``;
- a person's placeholders become placeholders: ``NNNN``, ``XXX``, ``N``, ``{user}``, a lone
  ``*``, ``<user id>``, ``{request id}``, ``<USER_ID>``; ``...`` and ``…`` are any text, and
  may be empty at an end of the quote (``… ECONNREFUSED 127.0.0.1:4000 …``);
- a repr ``Cls('message')`` and a driver tuple ``(1205, 'message')`` become the message, and
  prose after a whole repr (``PermissionError(13, '…') writing <path>``) is dropped;
- curly quotes become straight ones, and an en dash set apart by spaces a hyphen (a word
  processor turns `` - `` into `` \u2013 ``); trailing ``.``, ``,``, ``:``, ``;`` and prose after
  the message (``… while the backup ran``) are dropped.
"""

from __future__ import annotations

import re

from matcher.patterns.common import is_common_message
from matcher.patterns.heads import EXCEPTION_HEAD, SELF_MARKED, find_head
from matcher.patterns.masks import redactions, written_placeholders, written_values
from matcher.patterns.numbers import Names as _Names
from matcher.patterns.numbers import numbers as _numbers
from matcher.patterns.reprs import unwrap_repr

_CURLY = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})
# `java.net.UnknownHostException: pricing-api.internal: Name or …`: the host an OS or resolver
# error is about, first after the class, C style (`subject: strerror`).
_SUBJECT_HOST = re.compile(r"([a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)+):\s")
# "nginx: [emerg] …": the program is where the line came from; with its own level (`psql: error:
# …`) both go before a message of 3 words or more: libpq's reaches an app's log without them.
_PROGRAM = re.compile(
    r"^[a-z][a-z0-9_-]{0,30}:\s+(?:(?:error|fatal):\s+(?=[^\s:]+(?:\s+[^\s:]+){2})"
    r"|(?=\[[a-z]+\]|\(error\)|[A-Z]{3,}\b))"
)
# Prose that goes on after the message: "… while the backup ran", ", five times, then …".
_DETERMINERS = (
    r"the|a|an|each|every|both|all|any|our|its|their|this|that|these|those|it|them|we|they"
    r"|several|some|most|many"
)
_PROSE_TAIL = re.compile(
    r"(?:\s+(?:while|when|during|because|since|until|before|after|and|then)\s+(?:"
    + _DETERMINERS
    + r")\b|\s+for\s+(?:each|every|both|all|several|some|any|most|many)\b"
    r"|,\s+(?:then|and|which|but|so|also|\w+\s+times)\b"
    # how often: ", each after …", ", dozens per second", " every time", " roughly every 30 s"
    r"|,\s+(?:each|every|several|mostly|always|usually|roughly|about|around|once|twice)\b"
    r"|,\s+(?:one|dozens|hundreds|thousands|a\s+few)\s+(?:per|a|an|every)\b"
    r"|\s+(?:every|each)\s+(?:time|day|night|hour|minute|run|request)\b"
    r"|\s+(?:roughly|about|around|approximately|almost)\s+(?:every|each|once|twice)\b"
    # where, after a whole repr or tuple: "(1040, 'Too many connections') in the legacy cron"
    r"|(?<=\))\s+(?:in|on|at|for|from|with|during)\s+(?:the|a|an|our|their|its|this|that|these"
    r"|those)\s+[a-z]+(?:\s+[a-z]+){0,3}\s*$"
    r"|\s+\([a-z]+[,\s]\s*(?!\d)[^():=]*\)"
    # the author's next clause after a whole message: "…) and requests wrapped it as …"
    r"|(?<=[)'\"])\s+(?:and|but|so|which)\s+(?:[a-z][\w-]*\s+){0,3}[a-z]+ed\b"
    # ... what the program did next, in any tense: "… still could not bind() and exit."
    r"|(?<=[)'\"\]])\s+and\s+(?:then\s+)?(?:exit|exits|die|dies|crash|crashes|stop|stops|quit"
    r"|quits|restart|restarts|retry|retries|fail|fails|abort|aborts)\W*$"
    # ... and with the status it exited with: "… Too many connections and exited 1."
    r"|\s+and\s+(?:then\s+)?exited\s+(?:with\s+)?(?:(?:exit\s+)?(?:code|status)\s+)?-?\d+\W*$"
    # where and what it was to the author: "… /v1/quote in between, same story"
    r"|\s+in between\b.*$|,\s+(?:same|similar) (?:story|thing|cause|error|problem|deal)\b.*$"
    # a chat's mark of an edited message: "… 10.0.3.7:3000 (edited: same address)"
    r"|\s+\((?:edited|edit)\b[^()]*\)\s*$"
    # the author's aside in parentheses, in the first person: "(we're on an older redis-py …)"
    r"|\s+\((?:we|we're|we've|i|i'm|i've|our|my)\b[^()]*\)"
    # how long after, said after a whole message: "…') after ~30 s"
    r"|(?:(?<=[)'\"\]])\s+|,\s+)(?:after|in|within)\s+(?:~|about |around |roughly |approx\.? )?"
    r"\s*\d+(?:\.\d+)?\s*(?:s|secs?|seconds?|ms|min|mins|minutes?)\b"
    # the author's initials or a library's name in parentheses at the end: "(MK)", "(psycopg2)"
    r"|\s+\((?:[A-Z]{2,3}|[a-z][\w.-]*\d[\w.-]*|[a-z][a-z-]+py|py[a-z-]+)\)\s*$"
    # how often: ", x5", ", 3 times", a multiplication sign (U+00D7) before a count
    r"|,\s*(?:x\d+|\d+\s*x|\d+ times)\s*$|\s+\u00d7\s*\d+\s*$"
    # how often, in parentheses, whatever follows: "(twice, actually: once on flush …)"
    r"|\s+\((?:once|twice|thrice|again|repeated\w*|several|multiple|many|every|each|both|always"
    r"|mostly|sometimes|occasionally|\d+\s*(?:x|times)|x\d+)\b[^()]*\)\s*$"
    r"|(?<=[)\]'\"])\s+(?:to|for|from|in|on|at|with|after|before|when|while|so|as)"
    r"(?=(?:\s+[a-z]+){0,2}\s+(?:them|it|each|every|all|both|us|times?)\W*$)).*$"
)
_TRAILING = re.compile(r"(?<!\.\.)[\s.,:;]+$")
_ELISION = re.compile(r"\.{3,}|\u2026")
# An elision at an end of the quote, apart from the message: `… ECONNREFUSED 127.0.0.1:4000 …`
# says the line goes on (or began earlier), which it may as well not.
# A quoted path whose start the author elided (`'.../thumbs/thumb-1021.png'`): a path all the
# same.
_ELIDED_PATH = re.compile(r"(['\"])(?:\.{3}|\u2026)/(?=[^'\"\s]*\1)")
# An errno written from memory without its brackets (`Errno 24 too many open files`): Python
# prints `[Errno 24] Too many open files`, its strerror capitalised.
# A class and its errno without the colon between (`PermissionError [Errno 13] …`).
_CLASS_ERRNO = re.compile(r"^((?:[A-Za-z_]\w*\.)*[A-Z]\w*(?:Error|Exception))\s+\[Errno")
_ERRNO_WRITTEN = re.compile(r"(?<!\[)\bErrno (-?\d+)\]?:?\s+([a-z])(?=[a-z]+ )")
_LEADING_ELISION = re.compile(r"^(?:\.{3,}|\u2026)\s+")
_TRAILING_ELISION = re.compile(r"\s+(?:\.{3,}|\u2026)$")
# A log line's prefix written as placeholders: `<user>@<db> `, `[<pid>] <time> `, `<ts> - `.
# ... with a time zone after the time (`<ts> UTC [<pid>] `, as PostgreSQL's `%m` prints it).
_LINE_PREFIX = re.compile(
    r"^(?:(?:<[a-z][a-z0-9_]{0,31}(?::[a-z]+)?>|[^\w\s<])+\s+"
    r"(?:(?:UTC|GMT|Z|[A-Z]{2,4}T|[+-]\d\d:?\d\d)\s+)?)+"
)
_PG_SECONDARY = re.compile(r"(?:DETAIL|HINT|STATEMENT|CONTEXT|LOCATION|QUERY):\s")
# A URL names one occurrence's host, port and path, as a path does (`"http://10.0.0.5:8080/x"`).
_URL = re.compile(r"(?<![\w/<])[a-z][a-z0-9+.-]{1,15}://[^\s'\"<>`|]*[^\s'\"<>`|).,;:]")
_KEYED = re.compile(
    r"\b(host|hostname|addr|address|ip|port|pid|user|uid|gid|id|url|file|path)=(['\"]?)"
    r"([^\s'\",)]+)\2"
)
_V6_PORT = re.compile(r"\[[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*\](?::\d{1,5})?")
# An HTTP Host header as nginx logs it, `host: "shop.example.com"`: a name, an address, either
# with a port (`host: "127.0.0.1:58181"`).
_HOST_HEADER = re.compile(r"\b(host: )\"[^\"\s<>]{1,256}\"")
# A quoted name after "at", "host", "host name", "server": the host of one occurrence.
_AT_HOST = re.compile(r"\b((?:at|host|host name|server|hostname) )(['\"])[A-Za-z][\w.-]*\2")
# An IPv6 address without brackets, compressed (`::1`, `fe80::1`), perhaps with a port as Node
# prints it (`connect ECONNREFUSED ::1:5432`); with a digit, so `abc::def` is no address.
_V6_BARE = re.compile(
    r"(?<![\w:.\[])(?=[0-9A-Fa-f:]*\d)[0-9A-Fa-f:]*::[0-9A-Fa-f:]*(?:%[\w.-]{1,32})?(?![\w:.\]])"
)
_IP_PORT = re.compile(r"(?<![\w.:])(\d{1,3}(?:\.\d{1,3}){3})(?::(\d{1,5}))?(?![\w.]\w)")
# A host name where a host stands: before `:port`, or after `server:`, `host:`, `client:` …
_HOST_PORT = re.compile(
    r"(?<![\w.:/<>@-])(localhost|[A-Za-z][\w-]*\.[\w.-]*[A-Za-z0-9]|[a-z][\w]*-[\w-]*"
    r"|(?<=to |at |om )[a-z]\w*):(\d{1,5})(?![\d:]|\.\d)"
)
_HOST_KEY = re.compile(
    r"\b(?:((?:server|host|hostname|client|upstream|peer|vhost)(?::\s*|\s+))"
    r"(localhost|[A-Za-z][\w-]*(?:\.[\w-]+)+)"
    # ... after a key and its colon, a name without a dot too (nginx's `server: portal`)
    r"|((?:server|hostname|client|upstream|peer|vhost):\s*)([A-Za-z][\w-]*)(?!\s+[a-z]))"
    r"(?![\w-]|\.\w)"
)
# nginx's error log frames its message with the worker's pid#tid and the connection's number
# (`[error] 4711#4711: *5 connect() failed …`); its stderr prints the level and message alone
# (`nginx: [emerg] still could not bind()`). The frame is dropped, whatever stands for its
# numbers (`NNNN#NNNN`, `<pid>#<tid>`, `****#****`, a mask of both: `####`).
_NGINX_FRAME = re.compile(
    r"(\[(?:emerg|alert|crit|error|warn|notice|info|debug)\]\s+)"
    r"(?:[^\s#]{1,12}#[^\s#:]{1,12}|#{3,}):\s+"
)
_NGINX_CONNECTION = re.compile(r"(^|\]\s+)\*(?:\d+|N+|n+|X+|x+|#+|<[^>\s]+>)\s+(?=[a-z])")
# Not a host: a source file and its line (`ledger.py:212`).
_SOURCE_FILE = re.compile(r"\.(?:py|pyx|js|mjs|cjs|ts|rb|go|java|kt|c|h|cc|cpp|rs|php|sql|sh|log)$")
# ... a host with a person's placeholder in it too (`'pricing.<env>.internal'`, `"db.{env}"`):
# the name of one environment, whose fixed parts another environment does not share.
_LABEL = r"(?:[a-z0-9-]|<(?!any\d*[:>])[a-z][a-z0-9_]{0,31}(?::[a-z]+)?>)+"
_QUOTED_VALUE = re.compile(rf"(['\"])((?:/|\.\.?/|~/)[^'\"\s]*|{_LABEL}(?:\.{_LABEL})+)\1")
# A path, with perhaps a person's placeholders in it (`/srv/uploads-<user_id>/avatar.png`);
# not an elision (`<any>`), which may stand for text with spaces.
_PATH_PART = r"(?:[\w.@%+-]|<(?!any\d*[:>])[a-z][a-z0-9_]{0,31}(?::[a-z]+)?>)+"
_PATH = re.compile(rf"(?<![\w.<>/:])/(?:{_PATH_PART}/)*{_PATH_PART}/?(?![\w/])")
# `<urllib3.connection.HTTPConnection object at 0x7f…>`: the object of one occurrence, which
# another release prints otherwise (`HTTPConnection(host='db', port=80)`): any text.
_OBJECT_REPR = re.compile(
    r"<(?:[A-Za-z_]\w*\.)*[A-Za-z_]\w* object at 0x[0-9a-fA-F]*(?:\u2026|\.{3})?[0-9a-fA-F]*>"
)
# nginx's process and thread before its message: `[error] 4711#4711: *5 …`.
_PID_TID = re.compile(r"(?<![\w#])\d{1,7}#\d{1,7}(?=:)")
_HEX = re.compile(r"\b0x[0-9a-fA-F]+\b")
_UUID = re.compile(
    r"\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b"
)


def generalise(quote: str) -> str:
    """The symptom for a quote of one occurrence (see the module docstring)."""
    text = " ".join(quote.translate(_CURLY).split()).replace(" \u2013 ", " - ")
    text = _PROSE_TAIL.sub("", text)
    text = _TRAILING.sub("", text) or text
    text = unwrap_repr(_PROGRAM.sub("", text))
    text = _TRAILING.sub("", text) or text
    text = _drop_edge_elisions(text)
    text = _NGINX_CONNECTION.sub(r"\1", _NGINX_FRAME.sub(r"\1", text))
    names = _Names()
    text = _subject_host(text, names)
    text = written_placeholders(text, names)
    text = _OBJECT_REPR.sub("\u2026", text)
    text = _ELIDED_PATH.sub(r"\1/", text)
    text = _CLASS_ERRNO.sub(r"\1: [Errno", text)
    text = _ERRNO_WRITTEN.sub(lambda m: f"[Errno {m[1]}] {m[2].upper()}", text)
    text = _ELISION.sub(lambda m: names.new("any", "any"), text)
    text = _drop_line_prefix(text)
    text = written_values(text, names)
    text = _URL.sub(lambda m: names.new("url", "path"), text)
    text = redactions(text, names)
    text = _HOST_HEADER.sub(lambda m: f'{m[1]}"{names.new("host_header")}"', text)
    text = _KEYED.sub(lambda m: _keyed(m, names), text)
    text = _V6_PORT.sub(lambda m: names.new("address"), text)
    text = _V6_BARE.sub(lambda m: _v6(m[0], names), text)
    text = _IP_PORT.sub(lambda m: _address(m, names), text)
    text = _HOST_PORT.sub(lambda m: _host_port(m, names), text)
    text = _HOST_KEY.sub(lambda m: _host_key(m, names), text)
    text = _AT_HOST.sub(lambda m: m[1] + m[2] + names.new("host", "host") + m[2], text)
    text = _QUOTED_VALUE.sub(lambda m: m[1] + _value(m[2], names) + m[1], text)
    text = _PATH.sub(lambda m: names.new("path", "path"), text)
    text = _UUID.sub(lambda m: names.new("uuid", "uuid"), text)
    text = _HEX.sub(lambda m: names.new("hex", "hex"), text)
    text = _PID_TID.sub(lambda m: f"{names.new('pid', 'int')}#{names.new('tid', 'int')}", text)
    return _numbers(text, names)


def _drop_edge_elisions(text: str) -> str:
    """`… message …` -> `message`: the elisions at the ends may be empty. Not when only a class
    or a level would be left (`FATAL: …`): that is no message. A leading one goes only before
    a class, a level or an error word (`… Error: connect …`), which may stand anywhere; before
    other words it says the message stands after some text (`… failed: …` is no sentence's
    start), so it stays `<any>`."""
    rest = _TRAILING_ELISION.sub("", text)
    lead = _LEADING_ELISION.match(rest)
    if lead and (find_head(rest[lead.end() :]) or SELF_MARKED.match(rest[lead.end() :])):
        rest = rest[lead.end() :]
    if rest == text or not rest:
        return text
    head = find_head(rest + " x")
    if head is not None and head.end > len(rest):
        return text
    return rest


def _drop_line_prefix(text: str) -> str:
    """`<user>@<db> ERROR: canceling …` -> `ERROR: canceling …`: placeholders and punctuation
    before a level are the server's log prefix (time, pid, user and database), which the
    client's lines of the same error do not have."""
    prefix = _LINE_PREFIX.match(text)
    if prefix is None:
        return text
    rest = text[prefix.end() :]
    head = find_head(rest)
    # (PostgreSQL's lines after an error take the same prefix: `DETAIL:`, `HINT:` …)
    level = head is not None and head.kind == "level"
    return rest if level or _PG_SECONDARY.match(rest) else text


def _subject_host(text: str, names: _Names) -> str:
    """`UnknownHostException: pricing-api.internal: Name …` -> `…: <host>: Name …`; not
    `ModuleNotFoundError: a.b: …`, a module before a message that is no OS error."""
    head = EXCEPTION_HEAD.match(text)
    host = _SUBJECT_HOST.match(text, head.end()) if head else None
    if host is None or _SOURCE_FILE.search(host[1]) or not is_common_message(text[host.end() :]):
        return text
    return text[: host.start()] + names.new("host", "host") + text[host.end(1) :]


def _keyed(match: re.Match[str], names: _Names) -> str:
    key, quote, value = match[1], match[2], match[3]
    if value.startswith("<"):
        return match[0]
    typ = "int" if value.isdigit() else None
    return f"{key}={quote}{names.new(key, typ)}{quote}"


def _address(match: re.Match[str], names: _Names) -> str:
    port = f":{names.new('port', 'int')}" if match[2] else ""
    return names.new("ip", "ip") + port


def _v6(address: str, names: _Names) -> str:
    """`::1:5432` -> `<ip>:<port:int>` (the last group a port when the rest is still an address
    with `::` and the group is decimal); `fe80::1` -> `<ip>`."""
    rest, _, last = address.rpartition(":")
    if "::" in rest and (rest == "::" or rest[-1] != ":") and re.fullmatch(r"\d{2,5}", last):
        return f"{names.new('ip', 'ip')}:{names.new('port', 'int')}"
    return names.new("ip", "ip")


def _host_port(match: re.Match[str], names: _Names) -> str:
    if _SOURCE_FILE.search(match[1]):
        return match[0]
    return f"{names.new('host', 'host')}:{names.new('port', 'int')}"


def _host_key(match: re.Match[str], names: _Names) -> str:
    key, host = match[1] or match[3], match[2] or match[4]
    if _SOURCE_FILE.search(host) or re.search(r"\.[a-z]+[A-Z]", host):
        return match[0]  # a file name or a module path (`client: redis.Redis`), not a host
    return key + names.new("host", "host")


def _value(value: str, names: _Names) -> str:
    if "/" in value:
        return names.new("path", "path")
    return names.new("host", "host")
