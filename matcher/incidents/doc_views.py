"""A log search's document view pasted (one event's fields, a name and its value a line: Wazuh's
and OpenSearch Dashboards' `rule.id            100231` … `full_log           requests.…`,
Loggly's expanded event `json.message: cart not cached: …` under the event's row). What the
program logged is the value of the event's message field (`full_log`, `message`,
`json.message`, `json.exc_info`); the other fields (`rule.level`, `agent.name`,
`syslog.appName`) are the collector's and the tool's, which no log line has. The rules are in
docs/incident-log-format.md ("Thirty-eighth round")."""

from __future__ import annotations

import re
from collections.abc import Sequence

# A field's line: its name, then a column's spaces (a document view's table) or a colon, then
# its value; a search's row time may stand before it (`Jul 08 18:20:41.730  json.exc_info: …`).
# Before a colon the name is a known namespace's (`json.`, `syslog.`, `rule.`) or a bare name
# such views print, never an exception's dotted class (`socket.gaierror: …`, `redis.…Error: …`).
_STAMP = r"(?:(?:[A-Z][a-z]{2}\s+\d{1,2}|\d{4}-\d\d-\d\d)[ T]\d\d:\d\d:\d\d(?:[.,]\d+)?Z?\s+)?"
_DOTTED = r"@?[a-z_][\w@-]*(?:\.[a-z_@][\w@-]*)+"
_BARE = r"full_log|_raw|raw|message|msg|location|decoder|timestamp|@timestamp|_id|_index"
_SPACES_FIELD = re.compile(rf"^{_STAMP}(?P<name>{_DOTTED}|{_BARE})\s{{2,}}(?P<value>\S.*)$")
_COLON_FIELD = re.compile(
    rf"^{_STAMP}(?P<name>@?(?:json|syslog|rule|agent|decoder|predecoder|manager|data|kubernetes"
    rf"|k8s|labels|fields|attributes|resource|container|host|service|event|log|http|cloud"
    rf"|process)(?:\.[a-z_@][\w@-]*)+|{_BARE}):\s+(?P<value>\S.*)$"
)


def _field(line: str) -> re.Match[str] | None:
    text = line.strip()
    return _SPACES_FIELD.match(text) or _COLON_FIELD.match(text)


# A field whose value is the program's own line (its message or its exception's text)
_MESSAGE = re.compile(
    r"(?:^|\.)(?:full_log|_raw|raw|message|msg|log|exc_info|stack_trace|exception"
    r"|error\.message)$"
)


# A search's row over the event's fields, as Kibana's Discover and Wazuh's dashboard print its
# time (`Jan 9, 2026 @ 02:10:44.120  bkp-01  100270  10  Backup: write failed`): the tool's
# columns (the agent, the rule and its level and description), not the program's line
_DISCOVER_ROW = re.compile(r"^\s*[A-Z][a-z]{2} \d{1,2}, \d{4} @ \d\d:\d\d:\d\d(?:\.\d+)?\s")
_RAW_FIELD = re.compile(r"^(?:full_log|_raw)$")


def doc_views_read(lines: Sequence[str]) -> list[str]:
    """A block's lines with an event's fields read as what the program logged: a message
    field's line its value, another field's line empty. A block is a document view when two
    of its lines at least name dotted fields (`rule.id`, `json.message`) or the event's raw line
    (`full_log`), whose rows over them are the search's; other blocks stay as they were."""
    found = [_field(line) for line in lines]
    dotted = sum(1 for hit in found if hit is not None and "." in hit["name"])
    # (... or when its rows each show their event's raw line under them, `  full_log: …`)
    raw = sum(1 for hit in found if hit is not None and _RAW_FIELD.match(hit["name"]))
    if dotted < 2 and raw < 2:
        return list(lines)
    out = list(lines)
    for at, hit in enumerate(found):
        if hit is None:
            out[at] = "" if _DISCOVER_ROW.match(lines[at]) else lines[at]
            continue
        value = hit["value"].strip()
        out[at] = value if _MESSAGE.search(hit["name"]) else ""
    return out
