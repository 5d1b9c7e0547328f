"""Turn a symptom (postmortem text with placeholders, or a raw regex) into patterns.

Each symptom yields three things:
- ``pattern``: the exact pattern, for the ``regex`` module, with one named group per placeholder;
- ``prefilter``: a looser, group-free pattern for the multi-pattern engine (Hyperscan), which
  finds candidate lines that ``pattern`` then confirms;
- ``literal``: the longest literal every match contains, for the pure-Python engine.

The matching rules are explained for users in docs/symptoms.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from matcher.model import Symptom

PLACEHOLDER = re.compile(r"<([a-z][a-z0-9_]{0,31})(?::([a-z][a-z0-9_]*))?>")

# type -> (exact pattern for `regex`, loose pattern for Hyperscan). Exact ones are bounded so a
# long line cannot make them backtrack for long.
TYPES: dict[str, tuple[str, str]] = {
    "token": (r"\S{1,256}", r"\S+"),
    "int": (r"[-+]?\d{1,20}", r"[-+]?\d+"),
    "num": (r"[-+]?(?:\d{1,20}(?:\.\d{0,20})?|\.\d{1,20})(?:[eE][-+]?\d{1,4})?", r"[-+]?[\d.]+"),
    "hex": (r"(?:0[xX])?[0-9a-fA-F]{1,64}", r"(?:0[xX])?[0-9a-fA-F]+"),
    "uuid": (
        r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}",
        r"[0-9a-fA-F-]+",
    ),
    "ip": (
        r"(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?:%\w{1,32})?)",
        r"[0-9A-Fa-f.:%\w]+",
    ),
    "host": (r"[A-Za-z0-9_](?:[A-Za-z0-9_.-]{0,252}[A-Za-z0-9_])?", r"[A-Za-z0-9_.-]+"),
    "path": (r"[^\s\"'`<>|]{1,1024}", r"[^\s\"'`<>|]+"),
    "quoted": (r"(?:\"[^\"\n]{0,1024}\"|'[^'\n]{0,1024}')", r"(?:\"[^\"\n]*\"|'[^'\n]*')"),
    "word": (r"\w{1,256}", r"\w+"),
    "any": (r".{1,4096}?", r".+"),
}
TYPE_NAMES = frozenset(TYPES) - {"token"}

# A leading "SomeError: " is the class of the layer the author happened to quote. The same error
# reaches logs through other layers (the wrapper's class, the driver's class, the server's
# "ERROR:"), so the class is optional when the rest of the message identifies the incident.
EXCEPTION_HEAD = re.compile(
    r"^((?:[A-Za-z_][A-Za-z0-9_]*\.)*"
    r"[A-Z][A-Za-z0-9_]*(?:Error|Exception|Violation|Warning|Failure|Fault|Exit|Interrupt)):\s+"
)
# The message must be this distinctive for the class to become optional.
MIN_MESSAGE_CHARS = 16
MIN_MESSAGE_WORDS = 2
# Any module path before the class, and a wrapped driver class, e.g. "(psycopg2.errors.X) ".
HEAD_EXACT = r"(?<![\w.])(?:[A-Za-z_]\w{{0,99}}\.){{0,20}}{cls}:[^\S\n]{{1,64}}(?:\([\w.]{{1,200}}\)[^\S\n]{{1,64}})?"
HEAD_LOOSE = r"{cls}:"
WHITESPACE = re.compile(r"\s+")
# A literal this short finds too many candidate lines to be worth prefiltering on.
MIN_LITERAL_BYTES = 3
# Characters a JSON encoder may escape; a prefilter literal avoids them so that it is found in
# both the plain and the JSON-escaped form of a message.
JSON_ESCAPED = frozenset('"\\/')


class SymptomSyntaxError(ValueError):
    """The symptom cannot be compiled; the message says why."""


@dataclass(frozen=True)
class SymptomPattern:
    pattern: str
    prefilter: str
    literal: bytes | None
    groups: tuple[tuple[str, str], ...]  # (regex group name, placeholder name as written)


@dataclass(frozen=True)
class _Part:
    kind: str  # "lit", "ws" or "ph"
    text: str
    type: str = "token"


def compile_symptom(symptom: Symptom) -> SymptomPattern:
    """Compile one symptom; raises ``SymptomSyntaxError``."""
    if symptom.is_regex:
        return _compile_regex(symptom)
    return _compile_text(symptom.text)


def _compile_regex(symptom: Symptom) -> SymptomPattern:
    literal = symptom.literal
    if literal is not None and not literal:
        raise SymptomSyntaxError("literal must not be empty")
    best = literal if literal is not None else _required_literal_of_regex(symptom.text)
    encoded = best.encode() if best and len(best.encode()) >= MIN_LITERAL_BYTES else None
    return SymptomPattern(symptom.text, symptom.text, encoded, ())


def _required_literal_of_regex(pattern: str) -> str | None:
    """The longest run of plain characters at the top level of a regex without alternation.

    Conservative: any alternation, group or quantifier ends a run, and a run followed by a
    quantifier loses its last character.
    """
    if "|" in pattern:
        return None
    runs: list[str] = []
    current: list[str] = []
    depth = 0
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\" and i + 1 < len(pattern):
            nxt = pattern[i + 1]
            if depth == 0 and not nxt.isalnum():
                current.append(nxt)
            else:
                runs.append("".join(current))
                current = []
            i += 2
            continue
        if ch in "([":
            runs.append("".join(current))
            current = []
            depth += 1
            if ch == "[":
                end = pattern.find("]", i + 2)
                depth -= 1
                i = end + 1 if end != -1 else len(pattern)
                continue
        elif ch == ")":
            depth -= 1
        elif ch in "*+?{":
            if current and ch in "*?{":
                current.pop()
            runs.append("".join(current))
            current = []
        elif ch in ".^$":
            runs.append("".join(current))
            current = []
        elif depth == 0:
            current.append(ch)
        i += 1
    runs.append("".join(current))
    best = max(runs, key=len)
    return best or None


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


def _compile_text(text: str) -> SymptomPattern:
    stripped = text.strip()
    if not stripped:
        raise SymptomSyntaxError("symptom is empty")
    head = EXCEPTION_HEAD.match(stripped)
    cls = None
    if head:
        cls = head.group(1).rsplit(".", 1)[-1]
        stripped = stripped[head.end() :]
    parts = _split(stripped)
    if not any(p.kind == "lit" for p in parts) and cls is None:
        raise SymptomSyntaxError("symptom has no literal text, only placeholders")
    body_exact, body_loose, groups = _render(parts)
    literal_chars = sum(len(p.text) for p in parts if p.kind == "lit")
    words = sum(1 for p in parts if p.kind == "lit")
    distinctive = literal_chars >= MIN_MESSAGE_CHARS and words >= MIN_MESSAGE_WORDS
    if cls is None:
        exact, loose = body_exact, body_loose
    elif distinctive:
        exact = f"(?:{HEAD_EXACT.format(cls=re.escape(cls))})?{body_exact}"
        loose = body_loose
    else:
        exact = HEAD_EXACT.format(cls=re.escape(cls)) + body_exact
        loose = HEAD_LOOSE.format(cls=re.escape(cls)) + r"[^\n]*" + body_loose
    literals = [p.text for p in parts if p.kind == "lit"]
    if cls is not None and not distinctive:
        literals.append(cls + ":")
    return SymptomPattern(exact, loose, _best_literal(literals), groups)


def _render(parts: list[_Part]) -> tuple[str, str, tuple[tuple[str, str], ...]]:
    exact: list[str] = []
    loose: list[str] = []
    groups: list[tuple[str, str]] = []
    used: dict[str, int] = {}
    last = len(parts) - 1
    for i, part in enumerate(parts):
        if part.kind == "lit":
            boundary_before = i == 0 and _is_word(part.text[0])
            boundary_after = i == last and _is_word(part.text[-1])
            body = re.escape(part.text)
            exact.append(("\\b" if boundary_before else "") + body + ("\\b" if boundary_after else ""))
            loose.append(_loose_literal(part.text, boundary_before, boundary_after))
        elif part.kind == "ws":
            exact.append(r"[^\S\n]{1,64}")
            loose.append(r"[^\S\n]+")
        else:
            used[part.text] = used.get(part.text, 0) + 1
            group = part.text if used[part.text] == 1 else f"{part.text}__{used[part.text]}"
            groups.append((group, part.text))
            pattern, pattern_loose = TYPES[part.type]
            if part.type == "any" and i == last:
                pattern = pattern.rstrip("?")
            exact.append(f"(?P<{group}>{pattern})")
            loose.append(pattern_loose)
    return "".join(exact), "".join(loose), tuple(groups)


def _loose_literal(text: str, before: bool, after: bool) -> str:
    # In a JSON log line, '"' arrives as '\"' and '/' may arrive as '\/'; the prefilter lets
    # either through and the exact pattern then runs on the decoded string.
    out = []
    for ch in text:
        if ch in JSON_ESCAPED:
            out.append(r"(?:\\{1,2})?" + re.escape(ch))
        else:
            out.append(re.escape(ch))
    return ("\\b" if before else "") + "".join(out) + ("\\b" if after else "")


def _best_literal(literals: list[str]) -> bytes | None:
    candidates: list[bytes] = []
    for lit in literals:
        for run in re.split(r'["\\/]', lit):
            encoded = run.encode("utf-8")
            if len(encoded) >= MIN_LITERAL_BYTES and encoded.isascii():
                candidates.append(encoded)
    return max(candidates, key=len) if candidates else None


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"
