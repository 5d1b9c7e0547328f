"""The head of a symptom (the layer rule) and where a message *stands* (the standing rule).

A postmortem quotes one layer of an error: an exception class (``IntegrityError: …``) or a
level or error code that one program prints and another separates or drops (``FATAL: …``,
``[emerg] …``, ``ERROR 1205 (HY000): …``, Redis's ``OOM …``). When the rest of the message is
distinctive, the head is optional; the message found without it must then *stand* as an error:

- no lower level on the line (``DEBUG``, ``INFO``, ``NOTICE``, ``WARNING`` …), unless the line
  also carries an error level or an exception class (a ``WARN`` head accepts a warning);
- the message does not continue a sentence: just before it (spaces aside) is the start of the
  line, a level word, a digit or a non-letter, never a plain word (``retrying after database
  is locked``);
- it is not asked about: no ``?`` right after it (``lock check: database is locked? no``);
- it is not in source code: an indented line that raises or has a comment mark before it
  (``      throw er; // Unhandled 'error' event``), with or without its class.

A message that every stack prints (an OS error's text) is never distinctive: patterns/common.py.

The rules for users are in docs/symptoms.md ("The layer rule", "Where a message stands").
"""

from __future__ import annotations

import re
from typing import NamedTuple

# A leading "SomeError: " is the class of the layer the author happened to quote.
# A class is named like one (`…Error`, `…Exception` …), or has a module path
# (`psycopg2.errors.QueryCanceled`, `subprocess.TimeoutExpired`).
EXCEPTION_HEAD = re.compile(
    r"^((?:[A-Za-z_][A-Za-z0-9_]*\.)*"
    r"[A-Z][A-Za-z0-9_]*(?:Error|Exception|Violation|Warning|Failure|Fault|Exit|Interrupt)"
    r"|(?:[a-z_][A-Za-z0-9_]*\.)+[A-Z][A-Za-z0-9_]*"
    # the lower-case classes of the socket and select modules (`socket.error: [Errno 111] …`)
    r"|(?:[A-Za-z_][A-Za-z0-9_]*\.)*(?:socket\.(?:error|timeout|gaierror|herror)|select\.error)"
    r"):\s+"
)
# A lower-case class is named with its module: `error` alone says nothing.
_MODULE_CLASS = re.compile(r"(?:socket|select)\.[a-z]+$")
# Error levels as programs print them before a message, with the error code MySQL's client
# adds (`ERROR 1205 (HY000):`) and a Redis error code (`OOM`, `WRONGTYPE`).
_LEVEL_WORDS = r"FATAL(?: ERROR)?|ERROR|CRITICAL|CRIT|EMERG|ALERT|PANIC|SEVERE|ERR|WARN|WARNING"
REDIS_CODES = (
    r"ERR|WRONGTYPE|OOM|NOAUTH|NOPERM|READONLY|LOADING|BUSY|NOSCRIPT|MISCONF|EXECABORT"
    r"|CLUSTERDOWN|MASTERDOWN|NOREPLICAS|MOVED|ASK|TRYAGAIN|CROSSSLOT|NOGROUP|BUSYKEY"
    # memcached's protocol errors, which its clients drop (pymemcache's MemcacheServerError)
    r"|SERVER_ERROR|CLIENT_ERROR"
)
LEVEL_HEAD = re.compile(
    rf"^(?:(?:\[(?:emerg|alert|crit|error|err|fatal|warn)\]|\(error\)"
    rf"|(?:{_LEVEL_WORDS})(?: -?\d{{1,6}}(?: \([0-9A-Z]{{5}}\))?)?:?|\d{{4,5}} \([0-9A-Z]{{5}}\):)"
    rf"(?:[^\S\n]+(?:{REDIS_CODES})(?=\s))?|(?:{REDIS_CODES}))[^\S\n]+"
)
_WARN_HEAD = re.compile(r"^\W*WARN", re.IGNORECASE)

# Any module path before the class, and what a driver puts between class and message: a
# wrapped class, "(psycopg2.errors.X) ", a code tuple "(1205, '", an OS error's "[Errno 13] "
# (the str form of `PermissionError(13, 'Permission denied')`), or a repr "Cls('".
_MODULES = r"(?:[A-Za-z_]\w{{0,99}}\.){{0,20}}"
_AFTER_CLASS = (
    r"(?::[^\S\n]{{1,64}}(?:\([\w.]{{1,200}}\)[^\S\n]{{1,64}}|\(-?\d{{1,10}},[^\S\n]{{0,64}}['\"]"
    r"|\[Errno[^\S\n]-?\d{{1,6}}\][^\S\n]{{1,64}})?"
    r"|\((?:-?\d{{1,10}},[^\S\n]{{0,64}})?['\"])"
)
HEAD_EXACT = r"(?<![\w.])" + _MODULES + "{cls}" + _AFTER_CLASS


def head_exact_in(package: str) -> str:
    """HEAD_EXACT for a class the author wrote in a package (`requests.exceptions.
    ConnectionError`): that package's path before the class, or none, not another's."""
    return rf"(?<![\w.])(?:{re.escape(package)}\.{_MODULES})?" + "{cls}" + _AFTER_CLASS


HEAD_LOOSE = r"{cls}[:(]"

