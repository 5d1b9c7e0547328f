"""The items under each label of one incident's block (`read_block`): a code block under a label
is one item of its lines; a paragraph under no section, a stray code block before any section,
the text under a section that is no field. What the labels mean is the reader's business."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from matcher.incidents.labels import (
    OTHER,
    SINGLE_VALUED,
    header_fields,
    opens_with_another_field,
)
from matcher.incidents.loglabels import GLOSS, whole_file_line
from matcher.incidents.markdown import HEADER_FIELDS, Block, Item, Kind, Line
from matcher.incidents.verdicts import VERDICT
from matcher.model import SourceLocation

# A section that sets its items aside (`Not the cause`, `Ruled out`, `Red herrings`)
RULED_OUT = re.compile(rf"(?i)\bnot\b|n't\b|\b(?:{VERDICT})", re.IGNORECASE)

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
# A section of lessons (`What went wrong`, `Where we got lucky`): no account of what was seen
# ... and what customers see (a support article's `Customers may see:`, its `Workaround:`): the
# product's own words, no log text
_LESSON = re.compile(
    r"(?i)\blesson|\bwent (?:well|wrong|badly)\b|\blucky\b|\blearn|\bworkaround"
    r"|\b(?:customers?|users?) (?:may |might |will |would )?see\b"
)
# Labels that do not say the layout is understood: the header fields, or none known
_NOT_STRUCTURE = frozenset({*HEADER_FIELDS, "classification", None})
# A footnote's definition (`[^101a]: Application log: …`): footnotes.py reads it; no section
# holds it.
FOOTNOTE = re.compile(r"^\[\^([\w-]+)\]:\s*(.*)$")
# A line that goes on with a sentence: a word in lower case, not a log line's
_WRAPPED = re.compile(r"^[a-z][a-z'-]*(?:\s+[a-z`\"(]|[.,;!?]?\s*$)")
# ... or any line after one that stops on a word a sentence cannot end on (`… and the`)
_OPEN_ENDED = re.compile(r"\s(?:the|a|an|and|or|of|to|as|with|for|from|in|on|by|that)$")
# What starts a pasted log line: an exception class, a level, a date, an elision.
_PASTED_LOG = re.compile(
    r"^(?:(?:[a-z_]\w*\.)*[A-Z]\w*(?:Error|Exception|Warning|Exit)\b|\[?(?:ERROR|WARN|WARNING"
    r"|FATAL|CRITICAL|INFO|DEBUG|PANIC)\b"
    # (not a level named before its quoted line: `… and the` then `WARNING "retrying …"`)
    r"(?!\]?\s*[\"\u201c`])|\d{4}-\d\d-\d\d|\u2026|\.{3})"
)
# ... in a paragraph, also a class under its module's path, whatever its name
# (`psycopg2.errors.QueryCanceled: …`), a source's name before its level (`server: ERROR:  …`)
_PASTED_LINE = re.compile(
    rf"{_PASTED_LOG.pattern}|(?:[a-z_]\w*\.)+[A-Z]\w*:\s|[a-z][\w-]{{1,20}}:\s+(?:ERROR|FATAL):"
)
# ... under an item that ends in a colon, PostgreSQL's lines under its error (`DETAIL:  Process
# 11xxx waits for ShareLock …`); inside a code block they are its lines
_PASTED_DETAIL = re.compile(r"^(?:DETAIL|HINT|STATEMENT|CONTEXT|NOTICE):\s")
_ENDED, _SOURCE = re.compile(r"[.'\")\]]$"), re.compile(r"^[a-z][\w.-]*(?: [a-z][\w.-]*){0,3}: +\S")

# A query's and its result's labels in an evidence section (`**Log query:**`, `**Result:**`)
_EVIDENCE = re.compile(
    r"(?i)(?:log |search |query )?(?:query|search|results?|output|hits|matches)$"
)


def read_block(lines: Sequence[Line], path: str, unknown_sections: bool = False) -> Block:
    """Collect the items under each label; text outside known labels is ignored. A code block
    (fenced, or indented by 4 after a blank line) under a label is one item of its lines.
    `unknown_sections`: each label or heading of no known name opens a section of its own in
    `Block.unknown_sections` (one that names what it rules out opens none)."""
    content = [line for line in lines if line.kind not in (Kind.BLANK, Kind.CODE)]
    first = content[0] if content else lines[0]
    heading = first.text if first.kind is Kind.HEADING else None
    block = Block(SourceLocation(path, first.number, first.column), heading)
    current: list[Item] | None = None
    joinable = False  # a text line right after an item continues it (a wrapped line)
    code: list[str] | None = None  # the code block being read, if any
    previous = last = Kind.BLANK  # the line before, and the last one not blank
    previous_loose = aside = ruled = lesson = speaking = after_pasted = run = False
    unknown: list[Item] | None = None  # the section of no known name being read, if any
    listed = False  # ... and it has a list
    section = 0  # the level of the heading that opened the current section, if one did
    # a code block after the header fields, before any section: the incident's symptoms when
    # it has no Symptoms section (`- Severity: Medium` then a pasted terminal session)
    stray: list[Item] = []
    headed = True  # no label since the header fields but theirs
    # paragraphs under no section (a digest's one-paragraph story): reader.py's fallback
    prose = block.sections.setdefault("prose", [])
    asides = block.sections.setdefault("asides", [])
    told = block.sections.setdefault("told", [])
    services = block.sections.setdefault("services", [])
    quoting = ""  # the quoted paragraph line before, if the line before was one
    last_text = ""  # the text of the line before, if a paragraph's
    paragraph = ""  # the paragraph's lines so far
    for line in lines:
        wrapped = _WRAPPED.match(line.text) or _OPEN_ENDED.search(quoting)
        if line.quoted and wrapped and quoting and quoting[-1] not in ".:!?":
            # (a quoted paragraph's line that goes on with the sentence before it, in an
            # e-mail or a ticket's note, is wrapped text, not a pasted line of its own)
            line = replace(line, kind=Kind.TEXT)
        quoting = line.text.rstrip() if line.quoted and not _PASTED_LOG.match(line.text) else ""
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
            and bool(
                _PASTED_LOG.match(line.text) or (code is None and _PASTED_DETAIL.match(line.text))
            )
        )
        if line.fenced and headed and (current is None or current is services) and code is None:
            current = stray
        # (a fenced block under no section, or under one that is no field, `Log lines we looked
        # at:` then a block, `### Annex B — Evidence` then a block: a last resort of the
        # reader's, read with the sections that tell)
        # (... and a block indented by 4 after a paragraph under no section, not after a list
        # item, whose paragraphs it would be, is read with that paragraph; in a structured block
        # or after an aside, indented lines are read as lines, each on its own)
        indented_code = (
            indented and not (block.structured or aside) and (code is not None or last is Kind.TEXT)
        )
        shut = ruled or lesson or not (line.fenced or indented_code)
        into = current if current is not None else None if shut else told
        if into is told and not line.fenced:
            into = prose
        if (
            line.fenced or pasted or (indented and (previous is Kind.BLANK or code is not None))
        ) and (into is not None):
            # (a block that goes on under another section than it began in starts anew there)
            if code is None or not into or into[-1].text or not into[-1].code:
                code = []
                into.append(Item("", location))
            code.append(line.text if line.fenced or pasted else " " * (line.column - 5) + line.text)
            into[-1] = replace(into[-1], code=_dedent(code))
            previous = line.kind
            continue
        if line.kind is not Kind.BLANK:
            code, last = None, line.kind
        previous_blank = previous is Kind.BLANK
        previous = line.kind
        # (a paragraph after the header fields is not more services)
        more = current is services and services and previous_blank and line.kind is Kind.TEXT
        if current is stray or more:
            current = None
        # (a label of no name we know with log text as its value, under Symptoms, is an item of
        # them: an evidence section's `**Log query:** `…`` and `**Result:** ERROR: …`)
        symptoms = block.sections.get("symptoms", ())
        value = line.text.lstrip()
        logged = value[:1] in '`"\u201c' or _PASTED_LOG.match(value) is not None
        logged = logged or _EVIDENCE.match(line.written or "") is not None
        # (... of a section a heading opened, `### Evidence`)
        logged = bool(value) and logged and section > 0 and current is symptoms
        if line.kind is Kind.LABEL and line.label is None and logged:
            line = replace(line, kind=Kind.BULLET, text=f"{line.written}: {line.text}")
        if line.kind is Kind.LABEL:
            current, section = None, line.level
            headed = headed and line.label in HEADER_FIELDS
            # (the text under a section that is no field, `Not it`, `Impact`, is no paragraph
            # under no section)
            aside = line.label is None or line.label == OTHER
            ruled = aside and RULED_OUT.search(line.written or line.text) is not None
            lesson = aside and _LESSON.search(line.written or line.text) is not None
            block.structured = block.structured or line.label not in _NOT_STRUCTURE
            if line.label is None:
                block.unknown_labels.append(location)
                block.unknown_names.append(line.written)
                block.unknown_values.append(line.text)
                if unknown_sections:
                    current = unknown = _unknown_section(block, line, ruled, location)
                    listed = False
            elif line.label == OTHER and _TIMELINE.search(line.written):
                current = block.sections.setdefault("timeline", [])  # (symptoms.py: a fallback)
            elif line.label != OTHER:
                # (`date: 2026-05-27, severity: high, services: web`: header fields on one line)
                for label, text in header_fields(line.label, line.text):
                    block.labels.setdefault(label, location)
                    current = block.sections.setdefault(label, [])
                    if text:
                        current.append(Item(text, location))
                    if (label in SINGLE_VALUED and text) or label == OTHER:
                        current = None
        elif line.kind is Kind.HEADING and not 0 < section < line.level:
            # (a deeper heading of no field's name is a part of the section: `### Symptoms`
            # then `#### Nerdy details`)
            # (... and one that names what it sets aside, `### The red herrings`, is one)
            current = None
            # (the incident's own title, `## INC-7 — pricing host does not resolve`, rules out
            # nothing)
            ruled = line is not first and RULED_OUT.search(line.text) is not None
            lesson = line is not first and _LESSON.search(line.text) is not None
            aside = ruled or lesson
            if unknown_sections and line is not first:
                current = unknown = _unknown_section(block, line, ruled, location)
                listed = False
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
                and not _pasted_apart(line.text, current[-1].text, after_pasted)
                and not _labelled_list(line.text, last_text)
            ):
                current[-1] = replace(current[-1], text=f"{current[-1].text} {line.text.strip()}")
            else:
                if current is unknown and listed and line.kind is Kind.TEXT:
                    # (a paragraph after a section's list, in a language we have no labels
                    # of, is a note on it, as often as not on what was ruled out)
                    current = unknown = []
                listed = listed or (current is unknown and line.kind is Kind.BULLET)
                current.append(Item(line.text, location, quoted=line.quoted))
        elif line.kind in (Kind.BULLET, Kind.TEXT) and aside:
            # (kept for the verdicts they hold on errors an item lists: elsewhere.py)
            # (... lines indented as a block, pasted from a log, each on its own)
            run = indented and (previous_blank or run)
            joined = (
                line.kind is Kind.TEXT
                and previous_loose
                and not run
                and bool(asides)
                and not asides[-1].code
                and not whole_file_line(asides[-1].text)
                # (a line pasted from a log ends its paragraph, as in prose below)
                and not (after_pasted or _pasted_start(line.text, asides[-1].text))
            )
            if joined:
                asides[-1] = replace(asides[-1], text=f"{asides[-1].text} {line.text.strip()}")
            else:
                asides.append(Item(line.text, location))
            # (a section that tells, `Description`, `Detection`: a last resort; what went wrong
            # is told again there, with the leads that went nowhere)
            if not (ruled or lesson):
                if joined and told and told[-1].location == asides[-1].location:
                    told[-1] = asides[-1]  # (the item it goes on from, whole)
                else:
                    told.append(asides[-1])
        elif line.kind in (Kind.BULLET, Kind.TEXT) and line is not first:
            # (a thread's comment, `Comment by Priya (2026-09-14 19:51):`, answers others:
            # its verdicts are on the comments before it, which no rule reads across)
            speaking = speaking or (not previous_loose and _SPEAKER.match(line.text) is not None)
            if speaking:
                pass
            elif (
                line.kind is Kind.TEXT
                and previous_loose
                and prose
                and not prose[-1].code
                and not (after_pasted or _pasted_start(line.text, prose[-1].text))
                and not _labelled_list(line.text, last_text)
            ):
                prose[-1] = replace(prose[-1], text=f"{prose[-1].text} {line.text.strip()}")
            else:
                prose.append(Item(line.text, location, quoted=line.quoted))
        speaking = speaking and line.kind is not Kind.BLANK
        # (a line pasted from a log, `OSError: …` alone on its line in a chat's message, ends
        # its paragraph: the next line is the author's again)
        # (... not a line inside a code span the lines before opened: `… was \`fix ownership:`
        # then `PermissionError(1, …)\` — that is EPERM, …`)
        opened = paragraph.count("`") % 2 == 1
        after_pasted = line.kind is Kind.TEXT and not opened and _pasted_start(line.text, last_text)
        last_text = line.text if line.kind is Kind.TEXT else ""
        paragraph = {Kind.TEXT: f"{paragraph} {line.text}", Kind.BULLET: line.text}.get(
            line.kind, ""
        )
        previous_loose = current is None and line.kind in (Kind.BULLET, Kind.TEXT)
        joinable = line.kind in (Kind.BULLET, Kind.TEXT, Kind.LABEL)
    for name in ("services", "prose", "asides", "told"):
        if not block.sections[name]:
            del block.sections[name]
    block.sections.update({"stray": stray} if stray else {})  # (abridged.py reads it)
    if stray and "symptoms" not in block.sections:
        # (with the paragraphs around it: `The thumbnailer log said:` + a block, then prose)
        prose = [i for i in block.sections.pop("prose", []) if not opens_with_another_field(i.text)]
        told = sorted(stray + prose, key=lambda i: i.location.line)
        block.sections["symptoms"] = told
        block.labels["symptoms"] = told[0].location
    # (a label with its value on its line and nothing under it, `**Raportat de:** alerta
    # „orders checkout 5xx”`, is a header field: read after every section with a body)
    fields = {at.line for at in block.unknown_labels}
    block.unknown_sections.sort(
        key=lambda items: len(items) == 1 and items[0].location.line in fields
    )
    return block


# A line that opens with a short label of its own (`Observed: …`, `Not observed: …`)
_LINE_LABEL = re.compile(r"^[A-Z][\w'/-]*(?: [\w'/-]+){0,2}:\s")


def _labelled_list(text: str, before: str) -> bool:
    """Whether a paragraph's line and the one before it both open with a label of their own: a
    list written without bullets (`Observed: …` then `Discarded: …`), one item a line."""
    return _LINE_LABEL.match(text) is not None and _LINE_LABEL.match(before) is not None


def _pasted_apart(text: str, before: str, after_pasted: bool) -> bool:
    """Whether a paragraph's line is no wrapped line of the one before: it starts as a pasted
    log line does, or goes on after one in words of its own (`Underneath: …` after a pasted
    `HTTPConnectionPool(…)` line; `(1 seconds)` or lower case goes on with it)."""
    # (... or goes on after a log file's line pasted whole, `error.log: [error] …`, its quotes
    # closed)
    if _pasted_start(text, before) or whole_file_line(before):
        return True
    # (... or, after one ended as a logged message ends, opens with its logger's or tool's name
    # as the next pasted line does: `flags not cached: …`, `redis-cli: (error) OOM …`)
    if after_pasted and _ENDED.search(before) and _SOURCE.match(text):
        return True
    return after_pasted and not (text[:1].islower() or text[:1] in "([{`'\"")


def _pasted_start(text: str, before: str) -> bool:
    """Whether a line starts as a pasted log line does: not in a code span left open before it,
    nor after an article (`… from a helper, a` + `FooWarning ("…"), and …`; not after `died
    with`, whose pasted line is one of its own)."""
    ended = before.count("`") % 2 == 0 and not re.search(r"\s(?:a|an|the)\s*$", before)
    return ended and _PASTED_LINE.match(text) is not None


def _unknown_section(block: Block, line: Line, ruled: bool, at: SourceLocation) -> list[Item]:
    """The items of a section of no known name; one that rules out is read by nobody."""
    items = [Item(line.text, at)] if line.kind is Kind.LABEL and line.text.strip() else []
    if not ruled:
        block.unknown_sections.append(items)
    return items


def _dedent(code: list[str]) -> tuple[str, ...]:
    """A code block's common indentation is the list item's it sits in (8 spaces under a
    `* ` bullet), not the code's: a traceback's top line starts at the left edge."""
    margin = min((len(c) - len(c.lstrip(" ")) for c in code if c.strip()), default=0)
    return tuple(c[margin:] for c in code)
