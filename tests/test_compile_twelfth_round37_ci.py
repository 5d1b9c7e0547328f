"""Issue #11, twelfth pass, thirty-seventh round: tool pastes, an error tracker's issue page
(its culprit, its event JSON pasted in part), a KQL query over its results, a CI service's
job log and its pipeline's results (docs/incident-log-format.md, "Thirty-seventh round", says
the rules)."""

from __future__ import annotations

from compile_helpers import symptom_texts as _texts

_SEVERITY = "- **Severity:** Medium\n\n"


def _issue(title: str, culprit: str, body: str) -> str:
    return (
        f"## INC-81 \u00b7 {title}\n\n> **TimeoutError** \u00b7 queue stalled\n"
        f"> `{culprit}` \u00b7 jobs-api \u00b7 **Resolved**\n\n{body}\n\nTriage:\n" + _SEVERITY
    )


def test_event_json_members_pasted_without_braces_read_as_type_and_value() -> None:
    body = (
        "Event JSON, trimmed:\n\n```json\n"
        '"exception": {\n  "values": [\n    {\n      "type": "QueueTimeout",\n'
        '      "value": "job 7 stalled: no heartbeat for 90 s",\n'
        '      "module": "jobs.queue"\n    }\n  ]\n}\n```'
    )
    assert _texts(_issue("Jobs stalled", "jobs.queue in poll", body)) == [
        "QueueTimeout: job <job:int> stalled: no heartbeat for <for:num> s"
    ]


def test_one_exception_value_pasted_alone_reads_as_its_type_and_value() -> None:
    body = (
        "`exception.values[0]`:\n\n```json\n"
        '{"type": "QuotaExceeded", "module": "store.client",\n'
        ' "value": "bucket quota exceeded for uploads",\n'
        ' "stacktrace": {"frames": [{"function": "put", "lineno": 12}]}}\n```'
    )
    assert _texts(_issue("Uploads refused", "store.client in put", body)) == [
        "QuotaExceeded: bucket quota exceeded for uploads"
    ]


def test_a_culprit_is_a_place_in_the_code_not_a_symptom() -> None:
    body = "```\nstore.errors.QuotaExceeded: bucket quota exceeded for uploads\n```"
    found = _texts(_issue("Uploads refused", "store.client in put_object", body))
    assert found == ["store.errors.QuotaExceeded: bucket quota exceeded for uploads"]


def test_a_symptom_pointing_at_the_block_above_reads_it() -> None:
    text = (
        "## INC-82 \u00b7 settle deadlocks\n\n```\n"
        "psycopg2.errors.DeadlockDetected: deadlock detected\n```\n\nTriage:\n" + _SEVERITY
    )
    pointing = text + "- **Symptoms:** both settlement runs died with the block above.\n"
    assert _texts(pointing) == ["psycopg2.errors.DeadlockDetected: deadlock detected"]
    # (a Symptoms section that points at no block keeps to itself)
    own = text + "- **Symptoms:** `ERROR:  canceling statement due to statement timeout`\n"
    assert _texts(own) == ["ERROR: canceling statement due to statement timeout"]


def test_a_kql_query_is_what_the_team_typed_not_a_symptom() -> None:
    text = (
        "## INC-83 \u2014 payments\n\n**Severity:** Sev 3\n\n**Symptoms**\n\n```kusto\n"
        'AppTraces\n| where AppRoleName == "payments"\n'
        "| project TimeGenerated, Message\n| take 20\n```\n\n"
        "- Each row said `ledger write failed: disk quota exceeded`, filtered on"
        " `SeverityLevel >= 3`.\n"
    )
    assert _texts(text) == ["ledger write failed: disk quota exceeded"]


def test_a_ci_services_own_lines_are_no_symptoms() -> None:
    text = (
        "**Incident ID:** INC-84\n**Title:** Cache tests\n**Severity:** Low\n\n"
        "**Symptoms:**\n- the job printed `(error) OOM command not allowed when used memory"
        " > 'maxmemory'` and exited 1.\n\n```\n$ sem get job 3b9e0f12\n"
        "Status: FINISHED  Result: FAILED\nCommands:\n"
        "Block: Cache   \u2716 session-cache-it   FAILED   1:31\n"
        "exit code: 1\nJob failed.\n```\n"
    )
    assert _texts(text) == ["(error) OOM command not allowed when used memory > 'maxmemory'"]


def test_a_class_whose_message_is_left_out_is_context_beside_one_stated() -> None:
    text = (
        "**Incident ID:** INC-85\n**Title:** Stock\n**Severity:** Low\n\n**Symptoms:**\n"
        "- worker: \"pymysql.err.OperationalError: (1205, '\u2026')\"\n"
        "- app: `DatabaseError: 1205 (HY000): Lock wait timeout exceeded`\n"
    )
    assert _texts(text) == ["DatabaseError: 1205 (HY000): Lock wait timeout exceeded"]
