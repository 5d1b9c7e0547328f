"""Why a symptom matches a line, or how close it came: for authors of signatures
(``matcher explain``, ``matcher compile --check``).

A symptom is compared with a line token by token (its placeholders match any token); the
closest lines are those sharing most of the symptom's literal text. For each, the first place
where symptom and line part is named: a token that differs, a token missing, or the standing
rule (docs/symptoms.md) that keeps a message found without its class or level from matching.
"""

from __future__ import annotations

import difflib
import gzip
import heapq
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import regex

from matcher.model import SourceLocation, Symptom
from matcher.patterns.heads import find_head, why_not_standing
from matcher.patterns.layers import is_aliased
from matcher.patterns.symptoms import PLACEHOLDER, SymptomSyntaxError, compile_symptom
from matcher.text import unescape_line

if TYPE_CHECKING:
    from matcher.incidents.reader import Incident


# Lines sharing less of a symptom's literal text than this are not "close".
THRESHOLD = 0.5
LIMIT = 5
_NOWHERE = SourceLocation("<explain>", 1, 1)
_TOKEN = re.compile(r"[\w.\-/:#@%+]+|[^\w\s]")
_DIGITS = re.compile(r"\d+")
_HEADER = re.compile(r"^[\d\s:/,.TZ+-]*")  # a timestamp in front
_QUOTES = str.maketrans({"'": '"', "\u2018": '"', "\u2019": '"', "\u201c": '"', "\u201d": '"'})


@dataclass(frozen=True)
class Verdict:
    """One symptom against one line."""

    symptom: str
    text: str  # the line
    where: str  # "path:line" or "" for --line
    matched: bool
    score: float  # share of the symptom's literal text found in order, 1.0 when matched
    why: str  # how it matched, or where it parted from the line
    captures: tuple[tuple[str, str], ...] = ()

    def as_dict(self) -> dict[str, object]:
        return {
            "symptom": self.symptom,
            "line": self.text,
            "where": self.where,
            "matched": self.matched,
            "score": round(self.score, 3),
            "why": self.why,
            "captures": dict(self.captures),
        }


class Judge:
    """One symptom, compiled once, judged against any number of lines."""

    def __init__(self, symptom: Symptom) -> None:
        self.symptom = symptom
        compiled = compile_symptom(symptom)
        self.pattern = regex.compile(compiled.pattern)
        self.groups = compiled.groups
        self.head = None if symptom.is_regex else find_head(symptom.text.strip())
        body = symptom.text.strip()[self.head.end :] if self.head else symptom.text.strip()
        self.body = body
        self.loose: regex.Pattern[str] | None = None
        if (self.head is not None or symptom.stands) and not symptom.is_regex:
            try:  # the message alone, without the standing rule: to say why it did not stand
                self.loose = regex.compile(compile_symptom(Symptom(body, _NOWHERE)).pattern)
            except SymptomSyntaxError:
                self.loose = None
        self.tokens = _tokens(PLACEHOLDER.sub(" ", body if self.head else symptom.text))
        self.words = {t for t in self.tokens if len(t) > 2}

    def judge(self, text: str, where: str = "") -> Verdict:
        for attempt in (text, unescape_line(text)):
            if attempt is None:
                continue
            found = self.pattern.search(attempt)
            if found is not None:
                captures = tuple(
                    (name, found.group(group)) for group, name in self.groups if found.group(group)
                )
                return Verdict(
                    self.symptom.text, text, where, True, 1.0, self._how(found), captures
                )
        return self._near(text, where)

    def close_enough(self, text: str, threshold: float) -> bool:
        """A cheap test before the token comparison: enough of the symptom's words occur."""
        if not self.words:
            return False
        present = sum(1 for word in self.words if word in text)
        return present / len(self.words) >= threshold

    def _how(self, found: regex.Match[str]) -> str:
        if self.head is None:
            return "matches as written" + (", standing as an error" if self.symptom.stands else "")
        required = "_head" not in found.re.groupindex  # a common message keeps its class
        if self.head.kind == "class" and (required or found.groupdict().get("_head")):
            body = self.symptom.text.strip()[self.head.end :]
            names = " (or another name of it)" if is_aliased(self.head.text, body) else ""
            return f"matches with the class {self.head.text}{names}"
        return (
            f"matches without the {self.head.kind} {self.head.text!r}: the message is "
            "distinctive and stands as an error on this line"
        )

    def _near(self, text: str, where: str) -> Verdict:
        line_tokens = _tokens(text)
        matcher = difflib.SequenceMatcher(None, self.tokens, line_tokens, autojunk=False)
        total = sum(len(t) for t in self.tokens) or 1
        same = sum(
            sum(len(t) for t in self.tokens[b.a : b.a + b.size])
            for b in matcher.get_matching_blocks()
        )
        why = self._standing(text) or _first_difference(matcher, self.tokens, line_tokens)
        return Verdict(self.symptom.text, text, where, False, same / total, why)

    def _standing(self, text: str) -> str | None:
        if self.loose is None:
            return None
        found = self.loose.search(text)
        if found is None:
            return None
        reason = why_not_standing(text, found.start(), found.end(), self.head, self.body)
        if reason is None:
            return None
        head = self.head
        if head is None:
            return f"the message is here but does not stand as an error: {reason}"
        what = f"{head.kind} {head.text!r}"
        return f"the message is here without its {what} but does not stand: {reason}"


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.translate(_QUOTES))


