"""The house Markdown format, line by line: every line classified once (``classify_all``),
the lines cut into one block per incident (``split_blocks``), each block's labels and sections
collected (``read_block``). What the labels mean is the reader's business."""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from matcher.incidents.fences import (
    FENCE,
    FENCE_ALONE,
    before_the_fix,
    fence_closer,
    front_matter,
    is_diff,
)
from matcher.incidents.headings import HEADING_ID as HEADING_ID
from matcher.incidents.headings import heading_id as heading_id
from matcher.incidents.headings import plain as plain
from matcher.incidents.labels import (
    INCIDENT_MARKERS,
    OTHER,
    SINGLE_VALUED,
    header_fields,
    label_name,
)
from matcher.incidents.loglabels import GLOSS
from matcher.model import SourceLocation


class Kind(enum.Enum):
    BLANK, RULE, CODE, HEADING, LABEL, BULLET, TEXT = range(7)


@dataclass(frozen=True)
class Line:
    number: int
    kind: Kind
    text: str = ""  # heading text, label value, bullet or paragraph text
    column: int = 1  # 1-based column where `text` (or the label) starts
    level: int = 0  # heading level
    label: str | None = None  # field name of a LABEL line; None for an unknown label
    written: str = ""  # a LABEL line's label as written (`Symtoms`), for "did you mean"
    fenced: bool = False  # a CODE line inside a fenced code block (not the fence itself)


RULE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
BULLET = re.compile(r"^([ \t]*(?:[-*+•]|\d{1,3}[.)])[ \t]+)(.*)$")
BOLD_LABEL = re.compile(
    r"^(?P<mark>\*\*|__)[ \t]*(?P<name>[^*:]{1,40}?)[ \t]*(?::[ \t]*(?P=mark)|(?P=mark)[ \t]*:"
    r"|(?P=mark)(?P<dash>[ \t]+[\u2013\u2014-])[ \t])[ \t]*(?P<value>.*)$"
)
# `> **Severity:** High`: a quoted block's lines are read as the lines they quote.
BLOCKQUOTE = re.compile(r"^[ \t]*(?:>[ \t]?)+")
# `**Symptoms**` or `__Symptoms__` alone on its line: a section label without a colon.
BOLD_ALONE = re.compile(r"^(?P<mark>\*\*|__)[ \t]*(?P<name>[^*_:]{1,40}?)[ \t]*(?P=mark)[ \t]*$")
# `**Appendix: raw lines**` alone on its line: a section's title with a colon in it.
_BOLD_TITLE = re.compile(r"^(?P<mark>\*\*|__)[ \t]*(?P<name>[^*_]{1,60}?)[ \t]*(?P=mark)[ \t]*$")
# A table row (`| Severity | P2 |`) and a table's rule (`|---|:---:|`).
TABLE_ROW = re.compile(r"^[ \t]*\|(.*)\|[ \t]*$")
TABLE_RULE = re.compile(r"^[ \t]*\|?(?:[ \t]*:?-{3,}:?[ \t]*\|)+(?:[ \t]*:?-{3,}:?[ \t]*)?$")
# Header fields, which a team may write as plain labels in a list (`- Severity: High`).
_EMPHASIS = re.compile(r"^[*_]([^*_].*[^*_])[*_]$")
HEADER_FIELDS = frozenset({"id", "title", "date", "severity", "services"})
# (a comma and a few words after the name: `Symptoms, straight from the terminal:`)
PLAIN_LABEL = re.compile(r"^([^\W\d_][\w ()#'\u2019-]{0,39}?)(?:,[^:,]{1,40})?[ \t]*:[ \t]*(.*)$")


