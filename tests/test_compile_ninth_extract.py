"""Issue #11, ninth pass: what people paste and write, extracted and matched. A pasted line's
collector framing (syslog, journald, kubectl --prefix, docker compose) is no part of the
message; an elision between a class and the rest stays an elision; a timeline's time before a
file label; nginx's request fields after its message name one request; an application's line
that says only what failed is context beside the error also with its level and app prefix; a
symptom with no words of a message (a bare errno, a level, a check answered no) is none. Each
rule in phrasings other than the held-out postmortems', with controls, and on the real lines of
tests/data/postmortems/logs/."""

from __future__ import annotations

from pathlib import Path

import pytest
from compile_helpers import flagged, symptoms_of

# --- 1. the collector's framing -------------------------------------------------------------


@pytest.mark.parametrize(
    ("bullet", "symptom"),
    [
        (  # journald / syslog short, in a code block, the program's own `nginx:` after it
            "* journal on edge-3:\n\n  ```\n"
            "  Nov 10 06:02:00 edge-3 nginx[31877]: nginx: [emerg] still could not bind()\n"
            "  ```\n",
            "[emerg] still could not bind()",
        ),
        (  # journalctl -o short-iso, quoted inline
            "* `2026-11-10T06:01:58+00:00 web-2 nginx[811]: nginx: [emerg] still could not bind()`",
            "[emerg] still could not bind()",
        ),
        (  # rsyslog's file format with a program and pid, then a Python exception
            "* syslog on nas01: `Dec  3 08:16:25 nas01 backup[4242]: OSError: [Errno 28] No "
            "space left on device`",
            "OSError: [Errno 28] No space left on device",
        ),
        (  # a program without a pid (`kernel:`)
            "* `Nov  3 02:14:07 db01 kernel: Out of memory: Killed process 4711 (postgres)`",
            "Out of memory: Killed process <process:int> (postgres)",
        ),
        (  # docker compose logs: `service-1  | ` before gunicorn's own line
            "* compose output: `export-1  | [2026-11-14 16:46:02 +0000] [7] [CRITICAL] "
            "WORKER TIMEOUT (pid:4711)`",
            "[CRITICAL] WORKER TIMEOUT (pid:<pid:int>)",
        ),
        (  # kubectl logs --prefix, then the application's own timestamp, pid and level
            "* `[pod/report-7f9c-x2/app] 2026-11-04 02:00:31,009 [77] ERROR: canceling "
            "statement due to statement timeout`",
            "ERROR: canceling statement due to statement timeout",
        ),
        (  # kubelet's CRI file: `<time> stderr F `
            "* `2026-11-03T04:12:55.101234567Z stderr F ERROR: canceling statement due to "
            "statement timeout`",
            "ERROR: canceling statement due to statement timeout",
        ),
        (  # Python logging's logger and thread after the level
            "* `2026-11-03 04:12:55,101 ERROR kafka.producer.sender [producer-1-network-thread] "
            "Connection failed: KafkaConnectionError: 111 ECONNREFUSED`",
            # (the errno before its name names the error: it stays)
            "ERROR Connection failed: KafkaConnectionError: 111 ECONNREFUSED",
        ),
    ],
)
def test_a_collectors_framing_is_no_part_of_the_message(bullet: str, symptom: str) -> None:
    assert symptoms_of(bullet) == (symptom,)


def test_a_level_after_a_timestamp_is_no_host() -> None:
    # control: `<time> ERROR billing: …` has the shape `<time> host program:` but its "host"
    # is the level, which stays
    (found,) = symptoms_of(
        "* `2026-11-10T06:01:58Z ERROR billing: export aborted with OperationalError: "
        "database is locked`"
    )
    assert found.startswith("ERROR billing: export aborted")


def test_another_loggers_line_flags_the_real_kafka_lines(tmp_path: Path) -> None:
    bullet = (
        "* `2026-11-03 04:12:55,101 ERROR kafka.client.conn [kafka-python-network-thread] "
        "Connection failed: KafkaConnectionError: 111 ECONNREFUSED`\n"
    )
    assert flagged(tmp_path, bullet, "events-kafka.log") == {37, 47, 104, 114, 125}


def test_framed_lines_flag_the_real_nginx_lines(tmp_path: Path) -> None:
    bullet = (
        "* journal:\n\n  ```\n"
        "  Nov 10 06:01:58 edge-euw-03 nginx[31877]: nginx: [emerg] bind() to 0.0.0.0:443 "
        "failed (98: Address already in use)\n"
        "  Nov 10 06:02:00 edge-euw-03 nginx[31877]: nginx: [emerg] still could not bind()\n"
        "  ```\n"
    )
    assert {11, 41} <= flagged(tmp_path, bullet, "nginx-error.log")
    assert {6, 15} <= flagged(tmp_path, bullet, "nginx-stderr.log")


def test_a_compose_framed_line_flags_the_real_gunicorn_lines(tmp_path: Path) -> None:
    bullet = "* `export-1  | [2026-11-14 16:46:02 +0000] [7] [CRITICAL] WORKER TIMEOUT (pid:4711)`"
    assert flagged(tmp_path, bullet, "gunicorn-export.log") == {5, 20, 42, 57}


