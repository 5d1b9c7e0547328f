"""Issue #11, twelfth pass, thirty-fourth round: CI servers' and log platforms' pastes
(docs/incident-log-format.md, "Thirty-fourth round", says the rules)."""

from __future__ import annotations

from compile_helpers import symptom_texts as _texts

from matcher.incidents.reader import compile_incident_log

_SEVERITY = "**Severity:** Low\n\n"


def test_an_id_that_ends_a_heading_after_a_word_gives_the_id_and_the_title() -> None:
    text = (
        "## Pipeline 77 \u00b7 web/cart \u00b7 traced to INC-42\n\n" + _SEVERITY + "```\n"
        "redis.exceptions.ConnectionError: Error 111 connecting to cache:6379. Connection"
        " refused.\n```\n"
    )
    log = compile_incident_log(text, "pm.md")
    assert not log.problems, log.problems
    (found,) = log.incidents
    assert (found.id, found.title) == ("INC-42", "Pipeline 77 \u00b7 web/cart")


def test_a_heading_that_names_two_ids_gives_neither() -> None:
    text = (
        "## Pipeline 78 \u00b7 web/cart \u00b7 traced to INC-42 and INC-43\n\n"
        + _SEVERITY
        + "```\n"
        "OSError: [Errno 28] No space left on device\n```\n"
    )
    problems = compile_incident_log(text, "pm.md").problems
    assert any("has no id" in p.message for p in problems), problems


def test_a_step_log_with_the_uis_line_numbers_reads_as_the_programs_lines() -> None:
    text = (
        "## INC-51 \u2014 importer\n\n" + _SEVERITY + "Step `import` \u2014 exit code 1\n\n```\n"
        "  7  + python -m importer --all\n"
        "  8  Traceback (most recent call last):\n"
        '  9    File "/ci/src/importer.py", line 12, in run\n'
        " ..\n"
        " 14  sqlite3.OperationalError: database is locked\n"
        " 15  exit code 1\n```\n"
    )
    assert _texts(text) == ["sqlite3.OperationalError: database is locked"]


def test_numbers_that_do_not_go_up_are_the_logs_own() -> None:
    text = (
        "## INC-52 \u2014 workers\n\n" + _SEVERITY + "```\n"
        "12  workers lost: heartbeat missed\n"
        "3  workers lost: heartbeat missed\n```\n"
    )
    assert all(t.split()[0].startswith("<") for t in _texts(text)), _texts(text)


def test_bambooss_prefix_is_framing_and_its_own_lines_are_none() -> None:
    text = (
        "## INC-53 \u2014 backup\n\n" + _SEVERITY + "```\n"
        "simple\t02-Feb-2026 03:00:01\tBuild Ops - Backup #9 started building on agent a-1\n"
        "command\t02-Feb-2026 03:00:02\tBeginning to execute external process for build\n"
        "build\t02-Feb-2026 03:00:40\tcopying dump to /srv/backup\n"
        "error\t02-Feb-2026 03:00:41\tOSError: [Errno 28] No space left on device\n"
        "simple\t02-Feb-2026 03:00:42\tFailing task since return code of [/bin/sh b.sh] was 1"
        " while expected 0\n```\n"
    )
    assert _texts(text) == ["OSError: [Errno 28] No space left on device"]


def test_heroku_logs_prefix_is_framing_and_the_platforms_lines_are_none() -> None:
    text = (
        "## INC-54 \u2014 worker\n\n" + _SEVERITY + "```\n"
        "2026-03-04T10:00:01.120000+00:00 app[worker.1]: ERROR jobs: export failed: disk"
        " quota exceeded\n"
        "2026-03-04T10:00:01.500000+00:00 heroku[worker.1]: State changed from up to crashed\n"
        '2026-03-04T10:00:02.000000+00:00 heroku[router]: at=info method=GET path="/" host=a'
        " dyno=web.1 status=200\n```\n"
    )
    assert _texts(text) == ["ERROR jobs: export failed: disk quota exceeded"]


def test_live_tail_rows_keep_their_level_and_a_row_heading_an_exception_goes() -> None:
    text = (
        "## INC-55 \u2014 invoices\n\n" + _SEVERITY + "```\n"
        "Apr 9 10:11:12.345 inv-wrk-2 invoices ERROR render invoice 88 failed\n"
        "Apr 9 10:11:12.346 inv-wrk-2 invoices ERROR ValueError: unknown currency 'XBT'\n"
        "Apr 9 10:11:12.400 inv-wrk-2 invoices INFO  retry scheduled\n```\n"
    )
    assert _texts(text) == ["ERROR ValueError: unknown currency 'XBT'"]