def classify(number: int, raw: str) -> Line:
    """Classify one line outside code fences."""
    if not raw.strip():
        return Line(number, Kind.BLANK)
    if RULE.match(raw):
        return Line(number, Kind.RULE)
    quoted = BLOCKQUOTE.match(raw)
    if quoted:  # the marks become spaces: the columns stay those of the file
        raw = " " * quoted.end() + raw[quoted.end() :]
    heading = HEADING.match(raw)
    if heading:
        name = label_name(heading[2], loose=True)
        column = heading.start(2) + 1
        if name is not None:  # `### Symptoms`: a section, like `**Symptoms:**`
            return Line(number, Kind.LABEL, "", column, len(heading[1]), name, heading[2])
        valued = PLAIN_LABEL.match(heading[2])  # `### Severity: High`
        name = label_name(valued[1]) if valued else None
        if valued and name in ("severity", "date", "services"):
            return Line(number, Kind.LABEL, valued[2].strip(), column, 0, name)
        return Line(number, Kind.HEADING, heading[2], column, len(heading[1]))
    if TABLE_RULE.match(raw):
        return Line(number, Kind.BLANK)
    table = TABLE_ROW.match(raw)
    if table:
        return _table_row(number, raw, table[1])
    bullet = BULLET.match(raw)
    offset = len(bullet[1]) if bullet else len(raw) - len(raw.lstrip())
    body = raw[offset:].rstrip()
    bold = BOLD_LABEL.match(body) or BOLD_ALONE.match(body)
    if bold is None and (titled := _BOLD_TITLE.match(body)) and label_name(titled["name"], True):
        bold = titled  # `**Appendix: raw lines (from on-call)**`: a known section, titled
    name = label_name(bold["name"], loose=True) if bold else None
    # `__init__: …`, `**Note** - …` are no label: underscores and a dash make one only when
    # they name a field
    loose_form = bold is not None and (bold["mark"] == "__" or bold.groupdict().get("dash"))
    if bold and (not bullet or name) and (name or not loose_form):
        # An unknown bold label at line start still ends the section before it (e.g. Impact).
        value = bold["value"].strip() if bold.re is BOLD_LABEL else ""
        if bold.re is BOLD_LABEL or name is not None:  # `**Note**` alone is emphasis
            return Line(number, Kind.LABEL, value, offset + 1, 0, name, bold["name"].strip())
    # a section's name alone on its line, as terse notes write it (`symptoms`, `cause`, `fix`)
    alone = label_name(body) if not bullet and not quoted and len(body) <= 30 else None
    if alone is not None:
        return Line(number, Kind.LABEL, "", offset + 1, 0, alone)
    plain = PLAIN_LABEL.match(_EMPHASIS.sub(r"\1", body))  # (`*Date: … · Severity: …*`)
    name = label_name(plain[1]) if plain else None
    # in a list: a header field (`- Severity: P2`), or a section label with nothing after it
    # (`- Symptoms:` above its nested items); `- Cause: …` in a list of symptoms is an item
    if plain and name and (not bullet or name in HEADER_FIELDS or not plain[2].strip()):
        return Line(number, Kind.LABEL, plain[2].strip(), offset + 1, 0, name)
    # a wiki's toggle exported as a bullet that names a section (`- 🩺 Symptoms`), its items
    # nested under it
    if bullet and not bullet[1][0].isspace() and len(body) <= 40 and ":" not in body:
        name = label_name(body, loose=True)
        if name is not None and name not in HEADER_FIELDS:
            return Line(number, Kind.LABEL, "", offset + 1, 0, name)
    # a quoted block's line is an item of its own: pasted log lines are not one paragraph
    return Line(number, Kind.BULLET if bullet or quoted else Kind.TEXT, body, offset + 1)


def _table_row(number: int, raw: str, inner: str) -> Line:
    """`| Severity | P2 |` is a label and its value; another row is an item of the section
    it is in (`| 09:14 | KafkaTimeoutError: … |`), as written."""
    cells = [cell.strip() for cell in inner.split("|")]
    column = raw.index("|") + 1
    name = label_name(cells[0]) if len(cells) == 2 else None
    if name is None and len(cells) == 2:  # (`| Priority / Severity | P2 — High |`)
        loose = label_name(cells[0], loose=True)
        name = loose if loose in HEADER_FIELDS else None
    if name is not None:
        return Line(number, Kind.LABEL, cells[1], column, 0, name, cells[0])
    return Line(number, Kind.BULLET, raw.strip(), column)


