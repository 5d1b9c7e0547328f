"""Log text as a person trims it when pasting it into prose: the lines between two cut out
with an elision (`socket.gaierror: … … urllib3.exceptions.NameResolutionError: …`), a note
after an arrow back at it (`… database or disk is full   ← sqlite`). docs/incident-log-format.md
("Twenty-first round", **Trimmed pastes**) says the rule."""

from __future__ import annotations

import re

from matcher.incidents.class_commas import class_colons as class_colons
from matcher.incidents.run_on import run_on_parts as run_on_parts

# An arrow back at the text, and the author's words after it to the end of the item (no quote
# in them: `"a" <- "b"` is a chain of log texts)
_ARROW_NOTE = re.compile(
    r"\s+(?:<-+|\u2190|\u27f5)\s+(?=[^\s\"'`\u201c]+(?:\s+[^\s\"'`\u201c]+)*$)"
)
# An elision before a module's error class: the lines between it and the text before are cut
_ELIDED_BREAK = re.compile(r"\s+(?:\u2026|\.{3})\s+(?=(?:[a-z_]\w*\.)+[A-Z]\w*:\s)")
# A banner line the text was joined to (V8's `<--- JS stacktrace --->` over `FATAL ERROR: …`)
_BANNER = re.compile(r"^<-{2,}[^<>\n]{0,40}-{2,}>\s+(?=\S)")
_CLASS_COLON = re.compile(r"\b[A-Za-z_][\w.]*(?:Error|error|Exception|Warning|Timeout):\s")


def without_arrow_note(text: str) -> str:
    """The item with the note after an arrow set off as a clause after a dash, which the
    verdicts read as they read any."""
    return _ARROW_NOTE.sub(" \u2014 ", text)


def elided_lines(text: str) -> list[str]:
    """The lines of a log text cut by elisions before an error class (a line before one only
    when it states an error of its own, not rq's `job 2117bf84-…: exception raised …`), a
    banner it was joined to left out; each line the errors prose ran together in it
    (run_on.py)."""
    text = _BANNER.sub("", text)
    *before, last = _ELIDED_BREAK.split(text)
    return [
        p for t in (*(b for b in before if _CLASS_COLON.search(b)), last) for p in run_on_parts(t)
    ]
