"""Read a hand-written Markdown incident log into `Incident` records (input of `matcher compile`).

The accepted format and its variants are described in docs/incident-log-format.md. Reading is
line-oriented: every line is classified once (`_classify`), the lines are cut into one block per
incident (`_split_blocks`), each block's labels and sections are collected (`_read_block`) and
turned into an `Incident` (`_build_incident`). Problems are collected for the whole file and raised
together, so an author fixes them in one pass.
"""

from __future__ import annotations

import enum
import os
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace

from matcher.errors import IncidentLogError, Problem, SourceError
from matcher.incidents.quotes import is_log_text, quoted_runs
from matcher.model import SEVERITY_NAMES, SourceLocation, Status, Symptom
from matcher.patterns.symptoms import SymptomSyntaxError, compile_symptom
from matcher.vocabulary import ID_PATTERN


@dataclass(frozen=True)
class Incident:
    """One incident as read from the Markdown log; `signature_writer` renders it as YAML."""

    id: str
    title: str
    severity: str  # lowercased, one of model.SEVERITY_NAMES
    date: str | None
    services: tuple[str, ...]
    symptoms: tuple[str, ...]  # log texts, placeholders such as <x> kept
    description: str | None  # symptom bullets without log text, one per line
    root_cause: str | None
    resolution: str | None  # None when the log records none; the writer then writes a TODO
    action_items: tuple[str, ...]
    status: str  # 'open' | 'resolved'
    location: SourceLocation  # where the incident starts


# How teams spell each label (lowercased, whitespace collapsed, "(s)" read as "s").
_SPELLINGS = {
    "id": ("incident id", "incident", "incident number", "incident #", "id"),
    "title": ("title",),
    "date": ("date", "incident date"),
    "severity": ("severity", "sev"),
    "services": ("services affected", "affected services", "services", "service"),
    "symptoms": ("symptoms", "symptom"),
    "root_cause": ("root cause", "root causes", "root cause analysis", "cause"),
    "resolution": ("resolution", "fix", "remediation"),
    "action_items": ("action items", "action item", "follow-ups", "follow-up actions"),
}
_LABELS = {spelling: name for name, spellings in _SPELLINGS.items() for spelling in spellings}
_ID = ID_PATTERN  # the signature loader's rule
_SINGLE_VALUED = frozenset({"id", "title", "date", "severity"})
# Date and services alone appear in prose preambles too; they do not make a block an incident.
_INCIDENT_MARKERS = frozenset(_LABELS.values()) - {"date", "services"}


class _Kind(enum.Enum):
    BLANK, RULE, CODE, HEADING, LABEL, BULLET, TEXT = range(7)


@dataclass(frozen=True)
class _Line:
    number: int
    kind: _Kind
    text: str = ""  # heading text, label value, bullet or paragraph text
    column: int = 1  # 1-based column where `text` (or the label) starts
    level: int = 0  # heading level
    label: str | None = None  # field name of a LABEL line; None for an unknown label


_RULE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_FRONT_MATTER_KEY = re.compile(r"^([A-Za-z_][\w -]*):(?:\s|$)")
_HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_BULLET = re.compile(r"^([ \t]*(?:[-*+•]|\d{1,3}[.)])[ \t]+)(.*)$")
_BOLD_LABEL = re.compile(r"^\*\*[ \t]*([^*:]{1,40}?)[ \t]*(?::[ \t]*\*\*|\*\*[ \t]*:)[ \t]*(.*)$")
_PLAIN_LABEL = re.compile(r"^([A-Za-z][A-Za-z ()#-]{0,39}?)[ \t]*:[ \t]*(.*)$")
_HEADING_ID = re.compile(
    r"^\[?(?i:incident\s+)?(?P<id>[A-Z][A-Z0-9]*(?:-[A-Z][A-Z0-9]*)*-\d[\w-]*)(?<!-)\]?"
    r"(?:\s*[:|\u2013\u2014-]\s*|\s+|$)(?P<title>.*)$"
)


def _label_name(text: str) -> str | None:
    """The field a label spelling stands for, or None."""
    key = " ".join(_unwrap(text).rstrip(":").lower().replace("(s)", "s").split())
    return _LABELS.get(key)


