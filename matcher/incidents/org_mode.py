"""An Emacs org-mode file kept as the team's incident log (an ops log saved as `.md` so a wiki
shows it): its `*`-headings are read as Markdown's `#`-headings (a TODO keyword and the tags
after the title as `headings` reads them: `## DONE INC-7 title  :disk:`), the properties of its
`:PROPERTIES:` drawer as labels (`:INCIDENT: INC-7` as `**INCIDENT:** INC-7`), its
`#+BEGIN_EXAMPLE` / `#+BEGIN_SRC` blocks as fenced code and its `=verbatim=` and `~code~` as
code spans; its other drawers (`:LOGBOOK:`), planning lines (`CLOSED: […]`) and `#+KEYWORD:`
lines are left out. Only a file that is org (a `*`-heading and a `#+` keyword or a drawer) is
read so; a Markdown list's `* item` stays one. The line count is kept.
docs/incident-log-format.md ("Twenty-fourth round", **An org-mode file**) says the rule."""

from __future__ import annotations

import re

_HEADING = re.compile(r"^(\*{1,12})[ \t]+(.*?)(?:[ \t]+:[\w@#%:]+:)?[ \t]*$")
_KEYWORD = re.compile(r"^[ \t]*#\+(\w+)(?:\[[^\]]*\])?:", re.IGNORECASE)
_BLOCK = re.compile(r"^[ \t]*#\+(BEGIN|END)_(\w+)", re.IGNORECASE)
_DRAWER = re.compile(r"^[ \t]*:([\w-]+):[ \t]*$")
_PROPERTY = re.compile(r"^[ \t]*:([\w-]+):[ \t]+(.*?)[ \t]*$")
_PLANNING = re.compile(r"^[ \t]*(?:CLOSED|SCHEDULED|DEADLINE):[ \t]*[\[<]")
# `=verbatim=`, `~code~`: a mark with no space inside its ends, not inside a word
_VERBATIM = re.compile(r"(?<![\w=~`])([=~])(?=\S)([^=~`\n]*?\S)\1(?![\w=~`])")
_CODE_BLOCKS = {"example", "src"}


def _is_org(lines: list[str]) -> bool:
    headed = any(_HEADING.match(line) and line.startswith("*") for line in lines)
    marked = any(
        _KEYWORD.match(line) or line.strip().upper() in (":PROPERTIES:", ":LOGBOOK:")
        for line in lines
    )
    # (`**Severity:** high` is Markdown's bold, no heading: org's `*` is followed by a space)
    return headed and marked


def org_mode_read(text: str) -> str:
    """The log with an org-mode file read as the Markdown it stands for; else as it is."""
    if "#+" not in text and ":PROPERTIES:" not in text.upper():
        return text
    lines = text.split("\n")
    if not _is_org(lines):
        return text
    in_block = ""  # the code block's kind (`example`), while inside one
    drawer = ""  # the drawer's name (`properties`), while inside one
    for at, line in enumerate(lines):
        block = _BLOCK.match(line)
        if in_block:
            if block and block[1].upper() == "END":
                lines[at] = "```" if in_block in _CODE_BLOCKS else ""
                in_block = ""
            continue
        if block and block[1].upper() == "BEGIN":
            in_block = block[2].lower()
            lines[at] = "```" if in_block in _CODE_BLOCKS else ""
            continue
        lines[at] = _read_line(line, drawer)
        opened = _DRAWER.match(line)
        if opened:
            drawer = "" if opened[1].upper() == "END" else opened[1].lower()
    return "\n".join(lines)


def _read_line(line: str, drawer: str) -> str:
    if _DRAWER.match(line) or _KEYWORD.match(line) or _PLANNING.match(line):
        return ""
    if drawer:
        field = _PROPERTY.match(line) if drawer == "properties" else None
        return f"**{field[1]}:** {field[2]}" if field else ""
    heading = _HEADING.match(line)
    if heading and line.startswith("*"):
        return f"{'#' * min(len(heading[1]), 6)} {_spans(heading[2])}"
    return _spans(line)


def _spans(text: str) -> str:
    return _VERBATIM.sub(lambda m: f"`{m[2]}`", text)
