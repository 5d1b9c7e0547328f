"""The house Markdown format, line by line: every line classified once (``classify_all``), and
the model of an incident's block while it is read (``Item``, ``Block``; sections.py collects a
block's items). What the labels mean is the reader's business."""

from __future__ import annotations

import enum
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from matcher.incidents.fences import (
    FENCE,
    FENCE_ALONE,
    before_the_fix,
    fence_closer,
    front_matter,
    is_config,
    is_diff,
    note_properties,
)
from matcher.incidents.headings import HEADING_ID as HEADING_ID
from matcher.incidents.headings import heading_id as heading_id
from matcher.incidents.headings import lone_id
from matcher.incidents.headings import plain as plain
from matcher.incidents.labels import (
    INCIDENT_MARKERS,
    OTHER,
    label_name,
)
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
    quoted: bool = False  # a paragraph's line in a quoted block (`> …`), read as an item


RULE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
BULLET = re.compile(r"^([ \t]*(?:[-*+•]|\d{1,3}[.)])[ \t]+)(.*)$")
# (a question answered on its line is one too: `**Known issue?** INC-7`)
BOLD_LABEL = re.compile(
    r"^(?P<mark>\*\*|__)[ \t]*(?P<name>[^*:]{1,40}?)[ \t]*(?::[ \t]*(?P=mark)|(?P=mark)[ \t]*:"
    r"|(?P=mark)(?P<dash>[ \t]+[\u2013\u2014-])[ \t]|(?<=\?)(?P=mark)[ \t])[ \t]*(?P<value>.*)$"
)
# `**Symptoms.** stock-sync logged …`: a known section's name closed by a full stop, as an essay
# writes its run-in heads
_BOLD_STOP = re.compile(
    r"^(?P<mark>\*\*|__)[ \t]*(?P<name>[^*_:.]{1,40}?)\.[ \t]*(?P=mark)[ \t]+(?P<value>.*)$"
)
# `> **Severity:** High`: a quoted block's lines are read as the lines they quote.
BLOCKQUOTE = re.compile(r"^[ \t]*(?:>[ \t]?)+")
# `**Symptoms**` or `__Symptoms__` alone on its line: a section label without a colon.
BOLD_ALONE = re.compile(r"^(?P<mark>\*\*|__)[ \t]*(?P<name>[^*_:]{1,40}?)[ \t]*(?P=mark)[ \t]*$")
# `**Appendix: raw lines**` alone on its line: a section's title with a colon in it.
_BOLD_TITLE = re.compile(r"^(?P<mark>\*\*|__)[ \t]*(?P<name>[^*_]{1,60}?)[ \t]*(?P=mark)[ \t]*$")
# A table row (`| Severity | P2 |`) and a table's rule (`|---|:---:|`).
TABLE_ROW = re.compile(r"^[ \t]*\|(.*)\|[ \t]*$")
# (a break in a table's cell: a space to the cell, a parting of items to a register's)
CELL_BREAK = re.compile(r"(?i)[ \t]*<br[ \t]*/?>[ \t]*")
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
        # (a fix commit's subject names an incident, not a section: `## fix(db): … (INC-7)`)
        if name is not None and heading_id(heading[2]) is None:  # `### Symptoms`: a section
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
    stopped = _BOLD_STOP.match(body) if bold is None else None
    named = label_name(stopped["name"], True) if stopped else None
    if stopped and named not in (None, OTHER):  # (`**Summary.** …` is the story, read as such)
        return Line(number, Kind.LABEL, stopped["value"].strip(), offset + 1, 0, named)
    name = label_name(bold["name"], loose=True) if bold else None
    # `__init__: …`, `**Note** - …` are no label: underscores and a dash make one only when
    # they name a field
    loose_form = bold is not None and (bold["mark"] == "__" or bold.groupdict().get("dash"))
    # (`- **ID** — incident id from the tracker`: a table's column explained, no id)
    glossed = (
        bold is not None
        and loose_form
        and name == "id"
        and not any(c.isdigit() for c in bold["value"])
    )
    # (`**@dana**: …` is who wrote the reply, no label)
    glossed = glossed or (bold is not None and bold["name"].lstrip().startswith("@"))
    if bold and (not bullet or name) and (name or not loose_form) and not glossed:
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
    kind = Kind.BULLET if bullet or quoted else Kind.TEXT
    return Line(number, kind, body, offset + 1, quoted=bool(quoted) and not bullet)


