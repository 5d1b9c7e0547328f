"""A screenshot's alt text as a post on a social network carries it (`alt text: log screenshot:
"ERROR upload for user 1742 failed …"`): the label is the platform's, the description says what
the picture is, and the quote in it is the text the picture shows, its line breaks written as
` / `. Such a line is read as its description and quote, each line of the picture quoted on its
own. docs/incident-log-format.md ("Twenty-first round", **Alt text**) says the rule."""

from __future__ import annotations

import re

# The platform's label at the start of a line, perhaps in a list or a quote, in brackets or not
_ALT = re.compile(
    r"^(?P<lead>[ \t>]*(?:[-*+][ \t]+)?)\[?(?:alt(?:[ \t-]?text)?|image description|img alt"
    r"|description of (?:the )?(?:image|screenshot))[ \t]*\]?[ \t]*:[ \t]*",
    re.IGNORECASE,
)
# The picture's text, in double quotes, to the end of the line
_SHOWN = re.compile(r'"(?P<shown>[^"\n]*(?:"[^"\n]*)*)"[ \t.]*$')
# A line break of the picture, as alt text writes one (`throw er; / ^ / Error: …`)
_BREAK = " / "


def alt_text_read(text: str) -> str:
    """The log with each alt-text line's label taken off and the lines of its picture quoted
    one by one (`"a / b"` as `"a" then "b"`). The line count is kept."""
    lines = text.split("\n")
    for at, line in enumerate(lines):
        found = _ALT.match(line)
        if found is None:
            continue
        rest = line[found.end() :]
        shown = _SHOWN.search(rest)
        if shown and rest.count(_BREAK, shown.start()) >= 1:
            parts = [p.strip() for p in shown["shown"].split(_BREAK) if p.strip()]
            rest = rest[: shown.start()] + " then ".join(f'"{p}"' for p in parts)
        lines[at] = found["lead"] + rest
    return "\n".join(lines)