def _first_difference(
    matcher: difflib.SequenceMatcher[str], want: Sequence[str], have: Sequence[str]
) -> str:
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        if tag == "replace":
            return f"differs at {' '.join(want[a1:a2])!r}: the line has {' '.join(have[b1:b2])!r}"
        if tag == "delete":
            return f"missing from the line: {' '.join(want[a1:a2])!r}"
    return "the symptom's text is all there, but not in one run (a placeholder or space differs)"


def closest(
    judges: Sequence[Judge],
    lines: Iterable[tuple[str, str]],
    limit: int = LIMIT,
    threshold: float = THRESHOLD,
) -> dict[int, tuple[list[Verdict], list[Verdict]]]:
    """Per judge: (the lines it matches, its closest non-matching lines, closest first).
    Memory stays bounded: at most ``limit`` of each are kept per symptom."""
    matched: dict[int, list[Verdict]] = {i: [] for i in range(len(judges))}
    near: dict[int, list[tuple[float, int, Verdict]]] = {i: [] for i in range(len(judges))}
    shapes: dict[int, set[str]] = {i: set() for i in range(len(judges))}
    for order, (where, text) in enumerate(lines):
        for i, judge in enumerate(judges):
            if not judge.close_enough(text, threshold / 2) and not judge.pattern.search(text):
                continue
            verdict = judge.judge(text, where)
            if verdict.matched:
                # Lines that differ in more than their numbers show more of the variation.
                shape = _DIGITS.sub("0", _HEADER.sub("", text))
                if len(matched[i]) < limit and shape not in shapes[i]:
                    shapes[i].add(shape)
                    matched[i].append(verdict)
            elif verdict.score >= threshold:
                item = (verdict.score, -order, verdict)
                (heapq.heappush if len(near[i]) < limit else heapq.heappushpop)(near[i], item)
    return {
        i: (matched[i], [v for _, _, v in sorted(near[i], key=lambda x: (-x[0], -x[1]))])
        for i in range(len(judges))
    }


def read_lines(paths: Sequence[str]) -> Iterator[tuple[str, str]]:
    """("path:line", text) for every line of the logs; bytes that are not UTF-8 kept as
    escapes. Raises OSError for a log that cannot be read."""
    for path in paths:
        opener = gzip.open if path.endswith(".gz") else open
        with opener(path, "rt", encoding="utf-8", errors="backslashreplace") as handle:
            for number, line in enumerate(handle, 1):
                yield f"{path}:{number}", line.rstrip("\r\n")


def render_near(verdicts: Sequence[Verdict]) -> list[str]:
    """Text lines for the closest lines of a symptom that matched nothing."""
    if not verdicts:
        return ["no line comes close"]
    out = []
    for verdict in verdicts:
        out.append(f"{verdict.where} ({verdict.score:.0%}): {verdict.text}")
        out.append(f"  {verdict.why}")
    return out


def check_incidents(
    incidents: Sequence[Incident], logs: Sequence[str], limit: int = 3
) -> tuple[list[Incident], list[tuple[str, str, list[Verdict]]]]:
    """Each incident's symptoms against real logs (``matcher compile --check``): incidents
    with the real matching lines as their examples, and (incident, symptom, closest lines)
    for each symptom that matches nothing."""
    from matcher.incidents.extract import compiled_symptom

    judges: list[tuple[int, Judge]] = []
    for index, incident in enumerate(incidents):
        for text in incident.symptoms:
            judges.append((index, Judge(compiled_symptom(text, incident.location))))
    results = closest([j for _, j in judges], read_lines(logs), limit)
    examples: dict[int, list[str]] = {}
    unmatched: list[tuple[str, str, list[Verdict]]] = []
    for position, (index, judge) in enumerate(judges):
        hits, near = results[position]
        # A line that another incident's symptom matches too would fail `matcher test`.
        own = [
            v.text
            for v in hits
            if not any(other.judge(v.text).matched for i, other in judges if i != index)
        ]
        examples.setdefault(index, []).extend(own)
        if not hits:
            unmatched.append((incidents[index].id, judge.symptom.text, near))
    checked = [
        replace(incident, real_examples=tuple(dict.fromkeys(examples.get(i, []))))
        for i, incident in enumerate(incidents)
    ]
    return checked, unmatched
