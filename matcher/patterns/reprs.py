"""The repr an author quotes as their tool printed it, read as the class and message a log
line prints (docs/symptoms.md, "How quotes generalise"): `Cls('message')`, a driver's tuple
`(1205, 'message')`, a bytes repr, a repr whose start the author elided, the application's
words before the repr it caught."""

from __future__ import annotations

import re

from matcher.patterns.heads import EXCEPTION_HEAD

_EXCEPTION_NAME = re.compile(
    r"(?:[A-Za-z_]\w*\.)*[A-Z]\w*(?:Error|Exception|Violation|Warning|Failure|Fault|Exit|Interrupt)$"
)
# ... with more arguments after the message (mysql-connector's `DatabaseError(1205, '1205
# (HY000): Lock wait …', 'HY000')`)
_REPR = re.compile(
    r"^((?:[A-Za-z_]\w*\.)*[A-Z]\w*) ?\((?:-?\d{1,10},\s*)?b?(['\"])(.*?)\2"
    r"(?:,\s*(?:'[^']*'|\"[^\"]*\"|-?\d+|None))*,?\s*\)$"
)
# `PermissionError(13, 'Permission denied') writing <path>`: prose after a whole repr.
_REPR_PROSE = re.compile(
    r"^((?:[A-Za-z_]\w*\.)*[A-Z]\w*\((?:-?\d{1,10},\s*)?b?(['\"]).*?\2,?\s*\))\s+[a-z].*$"
)
# `NameResolutionError(... Failed to resolve 'x' (…))`: a repr cut at its start, quote and all.
_REPR_ELIDED = re.compile(r"^((?:[A-Za-z_]\w*\.)*[A-Z]\w*)\(\s*(?:\u2026|\.{3})\s*(\S.*?)['\"]?\)$")
_NESTED_ELIDED = re.compile(
    r"(?<=\S)((?:[A-Za-z_]\w*\.)*[A-Z]\w*(?:Error|Exception))\(\s*(?:\u2026|\.{3})(\s*)"
    r"([^\s()][^()]*(?:\([^()]*\)[^()]*?)*?)['\"]?\)+$"
)
# `MemcacheServerError: b'out of memory'`: a bytes repr around the message.
_BYTES = re.compile(r"^b(['\"])(.*)\1$")
# `requests.exceptions.ConnectionError … Failed to establish …`: the class, then its message.
# ... whatever the spacing around the elision (`ConnectionError…(Caused by …`, `Error ...msg`).
_CLASS_ELIDED = re.compile(
    r"^((?:[A-Za-z_]\w*\.)*[A-Z]\w*)\s*(?:\u2026|\.{3,})\s*([^\s.\u2026].*)$"
)
# `kafka.errors.KafkaTimeoutError: KafkaTimeoutError: Failed …`: a class whose str() repeats
# its name; its app log says `KafkaTimeoutError('Failed …')`.
_CLASS_TWICE = re.compile(r"^((?:[A-Za-z_]\w*\.)*([A-Z]\w*)):\s+\2:\s+")
# The application's words before the repr of the exception it caught (`cart not cached:
# MemcacheServerError(b'out of memory storing object')`): the exception is the error, and its
# traceback's last line prints it as `Cls: b'…'`, without the application's words.
# ... with the level of its line (`ERROR cart save failed: Cls('…')`).
_APP_WORDS = re.compile(
    r"^(?:(?:ERROR|CRITICAL|FATAL|SEVERE)\s+)?(?:[a-z][a-z_-]*(?: [a-z][a-z_-]*){0,4}: "
    r"(?=[A-Za-z_])){1,3}"
)
_TUPLE = re.compile(r"^(?:\([\w.]+\)\s+)?\(-?\d{1,10},\s*(['\"])(.*)\1\)$")


def unwrap_repr(text: str) -> str:
    """`Cls('message')` -> `Cls: message` (the class kept only where the layer rule knows it);
    `Cls: (1205, 'message')` -> `Cls: message`; `app words: Cls('message')` -> `Cls: message`."""
    words = _APP_WORDS.match(text)
    caught = _REPR.match(text[words.end() :]) if words else None
    if words and caught and _EXCEPTION_NAME.match(caught[1]) and " " in caught[3].strip():
        text = text[words.end() :]
    elided = _CLASS_ELIDED.match(text)
    if elided and _EXCEPTION_NAME.match(elided[1]):
        # the elision stays: what the author left out (`HTTPSConnectionPool(…): Max retries
        # …`) is in the log between the class and the part quoted
        text = f"{elided[1]}: \u2026 {elided[2]}"
    text = _CLASS_TWICE.sub(r"\1: ", text)
    elided_repr = _REPR_ELIDED.match(text)
    if elided_repr and _EXCEPTION_NAME.match(elided_repr[1]):
        text = f"{elided_repr[1]}: \u2026 {elided_repr[2]}"
    # (one nested at the end, `… (Caused by NewConnectionError(... refused))`: the quote the
    # elision opened closes before its parentheses, so the text ends at the message)
    text = _NESTED_ELIDED.sub(lambda m: f"{m[1]}(\u2026{m[2]}{m[3]}", text)
    text = _REPR_PROSE.sub(r"\1", text)
    repr_ = _REPR.match(text)
    if repr_:
        cls, message = repr_[1], repr_[3]
        return f"{cls}: {message}" if _EXCEPTION_NAME.match(cls) else message
    head = EXCEPTION_HEAD.match(text)
    body = text[head.end() :] if head else text
    inner = _TUPLE.match(body) or _BYTES.match(body)
    if inner:
        return text[: head.end() if head else 0] + inner[2]
    return text
