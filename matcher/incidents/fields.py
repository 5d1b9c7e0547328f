"""The values of an incident's header and action items as people write them: a severity
(`High`, `P2`, `SEV 2 (high)`) and whether an action item is done (`[x]`, `Done:`, `~~…~~`).
The rules are in docs/incident-log-format.md ("Other fields")."""

from __future__ import annotations

import re

from matcher.errors import Problem
from matcher.incidents.labels import label_name
from matcher.incidents.markdown import Block
from matcher.model import (
    ENGLISH_SEVERITY_WORDS,
    SEVERITY_NAMES,
    severity_as_written,
    severity_suggestion,
)

SEVERITIES = ", ".join(SEVERITY_NAMES)
# An incident whose severity cannot be read (none written, or a word of a language we have no
# severities of) compiles with this one and a warning.
DEFAULT_SEVERITY = "medium"
NO_SEVERITY = (
    f"no severity read, compiled as {DEFAULT_SEVERITY}: add `**Severity:** High` (one of "
    f"{SEVERITIES})"
)


def severity(written: str) -> tuple[str, str | None]:
    """(the model's severity, or the value lowercased when unknown; the problem, if any)."""
    found = severity_as_written(written)
    if found is not None:
        return str(found), None
    close = severity_suggestion(written)
    return written.lower(), _unknown(written, f": did you mean {close!r}?" if close else "")


def _unknown(written: str, hint: str = "") -> str:
    return f"unknown severity {written!r}{hint} (one of {SEVERITIES}; or P1-P5, SEV1-SEV5)"


# A severity in the heading, when no field gives one: `### INC-7 — cache down (Sev-3)`,
# `## [SEV2] INC-7 …`, `## INC-7 [P2] …`. A bare `P2` or level word counts only in brackets
# (`P2 replica` is a name); `SEV2` / `Sev-3` count anywhere, as nothing else is written so.
_HEADING_SEVERITY = re.compile(
    r"[(\[]\s*((?:sev(?:erity)?|prio(?:rity)?)[\s:-]*[0-5]|[ps][0-5]|critical|high|medium|low)"
    r"\s*[)\]]|\b(sev[\s-]?[0-5])\b"
    # (a field of a heading's `·` list: `INC-7 · Sev: High · backup-job`)
    r"|(?:^|\u00b7)\s*(?:sev(?:erity)?|prio(?:rity)?):\s*(critical|high|medium|low|[ps]?[0-5])\s*(?=\u00b7|$)",
    re.IGNORECASE,
)


# A severity written without its colon on a line of its own (`severity high`, as a voice memo
# transcribes it, `- sev P2`): the label and a value that is a severity, nothing else.
_BARE_SEVERITY = re.compile(
    r"(?im)^([ \t]*(?:[-*][ \t]+)?)(severity|sev|priority)[ \t]+([^:\n]{1,30}?)[ \t]*$"
)


def severity_lines(text: str) -> str:
    """The text with each severity written without its colon given one."""
    return _BARE_SEVERITY.sub(
        lambda m: f"{m[1]}{m[2]}: {m[3]}" if severity_as_written(m[3]) else m[0], text
    )


# A tracker's field that holds the other fields, `Name: value` set apart by `\u00b7`, `|` or `;`
# (ClickUp's `- **Custom fields:** Incident ID: INC-7 \u00b7 Severity: SEV-3 \u00b7 Service: media`;
# Taiga's `**Custom attributes** \u2014 Incident: INC-7 \u00b7 \u2026`)
_FIELD_RUN = re.compile(
    r"^(?P<lead>\s*(?:[-*+]\s+)?)\*\*(?:custom (?:fields|attributes)|fields|properties|attributes)"
    r"\s*:?\*\*:?(?:\s+[\u2014\u2013]|\s+-(?=\s))?\s*(?P<run>.+)$",
    re.IGNORECASE | re.MULTILINE,
)
_FIELD_PART = re.compile(r"^\s*([^\W\d][\w /-]{0,30}?)\s*:\s+(\S.*?)\s*$")
# ... or `Name value` with no colon, as Taiga prints its custom attributes
# (``Incident `INC-7` \u00b7 Severity `High` ``): a value in backticks after any name, or a bare
# one after a name we read
_TICKED_PART = re.compile(r"^\s*([^\W\d][\w /-]{0,30}?)\s+`([^`]+)`\s*$")
_BARE_PART = re.compile(r"^\s*([^\W\d]\w*(?: [^\W\d]\w*)?)\s+(\S.*?)\s*$")


def _field_part(part: str) -> tuple[str, str] | None:
    """(a field's name, its value) of one part of a run, or None when it is no field."""
    found = _FIELD_PART.match(part) or _TICKED_PART.match(part)
    if found:
        return found[1], found[2]
    bare = _BARE_PART.match(part)
    # (the shortest name first: `Severity High` is no field named `Severity High`)
    for name in (bare[1].split(" ")[0], bare[1]) if bare else ():
        if label_name(name) is not None:
            return name, part.strip()[len(name) :].strip()
    return None


