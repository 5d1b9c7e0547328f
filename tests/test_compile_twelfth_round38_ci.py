"""Issue #11, twelfth pass, thirty-eighth round: platform log viewers and error-catcher pages
(Render's Logs view and Events tab, its CLI; an Errbit problem page; a symptom that names a
part of a block pasted above it). docs/incident-log-format.md, "Thirty-eighth round", says the
rules."""

from __future__ import annotations

from compile_helpers import symptom_texts as _texts

_HEAD = "## INC-91 \u00b7 {title}\n\nSeverity: High \u00b7 2026-03-02\n\n"


def test_a_render_logs_row_is_read_as_the_apps_line() -> None:
    text = _HEAD.format(title="Queue workers down") + (
        "**Logs** (queue-worker)\n\n```\n"
        "Mar 4 02:15:09 PM  srv-d1k8a0ol6cac73b9x2tg-5f7c9d6b8-m4k2p  2026-03-04 14:15:09,311"
        " ERROR [jobs.queue] cannot reach broker: Connection reset by peer\n"
        "Mar 4 02:15:09 PM  srv-d1k8a0ol6cac73b9x2tg-5f7c9d6b8-m4k2p  2026-03-04 14:15:09,312"
        " INFO [jobs.queue] broker check: reset by peer? no\n```\n"
    )
    assert _texts(text) == ["ERROR cannot reach broker: Connection reset by peer"]


def test_a_render_cron_runs_traceback_keeps_its_frames_and_drops_the_exit_line() -> None:
    text = _HEAD.format(title="Nightly export") + (
        "Export logs:\n\n```\n"
        "Jan 9 01:00:12 AM  crn-cq7e2d3ang1s73ch9p40-29011-q8v2d  Traceback (most recent call"
        " last):\n"
        'Jan 9 01:00:12 AM  crn-cq7e2d3ang1s73ch9p40-29011-q8v2d    File "/opt/render/project/'
        'src/export.py", line 12, in run\n'
        "Jan 9 01:00:12 AM  crn-cq7e2d3ang1s73ch9p40-29011-q8v2d      out.write(rows)\n"
        "Jan 9 01:00:12 AM  crn-cq7e2d3ang1s73ch9p40-29011-q8v2d  BrokenPipeError: [Errno 32]"
        " Broken pipe\n"
        "Jan 9 01:00:12 AM  crn-cq7e2d3ang1s73ch9p40-29011-q8v2d  ==> Exited with status 1\n```\n"
    )
    assert _texts(text) == ["BrokenPipeError: [Errno 32] Broken pipe"]


def test_render_events_rows_and_cli_commands_are_the_platforms() -> None:
    text = _HEAD.format(title="Search down") + (
        "**Events**\n\n"
        "    Server unhealthy                           Mar 4, 2026 at 2:16 PM\n"
        "        Health check /ready returned 502\n"
        "    Deploy live for 1f2e3d4: bump search client   Mar 4, 2026 at 2:01 PM\n"
        "        Triggered via GitHub push by dana-w\n\n"
        "`render logs -r srv-d1k8a0ol6cac73b9x2tg --text search` showed"
        " `SearchError: index shards_7 is read-only` on every query.\n"
        "- On `api`: `Server unhealthy` and `Server available` in turn all afternoon.\n"
    )
    assert _texts(text) == ["SearchError: index shards_7 is read-only"]


def _problem(head: str, body: str) -> str:
    return _HEAD.format(title="Mail relay refused") + (
        f"```\n{head}\n\nApp: mailer   Environment: production\n"
        "Where: relay#deliver\n"
        "Occurrences: 512   Last notice: 2026-03-02 09:14:00 UTC\n"
        "Summary | Backtrace | Environment | Params\n"
        "  \u279c [PROJECT_ROOT]/mailer/relay.py:31 \u2192 deliver\n"
        "    [PROJECT_ROOT]/venv/lib/python3.11/smtplib.py:901 \u2192 sendmail\n"
        f'{body}Params: {{"to": "\u2026"}}   Session: \u2014\n'
        "Comments (1)\n  dana.w \u00b7 Mar 02, 2026 09:30   relay password rotated?\n```\n"
    )


def test_an_errbit_page_reads_as_its_class_and_message_in_one_line() -> None:
    text = _problem("smtplib.SMTPAuthenticationError\n(535, b'5.7.8 Authentication failed')", "")
    found = _texts(text)
    assert found == ["smtplib.SMTPAuthenticationError: (535, b'5.7.8 Authentication failed')"]
    # (a message that names its class already is not given it twice)
    head = "SMTPAuthenticationError\nSMTPAuthenticationError: 535 Authentication failed"
    assert _texts(_problem(head, "")) == ["SMTPAuthenticationError: 535 Authentication failed"]


def test_an_errbit_environment_tabs_stderr_is_the_programs_output() -> None:
    stderr = (
        "Environment\n  STEP: relay   HOST: mx-2\n  STDERR:\n"
        "    postfix/smtp: fatal: open database /etc/postfix/sasl: No such file or directory\n"
    )
    found = _texts(_problem("Deploy::StepFailed\nrelay exited 1", stderr))
    assert found == [
        "Deploy::StepFailed: relay exited <exited:num>",
        "postfix/smtp: fatal: open database <path>: No such file or directory",
    ]


def test_a_symptom_naming_a_part_of_a_block_above_reads_that_block() -> None:
    text = _HEAD.format(title="Ledger deadlocks") + (
        "The job's output:\n\n"
        "    ERROR ledger: post entries 4,2\n"
        "    psycopg2.errors.DeadlockDetected: deadlock detected\n"
        "    DETAIL:  Process 711 waits for ShareLock on transaction 90;"
        " blocked by process 712.\n\n"
        "**Symptoms**\n\n- Postgres logged ERROR:  deadlock detected with the DETAIL line above.\n"
    )
    assert _texts(text) == [
        "psycopg2.errors.DeadlockDetected: deadlock detected",
        "DETAIL: Process <process:int> waits for ShareLock on transaction <transaction:int>;"
        " blocked by process <process2:int>",
        "ERROR: deadlock detected",
    ]
    # (a symptom that names no part of it keeps to itself)
    own = text.replace(" with the DETAIL line above", "")
    assert _texts(own) == ["ERROR: deadlock detected"]
