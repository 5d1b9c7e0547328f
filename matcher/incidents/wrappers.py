"""An incident log wrapped by the tool it was written in: a pull request that adds the
postmortem file shows it as a diff hunk (```` ```diff ```` then `+# Postmortems …`, every line
opened by `+`), and a chat form's submission gives each field as an emoji and the field's name
on a line of its own, the answer under it (`:rotating_light: Incident ID` then `INC-7`). The
added file is read as the Markdown it adds, and each form field as its label. The line count is
kept. docs/incident-log-format.md ("Twenty-first round", **A pull request's diff, a chat
form**) says the rule."""

from __future__ import annotations

import re

from matcher.incidents.headings import INCIDENT_ID
from matcher.incidents.labels import label_name

_DIFF_FENCE = re.compile(r"^\s*(?:```|~~~)\s*diff\s*$")
_FENCE = re.compile(r"^\s*(?:```|~~~)")
_HUNK = re.compile(r"^@@ [^@]* @@")
_ADDS_AN_INCIDENT = re.compile(rf"^\+\s*(?:#{{1,6}}\s.*|\**[\w ]*ID\**:\**\s*){INCIDENT_ID}")
# A form field: an emoji code or an emoji, the field's name, nothing after it
_FIELD = re.compile(r"^\s*(?::[a-z0-9_+-]+:|[^\w\s*#>|`-]{1,3})\s+(?P<name>[^:]{2,50}?)\s*$")


def wrappers_read(text: str) -> str:
    """The log with a diff that adds an incident log unwrapped and a form's fields as labels."""
    lines = text.split("\n")
    at = 0
    while at < len(lines):
        if _DIFF_FENCE.match(lines[at]):
            end = next((e for e in range(at + 1, len(lines)) if _FENCE.match(lines[e])), None)
            body = lines[at + 1 : end] if end else []
            added = [line for line in body if line.startswith("+")]
            if (
                end
                and len(added) >= 0.9 * len([b for b in body if not _HUNK.match(b)])
                and any(_ADDS_AN_INCIDENT.match(line) for line in added)
            ):
                lines[at] = lines[end] = ""
                lines[at + 1 : end] = ["" if _HUNK.match(b) else b[1:] for b in body]
                at = end
        else:
            field = _FIELD.match(lines[at])
            name = label_name(field["name"], loose=True) if field else None
            if field and name is not None and at + 1 < len(lines) and lines[at + 1].strip():
                lines[at] = f"**{field['name']}:**"
        at += 1
    return "\n".join(lines)
