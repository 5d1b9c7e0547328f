"""Tables kept as raw HTML in the log (`<table><tr><td>…</td></tr></table>`, as an incident
tracker exports them): each is read as the same table in Markdown, so its rows are items as a
pipe table's are; and the inline HTML an email pasted as Markdown keeps (`<b>Severity:</b>&nbsp;
High<br>`). The line count is kept: locations still point into the file as written."""

from __future__ import annotations

import html
import re

_TABLE = re.compile(r"(?is)^[ \t]*<table\b[^>]*>.*?</table>[ \t]*$", re.MULTILINE)
_ROW = re.compile(r"(?is)<tr\b[^>]*>(.*?)</tr>")
_CELL = re.compile(r"(?is)<(t[dh])\b[^>]*>(.*?)(?:</t[dh]>|(?=<t[dh]\b)|$)")
_CODE = re.compile(r"(?is)<(code|pre|tt|kbd|samp)\b[^>]*>(.*?)</\1>")
_BREAK = re.compile(r"(?i)<br\s*/?>")
_TAG = re.compile(r"<[^>]+>")


def html_tables_as_markdown(text: str) -> str:
    """The log with every raw HTML table written as a Markdown table, its line count kept."""
    return _TABLE.sub(_as_markdown, text)


def _as_markdown(table: re.Match[str]) -> str:
    rows = [_cells(row[1]) for row in _ROW.finditer(table[0])]
    rows = [(header, cells) for header, cells in rows if cells]
    lines: list[str] = []
    for at, (header, cells) in enumerate(rows):
        lines.append("| " + " | ".join(cells) + " |")
        if header and at == 0:
            lines.append("|" + "---|" * len(cells))
    height = table[0].count("\n") + 1
    if len(lines) > height:  # (rows joined on one line: the table cannot keep its lines)
        return table[0]
    return "\n".join(lines + [""] * (height - len(lines)))


def _cells(row: str) -> tuple[bool, list[str]]:
    found = _CELL.findall(row)
    return all(kind.lower() == "th" for kind, _ in found), [_text(cell) for _, cell in found]


def _text(cell: str) -> str:
    """A cell's text: code as backticks (a line of it each), other tags dropped."""
    cell = _CODE.sub(lambda m: " ".join(_code(line) for line in m[2].splitlines()), cell)
    cell = _BREAK.sub(" ", cell)
    text = html.unescape(_TAG.sub("", cell))
    return " ".join(text.split()).replace("|", "\u00a6")


def _code(line: str) -> str:
    line = html.unescape(_TAG.sub("", line)).strip()
    return f"`{line}`" if line else ""


# Inline HTML an email client leaves in a paste (`<b>…</b>`, `<i>…</i>`, `<br>`, `&nbsp;`); a
# person's placeholders (`<id>`, `<n>`) are no such tags.
_INLINE = re.compile(
    r"(?i)</?(?:b|strong|i|em|u|s|del|strike|code|span|font|p|div|small|big|pre|h[1-6]|dl|dt|dd"
    r"|ul|ol|li)\b[^>]*>|<br\s*/?>|<hr\s*/?>"
    r"|&(?:nbsp|amp|lt|gt|quot|#39|rsquo|lsquo|ldquo|rdquo|ndash|mdash|bull|hellip);"
)
_MARKS = {"b": "**", "strong": "**", "i": "*", "em": "*", "code": "`", "s": "~~", "del": "~~"}
# (a page's structure: a heading, a definition list's term and its value, a list's item)
_OPENING = {"dt": "**", "dd": " ", "li": "- ", "strike": "~~"}
_CLOSING = {"dt": ":**", "strike": "~~"}
_FENCE = re.compile(r"^\s*(?:```|~~~)")
_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_PRE = re.compile(r"(?i)^\s*(?:<pre\b[^>]*>(?:<code\b[^>]*>)?|(?:</code>)?</pre>)\s*$")


def inline_html_as_markdown(text: str) -> str:
    """The log with an email's inline HTML as Markdown when it has some (three tags or more
    outside code): bold and italics as emphasis, code as backticks, `<br>` and other tags
    dropped, entities unescaped, `<hr>` as `---`."""
    # (a `<pre>` block on lines of its own is a fenced block)
    raws = text.split("\n")
    lines = [_PRE.sub("```", line) for line in raws]
    fenced, outside = False, []
    pre: list[bool] = []
    for raw, line in zip(raws, lines, strict=True):
        opens = bool(_FENCE.match(line))
        pre.append(fenced and not opens and pre[-1] if pre else False)
        if opens and not fenced:
            pre[-1] = raw != line  # (a `<pre>` block: its text is HTML, entities and all)
        fenced = fenced != opens
        outside.append(not fenced and not opens)
    tags = sum(len(_INLINE.findall(x)) for x, out in zip(lines, outside, strict=True) if out)
    if tags < 3:
        return text
    return "\n".join(
        _inline(line) if out else html.unescape(line) if in_pre else line
        for line, out, in_pre in zip(lines, outside, pre, strict=True)
    )


def _inline(line: str) -> str:
    if re.fullmatch(r"(?i)\s*<hr\s*/?>\s*", line):
        return "---"

    def mark(tag: re.Match[str]) -> str:
        found = re.match(r"(?i)</?(\w+)", tag[0])
        name = found[1].lower() if found else ""
        if tag[0].startswith("&"):
            return " " if tag[0].lower() == "&nbsp;" else html.unescape(tag[0])
        # (a `<pre>` inside a line of other text: its lines are text, set apart by a space, and
        # what follows its end is the author's again)
        if tag[0].lower().startswith("</pre") and tag.end() != len(line):
            return " \u2014 "
        spaced = name in ("br", "pre") and tag.end() != len(line)
        if name == "br" and _TABLE_ROW.match(line):
            return tag[0]  # (a break in a table's cell parts its items: registers.py)
        if name in _OPENING or name in _CLOSING:
            return (_CLOSING if tag[0].startswith("</") else _OPENING).get(name, "")
        if re.fullmatch(r"h[1-6]", name):
            return "" if tag[0].startswith("</") else "#" * int(name[1]) + " "
        return _MARKS.get(name, " " if spaced else "")

    return _INLINE.sub(mark, line).rstrip()
