"""Cut a Markdown incident log into one small log per incident.

`matcher compile` stops a whole file at the first incident it refuses, so the recall bench
compiles each incident on its own: the file's preamble (front matter, title, group
headings) followed by that incident's lines. An incident starts at the heading that names
its id, or, for label style, just after the `---` above its `Incident ID` label; it ends
where the next one starts. Only the styles of tests/data/postmortems/ need to be cut here,
and the bench reports an incident it cannot find instead of guessing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from matcher.incidents.dialects import as_markdown
from matcher.incidents.fences import fenced_lines
from matcher.incidents.headings import heading_id

_RULE = re.compile(r"^\s*---+\s*$")
_HEADING = re.compile(r"^#{1,6}\s")
# a label that names the id (`**Incident ID:**`, `**Hændelses-ID:**`)
_NAMES_ID = re.compile(r"ncident|\bI[Dd]\b|^\W*(?:Our\s+[Rr]|R)ef(?:erence)?\b")


@dataclass(frozen=True)
class IncidentText:
    incident: str
    first_line: int  # 1-based line of the incident in the original file
    body_line: int  # 1-based line of the incident in ``text``
    text: str  # preamble + the incident, a Markdown incident log of its own


def _outside_fences(lines: list[str]) -> list[bool]:
    return [not fenced for fenced in fenced_lines(lines)]


# (a pager export's tags that name the incident, as `matcher compile` reads them)
_TAGS = re.compile(r"^\W*(?:\*\*)?Tags:")
_ANY_ID = re.compile(r"[A-Z][A-Z0-9]*(?:-[A-Z][A-Z0-9]*)*-\d[\w-]*")


def _defining_line(lines: list[str], plain: list[bool], incident: str) -> int | None:
    """Index of the heading or `Incident ID` label that names ``incident``."""
    word = re.compile(rf"(?<![\w-]){re.escape(incident)}(?![\w-])")
    # (... or a label of any name whose value is the id alone: `**Incidencia:** INC-7`; or
    # one field of a line of them set off by `·`: a helpdesk's `… · **Linked problem:** INC-7`)
    valued = re.compile(
        rf"(?:^\W*|\s\u00b7\s)(?:\*\*|__)?[^*:\uff1a\u00b7]{{1,30}}[:\uff1a](?:\*\*|__)?\s*"
        rf"{re.escape(incident)}\s*(?:$|\s\u00b7\s)"
    )
    # (... or a register's row that opens with it: `| INC-7 | 2026-11-19 | 2 | … |`)
    # (... or a pasted sheet's row, tab-separated: `INC-7\t2026-11-19\tHigh\t…`)
    row = re.compile(
        rf"^\s*\|\s*(?:\*\*)?{re.escape(incident)}(?:\*\*)?\s*\||^{re.escape(incident)}\t"
    )
    # (a heading the id opens wins over a summary table's row that lists it above: a report's
    # `| INC-7 | Order API | 41 min |` then `## 2. Incident INC-7 — Order API unavailable`)
    for i, line in enumerate(lines):
        heading = _HEADING.match(line) if plain[i] else None
        found = heading_id(line.lstrip("#").strip()) if heading else None
        if found and found[0] == incident:
            return i
    # (... or the id alone under a label that names one: a chat form's `Incident ID` field)
    for i, line in enumerate(lines):
        if plain[i] and i and line.strip() == incident and _NAMES_ID.search(lines[i - 1]):
            return i - 1
    # (... and so does a label that names it: `**Incident ID:** INC-7` under a summary table)
    # (... not a paragraph opened by the id in bold, which may be an appendix's evidence)
    # (a line naming several ids defines none of them, while one naming only this one is left:
    # a tracker query's `Incident: INC-1 .. INC-7` above the issue's `| Incident | INC-7 |`)
    for rows_too in (False, True):
        for i, line in enumerate(lines):
            if not rows_too and len(set(_ANY_ID.findall(line))) > 1:
                continue
            # (the word before the id: `Incident: INC-7`, not a verdict after it, `noise from
            # INC-7, … Not this incident.`)
            at = word.search(line)
            named = (at and _NAMES_ID.search(line[: at.start()])) or valued.search(line)
            named = named or (_TAGS.match(line) and len(set(_ANY_ID.findall(line))) == 1)
            named = named or (rows_too and (_heading(lines, i) or row.match(line)))
            if plain[i] and word.search(line) and named:
                return i
    # (... or, with none of those, the first line that names it in bold: a chat channel's
    # `:rotating_light: **INC-7** declared`, as `matcher compile` reads it; or a message's topic,
    # `:floppy_disk: **the backup thing (INC-7)** — …`)
    bold = re.compile(rf"\*\*(?:[^*()]{{2,60}}\()?{re.escape(incident)}\b")
    found = next((i for i, line in enumerate(lines) if plain[i] and bold.search(line)), None)
    # (... or an outline's node the id opens: `  - INC-7 — Orders DB refused …` with the
    # incident's notes as its children)
    node = re.compile(rf"^\s*[-*+]\s+(?:\[[ xX]\]\s+)?{re.escape(incident)}\s*[-\u2013\u2014:]\s")
    if found is None:
        found = next((i for i, line in enumerate(lines) if plain[i] and node.match(line)), None)
    return found


_UNDERLINE = re.compile(r"^ {0,3}(?:=+|-+)\s*$")


_BOLD_ID = re.compile(r"^\*\*[A-Z][A-Z0-9]*(?:-[A-Z][A-Z0-9]*)*-\d[\w-]*\*\*(?:\s*[^\w\s*]|\s*$)")


_FIELDS_AFTER_ID = re.compile(r"^\*\*[A-Z][A-Z0-9]*(?:-[A-Z][A-Z0-9]*)*-\d[\w-]*\*\*\s*\u00b7")


def _heading(lines: list[str], i: int) -> bool:
    """A `#` heading, a line underlined with `===` or `---`, or a paragraph of one line that
    opens with the id in bold (as `matcher compile` reads them)."""
    underlined = i + 1 < len(lines) and _UNDERLINE.match(lines[i + 1]) and lines[i].strip()
    alone = (i == 0 or not lines[i - 1].strip()) and (
        i + 1 == len(lines) or not lines[i + 1].strip()
    )
    # (... or opens its paragraph with fields set off by `·`: `**INC-7** · 21:12 · sev1 · …`)
    opens = (i == 0 or not lines[i - 1].strip()) and _FIELDS_AFTER_ID.match(lines[i])
    bold = (alone and _BOLD_ID.match(lines[i])) or opens
    return bool(_HEADING.match(lines[i]) or underlined or bold)


# A list item that opens an incident (`- **INC-7** title`, `- [x] **INC-7 — title**`)
_LISTED = re.compile(r"^\s*[-*+]\s+(?:\[[ xX]\]\s+)?(?:\*\*)?[A-Z][A-Z0-9]*(?:-[A-Z][A-Z0-9]*)*-\d")


def _start(lines: list[str], plain: list[bool], i: int) -> int:
    if _heading(lines, i) or _LISTED.match(lines[i]):
        return i
    if _TSV_ROW.match(lines[i]):
        return i  # (a pasted sheet's row: the incident is the row)
    if _ROW.match(lines[i]):
        if not _NAMES_ID.search(lines[i].split("|")[1]):
            return i  # (a register's row: the incident is the row)
        # (a field table's `| Incident ID | INC-7 |` row: the table, and the heading above it)
        j = i
        while j > 0 and (_ROW.match(lines[j - 1]) or not lines[j - 1].strip()):
            j -= 1
        return j - 1 if j > 0 and _heading(lines, j - 1) else j
    j = i
    while j > 0 and not (
        plain[j - 1] and (_RULE.match(lines[j - 1]) or _HEADING.match(lines[j - 1]))
    ):
        j -= 1
    # (the heading right above the labels is the incident's: `## SD-4417 · Items …`; so is a
    # note's title above its properties: `## Title`, `---`, `id: INC-7`)
    if j > 1 and _RULE.match(lines[j - 1]) and _HEADING.match(lines[j - 2]):
        return j - 2
    return j - 1 if j > 0 and _HEADING.match(lines[j - 1]) else j


_EVIDENCE = re.compile(
    r"(?i)\b(?:evidence|logs?\b|appendix|annex|anhang|anexo|details|excerpts?|raw|paste[sd]?"
    r"|traces?|output)"
)


def _appendix(lines: list[str], plain: list[bool], incident: str, begin: int, end: int) -> str:
    """The parts of an appendix keyed by the incident's id (`### Evidence INC-7`) outside its
    own lines, which `matcher compile` reads as the incident's (appendices.py)."""
    word = re.compile(rf"(?<![\w-]){re.escape(incident)}(?![\w-])")
    parts: list[str] = []
    level = 0
    # (a register's row notes: a paragraph that opens with the id in bold, to the next one)
    noted = False
    bold = re.compile(rf"^\*\*{re.escape(incident)}\*\*")
    for i, line in enumerate(lines):
        if plain[i] and not begin <= i < end and (i == 0 or not lines[i - 1].strip()):
            opens = _BOLD_ID.match(line) is not None or _HEADING.match(line) is not None
            if opens and noted:
                noted = False
            if bold.match(line):
                noted = True
                parts.append("\n")
        if noted:
            parts.append(line)
            continue
        heading = _HEADING.match(line) if plain[i] else None
        depth = len(line) - len(line.lstrip("#")) if heading else 0
        if heading and level and depth <= level:
            level = 0
        if heading and not begin <= i < end and word.search(line) and _EVIDENCE.search(line):
            level = depth
            parts.append("\n")
        if level:
            parts.append(line)
    return "".join(parts) + _appendix_rows(lines, plain, incident, begin, end)