def _table_row(number: int, raw: str, inner: str) -> Line:
    """`| Severity | P2 |` is a label and its value; another row is an item of the section
    it is in (`| 09:14 | KafkaTimeoutError: … |`), as written."""
    # (a break in a cell is a space here; a register parts a cell's items at it: registers.py)
    inner, raw = CELL_BREAK.sub(" ", inner), CELL_BREAK.sub(" ", raw)
    cells = [cell.strip() for cell in inner.split("|")]
    column = raw.index("|") + 1
    name = label_name(cells[0]) if len(cells) == 2 else None
    if name is None and len(cells) == 2:  # (`| Priority / Severity | P2 — High |`)
        loose = label_name(cells[0], loose=True)
        name = loose if loose in HEADER_FIELDS else None
    if name is not None:
        return Line(number, Kind.LABEL, cells[1], column, 0, name, cells[0])
    # (a timeline's header, `| Time | Who | Event |`: its rows are a timeline of their own; a
    # table with more columns, a verdict's or the evidence's, is read by tables.py)
    timeline = len(cells) <= 3 and _TIME_CELL.match(cells[0]) is not None
    if timeline and any(_EVENT_CELL.match(cell) for cell in cells[1:]):
        return Line(number, Kind.LABEL, "", column, 0, OTHER, "Timeline")
    return Line(number, Kind.BULLET, raw.strip(), column)


_TIME_CELL = re.compile(r"(?i)^\W*(?:time|timestamp|when|time \(utc\)|utc|zeit|hora|heure|tid)\W*$")
_EVENT_CELL = re.compile(r"(?i)^\W*(?:event|events|what|what happened|action|entry|note|notes)\W*$")


def classify_all(text: str) -> list[Line]:
    """Classify every line. Front matter, code fences and HTML comments (say, an incident
    template) are opaque: a `---`, `##` or label inside them means nothing."""
    raws = text.split("\n")
    skip = front_matter(raws)
    lines = [Line(number, Kind.CODE, raw) for number, raw in enumerate(raws[:skip], start=1)]
    closer: Callable[[str], bool] | None = None
    opener = ""
    quoted = False  # the fence is inside a quoted block (`> ```` in a pasted chat thread)
    skip_to = 0  # the last line of a note's properties, read already
    for number, whole in enumerate(raws[skip:], start=skip + 1):
        if number <= skip_to:
            continue
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
            code = None if fenced and is_config(opener) else code
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
        elif properties := note_properties(raws, number - 1):
            # (the rules of a note's properties under its title are no incident's end)
            last = number + properties - 1
            lines.append(Line(number, Kind.BLANK))
            lines.extend(classify(n, raws[n - 1]) for n in range(number + 1, last))
            lines.append(Line(last, Kind.BLANK))
            skip_to = last
        else:
            lines.append(classify(number, whole))
    return _listed_names(_bold_id_headings(_setext_headings(lines, raws)), raws)


_UNDERLINE = re.compile(r"^ {0,3}(?:(=)+|-+)[ \t]*$")


def _setext_headings(lines: list[Line], raws: list[str]) -> list[Line]:
    """A line alone in its paragraph underlined with `===` or `---` is a heading (level 1 or
    2), as Markdown and reStructuredText write one (`Symptoms` then `--------`), not a rule."""
    read = list(lines)
    for at in range(1, len(lines)):
        line, title = lines[at], lines[at - 1]
        underline = _UNDERLINE.match(raws[line.number - 1])
        alone = at == 1 or lines[at - 2].kind is Kind.BLANK
        words = title.kind in (Kind.TEXT, Kind.LABEL) and not title.level
        if underline and line.kind in (Kind.RULE, Kind.TEXT) and words and alone:
            marks = "#" if underline[1] else "##"
            text = raws[title.number - 1].strip()
            read[at - 1] = replace(classify(title.number, f"{marks} {text}"), column=title.column)
            read[at] = Line(line.number, Kind.BLANK)
    return read


# An id in bold alone in its paragraph, the incident's fields after it (`**INC-7** · Sev: High ·
# backup-job`, a pager summary's first line)
_BOLD_ID = re.compile(
    r"^\*\*([A-Z][A-Z0-9]*(?:-[A-Z][A-Z0-9]*)*-\d[\w-]*)\*\*\s*(?:[\u00b7|:\u2013\u2014-]\s*(.*))?$"
)


# ... or declared by a chat-ops bot (`🚨 **INC-7** declared · Sev 2 · *title* · IC: @lena`)
_DECLARED = re.compile(
    r"^[^\w*]{0,4}\*\*([A-Z][A-Z0-9]*(?:-[A-Z][A-Z0-9]*)*-\d[\w-]*)\*\*\s+(?:declared|opened"
    r"|created|raised|started)\b\s*(.*)$"
)


