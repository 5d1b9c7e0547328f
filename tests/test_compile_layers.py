"""Generalisation and matching, fourth pass (issue #11): a person's placeholder of several
words, an elision at an end of a quote, a bare OS error that keeps its class, and a message
that stands in a line of source code (docs/symptoms.md). The log lines are real
(tests/data/postmortems/logs/, made by running the software)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from compile_helpers import flagged, symptoms_of
from conftest import signature_fields, write_signature

import matcher
from matcher.patterns.generalise import generalise

THUMBNAILER = {9, 19}  # PermissionError: [Errno 13] Permission denied: '…/uploads-1742/…'
NODE_CRASH = {13, 68}  # Error: connect ECONNREFUSED 127.0.0.1:58932, at the end of the line
NODE_SOURCE = {10, 65}  # `      throw er; // Unhandled 'error' event`, above a caret line
REDIS_REFUSED = {45, 153}  # ConnectionRefusedError: [Errno 111] … of a Redis traceback
GATEWAY_REFUSED = {10, 149}  # the same line, in the gateway's chained traceback


def matches(tmp_path: Path, symptoms: Sequence[Any], lines: Sequence[str]) -> list[bool]:
    """Whether a signature of these symptoms flags each line, scanned on its own."""
    write_signature(tmp_path / "sigs", signature_fields("T", symptoms=list(symptoms)))
    ruleset = matcher.load_ruleset([tmp_path / "sigs"])
    return [bool(matcher.scan_text(ruleset, line, events="lines")) for line in lines]


# -- a person's placeholder of several words --------------------------------------------


@pytest.mark.parametrize(
    ("quote", "symptom"),
    [
        (
            "job <job id> failed after {request id} retries",
            "job <job_id> failed after <request_id> retries",
        ),
        ("order <order-id> not found", "order <order_id> not found"),
        ("user <USER_ID> not found", "user <user_id> not found"),
        ("user <ID> not found", "user <id> not found"),
        ("cannot open <some path>: No such file", "cannot open <some_path:path>: No such file"),
        # one lower-case word is a placeholder already; an object repr is any text
        ("File <stdin>, in <module>", "File <stdin>, in <module>"),
        ("upload to /srv/uploads/<user id>/avatar.png failed", "upload to <path> failed"),
    ],
)
def test_a_placeholder_of_several_words_is_a_placeholder(quote: str, symptom: str) -> None:
    assert generalise(quote) == symptom


@pytest.mark.parametrize(
    "bullet",
    [
        "* In log: PermissionError: [Errno 13] Permission denied: "
        "'/srv/uploads/uploads-<user id>/avatar-<user id>.png'",
        "* `PermissionError: [Errno 13] Permission denied: '/srv/uploads/uploads-{user id}/"
        "avatar-{user id}.png'`",
        '- thumbnailer: "PermissionError: [Errno 13] Permission denied: '
        "'/srv/uploads/uploads-<USER_ID>/avatar-<USER_ID>.png'\"",
    ],
)
def test_a_placeholder_inside_a_path_matches_the_real_paths(tmp_path: Path, bullet: str) -> None:
    assert symptoms_of(bullet) == ("PermissionError: [Errno 13] Permission denied: '<path>'",)
    assert flagged(tmp_path, bullet, "thumbnailer.log") == THUMBNAILER


# -- an elision at an end of a quote may be empty ----------------------------------------


@pytest.mark.parametrize(
    ("quote", "symptom"),
    [
        (
            "Error: connect ECONNREFUSED 127.0.0.1:4000 \u2026",
            "Error: connect ECONNREFUSED <ip>:<port:int>",
        ),
        (
            "\u2026 Error: connect ECONNREFUSED 127.0.0.1:4000",
            "Error: connect ECONNREFUSED <ip>:<port:int>",
        ),
        (
            "... sqlite3.OperationalError: database is locked",
            "sqlite3.OperationalError: database is locked",
        ),
        # within the quote, or cut into a word, an elision stands for some text
        ("Error: connect \u2026 127.0.0.1:4000", "Error: connect <any> <ip>:<port:int>"),
        (
            "Lock wait timeout exceeded; try restart\u2026",
            "Lock wait timeout exceeded; try restart<any>",
        ),
        # before a plain word, a leading elision says the message stands after some text
        ("\u2026 failed: connection refused", "<any> failed: connection refused"),
        # a class or a level and nothing else is no message: its elision stays
        ("redis.exceptions.ConnectionError: \u2026", "redis.exceptions.ConnectionError: <any>"),
        ("FATAL: \u2026", "FATAL: <any>"),
    ],
)
def test_an_elision_at_an_end_of_a_quote_may_be_empty(quote: str, symptom: str) -> None:
    assert generalise(quote) == symptom


def test_a_trailing_elision_matches_the_message_at_the_end_of_the_line(tmp_path: Path) -> None:
    bullet = "* Then the process crashed with Error: connect ECONNREFUSED 127.0.0.1:4000 \u2026"
    assert flagged(tmp_path, bullet, "node-services.log") >= NODE_CRASH


# -- a bare OS error keeps its class -----------------------------------------------------


@pytest.mark.parametrize(
    "quote",
    [
        "httpx.ConnectError: [Errno 111] Connection refused",
        "httpx.ConnectError: Connection refused",
        "aiohttp.ClientConnectorError: Connection refused",
        "ConnectError: (111: Connection refused)",
        "OSError: [Errno 111] Connection refused.",
    ],
)
def test_a_bare_os_error_of_another_layer_does_not_match_other_stacks(
    tmp_path: Path, quote: str
) -> None:
    bullet = f"* The refunds service saw `{quote}`."
    found = flagged(tmp_path, bullet, "cache-redis.log")
    found |= flagged(tmp_path, bullet, "gateway-http.log")
    assert found == set()


def test_a_bare_os_error_matches_with_its_class_and_any_module_path(tmp_path: Path) -> None:
    symptoms = ["ConnectionRefusedError: [Errno 111] Connection refused"]
    lines = [
        "ConnectionRefusedError: [Errno 111] Connection refused",
        "builtins.ConnectionRefusedError: [Errno 111] Connection refused",
        "ConnectionRefusedError(111, 'Connection refused')",
        "urllib3.exceptions.NewConnectionError: <…>: Failed to establish a new connection: "
        "[Errno 111] Connection refused",
        "ERROR redis unavailable: [Errno 111] Connection refused",
        "OSError: [Errno 111] Connection refused",
    ]
    assert matches(tmp_path, symptoms, lines) == [True, True, False, False, False, False]


def test_a_strerror_repr_still_matches_its_str_form(tmp_path: Path) -> None:
    # `PermissionError(13, 'Permission denied')`: the class stays, `[Errno 13] ` may follow it
    bullet = "* Upload job died with PermissionError(13, 'Permission denied') writing the avatar."
    assert symptoms_of(bullet) == ("PermissionError: Permission denied",)
    assert flagged(tmp_path, bullet, "thumbnailer.log") == THUMBNAILER


def test_a_resolver_error_or_a_reason_phrase_keeps_its_class_or_level(tmp_path: Path) -> None:
    symptoms = [
        "aiohttp.ClientConnectorError: [Errno -2] Name or service not known",
        "ERROR: 503 Service Unavailable",
    ]
    lines = [
        "socket.gaierror: [Errno -2] Name or service not known",
        "GET /api -> 503 Service Unavailable",
        "aiohttp.client_exceptions.ClientConnectorError: [Errno -2] Name or service not known",
        "ERROR: 503 Service Unavailable",
    ]
    assert matches(tmp_path, symptoms, lines) == [False, False, True, True]


def test_a_message_of_one_or_two_generic_words_keeps_its_class(tmp_path: Path) -> None:
    symptoms = ["pika.exceptions.AMQPConnectionError: Connection closed"]
    lines = [
        "pika.exceptions.AMQPConnectionError: Connection closed",
        "ERROR smtp relay: Connection closed",
        "psycopg2.OperationalError: server closed the connection unexpectedly",
    ]
    assert matches(tmp_path, symptoms, lines) == [True, False, False]


def test_a_distinctive_message_still_drops_its_class(tmp_path: Path) -> None:
    symptoms = [
        "psycopg2.errors.DeadlockDetected: deadlock detected",
        "sqlite3.OperationalError: database is locked",
    ]
    lines = [
        "2026-12-03 08:16:01.532 UTC [4242] ERROR:  deadlock detected",
        '{"level": "error", "msg": "import failed: database is locked"}',
    ]
    assert matches(tmp_path, symptoms, lines) == [True, True]


# -- a message in a line of source code does not stand ------------------------------------


def test_a_message_quoted_from_a_crash_banner_skips_the_source_excerpt(tmp_path: Path) -> None:
    bullet = "* After some time the process crashed with \"Unhandled 'error' event\"."
    assert flagged(tmp_path, bullet, "node-services.log").isdisjoint(NODE_SOURCE)


def test_a_message_in_source_code_does_not_stand(tmp_path: Path) -> None:
    symptoms = [
        {"text": "Unhandled 'error' event", "stands": True},
        {"text": "database is locked", "stands": True},
        "OperationalError: database is locked",
    ]
    code = [
        "      throw er; // Unhandled 'error' event",
        "  /* Unhandled 'error' event */",
        "    raise OperationalError('database is locked')",
        ">       raise sqlite3.OperationalError('database is locked')",
        "    if busy:  # database is locked",
        '   42 |     fprintf(stderr, "database is locked\\n");',
    ]
    errors = [
        "process crashed: Unhandled 'error' event",
        "sqlite3.OperationalError: database is locked",
        "    sqlite3.OperationalError: database is locked",
        "ERROR import http://files/x failed: database is locked",
        "1:M 03 Dec 2026 08:00:00.000 # database is locked",
    ]
    assert matches(tmp_path, symptoms, code + errors) == [False] * 6 + [True] * 5


# -- the OS error a matched line wraps, in the same chained traceback ----------------------


def test_the_os_error_link_of_a_matched_chained_traceback_is_flagged(tmp_path: Path) -> None:
    bullet = (
        "* Gateway: urllib3.exceptions.NewConnectionError: <urllib3.connection.HTTPConnection "
        "object at 0x7f3a2c1b9d50>: Failed to establish a new connection: [Errno 111] "
        "Connection refused"
    )
    gateway = flagged(tmp_path, bullet, "gateway-http.log")
    assert gateway >= GATEWAY_REFUSED | {33, 172}
    # the Redis client's traceback has the same bare line, but not the incident's error
    assert flagged(tmp_path, bullet, "cache-redis.log") == set()


def test_a_resolver_error_link_is_flagged_with_its_wrapper(tmp_path: Path) -> None:
    # remembered with another errno; the wrapper matches, and with it the real link
    bullet = (
        "* urllib3.exceptions.NameResolutionError: <urllib3.connection.HTTPSConnection object "
        "at 0x7f…>: Failed to resolve 'pricing-api.payments.internal' ([Errno -2] Name or "
        "service not known)"
    )
    assert flagged(tmp_path, bullet, "gateway-http.log") >= {83, 102, 222, 241}


def test_only_the_os_error_the_matched_line_wraps_is_its_link(tmp_path: Path) -> None:
    symptoms = ["NewConnectionError: Failed to establish a new connection: <any>"]
    write_signature(tmp_path / "sigs", signature_fields("T", symptoms=symptoms))
    ruleset = matcher.load_ruleset([tmp_path / "sigs"])
    log = (
        "Traceback (most recent call last):\n"
        '  File "/srv/app/net.py", line 8, in connect\n'
        "    sock.connect(sa)\n"
        "{cause}\n"
        "\n"
        "The above exception was the direct cause of the following exception:\n"
        "\n"
        "Traceback (most recent call last):\n"
        '  File "/srv/app/net.py", line 12, in open\n'
        "    raise NewConnectionError(self, msg)\n"
        "urllib3.exceptions.NewConnectionError: <x>: Failed to establish a new connection: "
        "[Errno 111] Connection refused\n"
    )
    same = log.format(cause="ConnectionRefusedError: [Errno 111] Connection refused")
    other = log.format(cause="OSError: [Errno 113] No route to host")
    (finding,) = matcher.scan_text(ruleset, same)
    assert finding.matched_lines == (4, 11)
    (finding,) = matcher.scan_text(ruleset, other)
    assert finding.matched_lines == (11,)


# -- more of what one occurrence names, and prose after the message ------------------------


@pytest.mark.parametrize(
    ("quote", "symptom"),
    [
        # Node (17+) resolves localhost to ::1 and prints the port after it
        ("Error: connect ECONNREFUSED ::1:5432", "Error: connect ECONNREFUSED <ip>:<port:int>"),
        (
            "listen EADDRINUSE: address already in use :::8080",
            "listen EADDRINUSE: address already in use <ip>:<port:int>",
        ),
        ("connect ETIMEDOUT fe80::1%eth0", "connect ETIMEDOUT <ip>"),
        (
            "terminate called after throwing std::bad_alloc",
            "terminate called after throwing std::bad_alloc",
        ),
        # nginx's process, thread and connection frame its error log's message, and its
        # stderr prints none of them; an errno before an elided strerror stays
        (
            "[error] 12#12: *5 upstream timed out (110: Connection timed out)",
            "[error] upstream timed out (110: Connection timed out)",
        ),
        ("[emerg] NNNN#NNNN: still could not bind()", "[emerg] still could not bind()"),
        (
            "*NNN connect() failed (111: Connection refused) while connecting to upstream",
            "connect() failed (111: Connection refused) while connecting to upstream",
        ),
        # a size in another unit than the log's; a person's address; a redacted value
        (
            "client intended to send too large body: 2.5MB, client: xxx.xxx.xxx.xxx",
            "client intended to send too large body: <mb:datasize>, client: <ip>",
        ),
        (
            "Failed to resolve '[REDACTED].invalid' ([Errno -2] Name or service not known)",
            "Failed to resolve '<host>' ([Errno -2] Name or service not known)",
        ),
        (
            "bind() to ****:443 failed (98: Address in use)",
            "bind() to <redacted>:<n:int> failed (98: Address in use)",
        ),
        (
            'server: portal, request: "GET /x HTTP/1.1"',
            'server: <host>, request: "GET <path> HTTP/<http:num>"',
        ),
        # how often, in parentheses, is the author's
        (
            "OSError: [Errno 28] No space left on device (twice, actually: once on flush)",
            "OSError: [Errno 28] No space left on device",
        ),
        (
            "[emerg] bind() to [::]:443 failed (98: \u2026)",
            "[emerg] bind() to <address> failed (98: <any>)",
        ),
        # how often, and where, is the author's
        (
            "FATAL: sorry, too many clients already, dozens per second",
            "FATAL: sorry, too many clients already",
        ),
        (
            "ERROR: canceling statement due to statement timeout, each after exactly 30s",
            "ERROR: canceling statement due to statement timeout",
        ),
        (
            "QueryCanceled: canceling statement due to statement timeout every time",
            "QueryCanceled: canceling statement due to statement timeout",
        ),
        (
            "[CRITICAL] WORKER TIMEOUT (pid:4242) roughly every 30 s under load",
            "[CRITICAL] WORKER TIMEOUT (pid:<pid:int>)",
        ),
        (
            "MySQLdb._exceptions.OperationalError: (1040, 'Too many connections') in the legacy "
            "cron too",
            "MySQLdb._exceptions.OperationalError: Too many connections",
        ),
        (
            'could not translate host name "ledger-db" to address: Name or service not known',
            'could not translate host name "<host>" to address: Name or service not known',
        ),
        # a count before a colon measures, though a code before one names the error
        (
            "import batch 17: OperationalError('database is locked')",
            "import batch <batch:int>: OperationalError('database is locked')",
        ),
        (
            "connect() failed (111: Connection refused)",
            "connect() failed (111: Connection refused)",
        ),
        # a log's own words after a parenthesis stay
        (
            "upstream timed out (110: Connection timed out) while reading response header from "
            "upstream",
            "upstream timed out (110: Connection timed out) while reading response "
            "header from upstream",
        ),
    ],
)
def test_what_one_occurrence_names_varies_and_prose_is_dropped(quote: str, symptom: str) -> None:
    assert generalise(quote) == symptom


def test_nginx_pid_and_tid_of_one_occurrence_match_other_workers(tmp_path: Path) -> None:
    bullet = (
        "- error.log: `2026/11/02 03:14:07 [error] 31337#31337: *5 connect() failed "
        "(111: Connection refused) while connecting to upstream`"
    )
    assert flagged(tmp_path, bullet, "nginx-error.log") == {18, 20, 48, 50}


def test_an_ipv6_loopback_with_its_port_matches_other_addresses(tmp_path: Path) -> None:
    bullet = "* stock-sync crashed: `Error: connect ECONNREFUSED ::1:3000`"
    # the handled error's ERROR lines and the crash's own lines
    assert flagged(tmp_path, bullet, "node-services.log") == {1, 13, 56, 68}


def test_a_url_a_host_header_and_a_shell_style_placeholder_vary(tmp_path: Path) -> None:
    assert generalise("uploads to ${USER_ID} failed") == "uploads to <user_id> failed"
    assert generalise("(Background on this error at: https://sqlalche.me/e/20/e3q8)") == (
        "(Background on this error at: <url:path>)"
    )
    bullet = (
        "- nginx: `[error] 311#311: *9 connect() failed (111: Connection refused) while "
        "connecting to upstream, client: 10.0.3.7, server: shop.example.com, request: "
        '"GET /api/orders/1 HTTP/1.1", upstream: "http://10.0.8.15:8081/api/orders/1", '
        'host: "shop.example.com"`'
    )
    # the Host header of the real lines carries a port: `host: "127.0.0.1:58181"`
    assert 'upstream: "<url:path>", host: "<host_header>"' in symptoms_of(bullet)[0]
    assert flagged(tmp_path, bullet, "nginx-error.log") == {18, 20, 48, 50}


def test_memcacheds_protocol_error_is_a_level_its_client_drops(tmp_path: Path) -> None:
    # PHP's Memcached shows the server's reply; pymemcache raises its message in bytes
    bullet = "* The PHP side logged `SERVER_ERROR out of memory storing object` for each set."
    assert flagged(tmp_path, bullet, "sessions-memcache.log") == {13, 14, 40, 41}


def test_a_class_whose_message_repeats_its_name_matches_every_form(tmp_path: Path) -> None:
    # kafka-python's str() repeats the class; its app log writes the repr
    bullet = (
        "* Producer died: `kafka.errors.KafkaTimeoutError: KafkaTimeoutError: Failed to update "
        "metadata after 60.0 secs.`"
    )
    assert symptoms_of(bullet) == (
        "kafka.errors.KafkaTimeoutError: Failed to update metadata after <secs:num> secs",
    )
    assert flagged(tmp_path, bullet, "events-kafka.log") == {54, 64, 121, 140}