_ROW = re.compile(r"^\s*\|(.*)\|\s*$")
_TSV_ROW = re.compile(r"^[A-Z][A-Z0-9]*(?:-[A-Z][A-Z0-9]*)*-\d[\w-]*\t")


def _appendix_rows(lines: list[str], plain: list[bool], incident: str, begin: int, end: int) -> str:
    """The rows of an evidence table elsewhere that name the incident, by its id or its number
    alone (`| A-1 | 109 | … |`), with their table's header (appendices.py moves them so)."""
    number = re.search(r"(\d+)$", incident)
    word = re.compile(rf"(?<![\w-]){re.escape(incident)}(?![\w-])")
    rows: list[str] = []
    header = ""
    evidence = False  # under a heading that says it holds evidence (`## Appendix A — Log …`)
    for i, line in enumerate(lines):
        if plain[i] and _HEADING.match(line):
            evidence = _EVIDENCE.search(line) is not None
        row = _ROW.match(line) if plain[i] and evidence else None
        if row is None:
            header = ""
            continue
        if not header:
            header = line
            continue
        cells = [c.strip().strip("#* ") for c in row[1].split("|")]
        named = word.search(line) or (number is not None and number[1] in cells)
        if named and not begin <= i < end:
            rows.extend([f"\n## Evidence\n\n{header}"] if not rows else [])
            rows.append(line)
    return "".join(rows)


