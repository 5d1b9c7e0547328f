"""Decide which signatures fire on one event and build their findings.

Only lines the prefilter flagged are searched with the exact patterns (it never misses a
match), except ``unless`` symptoms, which are searched on every line of an event whose
signature would otherwise fire.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from time import perf_counter
from typing import NamedTuple

from matcher.engine.events import is_telling
from matcher.model import Finding, Role
from matcher.patterns.ruleset import Ruleset
from matcher.text import decode_line, render, render_offset, strip_ansi, unescape_line

# Per exact-pattern search; a pattern that times out this often is switched off for the run.
REGEX_TIMEOUT = 0.1
MAX_TIMEOUTS = 3
# A pattern that stays just under the timeout on every line is switched off too: once its
# searches took SEARCH_BUDGET seconds in all, at more than SLOW_SEARCH seconds each on average
# (a sane one takes microseconds), as 2,000 short lines at 26 ms each would take 52 s.
SEARCH_BUDGET = 5.0
SLOW_SEARCH = 0.005


class Hit(NamedTuple):
    symptom: int
    line: int  # line number
    raw: bytes  # the line's bytes
    span: tuple[int, int]
    captures: dict[str, str]
    decoded: str | None  # the JSON-decoded text the match was found in, if that was needed


class EventLine(NamedTuple):
    number: int
    raw: bytes
    candidates: frozenset[int]  # symptom indices the prefilter reported on this line


class Evaluator:
    def __init__(self, ruleset: Ruleset, on_warning: Callable[[str], None]) -> None:
        self.ruleset = ruleset
        self._warn = on_warning
        self._timeouts: dict[int, int] = {}
        self._spent: dict[int, tuple[float, int]] = {}  # seconds searching, searches
        self.disabled: set[int] = set()

    def fire(self, lines: Sequence[EventLine]) -> list[tuple[int, list[Hit]]]:
        """(signature index, its any/all hits in line order) for each signature that fires."""
        ruleset = self.ruleset
        per_sig: dict[int, list[Hit]] = {}
        for line in lines:
            if not line.candidates:
                continue
            text = decode_line(line.raw)
            for index in sorted(line.candidates):
                if ruleset.symptoms[index].symptom.role is Role.UNLESS:
                    continue
                hit = self.search(index, text, line)
                if hit is not None:
                    per_sig.setdefault(ruleset.symptoms[index].signature, []).append(hit)
        fired = []
        for sig_index, hits in sorted(per_sig.items()):
            if self._fires(sig_index, hits, lines):
                fired.append((sig_index, hits))
        return fired

    def _fires(self, sig_index: int, hits: list[Hit], lines: Sequence[EventLine]) -> bool:
        any_of, all_of, unless = self.ruleset.by_signature[sig_index]
        matched = {hit.symptom for hit in hits}
        if any_of and not matched.intersection(any_of):
            return False
        if not matched.issuperset(all_of):
            return False
        for index in unless:
            for line in lines:
                if self.search(index, decode_line(line.raw), line) is not None:
                    return False
        return True

    def search(self, index: int, text: str, line: EventLine) -> Hit | None:
        if index in self.disabled:
            return None
        pattern = self.ruleset.regex(index)
        groups = self.ruleset.symptoms[index].pattern.groups
        for attempt in _readings(text):
            started = perf_counter()
            try:
                m = pattern.search(attempt, timeout=REGEX_TIMEOUT)
            except TimeoutError:
                self._timed_out(index)
                return None
            finally:
                self._account(index, perf_counter() - started)
            if m is not None:
                captures = {name: m.group(group) for group, name in groups if m.group(group)}
                decoded = None if attempt is text else attempt
                return Hit(index, line.number, line.raw, m.span(), captures, decoded)
        return None

    def _timed_out(self, index: int) -> None:
        count = self._timeouts.get(index, 0) + 1
        self._timeouts[index] = count
        if count >= MAX_TIMEOUTS:
            self._switch_off(index, f"timed out {count} times")

    def _account(self, index: int, seconds: float) -> None:
        spent, searches = self._spent.get(index, (0.0, 0))
        spent, searches = spent + seconds, searches + 1
        self._spent[index] = (spent, searches)
        if spent >= SEARCH_BUDGET and spent / searches > SLOW_SEARCH and index not in self.disabled:
            average = spent / searches * 1000
            self._switch_off(
                index, f"took {spent:.0f} s in {searches} searches ({average:.0f} ms each)"
            )

    def _switch_off(self, index: int, why: str) -> None:
        self.disabled.add(index)
        compiled = self.ruleset.symptoms[index]
        sig = self.ruleset.signatures[compiled.signature]
        self._warn(
            f"{compiled.symptom.location}: symptom of {sig.id} {why}; "
            "switched off for the rest of this scan"
        )


def _readings(text: str) -> Iterator[str]:
    """The line as it is; with its colour codes taken off (engine.colour); then the same
    message inside a JSON string or an XML attribute, with its escapes decoded."""
    yield text
    clean = strip_ansi(text)
    if clean != text:
        yield clean
    decoded = unescape_line(clean)
    if decoded is not None:
        yield decoded


def telling_hit(hits: list[Hit]) -> Hit:
    """The line a finding points at: the last matched exception or error-level line (pytest's
    ``E`` lines included), else the last matched line."""
    for hit in reversed(hits):
        if is_telling(hit.raw):
            return hit
    return hits[-1]


def build_finding(
    ruleset: Ruleset,
    sig_index: int,
    hits: list[Hit],
    lines: Sequence[EventLine],
    **where: object,
) -> Finding:
    best = telling_hit(hits)
    shown = best.decoded if best.decoded is not None else decode_line(best.raw)
    span = (render_offset(shown, best.span[0]), render_offset(shown, best.span[1]))
    return Finding(
        signature=ruleset.signatures[sig_index],
        line=best.line,
        text=render(shown),
        span=span,
        captures={k: render(v) for k, v in best.captures.items()},
        matched_lines=tuple(sorted({h.line for h in hits} | wrapped_causes(hits, lines))),
        first_line=lines[0].number,
        last_line=lines[-1].number,
        event=tuple(render(decode_line(line.raw)) for line in lines),
        decoded=_decoded_kind(best.raw, best.decoded),
        **where,  # type: ignore[arg-type]
    )


# The exception line of a traceback link that is only an OS error: `ConnectionRefusedError:
# [Errno 111] Connection refused`, `socket.gaierror: [Errno -2] Name or service not known`.
_OS_LINK = re.compile(
    rb"^(?:[A-Za-z_]\w{0,99}\.){0,20}[A-Za-z_]\w{0,99}: (\[Errno -?\d{1,6}\] [^\r\n]{1,300})"
)
# The exception line of any link, its class and message: `urllib3.exceptions.NewConnectionError:
# HTTPConnection(host='127.0.0.1', port=59111): Failed to establish a new connection: …`.
_LINK = re.compile(rb"^(?:[A-Za-z_]\w{0,99}\.){0,20}([A-Z]\w{0,99}): ([^\r\n]{1,2000}?)\r?$")


def wrapped_causes(hits: Sequence[Hit], lines: Sequence[EventLine]) -> set[int]:
    """The lines of the event that state an error a matched line wraps: the cause's link of a
    chained traceback. Either the bare OS error (`ConnectionRefusedError: [Errno 111]
    Connection refused` under `NewConnectionError: …: Failed to establish a new connection:
    [Errno 111] Connection refused`), which is every stack's (docs/symptoms.md, "The layer
    rule") and so counts only in an event that the incident's own error already made a
    finding of; or a link whose class and message a matched line holds as a repr
    (`NewConnectionError: <msg>` under `… (Caused by NewConnectionError("<msg>"))`)."""
    if len(lines) < 2:
        return set()
    raws = [hit.raw for hit in hits]
    wrapped = [raw for raw in raws if b"[Errno " in raw]
    reprs = [raw for raw in raws if b'("' in raw or b"('" in raw]
    if not wrapped and not reprs:
        return set()
    found = set()
    for line in lines:
        link = _OS_LINK.match(line.raw) if wrapped else None
        if link is not None and any(link[1].rstrip() in raw for raw in wrapped):
            found.add(line.number)
            continue
        link = _LINK.match(line.raw) if reprs else None
        if link is not None and _held_as_repr(link[1], link[2], reprs):
            found.add(line.number)
    return found


def _held_as_repr(cls: bytes, message: bytes, raws: Sequence[bytes]) -> bool:
    """Whether a line holds `Cls("message")` or `Cls('message')`."""
    quoted = [cls + b"(" + q + message + q + b")" for q in (b'"', b"'")]
    return any(form in raw for raw in raws for form in quoted)


def _decoded_kind(raw: bytes, decoded: str | None) -> str | None:
    """How the line was decoded for the match: its JSON string escapes (``json``), or only its
    XML character references (``xml``); None for the line as it is, or with only its colour
    codes taken off (as an envelope's payload)."""
    if decoded is None or decoded == strip_ansi(decode_line(raw)):
        return None
    return "json" if b"\\" in raw else "xml"
