"""A collapsed toggle (HTML's `<details>`, as Nuclino, Notion and GitLab export them) whose
`<summary>` says its content is not this incident (`▸ Things that looked related but were not`,
`Not the OOM`, `what came after (not the cause)`, `Lines that look scary but are
consequences`): read as a section of that kind, `**… (not related):**`, so the log texts listed
in it are set aside as a `Not related` section's are, whatever each item says. The toggle's
`<details>` and `</details>` lines are read as blank lines; a toggle with another summary (`▸
Pasted logs`), or one that more of the section follows, is left as it is. The line count is
kept. docs/incident-log-format.md ("Thirty-sixth round") says the rule."""

from __future__ import annotations

import re

_SUMMARY = re.compile(
    r"^\s*(?:<details(?:\s[^>]*)?>\s*)?<summary(?:\s[^>]*)?>\s*(?P<title>.*?)\s*</summary>\s*$",
    re.IGNORECASE,
)
_OPEN = re.compile(r"^\s*<details(?:\s[^>]*)?>\s*$", re.IGNORECASE)
_CLOSE = re.compile(r"^\s*</details>\s*$", re.IGNORECASE)
# a summary that denies what it folds away
_DENIES = re.compile(
    r"(?i)\b(?:not|unrelated|red herrings?|false leads?|ruled out|consequences?|noise"
    r"|side[- ]effects?|knock-on)\b"
)
# (a toggle icon before the title: `▸`, `▶`, `►`, `🔎`)
_ICON = re.compile(r"^[^\w(\"'`]+")
# what may follow the toggle: the next section (a heading, a rule) or the end
_NEXT = re.compile(r"^\s*(?:#{1,6}\s|(?:-{3,}|\*{3,}|_{3,})\s*$)")


def details_toggles_read(text: str) -> str:
    """The log with each toggle whose summary sets its content aside read as a `not related`
    section; else as it is."""
    if "<summary" not in text.lower():
        return text
    lines = text.split("\n")
    for at, line in enumerate(lines):
        found = _SUMMARY.match(line)
        if found is None or not _DENIES.search(found["title"]):
            continue
        close = next((i for i in range(at + 1, len(lines)) if _CLOSE.match(lines[i])), None)
        if close is None:
            continue
        after = next((x for x in lines[close + 1 :] if x.strip()), "")
        if after and not _NEXT.match(after):
            continue
        title = _ICON.sub("", found["title"]).strip().rstrip(":")
        lines[at] = f"**{title} (not related):**"
        lines[close] = ""
        if at and _OPEN.match(lines[at - 1]):
            lines[at - 1] = ""
    return "\n".join(lines)
