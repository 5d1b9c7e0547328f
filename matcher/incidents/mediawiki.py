"""A log kept on a MediaWiki page, its wiki text saved as it is (`== INC-7: … ==`, `'''Root
Cause:'''`, `{| class="wikitable" … |}`, `<syntaxhighlight>`, `[[Runbooks/Redis|runbook]]`,
`{{Infobox …}}`, `# numbered items`): read as the same log in Markdown. A table whose rows each
hold a field and its value (`! Severity` / `| High`), or whose header names the fields over one
row of their values, is read as labels, another as a pipe table; `<pre>` and inline HTML are
left to html_tables.py. The line count is kept (a table's rows are read together at its top,
the lines they leave blank at its end). docs/incident-log-format.md
("Twenty-second round", **A MediaWiki page**) says the rule."""

from __future__ import annotations

import re

from matcher.incidents.labels import label_name
from matcher.incidents.markdown import HEADER_FIELDS

# what tells the page is wiki text: a section heading and a table or bold of its own kind
_HEADING = re.compile(r"^(={2,6})\s*([^=].*?)\s*\1\s*$")
_WIKI_MARK = re.compile(r"(?m)^\{\||'''[^'\n]+'''|^__TOC__\s*$|<syntaxhighlight\b")
_HIGHLIGHT = re.compile(r"(?i)<(/?)(?:syntaxhighlight|source)\b[^>]*>")
_PRE_OPEN = re.compile(r"(?i)<(?:pre|syntaxhighlight|source)\b[^>]*>")
_PRE_CLOSE = re.compile(r"(?i)</(?:pre|syntaxhighlight|source)>")
_ITALIC = re.compile(r"''(?=\S)(.+?)(?<=\S)''")
_TEMPLATE_START = re.compile(r"^\s*\{\{(?!.*\}\}\s*$)")
_ONE_LINE_TEMPLATE = re.compile(r"^\s*\{\{.*\}\}\s*$")
_MAGIC = re.compile(r"^\s*__[A-Z]+__\s*$")
_CATEGORIES = re.compile(r"^\s*(?:\[\[(?:Category|Kategorie|Catégorie):[^\]]*\]\]\s*)+$")
_LINK = re.compile(r"\[\[(?:[^\]|]*\|)?([^\]|]*)\]\]")
_OUTER_LINK = re.compile(r"\[(?:https?|ftp)://\S+\s+([^\]]+)\]")
_NUMBERED = re.compile(r"^(#+)([*:]?)\s*")
_CELL_ATTRS = re.compile(r'^\s*(?:[\w-]+\s*=\s*"[^"]*"\s*)+\|(?!\|)')


def mediawiki_as_markdown(text: str) -> str:
    """The log with MediaWiki's wiki text written as Markdown, when it is wiki text; else as
    it is."""
    lines = text.split("\n")
    if not any(_HEADING.match(line) for line in lines) or not _WIKI_MARK.search(text):
        return text
    out: list[str] = []
    at, pre = 0, False
    while at < len(lines):
        line = lines[at]
        opened = _PRE_OPEN.search(line)
        if pre or opened:  # (a log's lines as pasted: only the tags are the page's)
            closed = _PRE_CLOSE.search(line, opened.end() if opened else 0)
            pre = (pre or bool(opened)) and not closed
            out.append(_HIGHLIGHT.sub(lambda m: f"<{m[1]}pre>", line))
            at += 1
            continue
        if line.lstrip().startswith("{|"):
            end = next((i for i in range(at, len(lines)) if lines[i].strip() == "|}"), None)
            if end is not None:
                out += _table(lines[at : end + 1])
                at = end + 1
                continue
        if _TEMPLATE_START.match(line):  # (an infobox over several lines: the page's, no field)
            end = next((i for i in range(at, len(lines)) if lines[i].strip() == "}}"), at)
            out += [""] * (end - at + 1)
            at = end + 1
            continue
        out.append(_line(line))
        at += 1
    return "\n".join(out)


def _line(line: str) -> str:
    if _ONE_LINE_TEMPLATE.match(line) or _MAGIC.match(line) or _CATEGORIES.match(line):
        return ""
    heading = _HEADING.match(line)
    if heading:
        return f"{'#' * len(heading[1])} {heading[2]}"
    line = _HIGHLIGHT.sub(lambda m: f"<{m[1]}pre>", line)
    line = _ITALIC.sub(r"*\1*", line.replace("'''", "**"))
    line = _OUTER_LINK.sub(r"\1", _LINK.sub(r"\1", line))
    numbered = _NUMBERED.match(line)
    if numbered:  # (`# item`, `## nested`: numbered, where Markdown would read a heading)
        depth = len(numbered[1]) - 1
        return f"{'   ' * depth}1. {line[numbered.end() :]}"
    return line


def _table(lines: list[str]) -> list[str]:
    """A wiki table's lines (`{|` to `|}`) as Markdown, as many lines."""
    rows: list[list[tuple[bool, str]]] = [[]]
    for line in lines[1:-1]:
        body = line.strip()
        if body.startswith("|-"):
            rows.append([])
        elif body.startswith("|+"):
            continue
        elif body.startswith("!"):
            rows[-1] += [(True, _cell(c)) for c in body[1:].split("!!")]
        elif body.startswith("|"):
            rows[-1] += [(False, _cell(c)) for c in body[1:].split("||")]
    rows = [row for row in rows if row]
    fields = all(len(r) == 2 and r[0][0] and not r[1][0] for r in rows)
    if rows and fields:  # (`! Severity` / `| High` on each row: the incident's fields)
        read = [f"**{key}:** {value}" for (_, key), (_, value) in rows]
    elif _one_record(rows):  # (`! Incident ID !! Severity` over `| INC-7 || High`: the same)
        read = [f"**{key}:** {value}" for (_, key), (_, value) in zip(*rows, strict=True)]
    elif rows:
        read = [_pipe_row(rows[0]), "|" + "---|" * len(rows[0])]
        read += [_pipe_row(row) for row in rows[1:]]
    else:
        read = []
    return read + [""] * (len(lines) - len(read))


def _one_record(rows: list[list[tuple[bool, str]]]) -> bool:
    """A header of field names over one row of their values."""
    if len(rows) != 2 or len(rows[0]) != len(rows[1]):
        return False
    names = [label_name(text) for _, text in rows[0]]
    return all(h for h, _ in rows[0]) and sum(n in HEADER_FIELDS for n in names) >= 2


def _cell(cell: str) -> str:
    return _line(_CELL_ATTRS.sub("", cell)).strip()


def _pipe_row(row: list[tuple[bool, str]]) -> str:
    return "| " + " | ".join(text.replace("|", "\\|") for _, text in row) + " |"
