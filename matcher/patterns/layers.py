"""Names of one error that a quote and a log write differently (docs/symptoms.md, "The layer
rule"): a class under another of its names, a Redis error code after the class, and the
application's own words in front of a message.

- Python 3 made ``IOError``, ``EnvironmentError``, ``socket.error`` and ``select.error`` names
  of ``OSError`` (PEP 3151), ``socket.timeout`` one of ``TimeoutError`` (3.10), and asyncio's
  and concurrent.futures' ``TimeoutError`` the builtin (3.11); with an errno, Python 3 raises
  the subclass of OSError for it (``IOError: [Errno 13] …`` is ``PermissionError``). Which
  name a log prints depends on the code that raised and on the release, not on the error: a
  quote of one name accepts the others, also where its message is common and its class stays
  required.
- Redis replies start with an error code (``OOM command not allowed …``) that redis-py keeps
  in ``ResponseError: OOM …`` and drops in ``OutOfMemoryError: command not allowed …``: after a
  class, the code is optional when the rest is distinctive.
- An application writes what it was doing before the message it caught (``cache flags not
  cached: command not allowed …``), and the server or client that made the message writes it
  without: that context, lower-case words and a colon, is optional when the rest is distinctive.
"""

from __future__ import annotations

import errno
import re

from matcher.patterns.heads import REDIS_CODES

# A class's other names: exact alternatives (a lower-case class is named with its module,
# which the exact pattern finds just before it: HEAD_EXACT matches the module path) and loose
# ones (no lookbehind: Hyperscan has none).
_OS_EXACT = (
    "OSError",
    "IOError",
    "EnvironmentError",
    r"(?<=\bsocket\.)error",
    r"(?<=\bselect\.)error",
)
_OS_LOOSE = ("OSError", "IOError", "EnvironmentError", r"socket\.error", r"select\.error")
_TIMEOUT_EXACT = ("TimeoutError", r"(?<=\bsocket\.)timeout")
_TIMEOUT_LOOSE = ("TimeoutError", r"socket\.timeout")
_OS_NAMES = frozenset({"OSError", "IOError", "EnvironmentError", "socket.error", "select.error"})
# Names Python 3 never prints: a quote of one is a memory or a Python 2 log, and the Python 3
# log of the same error prints the subclass for its errno. `OSError:` and a subclass written
# as such are taken as written: another layer's bare OS error is not theirs.
_LEGACY_NAMES = _OS_NAMES - {"OSError"}
_TIMEOUT_NAMES = frozenset({"TimeoutError", "socket.timeout"})
# PEP 3151: the subclass of OSError Python 3 raises for an errno; a quote of an old name with
# its errno (`IOError: [Errno 13] Permission denied`) finds the new one. The numbers are this
# platform's (errno module): a log comes from a Linux host as a rule.
_SUBCLASS_ERRNOS = {
    "BlockingIOError": ("EAGAIN", "EALREADY", "EWOULDBLOCK", "EINPROGRESS"),
    "ChildProcessError": ("ECHILD",),
    "BrokenPipeError": ("EPIPE", "ESHUTDOWN"),
    "ConnectionAbortedError": ("ECONNABORTED",),
    "ConnectionRefusedError": ("ECONNREFUSED",),
    "ConnectionResetError": ("ECONNRESET",),
    "FileExistsError": ("EEXIST",),
    "FileNotFoundError": ("ENOENT",),
    "IsADirectoryError": ("EISDIR",),
    "NotADirectoryError": ("ENOTDIR",),
    "InterruptedError": ("EINTR",),
    "PermissionError": ("EACCES", "EPERM"),
    "ProcessLookupError": ("ESRCH",),
    "TimeoutError": ("ETIMEDOUT",),
}
_SUBCLASS = {
    getattr(errno, code): cls
    for cls, codes in _SUBCLASS_ERRNOS.items()
    for code in codes
    if hasattr(errno, code)
}
_ERRNO = re.compile(r"^\[Errno (\d{1,6})\]")


def _names(cls: str, body: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(exact, loose) alternatives for the class's names; empty when it has only one."""
    number = _ERRNO.match(body)
    subclass = _SUBCLASS.get(int(number[1])) if number else None
    exact: tuple[str, ...] = ()
    loose: tuple[str, ...] = ()
    if subclass is not None and cls in _LEGACY_NAMES:
        exact, loose = (*_OS_EXACT, subclass), (*_OS_LOOSE, subclass)
    elif cls in _OS_NAMES:
        exact, loose = _OS_EXACT, _OS_LOOSE
    if cls in _TIMEOUT_NAMES or (subclass == "TimeoutError" and exact):
        exact, loose = exact + _TIMEOUT_EXACT, loose + _TIMEOUT_LOOSE
    return tuple(dict.fromkeys(exact)), tuple(dict.fromkeys(loose))


def is_aliased(cls: str, body: str = "") -> bool:
    """Whether a log may print the class under another name."""
    return bool(_names(cls, body)[0])


def class_exact(cls: str, body: str = "") -> str:
    """The class as the exact pattern looks for it, under any of its names."""
    exact = _names(cls, body)[0]
    if exact:
        return f"(?:{'|'.join(exact)})"
    if "." in cls:  # socket.gaierror: the module path in front is HEAD_EXACT's
        module, name = cls.rsplit(".", 1)
        return rf"(?<=\b{re.escape(module)}\.){re.escape(name)}"
    return re.escape(cls)


def class_loose(cls: str, body: str = "") -> str:
    """The class as the prefilter looks for it."""
    loose = _names(cls, body)[1]
    return f"(?:{'|'.join(loose)})" if loose else re.escape(cls)


# A MySQL server error's number and SQLSTATE (`1205 (HY000): `), which mysql.connector prints
# after its class, the mysql CLI after `ERROR` (`ERROR 1205 (HY000) at line 1: `) and PyMySQL
# as a tuple (`(1205, 'Lock wait timeout exceeded; …')`): the message is the same error.
_MYSQL_CODE = r"\d{4,5}[^\S\n]\([0-9A-Z]{5}\):"
_CODE = re.compile(rf"^(?:(?:{REDIS_CODES})[^\S\n]+|{_MYSQL_CODE}[^\S\n]+)(?=\S)")
# After the class, where the code may be or not: `ResponseError: OOM command …`.
CODE_AFTER_CLASS = rf"(?:(?:{REDIS_CODES}|{_MYSQL_CODE})[^\S\n]{{1,64}})?"


def split_code(body: str) -> tuple[str, str]:
    """(the Redis or MySQL code a message starts with, the message after it), or ("", body)."""
    match = _CODE.match(body)
    if match is None:
        return "", body
    return match[0], body[match.end() :]


# One to five lower-case words and a colon, up to three times: `cache flags not cached: `,
# `cache health: redis down: `. Not a placeholder, a digit or a capital: those are the
# message's own (`ERROR 1040: …`, `<host>: Name or …`, `Failed to establish …: `).
_CONTEXT = re.compile(r"^(?:[a-z][a-z_-]*(?: [a-z][a-z_-]*){0,4}: (?=\S)){1,3}")


def split_context(body: str) -> tuple[str, str]:
    """(the application's context in front of the message, the message), or ("", body)."""
    match = _CONTEXT.match(body)
    if match is None:
        return "", body
    return match[0], body[match.end() :]
