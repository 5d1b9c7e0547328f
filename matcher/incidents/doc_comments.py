"""A document's comment threads flattened by its Markdown export (Quip, Google Docs, Paper):
`💬 **Keiko Sato:** what about the `…` lines?` under the paragraph they were anchored to, the
replies on the lines after it. A thread is one conversation about one passage, so it is read as
one bullet, its replies as wrapped lines of it: the verdict of a reply (`no — that's the
startup self-check. Not a symptom.`) is then on the log text the question quoted, and the
thread is no part of the paragraph above it. The line count is kept. docs/incident-log-format.md
("Thirty-fourth round") says the rule."""

from __future__ import annotations

import re

# A comment: the speech balloon, its author in bold or plain, a colon, what they wrote
# (`💬 **Ruth Mbeki:** no — …`, `💬 Ruth Mbeki: no — …`)
_COMMENT = re.compile(
    r"^\U0001f4ac\ufe0f?\s+(?:\*\*[^*\n]{2,40}?:?\*\*:?|@?[\w.'-]+(?: [\w.'-]+){0,3}:)"
    r"\s*(?P<said>.*)$"
)


def doc_comments_read(text: str) -> str:
    """The log with each flattened comment thread read as one bullet; else as it is."""
    if "\U0001f4ac" not in text:
        return text
    lines = text.split("\n")
    in_thread = False
    for at, line in enumerate(lines):
        comment = _COMMENT.match(line)
        if comment:
            said = comment["said"].strip()
            # (the first comment opens the thread's item; each reply goes on with it)
            lines[at] = f"  {said}" if in_thread else f"- {said}"
            in_thread = True
        elif in_thread and line.strip() and not line.startswith(("#", "|", "```", "- ", "* ")):
            lines[at] = f"  {line.strip()}"  # (a comment's wrapped line)
        else:
            in_thread = False
    return "\n".join(lines)
