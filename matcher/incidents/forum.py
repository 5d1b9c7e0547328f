"""A forum topic (Discourse's `**ruth.o** · post #13`) where each incident is a post and a reply
quotes part of an earlier post to correct it (`[quote="kaspar, post:12"]…[/quote]` then `That's
the inventory upstream, not orders`). The answer is read after the line of the post it quotes,
as a correction in place; a quote that is no line of the post is read with its answer as that
incident's evidence, under a heading that names the incident (appendices.py moves it there).
`[details]` blocks are their content. The line count is kept. docs/incident-log-format.md
("Twenty-first round", **A forum topic**) says the rule."""

from __future__ import annotations

import re

from matcher.incidents.headings import INCIDENT_ID

_POST = re.compile(r"(?i)\bpost\s*#\s*(\d{1,4})\b")
_QUOTE = re.compile(r'^\s*\[quote="[^"\n]*?\bpost:\s*(\d{1,4})[^"\n]*"\]\s*$', re.IGNORECASE)
_UNQUOTE = re.compile(r"^\s*\[/quote\]\s*$", re.IGNORECASE)
_DETAILS = re.compile(r'^\s*\[/?details(?:="[^"\n]*")?\]\s*$', re.IGNORECASE)
_OWN_ID = re.compile(rf"^(?:#{{1,6}}\s.*?|\W*\*\*Incident ID:?\*\*:?\s*)\b({INCIDENT_ID})\b")


def forum_replies_read(text: str) -> str:
    """The log with each reply that quotes an incident's post read as that incident's evidence;
    else as it is."""
    lines = text.split("\n")
    if not any(_QUOTE.match(line) for line in lines):
        return text
    owners: dict[str, str] = {}  # post number -> the incident it opens
    post, own = "", False
    posts: list[tuple[str, bool]] = []  # each line's post, and whether that post opens one
    for line in lines:
        header = _POST.search(line) if len(line) < 80 else None
        if header:
            post, own = header[1], False
        found = _OWN_ID.match(line)
        if found and post and post not in owners:
            owners[post], own = found[1], True
        posts.append((post, own))
    own_posts = {p for p, o in posts if o}
    for at, line in enumerate(lines):
        quoted = _QUOTE.match(line)
        if quoted and quoted[1] in owners and posts[at][0] not in own_posts:
            post_lines = [i for i, (p, _) in enumerate(posts) if p == quoted[1]]
            if not _answered_in_place(lines, at + 1, post_lines):
                lines[at] = f"### Evidence for {owners[quoted[1]]}"
                _answer_joined(lines, at + 1)
        elif _DETAILS.match(line):
            lines[at] = ""
    return "\n".join(lines)


def _bounds(lines: list[str], start: int) -> tuple[int, int, int] | None:
    """The quote's end, and the first and past-the-last line of the answer after it."""
    end = next((i for i in range(start, len(lines)) if _UNQUOTE.match(lines[i])), None)
    if end is None:
        return None
    reply = end + 1
    while reply < len(lines) and not lines[reply].strip():
        reply += 1
    stop = reply
    while stop < len(lines) and lines[stop].strip():
        stop += 1
    return end, reply, stop


def _answered_in_place(lines: list[str], start: int, post_lines: list[int]) -> bool:
    """The answer put after the line it quotes, in the quoted post (a reply's correction is read
    where the post said it), the reply blanked; False when the quote is no line of the post."""
    bounds = _bounds(lines, start)
    quote = [line.strip() for line in lines[start : bounds[0]] if line.strip()] if bounds else []
    if not bounds or len(quote) != 1 or len(quote[0]) < 12:
        return False
    said = next((i for i in post_lines if quote[0] in lines[i]), None)
    if said is None:
        return False
    _, reply, stop = bounds
    answer = " ".join(line.strip() for line in lines[reply:stop])
    ended = lines[said].rstrip()
    lines[said] = f"{ended}{'' if ended[-1:] in '.!?' else '.'} {answer}"
    lines[start - 1 : stop] = [""] * (stop - start + 1)
    return True


def _answer_joined(lines: list[str], start: int) -> None:
    """The quote's lines and the paragraph after its end one paragraph, in place."""
    bounds = _bounds(lines, start)
    if bounds is None:
        return
    end, reply, stop = bounds
    # (a quoted line of the log's, no backticks in it, as code: the answer's first line goes
    # on from it, where a pasted line would stand alone)
    quote = [
        line if "`" in line else f"`{line.strip()}`" for line in lines[start:end] if line.strip()
    ]
    if quote and quote[-1].rstrip()[-1:] not in ".!?":
        quote[-1] = quote[-1].rstrip() + "."  # (the quote ends before the answer's sentence)
    # (a blank line under the heading: no item before it goes on in the answer; the quote's
    # end and the blank line after it leave room for it)
    joined = ["", *quote, *lines[reply:stop]]
    lines[start:stop] = joined + [""] * (stop - start - len(joined))
