"""Turning raw log bytes into text that is safe to show and to match."""

from __future__ import annotations

import re

_SURROGATE = re.compile("[\udc80-\udcff]")
_JSON_ESCAPE = re.compile(r"\\(?:u([0-9a-fA-F]{4})|([\"\\/bfnrt]))")
_JSON_SIMPLE = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}
# C0/C1 controls and DEL, except tab: enough to stop escape sequences reaching a terminal.
_CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f]")


def decode_line(raw: bytes) -> str:
    """Bytes of one line (without its LF) as str; a trailing CR is dropped, undecodable bytes
    survive as lone surrogates so that nothing is lost."""
    if raw.endswith(b"\r"):
        raw = raw[:-1]
    return raw.decode("utf-8", "surrogateescape")


def render(text: str) -> str:
    """Text for output: undecodable bytes written ``\\xNN``, everything else unchanged."""
    if not _SURROGATE.search(text):
        return text
    return _SURROGATE.sub(lambda m: f"\\x{ord(m.group(0)) - 0xDC00:02x}", text)


def render_offset(text: str, index: int) -> int:
    """Where character ``index`` of ``text`` lands in ``render(text)``."""
    return index + 3 * len(_SURROGATE.findall(text, 0, index))


def json_unescape(text: str) -> str | None:
    """Decode JSON string escapes (``\\"``, ``\\\\``, ``\\uXXXX``…) in a line; None if it has none."""
    if "\\" not in text:
        return None

    def replace(m: re.Match[str]) -> str:
        if m.group(1):
            return chr(int(m.group(1), 16))
        return _JSON_SIMPLE[m.group(2)]

    decoded = _JSON_ESCAPE.sub(replace, text)
    return decoded if decoded != text else None


def neutralize(text: str) -> str:
    """Make log text safe for a terminal: control characters (ESC above all) become visible."""
    if not _CONTROL.search(text):
        return text
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group(0)):02x}", text)