def classify_all(text: str) -> list[Line]:
    """Classify every line. Front matter, code fences and HTML comments (say, an incident
    template) are opaque: a `---`, `##` or label inside them means nothing."""
    raws = text.split("\n")
    skip = front_matter(raws)
    lines = [Line(number, Kind.CODE, raw) for number, raw in enumerate(raws[:skip], start=1)]
    closer: Callable[[str], bool] | None = None
    opener = ""
    quoted = False  # the fence is inside a quoted block (`> ```` in a pasted chat thread)
    for number, whole in enumerate(raws[skip:], start=skip + 1):
        unquoted = BLOCKQUOTE.sub(lambda m: " " * len(m[0]), whole)
        raw = unquoted if closer is None or quoted else whole
        if closer is not None:
            fenced = FENCE.match(opener) is not None and not closer(raw)
            closer = None if closer(raw) else closer
            # the fence's own indentation is not the code's (a traceback's frames are indented)
            indent = min(len(opener) - len(opener.lstrip()), len(raw) - len(raw.lstrip()))
            code: str | None = raw[indent:] if fenced else raw
            if fenced and is_diff(opener):
                code = before_the_fix(raw[indent:])
            if code is None:
                lines.append(Line(number, Kind.BLANK))  # (the code block goes on past it)
                continue
            lines.append(Line(number, Kind.CODE, code, fenced=fenced))
        elif (closer := fence_closer(raw)) is not None or raw.lstrip().startswith("<!--"):
            opener, quoted = raw, unquoted != whole
            lines.append(Line(number, Kind.CODE, raw))
        elif (item := BULLET.match(raw)) and FENCE_ALONE.match(item[2]):
            closer = fence_closer(item[2])
            # a list item that opens with a fence (`- ```` then the indented block): the
            # fence at the item's text column
            opener, quoted = " " * len(item[1]) + item[2], unquoted != whole
            lines.append(Line(number, Kind.CODE, raw))
        else:
            lines.append(classify(number, whole))
    return lines


@dataclass(frozen=True)
class Item:
    text: str
    location: SourceLocation
    code: tuple[str, ...] = ()  # the lines of a code block (fenced or indented); text is ""


@dataclass
class Block:
    """Labels and sections of one incident while it is read (a mutable builder)."""

    start: SourceLocation
    heading: str | None
    sections: dict[str, list[Item]] = field(default_factory=dict)
    labels: dict[str, SourceLocation] = field(default_factory=dict)
    unknown_labels: list[SourceLocation] = field(default_factory=list)
    unknown_names: list[str] = field(default_factory=list)  # as written, same order

    def is_incident(self) -> bool:
        return bool(INCIDENT_MARKERS & self.labels.keys()) or heading_id(self.heading) is not None


_TIMELINE = re.compile(
    r"(?i)\b(?:timeline|chronolog|cronolog|zeitverlauf|zeitleiste|linha do tempo)"
)
# A speaker and a time before a comment of a thread (`Comment by Priya Nair (2026-09-14
# 19:51):`, `Tomasz (20:03):`, `@dana replied:`)
_SPEAKER = re.compile(
    r"^(?:(?i:comment|reply|answer|note) (?i:by|from) [^:\n]{2,60}"
    r"|@?[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,3} \([^)]{4,40}\)"
    r"|@[\w.-]+ (?:commented|replied|wrote|said)):"
)
# A footnote's definition (`[^101a]: Application log: …`): footnotes.py reads it; no section
# holds it.
FOOTNOTE = re.compile(r"^\[\^([\w-]+)\]:\s*(.*)$")
# What starts a pasted log line: an exception class, a level, a date, an elision.
_PASTED_LOG = re.compile(
    r"^(?:(?:[a-z_]\w*\.)*[A-Z]\w*(?:Error|Exception|Warning|Exit)\b|\[?(?:ERROR|WARN|WARNING"
    r"|FATAL|CRITICAL|INFO|DEBUG|PANIC)\b|\d{4}-\d\d-\d\d|\u2026|\.{3})"
)