def _unwrap(text: str, marks: str = "*_") -> str:
    """`**High**` -> `High`: drop emphasis (or code) marks wrapped around the whole text."""
    text = text.strip()
    while len(text) > 1 and text[0] in marks and text[-1] == text[0]:
        text = text.strip(text[0]).strip()
    return text


def _classify(number: int, raw: str) -> _Line:
    """Classify one line outside code fences."""
    if not raw.strip():
        return _Line(number, _Kind.BLANK)
    if _RULE.match(raw):
        return _Line(number, _Kind.RULE)
    heading = _HEADING.match(raw)
    if heading:
        name = _label_name(heading[2])
        column = heading.start(2) + 1
        if name is not None:  # `### Symptoms`: a section, like `**Symptoms:**`
            return _Line(number, _Kind.LABEL, "", column, 0, name)
        return _Line(number, _Kind.HEADING, heading[2], column, len(heading[1]))
    bullet = _BULLET.match(raw)
    offset = len(bullet[1]) if bullet else len(raw) - len(raw.lstrip())
    body = raw[offset:].rstrip()
    bold = _BOLD_LABEL.match(body)
    if bold and (not bullet or _label_name(bold[1])):
        # An unknown bold label at line start still ends the section before it (e.g. Impact).
        return _Line(number, _Kind.LABEL, bold[2].strip(), offset + 1, 0, _label_name(bold[1]))
    plain = None if bullet else _PLAIN_LABEL.match(body)
    if plain and _label_name(plain[1]):
        return _Line(number, _Kind.LABEL, plain[2].strip(), offset + 1, 0, _label_name(plain[1]))
    return _Line(number, _Kind.BULLET if bullet else _Kind.TEXT, body, offset + 1)


def _closer(raw: str) -> Callable[[str], bool] | None:
    """For a line opening a code fence or an HTML comment, the test for the line closing it."""
    fence = _FENCE.match(raw)
    if fence:
        mark = fence[1]
        return lambda line: (m := _FENCE.match(line)) is not None and m[1].startswith(mark)
    comment = raw.find("<!--")
    if not raw[:comment].strip() and comment >= 0 and "-->" not in raw[comment:]:
        return lambda line: "-->" in line
    return None


def _front_matter(raws: Sequence[str]) -> int:
    """The number of lines of YAML front matter (`---`, `key: value` lines, `---`), else 0."""
    if not raws or raws[0].strip() != "---":
        return 0
    for number, raw in enumerate(raws[1:], start=2):
        if raw.strip() in ("---", "..."):
            return number
        key = _FRONT_MATTER_KEY.match(raw)
        # An incident written with plain labels right after a rule is not front matter.
        field = _LABELS.get(key[1].lower()) if key else None
        if not raw.strip() or field not in (None, "title", "date") or not (key or raw[0].isspace()):
            return 0
    return 0


def _classify_all(text: str) -> list[_Line]:
    """Classify every line. Front matter, code fences and HTML comments (say, an incident
    template) are opaque: a `---`, `##` or label inside them means nothing."""
    raws = text.split("\n")
    skip = _front_matter(raws)
    lines = [_Line(number, _Kind.CODE, raw) for number, raw in enumerate(raws[:skip], start=1)]
    closer: Callable[[str], bool] | None = None
    for number, raw in enumerate(raws[skip:], start=skip + 1):
        if closer is not None:
            closer = None if closer(raw) else closer
            lines.append(_Line(number, _Kind.CODE, raw))
        elif (closer := _closer(raw)) is not None or raw.lstrip().startswith("<!--"):
            lines.append(_Line(number, _Kind.CODE, raw))
        else:
            lines.append(_classify(number, raw))
    return lines