def field_runs_as_labels(text: str) -> str:
    """The text with each field of such a run written as a label of its own, on its line."""

    def labelled(m: re.Match[str]) -> str:
        parts = [_field_part(p) for p in re.split(r"\s+[\u00b7|;]\s+", m["run"])]
        if len(parts) < 2 or not all(parts):
            return m[0]
        return m["lead"] + " \u00b7 ".join(f"**{p[0]}:** {p[1]}" for p in parts if p)

    return _FIELD_RUN.sub(labelled, text)


def heading_severity(heading: str | None) -> str | None:
    """The model's severity written in a heading, or None."""
    m = _HEADING_SEVERITY.search(heading or "")
    found = severity_as_written(m.group(1) or m.group(2) or m.group(3)) if m else None
    return str(found) if found is not None else None


# A level code as a label's whole value or beside a word (`P2`, `Tinggi (SEV-2)`, `S1 - Kritikus`)
_CODED = re.compile(
    r"(?i)^\W*([ps][0-5])\b|\b(sev(?:erity)?[\s-]?[0-5])\b|[(\[]\s*([ps][0-5])\s*[)\]]"
)


def coded_severity(value: str) -> str | None:
    """The model's severity of a level code in a value of a label of no known name, or None:
    a word alone (`High`, `Magas`) may be any other field's value."""
    m = _CODED.search(value)
    found = severity_as_written(next(filter(None, m.groups()))) if m else None
    return str(found) if found is not None else None


# The severity said in the incident's running text when no field holds it, as a CI review's
# notes say it (`… by PR #640. Severity: Low.`, `Severity High. Session cache refused …`,
# `**Summary:** … **Severity:** Medium` on one line): an English name right after the word
_PROSE_SEVERITY = re.compile(
    r"(?i)(?<![\w=-])severity\**\s*:?\s*\**\s*(critical|high|medium|low)\b(?![=-])"
)


def prose_severity(block: Block) -> str | None:
    """The first severity the block's text says in so many words (never in a code block)."""
    items = sorted(
        (i for items in block.sections.values() for i in items if i.text),
        key=lambda i: (i.location.line, i.location.column),
    )
    found = next(filter(None, (_PROSE_SEVERITY.search(i.text) for i in items)), None)
    written = severity_as_written(found[1]) if found else None
    return str(written) if written is not None else None


_DONE_HEAD = re.compile(r"^(?:\[\s*(?:x|done)\s*\]|\(\s*done\s*\)|done\b)", re.IGNORECASE)
_DONE_TAIL = re.compile(
    r"(?:\[\s*done\s*\]|\(\s*done\s*\)|[-\u2013\u2014:]\s*done)\W*$", re.IGNORECASE
)
_DONE_SIGNS = ("✅", "✔", "☑")


def is_done(item: str) -> bool:
    """`[Done] …`, `[x] …`, `… ✅`, `Done: …`, `… (done)`, `… - DONE`, or struck through."""
    if any(sign in item for sign in _DONE_SIGNS):
        return True
    if item.startswith("~~") and item.rstrip(" .").endswith("~~"):
        return True
    plain = re.sub(r"[*_]", "", item).strip()
    return bool(_DONE_HEAD.match(plain) or _DONE_TAIL.search(plain))


def block_severity(
    block: Block,
    written: str | None,
    classification: str | None,
    problems: list[Problem],
    warnings: list[Problem],
) -> str:
    """An incident's severity: the field's (`written`), else one the block names elsewhere;
    what cannot be read compiles as DEFAULT_SEVERITY with a warning (a word of another
    language, `Medie`, close to no English name), a typo of an English name is a problem."""
    if written is None:
        # no field: the heading's (`… (Sev-3)`), a regulator's classification that names a
        # level (`Classification: Major — Severity 2`), a level code under a label of no known
        # name (`**Tingkat Keparahan:** Tinggi (SEV-2)`)
        classified = severity_as_written(classification or "")
        found = (
            heading_severity(block.heading)
            or (classified and str(classified))
            or next(filter(None, map(coded_severity, block.unknown_values)), None)
            or prose_severity(block)
        )
        if found:
            return found
        warnings.append(Problem(block.start, "severity", NO_SEVERITY))
        return DEFAULT_SEVERITY
    value, problem = severity(written)
    suggested = severity_suggestion(written) or ""
    typo = suggested in ENGLISH_SEVERITY_WORDS or suggested[-1:].isdigit()  # (`hihg`, `SEV-II`)
    if problem and not typo:
        # (a word of another language, `Υψηλή`, or one close only to another language's word,
        # Welsh `Uchel` to Quechua `uchuy`: no typo to point at)
        message = f"{_unknown(written)}: compiled as {DEFAULT_SEVERITY}"
        warnings.append(Problem(block.labels["severity"], "severity", message))
        return DEFAULT_SEVERITY
    if problem:
        problems.append(Problem(block.labels["severity"], "severity", problem))
    return value
