"""An incident with no id label and no id in a heading whose text names one id in bold (a chat
channel's export: `**incibot** 08:17 :rotating_light: **INC-7** declared · Sev2`, then
`**INC-7 resolved**`): that id is the incident's, and the first quoted title before it
(`/incident declare sev2 "nginx won't start after deploy"`) its title. docs/incident-log-format.md
("Incidents named in their text") says the rule."""

from __future__ import annotations

import re

from matcher.incidents.headings import INCIDENT_ID
from matcher.incidents.markdown import Block

_BOLD_ID = re.compile(rf"\*\*(?P<id>{INCIDENT_ID})\b[^*]{{0,40}}\*\*")
_QUOTED_TITLE = re.compile(r"\"(?P<title>[^\"]{3,120}\s[^\"]{1,120})\"")


def mentioned_id(block: Block) -> tuple[str, str] | None:
    """(id, title) of the one id the block's prose names in bold, or None (none, or two)."""
    items = [item for item in block.sections.get("prose", []) if not item.code]
    found: dict[str, int] = {}  # each id, and the first item that names it
    for at, item in enumerate(items):
        for match in _BOLD_ID.finditer(item.text):
            found.setdefault(match["id"], at)
    if len(found) != 1:
        return None
    ((incident_id, at),) = found.items()
    for item in items[: at + 1]:
        quoted = _QUOTED_TITLE.search(item.text)
        if quoted:
            return incident_id, quoted["title"].strip()
    rest = re.sub(r"^[\s*:\u00b7\u2013\u2014-]+", "", items[at].text.split(incident_id, 1)[1])
    return incident_id, rest.split(" \u00b7 ")[0].strip() or incident_id
