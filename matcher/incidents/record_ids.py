"""The incident a ticket's or a pull request's section is about, when its heading names none: a
helpdesk ticket (`## #INC-40217 — Checkout 500s`, the helpdesk's own number) whose agent's note
says `Postmortem: INC-7`, a pull request (`## checkout/gateway · Pull request #1184: …`) whose
description says `Fixes INC-7` or `For INC-7.`, whose branch is `fix/INC-7-prod-hosts`, or whose
reviewer writes `Tracking as INC-7` / `Linking this to INC-7`. `linked.linked_read` asks here
after its own links; the section then reads as that incident's (`## INC-7: …`).

Words that say which incident the record is, not words that mention one in passing (`same as
INC-7`, `see INC-7`, `unlike INC-7`): those name no record's incident. A section nested under an
incident's heading is a part of it, and an id that a heading or an id label of the document
defines is that incident's own section's: neither is taken. Several ids named: none. A support
conversation (Intercom, Zendesk, Help Scout, Front) says it by its tags or an engineer's `Opened
INC-7.` in a note. docs/incident-log-format.md ("Twenty-ninth round", "Thirtieth round") says
the rules."""

from __future__ import annotations

import re

from matcher.incidents.headings import INCIDENT_ID, heading_id
from matcher.incidents.labels import label_name

_HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t]*$")
# (one id, not a range's or a list's first: `Incident: INC-1 .. INC-7`, `fixes INC-1, INC-2`)
_ID = (
    rf"(?P<id>{INCIDENT_ID})(?![\w-])"
    r"(?!\s*(?:\.\.|[,/&\u2013\u2014-]|\b(?:to|through|and|or)\b)\s*[*_\[`]*[A-Z][A-Z0-9]*-)"
)
_MARKS = r"[\s*_\[`]*"
# Words that say which incident the record is, wherever they stand in it
_SAYS_WHICH = re.compile(
    r"(?:"
    # a postmortem's or an incident's reference: `Postmortem: INC-7`, `Postmortem is INC-7`,
    # `PIR = INC-7`, `Incident: INC-7` (an agent's note where the ticket's field was left empty)
    r"\b(?i:post[- ]?mortem|pir|rca|incident|retro(?:spective)?)"
    r"(?:\s+(?i:ref(?:erence)?|id|doc(?:ument)?|page))?(?:\s*[:=]|\s+(?i:is|will\s+be)\b)"
    # ... a followup's report of the postmortem made of the ticket, where the ticket's field
    # was left empty (`Postmortem opened for this one: INC-7`, `Postmortem written as INC-7`)
    r"|\b(?i:post[- ]?mortem|pir|rca|retro(?:spective)?)\s+(?i:(?:is\s+|was\s+|now\s+)?"
    r"(?:opened|written(?:\s+up)?|filed|created|started|drafted|raised))"
    r"(?:\s+(?i:for\s+(?:this|the)\s+(?:one|ticket|issue|case|request)))?(?:\s*:|\s+(?i:as))"
    # ... or an agent's `this is INC-7` (`This one is INC-7`, `this ticket is INC-7`)
    r"|\b(?i:this(?:\s+(?:one|ticket|issue|case|request))?\s+is)"
    # ... a pull request's closing keyword, anywhere in its text as GitHub, GitLab and Bitbucket
    # read it (`Fixes INC-7`, `Closes INC-7`, `Resolved INC-7`)
    r"|\b(?i:fix(?:es|ed)|close[sd]|resolve[sd])"
    # ... a reviewer's or a triager's `Tracking as INC-7`, `filed as INC-7`
    r"|\b(?i:track(?:ed|ing)|filed|logged|raised|declared)\s+(?i:(?:it|this)\s+)?(?i:as)"
    # ... a comment's `Linking this to INC-7 for the postmortem`, a helpdesk agent's note's
    # `Escalated to Platform, linked INC-7.`
    r"|\b(?i:link(?:ed|ing|s)?)\s+(?i:(?:it|this|the\s+pr)\s+)?(?i:to|with)"
    r"|\b(?i:linked)(?=\s+[*_\[`]*[A-Z])"
    rf"){_MARKS}{_ID}"
)
# ... an engineer's `Opened INC-7.` / `Created INC-7` in a support conversation's internal note
_OPENED = re.compile(rf"(?<![\w-])(?i:opened|created){_MARKS}{_ID}")
# ... or the id first, as a note closes (`… holds the lock for longer. INC-7 opened.`)
_ID_OPENED = re.compile(rf"(?<![\w-]){_ID}[*_\]`]*\s+(?i:(?:was\s+|is\s+)?(?:opened|created))\b")
# ... a support conversation's tags (Intercom, Zendesk, Help Scout and Front export them as a
# field: `- **Tags:** `checkout` `INC-7``, `Tags: billing, INC-7`): the tag is the link the
# support team keeps from the conversation to its incident
_ANY_ID = r"(?<![\w-])[A-Z][A-Z0-9]*(?:-[A-Z][A-Z0-9]*)*-\d[\w-]*(?<!-)"
_TAGS = re.compile(
    r"^(?:[-*+]\s+)?(?:\*\*|__)?(?i:tags?)(?:\*\*|__)?\s*:(?:\*\*|__)?\s*(?P<rest>.*)$"
)
# ... or a sentence that opens with the postmortem's word (`Postmortem INC-7.`)
_POSTMORTEM_FIRST = re.compile(rf"^\W*(?i:post[- ]?mortem|pir|rca)\s+{_MARKS}{_ID}")
# A short sentence that is the id (`INC-7.` opening or closing a description, an agent's reply's
# `(INC-7)`), or the few words
# of a description's first line before it with `for` (`For INC-7.`, `Fix + review for INC-7.`)
_SHORT = re.compile(
    rf"^(?:(?P<words>(?:[\w+&/'-]+\s+){{0,3}})(?i:for)\s+)?\(?{_MARKS}{_ID}[*_\]`]*\)?[.!:]?$"
)
# ... any id the section names, a branch's cut at its name (`INC-7-kafka-bootstrap`)
_MENTIONED = re.compile(r"(?<![\w-])[A-Z][A-Z0-9]*(?:-[A-Z][A-Z0-9]*)*-\d+(?:-\d+)*")
# ... but not a comparison, a pointer or a denial (`Same fix as for INC-7.`, `Not INC-7.`)
_PASSING = re.compile(
    r"(?i)\b(?:same|like|as|see|also|not|unlike|similar|than|after|before|waiting|blocked|"
    r"unrelated|other|another|except)\b"
)
# A branch's name that opens with the id or has it after a prefix (`INC-7-kafka-bootstrap`,
# `fix/INC-7-prod-hosts`, a Jira key's convention), as a pull request shows its branches
_BRANCH = re.compile(
    r"`(?:[\w.-]+/)*(?P<id>[A-Z][A-Z0-9]*(?:-[A-Z][A-Z0-9]*)*-\d+(?:-\d+)*)(?:[-_/][\w./-]*)?`"
)
_MERGES = re.compile(r"\u2192|->|\b(?:into|from|branch|merge[ds]?)\b", re.IGNORECASE)
# A link field that answers no (`**Known issue?** No, new.`): the section says it is no known
# incident's
_DENIED = re.compile(
    r"^(?:\*\*|__)(?P<name>[^*_]{2,40}?)[ \t]*(?:\*\*|__)[ \t]*:?[ \t]*\W*(?i:no|none|new|n/a)\b"
)
_RULE = re.compile(r"^ {0,3}(?:-{3,}|\*{3,}|_{3,})\s*$")
_QUOTE = re.compile(r"^\s*(?:>\s*)+|^\s*\u21b3\s*")
_LIST = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s")
# an id label (`**Incident ID:** INC-7`, `- **Incident:** INC-7 (Severity: High)`), or one of
# a line of fields (`**Custom fields:** Incident ID: INC-7 \u00b7 Severity: SEV-3`)
_ID_LABEL = re.compile(
    r"(?:^\W*|[\u00b7|;]\s*|:(?:\*\*|__)\s+)(?:\*\*|__)?(?P<name>[^*_:\u00b7|;]{2,40}?)"
    rf"(?:\*\*|__)?\s*:(?:\*\*|__)?\s*\[?{_ID}\]?(?:\W*$|\s*[(\u00b7|,;\u2013\u2014])"
)