def _incident_level(lines: Iterable[_Line]) -> int:
    """The level of the shallowest heading that starts an incident: it carries an id, or labels
    follow it before any other heading.

    Deeper headings are sections of an incident; shallower ones (a document title, a `## 2024`
    group) only end the incident before them. 0 when no heading starts an incident: then only
    rules (`---`) separate incidents and every heading is a section.
    """
    best = 0
    candidate, found = 0, False
    labelled = False  # labels seen since the last rule: a heading now is a section...
    for line in [*lines, _Line(0, _Kind.RULE)]:
        if line.kind in (_Kind.RULE, _Kind.HEADING):
            if found:
                best = min(best or candidate, candidate)
            candidate, found = 0, False
        if line.kind is _Kind.RULE:
            labelled = False
        elif line.kind is _Kind.HEADING:
            has_id = _HEADING_ID.match(_plain(line.text)) is not None
            # ...unless it carries an id or sits at a level known to start incidents.
            if has_id or not labelled or line.level <= best:
                candidate, found = line.level, has_id
        elif line.kind is _Kind.LABEL and line.label in _INCIDENT_MARKERS:
            found, labelled = found or candidate > 0, True
    return best


def _split_blocks(lines: Sequence[_Line]) -> list[list[_Line]]:
    """Cut the log at rules (`---`) and at incident-level headings; empty blocks are dropped."""
    level = _incident_level(lines)
    blocks: list[list[_Line]] = [[]]
    for line in lines:
        if line.kind is _Kind.RULE or (line.kind is _Kind.HEADING and line.level <= level):
            blocks.append([])
        if line.kind is not _Kind.RULE:
            blocks[-1].append(line)
    return [b for b in blocks if any(line.kind is not _Kind.BLANK for line in b)]


@dataclass(frozen=True)
class _Item:
    text: str
    location: SourceLocation


@dataclass
class _Block:
    """Labels and sections of one incident while it is read (a mutable builder)."""

    start: SourceLocation
    heading: str | None
    sections: dict[str, list[_Item]] = field(default_factory=dict)
    labels: dict[str, SourceLocation] = field(default_factory=dict)
    unknown_labels: list[SourceLocation] = field(default_factory=list)

    def is_incident(self) -> bool:
        return bool(_INCIDENT_MARKERS & self.labels.keys()) or _heading_id(self.heading) is not None


def _read_block(lines: Sequence[_Line], path: str) -> _Block:
    """Collect the items under each label; text outside known labels is ignored."""
    content = [line for line in lines if line.kind not in (_Kind.BLANK, _Kind.CODE)]
    first = content[0] if content else lines[0]
    heading = first.text if first.kind is _Kind.HEADING else None
    block = _Block(SourceLocation(path, first.number, first.column), heading)
    current: list[_Item] | None = None
    joinable = False  # a text line right after an item continues it (a wrapped line)
    for line in lines:
        location = SourceLocation(path, line.number, line.column)
        if line.kind is _Kind.LABEL:
            current = None
            if line.label is None:
                block.unknown_labels.append(location)
            else:
                block.labels.setdefault(line.label, location)
                current = block.sections.setdefault(line.label, [])
                if line.text:
                    current.append(_Item(line.text, location))
                if line.label in _SINGLE_VALUED and line.text:
                    current = None
        elif line.kind is _Kind.HEADING:
            current = None
        elif line.kind in (_Kind.BULLET, _Kind.TEXT) and current is not None:
            if line.kind is _Kind.TEXT and joinable and current:
                current[-1] = replace(current[-1], text=f"{current[-1].text} {line.text.strip()}")
            else:
                current.append(_Item(line.text, location))
        joinable = line.kind in (_Kind.BULLET, _Kind.TEXT, _Kind.LABEL)
    return block


def _plain(text: str) -> str:
    return re.sub(r"\*\*|__", "", text).strip()


def _heading_id(heading: str | None) -> tuple[str, str] | None:
    """`INC-2024-003: Title` -> (`INC-2024-003`, `Title`)."""
    match = _HEADING_ID.match(_plain(heading)) if heading else None
    return (match["id"], match["title"].strip()) if match else None


_LINK = re.compile(r"^\[([^\]]+)\]\([^)]*\)$")


def _first(block: _Block, name: str, marks: str = "*_`") -> str | None:
    """A single value as written, without emphasis or a link around it (`[INC-7](https://…)`)."""
    items = block.sections.get(name)
    value = _unwrap(items[0].text, marks) if items else ""
    return _unwrap(_LINK.sub(r"\1", value), marks) or None


def _texts(block: _Block, name: str) -> list[str]:
    texts = (item.text.strip() for item in block.sections.get(name, []))
    return [text for text in texts if text]


