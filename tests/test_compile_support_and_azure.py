"""Thirtieth round: a support conversation's tags and an engineer's `Opened INC-7.` name its
incident; a CI review's index table of runs is no evidence table (docs/incident-log-format.md,
"Thirtieth round")."""

from __future__ import annotations

from matcher.incidents.reader import compile_incident_log

_CONVERSATION = """# Intercom export

## Conversation #4711 — "Checkout broken"

- **Customer:** Lena H. · via Messenger
- **Tags:** `checkout` `bug` `{tag}`

**Lena H.** · 8:19 AM
> Checkout just says "Something went wrong".

🟨 **Note** · Aiko N. · 8:41 AM
> From gw log:
> ```
> ERROR gateway reserve call failed: [Errno 111] Connection refused
> ```
> {note}
"""


def _ids(text: str) -> list[str | None]:
    return [incident.id for incident in compile_incident_log(text, "x.md").incidents]


def test_one_id_among_the_tags_names_the_incident_several_none() -> None:
    text = _CONVERSATION.format(tag="INC-7", note="The retry lines are noise.")
    assert _ids(text) == ["INC-7"]
    text = _CONVERSATION.format(tag="INC-7` `INC-8", note="The retry lines are noise.")
    assert _ids(text) == []


def test_an_engineers_opened_names_the_incident_reopened_not() -> None:
    text = _CONVERSATION.format(tag="eng-escalated", note="Port changed. Opened INC-9.")
    assert _ids(text) == ["INC-9"]
    text = _CONVERSATION.format(tag="eng-escalated", note="Port changed, we reopened INC-9 too")
    assert _ids(text) == []


_AZURE = """# CI failure review

| Run | Pipeline | Linked |
|---|---|---|
| 20261203.4 | orders-integration | INC-1 |
| 20261203.2 | cache-svc | INC-2 |

## orders-integration · run 20261203.4 · failed

```
2026-12-03T08:15:24.4410934Z ##[section]Starting: Seed fixtures
2026-12-03T08:15:25.0712345Z ERROR 1040 (08004): Too many connections
2026-12-03T08:15:25.0934567Z ##[section]Finishing: Seed fixtures
```

**Triage → INC-1** (MariaDB max_connections).

## cache-svc · run 20261203.2 · failed

```
2026-12-03T08:15:53.2900000Z ##[section]Starting: healthcheck
2026-12-03T08:15:56.7160000Z ##[error]health: redis down: Error 111 connecting to 10.0.0.1:6391.
2026-12-03T08:15:56.7410000Z ##[section]Finishing: healthcheck
```

**Triage → INC-2.** The healthcheck points at a port nobody listens on.
"""


def test_an_index_table_of_runs_leaves_each_runs_log_its_own() -> None:
    log = compile_incident_log(_AZURE, "x.md")
    assert not log.problems
    found = {incident.id: incident.symptoms for incident in log.incidents}
    assert any("Too many connections" in s for s in found["INC-1"])
    assert any("Error 111 connecting" in s for s in found["INC-2"])