def test_an_uptime_incident_and_a_build_info_block_are_no_log_text() -> None:
    text = (
        "## INC-56 \u2014 api down\n\n" + _SEVERITY + "```\n"
        "Incident #5120 \u2013 api /healthz\nCause: Status 502\n"
        "Started at Apr 9, 2026 10:11:00 CET \u00b7 Length 9 minutes\n```\n\n"
        "```\n$ drone build info web/api 812\nNumber: 812\nStatus: failure\n```\n\n"
        "```\nERROR upstream api: connect() failed (111: Connection refused)\n```\n"
    )
    assert _texts(text) == ["ERROR upstream api: connect() failed (111: Connection refused)"]


def test_the_log_line_a_traceback_follows_is_not_its_exception() -> None:
    # (a logger's name and a colon look like an exception's class: `billing: …`)
    text = (
        "## INC-57 \u2014 reconcile\n\n" + _SEVERITY + "```\n"
        "2026-05-01 02:00:00,100 [77] ERROR billing: reconcile batch 7\n"
        "Traceback (most recent call last):\n"
        '  File "/app/reconcile.py", line 40, in run\n'
        "psycopg2.errors.SerializationFailure: could not serialize access\n```\n"
    )
    assert _texts(text) == ["psycopg2.errors.SerializationFailure: could not serialize access"]


def test_an_error_line_label_names_the_symptom() -> None:
    text = (
        "## INC-58 \u2014 reindex\n\n**Incident ID:** INC-58\n" + _SEVERITY + "**Error line:**"
        " Worker output:"
        " rq.timeouts.JobTimeoutException: Task exceeded maximum timeout value (60 seconds)\n\n"
        "**Root cause:** the catalogue outgrew the default timeout.\n"
    )
    assert _texts(text) == [
        "rq.timeouts.JobTimeoutException: Task exceeded maximum timeout value"
        " (<seconds:num> seconds)"
    ]


def test_a_severity_said_in_the_notes_is_the_incidents_when_no_field_holds_one() -> None:
    text = (
        "## Build #61 \u00b7 web/cart \u00b7 postmortem INC-59\n"
        "Build #61 (cron, main): the nightly export. Severity: Low. Step `export`, exit code 1.\n\n"
        "```\nOSError: [Errno 28] No space left on device\n```\n"
    )
    log = compile_incident_log(text, "pm.md")
    assert not log.problems and not log.warnings, (log.problems, log.warnings)
    (found,) = log.incidents
    assert found.severity == "low"


def test_a_plain_error_lines_sentence_that_names_them_is_no_label() -> None:
    text = (
        "## INC-60 \u2014 lookups\n\nSeverity: Low\n\n```\n"
        "socket.gaierror: [Errno -2] Name or service not known\n```\n\n"
        "Error lines: the one above, nothing else.\n"
    )
    assert _texts(text) == ["socket.gaierror: [Errno -2] Name or service not known"]


def test_a_verb_of_reporting_with_how_often_brings_in_the_log_text_and_so_on_does_not() -> None:
    text = (
        "## INC-59 \u2014 uploads\n\n" + _SEVERITY + "**Symptoms:**\n\n"
        "Three uploads were refused; nginx logged, for each of them: client intended to send"
        " too large body: 1572864 bytes\n"
    )
    assert _texts(text) == ["client intended to send too large body: <bytes:datasize>"]
    prose = (
        "## INC-60 \u2014 api\n\n" + _SEVERITY + "**Symptoms:**\n\n"
        "* `OSError: [Errno 24] Too many open files`\n\n"
        "Kubernetes restarted it, it died again, and so on: a classic crash loop, about 140"
        " restarts by the time we noticed.\n"
    )
    assert _texts(prose) == ["OSError: [Errno 24] Too many open files"]


def test_a_verdict_after_a_list_set_between_dashes_is_about_the_whole_list() -> None:
    text = (
        "## INC-61 \u2014 heap\n\n" + _SEVERITY + "**Symptoms:**\n\n"
        "> FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory\n\n"
        'Other lines in the same log \u2014 "RangeError: Maximum call stack size exceeded" from'
        ' a helper, a MaxListenersExceededWarning ("Possible EventEmitter memory leak detected"),'
        ' and an INFO "heap used 80 MB ok" \u2014 were reviewed and are not related to this'
        " failure.\n"
    )
    assert _texts(text) == [
        "FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory"
    ]
