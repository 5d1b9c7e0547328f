"""Messages every stack prints, which do not identify an incident on their own.

The layer rule makes a symptom's class or level optional when the rest of the message is
distinctive (docs/symptoms.md). A bare operating-system error is not: `[Errno 111] Connection
refused` is the cause of a failed HTTP call, a failed Redis connection and a failed database
connection alike, and only the class the author quoted (`httpx.ConnectError`) says which. The
same holds for the resolver's errors (`Name or service not known`), HTTP reason phrases
(`503 Service Unavailable`), and a message of one or two generic error words (`Connection
closed`, `Authentication failed`). Such a message keeps its class or
level, required.
"""

from __future__ import annotations

import functools
import http
import os
import re

# The code in front of an OS error: `[Errno 111] `, `[WinError 10061] `, `Errno 2: `, or the
# C style `(111: Connection refused)`; an HTTP status before its reason phrase.
# (The number may be a placeholder already: the miner masks it, `[Errno <int>]`.)
_N = r"(?:-?\d{1,6}|<[a-z][a-z0-9_]{0,31}(?::[a-z]+)?>)"
_CODE = re.compile(rf"^(?:\[(?:Errno|WinError) {_N}\]|Errno {_N}:?|[1-5]\d\d(?= [A-Z]))\s*")
_C_STYLE = re.compile(rf"^\({_N}: (.*)\)$")
# What follows an OS error's text: the file or address it was about (`: '<path>'`).
_SUBJECT = re.compile(r"""(?::\s*(['"]?)<[a-z][a-z0-9_]{0,31}(?::[a-z]+)?>\1)+$""")
# ... or before it, C style (`perror`): `<host>: Name or service not known` (Java's
# UnknownHostException), `'<path>': No such file or directory`.
_LEAD_SUBJECT = re.compile(r"""^(['"]?)<[a-z][a-z0-9_]{0,31}(?::[a-z]+)?>\1:\s+""")
# A placeholder that opens or closes the message: what a person left out around it.
_ANY = r"<(?:any\d*|[a-z][a-z0-9_]{0,31}:any)>"
_ELIDED = re.compile(rf"^(?:{_ANY}\s*)+|(?:\s*{_ANY})+$")
# A wrapper's words that say nothing of the cause: urllib3's `Max retries exceeded with url: …`
# is printed for a refused connection, a failed lookup and a timeout alike.
_WRAPPER = re.compile(r"(?i)^max retries exceeded(?: with url: \S+)?$")
# getaddrinfo's messages (glibc, musl, BSD), which the C library's strerror does not list.
_RESOLVER = (
    "Name or service not known",
    "Temporary failure in name resolution",
    "No address associated with hostname",
    "Non-recoverable failure in name resolution",
    "nodename nor servname provided, or not known",
    "Address family for hostname not supported",
)


# Words of generic errors: a message of one or two of them (`Connection closed`,
# `Authentication failed`, `Unexpected error`) says no more than the class in front of it.
# (Not derived from the texts above: those also give specific words, `deadlock`, `memory`.)
_GENERIC_WORDS = frozenset(
    [
        "access",
        "aborted",
        "authentication",
        "bad",
        "broken",
        "canceled",
        "cancelled",
        "closed",
        "connection",
        "denied",
        "error",
        "errors",
        "exception",
        "failed",
        "failure",
        "fatal",
        "forbidden",
        "found",
        "internal",
        "invalid",
        "lost",
        "network",
        "not",
        "occurred",
        "operation",
        "out",
        "permission",
        "pipe",
        "refused",
        "request",
        "reset",
        "server",
        "service",
        "timed",
        "timeout",
        "unauthorized",
        "unavailable",
        "unexpected",
        "unknown",
        "unreachable",
    ]
)
_FEW_WORDS = re.compile(r"^([A-Za-z]+)(?:\s+([A-Za-z]+))?[.!]?$")


@functools.cache
def _common() -> frozenset[str]:
    messages = {os.strerror(code) for code in range(1, 134)}
    messages.update(_RESOLVER)
    messages.update(status.phrase for status in http.HTTPStatus if status >= 400)
    return frozenset(m.lower() for m in messages if not m.startswith("Unknown error"))


def is_common_message(message: str) -> bool:
    """Whether a symptom's message (its class or level aside) is one every stack prints: an
    OS error's text with or without its code and its file (`[Errno 13] Permission denied:
    '<path>'`, `(111: Connection refused)`), a resolver error, an HTTP reason phrase, or one
    or two generic error words (`Connection closed`)."""
    # (an elision around it adds nothing: `… Connection refused` is as common)
    text = _ELIDED.sub("", message.strip())
    c_style = _C_STYLE.match(text)
    if c_style:
        text = c_style[1]
    text = _SUBJECT.sub("", _CODE.sub("", _LEAD_SUBJECT.sub("", text))).rstrip(" .")
    if text.lower() in _common() or _WRAPPER.match(text):
        return True
    few = _FEW_WORDS.match(text)
    return few is not None and all(
        w.lower() in _GENERIC_WORDS for w in few.groups() if w is not None
    )
