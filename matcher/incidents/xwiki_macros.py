"""A page exported from XWiki with its macros left in (XWiki 2.x syntax): `{{code
language="none"}}` … `{{/code}}` and `{{noformat}}` … `{{/noformat}}` are its code blocks, read
as fences, so the pasted log is the block's lines and the closing macro no part of its last one;
a box macro alone on its line (`{{info}}`, `{{warning}}` … `{{/warning}}`) sets its body off as
a paragraph of its own, read as a blank line, so a verdict in the box is about what the box says,
not about the paragraph before it. The line count is kept. docs/incident-log-format.md
("Thirty-sixth round") says the rule."""

from __future__ import annotations

import re

_CODE = re.compile(r"^\s*\{\{/?(?:code|noformat)(?:\s+[^}\n]*)?\}\}\s*$")
_BOX = re.compile(r"^\s*\{\{/?(?:info|warning|error|success|box|note|tip)(?:\s+[^}\n]*)?\}\}\s*$")


def xwiki_macros_read(text: str) -> str:
    """The log with XWiki's code macros as fences and its box macros as blank lines, when it
    has a code macro or a box macro closed on its own line; else as it is."""
    if "{{/" not in text:
        return text
    lines = text.split("\n")
    code = False
    for at, line in enumerate(lines):
        if _CODE.match(line):
            # (the closing macro closes only an open block: `{{/code}}` alone is left)
            opening = not line.lstrip().startswith("{{/")
            if opening != code:
                code = opening
                lines[at] = "```"
        elif not code and _BOX.match(line):
            lines[at] = ""
    return "\n".join(lines)