# --- 2. an elision between the class and the rest --------------------------------------------


@pytest.mark.parametrize(
    ("bullet", "symptom"),
    [
        (
            "* at the bottom: requests.exceptions.ConnectionError … (Caused by "
            "NameResolutionError(\"HTTPSConnection(host='q.svc', port=443): Failed\"))",
            "requests.exceptions.ConnectionError: <any> (Caused by NameResolutionError("
            "\"HTTPSConnection(host='<host>', port=<port:int>): Failed\"))",
        ),
        (  # no space around the elision
            '* `requests.exceptions.ConnectionError…(Caused by NameResolutionError("x"))`',
            'requests.exceptions.ConnectionError: <any> (Caused by NameResolutionError("x"))',
        ),
        (
            "* `urllib3.exceptions.MaxRetryError ... Max retries exceeded with url: /v1/quote`",
            "urllib3.exceptions.MaxRetryError: <any> Max retries exceeded with url: <path>",
        ),
        (
            "* `psycopg2.OperationalError ... FATAL:  sorry, too many clients already`",
            "psycopg2.OperationalError: <any> FATAL: sorry, too many clients already",
        ),
        (
            "* producer: kafka.errors.KafkaTimeoutError … after 60.0 secs",
            "kafka.errors.KafkaTimeoutError: <any> after <secs:num> secs",
        ),
    ],
)
def test_an_elision_after_the_class_stays_an_elision(bullet: str, symptom: str) -> None:
    assert symptoms_of(bullet) == (symptom,)


def test_an_elided_chain_flags_the_real_lines(tmp_path: Path) -> None:
    bullet = (
        "* exception at the bottom: requests.exceptions.ConnectionError … (Caused by "
        "NameResolutionError(\"HTTPSConnection(host='pricing-api.prod.svc', port=443): Failed "
        "to resolve 'pricing-api.prod.svc' ([Errno -2] Name or service not known)\"))\n"
    )
    lines = flagged(tmp_path, bullet, "gateway-http.log")
    assert {137, 276} <= lines
    # control: the other incident's chain (connection refused) stays quiet
    assert not lines & {7, 8, 9}


def test_an_elided_message_flags_the_real_kafka_lines(tmp_path: Path) -> None:
    bullet = "* producer: kafka.errors.KafkaTimeoutError … after 60.0 secs\n"
    assert flagged(tmp_path, bullet, "events-kafka.log")


# --- 3. a timeline's time, a file label, nginx's request fields ------------------------------


@pytest.mark.parametrize(
    ("bullet", "symptom"),
    [
        (
            "* 09:31 — error.log: client intended to send too large body: 10485760 bytes, "
            'client: <ip>, server: up.example.com, request: "POST /upload HTTP/1.1"',
            "client intended to send too large body: <bytes:datasize>, client: <ip>, server: "
            '<host>, request: "POST <path> HTTP/<http:num>"',
        ),
        (
            "* [14:22] nginx error.log: upstream timed out (110: Connection timed out) while "
            "reading response header from upstream, client: 10.0.0.1, server: api.example.com",
            "upstream timed out (110: Connection timed out) while reading response header from "
            "upstream, client: <ip>, server: <host>",
        ),
        (
            "* **02:16** - worker.out: OSError: [Errno 24] Too many open files",
            "OSError: [Errno 24] Too many open files",
        ),
        (
            '* 11:05 UTC: app log: could not translate host name "db" to address: Name or '
            "service not known",
            'could not translate host name "<host>" to address: Name or service not known',
        ),
        (
            "* 16:46 - gunicorn.log: [CRITICAL] WORKER TIMEOUT (pid:4711)",
            "[CRITICAL] WORKER TIMEOUT (pid:<pid:int>)",
        ),
        (  # nginx's fields in a quote: their values vary
            "* `[error] 4211#4211: *918 connect() failed (111: Connection refused) while "
            'connecting to upstream, client: 10.1.4.77, server: shop.example.com, request: "GET '
            '/api/orders/5519023 HTTP/1.1", upstream: "http://10.2.8.14:8000/api/orders/1"`',
            "[error] connect() failed (111: Connection refused) while connecting to upstream, "
            'client: <ip>, server: <host>, request: "GET <path> HTTP/<http:num>", upstream: '
            '"<url:path>"',
        ),
    ],
)
def test_a_timeline_then_a_label_then_log_text(bullet: str, symptom: str) -> None:
    assert symptoms_of(bullet) == (symptom,)


@pytest.mark.parametrize(
    "bullet",
    [
        "* 09:30 — access log: `POST /upload` → 413.",
        "* 02:31 — scaled the deployment back up, all green.",
    ],
)
def test_a_timeline_of_prose_stays_description(bullet: str) -> None:
    assert symptoms_of(f"{bullet}\n* `ERROR: deadlock detected`") == ("ERROR: deadlock detected",)


