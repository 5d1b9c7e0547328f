"""Turning raw log bytes into text that is safe to show and to match."""

from __future__ import annotations

import re

_SURROGATE = re.compile("[\udc80-\udcff]")
# JSON string escapes (a surrogate pair first, so that it becomes one character) and XML/HTML
# character references, as in a junit XML attribute: the forms a message takes inside a
# structured log line.
_ESCAPE = re.compile(
    r"\\u([dD][89abAB][0-9a-fA-F]{2})\\u([dD][c-fC-F][0-9a-fA-F]{2})"
    r"|\\u([0-9a-fA-F]{4})|\\([\"\\/bfnrt])"
    r"|&(?:#([0-9]{1,7})|#[xX]([0-9a-fA-F]{1,6})|(quot|amp|lt|gt|apos|nbsp));"
)
_SIMPLE = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}
_ENTITIES = {"quot": '"', "amp": "&", "lt": "<", "gt": ">", "apos": "'", "nbsp": "\xa0"}
_REPLACEMENT = "\ufffd"
# C0/C1 controls and DEL, except tab, and the bidirectional overrides and isolates that can
# make a terminal show text in an order other than the bytes': enough to stop escape
# sequences and "trojan source" reordering reaching a terminal.
# Terminal escape sequences a logger writes around or inside its text (colours, bold, erase
# line, hyperlinks): CSI sequences, OSC strings (ended by BEL or ST), character-set selection
# and the two-byte ones. Taken off for matching.
ANSI_PATTERN = (
    r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b\n]*(?:\x07|\x1b\\)"
    r"|\x1b[()][0-9A-Za-z]|\x1b[=>78]"
)
ANSI = re.compile(ANSI_PATTERN)
ESC = b"\x1b"  # the byte every one of them starts with
ANSI_BYTES = re.compile(ANSI_PATTERN.encode())
_CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


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


def unescape_line(text: str) -> str | None:
    """Decode the JSON string escapes (``\\"``, ``\\\\``, ``\\uXXXX``…) and XML character
    references (``&quot;``, ``&#10;``…) of a line; None if it has none.

    A code point that is not a character (a lone surrogate, NUL, beyond U+10FFFF) becomes
    U+FFFD, so decoding never invents a byte that was not in the log.
    """
    if "\\" not in text and "&" not in text:
        return None
    decoded = _ESCAPE.sub(_replace, text)
    return decoded if decoded != text else None


def _replace(m: re.Match[str]) -> str:
    high, low, code, simple, dec, hexa, name = m.groups()
    if high:
        return chr(0x10000 + ((int(high, 16) - 0xD800) << 10) + int(low, 16) - 0xDC00)
    if simple:
        return _SIMPLE[simple]
    if name:
        return _ENTITIES[name]
    return _character(int(code or hexa, 16) if code or hexa else int(dec))


def _character(point: int) -> str:
    if point == 0 or point > 0x10FFFF or 0xD800 <= point <= 0xDFFF:
        return _REPLACEMENT
    return chr(point)


def neutralize(text: str) -> str:
    """Make log text safe for a terminal: control characters (ESC above all) and bidi
    overrides become visible ``\\xNN`` / ``\\uNNNN``."""
    if not _CONTROL.search(text):
        return text
    return _CONTROL.sub(_visible, text)


def _visible(m: re.Match[str]) -> str:
    point = ord(m.group(0))
    return f"\\x{point:02x}" if point <= 0xFF else f"\\u{point:04x}"


def strip_ansi(text: str) -> str:
    """``text`` without its terminal escape sequences (colours, bold…)."""
    return ANSI.sub("", text) if "\x1b" in text else text
