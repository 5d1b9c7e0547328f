"""An incident's id in its heading, however a team writes the heading around it (`## INC-7:
Title`, `## 🟠 INC-7 …`, `## Report No. INC-7 : …`, `## 2026-11-25 Tue — INC-7 …`)."""

from __future__ import annotations

import re

HEADING_ID = re.compile(
    # (a status emoji before the id: `## 🟠 INC-PM-106 Title`, as a wiki exports it)
    # ... a tag in brackets: `## [SEV2] INC-7 …`, `## [RESOLVED] INC-7 …`; a notebook's date
    # (`## 2026-11-25 Tue — INC-7 …`); the word for a report in Japanese or Chinese (`障害報告`)
    r"^(?:[^\w\s\[#]+\s*)*(?:\[[^\]\s]{1,12}\]\s+)*"
    r"(?:\d{4}-\d\d-\d\d(?:\s+\w{2,9}\.?)?(?:\s+\([^)]{1,20}\))?\s+[\u2013\u2014-]\s+)?"
    r"(?:\d{1,2}\.\s+)?\[?(?i:(?:incident|report|record|problem|event|ticket"
    r"|case|postmortem|card|no\.|nr\.|number|[\u3040-\u30ff\u4e00-\u9fff]{1,8}):?\s+){0,3}"
    r"(?P<id>[A-Z][A-Z0-9]*(?:-[A-Z][A-Z0-9]*)*-\d[\w-]*)(?<!-)\]?"
    r"(?:\s*[:|\u2013\u2014-]\s*|\s+|$)(?P<title>.*)$"
)


def plain(text: str) -> str:
    return re.sub(r"\*\*|__", "", text).strip()


def heading_id(heading: str | None) -> tuple[str, str] | None:
    """`INC-2024-003: Title` -> (`INC-2024-003`, `Title`)."""
    match = HEADING_ID.match(plain(heading)) if heading else None
    return (match["id"], match["title"].strip()) if match else None