def test_nginx_fields_of_another_request_flag_the_real_lines(tmp_path: Path) -> None:
    # the author's client, vhost, URL and upstream are one request's; the log's are others
    bullet = (
        "* 14:22 — nginx error.log: `[error] 4211#4211: *918 connect() failed (111: Connection "
        "refused) while connecting to upstream, client: 10.1.4.77, server: shop.example.com, "
        'request: "GET /api/orders/5519023 HTTP/1.1", upstream: '
        '"http://10.2.8.14:8000/api/orders/5519023"`\n'
    )
    # control: `no live upstreams` (line 22), the same fields, another error
    assert flagged(tmp_path, bullet, "nginx-error.log") == {18, 20, 48, 50}


def test_a_timeline_label_flags_the_real_nginx_lines(tmp_path: Path) -> None:
    bullet = (
        "* 09:31 — error.log: client intended to send too large body: 10485760 bytes, client: "
        '<ip>, server: sellers.example.com, request: "POST /upload HTTP/1.1"\n'
    )
    assert flagged(tmp_path, bullet, "nginx-error.log") == {23, 53}


# --- 4. the application's outcome line, with its level and prefix ----------------------------

ERROR = "* `OSError: [Errno 24] Too many open files: '/srv/t/a.png'`\n"


@pytest.mark.parametrize(
    "outcome",
    [
        "* Log: ERROR thumbnail batch failed after 1012 files",
        "* `2026-11-04 02:00:31,009 [77] ERROR billing: monthly report query aborted after "
        "30000ms`",
        "* `[error] export job failed`",
        "* `ERROR: nightly upload failed`",
        "* `CRITICAL importer: batch 7 gave up after 3 tries`",
    ],
)
def test_an_outcome_with_its_level_and_app_is_context(outcome: str) -> None:
    assert symptoms_of(f"{outcome}\n{ERROR}") == (
        "OSError: [Errno 24] Too many open files: '<path>'",
    )


def test_an_outcome_alone_stays() -> None:
    assert symptoms_of("* Log: ERROR thumbnail batch failed after 1012 files") == (
        "ERROR thumbnail batch failed after <files:int> files",
    )


@pytest.mark.parametrize(
    "kept",
    [
        "* `ERROR billing: invoice failed: OperationalError: database is locked`",
        "* `ERROR psycopg2.OperationalError: connection failed`",
    ],
)
def test_a_line_that_says_how_it_failed_is_no_outcome(kept: str) -> None:
    assert len(symptoms_of(f"{kept}\n{ERROR}")) == 2


def test_outcome_lines_are_not_flagged_in_the_real_logs(tmp_path: Path) -> None:
    bullets = (
        "* Log: ERROR thumbnail batch failed after 1012 files\n"
        "* `cannot open socket to image store: [Errno 24] Too many open files`\n"
    )
    assert flagged(tmp_path, bullets, "thumbnailer.log") == {5, 15}
    bullets = (
        "* `2026-11-04 02:00:31,009 [77] ERROR billing: monthly report query aborted after "
        "30000ms`\n* `ERROR:  canceling statement due to statement timeout`\n"
    )
    assert not flagged(tmp_path, bullets, "billing-pg.log") & {3, 28}


# --- 5. no words of a message -----------------------------------------------------------------

NEW_CONNECTION = (
    "* urllib3's NewConnectionError: `<urllib3.connection.HTTPConnection object at 0x7f3a>: "
    "Failed to establish a new connection: [Errno 111] Connection refused`\n"
)
NEW_SYMPTOM = "<any>: Failed to establish a new connection: [Errno 111] Connection refused"


@pytest.mark.parametrize(
    "bullet",
    [
        "* underneath: ConnectionRefusedError [Errno 111], then the pool's error",
        "* the pool-stats line prints `(too many clients: no)` all day",
        "* the health check said `used_memory > maxmemory? no`, which is fine",
        "* `lock check: database is locked? no`",
        "* grep for the FATAL, not for the warnings",
        "* ERROR 503 on every call",
    ],
)
def test_a_symptom_without_message_words_is_none(bullet: str) -> None:
    assert symptoms_of(f"{bullet}\n{NEW_CONNECTION}") == (NEW_SYMPTOM,)


def test_a_class_and_its_errno_alone_stays() -> None:
    # control: without a message that carries the errno, the class and its errno is the error
    # (written without its colon, it gets the one Python prints)
    (found,) = symptoms_of("* underneath: ConnectionRefusedError [Errno 111], then retries")
    assert found == "ConnectionRefusedError: [Errno 111]"


def test_a_code_with_its_state_stays() -> None:
    (found,) = symptoms_of("* `ERROR 1040 (HY000): Too many connections`")
    assert found.startswith("ERROR 1040 (HY000)")


def test_a_bare_errno_does_not_flag_another_stacks_line(tmp_path: Path) -> None:
    bullets = "* underneath: ConnectionRefusedError [Errno 111], then …\n" + NEW_CONNECTION
    assert not flagged(tmp_path, bullets, "cache-redis.log") & {45, 153}
    assert flagged(tmp_path, bullets, "gateway-http.log")
