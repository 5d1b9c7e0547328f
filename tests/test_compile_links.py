"""Chained errors and the hosts they name (issue #11, `compile5b`): a repr the author cut at
its start, a host an OS or resolver error is about, the link a matched line holds as a repr,
and where a class-less message stands on a line at a lower level. Checked on real logs
(tests/data/postmortems/logs/) and on tests/data/events/."""

from __future__ import annotations

from pathlib import Path

import pytest
from compile_helpers import LOGS, flagged
from conftest import signature_fields, write_signature

import matcher
from matcher.patterns.generalise import generalise

EVENTS = Path(__file__).parent / "data" / "events"
# gateway-http.log: the refused inventory call's chain, and the unresolved pricing host's.
REFUSED_CHAIN = {10, 33, 47, 68, 149, 172, 186, 207}
NEW_CONNECTION_LINKS = {33, 172}  # urllib3.exceptions.NewConnectionError: HTTPConnection(…): …
RESOLVE_CHAIN = {83, 102, 116, 137, 222, 241, 255, 276}


def flagged_anywhere(tmp_path: Path, symptoms: str) -> dict[str, set[int]]:
    """Lines flagged in every real log and event sample, per file name."""
    found: dict[str, set[int]] = {}
    for log in sorted(LOGS.glob("*.log")) + sorted(EVENTS.glob("*")):
        if log.is_file():
            lines = flagged(tmp_path, symptoms, str(log.resolve()))
            if lines:
                found[log.name] = lines
    return found


@pytest.mark.parametrize(
    ("quote", "symptom"),
    [
        (
            "NameResolutionError(... Failed to resolve 'pricing-api.internal' ([Errno -2] Name "
            "or service not known))",
            "NameResolutionError: <any> Failed to resolve '<host>' ([Errno -2] Name or service "
            "not known)",
        ),
        (
            "KafkaTimeoutError(\u2026 after 60.0 secs.')",
            "KafkaTimeoutError: <any> after <secs:num> secs",
        ),
        (
            "java.net.UnknownHostException: pricing-api.internal: Name or service not known",
            "java.net.UnknownHostException: <host>: Name or service not known",
        ),
        ("OSError: db-1.internal: Connection refused", "OSError: <host>: Connection refused"),
        # a module path before a message that is no OS error is no host of one occurrence
        ("ModuleNotFoundError: app.jobs: no export", "ModuleNotFoundError: app.jobs: no export"),
        ("ImportError: ledger.py: Permission denied", "ImportError: ledger.py: Permission denied"),
        # a program and its own lower-case level: libpq's message reaches apps without them
        (
            'psql: error: could not translate host name "ledger-db.prod" to address: x',
            'could not translate host name "<host>" to address: x',
        ),
        # ... not before a message too short to stand alone
        ("psql: error: connection refused", "psql: error: connection refused"),
        ("curl: (7) Failed to connect", "curl: (<n:int>) Failed to connect"),
        ("cp: error writing '/x/y': oops", "cp: error writing '<path>': oops"),
    ],
)
def test_a_cut_repr_and_the_host_of_an_os_error_generalise(quote: str, symptom: str) -> None:
    assert generalise(quote) == symptom


def test_a_repr_cut_at_its_start_matches_its_class_and_repr_forms(tmp_path: Path) -> None:
    bullet = (
        "* requests / urllib3 2.x in the gateway: `NameResolutionError(... Failed to resolve "
        "'pricing-api.internal' ([Errno -2] Name or service not known))`"
    )
    # the class line, the repr inside MaxRetryError and ConnectionError, and the gaierror link
    assert flagged_anywhere(tmp_path, bullet) == {"gateway-http.log": RESOLVE_CHAIN}


def test_a_host_before_a_resolver_error_keeps_the_class_required(tmp_path: Path) -> None:
    bullet = "* `java.net.UnknownHostException: pricing-api.internal: Name or service not known`"
    # another client's class: neither the gateway's urllib3 chain nor libpq's message
    assert flagged_anywhere(tmp_path, bullet) == {}
    symptoms = ["java.net.UnknownHostException: <host>: Name or service not known"]
    write_signature(tmp_path / "own", signature_fields("T", symptoms=symptoms))
    ruleset = matcher.load_ruleset([tmp_path / "own"])
    log = tmp_path / "app.log"
    log.write_text(
        "java.net.UnknownHostException: ledger-db.prod: Name or service not known\n"
        "ERROR resolve: ledger-db.prod: Name or service not known\n",
        "utf-8",
    )
    assert [f.line for f in matcher.scan_file(ruleset, log)] == [1]


