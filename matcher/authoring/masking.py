"""From a raw log line to the message a template is mined from: a generic header stripper and
a masker that replaces variable values with typed placeholders (docs/symptoms.md syntax).

Neither knows any log format by name: one configuration serves every log (docs/suggest.md).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

LEVELS = (
    "TRACE|DEBUG|INFO|NOTICE|WARN|WARNING|ERROR|ERR|CRITICAL|CRIT|FATAL|SEVERE|PANIC|ALERT|EMERG"
)
# A level as loggers print it: ``INFO``, ``Info``, ``[notice]``, after a facility (BGL's
# ``RAS KERNEL INFO``), or Android's one letter; a bare lower-case ``error`` starts a message.
_CAPITALIZED = "|".join(w.capitalize() for w in LEVELS.split("|"))
_LEVEL = (
    rf"\[(?i:{LEVELS})\]:?|(?:[A-Z]{{2,10}}\s+){{0,2}}(?:{LEVELS}|{_CAPITALIZED}):?|[VDIWEF]"
    r"|[A-Z]{3,10}:"  # PostgreSQL's LOG:, DETAIL:, STATEMENT:
)
_ZONES = "UTC|GMT|Z|[ECMP][SD]T|CES?T|EES?T|WES?T|BST|IST|JST|KST|AES?T|AEDT"
_MONTHS = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"
_DAYS = "Mon|Tue|Wed|Thu|Fri|Sat|Sun"

# One piece of a line header, tried in order at the current position. Kinds: "level",
# "bracket", "stamp" (a date, a time, a number, a token holding an ISO date), "month", "dash",
# "zone" (a time zone), "node" (a host or user@db name).
_HEADER_PIECES = re.compile(
    rf"(?P<level>{_LEVEL})(?=\s)"
    r"|(?P<bracket>\[(?:[^\[\]\n]|\[[^\[\]\n]{0,80}\]){0,200}\]:?)(?=\s|$)"
    r"|(?P<stamp>(?:\d[\d:.,/_+-]*|[^\s\[]\S*\d{4}-\d{2}-\d{2}\S*)(?=[\s|]|$))"
    rf"|(?P<month>(?:{_DAYS}|{_MONTHS})\b,?)"
    r"|(?P<dash>[-|](?=\s))"
    rf"|(?P<zone>(?:{_ZONES})(?=\s))"
    # a host, node or user@database: only kept out when more of the header follows it
    r"|(?P<node>(?=\S*[\d@])\S{0,127}[^\s:](?=\s))"
)
# A syslog-style header names the host right after the time: ``Jun 14 15:16:01 combo sshd[1]:``.
_HOST = re.compile(r"[^\s\[\]]{1,64}(?=\s)")
# An exception class after a header is the message: ``ERROR [app] x.FooError: …``
_NOT_EXCEPTION = (
    r"(?![\w$.]*(?:Error|Exception|Violation|Warning|Failure|Fault|Exit|Interrupt|Throwable)\b)"
)
# A logger or program name that ends a header: ``sshd(pam_unix)[19939]:``, ``WindowManager:``,
# ``chrome.exe -``, and after a level a dotted logger name even without a colon.
_COMPONENT = re.compile(
    rf"(?!(?i:{LEVELS}):){_NOT_EXCEPTION}[^\s:]{{1,120}}(?::(?=\s)|(?:\s+[^\s:]{{1,40}})?\s+-(?=\s))"
)
_LOGGER = re.compile(
    _NOT_EXCEPTION + r"(?:[A-Za-z_][\w$]*(?:\.[\w$]+)+:?|[A-Z][A-Z0-9_]{1,15})(?=\s)"
)
# What pytest and Java put before an exception line: ``E       ValueError: …``, ``Caused by:
# …``, ``FAILED tests/test_x.py::test_y - KeyError: …`` (the short test summary).
_TRACE_PREFIX = re.compile(
    r"E {3,}(?=\S)|\s*(?:Caused by|Suppressed): |(?:FAILED|ERROR) \S+?(?:::|\.py)\S* - (?=\S)"
)
# ``20171223-22:15:29:606|Step_LSC|30002312|message``: pipe-separated header fields.
_PIPES = re.compile(r"\d[\d:.,/_+-]*\|(?:[^\s|]*\|){0,4}")
_SPACE = re.compile(r"\s+")
# A JSON log record's message (structlog "event", zap/logrus "msg", Docker "log"), else its
# error, and its level.
_JSON_STRING = r'"((?:[^"\\\n]|\\.){0,8000})"'
_JSON_MESSAGE = re.compile(rf'"(?:message|msg|event|log)"\s*:\s*{_JSON_STRING}')
_JSON_ERROR = re.compile(rf'"(?:error|err|exception)"\s*:\s*{_JSON_STRING}')
_JSON_LEVEL = re.compile(rf'"(?:level|severity|levelname|lvl)"\s*:\s*{_JSON_STRING}')
_DATED = re.compile(rf"\d|(?:{_DAYS}|{_MONTHS})\b")
_BRACKET = re.compile(r"\[(?:[^\[\]\n]|\[[^\[\]\n]{0,80}\]){0,200}\]:?(?=\s)")
MAX_HEADER_PIECES = 12


@dataclass(frozen=True)
class Message:
    """A line without its header: ``text`` is what templates are mined from, ``level`` the log
    level the header named (upper case), if any."""

    text: str
    level: str | None


def strip_header(line: str) -> Message:
    """Drop a leading timestamp/level/logger header, whatever the format: the header varies
    from line to line (times, process ids) and is not part of the message a person quotes."""
    pipes = _PIPES.match(line)
    if pipes:
        return Message(line[pipes.end() :].strip(), None)
    if line.startswith("{"):
        return _json_message(line)
    prefix = _TRACE_PREFIX.match(line)
    if prefix:
        return Message(line[prefix.end() :].strip(), None)
    pos, level, stamped, month, previous = 0, None, False, False, None
    before_nodes = 0  # where the header ends if the nodes read last are the message's start
    for _ in range(MAX_HEADER_PIECES):
        pos = _skip_space(line, pos)
        m = _HEADER_PIECES.match(line, pos)
        kind = m.lastgroup if m else None
        if m is None or (kind in ("level", "node", "zone") and not stamped):
            break  # a one-letter level, a host or a zone only after a time
        if kind == "node" and previous not in ("stamp", "bracket", "node"):
            break
        if kind == "level":
            level = _level_name(m.group()) or level
        stamped = stamped or kind in ("stamp", "month") or _is_dated(kind, m.group())
        month = month or kind == "month"
        before_nodes = before_nodes if kind == "node" else m.end()
        pos, previous = m.end(), kind
    if not stamped and level is None:
        return Message(line.strip(), None)
    pos = _skip_space(line, before_nodes if previous == "node" else pos)
    if month and level is None and (host := _HOST.match(line, pos)):
        pos = _skip_space(line, host.end())
    comp = (_LOGGER.match(line, pos) if level else None) or _COMPONENT.match(line, pos)
    if comp is not None and comp.end() < len(line.rstrip()):
        pos = _skip_space(line, comp.end())
        while bracket := _BRACKET.match(line, pos):  # a request or thread id after the logger
            pos = _skip_space(line, bracket.end())
    return Message(line[pos:].strip(), level)


def _json_message(line: str) -> Message:
    """A JSON log record: its message field (else its error field; escapes decoded) and its
    level field."""
    found = _JSON_MESSAGE.search(line) or _JSON_ERROR.search(line)
    if found is None:
        return Message(line.strip(), None)
    level = _JSON_LEVEL.search(line)
    inner = strip_header(_json_string(found.group(1)))
    name = _json_string(level.group(1)).upper() if level else inner.level
    return Message(inner.text, name)


def _json_string(body: str) -> str:
    try:
        return str(json.loads(f'"{body}"'))
    except ValueError:
        return body


def _is_dated(kind: str | None, text: str) -> bool:
    """A bracketed time (``[10.30 16:49:06]``, ``[Sun Dec 04 04:47:44 2005]``)."""
    return kind == "bracket" and bool(_DATED.match(text, 1))


def _skip_space(line: str, pos: int) -> int:
    m = _SPACE.match(line, pos)
    return m.end() if m else pos


_LETTERS = {"V": "TRACE", "D": "DEBUG", "I": "INFO", "W": "WARN", "E": "ERROR", "F": "FATAL"}
_LEVEL_NAMES = frozenset(LEVELS.split("|"))


def _level_name(text: str) -> str | None:
    word = text.strip("[]:").split()[-1].upper()
    word = _LETTERS.get(word, word)
    return word if word in _LEVEL_NAMES else None


_UNIT = r"(?:ns|us|µs|ms|s|sec|secs|m|min|mins|h|d|[KMGT]i?B|[kKMG]b|%)?"
# Where a value may start and end: not inside a run of letters/digits or a dotted number.
_B = r"(?<![A-Za-z0-9.])"
_E = r"(?![A-Za-z0-9])(?!\.\d)"
# Variable values, tried in order at each position; each alternative names its placeholder.
_VALUES = re.compile(
    # every value but placeholder text starts where no letter or digit precedes: checking
    # that first spares trying every alternative inside words (a third of the time)
    r"(?:(?<![A-Za-z0-9])|(?=<))(?:"
    r"(?P<x><[a-z][a-z0-9_]{0,31}(?::[a-z][a-z0-9_]*)?>)"  # text that reads as a placeholder
    r"|(?P<path>\b[a-zA-Z][a-zA-Z0-9+.-]{1,15}://[^\s\"'`<>|]{1,1000})"  # URL
    # a quoted value: one token, or any text after "=" (``tag="View Lock"``); a quoted
    # phrase elsewhere may be the message itself (``"GET /x HTTP/1.1"`` and ``"POST …"``)
    r"|(?P<quoted>(?<!\w)(?:\"[^\"\s]{0,200}\"|'[^'\s]{0,200}')(?!\w)"
    r"|(?<==)(?:\"[^\"\n]{0,200}\"|'[^'\n]{0,200}')(?!\w))"
    r"|(?P<uuid>(?<![0-9a-zA-Z])[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}(?![\w-]))"
    r"|(?P<ip>(?<![\w.:])(?:\d{1,3}(?:\.\d{1,3}){3}"
    r"|(?:[0-9a-fA-F]{1,4}:){7}[0-9a-fA-F]{1,4}"
    r"|(?:[0-9a-fA-F]{1,4}(?::[0-9a-fA-F]{1,4}){0,5})?::(?:[0-9a-fA-F]{1,4}(?::[0-9a-fA-F]{1,4}){0,5})?"
    r")(?:%[\w.-]{1,32})?(?![\w.:]))"
    # host:port; lower case, so that a Java frame ``Foo.bar:12`` or ``main.go:42`` is no host
    r"|(?P<host>(?<![\w.-])(?:[a-z0-9-]{1,63}\.)+(?!(?:py|go|java|js|ts|rb|rs|c|h|cc|cpp|kt)\b)"
    r"[a-z][a-z0-9-]{0,62}(?=:\d+(?![\w.])))"
    rf"|(?P<word>\b(?:{_DAYS})(?=,?\s+(?:{_MONTHS})\s+\d)|\b(?:{_MONTHS})(?=\s+\d{{1,2}},?\s+\d))"
    r"|(?P<path2>(?<![\w/.~-])(?:~|\.{1,2})?(?:/[\w.@~+,=-]+){2,}/?|\b[A-Za-z]:\\[^\s\"'`<>|]{1,1000})"
    rf"|(?P<x2>{_B}\d+(?:[-/:.,_T]\d+){{2,}}(?:Z|[+-]\d{{2}}:?\d{{2}})?{_E})"  # dates, versions
    r"|(?P<hex>(?<![\w-])(?:0[xX][0-9a-fA-F]{1,64}|(?=[0-9a-fA-F]*[a-fA-F])(?=[0-9a-fA-F]*\d)"
    r"[0-9a-fA-F]{8,64})(?![\w-]))"
    rf"|(?P<x4>{_B}(?:\d{{1,9}}(?:\.\d{{1,9}})?(?:h|m|s|ms|us|µs|ns)){{2,4}}{_E})"  # 1h2m3.5s
    rf"|(?P<num>{_B}[-+]?\d{{1,20}}(?:\.\d{{1,20}}(?:[eE][-+]?\d{{1,4}})?|[eE][-+]?\d{{1,4}})"
    rf"(?={_UNIT}{_E}))"
    rf"|(?P<int>{_B}[-+]?\d{{1,20}}(?={_UNIT}{_E}))"
    rf"|(?P<x3>{_B}[-+]?\d{{21,}}{_E})"  # longer than an <int> may be
    r")"
)
# A placeholder as docs/symptoms.md writes it.
PLACEHOLDER = re.compile(r"<[a-z][a-z0-9_]{0,31}(?::[a-z][a-z0-9_]*)?>")
_NAMES = {"x2": "x", "x3": "x", "x4": "x", "path2": "path"}


def mask(text: str) -> str:
    """Replace variable values (numbers, hex, UUIDs, IPs, paths, URLs, quoted strings, dates,
    versions) with typed placeholders: ``took 1.5s on 10.0.0.1`` -> ``took <num>s on <ip>``."""
    return _VALUES.sub(_placeholder, text)


def _placeholder(m: re.Match[str]) -> str:
    kind = m.lastgroup or "x"
    return "<" + _NAMES.get(kind, kind) + ">"
