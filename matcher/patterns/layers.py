"""Names of one error that a quote and a log write differently (docs/symptoms.md, "The layer
rule"): a class under another of its names, a Redis error code after the class, and the
application's own words in front of a message.

- Python 3 made ``IOError``, ``EnvironmentError``, ``socket.error`` and ``select.error`` names
  of ``OSError`` (PEP 3151), ``socket.timeout`` one of ``TimeoutError`` (3.10), and asyncio's
  and concurrent.futures' ``TimeoutError`` the builtin (3.11). Which name a log prints depends
  on the code that raised and on the release, not on the error: a quote of one name accepts
  the others, also where its message is common and its class stays required.
- Redis replies start with an error code (``OOM command not allowed …``) that redis-py keeps
  in ``ResponseError: OOM …`` and drops in ``OutOfMemoryError: command not allowed …``: after a
  class, the code is optional when the rest is distinctive.
- An application writes what it was doing before the message it caught (``cache flags not
  cached: command not allowed …``), and the server or client that made the message writes it
  without: that context, lower-case words and a colon, is optional when the rest is distinctive.
"""

from __future__ import annotations

import re

from matcher.patterns.heads import REDIS_CODES

# canonical class -> (exact alternatives, loose alternatives); a lower-case class is named
# with its module, which the exact pattern finds just before it (the module path is matched
# by HEAD_EXACT already).
_OS = ("OSError", "IOError", "EnvironmentError")
_ALIASES: dict[str, tuple[str, str]] = {
    "OSError": (
        "|".join(_OS) + r"|(?<=\bsocket\.)error|(?<=\bselect\.)error",
        "|".join(_OS) + r"|socket\.error|select\.error",
    ),
    "TimeoutError": (r"TimeoutError|(?<=\bsocket\.)timeout", r"TimeoutError|socket\.timeout"),
}
_CANONICAL = {
    "IOError": "OSError",
    "EnvironmentError": "OSError",
    "socket.error": "OSError",
    "select.error": "OSError",
    "OSError": "OSError",
    "socket.timeout": "TimeoutError",
    "TimeoutError": "TimeoutError",
}


def is_aliased(cls: str) -> bool:
    """Whether a log may print the class under another name."""
    return cls in _CANONICAL


def class_exact(cls: str) -> str:
    """The class as the exact pattern looks for it, under any of its names."""
    if cls in _CANONICAL:
        return f"(?:{_ALIASES[_CANONICAL[cls]][0]})"
    if "." in cls:  # socket.gaierror: the module path in front is HEAD_EXACT's
        module, name = cls.rsplit(".", 1)
        return rf"(?<=\b{re.escape(module)}\.){re.escape(name)}"
    return re.escape(cls)


def class_loose(cls: str) -> str:
    """The class as the prefilter looks for it (no lookbehind: Hyperscan has none)."""
    if cls in _CANONICAL:
        return f"(?:{_ALIASES[_CANONICAL[cls]][1]})"
    return re.escape(cls)


_CODE = re.compile(rf"^(?:{REDIS_CODES})[^\S\n]+(?=\S)")
# After the class, where the code may be or not: `ResponseError: OOM command …`.
CODE_AFTER_CLASS = rf"(?:(?:{REDIS_CODES})[^\S\n]{{1,64}})?"


def split_code(body: str) -> tuple[str, str]:
    """(the Redis code a message starts with, the message after it), or ("", body)."""
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
