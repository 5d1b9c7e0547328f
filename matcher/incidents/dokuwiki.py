"""A log kept on a DokuWiki page, its wiki text saved as it is (`===== INC-7 =====`, `^ Severity
| High |`, `<code>` ... `</code>`, `  * item`, `''mono''`, `[[ns:page|text]]`): read as the same
log in Markdown. A heading's level is told by its `=` the other way round from MediaWiki's (six
are level 1, two level 5), so no `==` heading is left for mediawiki.py to read again. A table
row is a pipe table's row (`^ Incident | INC-7 |` reads as `| Incident | INC-7 |`, a field and
its value); a `<code>` or `<file>` block is a fence, one on a single line a code span; a list
item is a Markdown item (`-` numbered, two spaces a level). A heading that is an incident's id
alone (`===== INC-7 =====`) takes its title from the page's index, a table row linking to it
(`| [[#inc-7|INC-7]] | thumbnailer | Too many open files | fixed |`): its cells but the link's
and a status's, date's or severity's. The page is told by its `=`-fenced headings with a mark
only DokuWiki has: a `<code>`/`<file>` tag opening a line, a table row opening with `^`, or a
heading of six `=`. The line count is kept.
docs/incident-log-format.md (**A DokuWiki page**) says the rule."""

from __future__ import annotations

import re

from matcher.incidents.fences import fenced_lines
from matcher.incidents.headings import heading_id
from matcher.incidents.labels import label_name

# what tells the page is DokuWiki's: a section heading and a mark no other wiki writes so
_HEADING = re.compile(r"^[ \t]*(={2,6})[ \t]*([^=\s].*?)[ \t]*={2,6}[ \t]*$")
_CODE_OPEN = re.compile(r"^[ \t]*<(code|file)\b([^>]*)>(.*)$")
_HEADER_ROW = re.compile(r"^[ \t]*\^.*[\^|][ \t]*$")
_TOP_HEADING = re.compile(r"^[ \t]*={6}[ \t]*[^=\s].*?={6}[ \t]*$")
# ... and one MediaWiki writes, which DokuWiki never does (a `{|` table, `<syntaxhighlight>`)
_MEDIAWIKI = re.compile(r"(?m)^\{\||<syntaxhighlight\b|^__[A-Z]+__[ \t]*$")
_ROW = re.compile(r"^[ \t]*[\^|].*[\^|][ \t]*$")
_ITEM = re.compile(r"^( {2,}|\t+)([*-])[ \t]+(.*)$")
# a line that is only the page's: tags, a picture, a `~~NOTOC~~` switch
_NOTHING = re.compile(r"^[ \t]*(?:\{\{[^{}]*\}\}[ \t]*|~~[A-Z_]+~~[ \t]*)+$")
# the spans whose text is written as it is: `''mono''` (a `'` may end its text: `''b'x'''`),
# `<code>x</code>` on one line, `%%raw%%`, `<nowiki>raw</nowiki>`
_VERBATIM = re.compile(
    r"''(?P<mono>.+?)''(?!')|<code\b[^>]*>(?P<code>.*?)</code>|%%(?P<raw>.*?)%%"
    r"|<nowiki>(?P<nowiki>.*?)</nowiki>"
)
_LINK = re.compile(r"\[\[([^\]|]*)(?:\|([^\]]*))?\]\]")
# `//italic//`, never the `//` of a URL (`https://`)
_ITALIC = re.compile(r"(?<![:/\w])//(?=\S)(.+?)(?<=[^\s:/])//(?!/)")
_DELETED = re.compile(r"<del>(.*?)</del>")
_BREAK = re.compile(r"[ \t]*\\\\(?=[ \t]|$)")
# an index row's link to a section of the page (`[[#inc-7|INC-7]]`) ...
_ANCHOR = re.compile(r"\[\[#([^\]|]+)(?:\|[^\]]*)?\]\]")
# ... and the columns of the index that are no part of the section's title
_NOT_TITLE = re.compile(r"(?i)^\W*(?:status|state|stand|estado|statut|no\.?)?\W*$")
_TITLE_FIELDS = {None, "title", "services", "other"}


def dokuwiki_as_markdown(text: str) -> str:
    """The log with DokuWiki's wiki text written as Markdown, when it is DokuWiki's; else as
    it is."""
    lines = text.split("\n")
    if not _is_dokuwiki(lines):
        return text
    titles = _index_titles(lines)
    out: list[str] = []
    closer: str | None = None  # the tag that ends the code block the line is in
    ending = False  # the closing tag had code before it: the next blank line is the fence
    widths: list[int] = []  # each open list level's marker width, so a nested item is nested
    for line in lines:
        if closer is not None:
            end = -1 if ending else line.find(f"</{closer}>")
            if (ending and not line.strip()) or (end >= 0 and not line[:end].strip()):
                out.append("```")
                closer, ending = None, False
            elif end >= 0:  # (the last line of code on the closing tag's line)
                out.append(line[:end])
                ending = True
            else:
                out.append(line)
            continue
        opened = _CODE_OPEN.match(line)
        if opened and f"</{opened[1]}>" not in opened[3]:
            closer = opened[1]
            out.append(_fence(opened[2]))
            if opened[3].strip():
                _open_above(out, opened[3])
            widths = []
            continue
        converted, widths = _line(line, widths, titles)
        out.append(converted)
    return "\n".join(out)


