"""What `matcher compile` takes from the prose around log text, second pass (issue #11): the
author's "this is not the incident" cues, hosts of one deployment, log text after a log file's
name or after "failed:", every line of a traceback's message, and the bare OS error that
another symptom wraps (docs/incident-log-format.md). The log lines are real
(tests/data/postmortems/logs/, made by running the software)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from compile_helpers import REAL, REAL_SYMPTOM, flagged, incident, symptoms_of

from matcher.cli.main import cli
from matcher.incidents.reader import parse_incident_log
from matcher.patterns.generalise import generalise


@pytest.mark.parametrize(
    "bullet",
    [
        # a cue in the prose around a quote
        '* It isn\'t "KafkaConnectionError: 111 ECONNREFUSED" this time: the broker was up.',
        '* There was no "Lock wait timeout exceeded; try restarting transaction" in the log.',
        "* `MemcacheServerError(b'out of memory storing object')` showed up later, a knock-on.",
        '* The "Connection lost: KafkaConnectionError" lines came after the restart.',
        "* Ops saw `ZeroDivisionError: division by zero` as well; a different bug, expected.",
        '* Sentry also had "OperationalError: database is locked", just the importer retrying.',
        # a phrase-level cue in the sentence of unquoted log text
        "* The worker's ZeroDivisionError: division by zero is a separate issue (bad fixture).",
        "* KafkaConnectionError: 111 ECONNREFUSED and the reconnects were just noise.",
        "* Job log: ZeroDivisionError: division by zero, unrelated to the timeouts.",
    ],
)
def test_log_text_the_author_says_is_not_this_incident_is_no_symptom(bullet: str) -> None:
    (found,) = parse_incident_log(incident(REAL + bullet), "x.md")
    assert found.symptoms == (REAL_SYMPTOM,)
    assert found.description is not None and bullet[2:] in found.description


@pytest.mark.parametrize(
    ("bullet", "symptom"),
    [
        (
            "* the consumer did not recover: KafkaTimeoutError: Failed to update metadata "
            "after 12.5 secs.",
            REAL_SYMPTOM,
        ),
        (
            "* As a consequence, checkout logged `pymemcache.exceptions.MemcacheServerError: "
            "out of memory storing object`",
            "pymemcache.exceptions.MemcacheServerError: out of memory storing object",
        ),
        (
            '* The orders job could not go on: "Lock wait timeout exceeded; try restarting '
            'transaction"',
            "Lock wait timeout exceeded; try restarting transaction",
        ),
        (
            "* Expected 200 from the gateway, got `ZeroDivisionError: division by zero` instead",
            "ZeroDivisionError: division by zero",
        ),
        (
            '* The timeouts came after the deploy: "Lock wait timeout exceeded; try restarting '
            'transaction"',
            "Lock wait timeout exceeded; try restarting transaction",
        ),
        (
            '* a consequence of the missing index: "Lock wait timeout exceeded; try restarting '
            'transaction"',
            "Lock wait timeout exceeded; try restarting transaction",
        ),
    ],
)
def test_prose_about_the_incident_itself_is_no_negation(bullet: str, symptom: str) -> None:
    assert symptom in symptoms_of(bullet)


def test_negated_errors_in_real_logs_are_not_flagged(tmp_path: Path) -> None:
    symptoms = (
        "* rq worker: rq.timeouts.JobTimeoutException: Task exceeded maximum timeout value "
        "(900 seconds)\n"
        "* Not the `ZeroDivisionError: division by zero` jobs, those fail every night.\n"
    )
    lines = flagged(tmp_path, symptoms, "rq-worker.log")
    assert 22 in lines  # the timeout
    assert 39 not in lines  # ZeroDivisionError: division by zero


@pytest.mark.parametrize(
    ("bullet", "symptom"),
    [
        (
            "* cache client: redis.exceptions.ConnectionError: Error 111 connecting to "
            "cache-primary:6380. Connection refused.",
            "redis.exceptions.ConnectionError: Error 111 connecting to <host>:<port:int>. "
            "Connection refused",
        ),
        (
            "* [error] 77#77: *9 client intended to send too large body: 5000000 bytes, "
            "client: 192.168.1.4, server: media.internal.example",
            "[error] client intended to send too large body: <bytes:datasize>, client: <ip>, "
            "server: <host>",
        ),
    ],
)
def test_hosts_of_one_deployment_vary(bullet: str, symptom: str) -> None:
    assert symptoms_of(bullet) == (symptom,)


def test_a_source_file_and_line_is_no_host() -> None:
    assert generalise("settle failed in ledger.py:212 with KeyError") == (
        "settle failed in ledger.py:<py:int> with KeyError"
    )


def test_a_host_and_a_domain_written_by_name_match_the_logs_addresses(tmp_path: Path) -> None:
    symptoms = (
        "* cache client: redis.exceptions.ConnectionError: Error 111 connecting to "
        "cache-primary:6380. Connection refused.\n"
        "* [error] 77#77: *9 client intended to send too large body: 5000000 bytes, "
        "client: 192.168.1.4, server: media.internal.example\n"
    )
    assert {78, 186} <= flagged(tmp_path, symptoms, "cache-redis.log")
    assert {23, 53} <= flagged(tmp_path, symptoms, "nginx-error.log")


@pytest.mark.parametrize(
    ("bullet", "symptoms"),
    [
        (
            "* worker.out: Task exceeded maximum timeout value (180 seconds)",
            ("Task exceeded maximum timeout value (<seconds:num> seconds)",),
        ),
        (
            "* /var/log/nginx/uploads.error.log: client intended to send too large body: "
            "3145728 bytes",
            ("client intended to send too large body: <bytes:datasize>",),
        ),
        (
            "* Restore failed: cp: error writing '/srv/restore/base.tar': No space left on device",
            ("cp: error writing '<path>': No space left on device",),
        ),
        (
            '* the report step failed: psql: error: connection to server on socket "/run/pg/'
            '.s.PGSQL.5432" failed: FATAL:  sorry, too many clients already',
            (
                # psql's name and its own level go (test_compile_links.py)
                'connection to server on socket "<path>" failed: FATAL: sorry, '
                "too many clients already",
                "FATAL: sorry, too many clients already",
            ),
        ),
        # a file label or "failed:" before plain prose is no log text
        ("* notes.txt: see the attached sheet", ()),
        ("* The deploy failed: we rolled back by hand.", ()),
    ],
)
def test_log_text_after_a_log_file_name_or_failed(bullet: str, symptoms: tuple[str, ...]) -> None:
    (found,) = parse_incident_log(incident(REAL + bullet), "x.md")
    assert found.symptoms == (REAL_SYMPTOM, *symptoms)


def test_log_text_after_failed_matches_the_real_line(tmp_path: Path) -> None:
    bullet = "* Restore failed: cp: error writing '/srv/restore/base.tar': No space left on device"
    assert {14, 41} <= flagged(tmp_path, bullet, "backup-job.log")


TRACEBACK = """\
```
Traceback (most recent call last):
  File "/srv/settle/batch.py", line 40, in run
    cur.execute(SQL)
psycopg2.errors.DeadlockDetected: deadlock detected
DETAIL:  Process 501 waits for ShareLock on transaction 9001; blocked by process 502.
Process 502 waits for ShareLock on transaction 9002; blocked by process 501.
HINT:  See server log for query details.

During handling of the above exception, another exception occurred:

Traceback (most recent call last):
  File "/srv/settle/batch.py", line 44, in run
    conn.rollback()
psycopg2.InterfaceError: connection already closed
```"""


def test_every_line_of_a_tracebacks_message_is_a_symptom() -> None:
    assert symptoms_of(TRACEBACK) == (
        "psycopg2.errors.DeadlockDetected: deadlock detected",
        "DETAIL: Process <process:int> waits for ShareLock on transaction <transaction:int>; "
        "blocked by process <process2:int>",
        "Process <process:int> waits for ShareLock on transaction <transaction:int>; blocked "
        "by process <process2:int>",
        "psycopg2.InterfaceError: connection already closed",
    )


def test_the_second_line_of_a_deadlock_message_matches_the_server_log(tmp_path: Path) -> None:
    lines = flagged(tmp_path, TRACEBACK, "postgresql.log")
    assert {12, 13, 38, 39} <= lines


WRAPS = (
    "* requests: `<urllib3.connection.HTTPConnection object at 0x7f3a>: Failed to establish "
    "a new connection: [Errno 111] Connection refused`\n"
    "* under it: ConnectionRefusedError: [Errno 111] Connection refused\n"
)


def test_a_bare_os_error_that_another_symptom_wraps_is_no_symptom(tmp_path: Path) -> None:
    # the object repr of one occurrence is any text: a newer urllib3 prints HTTPConnection(…)
    assert symptoms_of(WRAPS) == (
        "<any>: Failed to establish a new connection: [Errno 111] Connection refused",
    )
    assert {33, 172} <= flagged(tmp_path, WRAPS, "gateway-http.log")
    md = tmp_path / "pm.md"
    md.write_text(incident(WRAPS), "utf-8")
    result = CliRunner().invoke(cli, ["compile", str(md), "-o", str(tmp_path / "s")])
    assert "-> (no symptom: the bare OS error that another symptom" in result.output
    # in a redis stack the same line is the cause of another error: not this incident
    assert flagged(tmp_path, WRAPS, "cache-redis.log").isdisjoint({45, 153})


def test_a_bare_os_error_alone_or_unwrapped_stays() -> None:
    assert symptoms_of("* backup: OSError: [Errno 28] No space left on device") == (
        "OSError: [Errno 28] No space left on device",
    )
    assert symptoms_of(
        "* [Errno 24] Too many open files\n* the log also had OSError: Too many open files"
    ) == ("[Errno 24] Too many open files", "OSError: Too many open files")
