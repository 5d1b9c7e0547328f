"""Read a hand-written Markdown incident log into `Incident` records (input of `matcher compile`).

The accepted format and its variants are described in docs/incident-log-format.md. Reading is
line-oriented: every line is classified once (`classify`), the lines are cut into one block per
incident (`split_blocks`), each block's labels and sections are collected (`read_block`) and
turned into an `Incident` (`_build_incident`). Problems are collected for the whole file and raised
together, so an author fixes them in one pass.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from matcher.errors import IncidentLogError, Problem, SourceError
from matcher.incidents.abridged import unabridged
from matcher.incidents.appendices import appendices_joined
from matcher.incidents.chat import answers_joined
from matcher.incidents.dialects import as_markdown
from matcher.incidents.fields import block_severity, is_done
from matcher.incidents.footnotes import footnotes, with_footnotes
from matcher.incidents.headings import lone_id
from matcher.incidents.incident_blocks import continuations_joined, split_blocks
from matcher.incidents.labels import opens_with_another_field, unwrap
from matcher.incidents.listed import listed_incidents
from matcher.incidents.markdown import (
    Block,
    Kind,
    Line,
    classify_all,
    heading_id,
    plain,
)
from matcher.incidents.mentions import mentioned_id
from matcher.incidents.near_labels import a_documents_head, misspelt, read_as_close
from matcher.incidents.pointed_blocks import pointed_blocks
from matcher.incidents.prose_language import in_english
from matcher.incidents.registers import registers_read
from matcher.incidents.sections import read_block
from matcher.incidents.severity_sentences import severity_sentences_read
from matcher.incidents.sheet_pastes import sheet_pastes_read
from matcher.incidents.symptom_items import SymptomSource, read_symptoms
from matcher.incidents.titles import untitled
from matcher.model import SourceLocation, Status
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
    # Which log text of which line became which symptom, for the compile report.
    sources: tuple[SymptomSource, ...] = ()
    # Real log lines that match (`matcher compile --check`): the match examples, in place of
    # synthetic ones.
    real_examples: tuple[str, ...] = ()


_LINK = re.compile(r"^\[([^\]]+)\]\([^)]*\)$")


def _first(block: Block, name: str, marks: str = "*_`") -> str | None:
    """A single value as written, without emphasis or a link around it (`[INC-7](https://…)`)."""
    items = block.sections.get(name)
    value = unwrap(items[0].text, marks) if items else ""
    return unwrap(_LINK.sub(r"\1", value), marks) or None


def _texts(block: Block, name: str) -> list[str]:
    texts = (item.text.strip() for item in block.sections.get(name, []))
    return [text for text in texts if text]


def _joined(block: Block, name: str) -> str | None:
    return "\n".join(_texts(block, name)) or None


def _services(block: Block) -> tuple[str, ...]:
    names: list[str] = []
    for item in block.sections.get("services", []):
        names.extend(unwrap(n, "*_`") for n in re.split(r"[,;]", item.text))
    return tuple(dict.fromkeys(n for n in names if n))


# The sections besides Symptoms that may quote the log (the order symptoms fall back in).
_FALLBACKS = ("timeline", "prose", "told", "root_cause")
_NO_ID = (
    "incident has no id: add `**Incident ID:** INC-…` or start its heading with the id "
    "(`## INC-2024-003: Title`)"
)
_NO_LOG_TEXT = (
    'has no symptom with log text: quote the logged message in a symptom, "…" or `…`, or '
    "write it after a label (`App log: …`) or in a code block (a lone path or name is not "
    "log text)"
)


def _identity(block: Block, problems: list[Problem], warnings: list[Problem]) -> tuple[str, str]:
    """Id and title: labels win over what the heading says."""
    from_heading = heading_id(block.heading)
    heading_title = from_heading[1] if from_heading else plain(block.heading or "")
    unknown = list(zip(block.unknown_names, block.unknown_values, strict=True))
    # (... or a label of a name we do not know that holds it alone: `**Hodisa ID:** INC-7`;
    # beside a heading's id, only one whose name ends in `ID`, not `**Account:** ACC-1090`)
    named = [(n, v) for n, v in unknown if not from_heading or re.search(r"(?i)[\s-]id$", n)]
    lone = lone_id([n for n, _ in named], [v for _, v in named], not block.labels)
    # (... or a problem record's one related incident: `**Related incidents:** INC-7`, or the
    # tags of a pager's export that name one: `**Tags:** INC-7, rq, redis`)
    tags = (v for n, v in unknown if n == "Tags")
    related = re.findall(
        r"[A-Z][A-Z0-9]*(?:-[A-Z][A-Z0-9]*)*-\d[\w-]*", _first(block, "related") or next(tags, "")
    )
    from_label = _first(block, "id") or lone or (related[0] if len(related) == 1 else "")
    incident_id = from_label or (from_heading[0] if from_heading else "")
    title = _first(block, "title", "*_") or unwrap(heading_title)
    if incident_id and not ID_PATTERN.match(incident_id) and (split := heading_id(incident_id)):
        incident_id, title = split[0], title or split[1]  # (`**Incident:** INC-7 — a title`)
    mention = None if incident_id or block.heading else mentioned_id(block)
    if mention:  # (a chat channel's incident: `**INC-7** declared`, mentions.py)
        incident_id, title = mention[0], title or mention[1]
    if not incident_id:
        problems.append(Problem(block.start, "id", _NO_ID))
    elif not ID_PATTERN.match(incident_id):
        at = block.labels.get("id", block.start)
        message = f"{incident_id!r} is not a valid id: use letters, digits and ._:/- only"
        problems.append(Problem(at, "id", message))
    foreign = not "".join(block.unknown_names).isascii()  # (labels of another script)
    if not title and incident_id:  # (titles.py: a record's id, with a warning)
        title = untitled(block, incident_id, incident_id == lone or foreign, warnings)
    if not title:
        message = f"incident {incident_id} has no title: add `**Title:** …` or a `## …` heading"
        problems.append(Problem(block.start, "title", " ".join(message.split())))
    return incident_id, title


def _build_incident(block: Block, problems: list[Problem], warnings: list[Problem]) -> Incident:
    """The incident of a block; anything missing is added to problems, anything guessed to
    warnings."""
    incident_id, title = _identity(block, problems, warnings)
    written, classified = _first(block, "severity"), _first(block, "classification")
    severity = block_severity(block, written, classified, problems, warnings)
    symptoms, description, sources = read_symptoms(block, problems)
    if symptoms:  # (a summary's abridged quote, whole in the timeline: abridged.py)
        symptoms, sources = _unabridged(block, symptoms, sources)
    # a log in a language we have no labels of: the first of its sections with log text (the
    # house format puts Symptoms first; what is ruled out, the cause and the fix come after);
    # an incident whose log text is only in its timeline (`11:45 Note: web logs say "…"`), or
    # only in paragraphs under no section (a digest's one-paragraph story)
    # ... and last the root cause, where a document of the SRE book's template quotes the errors
    prose = block.sections.get("prose")
    for items in [*block.unknown_sections, *(block.sections.get(f, []) for f in _FALLBACKS)]:
        if symptoms:
            break
        kept = [i for i in answers_joined(items) if not opens_with_another_field(i.text)]
        # (with the sections whose verdicts hold for every mention: elsewhere.py)
        judging = {name: block.sections.get(name, []) for name in ("asides", "root_cause")}
        elsewhere = replace(block, sections={"symptoms": kept, **judging})
        symptoms, _, sources = read_symptoms(elsewhere, [])
        # (a code block under no section, a `<details>` with a run's output, is read with the
        # paragraphs around it when they quote log text too)
        pasted = [i for i in block.sections.get("told", []) if i.code and not i.text.strip()]
        if symptoms and items is prose and pasted:
            kept = sorted([*kept, *pasted], key=lambda i: i.location.line)
            elsewhere = replace(block, sections={"symptoms": kept, **judging})
            symptoms, _, sources = read_symptoms(elsewhere, [])
    if not symptoms:
        at = block.labels.get("symptoms", block.start)
        who = f"incident {incident_id}" if incident_id else "incident"
        problems.append(Problem(at, "symptoms", f"{who} {_NO_LOG_TEXT}"))
    resolution = _joined(block, "resolution")
    action_items = tuple(_texts(block, "action_items"))
    done = resolution is not None and all(is_done(item) for item in action_items)
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
        sources=sources,
    )


def _unabridged(
    block: Block, symptoms: tuple[str, ...], sources: tuple[SymptomSource, ...]
) -> tuple[tuple[str, ...], tuple[SymptomSource, ...]]:
    elsewhere = [
        source
        for items in [*block.unknown_sections, *(block.sections.get(f, []) for f in _FALLBACKS)]
        if items
        for source in read_symptoms(replace(block, sections={"symptoms": items}), [])[2]
    ]
    whole = unabridged(sources, elsewhere, block)
    became = {old.symptom: new.symptom for old, new in zip(sources, whole, strict=True)}
    return tuple(dict.fromkeys(became.get(s, s) for s in symptoms)), whole


_UNREAD = (
    "labels here, but none of an incident: expected `**Incident ID:**`, `**Title:**`, "
    "`**Severity:**`, `**Symptoms:**`, `**Root Cause:**`, `**Resolution:**` or `**Action Items:**`"
)


def _nothing_found(lines: Sequence[Line], path: str) -> Problem:
    content = [line for line in lines if line.kind not in (Kind.BLANK, Kind.RULE)]
    if not content:
        return Problem(SourceLocation(path, 1, 1), "incident", "the incident log is empty")
    # Point at the first line read as Markdown that is not a title: an incident was expected.
    readable = [line for line in content if line.kind not in (Kind.HEADING, Kind.CODE)]
    first = (readable or content)[0]
    return Problem(
        SourceLocation(path, first.number, first.column),
        "incident",
        "no incident found: expected incidents separated by `---` or `## ` headings, each with "
        "an `**Incident ID:**` label (or an id in its heading) and a `**Symptoms:**` section",
    )


@dataclass(frozen=True)
class IncidentLog:
    """What one incident log compiles to: every incident that compiled, and the problems of
    those that did not (each skipped incident has at least one)."""

    incidents: tuple[Incident, ...]
    problems: tuple[Problem, ...]
    skipped: int  # incidents (or label blocks that look like one) left out
    # what was guessed in incidents that compiled (no severity read: `DEFAULT_SEVERITY`)
    warnings: tuple[Problem, ...] = ()


def compile_incident_log(text: str, path: str) -> IncidentLog:
    """Read every incident of a Markdown incident log, in file order, keeping those that
    compile. Raises `IncidentLogError` only when no incident is found at all."""
    text = as_markdown(text)
    raws = text.split("\n")
    lines = sheet_pastes_read(severity_sentences_read(classify_all(text)), raws)
    lines = listed_incidents(registers_read(lines, raws), raws)
    problems: list[Problem] = []
    warnings: list[Problem] = []
    incidents: list[Incident] = []
    skipped = 0
    first_seen: dict[str, SourceLocation] = {}
    notes = footnotes(lines, path)
    for raw_block in appendices_joined(continuations_joined(split_blocks(lines))):
        # (labels of a language close to one we know: read as those, with a warning)
        block, read_as = read_as_close(raw_block, read_block(raw_block, path), path)
        if block.is_incident() and not (block.structured or "symptoms" in block.sections):
            # (in a language we may have no labels of: read its sections by their layout)
            block = block if in_english(raw_block) else read_block(raw_block, path, True)
        if "symptoms" in block.sections:
            block.sections["symptoms"] = with_footnotes(pointed_blocks(block), notes)
        # (a document's own list of action items after its incidents is none of them)
        listed = block.labels.keys() == {"action_items"} and not heading_id(block.heading)
        if not block.is_incident() or listed:
            # A preamble is skipped; several unknown labels are an incident misspelt: no silence
            head = a_documents_head(block.unknown_names, block.unknown_values)
            if len(block.unknown_labels) > 1 and not head:
                problems.append(Problem(block.unknown_labels[0], "incident", _UNREAD))
                problems.extend(misspelt(block))
                skipped += 1
            continue
        own: list[Problem] = []
        guessed: list[Problem] = []
        # (a label close to a known one in a block whose layout we understand is a typo; in one
        # whose labels are all unknown, as likely a word of another language: `Severitate`)
        (own if block.structured else guessed).extend(misspelt(block))
        incident = _build_incident(block, own, guessed)
        if incident.id in first_seen:
            line = first_seen[incident.id].line
            message = f"duplicate incident id {incident.id!r}: first used at line {line}"
            own.append(Problem(incident.location, "id", message))
        elif incident.id:
            first_seen[incident.id] = incident.location
        problems.extend(own)
        if own:
            skipped += 1
        else:
            incidents.append(incident)
            warnings.extend([*read_as, *guessed])
    if not incidents and not problems:
        raise IncidentLogError([_nothing_found(lines, path)])
    return IncidentLog(tuple(incidents), tuple(problems), skipped, tuple(warnings))


def parse_incident_log(text: str, path: str) -> list[Incident]:
    """Read every incident of a Markdown incident log, in file order.

    `path` is only used in locations. Raises `IncidentLogError` carrying every problem of the file
    (incident without id, title, valid severity or log-text symptom; duplicate ids; misspelt
    labels) or, when no incident is found at all, one problem naming the line where an
    incident was expected. `compile_incident_log` keeps the incidents that compile instead.
    """
    log = compile_incident_log(text, path)
    if log.problems:
        raise IncidentLogError(list(log.problems))
    return list(log.incidents)


def read_incident_log(path: str | os.PathLike[str]) -> list[Incident]:
    """Read and parse a UTF-8 incident log file (a leading BOM is accepted).

    Raises `SourceError` when the file cannot be opened and `IncidentLogError` when it is not
    UTF-8 (the problem names the line and column of the first bad byte) or cannot be compiled.
    """
    name = os.fspath(path)
    return parse_incident_log(_read_text(name), name)


def load_incident_log(path: str | os.PathLike[str]) -> IncidentLog:
    """Read a UTF-8 incident log file, keeping every incident that compiles (see
    `compile_incident_log`); raises as `read_incident_log` does for the file itself."""
    name = os.fspath(path)
    return compile_incident_log(_read_text(name), name)


def _read_text(name: str) -> str:
    try:
        with open(name, "rb") as handle:
            data = handle.read()
    except OSError as error:
        raise SourceError(name, f"cannot read incident log: {error.strerror or error}") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        line_start = data.rfind(b"\n", 0, error.start) + 1
        column = len(data[line_start : error.start].decode("utf-8", "replace")) + 1
        where = SourceLocation(name, line, column)
        message = f"not UTF-8: byte 0x{data[error.start]:02x} cannot be decoded"
        raise IncidentLogError([Problem(where, "encoding", message)]) from None