def read_block(lines: Sequence[Line], path: str) -> Block:
    """Collect the items under each label; text outside known labels is ignored. A code block
    (fenced, or indented by 4 after a blank line) under a label is one item of its lines."""
    content = [line for line in lines if line.kind not in (Kind.BLANK, Kind.CODE)]
    first = content[0] if content else lines[0]
    heading = first.text if first.kind is Kind.HEADING else None
    block = Block(SourceLocation(path, first.number, first.column), heading)
    current: list[Item] | None = None
    joinable = False  # a text line right after an item continues it (a wrapped line)
    code: list[str] | None = None  # the code block being read, if any
    previous = Kind.BLANK
    previous_loose = aside = speaking = False
    section = 0  # the level of the heading that opened the current section, if one did
    # a code block after the header fields, before any section: the incident's symptoms when
    # it has no Symptoms section (`- Severity: Medium` then a pasted terminal session)
    stray: list[Item] = []
    headed = True  # no label since the header fields but theirs
    # paragraphs under no section (a digest's one-paragraph story): reader.py's fallback
    prose = block.sections.setdefault("prose", [])
    services = block.sections.setdefault("services", [])
    for line in lines:
        location = SourceLocation(path, line.number, line.column)
        indented = line.kind is Kind.TEXT and line.column > 4
        # (log lines pasted under an item that ends in a colon, indented as its wrapped lines:
        # `- grep output:` then `  OSError: …`, `  … cannot open socket …`)
        pasted = (
            line.kind is Kind.TEXT
            and line.column > 1
            and current is not None
            and bool(current)
            and (code is not None or (joinable and current[-1].text.rstrip().endswith(":")))
            and _PASTED_LOG.match(line.text) is not None
        )
        if line.fenced and headed and (current is None or current is services) and code is None:
            current = stray
        if (
            line.fenced or pasted or (indented and (previous is Kind.BLANK or code is not None))
        ) and (current is not None):
            if code is None:
                code = []
                current.append(Item("", location))
            code.append(line.text if line.fenced or pasted else " " * (line.column - 5) + line.text)
            current[-1] = replace(current[-1], code=_dedent(code))
            previous = line.kind
            continue
        if line.kind is not Kind.BLANK:
            code = None
        previous_blank = previous is Kind.BLANK
        previous = line.kind
        # (a paragraph after the header fields is not more services)
        more = current is services and services and previous_blank and line.kind is Kind.TEXT
        if current is stray or more:
            current = None
        if line.kind is Kind.LABEL:
            current, section = None, line.level
            headed = headed and line.label in HEADER_FIELDS
            # (the text under a section that is no field, `Not it`, `Impact`, is no paragraph
            # under no section)
            aside = line.label is None or line.label == OTHER
            if line.label is None:
                block.unknown_labels.append(location)
                block.unknown_names.append(line.written)
            elif line.label == OTHER and _TIMELINE.search(line.written):
                current = block.sections.setdefault("timeline", [])  # (symptoms.py: a fallback)
            elif line.label != OTHER:
                # (`date: 2026-05-27, severity: high, services: web`: header fields on one line)
                for label, text in header_fields(line.label, line.text):
                    block.labels.setdefault(label, location)
                    current = block.sections.setdefault(label, [])
                    if text:
                        current.append(Item(text, location))
                    if label in SINGLE_VALUED and text:
                        current = None
        elif line.kind is Kind.HEADING and not 0 < section < line.level:
            # (a deeper heading of no field's name is a part of the section: `### Symptoms`
            # then `#### Nerdy details`)
            current, aside = None, False
        elif line.kind is Kind.TEXT and FOOTNOTE.match(line.text):
            joinable = False
            continue
        elif line.kind in (Kind.BULLET, Kind.TEXT) and current is not None:
            # (a wrapped line that glosses the item, `    Assessment: …`, is an item of its own)
            glosses = GLOSS.match(line.text) is not None
            if (
                line.kind is Kind.TEXT
                and joinable
                and current
                and not current[-1].code
                and not glosses
            ):
                current[-1] = replace(current[-1], text=f"{current[-1].text} {line.text.strip()}")
            else:
                current.append(Item(line.text, location))
        elif line.kind in (Kind.BULLET, Kind.TEXT) and line is not first and not aside:
            # (a thread's comment, `Comment by Priya (2026-09-14 19:51):`, answers others:
            # its verdicts are on the comments before it, which no rule reads across)
            speaking = speaking or (not previous_loose and _SPEAKER.match(line.text) is not None)
            if speaking:
                pass
            elif line.kind is Kind.TEXT and previous_loose and prose and not prose[-1].code:
                prose[-1] = replace(prose[-1], text=f"{prose[-1].text} {line.text.strip()}")
            else:
                prose.append(Item(line.text, location))
        speaking = speaking and line.kind is not Kind.BLANK
        previous_loose = current is None and line.kind in (Kind.BULLET, Kind.TEXT)
        joinable = line.kind in (Kind.BULLET, Kind.TEXT, Kind.LABEL)
    for name in ("services", "prose"):
        if not block.sections[name]:
            del block.sections[name]
    if stray and "symptoms" not in block.sections:
        # (with the paragraphs around it: `The thumbnailer log said:` + a block, then prose)
        told = sorted(stray + block.sections.pop("prose", []), key=lambda i: i.location.line)
        block.sections["symptoms"] = told
        block.labels["symptoms"] = told[0].location
    return block


def _dedent(code: list[str]) -> tuple[str, ...]:
    """A code block's common indentation is the list item's it sits in (8 spaces under a
    `* ` bullet), not the code's: a traceback's top line starts at the left edge."""
    margin = min((len(c) - len(c.lstrip(" ")) for c in code if c.strip()), default=0)
    return tuple(c[margin:] for c in code)
