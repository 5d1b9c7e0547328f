"""Two more ways a page's section says which incident it is (linked.py asks here): a CI
triager's note that opens with the id (Buildkite's build page, then `**Triage (Ade):**
INC-7, the import vs. the report writer …`), and an error tracker's issue whose heading is only
the tracker's key (Sentry's `## ORDERS-API-2QK`) and whose activity links it to the incident
(`- **Marta** · Nov 12, 10:05 — Linked to INC-7.`, `… — INC-7. Server log agrees: …`). The key
is the tracker's name for the error, not an incident's id: the one incident of another tracker
the section links it to is the incident, the key its title. docs/incident-log-format.md
("Fortieth round") says the rules."""

from __future__ import annotations

import re

# A triage note's label, a person's name or a date in brackets after it (`**Triage (Ade):**`,
# `**Verdict:**`), the id right after it; `**Triage:** not INC-7` names none
TRIAGE_NOTE = r"(?:\*\*|__)(?i:triage[d]?|verdict|diagnosis)\b[^*_\n]{0,40}?:?(?:\*\*|__):?"

# An activity comment whose text opens with the id: its author in bold, when it was written,
# then a dash (`- **Dmitri Volkov** · Nov 14, 08:10 — INC-7. Server log agrees: …`)
COMMENT_OPENS = (
    r"^\s*[-*+]\s+(?:\*\*|__)[^*_\n]{2,40}(?:\*\*|__)"
    r"(?:\s*[\u00b7|,]\s*[^\u2013\u2014\n]{1,40}?)?\s+[\u2013\u2014]"
)


def bare_key(own: tuple[str, str], heading: str) -> bool:
    """Whether a heading is its id alone (a tracker's key, no title after it)."""
    return not own[1].strip() and re.sub(r"[*_`\s]", "", heading) == own[0]


def key_linked(key: str, linked: str | None) -> str | None:
    """The id a key's section links it to, when that is another tracker's (`INC-7` under
    `ORDERS-API-2QK`; not `INC-5` under `INC-7`, an incident's own section naming another)."""
    if linked is None or linked.split("-")[0] == key.split("-")[0]:
        return None
    return linked