_SP = r"[^\S\n]"
_ANY = r"[^\n]{0,4096}"
# Levels below error, as words, in brackets, or as a JSON / logfmt field.
_LOW = (
    r"(?:\b(?:DEBUG|INFO|NOTICE|TRACE|VERBOSE{warn})\b|\[(?:debug|info|notice{warn_lc})\]"
    r"|(?i:\blevel\"?{sp}{{0,8}}[:=]{sp}{{0,8}}\"?(?:debug|info|notice|trace{warn_lc})\b))"
)
# An error level, an exception class, or a traceback on the line outranks a lower level.
_ERROR = (
    r"(?:\b(?:ERROR|FATAL|CRITICAL|CRIT|EMERG|ALERT|PANIC|SEVERE|ERR|FAILED)\b"
    r"|\[(?:error|crit|alert|emerg|fatal)\]|\(error\)|\b[A-Z]\w{0,99}(?:Error|Exception)\b"
    r"|Traceback|(?i:\blevel\"?[^\S\n]{0,8}[:=][^\S\n]{0,8}\"?(?:error|fatal|critical)\b))"
)
_BEFORE_LEVEL = (
    rf"(?:^E|\b(?:ERROR|FATAL|CRITICAL|CRIT|EMERG|ALERT|PANIC|SEVERE|WARN|WARNING|{REDIS_CODES}))"
)

# A message that stands in a line of source code, as runtimes print it above a caret line
# (Node's `      throw er; // Unhandled 'error' event`, Python's `    raise X("…")`, gcc's and
# rustc's numbered excerpt ` 12 |     panic!("…");`): an indented line that raises (`raise`,
# `throw`) or has a comment mark (`//`, `/*`, ` # `) before the message's end, or a numbered
# source line. Checked after the message, so that only a match pays for it; each lookbehind
# is one bounded pass back to the start of the line.
_INDENTED = r"^>?[ \t]{1,64}"
_NUMBERED = r"^[ \t]{0,16}\d{1,7}[ \t]{1,8}\|"
IN_CODE = (
    rf"(?<!(?:{_INDENTED}(?:raise|throw)\b|{_NUMBERED})[^\n]{{0,4096}})"
    rf"(?:(?<!{_INDENTED}\S[^\n]{{0,4096}})"
    rf"|(?<!(?:(?<=[\s;])(?://|/\*)|(?<=\s)\#{_SP})[^\n]{{0,4096}}))"
)


class Head(NamedTuple):
    kind: str  # "class" or "level"
    text: str  # the class name (module path dropped), or the level as written
    end: int  # where the message starts in the symptom


def find_head(symptom: str) -> Head | None:
    """The exception class or error level a symptom starts with, if any."""
    match = EXCEPTION_HEAD.match(symptom)
    if match:
        named = _MODULE_CLASS.search(match[1])
        return Head("class", named[0] if named else match[1].rsplit(".", 1)[-1], match.end())
    match = LEVEL_HEAD.match(symptom)
    if match and match.end() < len(symptom):
        return Head("level", match[0].strip(), match.end())
    return None


class Standing(NamedTuple):
    """The standing rule as regex pieces: before the message, after it (not asked about),
    and on the line (no lower level unless an error marker)."""

    before: str
    not_asked: str
    level_ok: str


def standing_parts(head: Head | None, body: str = "") -> Standing:
    """The standing rule for a message found without its head. A message that itself starts
    with an error word needs nothing before it: `request failed Error: connect …` is an
    error wherever it stands."""
    warn = head is not None and head.kind == "level" and _WARN_HEAD.match(head.text)
    low = _LOW.format(
        warn="" if warn else "|WARN|WARNING",
        warn_lc="" if warn else "|warn|warning",
        sp=_SP,
    )
    error = _ERROR if not warn else _ERROR[:-1] + r"|\bWARN(?:ING)?\b)"
    level_ok = rf"(?:(?<={error}{_ANY})|(?={_ANY}{error})|(?<!{low}{_ANY})(?!{_ANY}{low}))"
    before = rf"(?:(?<![^\W\d_]{_SP}{{1,64}})|(?<={_BEFORE_LEVEL}{_SP}{{1,64}}))"
    if SELF_MARKED.match(body):
        before = ""
    not_asked = rf"(?!{_SP}{{0,8}}['\"\u2019\u201d)]?{_SP}{{0,8}}\?)"
    return Standing(before, not_asked + IN_CODE, level_ok)


def standing(head: Head | None, body: str = "") -> tuple[str, str]:
    """(before the message, after it): see `standing_parts`."""
    parts = standing_parts(head, body)
    return parts.before, parts.not_asked + parts.level_ok


def why_not_standing(line: str, start: int, end: int, head: Head | None, body: str) -> str | None:
    """Why a message found at line[start:end] without its head does not stand, or None."""
    import regex  # the exact patterns' engine; only the author's tools ask why

    parts = standing_parts(head, body)
    if parts.before and not regex.compile(parts.before).match(line, start):
        word = regex.search(r"(\w+)\W*$", line[:start])
        return f"inside a sentence: the word {word[1] if word else ''!r} comes just before it"
    if not regex.compile(parts.not_asked).match(line, end):
        if regex.compile(IN_CODE).match(line, end):
            return "asked about, not reported: a '?' follows it"
        return "in source code: a line that raises, a comment, or a numbered excerpt"
    if not regex.compile(parts.level_ok).match(line, end):
        level = regex.search(
            _LOW.format(warn="|WARN|WARNING", warn_lc="|warn|warning", sp=_SP), line
        )
        name = level[0] if level else "a lower level"
        return f"the line is at {name} and carries no error level or exception class"
    return None


# A message that opens with an error word stands on its own.
SELF_MARKED = re.compile(
    r"^(?:Error\b|ERROR\b|FATAL\b|CRITICAL\b|PANIC\b|[A-Z]\w*(?:Error|Exception)\b)"
)