def _joined(block: _Block, name: str) -> str | None:
    return "\n".join(_texts(block, name)) or None


def _services(block: _Block) -> tuple[str, ...]:
    names: list[str] = []
    for item in block.sections.get("services", []):
        names.extend(_unwrap(n, "*_`") for n in re.split(r"[,;]", item.text))
    return tuple(dict.fromkeys(n for n in names if n))


# Quotes of log text: code spans, "…" with nesting, and typographic “…”.
def _symptoms(block: _Block, problems: list[Problem]) -> tuple[tuple[str, ...], str | None]:
    """The log texts quoted by the symptom items, and the items that quote none."""
    symptoms: list[str] = []
    described: list[str] = []
    for item in block.sections.get("symptoms", []):
        texts = [" ".join(run.split()) for run in quoted_runs(item.text) if is_log_text(run)]
        for text in texts:
            try:  # as the signature loader will, so the error names the Markdown line
                compile_symptom(Symptom(text, item.location))
            except SymptomSyntaxError as error:
                problems.append(Problem(item.location, "symptoms", f"{text!r}: {error}"))
        symptoms.extend(texts)
        if not texts:
            described.append(item.text.strip())
    return tuple(dict.fromkeys(symptoms)), "\n".join(described) or None


_DONE_HEAD = re.compile(r"^(?:\[\s*(?:x|done)\s*\]|\(\s*done\s*\)|done\b)", re.IGNORECASE)
_DONE_TAIL = re.compile(
    r"(?:\[\s*done\s*\]|\(\s*done\s*\)|[-\u2013\u2014:]\s*done)\W*$", re.IGNORECASE
)
_DONE_SIGNS = ("✅", "✔", "☑")


def _is_done(item: str) -> bool:
    """`[Done] …`, `[x] …`, `… ✅`, `Done: …`, `… (done)`, `… - DONE`, or struck through."""
    if any(sign in item for sign in _DONE_SIGNS):
        return True
    if item.startswith("~~") and item.rstrip(" .").endswith("~~"):
        return True
    plain = re.sub(r"[*_]", "", item).strip()
    return bool(_DONE_HEAD.match(plain) or _DONE_TAIL.search(plain))


_SEVERITIES = ", ".join(SEVERITY_NAMES)
_NO_SEVERITY = f"no severity: add `**Severity:** High` (one of {_SEVERITIES})"
_NO_ID = (
    "incident has no id: add `**Incident ID:** INC-…` or start its heading with the id "
    "(`## INC-2024-003: Title`)"
)
_NO_LOG_TEXT = (
    'has no symptom with log text: quote the logged message in a symptom, "…" or `…` (a lone '
    "path or name in backticks is not log text; code blocks are not read)"
)


def _severity(block: _Block, problems: list[Problem]) -> str:
    written = _first(block, "severity")
    if written is None:
        problems.append(Problem(block.start, "severity", _NO_SEVERITY))
    elif written.lower() not in SEVERITY_NAMES:
        message = f"unknown severity {written!r}: expected one of {_SEVERITIES}"
        problems.append(Problem(block.labels["severity"], "severity", message))
    return (written or "").lower()


def _identity(block: _Block, problems: list[Problem]) -> tuple[str, str]:
    """Id and title: labels win over what the heading says."""
    from_heading = _heading_id(block.heading)
    heading_title = from_heading[1] if from_heading else _plain(block.heading or "")
    incident_id = _first(block, "id") or (from_heading[0] if from_heading else "")
    title = _first(block, "title", "*_") or _unwrap(heading_title)
    if not incident_id:
        problems.append(Problem(block.start, "id", _NO_ID))
    elif not _ID.match(incident_id):
        at = block.labels.get("id", block.start)
        message = f"{incident_id!r} is not a valid id: use letters, digits and ._:/- only"
        problems.append(Problem(at, "id", message))
    if not title:
        message = f"incident {incident_id} has no title: add `**Title:** …` or a `## …` heading"
        problems.append(Problem(block.start, "title", " ".join(message.split())))
    return incident_id, title


