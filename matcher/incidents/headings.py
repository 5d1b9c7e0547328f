"""An incident's id in its heading, however a team writes the heading around it (`## INC-7:
Title`, `## 🟠 INC-7 …`, `## Report No. INC-7 : …`, `## 2026-11-25 Tue — INC-7 …`)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from matcher.incidents.labels import label_name, misspelt_label

# An incident's id as teams write it (`INC-7`, `INC-2024-003`, `SEV-PM-12a`)
INCIDENT_ID = r"[A-Z][A-Z0-9]*(?:-[A-Z][A-Z0-9]*)*-\d[\w-]*(?<!-)"

# The word for an incident in the languages teams write headings in
INCIDENT_WORDS = "|".join(
    (
        "incidente|incidencia|vorfall|störung|storing|incidens|incidentas|incidents|insiden",
        "incydent|olay|инцидент|інцидент|συμβάν|περιστατικό|häiriö|poikkeama|hændelse",
        "händelse|hendelse|ঘটনা|حادثه|حادثة|אירוע|เหตุการณ์|sự cố|장애|사고|tukio|hitilafu",
    )
)
HEADING_ID = re.compile(
    # (an org-mode keyword before the id: `## DONE INC-7 Title   :kafka:P2:`)
    # (a status emoji before the id: `## 🟠 INC-PM-106 Title`, as a wiki exports it)
    # ... a tag in brackets: `## [SEV2] INC-7 …`, `## [RESOLVED] INC-7 …`; a notebook's date
    # (`## 2026-11-25 Tue — INC-7 …`); the word for a report in Japanese or Chinese (`障害報告`)
    r"^(?:[^\w\s\[#]+\s*)*(?:\[[^\]\s]{1,12}\]\s+)*"
    # ... an issue tracker's number (`## #4821 · [INC-7] Title`, as GitHub exports it)
    # (... or a task's, `## T4820 [INC-7] Title`, as Phabricator's Maniphest names one)
    r"(?:(?:#|T)\d{1,7}\s*[\u00b7:|\u2013\u2014-]?\s+)?"
    # (... or spaced apart: a plain-text journal's banner `2026-12-03   INC-7   title`)
    r"(?:\d{4}-\d\d-\d\d(?:\s+\w{2,9}\.?)?(?:\s+\([^)]{1,20}\))?\s+(?:[\u2013\u2014-]\s+)?)?"
    # ... a word or two and a colon: `## Thread: INC-7 …`, `## Post-incident review: INC-7`,
    # `# Postmortem: [INC-7] …` (an Opsgenie or PagerDuty export)
    # (... a section's number: `## 2. Incident INC-7`, `### 2.1 INC-7 — …`)
    r"(?:\d{1,2}(?:\.\d{1,2}){0,3}\.?\s+)?(?:(?:TODO|DONE|NEXT|WAITING|HOLD|CANCELL?ED)\s+)?"
    r"(?:[A-Z][\w-]*(?: [\w-]+)?:\s+(?=\[?[A-Z][A-Z0-9]*-))?"
    r"\[?(?i:(?:incident|report|record|problem|event|ticket|case|postmortem|card|no\.?|nr\.|number"
    # ... the word for an incident in another language (`## Συμβάν INC-7 — …`)
    rf"|{INCIDENT_WORDS}|[\u3040-\u30ff\u4e00-\u9fff]{{1,8}}):?\s+){{0,3}}"
    rf"(?P<id>{INCIDENT_ID})\]?"
    r"(?:\s*[:|\u2013\u2014\u00b7-]\s*|\s+|$)(?P<title>.*)$"
)


def plain(text: str) -> str:
    return re.sub(r"\*\*|__", "", text).strip()


def heading_id(heading: str | None) -> tuple[str, str] | None:
    """`INC-2024-003: Title` -> (`INC-2024-003`, `Title`)."""
    match = HEADING_ID.match(plain(heading)) if heading else None
    if not match and heading and (inside := one_id_inside(plain(heading))):
        return inside
    if not match:
        # (a fix commit's subject with the id it closes at its end: `fix(gateway): fail fast
        # when inventory refuses connections (INC-PM-109)`)
        # (... a subject, not a section's name: `### Symptoms (INC-7)` names no incident)
        last = _LAST_ID.search(plain(heading)) if heading else None
        subject = plain(heading or "")[: last.start()].strip() if last else ""
        return (last["id"], subject) if last and len(subject.split()) >= 3 else None
    found, title = match["id"], match["title"]
    # (a ticket's or known error's number, then the incident's: `KE-0412 · INC-7 — …`,
    # `NOC-48812 / INC-7 — …`; ITIL tools number incidents INC-…, problems PRB-…)
    second = _SECOND_ID.match(title)
    if second and not found.upper().startswith("INC") and second["id"].upper().startswith("INC"):
        found, title = second["id"], second["title"]
    # (org-mode tags after the title are no part of it)
    return found, _TAGS.sub("", title).strip()


_SECOND_ID = re.compile(
    # (`·`, `/`, `|`, `,`, or an arrow: `## BUG-4471 → INC-7: …`, escalated to the incident)
    r"^(?:[\u00b7/|,\u2192]|->)?\s*(?P<id>[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*-\d[\w-]*)(?<!-)"
    r"(?:\s*[:|\u2013\u2014-]\s*|\s+|$)(?P<title>.*)$"
)


_TAGS = re.compile(r"\s+:(?:[\w@#%-]+:)+\s*$")

_LAST_ID = re.compile(rf"\s*[(\[](?P<id>{INCIDENT_ID})[)\]]\s*$")


# One id after a dash, a dot or a colon, the heading's words around it (`## Post 1 — INC-7: The
# port`, `## Why does the batch fail? · INC-7`,
# `## 🎧 Huddle in #inc-ratelimit — INC-7`, `## Slide 5 — INC-7 · The port`, `## Memo 1 — INC-7,
# nginx won't start`)
_ID_INSIDE = re.compile(
    # (... or after an arrow: a build review's `## Build #2291 — deploy/thumbs → INC-7`)
    rf"(?:^|\s[\u2013\u2014\u00b7|\u2192-]\s+|\s[-=]>\s+|:\s+)(?P<id>{INCIDENT_ID})"
    # (... or words after it: `## Wed 2026-12-09 — 16:40 — INC-7 export endpoint`)
    r"(?=$|\s*[:\u2013\u2014\u00b7|,-]\s|\s)"
)


# The heading's one id at its end, a word or two before it in its last part after a
# separator (a CI review's `## Build #4821 \u00b7 shop/orders-api \u00b7 postmortem INC-7`,
# `## Deploy 212 \u2014 see INC-7`): what the build was, then the incident it led to
_ID_ENDS = re.compile(
    rf"\s[\u2013\u2014\u00b7|\u2192-]\s+(?:[^\W\d][\w-]*\s+){{1,2}}\[?(?P<id>{INCIDENT_ID})\]?\s*$"
)


def one_id_inside(text: str) -> tuple[str, str] | None:
    """The id a heading names after its own words, when it names exactly one, and the title
    around it; a section's name before it (`### Symptoms — INC-7`) is no incident's heading."""
    found = list(_ID_INSIDE.finditer(text))
    if not found and len(re.findall(rf"(?<![\w-]){INCIDENT_ID}", text)) == 1:
        found = list(_ID_ENDS.finditer(text))
    if len(found) != 1:
        return None
    if found[0].re is _ID_ENDS:  # (the title is what the heading says before the id's part)
        before = text[: found[0].start()].strip(" :\u2013\u2014\u00b7|-")
        return (found[0]["id"], before) if label_name(before, loose=True) is None else None
    before = text[: found[0].start()].strip(" :\u2013\u2014-")
    after = text[found[0].end() :].strip(" :\u2013\u2014-")
    if before and label_name(before, loose=True) is not None:
        return None
    return found[0]["id"], after or before


def lone_id(names: Iterable[str], values: Iterable[str], foreign: bool = False) -> str | None:
    """The id that a label of a name we do not know holds alone (`**Hodisa ID:** INC-7`,
    Bugzilla's `See Also: INC-7`), when no other such label holds another. (A misspelt label's
    is none: `**Incidnet ID:**` gets its "did you mean"; unless the block is `foreign`, no label
    of it known, where a label close to one we know is as likely another language's word:
    Haitian Creole's `**ID Ensidan:**` beside Indonesian's `ID Insiden`.)"""
    pairs = list(zip(names, values, strict=True))
    # (... but a block whose every label is close to one we know is misspelt, not foreign)
    foreign = foreign and not all(misspelt_label(n) for n, _ in pairs)
    read = (v.strip("*_`[] ") for n, v in pairs if foreign or not misspelt_label(n))
    ids = {v for v in read if re.fullmatch(INCIDENT_ID, v)}
    return ids.pop() if len(ids) == 1 else None
