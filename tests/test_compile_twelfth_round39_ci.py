"""Issue #11, twelfth pass, thirty-ninth round: CI and alert pages (a Codefresh build's step
list and step log, an HCP Terraform run's page, Wazuh's alerts.json, rule XML and dashboard
rows). docs/incident-log-format.md, "Thirty-ninth round", says the rules."""

from __future__ import annotations

from compile_helpers import symptom_texts as _texts

_HEAD = "## INC-92 \u00b7 {title}\n\nSeverity: High \u00b7 2026-04-02\n\n"


def test_a_codefresh_step_list_and_its_runners_lines_are_no_symptoms() -> None:
    text = _HEAD.format(title="Ledger DB full") + (
        "**Build #77** \u00b7 Steps: `clone \u2713 3s` \u00b7 `ledger_check \u2717 1m 4s` \u00b7"
        " `report \u2298 skipped`\n\n"
        "Step log (`codefresh logs` on #77):\n\n```\n"
        "Running freestyle step: ledger_check\n"
        "[SYSTEM] Pulling image python:3.12\n"
        "Executing command: python -m ledger.check\n"
        "ledger.errors.LedgerFull: partition ledger_2026 has no free pages\n"
        "Reading environment variable exporting file contents.\n"
        "[SYSTEM]\n"
        " Message           Failed to run freestyle step: ledger_check\n"
        " Exit code         1\n"
        " Name              NonZeroExitCodeError\n```\n"
    )
    assert _texts(text) == ["ledger.errors.LedgerFull: partition ledger_2026 has no free pages"]


def test_a_terraform_runs_header_plan_and_provisioner_box_are_terraforms() -> None:
    text = _HEAD.format(title="Image cache worker out of memory") + (
        "```\n"
        "Run run-Xy7Qa2Bc9Lm4Pq8Z \u00b7 Triggered via UI \u00b7 Errored\n"
        " dana.k triggered a run from UI  Apr 2, 2026 03:05:11 UTC\n"
        " Plan finished \u00b7 Resources: 1 to add, 0 to change, 1 to destroy\n\n"
        '  ~ resource "docker_container" "cache" {\n'
        "      ~ memory = 256 -> 512\n"
        "    }\n\n"
        "terraform_data.warm: Provisioning with 'remote-exec'...\n"
        "terraform_data.warm (remote-exec): Connected!\n"
        "terraform_data.warm (remote-exec): 2026-04-02 03:06:01,120 ERROR warm-up aborted:"
        " MemoryError: cannot allocate tile buffer\n"
        "\u2577\n"
        "\u2502 Error: remote-exec provisioner error\n"
        "\u2502\n"
        "\u2502   with terraform_data.warm,\n"
        '\u2502   on warm.tf line 9, in resource "terraform_data" "warm":\n'
        '\u2502    9:   provisioner "remote-exec" {\n'
        "\u2502\n"
        '\u2502 error executing "/tmp/terraform_1.sh": Process exited with status 1\n'
        "\u2575\n```\n"
    )
    assert _texts(text) == ["ERROR warm-up aborted: MemoryError: cannot allocate tile buffer"]


def test_a_terraform_box_of_another_error_keeps_its_summary() -> None:
    text = _HEAD.format(title="Queue not created") + (
        "```\n\u2577\n\u2502 Error: creating SQS Queue (orders): QueueDeletedRecently: wait 60s\n"
        "\u2502\n\u2502   with aws_sqs_queue.orders,\n"
        '\u2502   on queues.tf line 3, in resource "aws_sqs_queue" "orders":\n\u2575\n```\n'
    )
    found = ["Error: creating SQS Queue (orders): QueueDeletedRecently: wait <s:num>s"]
    assert _texts(text) == found


def test_a_wazuh_alerts_json_object_is_read_as_its_full_log() -> None:
    text = _HEAD.format(title="Exports killed") + (
        "Dashboard (filter `rule.id: 100310`), rule (local_rules.xml):\n\n```xml\n"
        '<group name="local,exports,">\n  <rule id="100310" level="10">\n'
        "    <if_sid>100200</if_sid>\n    <match>ExportAborted</match>\n"
        "    <description>Export job aborted</description>\n  </rule>\n</group>\n```\n\n"
        "alerts.json:\n\n```json\n"
        '{"timestamp":"2026-04-02T02:14:07.512+0000","rule":{"level":10,"description":'
        '"Export job aborted","id":"100310"},"agent":{"id":"014","name":"exp-01"},'
        '"full_log":"exports.jobs.ExportAborted: worker lost after 300 seconds",'
        '"decoder":{"name":"json"},"location":"/var/log/exports/worker.log"}\n```\n'
    )
    found = ["exports.jobs.ExportAborted: worker lost after <seconds:num> seconds"]
    assert _texts(text) == found


def test_wazuh_dashboard_rows_over_full_log_lines_are_the_dashboards() -> None:
    text = _HEAD.format(title="Archive volume full") + (
        "```\n"
        "Mar 4, 2026 @ 01:10:44.120  arc-02  100370  10  Archive: write failed\n"
        "  full_log: OSError: [Errno 28] No space left on device\n"
        "Mar 4, 2026 @ 01:10:52.010  arc-02  100371   8  Index rebuild failed\n"
        "  full_log: sqlite3.OperationalError: database or disk is full\n```\n"
    )
    assert _texts(text) == [
        "OSError: [Errno 28] No space left on device",
        "sqlite3.OperationalError: database or disk is full",
    ]


def test_a_quote_that_ends_with_its_own_stop_ends_the_sentence() -> None:
    text = _HEAD.format(title="Limiter down") + (
        'The health endpoint said "cache down: Error 111 connecting to 10.0.0.5:NNNN. Connection'
        '\nrefused." Later runs show `cache reconnected after Connection refused (attempt 2)`,'
        " which is the recovery message, not the error.\n"
    )
    assert _texts(text) == ["cache down: Error 111 connecting to <ip>:<n:int>. Connection refused"]


def test_that_one_is_not_the_incidents_error_by_name() -> None:
    text = _HEAD.format(title="Reports cancelled by statement_timeout") + (
        "Postgres logged `ERROR: canceling statement due to statement timeout` each night.\n"
        "One run shows `canceling statement due to user request` instead: Dana cancelled it by"
        "\nhand, so that one is not the timeout.\n"
    )
    assert _texts(text) == ["ERROR: canceling statement due to statement timeout"]


def test_a_message_ends_before_a_sentence_that_starts_with_an_acronym() -> None:
    text = _HEAD.format(title="Renderer out of heap") + (
        "- **dana** \u2014 the renderer died with FATAL ERROR: Reached heap limit Allocation"
        " failed - JavaScript heap out of memory.\n  Last GC lines before it showed the heap"
        " full.\n"
    )
    assert _texts(text) == [
        "FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory"
    ]


def test_a_tools_report_of_what_failed_beneath_it_is_set_aside() -> None:
    text = _HEAD.format(title="Warm-up out of memory") + (
        "The script logged `MemoryError: cannot allocate tile buffer` and died.\n\n"
        "- `Error: local-exec provisioner error` is only Terraform telling us the script"
        " exited 1.\n"
    )
    assert _texts(text) == ["MemoryError: cannot allocate tile buffer"]
