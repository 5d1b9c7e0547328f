"""Prose that is no log text, and log text after prose (issue #11, fourth pass): words after
a reporting verb that count or introduce a block (`logged one error per event:`), a class
whose message is only a number (`the SystemExit: 1 tracebacks are …`), a traceback's chain
line quoted, a label that ends in a class (`there is the error OSError: …`), a program's own
label after prose (`Also the copy step: cp: error writing …`). docs/incident-log-format.md;
the log lines are real (tests/data/postmortems/logs/)."""

from __future__ import annotations

from pathlib import Path

import pytest
from compile_helpers import REAL, REAL_SYMPTOM, flagged, incident, symptoms_of

from matcher.incidents.reader import parse_incident_log


@pytest.mark.parametrize(
    "bullet",
    [
        "- The publisher logged one error per event:",
        "* The importer logged 300 errors in ten minutes.",
        "* The job printed several warnings about the batch size",
        "* Then it reported the same thing again for every batch:",
        "* The on-call said checkout was slow for everyone in Europe.",
        "* Finance reported invoices missing from the monthly run",
        "- the SystemExit: 1 tracebacks are the killed workers, same incident",
        "* SystemExit: 2 — the arbiter killing it",
        "* `SystemExit: 1`",
        '* (the second one is "during handling of the above exception")',
        "* Followed by `The above exception was the direct cause of the following exception:`",
    ],
)
def test_prose_and_tracebacks_own_lines_are_no_symptom(bullet: str) -> None:
    (found,) = parse_incident_log(incident(REAL + bullet), "x.md")
    assert found.symptoms == (REAL_SYMPTOM,)
    assert found.description is not None and bullet[2:] in found.description


@pytest.mark.parametrize(
    ("bullet", "symptoms"),
    [
        (  # the reporting verb still takes plain words that are the message
            "* the audit export said database or disk is full",
            ("database or disk is full",),
        ),
        (  # a number that names the error is a message
            "* App log: HTTPError: 503 Service Unavailable",
            ("HTTPError: 503 Service Unavailable",),
        ),
        (  # the class stays in front of its message, the prose before it is no label
            "* In the backup-job log there is the error OSError: [Errno 28] No space left on"
            " device, two times.",
            ("OSError: [Errno 28] No space left on device",),
        ),
        (
            "* Also the copy step: cp: error writing '/backup/2026-11-01/db.dump': No space left"
            " on device",
            ("cp: error writing '<path>': No space left on device",),
        ),
        (
            "- Then the restore step: tar: /srv/restore/base.tar: Cannot write: No space left on"
            " device",
            ("tar: <path>: Cannot write: No space left on device",),
        ),
    ],
)
def test_log_text_after_prose(bullet: str, symptoms: tuple[str, ...]) -> None:
    assert symptoms_of(bullet) == symptoms


def test_a_programs_label_after_prose_matches_the_real_line(tmp_path: Path) -> None:
    item = (
        "* Also the copy step: cp: error writing '/backup/2026-11-01/db.dump': No space left on"
        " device"
    )
    assert {14, 41} <= flagged(tmp_path, item, "backup-job.log")


def test_a_class_with_a_number_only_does_not_flag_the_killed_workers(tmp_path: Path) -> None:
    bullets = "* [CRITICAL] WORKER TIMEOUT (pid:418)\n* the SystemExit: 1 tracebacks are the killed"
    lines = flagged(tmp_path, bullets + " workers, same incident", "gunicorn-export.log")
    log = (Path(__file__).parent / "data/postmortems/logs/gunicorn-export.log").read_text()
    exits = {n for n, line in enumerate(log.splitlines(), 1) if line.startswith("SystemExit")}
    assert exits and lines and not exits & lines


