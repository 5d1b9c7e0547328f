"""TiddlyWiki tiddlers exported as text: each opens with its fields, one a line (`title: …`,
`created: 20261203081612000`, `modified: …`, `tags: Postmortem [[Severity High]]`, a team's own
`incident: INC-7`, `type: text/vnd.tiddlywiki`), then its text in TiddlyWiki's wikitext. A
tiddler is an incident: its id is the field's that gives one alone (`incident:`), else the one its
title names; its title the title field's, its severity a `severity:` field's or a `[[Severity …]]`
tag's. The fields are read as the incident's heading and severity label and otherwise blank
lines; the wikitext as its Markdown equivalent: `{{{`/`}}}` as fences, `!`-headings as headings
a level below the tiddler's, `#` and `*` items as list items, `''bold''`, `//italic//`,
`{{{code}}}`, `[[link|text]]` as the text, a `<<macro …>>` as its arguments (alone on a line,
as nothing). The line count is kept. docs/incident-log-format.md ("Thirty-seventh round") says
the rule."""

from __future__ import annotations

import re

from matcher.incidents.headings import heading_id

_FIELD = re.compile(r"^(?P<name>[a-z][a-z0-9._-]{0,30}):[ \t]*(?P<value>.*?)\s*$")
# (a tiddler's own fields: TiddlyWiki's 17-digit timestamps or its wikitext type)
_OWN = re.compile(
    r"^(?:(?:created|modified):\s*\d{14,17}|type:\s*text/(?:vnd\.tiddlywiki|x-tiddlywiki))\s*$"
)
_ID = re.compile(r"^[A-Z][A-Z0-9]*(?:-[A-Z][A-Z0-9]*)*-\d[\w-]*$")
_NAMES_ID = re.compile(r"(?i)^(?:incident|postmortem|ref(?:erence)?|id)(?:[._-]?id)?$")
_SEVERITY_TAG = re.compile(r"\[\[\s*(?:Severity|Sev)[\s:-]+(?P<value>[^\]]+?)\s*\]\]", re.I)


def tiddlers_read(text: str) -> str:
    """The log with its exported tiddlers read as incidents of the house format in Markdown;
    else as it is."""
    if "title:" not in text:
        return text
    lines = text.split("\n")
    starts = [at for at in range(len(lines)) if _opens_tiddler(lines, at)]
    if not starts:
        return text
    for at in starts:
        _fields_read(lines, at)
    # (above the first tiddler, the export's own Markdown: only a macro alone on a line is read)
    for at in range(starts[0]):
        lines[at] = "" if _MACRO_ALONE.match(lines[at]) else lines[at]
    # (the fence a block opened with, `}}}` for `{{{`; TiddlyWiki 5 takes Markdown's too)
    fence = ""
    for at in range(starts[0], len(lines)):
        line = lines[at]
        if at in starts:
            fence = ""
            continue
        if not fence and (opens := re.match(r"^\s*(\{\{\{(?=\s*$)|```+|~~~+)", line)):
            fence = "}}}" if opens[1] == "{{{" else opens[1]
            lines[at] = "```" if fence == "}}}" else line
        elif fence and line.strip() == fence:
            lines[at], fence = ("```" if fence == "}}}" else line), ""
        elif not fence:
            lines[at] = _wikitext(line)
    return "\n".join(lines)


def _opens_tiddler(lines: list[str], at: int) -> bool:
    """A `title:` field that opens a block of fields with one of TiddlyWiki's own in it."""
    if not lines[at].startswith("title:") or (at and lines[at - 1].strip()):
        return False
    end = at
    while end < len(lines) and _FIELD.match(lines[end]):
        end += 1
    return any(_OWN.match(lines[i]) for i in range(at, end))


def _fields_read(lines: list[str], at: int) -> None:
    end = at
    while end < len(lines) and _FIELD.match(lines[end]):
        end += 1
    fields = [(m["name"], m["value"]) for i in range(at, end) if (m := _FIELD.match(lines[i]))]
    values = dict(fields)
    title = values.get("title", "")
    found = next((v for n, v in fields if _NAMES_ID.match(n) and _ID.match(v)), None)
    named = heading_id(title)
    found = found or (named[0] if named else None)
    if found:
        rest = re.sub(rf"^\s*{re.escape(found)}\b[\s:\u2014\u2013-]*", "", title).strip()
        title = f"{found}: {rest or title}"
    tag = _SEVERITY_TAG.search(values.get("tags", ""))
    severity = values.get("severity") or (tag["value"] if tag else None)
    for i in range(at, end):
        lines[i] = ""
    lines[at] = f"## {title}"
    if severity and end - at >= 3:
        lines[at + 2] = f"**Severity:** {severity}"


_HEADING = re.compile(r"^(!{1,5})\s*(\S.*)$")
_ITEM = re.compile(r"^([*#]+)\s+")
_MACRO_ALONE = re.compile(r"^\s*<<[^<>]*>>\s*$")
_MACRO = re.compile(r"<<\s*[\w.-]+\s*(?P<args>[^<>]*?)\s*>>")
_LINK = re.compile(r"\[\[(?:(?P<text>[^|\]]*)\|)?(?P<target>[^\]]*)\]\]")
_BOLD = re.compile(r"''(?=\S)(.+?)(?<=\S)''")
_ITALIC = re.compile(r"(?<![:/\w])//(?=\S)(.+?)(?<=\S)//(?![/\w])")
_MONO = re.compile(r"\{\{\{(.+?)\}\}\}")
_CODE_SPAN = re.compile(r"(`+)(.+?)\1")


def _wikitext(line: str) -> str:
    """The line of wikitext as Markdown."""
    if _MACRO_ALONE.match(line):
        return ""
    heading = _HEADING.match(line)
    if heading:
        return "#" * (len(heading[1]) + 1) + " " + _inline(heading[2])
    item = _ITEM.match(line)
    if item:
        depth = len(item[1]) - 1
        marker = "1." if item[1][-1] == "#" else "*"
        return "   " * depth + marker + " " + _inline(line[item.end() :])
    return _inline(line)


def _inline(text: str) -> str:
    """Inline wikitext as Markdown, a code span's text left as it is."""
    parts: list[str] = []
    at = 0
    for span in _CODE_SPAN.finditer(text):
        parts.extend([_marks(text[at : span.start()]), span[0]])
        at = span.end()
    parts.append(_marks(text[at:]))
    return "".join(parts)


def _marks(text: str) -> str:
    text = _MONO.sub(r"`\1`", text)
    text = _MACRO.sub(lambda m: m["args"].replace('"', "").strip(), text)
    text = _LINK.sub(lambda m: m["text"] or m["target"], text)
    return _ITALIC.sub(r"*\1*", _BOLD.sub(r"**\1**", text))