_OVER = re.compile(r"(?::(?:\*\*|__)|(?:\*\*|__):|:)\s*$")  # (a label with no value after it)


def defined_ids(lines: list[str], fenced: list[bool]) -> set[str]:
    """The ids the document gives an incident of its own: by a heading, or an id label."""
    ids: set[str] = set()
    for at, (line, code) in enumerate(zip(lines, fenced, strict=True)):
        heading = None if code else _HEADING.match(line)
        found = heading_id(heading[2]) if heading else None
        # (... or a form's label over its value: `**Incident ID:**`, then `INC-7`)
        over = at + 1 < len(lines) and _OVER.search(line) is not None
        below = lines[at + 1].strip() if over else ""
        labels = () if code or heading else _ID_LABEL.finditer(f"{line} {below}")
        ids.update((found[0],) if found else ())
        ids.update(m["id"] for m in labels if label_name(m["name"]) == "id")
    return ids


def record_id(lines: list[str], fenced: list[bool], at: int, defined: set[str]) -> str | None:
    """The one incident the section under the heading at ``at`` says it is about; None when the
    heading is nested under an incident's, or its section names no incident or several."""
    level = len(lines[at]) - len(lines[at].lstrip("#"))
    for above in range(at - 1, -1, -1):
        heading = None if fenced[above] else _HEADING.match(lines[above])
        if heading and len(heading[1]) < level:
            if heading_id(heading[2]) is not None:
                return None  # (a part of that incident: `## INC-7: …` then `### Follow-up`)
            break
    # (its own text, to the next heading or rule: a page's title over its records is none's)
    end = next(
        (
            i
            for i in range(at + 1, len(lines))
            if not fenced[i] and (_HEADING.match(lines[i]) or _RULE.match(lines[i]))
        ),
        len(lines),
    )
    denied = (_DENIED.match(line) for line in lines[at + 1 : end])
    if any(d and label_name(d["name"].rstrip(":"), True) == "related" for d in denied):
        return None  # (a CI triage's `**Known issue?** No, new. … CI-915.`: linked.py's)
    # (what the words say, and the short sentences that are an id: those only where the
    # section names no other id at all, `NOT INC-7. CI-912.` is a note's references)
    named: set[str] = set()
    short: set[str] = set()
    mentioned: set[str] = set()
    paragraph: list[str] = []
    for line, code in zip([*lines[at + 1 : end], ""], [*fenced[at + 1 : end], True], strict=True):
        text = "" if code else _QUOTE.sub("", line).strip()
        mentioned.update(_MENTIONED.findall(text))
        tags = _TAGS.match(text)
        # (every id among the tags, a list's too: several name none)
        tagged = set(re.findall(_ANY_ID, tags["rest"])) if tags else set()
        named.update(tagged if len(tagged) == 1 else ())
        if _MERGES.search(text):
            named.update(m["id"] for m in _BRANCH.finditer(text))
        # (a list's item is read on its own, a table's row not at all)
        item = bool(text) and (_LIST.match(text) is not None or text.startswith("|"))
        if text and not item and not _HEADING.match(text):
            paragraph.append(text)
            continue
        _said(" ".join(paragraph), named, short)
        paragraph = []
        if item and not text.startswith("|"):
            _said(text, named, None)
    named.update(short if len(mentioned) == 1 else ())
    named -= defined
    return named.pop() if len(named) == 1 else None


def _said(text: str, named: set[str], short: set[str] | None) -> None:
    """Add the ids a paragraph's words say the record is about to ``named``, those of its short
    sentences to ``short`` (None: a list's item, and a list of ids, `- INC-7`, names none)."""
    named.update(m["id"] for m in _SAYS_WHICH.finditer(text))
    named.update(m["id"] for m in _OPENED.finditer(text))
    named.update(m["id"] for m in _ID_OPENED.finditer(text))
    for sentence in re.split(r"(?<=[.!?])\s+", text):
        first = _POSTMORTEM_FIRST.match(sentence)
        named.update((first["id"],) if first else ())
        alone = _SHORT.match(sentence.strip()) if short is not None else None
        if short is not None and alone and not _PASSING.search(alone["words"] or ""):
            short.add(alone["id"])
