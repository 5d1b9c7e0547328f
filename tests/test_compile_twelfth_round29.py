"""Issue #11, twelfth pass, twenty-ninth round: a reviewer's ticks and crosses on entries, Google
Cloud Logging's entries and queries (docs/incident-log-format.md, "Twenty-ninth round", says the
rules)."""

from __future__ import annotations

from compile_helpers import symptom_texts as _texts

DENIED = "PermissionError: [Errno 13] Permission denied: '/srv/uploads/u-1742/avatar.png'"
DENIED_SYMPTOM = "PermissionError: [Errno 13] Permission denied: '<path>'"
EPERM = "fix ownership: PermissionError(1, 'Operation not permitted')"
EPERM_SYMPTOM = "PermissionError: Operation not permitted"
LOCKED = "sqlite3.OperationalError: database is locked"
NO_TABLE = "sqlite3.OperationalError: no such table: import_runs"


# --- a reviewer's ticks and crosses ---------------------------------------------------------------


TICKED = f"""## INC-118 \u00b7 backoffice import: database is locked

- \u2705 the `{LOCKED}` lines, the incident.
- \u274c with no text filter you also get `{NO_TABLE}` from the report query.
"""


def test_a_crossed_entry_beside_ticked_ones_is_no_symptom() -> None:
    assert _texts(TICKED) == [LOCKED]


def test_a_cross_alone_may_say_a_step_failed() -> None:
    # (no tick anywhere: `\u274c` marks what failed, as a CI summary does)
    failed = TICKED.replace("- \u2705 the", "- the")
    assert _texts(failed) == [LOCKED, NO_TABLE]


# --- Google Cloud Logging -------------------------------------------------------------------------


GCP_ENTRY = f"""## INC-117 \u00b7 avatar uploads denied

Expanded entry:

```json
{{
  "insertId": "m3k9q1f7x2hz0c",
  "textPayload": "{DENIED}",
  "resource": {{"type": "k8s_container", "labels": {{"container_name": "thumbnailer"}}}},
  "timestamp": "2026-12-03T08:16:26.243Z",
  "severity": "ERROR",
  "logName": "projects/shop-prod-eu/logs/stderr"
}}
```

- \u274c `{EPERM}` right after each one: different errno, not the incident's error.
- \u2705 the PermissionError entries.
"""


def test_a_logs_explorer_entry_is_read_by_its_text_payload() -> None:
    assert _texts(GCP_ENTRY) == [DENIED_SYMPTOM]


def test_a_structured_entry_is_read_by_its_json_payloads_message() -> None:
    structured = GCP_ENTRY.replace(
        f'"textPayload": "{DENIED}"', f'"jsonPayload": {{"message": "{DENIED}", "pid": 12133}}'
    )
    assert _texts(structured) == [DENIED_SYMPTOM]


def test_a_logs_explorer_summary_line_and_its_query_are_read_apart() -> None:
    text = (
        "## INC-116 \u00b7 thumbnailer fd leak\n\n"
        "```\n"
        'resource.type="k8s_container"\n'
        'resource.labels.container_name="thumbnailer"\n'
        "severity>=ERROR\n"
        'textPayload:"Too many open files"\n'
        "```\n\n"
        "```\n"
        "2026-12-03 09:16:26.141 CET  ERROR  OSError: [Errno 24] Too many open files: '/t/61.png'\n"
        "```\n"
    )
    assert _texts(text) == ["OSError: [Errno 24] Too many open files: '<path>'"]


def test_a_note_that_says_a_line_isnt_the_incidents_error_sets_it_aside() -> None:
    text = (
        "## INC-111 \u00b7 publisher\n\n"
        "- `KafkaTimeoutError: Failed to update metadata after 60.0 secs.`\n"
        "- `Bootstrap failed: KafkaTimeoutError: Unable to bootstrap from 10.0.0.7:9092`."
        " Looks similar, isn't the incident's error.\n"
    )
    assert _texts(text) == ["KafkaTimeoutError: Failed to update metadata after <secs:num> secs"]