def _is_dokuwiki(lines: list[str]) -> bool:
    """`=`-fenced headings and a mark of DokuWiki's own, outside a Markdown fence."""
    headings = marked = False
    # (a Markdown page quoting wiki text in a fence is Markdown)
    for line, fenced in zip(lines, fenced_lines(lines), strict=True):
        if fenced:
            continue
        headings = headings or _HEADING.match(line) is not None
        marked = marked or any(m.match(line) for m in (_CODE_OPEN, _HEADER_ROW, _TOP_HEADING))
    return headings and marked and not _MEDIAWIKI.search("\n".join(lines))


def _fence(attributes: str) -> str:
    """A code block's fence, its language the tag's (`<file ini override.conf>`)."""
    words = attributes.split()
    language = words[0] if words and words[0] != "-" else ""
    return "```" + (language if re.fullmatch(r"[\w+.#-]+", language) else "")


def _open_above(out: list[str], code: str) -> None:
    """Code written on the opening tag's line: the fence on the blank line above, if there is
    one (else the fence is read and that line of code lost)."""
    if len(out) >= 2 and not out[-2].strip():
        out[-2], out[-1] = out[-1], code


def _line(line: str, widths: list[int], titles: dict[str, str]) -> tuple[str, list[int]]:
    if _NOTHING.match(line):
        return "", []
    heading = _HEADING.match(line)
    if heading:  # (six `=` are level 1, two are level 5)
        text = _inline(heading[2])
        bare = heading_id(text)
        if bare and not bare[1] and _key(text) in titles:  # (`INC-7` alone: the index's title)
            text = f"{bare[0]}: {titles[_key(text)]}"
        return f"{'#' * (7 - len(heading[1]))} {text}", []
    if _ROW.match(line):
        return _row(line), []
    item = _ITEM.match(line)
    if item:
        depth = len(item[1].expandtabs(2)) // 2 - 1
        widths = widths[:depth] + [0] * max(0, depth - len(widths))
        marker = "-" if item[2] == "*" else "1."
        indent = " " * sum(widths)
        return f"{indent}{marker} {_inline(item[3])}", [*widths, len(marker) + 1]
    return _inline(line), [] if line.strip() else widths


def _index_titles(lines: list[str]) -> dict[str, str]:
    """What a page's index table says of each section it links to, by the section's anchor:
    `| [[#inc-7|INC-7]] | thumbnailer | Too many open files | fixed |` under `^ Incident ^
    Service ^ Error ^ Status ^` titles a section `INC-7` with its service and error, parted
    by a dash."""
    titles: dict[str, str] = {}
    header: list[str] = []
    for line in lines:
        if not _ROW.match(line):
            header = []
            continue
        cells = _cells(line)
        if all(is_header for is_header, _ in cells):
            header = [_inline(cell).strip() for _, cell in cells]
            continue
        linked = [at for at, (_, cell) in enumerate(cells) if _ANCHOR.search(cell)]
        if len(linked) != 1:
            continue
        names: list[str | None] = [*header] if len(header) == len(cells) else [None] * len(cells)
        told = [
            _inline(cell).strip()
            for at, (_, cell) in enumerate(cells)
            if at != linked[0] and _titles(names[at])
        ]
        anchor = _ANCHOR.search(cells[linked[0]][1])
        if anchor and any(told):
            titles[_key(anchor[1])] = " \u2014 ".join(t for t in told if t)
    return titles


def _titles(name: str | None) -> bool:
    """Whether an index's column of this name (None: the index has no header) is part of a
    section's title: not a status, a date or a severity."""
    if name is None:
        return True
    return not _NOT_TITLE.match(name) and label_name(name, True) in _TITLE_FIELDS


def _key(anchor: str) -> str:
    """A section's anchor as DokuWiki makes it from its heading, and as a link writes it."""
    return re.sub(r"[^a-z0-9]+", "", anchor.lower())


def _row(line: str) -> str:
    """A table row as a pipe table's."""
    cells = [_inline(cell).strip().replace("|", "\\|") for _, cell in _cells(line)]
    return "| " + " | ".join(cells) + " |"


def _cells(line: str) -> list[tuple[bool, str]]:
    """A table row's cells as written, each with whether it is a header's (`^` before it)."""
    cells: list[tuple[bool, str]] = []
    text = line.strip()
    start = at = 1
    while at < len(text):
        verbatim = _VERBATIM.match(text, at) or _LINK.match(text, at)
        if verbatim:  # (a `|` inside `[[page|text]]` or `''a|b''` parts no cell)
            at = verbatim.end()
        elif text[at] in "^|":
            cells.append((text[start - 1] == "^", text[start:at]))
            start = at = at + 1
        else:
            at += 1
    return cells


def _inline(text: str) -> str:
    """A line's text with DokuWiki's inline marks as Markdown's; verbatim spans kept as they
    are."""
    out: list[str] = []
    at = 0
    for span in _VERBATIM.finditer(text):
        out.append(_marks(text[at : span.start()]))
        raw = span["raw"] if span["raw"] is not None else span["nowiki"]
        out.append(raw if raw is not None else _code_span(span["mono"] or span["code"] or ""))
        at = span.end()
    out.append(_marks(text[at:]))
    return "".join(out)


def _marks(text: str) -> str:
    text = _LINK.sub(lambda m: (m[2] if m[2] is not None else m[1]).strip(), text)
    text = _DELETED.sub(r"~~\1~~", _BREAK.sub("", text))
    return _ITALIC.sub(r"*\1*", text)


def _code_span(code: str) -> str:
    if not code.strip():
        return code
    return f"`` {code} ``" if "`" in code else f"`{code}`"
