"""Turn a symptom (postmortem text with placeholders, or a raw regex) into patterns.

Each symptom yields three things:
- ``pattern``: the exact pattern, for the ``regex`` module, with one named group per placeholder;
- ``prefilter``: a looser, group-free pattern for the multi-pattern engine (Hyperscan), which
  finds candidate lines that ``pattern`` then confirms;
- ``literal``: the longest literal every match contains, for the pure-Python engine.

The matching rules are explained for users in docs/symptoms.md.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from matcher.model import Symptom
from matcher.patterns.common import is_common_message
from matcher.patterns.heads import (
    EXCEPTION_HEAD as EXCEPTION_HEAD,
)
from matcher.patterns.heads import (
    HEAD_EXACT,
    HEAD_LOOSE,
    IN_CODE,
    Head,
    find_head,
    head_exact_in,
    standing,
)
from matcher.patterns.layers import (
    CODE_AFTER_CLASS,
    class_exact,
    class_loose,
    is_aliased,
    split_code,
    split_context,
)
from matcher.patterns.literal_chain import LiteralChain, parse_chain
from matcher.patterns.regex_literals import required_runs

PLACEHOLDER = re.compile(r"<([a-z][a-z0-9_]{0,31})(?::([a-z][a-z0-9_]*))?>")

# A value is not a format directive: the source code and format strings that print a message
# (`"size %d overflow %d"`, `"size {size} overflow {0}"`) are not the incident the message
# reports. A bare `{}` stays a value: it is as often an empty JSON object as a format slot.
NOT_FORMAT = (
    r"(?!(?:%(?:\([A-Za-z_]\w{0,63}\))?[-#0 +]?\d{0,3}(?:\.\d{1,3})?[sdifFgGeExXoucrvqwpTtb]"
    r"|\{(?=[^{}\s])[\w.\[\]]{0,64}(?:![rsa])?(?::[^{}\s]{0,32})?\})(?![\w%]))"
)
# Bytes an encoded form of any non-ASCII character may contain (engines scan raw bytes).
HIGH = r"\x80-\xff"
# type -> (exact pattern for `regex`, loose pattern for Hyperscan). Exact ones are bounded so a
# long line cannot make them backtrack for long; loose ones are byte-level supersets of them.
TYPES: dict[str, tuple[str, str]] = {
    "token": (NOT_FORMAT + r"\S{1,256}", r"\S+"),
    "int": (r"[-+]?[0-9]{1,20}", r"[-+]?[0-9]+"),
    "num": (
        r"[-+]?(?:[0-9]{1,20}(?:\.[0-9]{0,20})?|\.[0-9]{1,20})(?:[eE][-+]?[0-9]{1,4})?",
        r"[-+]?[0-9.]+(?:[eE][-+]?[0-9]+)?",
    ),
    # a size and its unit, which the log may print in another (`2.5MB`, `1572864 bytes`)
    "datasize": (
        r"[0-9]{1,20}(?:\.[0-9]{1,20})?(?:[KMGTPEkmgtpe]i?[Bb]?|[Bb]"
        r"|[^\S\n](?:[KMGTPEkmgtpe]i?[Bb]|bytes?|B))",
        r"[0-9.]+[\w\t\x0b\x0c\r \\&#;]*",
    ),
    "hex": (r"(?:0[xX])?[0-9a-fA-F]{1,64}", r"(?:0[xX])?[0-9a-fA-F]+"),
    "uuid": (
        r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}",
        r"[0-9a-fA-F-]+",
    ),
    "ip": (
        r"(?:[0-9]{1,3}(?:\.[0-9]{1,3}){3}"
        r"|[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?:%[\w.-]{1,32})?)",
        rf"[0-9A-Fa-f.:%\w{HIGH}-]+",
    ),
    "host": (r"[A-Za-z0-9_](?:[A-Za-z0-9_.-]{0,252}[A-Za-z0-9_])?", r"[A-Za-z0-9_.-]+"),
    "path": (NOT_FORMAT + r"[^\s\"'`<>|]{1,1024}", r"[^\s\"'`<>|]+"),
    "quoted": (
        r"(?:\"[^\"\n]{0,1024}\"|'[^'\n]{0,1024}')",
        r"(?:[\"']|[\\&][\\\w#;\"'/]+)[^\n]*(?:[\"']|[\\&][\\\w#;\"'/]+)",
    ),
    "word": (r"\w{1,256}", rf"[\w{HIGH}\\&#;]+"),
    "any": (NOT_FORMAT + r".{1,4096}?", r".+"),
}
TYPE_NAMES = frozenset(TYPES) - {"token"}
# Types made of word characters: at either end of a symptom they only match whole runs.
WORDLIKE = frozenset({"int", "num", "datasize", "hex", "uuid", "word", "host"})

# The message must be this distinctive for a head (class or level) to become optional.
MIN_MESSAGE_CHARS = 16
MIN_MESSAGE_WORDS = 2
WHITESPACE = re.compile(r"\s+")
# A whitespace run in a log line, or its JSON (\t, \u00a0) or XML (&#9;, &nbsp;) escaped form.
# Its first character is no word character: that keeps it from overlapping the words around
# it, which makes Hyperscan compile it several times slower.
_SPACE = rf"\t\x0b\x0c\r {HIGH}\\&#;"
LOOSE_WHITESPACE = rf"[{_SPACE}][{_SPACE}\w]*"
# A literal this short finds too many candidate lines to be worth prefiltering on.
MIN_LITERAL_BYTES = 3
# Characters an encoder may escape: JSON (\" \\ \/), Go's JSON (\u003c \u003e \u0026) and
# XML (&quot; &lt; &gt; &amp; &apos;). A prefilter literal avoids them, and the loose pattern
# accepts them escaped, so that a message is found in its plain and its escaped form.
ESCAPABLE = frozenset("\"\\/<>&'")
# What an escaped character looks like in a JSON (\", \\, \u00e9, \ud83d\ude00) or XML
# (&quot;, &#233;, &#x1F600;) log line, loosely.
ESCAPE_SEQUENCE = r"[\\&][\\\w#;\"'/]+"
# A regex that sets global flags (case-insensitive, verbose…) has no plain literal to rely on.
# Hyperscan refuses a pattern that matches the empty buffer: the symptom is then tried on every
# line by both engines (the CLI warns it is slow), which keeps the engines in agreement.
NO_PREFILTER = "(?:)"


class SymptomSyntaxError(ValueError):
    """The symptom cannot be compiled; the message says why."""


class SymptomPattern(NamedTuple):
    pattern: str
    prefilter: str
    literal: bytes | None
    groups: tuple[tuple[str, str], ...]  # (regex group name, placeholder name as written)
    # A regex that is a literal chain is confirmed with str.find, never compiled.
    chain: LiteralChain | None = None


class _Part(NamedTuple):
    kind: str  # "lit", "ws" or "ph"
    text: str
    type: str = "token"


@functools.lru_cache(maxsize=8192)
def compile_symptom(symptom: Symptom) -> SymptomPattern:
    """Compile one symptom; raises ``SymptomSyntaxError``. Memoized: the loader checks each
    symptom and the ruleset then compiles it, once."""
    if symptom.is_regex:
        return _compile_regex(symptom)
    return _compile_text(symptom.text, symptom.stands)


def _compile_regex(symptom: Symptom) -> SymptomPattern:
    r"""A raw regex is prefiltered on a literal only: the author's ``literal`` or one read off
    the regex. Both engines then look for the same text, so they agree even where Hyperscan's
    regex dialect (``$`` in a block, ASCII ``\w``, no lookaround) differs from ``regex``'s."""
    literal = symptom.literal
    if literal is not None and not literal:
        raise SymptomSyntaxError("literal must not be empty")
    runs = [literal] if literal is not None else required_runs(symptom.text)
    best = _best_literal(runs)
    prefilter = re.escape(best.decode("ascii")) if best else NO_PREFILTER
    chain = parse_chain(symptom.text)
    if chain is not None:
        # A chain means the same to Hyperscan as to ``regex``: prefilter on all of it (fewer
        # candidates than its longest literal, and a faster scan), escapes still let through.
        prefilter = _loose_chain(chain)
    return SymptomPattern(symptom.text, prefilter, best, (), chain)


