"""Render `Incident` records as signature YAML files (the output of `matcher compile`).

Each signature carries examples, because examples are the tests of a signature: every symptom with
its placeholders filled in, inside a realistic log line, must match; a near miss (one word of the
message changed, or a quoted name renamed) must not.
"""

from __future__ import annotations

import os
import re
import stat
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Any

import regex
import yaml

from matcher.errors import IncidentLogError, Problem
from matcher.incidents.extract import compiled_symptom
from matcher.incidents.reader import Incident
from matcher.patterns.heads import find_head
from matcher.patterns.symptoms import PLACEHOLDER, TYPE_NAMES, SymptomSyntaxError, compile_symptom

NO_RESOLUTION = "TODO: no resolution recorded in the incident log"

# Untyped placeholders with these names (or ending in `_<name>`) stand for numbers.
_NUMERIC_NAME = re.compile(
    r"(?:^|_)(?:[xyznmijk]|size|count|num|number|pid|port|code|status|ms|secs?|seconds|timeout"
    r"|limit|retries|attempts?|bytes|len|length|line|offset|id)$"
)
# Values the placeholder types of matcher.patterns.symptoms accept; int and num take 5, 10, …
_TYPE_VALUES = {
    "hex": "0x1f3{n}",
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


def signature_filename(incident: Incident) -> str:
    """`INC-2024-001` -> `INC-2024-001.yml`; characters other than letters, digits, `.`, `_` and `-`
    become `-`, so an id can never name a path outside the output directory."""
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", incident.id).strip(".-")
    return f"{stem or 'incident'}.yml"


class _Dumper(yaml.SafeDumper):
    """SafeDumper with literal blocks for prose and a few fixed styles."""


class _Text(str):
    """Prose, written as a literal block (`|-`) even on one line, so adding a line to it in the
    log changes only that line of the signature."""


class _Quoted(str):
    """Always quoted: a date must stay a string for every YAML reader."""


class _Flow(list[str]):
    """A short list written inline: `[Backend API]`."""


class _FlowMap(dict[str, object]):
    """A small mapping written inline: `{text: '…', stands: true}`."""


def _symptom(text: str, incident: Incident) -> str | _FlowMap:
    """A message without class or level is written `{text: …, stands: true}`: it must stand
    as an error on the line (docs/symptoms.md)."""
    if compiled_symptom(text, incident.location).stands:
        return _FlowMap(text=text, stands=True)
    return text


# PyYAML reads these as line breaks inside plain, single-quoted and block scalars, so only
# double quotes (which escape them) bring them back.
_LINE_BREAKS = re.compile("[\x85\u2028\u2029]")


def _scalar(dumper: yaml.SafeDumper, data: str, style: str | None) -> yaml.Node:
    style = '"' if _LINE_BREAKS.search(data) else style
    return dumper.represent_scalar("tag:yaml.org,2002:str", str(data), style=style)


def _represent_str(dumper: yaml.SafeDumper, data: str) -> yaml.Node:
    return _scalar(dumper, data, None)


def _represent_text(dumper: yaml.SafeDumper, data: _Text) -> yaml.Node:
    return _scalar(dumper, data, "|")


def _represent_quoted(dumper: yaml.SafeDumper, data: _Quoted) -> yaml.Node:
    return _scalar(dumper, data, "'")


def _represent_flow(dumper: yaml.SafeDumper, data: _Flow) -> yaml.Node:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", list(data), flow_style=True)


_Dumper.add_representer(str, _represent_str)
_Dumper.add_representer(_Text, _represent_text)
_Dumper.add_representer(_Quoted, _represent_quoted)
_Dumper.add_representer(_Flow, _represent_flow)
_Dumper.add_representer(
    _FlowMap,
    lambda dumper, data: dumper.represent_mapping("tag:yaml.org,2002:map", data, flow_style=True),
)


def render_signature(incident: Incident) -> str:
    """The signature file of one incident, as YAML text.

    Keys follow the signature schema order; empty optional keys are left out. An incident without
    a resolution gets `resolution: 'TODO: no resolution recorded in the incident log'`, because
    the signature loader requires one. The output depends only on the incident (no times, no
    absolute paths), so recompiling an unchanged log rewrites nothing.
    """
    document: dict[str, Any] = {
        "id": incident.id,
        "title": incident.title,
        "severity": incident.severity,
        "date": _Quoted(incident.date) if incident.date else None,
        "services": _Flow(incident.services),
        "status": incident.status,
        "symptoms": [_symptom(text, incident) for text in incident.symptoms],
        "description": _Text(incident.description or ""),
        "root_cause": _Text(incident.root_cause or ""),
        "resolution": _Text(incident.resolution or NO_RESOLUTION),
        "action_items": list(incident.action_items),
        "examples": _examples(incident),
    }
    body = yaml.dump(
        {key: value for key, value in document.items() if value},
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        width=1_000_000,
    )
    source = PurePath(incident.location.path).name
    return f"# Compiled from {source} by matcher compile.\n{body}"


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


def _examples(incident: Incident) -> dict[str, list[str]]:
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


@dataclass(frozen=True)
class WriteReport:
    """What `write_signatures` did with each file."""

    written: tuple[Path, ...]
    unchanged: tuple[Path, ...]
    skipped: tuple[Path, ...]  # an existing file differs and force was not given


def write_signatures(
    incidents: Sequence[Incident], out_dir: Path, force: bool = False
) -> WriteReport:
    """Write one signature file per incident into out_dir (created if missing).

    A missing file is written; an identical one is left alone (unchanged); one that differs, for
    instance because it was tuned by hand, is kept (skipped) unless force, then rewritten. Each
    file is replaced atomically, so a reader never sees half a signature. Raises
    `IncidentLogError` before writing anything when two incidents would share a file name, and
    `OSError` when the directory or a file cannot be written.
    """
    _check_filenames(incidents)
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    unchanged: list[Path] = []
    skipped: list[Path] = []
    for incident in incidents:
        path = out_dir / signature_filename(incident)
        content = render_signature(incident).encode("utf-8")
        old = path.read_bytes() if path.is_file() else None
        if old == content:
            unchanged.append(path)
        elif old is not None and not force:
            skipped.append(path)
        else:
            _replace_atomically(path, content)
            written.append(path)
    return WriteReport(tuple(written), tuple(unchanged), tuple(skipped))


def _check_filenames(incidents: Sequence[Incident]) -> None:
    # Casefolded: `INC-1.yml` and `inc-1.yml` are one file on macOS and Windows.
    first: dict[str, Incident] = {}
    problems: list[Problem] = []
    for incident in incidents:
        name = signature_filename(incident)
        other = first.setdefault(name.casefold(), incident)
        if other is not incident:
            message = (
                f"incident {incident.id!r} would be written to {name}, like incident "
                f"{other.id!r} at line {other.location.line}"
            )
            problems.append(Problem(incident.location, "id", message))
    if problems:
        raise IncidentLogError(problems)


def _replace_atomically(path: Path, content: bytes) -> None:
    descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(content)
        # mkstemp creates 0600; a signature is shared, so keep the old mode or use 0644.
        mode = stat.S_IMODE(path.stat().st_mode) if path.exists() else 0o644
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