@pytest.mark.parametrize(
    ("bullet", "symptom"),
    [
        (
            "* The report job raised psycopg2.errors.QueryCanceled: canceling statement due to"
            " statement timeout every time, after exactly 15 s, which matched the role.",
            "psycopg2.errors.QueryCanceled: canceling statement due to statement timeout",
        ),
        (
            "* Server side: ERROR: canceling statement due to statement timeout, each after"
            " exactly 5s (statement_timeout=5s on the role)",
            "ERROR: canceling statement due to statement timeout",
        ),
        (
            "- gunicorn.errors … [CRITICAL] WORKER TIMEOUT (pid:418) roughly every 30 s under load",
            "[CRITICAL] WORKER TIMEOUT (pid:<pid:int>)",
        ),
        (
            "- arbiter: [CRITICAL] WORKER TIMEOUT (pid:418) at peak",
            "[CRITICAL] WORKER TIMEOUT (pid:<pid:int>)",
        ),
        (
            "* Postgres log itself: FATAL:  sorry, too many clients already (repeated, one per"
            " rejected backend)",
            "FATAL: sorry, too many clients already",
        ),
        (
            "* Server log: FATAL: sorry, too many clients already, dozens per second",
            "FATAL: sorry, too many clients already",
        ),
        (
            "* App log: MySQLdb._exceptions.OperationalError: (1040, 'Too many connections') in"
            " the legacy cron too",
            "MySQLdb._exceptions.OperationalError: Too many connections",
        ),
        (
            "- From the bastion the CLI said ERROR 1040 (08004): Too many connections as well.",
            "ERROR 1040 (08004): Too many connections",
        ),
        (
            "* The worker logged rq.timeouts.JobTimeoutException: Task exceeded maximum timeout"
            " value (180 seconds) over and over.",
            "rq.timeouts.JobTimeoutException: Task exceeded maximum timeout value"
            " (<seconds:num> seconds)",
        ),
        (
            "* redis.exceptions.OutOfMemoryError: command not allowed when used memory >"
            " 'maxmemory'. repeatedly, all night",
            "redis.exceptions.OutOfMemoryError: command not allowed when used memory > 'maxmemory'",
        ),
        (
            "* ERROR 1040 (08004): Too many connections \u2014 from the worker pods",
            "ERROR 1040 (08004): Too many connections",
        ),
        (
            "* Got FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of"
            " memory on most report runs",
            "FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory",
        ),
        (  # the prose before `each` goes with it
            "* The proxy error log showed connect() failed (111: Connection refused) while"
            " connecting to upstream for each request",
            "connect() failed (111: Connection refused) while connecting to upstream",
        ),
    ],
)
def test_unquoted_log_text_ends_where_the_prose_says_how_often_or_where(
    bullet: str, symptom: str
) -> None:
    assert symptoms_of(bullet) == (symptom,)


def test_a_message_with_its_frequency_cut_off_matches_the_real_lines(tmp_path: Path) -> None:
    bullets = (
        "* The report job raised psycopg2.errors.QueryCanceled: canceling statement due to"
        " statement timeout every time, after exactly 15 s.\n"
        "* gunicorn.errors … [CRITICAL] WORKER TIMEOUT (pid:418) roughly every 30 s under load"
    )
    assert {7, 32} <= flagged(tmp_path, bullets, "billing-pg.log")
    (tmp_path / "2").mkdir()
    assert {5, 20, 42, 57} <= flagged(tmp_path / "2", bullets, "gunicorn-export.log")


@pytest.mark.parametrize(
    ("bullet", "symptom"),
    [
        (
            "* After some time the process crashed with Error: connect ECONNREFUSED"
            " 127.0.0.1:4000 \u2026",
            "Error: connect ECONNREFUSED <ip>:<port:int>",
        ),
        (
            "- error log: [error] 3121#3121: *88412 connect() failed (111: Connection refused)"
            " while connecting to upstream, client: \u2026",
            "[error] connect() failed (111: Connection refused) while connecting to upstream",
        ),
        (
            "- Health check line: redis down: Error 111 connecting to <host>:<port>. Connection"
            " refused...",
            "redis down: Error 111 connecting to <host>:<port>. Connection refused",
        ),
    ],
)
def test_an_elision_that_ends_unquoted_log_text_is_dropped(bullet: str, symptom: str) -> None:
    assert symptoms_of(bullet) == (symptom,)


def test_an_elided_end_still_flags_the_lines_that_end_there(tmp_path: Path) -> None:
    item = (
        "* After some time the process crashed with Error: connect ECONNREFUSED 127.0.0.1:4000"
        " \u2026"
    )
    assert {13, 68} <= flagged(tmp_path, item, "node-services.log")


def test_another_librarys_bare_os_error_that_another_symptom_wraps_is_no_symptom(
    tmp_path: Path,
) -> None:
    bullets = (
        "* urllib3.exceptions.NewConnectionError: <urllib3.connection.HTTPConnection object at"
        " 0x7f3a>: Failed to establish a new connection: [Errno 111] Connection refused\n"
        "* httpx-based services saw it as `httpx.ConnectError: [Errno 111] Connection refused`."
    )
    assert symptoms_of(bullets) == (
        "urllib3.exceptions.NewConnectionError: <any>: Failed to establish a new connection:"
        " [Errno 111] Connection refused",
    )
    # the same refusal is the cause of a redis client's error in another stack
    assert flagged(tmp_path, bullets, "cache-redis.log").isdisjoint({45, 153})


NGINX_LINE = (
    "[error] 12048#12048: *2 connect() failed (111: Connection refused) while connecting to"
    ' upstream, client: 127.0.0.1, server: shop.local, request: "GET /api/orders/174543'
    ' HTTP/1.1", upstream: "http://127.0.0.1:58200/api/orders/174543", host: "127.0.0.1:58181"'
)