def test_a_programs_own_level_goes_with_it(tmp_path: Path) -> None:
    bullet = (
        '* psql: `psql: error: could not translate host name "ledger-db.prod" to address: Name '
        "or service not known`"
    )
    # the gateway logs libpq's message after its own words, without psql's label
    assert flagged_anywhere(tmp_path, bullet) == {"gateway-http.log": {138, 277}}
    (tmp_path / "socket").mkdir()
    bullet = (
        '* `psql: error: connection to server on socket "/var/run/postgresql/.s.PGSQL.5432" '
        "failed: FATAL:  sorry, too many clients already`"
    )
    # psql's own line, and the server's and the driver's `FATAL: sorry, too many clients`
    assert flagged_anywhere(tmp_path / "socket", bullet) == {
        "psql-report.log": {1},
        "billing-pg.log": {1},
        "postgresql.log": {6, 32},
    }


def test_the_link_a_matched_line_holds_as_a_repr_is_flagged(tmp_path: Path) -> None:
    bullet = (
        "* `requests.exceptions.ConnectionError: HTTPConnectionPool(host='inventory', port=8081):"
        " Max retries exceeded with url: /api/v2/reserve (Caused by NewConnectionError('<urllib3"
        ".connection.HTTPConnection object at 0x7f3a2c1d5e50>: Failed to establish a new "
        "connection: [Errno 111] Connection refused'))`"
    )
    found = flagged_anywhere(tmp_path, bullet)
    assert found == {"gateway-http.log": REFUSED_CHAIN | {69, 208}}
    assert found["gateway-http.log"] >= NEW_CONNECTION_LINKS


def test_a_link_is_flagged_only_when_its_message_is_the_repr_held(tmp_path: Path) -> None:
    symptoms = ["MaxRetryError: Max retries exceeded with url: <path> <any>"]
    write_signature(tmp_path / "sigs", signature_fields("T", symptoms=symptoms))
    ruleset = matcher.load_ruleset([tmp_path / "sigs"])
    chain = (
        "Traceback (most recent call last):\n"
        '  File "/srv/app/net.py", line 8, in connect\n'
        "    sock.connect(sa)\n"
        "{link}\n"
        "\n"
        "The above exception was the direct cause of the following exception:\n"
        "\n"
        "Traceback (most recent call last):\n"
        '  File "/srv/app/pool.py", line 9, in urlopen\n'
        "    raise MaxRetryError(pool, url, e)\n"
        "urllib3.exceptions.MaxRetryError: Max retries exceeded with url: /x (Caused by "
        'NewConnectionError("conn: Failed to establish a new connection: timed out"))\n'
    )
    log = tmp_path / "app.log"
    link = "urllib3.exceptions.NewConnectionError: conn: Failed to establish a new connection: "
    same, other = link + "timed out", link + "refused"
    log.write_text(chain.format(link=same), "utf-8")
    assert [f.matched_lines for f in matcher.scan_file(ruleset, log)] == [(4, 11)]
    log.write_text(chain.format(link=other), "utf-8")
    assert [f.matched_lines for f in matcher.scan_file(ruleset, log)] == [(11,)]


def test_a_class_less_message_does_not_stand_at_a_lower_level(tmp_path: Path) -> None:
    # gunicorn's `[INFO] Booting worker …` lines sit next to WORKER TIMEOUT's events
    bullet = "* Then \u201cBooting worker with pid: 23140\u201d after every timeout."
    assert flagged_anywhere(tmp_path, bullet) == {}
    timeout = (
        "* Server log (gunicorn): `[2026-12-02 10:41:07 +0000] [17] [CRITICAL] WORKER TIMEOUT "
        "(pid:23117)`"
    )
    (tmp_path / "both").mkdir()
    assert flagged_anywhere(tmp_path / "both", timeout + "\n" + bullet) == {
        "gunicorn-export.log": {5, 20, 42, 57}
    }