def _build_incident(block: _Block, problems: list[Problem]) -> Incident:
    """The incident of a block; anything missing is added to problems."""
    incident_id, title = _identity(block, problems)
    severity = _severity(block, problems)
    symptoms, description = _symptoms(block, problems)
    if not symptoms:
        at = block.labels.get("symptoms", block.start)
        who = f"incident {incident_id}" if incident_id else "incident"
        problems.append(Problem(at, "symptoms", f"{who} {_NO_LOG_TEXT}"))
    resolution = _joined(block, "resolution")
    action_items = tuple(_texts(block, "action_items"))
    done = resolution is not None and all(_is_done(item) for item in action_items)
    return Incident(
        id=incident_id,
        title=title,
        severity=severity,
        date=_first(block, "date"),
        services=_services(block),
        symptoms=symptoms,
        description=description,
        root_cause=_joined(block, "root_cause"),
        resolution=resolution,
        action_items=action_items,
        status=str(Status.RESOLVED if done else Status.OPEN),
        location=block.start,
    )


_UNREAD = (
    "labels here, but none of an incident: expected `**Incident ID:**`, `**Title:**`, "
    "`**Severity:**`, `**Symptoms:**`, `**Root Cause:**`, `**Resolution:**` or `**Action Items:**`"
)


def _nothing_found(lines: Sequence[_Line], path: str) -> Problem:
    content = [line for line in lines if line.kind not in (_Kind.BLANK, _Kind.RULE)]
    if not content:
        return Problem(SourceLocation(path, 1, 1), "incident", "the incident log is empty")
    # Point at the first line read as Markdown that is not a title: an incident was expected.
    readable = [line for line in content if line.kind not in (_Kind.HEADING, _Kind.CODE)]
    first = (readable or content)[0]
    return Problem(
        SourceLocation(path, first.number, first.column),
        "incident",
        "no incident found: expected incidents separated by `---` or `## ` headings, each with "
        "an `**Incident ID:**` label (or an id in its heading) and a `**Symptoms:**` section",
    )


def parse_incident_log(text: str, path: str) -> list[Incident]:
    """Read every incident of a Markdown incident log, in file order.

    `path` is only used in locations. Raises `IncidentLogError` carrying every problem of the file
    (incident without id, title, valid severity or log-text symptom; duplicate ids) or, when no
    incident is found at all, one problem naming the line where an incident was expected.
    """
    lines = _classify_all(text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n"))
    problems: list[Problem] = []
    incidents: list[Incident] = []
    first_seen: dict[str, SourceLocation] = {}
    for raw_block in _split_blocks(lines):
        block = _read_block(raw_block, path)
        if not block.is_incident():
            # A preamble or notes are skipped, but several labels none of which we know look
            # like an incident with misspelt labels, which must not vanish silently.
            if len(block.unknown_labels) > 1:
                problems.append(Problem(block.unknown_labels[0], "incident", _UNREAD))
            continue
        incident = _build_incident(block, problems)
        incidents.append(incident)
        if incident.id in first_seen:
            line = first_seen[incident.id].line
            message = f"duplicate incident id {incident.id!r}: first used at line {line}"
            problems.append(Problem(incident.location, "id", message))
        elif incident.id:
            first_seen[incident.id] = incident.location
    if not incidents and not problems:
        problems.append(_nothing_found(lines, path))
    if problems:
        raise IncidentLogError(problems)
    return incidents


def read_incident_log(path: str | os.PathLike[str]) -> list[Incident]:
    """Read and parse a UTF-8 incident log file (a leading BOM is accepted).

    Raises `SourceError` when the file cannot be opened and `IncidentLogError` when it is not
    UTF-8 (the problem names the line and column of the first bad byte) or cannot be compiled.
    """
    name = os.fspath(path)
    try:
        with open(name, "rb") as handle:
            data = handle.read()
    except OSError as error:
        raise SourceError(name, f"cannot read incident log: {error.strerror or error}") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        line_start = data.rfind(b"\n", 0, error.start) + 1
        column = len(data[line_start : error.start].decode("utf-8", "replace")) + 1
        where = SourceLocation(name, line, column)
        message = f"not UTF-8: byte 0x{data[error.start]:02x} cannot be decoded"
        raise IncidentLogError([Problem(where, "encoding", message)]) from None
    return parse_incident_log(text, name)