@pytest.mark.parametrize("bullet", [f"* Error log: {NGINX_LINE}", f"- {NGINX_LINE}"])
def test_a_pasted_line_whose_fields_are_quoted_is_one_log_text(tmp_path: Path, bullet: str) -> None:
    # the request "GET … HTTP/1.1" is no symptom of its own: it would flag the access log
    (found,) = symptoms_of(bullet)
    assert found.startswith("[error] connect() failed (111: Connection refused)")
    assert 'request: "GET ' in found and found.count('"') == 6
    assert flagged(tmp_path, bullet, "nginx-error.log") == {18, 20, 48, 50}
    (tmp_path / "access").mkdir()
    assert flagged(tmp_path / "access", bullet, "nginx-access.log") == set()


def test_a_quote_after_prose_is_still_its_own_log_text() -> None:
    assert symptoms_of('* Server log: "FATAL: sorry, too many clients already"') == (
        "FATAL: sorry, too many clients already",
    )


@pytest.mark.parametrize(
    ("bullet", "symptom"),
    [
        (  # an upper case error of two words starts log text
            "* The arbiter kept printing WORKER TIMEOUT (pid:418)",
            "WORKER TIMEOUT (pid:<pid:int>)",
        ),
        (  # a server's error code starts log text
            "* The PHP shop got SERVER_ERROR out of memory storing object",
            "SERVER_ERROR out of memory storing object",
        ),
        (  # a label that names a log takes log-like text
            "* Arbiter log: WORKER TIMEOUT (pid:418)",
            "WORKER TIMEOUT (pid:<pid:int>)",
        ),
        (
            "* Proxy output: client intended to send too large body: 2097152 bytes",
            "client intended to send too large body: <bytes:datasize>",
        ),
        (  # where the author saw it is no part of it
            "* Then we saw psycopg2.errors.QueryCanceled: canceling statement due to statement"
            " timeout in the worker logs",
            "psycopg2.errors.QueryCanceled: canceling statement due to statement timeout",
        ),
        (  # Node's own `Error:` after prose stays in front of its message
            "* After some time the process crashed with Error: connect ECONNREFUSED 127.0.0.1:4000",
            "Error: connect ECONNREFUSED <ip>:<port:int>",
        ),
        (  # ... and so it does at the start of a bullet
            "- Error: connect ECONNREFUSED 10.0.3.7:3000 (the stock API)",
            "Error: connect ECONNREFUSED <ip>:<port:int>",
        ),
        (  # a bare `Error:` label before a class is a label
            "* Error: sqlite3.OperationalError: database is locked",
            "sqlite3.OperationalError: database is locked",
        ),
    ],
)
def test_where_unquoted_log_text_starts(bullet: str, symptom: str) -> None:
    assert symptoms_of(bullet) == (symptom,)


def test_a_quoted_request_line_is_no_symptom() -> None:
    bullet = (
        '* nginx rejected "POST /upload HTTP/1.1" with client intended to send too large'
        " body: 2097152 bytes"
    )
    assert symptoms_of(REAL + bullet) == (REAL_SYMPTOM,)


def test_a_paragraph_with_several_unquoted_log_texts(tmp_path: Path) -> None:
    paragraph = (
        "Starting at 19:40 the orders API returned 502s. The service logs were full of"
        " pymysql.err.OperationalError: (1040, 'Too many connections') and the MariaDB CLI said"
        " ERROR 1040 (08004): Too many connections when we tried to connect by hand. We also saw"
        " a few \"Access denied for user 'orders'@'localhost'\" warnings, which turned out to be"
        " unrelated."
    )
    assert symptoms_of(paragraph) == (
        "pymysql.err.OperationalError: Too many connections",
        "ERROR 1040 (08004): Too many connections",
    )
    lines = flagged(tmp_path, paragraph, "orders-mysql.log")
    assert {23, 24, 119, 120} <= lines  # the app's 1040 lines
    assert not {72, 168} & lines  # the 1045 `Access denied` lines: put aside as unrelated


def test_a_new_clause_ends_unquoted_log_text() -> None:
    item = (
        "* Around 02:00 every invoice worker died with psycopg2.OperationalError: connection to"
        ' server at "10.0.4.12", port 5432 failed: FATAL:  sorry, too many clients already and'
        " Kubernetes restarted them."
    )
    assert symptoms_of(item)[0].endswith("failed: FATAL: sorry, too many clients already")


def test_a_line_with_quoted_fields_quoted_as_a_whole(tmp_path: Path) -> None:
    bullet = f'* We kept seeing "{NGINX_LINE}" in the logs.'
    (found,) = symptoms_of(bullet)
    assert found.count('"') == 6 and found.endswith('"')
    assert flagged(tmp_path, bullet, "nginx-error.log") == {18, 20, 48, 50}