def split_incidents(markdown: str, incidents: list[str]) -> dict[str, IncidentText | None]:
    """Each incident id mapped to its own incident log (None: not found in ``markdown``)."""
    # (cut as the Markdown `matcher compile` reads: records, wiki markup, trackers' printed
    # records and chat exports rewritten, line for line)
    lines = as_markdown(markdown)
    lines = lines.splitlines(keepends=True)
    plain = _outside_fences(lines)
    starts: dict[str, int] = {}
    for inc in incidents:
        at = _defining_line(lines, plain, inc)
        if at is not None:
            starts[inc] = _start(lines, plain, at)
    if not starts:
        return dict.fromkeys(incidents)
    ordered = sorted(starts.values())
    preamble = "".join(lines[: ordered[0]])
    result: dict[str, IncidentText | None] = {}
    for inc in incidents:
        if inc not in starts:
            result[inc] = None
            continue
        begin = starts[inc]
        later = [s for s in ordered if s > begin]
        end = later[0] if later else len(lines)
        body = "".join(lines[begin:end]) + _appendix(lines, plain, inc, begin, end)
        # (after the preamble and a blank line; a register's row right after its header, which
        # is carried along when the register sits below the first incident)
        gap = "" if _ROW.match(lines[begin]) or _TSV_ROW.match(lines[begin]) else "\n"
        if _TSV_ROW.match(lines[begin]) and begin > ordered[0]:
            # (... a sheet's row after its header, the paragraph's first line, when the
            # preamble does not end with it)
            top = begin
            while top > 0 and lines[top - 1].strip():
                top -= 1
            gap = "\n" + lines[top] if top >= ordered[0] else ""
        if not gap and begin > ordered[0] and _ROW.match(lines[begin]):
            top = begin
            while top > 0 and _ROW.match(lines[top - 1]):
                top -= 1
            gap = "\n" + "".join(lines[top : min(top + 2, begin)])
        body_line = preamble.count("\n") + 1 + gap.count("\n")
        result[inc] = IncidentText(inc, begin + 1, body_line, preamble + gap + body)
    return result