def _loose_chain(chain: LiteralChain) -> str:
    pieces = ["." * min(chain.lead, 1)]
    for i, literal in enumerate(chain.literals):
        if i:
            pieces.append(".+")
        pieces.append(_loose_literal(literal, False))
    pieces.append("." * min(chain.tail, 1))
    return "".join(pieces)


def _split(text: str) -> list[_Part]:
    parts: list[_Part] = []
    pos = 0
    for m in PLACEHOLDER.finditer(text):
        name, typ = m.group(1), m.group(2)
        if typ is None and name in TYPE_NAMES:
            typ = name
        if typ is not None and typ not in TYPES:
            raise SymptomSyntaxError(
                f"unknown placeholder type {typ!r} in {m.group(0)} "
                f"(known: {', '.join(sorted(TYPE_NAMES))})"
            )
        _add_literal(parts, text[pos : m.start()])
        if parts and parts[-1].kind == "ph" and parts[-1].type == (typ or "token") == "token":
            pass  # "<a><b>" behaves like one placeholder
        else:
            parts.append(_Part("ph", name, typ or "token"))
        pos = m.end()
    _add_literal(parts, text[pos:])
    return parts


def _add_literal(parts: list[_Part], text: str) -> None:
    pos = 0
    for m in WHITESPACE.finditer(text):
        if m.start() > pos:
            parts.append(_Part("lit", text[pos : m.start()]))
        parts.append(_Part("ws", " "))
        pos = m.end()
    if pos < len(text):
        parts.append(_Part("lit", text[pos:]))


