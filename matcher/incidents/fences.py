"""The opaque parts of an incident log: YAML front matter, code fences and HTML comments,
whose lines are code (a `---`, `##` or label inside them means nothing), and the lines of a
fenced ``diff`` that say what the log was before a fix."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from matcher.incidents.labels import LABELS

# A code fence, also indented inside a list item (`- Gateway log:` then `    ```…`).
FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
FRONT_MATTER_KEY = re.compile(r"^([A-Za-z_][\w -]*):(?:\s|$)")
# A fence alone, perhaps with its info string (```` ```json ````), never a code span.
FENCE_ALONE = re.compile(r"^(?:`{3,}|~{3,})[\w+.-]*\s*$")
_DIFF_FENCE = re.compile(r"^[ \t]*(?:`{3,}|~{3,})[ \t]*(?:diff|patch|udiff)\b", re.IGNORECASE)
# a diff's own lines, not the text it compares: file names, hunk ranges
# a fence of configuration (```` ```yaml ````, a workflow's steps, a unit file): no log's lines
_CONFIG_FENCE = re.compile(
    r"^[ \t]*(?:`{3,}|~{3,})[ \t]*(?:ya?ml|toml|ini|hcl|tf|terraform|dockerfile|properties|cfg"
    r"|conf|nginx|apacheconf|systemd)\s*$",
    re.IGNORECASE,
)
_DIFF_META = re.compile(r"^(?:\+\+\+|---|@@|diff --git |index [0-9a-f]+\.\.)")


def fence_closer(raw: str) -> Callable[[str], bool] | None:
    """For a line opening a code fence or an HTML comment, the test for the line closing it."""
    fence = FENCE.match(raw)
    if fence:
        mark = fence[1]
        return lambda line: (m := FENCE.match(line)) is not None and m[1].startswith(mark)
    comment = raw.find("<!--")
    if not raw[:comment].strip() and comment >= 0 and "-->" not in raw[comment:]:
        return lambda line: "-->" in line
    return None


def code_blocks(lines: Sequence[str]) -> list[tuple[int, int]]:
    """(opening fence, closing fence) of each fenced block, by index; an unclosed block ends
    at `len(lines)`. The text passes that read a block's lines in place use them."""
    blocks: list[tuple[int, int]] = []
    at = 0
    while at < len(lines):
        if opened := FENCE.match(lines[at]):
            end = next(
                (
                    e
                    for e in range(at + 1, len(lines))
                    if (m := FENCE.match(lines[e])) and _closes(m[1], opened[1])
                ),
                len(lines),
            )
            blocks.append((at, end))
            at = end
        at += 1
    return blocks


# A list item that opens with a fence (`- ```` then the block at the item's text column), as
# outliners export a pasted block; markdown.classify_all reads its lines so too.
_ITEM_FENCE = re.compile(r"^[ \t]*[-*+][ \t]+(`{3,}|~{3,})[\w+.-]*[ \t]*$")


def fenced_lines(lines: Sequence[str]) -> list[bool]:
    """Whether each line is inside a fenced code block, its fences included."""
    opener, fenced = "", []
    for line in lines:
        fence = FENCE.match(line) or (None if opener else _ITEM_FENCE.match(line))
        if fence and not opener:
            opener = fence[1]
        elif fence and _closes(fence[1], opener):
            fenced.append(True)
            opener = ""
            continue
        fenced.append(bool(opener))
    return fenced


def _closes(mark: str, opener: str) -> bool:
    # (a fence closes only with its own character, as long: a Buildkite log's `~~~ :docker:
    # Build` inside a ``` block is the log's)
    return mark[0] == opener[0] and len(mark) >= len(opener)


def unfenced(lines: list[str], at: int, end: int, read: Callable[[str], str]) -> None:
    """The fenced block from ``at`` to ``end`` read in place as Markdown: its fences blank, each
    line as ``read`` writes it (a chat log's messages, Gherkin's steps)."""
    lines[at + 1 : end] = [read(line) for line in lines[at + 1 : end]]
    lines[at] = ""
    if end < len(lines):
        lines[end] = ""


def front_matter(raws: Sequence[str]) -> int:
    """The number of lines of YAML front matter (`---`, `key: value` lines, `---`), else 0."""
    if not raws or raws[0].strip() != "---":
        return 0
    for number, raw in enumerate(raws[1:], start=2):
        if raw.strip() in ("---", "..."):
            return number
        key = FRONT_MATTER_KEY.match(raw)
        # An incident written with plain labels right after a rule is not front matter.
        field = LABELS.get(key[1].lower()) if key else None
        if (
            not raw.strip()
            or field not in (None, "other", "title", "date")
            or not (key or raw[0].isspace())
        ):
            return 0
    return 0


def note_properties(raws: Sequence[str], at: int) -> int:
    """The number of lines of a note's properties (`---`, `key: value` lines, `---`) starting
    at ``at`` right after a heading, as a vault exports each note under its title; else 0.
    Their rules cut no incident: the properties are the note's header fields."""
    before = next((r for r in reversed(raws[:at]) if r.strip()), "")
    if raws[at].strip() != "---" or not before.lstrip().startswith("#"):
        return 0
    for number, raw in enumerate(raws[at + 1 :], start=2):
        if raw.strip() == "---":
            return number if number > 2 else 0
        if not (FRONT_MATTER_KEY.match(raw) or (raw[:1].isspace() and raw.strip())):
            return 0
    return 0


def is_diff(opener: str) -> bool:
    """A fence that opens a diff (```` ```diff ````): a log before and after a fix."""
    return _DIFF_FENCE.match(opener) is not None


def is_config(opener: str) -> bool:
    """A fence that holds configuration, whose lines no log prints."""
    return _CONFIG_FENCE.match(opener) is not None


def before_the_fix(code: str) -> str | None:
    """A diff's line as the log said it before the fix: `- ERROR …` is what broke and is kept
    without its sign, a context line too; `+ INFO … ok` is how it looks once fixed, and the
    diff's headers and hunk ranges are no log text at all (None)."""
    if not code.strip() or _DIFF_META.match(code) or code.startswith("+"):
        return None
    return code[1:] if code[0] in "- " else code