# ... or a chat message's topic in bold with its id in parentheses (a Slack recap's
# `:floppy_disk: **the backup thing (INC-7)** — volume full`; a shortcode may have lost its
# first colon by then)
_TOPIC = re.compile(
    r"^(?::?[\w+-]+:\s*|[^\w\s*]\s*){0,3}\*\*(?P<topic>[^*()]{2,60}?)\s*\("
    r"(?P<id>[A-Z][A-Z0-9]*(?:-[A-Z][A-Z0-9]*)*-\d[\w-]*)\)\*\*\s*(?:[\u2013\u2014:-]\s*(?P<rest>.*))?$"
)


def _bold_id_headings(lines: list[Line]) -> list[Line]:
    """A paragraph of one line that opens with an id in bold is the incident's heading."""
    read = list(lines)
    for at, line in enumerate(lines):
        declared = _DECLARED.match(line.text) if line.kind is Kind.TEXT else None
        if declared:
            read[at] = replace(classify(line.number, f"## {declared[1]} {declared[2]}"), column=1)
            continue
        topic = _TOPIC.match(line.text) if line.kind is Kind.TEXT else None
        if topic:
            title = " \u2014 ".join(t for t in (topic["topic"], topic["rest"]) if t)
            read[at] = replace(classify(line.number, f"## {topic['id']}: {title}"), column=1)
            continue
        found = _BOLD_ID.match(line.text) if line.kind is Kind.TEXT and line.column == 1 else None
        before = lines[at - 1].kind if at else Kind.BLANK
        after = lines[at + 1].kind if at + 1 < len(lines) else Kind.BLANK
        # (... or the first line of its paragraph, its fields set off by `·`: a handover log's
        # `**INC-7** · 21:12 · sev1 · edge. sx: 502s …` then the rest of the incident)
        fields = found is not None and found[2] is not None and "\u00b7" in line.text[:40]
        alone = after in (Kind.BLANK, Kind.RULE) or fields
        if found and before in (Kind.BLANK, Kind.RULE) and alone:
            rest = f" \u00b7 {found[2]}" if found[2] else ""
            read[at] = replace(classify(line.number, f"## {found[1]}{rest}"), column=1)
    return read


def _listed_names(lines: list[Line], raws: list[str]) -> list[Line]:
    """A toggle's bullet (`- Symptoms`, no colon) with a plain bullet just before it and no
    item nested under it is an entry of a list, a page's contents (`- INC-7 — …`, `- Evidence`),
    not a section."""
    read = list(lines)
    for at in range(1, len(lines)):
        line, before = lines[at], lines[at - 1]
        after = lines[at + 1] if at + 1 < len(lines) else Line(0, Kind.BLANK)
        bullet = BULLET.match(raws[line.number - 1])
        if (
            line.kind is Kind.LABEL
            and bullet
            and ":" not in bullet[2]
            and before.kind is Kind.BULLET
            and before.column == line.column
            and not (after.kind in (Kind.BULLET, Kind.TEXT) and after.column > line.column)
            and after.kind is not Kind.LABEL
        ):
            read[at] = Line(line.number, Kind.BULLET, bullet[2].rstrip(), line.column)
    return read


@dataclass(frozen=True)
class Item:
    text: str
    location: SourceLocation
    code: tuple[str, ...] = ()  # the lines of a code block (fenced or indented); text is ""
    quoted: bool = False  # a quoted block's line (`> …`): in a chat, a message replied to


@dataclass
class Block:
    """Labels and sections of one incident while it is read (a mutable builder)."""

    start: SourceLocation
    heading: str | None
    sections: dict[str, list[Item]] = field(default_factory=dict)
    labels: dict[str, SourceLocation] = field(default_factory=dict)
    unknown_labels: list[SourceLocation] = field(default_factory=list)
    unknown_names: list[str] = field(default_factory=list)  # as written, same order
    unknown_values: list[str] = field(default_factory=list)  # the values on their lines
    # a section of a known name besides the header fields was seen: the layout is understood
    structured: bool = False
    # read_block(…, unknown_sections=True): the items under each label or heading of no known
    # name, one list per section in order (an incident log in a language we have no labels of)
    unknown_sections: list[list[Item]] = field(default_factory=list)

    def is_incident(self) -> bool:
        known = bool(INCIDENT_MARKERS & self.labels.keys()) or heading_id(self.heading)
        foreign = not self.labels  # (no label of it known: another language's, perhaps)
        return bool(known) or lone_id(self.unknown_names, self.unknown_values, foreign) is not None