def _compile_text(text: str, stands: bool = False) -> SymptomPattern:
    stripped = text.strip()
    if not stripped:
        raise SymptomSyntaxError("symptom is empty")
    head = find_head(stripped)
    body = stripped[head.end :] if head else stripped
    code, uncoded = split_code(body) if head and head.kind == "class" else ("", body)
    if code and _distinctive(_split(uncoded), uncoded):
        body = uncoded  # `ResponseError: OOM command …`: the code is optional, as the class
    else:
        code = ""
    parts = _split(body)
    distinctive = _distinctive(parts, body)
    if head is not None and head.kind == "level" and not distinctive:
        head, parts = None, _split(stripped)  # a short message keeps its level, as written
    if not any(p.kind == "lit" for p in parts) and head is None:
        raise SymptomSyntaxError("symptom has no literal text, only placeholders")
    context = ""
    if distinctive and (stands if head is None else head.kind == "level"):
        context, message = split_context(body)
        message_parts = _split(message)
        inner = find_head(message)  # `…: OperationalError: database` says no more than its class
        own = message[inner.end :] if inner else message
        if context and message_parts[0].kind == "lit" and _distinctive(_split(own), own):
            body, parts = message, message_parts  # the application's words are optional
        else:
            context = ""
    body_exact, body_loose, groups = _render(parts)
    if context:
        body_exact = f"(?:{_render(_split(context))[0]})?{body_exact}"
    literals = [p.text for p in parts if p.kind == "lit"]
    if head is None:
        exact, loose = body_exact, body_loose
        if stands:  # a message written without class or level: it must stand as an error
            before, after = standing(None, body)
            exact = f"{before}{body_exact}{after}"
    elif distinctive:
        exact, loose = _optional_head(head, body, body_exact, code), body_loose
    else:
        aliased = is_aliased(head.text, body)  # a line may print another name of the class
        # (a common message keeps the package written before its class, unless the class has
        # other names: `socket.timeout`)
        package = _written_package(stripped[: head.end], head.text)
        template = head_exact_in(package) if package and not aliased else HEAD_EXACT
        exact = template.format(cls=class_exact(head.text, body)) + body_exact + IN_CODE
        loose = HEAD_LOOSE.format(cls=class_loose(head.text, body)) + r"[^\n]*" + body_loose
        if not aliased:
            literals.append(head.text)
    return SymptomPattern(exact, loose, _best_literal(literals), groups)


