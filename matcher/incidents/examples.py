"""The examples of a compiled signature, because examples are the tests of a signature: each
symptom with its placeholders filled in, inside a realistic log line, must match, and so must
another occurrence (other values, the message without its optional head); a near miss (one
word of the message changed, or a quoted name renamed) must not. Real lines found by
`matcher compile --check` replace a symptom's synthetic ones.
"""

from __future__ import annotations

import re

import regex

from matcher.incidents.extract import compiled_symptom
from matcher.incidents.reader import Incident
from matcher.patterns.heads import find_head
from matcher.patterns.symptoms import PLACEHOLDER, TYPE_NAMES, SymptomSyntaxError, compile_symptom

# Untyped placeholders with these names (or ending in `_<name>`) stand for numbers.
_NUMERIC_NAME = re.compile(
    r"(?:^|_)(?:[xyznmijk]|size|count|num|number|pid|port|code|status|ms|secs?|seconds|timeout"
    r"|limit|retries|attempts?|bytes|len|length|line|offset|id)$"
)
# Values the placeholder types of matcher.patterns.symptoms accept; int and num take 5, 10, …
_TYPE_VALUES = {
    "hex": "0x1f3{n}",
    "datasize": "{n}MB",
    "uuid": "3f2b8c1e-9d4a-4e7b-a1c2-5d6e7f809a1b",
    "ip": "10.0.0.{n}",
    "host": "db-{n}.internal",
    "path": "/srv/app/data/value{n}",
    "quoted": '"value{n}"',
}
# The exception class before a message may be optional when matching, so near misses change the
# message after any leading `Name: `.
_CLASS_PREFIX = re.compile(r"^[A-Za-z_][\w.$]*:\s+")
_QUOTED_NAME = re.compile(r"([\"'])([A-Za-z_][\w.-]*)\1")
_WORD = re.compile(r"(?<![\w<>])[A-Za-z]{3,}(?![\w<>])")
# Realistic replacements for words that decide what a message means.
_OPPOSITES = {
    "failed": "succeeded",
    "failure": "success",
    "error": "warning",
    "refused": "accepted",
    "denied": "granted",
    "rejected": "accepted",
    "invalid": "valid",
    "missing": "present",
    "unknown": "known",
    "unavailable": "available",
    "unreachable": "reachable",
    "exceeded": "restored",
    "reached": "released",
    "violates": "satisfies",
    "duplicate": "distinct",
    "lost": "kept",
    "closed": "opened",
    "dropped": "kept",
    "expired": "renewed",
    "aborted": "completed",
    "killed": "started",
    "disconnected": "connected",
    "full": "empty",
    "empty": "full",
    "large": "small",
    "small": "large",
    "high": "low",
    "low": "high",
    "after": "before",
    "before": "after",
    "read": "write",
    "write": "read",
    "primary": "secondary",
    "master": "replica",
    "replica": "master",
    "request": "response",
    "response": "request",
    "started": "stopped",
    "stopped": "started",
    "enabled": "disabled",
    "disabled": "enabled",
    "cannot": "can",
    "unable": "able",
}


def _fill(symptom: str, other: bool = False) -> str:
    """Placeholders replaced by values their type accepts: numbers 5, 10, …; words value1, …
    (`other`: another occurrence's values, 7, 12, …; value11, …)"""
    values: dict[str, str] = {}
    numbers = others = 0
    for match in PLACEHOLDER.finditer(symptom):
        name = match[1]
        kind = match[2] or (name if name in TYPE_NAMES else "token")
        if name in values:
            continue  # the same name gets the same value
        if kind in ("int", "num") or (kind == "token" and _NUMERIC_NAME.search(name)):
            numbers += 1
            values[name] = str(5 * numbers + 2 * other)
        else:
            others += 1
            values[name] = _TYPE_VALUES.get(kind, "value{n}").format(n=others + 10 * other)
    return PLACEHOLDER.sub(lambda m: values[m[1]], symptom)


def _log_line(incident: Incident, message: str) -> str:
    """A log line as an application would write it, around the message."""
    day = re.match(r"\d{4}-\d{2}-\d{2}", incident.date or "")
    service = re.sub(r"[^a-z0-9]+", "-", (incident.services or ("app",))[0].lower()).strip("-")
    return f"{day[0] if day else '2024-01-01'} 09:15:02,417 ERROR [{service or 'app'}] {message}"


def _pattern(symptom: str, incident: Incident) -> regex.Pattern[str] | None:
    """The exact pattern the matcher uses for a symptom."""
    try:
        return regex.compile(compile_symptom(compiled_symptom(symptom, incident.location)).pattern)
    except (SymptomSyntaxError, regex.error):
        return None  # parse_incident_log reports bad symptoms; hand-built ones get no examples


def _near_misses(symptom: str) -> list[str]:
    """Variants of a symptom whose message differs: a quoted name renamed, one word changed."""
    prefix = _CLASS_PREFIX.match(symptom)
    head, message = (symptom[: prefix.end()], symptom[prefix.end() :]) if prefix else ("", symptom)
    variants = [_QUOTED_NAME.sub(r"\1\2_old\1", message, count=1)]
    words = list(_WORD.finditer(message))
    mapped = [w for w in words if w[0].lower() in _OPPOSITES]
    for word in mapped[-1:] or words[-1:]:
        variants.append(message[: word.start()] + _changed(word[0]) + message[word.end() :])
    return [head + v for v in variants if v != message]


def _changed(word: str) -> str:
    """Its opposite when known (`failed` -> `succeeded`), else the word cut short by a letter,
    which no longer contains the original."""
    opposite = _OPPOSITES.get(word.lower())
    if opposite is None:
        return word[:-1]
    if word.isupper():
        return opposite.upper()
    return opposite.capitalize() if word[0].isupper() else opposite


def _variation(incident: Incident, symptom: str, pattern: regex.Pattern[str]) -> list[str]:
    """Another occurrence: other values, and the message without its head (class or level)
    when that is optional, as another layer of the program logs it."""
    if "<" not in symptom and find_head(symptom) is None:
        return []
    head = find_head(symptom)
    message = _fill(symptom[head.end :] if head else symptom, other=True)
    line = _log_line(incident, message)
    return [line] if pattern.search(line) else [_log_line(incident, _fill(symptom, other=True))]


def examples_of(incident: Incident) -> dict[str, list[str]]:
    """Each symptom in a log line must match; near misses matching no symptom must not."""
    patterns = {symptom: _pattern(symptom, incident) for symptom in incident.symptoms}
    match: list[str] = []
    no_match: list[str] = []
    for symptom, pattern in patterns.items():
        line = _log_line(incident, _fill(symptom))
        real = pattern is not None and any(pattern.search(e) for e in incident.real_examples)
        if pattern is not None and pattern.search(line) and not real:
            match.append(line)
            match.extend(_variation(incident, symptom, pattern))
        misses = (_log_line(incident, _fill(variant)) for variant in _near_misses(symptom))
        fine = (m for m in misses if not any(p and p.search(m) for p in patterns.values()))
        no_match.extend(list(fine)[:1])
    match.extend(incident.real_examples)
    examples = {"match": list(dict.fromkeys(match)), "no_match": list(dict.fromkeys(no_match))}
    return {key: value for key, value in examples.items() if value}
