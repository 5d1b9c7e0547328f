"""An R Markdown or Quarto notebook rendered to Markdown: a chunk (```` ```{r} ````, ````
```{python} ````) is the author's code, not log text, and is left out; a code block whose every
line knitr prefixed with `## ` (a chunk's printed output, `## rq.timeouts.…: …`, or the author's
abridged paste of it) is read without that prefix, as the lines the log holds (R's `[1] ` before a
printed vector goes too). In a document with no chunk, a code block of `## ` lines (Markdown
headings shown as code) is left as it is. The line count is kept. docs/incident-log-format.md
("Twenty-second round", **A notebook's output**) says the rule."""

from __future__ import annotations

import re

from matcher.incidents.fences import code_blocks

_CHUNK = re.compile(r"^\s*(?:`{3,}|~{3,})\s*\{[A-Za-z]\w*[^}\n]*\}\s*$")
_PREFIX = re.compile(r"^(\s*)## ?(?:\[\d+\]\s+)?")


def knitr_output_read(text: str) -> str:
    """The log with a rendered notebook's chunks left out and their output unprefixed."""
    lines = text.split("\n")
    blocks = code_blocks(lines)
    if not any(_CHUNK.match(lines[at]) for at, _ in blocks):
        return text
    for at, end in blocks:
        if _CHUNK.match(lines[at]):
            lines[at : min(end + 1, len(lines))] = [""] * (min(end + 1, len(lines)) - at)
            continue
        body = [line for line in lines[at + 1 : end] if line.strip()]
        if body and all(_PREFIX.match(line) for line in body):
            for i in range(at + 1, end):
                lines[i] = _PREFIX.sub(r"\1", lines[i], count=1)
    return "\n".join(lines)
