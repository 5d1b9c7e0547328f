"""Issue #11, thirty-first round: a work board exported to Markdown (monday.com), its items'
update threads and its `Not related` group, and an `Error seen` field of pasted lines
(docs/incident-log-format.md, "Thirty-first round", says the rules)."""

from __future__ import annotations

from compile_helpers import symptom_texts as _texts

from matcher.incidents.reader import compile_incident_log

BOARD = """# Messaging \u2014 Incidents

## \U0001f525 March incidents

| Item | Incident ID | Person | Status | Severity |
|---|---|---|---|---|
| Consumers stalled on rebalance | INC-201 | Ana P. | Done | High |

## \U0001f6ab Not related

| Item | Incident ID | Person | Status | Severity |
|---|---|---|---|---|
| SASL handshake failed | | Ben R. | Not related | \u2014 |

---

## Consumers stalled on rebalance

- **Incident ID:** INC-201
- **Status:** Done \u2705
- **Person:** Ana P.
- **Severity:** High
- **Error seen:** rebalance never finished (see update)
- **Root cause:** max.poll.interval too short for the batch size

**Updates**

**Ana P.** \u00b7 Mar 4, 10:02
> billing consumer stopped, its log:
> ```
> KafkaTimeoutError: Failed to update metadata after 60.0 secs.
> ```
> \U0001f440 2

\u21b3 **Ben R.** \u00b7 Mar 4, 10:05
> `rejoined group billing after rebalance (generation 41)` is the consumer recovering, fine
> \U0001f44d 1

---

## SASL handshake failed

- **Status:** Not related
- **Person:** Ben R.
- **Error seen:** SaslAuthenticationException: Authentication failed during authentication

**Updates**

**Ben R.** \u00b7 Mar 4, 10:30
> expired password on the audit job, nothing to do with the stall.
"""

METADATA = "KafkaTimeoutError: Failed to update metadata after <secs:num> secs"


def test_a_boards_update_thread_is_read_for_its_items_pasted_lines() -> None:
    assert _texts(BOARD) == [METADATA]


def test_a_not_related_item_is_no_incident_and_none_of_its_lines_a_symptom() -> None:
    log = compile_incident_log(BOARD, "pm.md")
    assert not log.problems, log.problems
    assert [found.id for found in log.incidents] == ["INC-201"]
    assert log.incidents[0].severity == "high"


def test_a_replys_closing_emoji_is_no_part_of_the_line_it_quotes() -> None:
    text = BOARD.replace(
        "> billing consumer stopped, its log:\n> ```\n"
        "> KafkaTimeoutError: Failed to update metadata after 60.0 secs.\n> ```\n",
        "> billing consumer: KafkaTimeoutError: Failed to update metadata after 60.0 secs"
        " \U0001f62c\n",
    )
    assert text != BOARD
    assert _texts(text) == [METADATA]


def test_a_line_told_as_the_client_reconnecting_is_set_aside() -> None:
    text = (
        "## INC-202 \u2014 search down\n\n"
        "**Symptoms:**\n"
        "- `ConnectionError: Error 111 connecting to search:9200. Connection refused.`\n"
        "- `reconnected to search:9201 after Connection refused (attempt 2)` is the replica"
        " client reconnecting, fine\n"
    )
    assert _texts(text) == [
        "ConnectionError: Error 111 connecting to <host>:<port:int>. Connection refused"
    ]


def test_lines_pasted_under_an_error_seen_label_are_each_a_line() -> None:
    text = (
        "### INC-203\n\n"
        "**Incident ID:** INC-203\n"
        "**Title:** Sessions not saved\n"
        "**Error seen:**\n"
        "memcache.errors.ServerFullError: out of memory storing object.\n"
        "session not saved: out of memory storing object.\n"
        "mc-tool: SERVER_ERROR out of memory storing object\n"
    )
    assert _texts(text) == [
        "memcache.errors.ServerFullError: out of memory storing object",
        "SERVER_ERROR out of memory storing object",
    ]


def test_an_items_severity_is_read_from_its_groups_table() -> None:
    text = BOARD.replace("- **Severity:** High\n", "").replace(
        "| INC-201 | Ana P. | Done | High |", "| INC-201 | Ana P. | Done | Low |"
    )
    log = compile_incident_log(text, "pm.md")
    assert not log.problems and not log.warnings, (log.problems, log.warnings)
    assert [found.severity for found in log.incidents] == ["low"]
