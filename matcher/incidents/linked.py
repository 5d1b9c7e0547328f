"""A page whose sections are things linked to an incident rather than incidents: a CI triage
page's failing tests (`### test_upload_over_limit`, then `**Known issue?** INC-7
(client_max_body_size)`), a ticket's heading over `**Linked incident:** INC-7`. When the first
line under a heading is such a link (a label that `labels` reads as `related`) whose value opens
with one id (after a `Yes —` or a mark), the heading is read as that incident's (`### INC-7:
test_upload_over_limit`). A section whose link answers no (`**Known issue?** No, new. …
NOT INC-7.`) or names several stays as it is. A section with no such link whose words say which
incident it is about (a helpdesk ticket's `Postmortem: INC-7`, a pull request's `Fixes INC-7`)
is read so by `record_ids`. The line count is kept. docs/incident-log-format.md
("Twenty-fourth round", **A CI triage page**; "Twenty-ninth round") says the rules."""

from __future__ import annotations

import re

from matcher.incidents.fences import fenced_lines
from matcher.incidents.headings import INCIDENT_ID, heading_id
from matcher.incidents.labels import label_name
from matcher.incidents.linked_keys import COMMENT_OPENS, TRIAGE_NOTE, bare_key, key_linked
from matcher.incidents.record_ids import defined_ids, record_id

_HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t]*$")
# `**Known issue?** …`, `**Linked incident:** …`, `**Related incident**: …`
_LINK = re.compile(
    r"^(?:\*\*|__)(?P<name>[^*_]{2,40}?)[ \t]*(?:\*\*|__)[ \t]*:?[ \t]*(?P<rest>.*)$"
)
# ... whose value opens with the id (`INC-7 (…)`, `✅ Yes — INC-7`, `[INC-7](…)`)
_OPENS_WITH_ID = re.compile(rf"^[^\w]*(?:(?i:yes)\b[^\w]*)?\[?(?P<id>{INCIDENT_ID})\b")
_NEAR = 3  # (lines under the heading the link may be on, blank ones included)
_LINK_FIELDS = {"links", "link", "linked", "linked to", "linked issues", "linked items"}


def linked_read(text: str) -> str:
    """The log with each heading over a link to one incident as that incident's heading."""
    # (the links are bold labels; a ticket's or a pull request's words may be plain)
    bold = "**" in text or "__" in text
    if not bold and not re.search(INCIDENT_ID, text):
        return text
    lines = text.split("\n")
    fenced = fenced_lines(lines)
    # (the ids the document's own incidents have, as written, not as linked here)
    defined = defined_ids(lines, fenced)
    for at, line in enumerate(lines):
        heading = None if fenced[at] else _HEADING.match(line)
        own = heading_id(heading[2]) if heading else None
        if heading is None or (own is not None and not bare_key(own, heading[2])):
            continue
        if own is not None:  # (an error tracker's issue key: linked_keys.py)
            keyed = key_linked(own[0], _linked_in_section(lines, fenced, at))
            # (the key in code: a title, not a second id that `heading_id` would take)
            lines[at] = f"{heading[1]} {keyed} \u2014 `{own[0]}`" if keyed else line
            continue
        below = next((t.strip() for t in lines[at + 1 : at + 1 + _NEAR] if t.strip()), "")
        linked = bold and (
            _linked_id(below)
            or _linked_in_fields(lines, at)
            or _linked_in_section(lines, fenced, at)
        )
        if not linked:
            # (a ticket or a pull request that says which incident it is about: record_ids.py)
            linked = record_id(lines, fenced, at, defined)
        if linked:
            lines[at] = f"{heading[1]} {linked}: {heading[2]}"
    return "\n".join(lines)


# An id the section's author links it to in passing: after an arrow (`→ **INC-7**`, `-> INC-7`)
# or `Linked to INC-7`, as a maintainer answers a CI failure's comment or a Sentry issue's
# first activity note says it.
_LINKED_TO = re.compile(
    r"(?:\u2192|[-=]>|\b(?i:linked\s+(?:to|with)(?:\s+(?:the\s+)?(?:postmortem|incident))?)"
    # (... or a triager's `this is **INC-7**`, or a triage note that opens with it)
    r"|\b(?i:this\s+(?:is|was))|" + TRIAGE_NOTE + "|" + COMMENT_OPENS + ")"
    rf"[\s*_\[]*(?P<id>{INCIDENT_ID})(?![\w-])"
)


def _linked_in_fields(lines: list[str], at: int) -> str | None:
    """The id of a link among the fields under the heading (a helpdesk ticket's `**State:** …`,
    `**Customer:** …`, `**Links:** INC-7 (postmortem)`): its first paragraph, one link."""
    start = next((i for i in range(at + 1, min(at + 4, len(lines))) if lines[i].strip()), None)
    if start is None:
        return None
    end = next((i for i in range(start, len(lines)) if not lines[i].strip()), len(lines))
    found = {_linked_id(line.strip()) for line in lines[start : min(end, start + 8)]} - {None}
    return found.pop() if len(found) == 1 else None


_ENDS_ID = re.compile(rf"{INCIDENT_ID}\W*$")


def _linked_in_section(lines: list[str], fenced: list[bool], at: int) -> str | None:
    """The one id the section under the heading at ``at`` is linked to, up to the next heading
    (several such ids: a summary that lists them, no incident's section)."""
    end = next((i for i in range(at + 1, len(lines)) if _HEADING.match(lines[i])), len(lines))
    named: set[str] = set()
    for line, code in zip(lines[at + 1 : end], fenced[at + 1 : end], strict=True):
        # (not a range's end: `INC-106 \u2192 INC-113`)
        ranges = [m for m in _LINKED_TO.finditer(line) if _ENDS_ID.search(line[: m.start()])]
        named.update(() if code else (m["id"] for m in _LINKED_TO.finditer(line)))
        # (... or a triager's link field under the failure: `**Linked:** INC-7 — the fd leak`)
        field = None if code else _linked_id(line.strip())
        named.update((field,) if field else ())
        named.difference_update(m["id"] for m in ranges)
    return named.pop() if len(named) == 1 else None


def _linked_id(line: str) -> str | None:
    link = _LINK.match(line)
    name = link["name"].rstrip(":?").strip() if link else ""
    # (a ticket's `Links:` field, which names the incident it is linked to, too)
    if link is None or (label_name(name, True) != "related" and name.lower() not in _LINK_FIELDS):
        return None
    value = link["rest"]
    opens = _OPENS_WITH_ID.match(value)
    named = set(re.findall(INCIDENT_ID, value))
    return opens["id"] if opens and len(named) == 1 else None