def _written_package(written: str, cls: str) -> str:
    """The top package written before a class (`requests` of `requests.exceptions.
    ConnectionError: `), or "" when the class was written alone."""
    return written.split(".", 1)[0] if "." in written.split(cls, 1)[0] else ""


def _distinctive(parts: list[_Part], body: str) -> bool:
    """Whether a message identifies the incident without its class or level."""
    literal_chars = sum(len(p.text) for p in parts if p.kind == "lit")
    words = sum(1 for p in parts if p.kind == "lit")
    distinctive = literal_chars >= MIN_MESSAGE_CHARS and words >= MIN_MESSAGE_WORDS
    return distinctive and not is_common_message(body)


def _optional_head(head: Head, body: str, body_exact: str, code: str = "") -> str:
    """The message with its head where the author wrote it, or standing without it."""
    before, after = standing(head, body)
    if head.kind == "level":  # the level is elsewhere in the line, or absent
        return f"{before}{body_exact}{after}"
    cls = HEAD_EXACT.format(cls=class_exact(head.text, body)) + (CODE_AFTER_CLASS if code else "")
    return f"(?:(?P<_head>{cls})|{before}){body_exact}(?(_head){IN_CODE}|{after})"


def _render(parts: list[_Part]) -> tuple[str, str, tuple[tuple[str, str], ...]]:
    exact: list[str] = []
    loose: list[str] = []
    groups: list[tuple[str, str]] = []
    used: dict[str, int] = {}
    last = len(parts) - 1
    for i, part in enumerate(parts):
        if part.kind == "lit":
            before = i == 0 and _is_word(part.text[0])
            after = i == last and _is_word(part.text[-1])
            # A quote mark is any quote mark: people and programs pick either.
            body = re.sub(r"['\"]", "['\"]", re.escape(part.text))
            exact.append(("\\b" if before else "") + body + ("\\b" if after else ""))
            loose.append(_loose_literal(part.text, after and part.text[-1].isascii()))
        elif part.kind == "ws":
            exact.append(r"[^\S\n]{1,64}")
            loose.append(LOOSE_WHITESPACE)
        else:
            used[part.text] = used.get(part.text, 0) + 1
            group = part.text if used[part.text] == 1 else f"{part.text}__{used[part.text]}"
            groups.append((group, part.text))
            pattern, pattern_loose = TYPES[part.type]
            if part.type == "any" and i == last:
                pattern = pattern.rstrip("?")
            if part.type in WORDLIKE:  # at an end of the symptom, only a whole run matches
                start = "(?<!\\w)" if i == 0 else ""
                pattern = start + pattern + ("(?!\\w)" if i == last else "")
            exact.append(f"(?P<{group}>{pattern})")
            loose.append(pattern_loose)
    return "".join(exact), "".join(loose), tuple(groups)


def _loose_literal(text: str, boundary_after: bool) -> str:
    r"""The literal as it may appear in the raw bytes of a line: a character that an encoder
    may escape is also accepted escaped (the exact pattern then runs on the decoded text).
    There is no boundary before it: an escape such as ``\n`` ends in a word character."""
    return "".join(_loose_char(ch) for ch in text) + ("\\b" if boundary_after else "")


def _loose_char(ch: str) -> str:
    plain = "['\"]" if ch in "'\"" else re.escape(ch)
    if ch.isascii() and ch not in ESCAPABLE:
        return plain
    return f"(?:{plain}|{ESCAPE_SEQUENCE})"


def _best_literal(literals: list[str]) -> bytes | None:
    """The longest ASCII run (free of characters an encoder may escape) of the literals: a
    line that matches, in plain or escaped form, contains it byte for byte."""
    candidates: list[bytes] = []
    for lit in literals:
        for run in re.split(r"[\"\\/<>&']", lit):
            encoded = run.encode("utf-8", "surrogatepass")
            if len(encoded) >= MIN_LITERAL_BYTES and encoded.isascii():
                candidates.append(encoded)
    return max(candidates, key=len) if candidates else None


def _is_word(ch: str) -> bool:
    import regex  # the same \w as the exact patterns; imported only when compiling symptoms

    return regex.match(r"\w", ch) is not None
