"""Postmortems as people write them (issue #11): every style of the issue's table compiles,
and what it compiles to matches the real lines that state the error, and no near miss.

The corpus is tests/data/compile-styles/incidents.md (13 incidents in several teams' styles)
against real logs: tests/data/postmortems/logs/ (MariaDB, PostgreSQL, Redis, nginx, requests,
kafka-python, Node.js, really run; see tools/postmortems/) and
tests/data/compile-styles/runtime.log (Python's sqlite3, open(), json, subprocess and sockets
really failing; tools/compile_styles/runtime_failures.py).
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

import matcher
from matcher.incidents.reader import load_incident_log
from matcher.incidents.writer import write_signatures
from matcher.patterns.generalise import generalise

DATA = Path(__file__).parent / "data"
STYLES = DATA / "compile-styles" / "incidents.md"
RUNTIME = DATA / "compile-styles" / "runtime.log"
LOGS = [*sorted((DATA / "postmortems" / "logs").glob("*.log")), RUNTIME]

# Every line flagged, per incident: the real lines that state each incident's error.
EXPECTED = {
    "STY-01": {
        "backoffice-import.log": [7, 8, 21, 22],
        "runtime.log": [7, 8, 13, 20, 21, 26],
    },
    "STY-02": {
        "runtime.log": [31, 42],
    },
    "STY-03": {
        "runtime.log": [49, 50, 52],
    },
    "STY-04": {
        "runtime.log": [70, 88],
    },
    "STY-05": {
        "runtime.log": [89, 91],
    },
    "STY-06": {
        # a bare OS error keeps its class: the wrappers' "… [Errno 111] Connection refused"
        # lines are another layer's error (docs/symptoms.md, "The layer rule")
        "cache-redis.log": [45, 153],
        "gateway-http.log": [10, 149],
        "runtime.log": [92, 100, 102, 110],
    },
    "STY-07": {
        "mariadb-cli.log": [1, 7],
        "orders-mysql.log": [23, 24, 119, 120],
    },
    "STY-08": {
        "mariadb-cli.log": [6, 12],
        "orders-mysql.log": [50, 51, 146, 147],
    },
    "STY-09": {
        # not the `[warn] upstream server temporarily disabled` lines (19, 21, 49, 51): a warning
        # beside the incident's errors is context (issue #11, eighth pass)
        "nginx-error.log": [1, 3, 5, 7, 9, 11, 31, 33, 35, 37, 39, 41],
        "nginx-stderr.log": [1, 2, 3, 4, 5, 6, 10, 11, 12, 13, 14, 15],
    },
    "STY-10": {
        "cache-redis.log": [32, 33, 140, 141],
        "redis-cli.log": [1, 3],
    },
    "STY-11": {
        "billing-pg.log": [1, 7, 32],
        "postgresql.log": [6, 7, 32, 33],
        "psql-report.log": [1],
    },
    "STY-12": {
        "events-kafka.log": [54, 64, 121, 140],
    },
    "STY-13": {
        "nginx-error.log": [23, 53],
    },
}

# Real lines of the same software that only look alike: none may be flagged.
NEAR_MISSES = {
    "runtime.log": {
        1: "INFO lock probe: database is locked? no",
        2: "WARNING retry 0 after database is locked",
        14: "INFO lock probe: database is locked? yes",
        15: "WARNING retry 7 after database is locked",
        37: "IsADirectoryError: [Errno 21] (another errno of open())",
        48: "IsADirectoryError: [Errno 21]",
        51: "JSONDecodeError: Expecting ',' delimiter (another JSON error)",
        90: "died with <Signals.SIGTERM: 15> (another signal)",
        101: "INFO search backend reconnected after Connection refused",
        111: "INFO search backend reconnected after Connection refused",
    },
    "orders-mysql.log": {
        25: "WARNING retrying checkout after Too many connections",
        26: "INFO pool check: Too many connections? no",
        52: "INFO no Lock wait timeout exceeded since restart",
        53: "WARNING Lock wait timeout exceeded? checking innodb status",
        54: "ERROR (1213, 'Deadlock found …') (another MySQL error)",
    },
    "billing-pg.log": {
        13: "psycopg2 QueryCanceled: canceling statement due to user request",
        2: "INFO pool stats: … (too many clients: no)",
        26: "ERROR … FATAL: remaining connection slots are reserved (another refusal)",
    },
    "cache-redis.log": {
        34: "WARNING cache evicting sessions to avoid OOM command not allowed errors",
        35: "INFO cache memory check: used_memory > maxmemory? no",
    },
    "nginx-error.log": {
        2: "[notice] try again to bind() after 500ms",
        22: "[error] *5 no live upstreams while connecting to upstream",
    },
}


@pytest.fixture(scope="module")
def compiled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    log = load_incident_log(STYLES)
    assert log.problems == ()
    out = tmp_path_factory.mktemp("sigs")
    write_signatures(log.incidents, out)
    return out


def flagged(signatures: Path, engine: str) -> dict[str, dict[str, list[int]]]:
    ruleset = matcher.load_ruleset([signatures], engine=engine)
    found: dict[str, dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
    for log in LOGS:
        for finding in matcher.scan_file(ruleset, log):
            found[finding.signature.id][log.name].update(finding.matched_lines)
    return {s: {f: sorted(n) for f, n in files.items()} for s, files in found.items()}


def test_every_incident_of_every_style_compiles() -> None:
    log = load_incident_log(STYLES)
    assert log.problems == () and log.skipped == 0
    assert len(log.incidents) == 13
    bullets = sum(1 for line in STYLES.read_text("utf-8").splitlines() if line[:2] in ("* ", "- "))
    assert bullets >= 40
    # every incident reads at least one symptom, and keeps its prose as description
    assert all(incident.symptoms for incident in log.incidents)


def test_the_real_lines_of_each_error_are_flagged_and_nothing_else(
    compiled: Path, engine: str
) -> None:
    assert flagged(compiled, engine) == EXPECTED


def test_no_near_miss_is_flagged(compiled: Path) -> None:
    found = flagged(compiled, "pure")
    hits = {(f, n) for files in found.values() for f, lines in files.items() for n in lines}
    wrong = [(f, n, why) for f, misses in NEAR_MISSES.items() for n, why in misses.items()]
    assert [miss for miss in wrong if miss[:2] in hits] == []
    for name, misses in NEAR_MISSES.items():  # the near misses are really there
        lines = (
            (DATA / "postmortems" / "logs" / name).read_text("utf-8").splitlines()
            if (name != "runtime.log")
            else (DATA / "compile-styles" / "runtime.log").read_text("utf-8").splitlines()
        )
        for number, why in misses.items():
            word = why.split(":")[0].split()[0].strip("[(")
            assert word.lower() in lines[number - 1].lower(), (name, number, why)


@pytest.mark.parametrize(
    ("quote", "symptom"),
    [
        # numbers of one occurrence vary (sizes, counts, durations, pids, ports, addresses)
        ("Too many connections (max 151)", "Too many connections (max <max:int>)"),
        ("exceeded memory limit of 512MiB", "exceeded memory limit of <mib:datasize>"),
        ("timed out after 30s", "timed out after <s:num>s"),
        ("WORKER TIMEOUT (pid:4250)", "WORKER TIMEOUT (pid:<pid:int>)"),
        ("Error 111 connecting to 10.0.0.7:6380.", "Error 111 connecting to <ip>:<port:int>"),
        ("after 60.0 secs", "after <secs:num> secs"),
        # a person's placeholders
        ("bind to port NNNN failed", "bind to port <n:int> failed"),
        ("job #XXX failed", "job #<n> failed"),
        ("quota: N/A for user N", "quota: N/A for user <n:int>"),
        ("no pg_hba entry for {user}@{db}", "no pg_hba entry for <user>@<db>"),
        ("connect ECONNREFUSED 127.0.0.1:*", "connect ECONNREFUSED <ip>:<x>"),
        ("cp: error writing ... No space left", "cp: error writing <any> No space left"),
        ("Permission denied: '…'", "Permission denied: '<any>'"),
        ("HTTPConnectionPool(...): Max retries", "HTTPConnectionPool(<any>): Max retries"),
        # a repr or a driver's code tuple becomes its message
        (
            "KafkaTimeoutError('Failed to update metadata after 60.0 secs.')",
            "KafkaTimeoutError: Failed to update metadata after <secs:num> secs",
        ),
        ('Error("disk full",)', "disk full"),
        (
            "OperationalError: (1040, 'Too many connections')",
            "OperationalError: Too many connections",
        ),
        (
            "MemcacheServerError: b'out of memory storing object'",
            "MemcacheServerError: out of memory storing object",
        ),
        (
            "OperationalError (1040, 'Too many connections')",
            "OperationalError: Too many connections",
        ),
        (
            "requests.exceptions.ConnectionError \u2026 Failed to establish a new connection",
            "requests.exceptions.ConnectionError: <any> Failed to establish a new connection",
        ),
        ("bind() to [::]:443 failed", "bind() to <address> failed"),
        ('could not connect to server at "db-main"', 'could not connect to server at "<host>"'),
        # sentence punctuation, curly quotes, prose after the message
        ("\u201cdatabase is locked.\u201d", '"database is locked."'),
        ("used memory > \u2018maxmemory\u2019.", "used memory > 'maxmemory'"),
        ("No space left on device while the backup ran.", "No space left on device"),
        ("deadlock detected for both runs.", "deadlock detected"),
        ("nginx: [emerg] still could not bind()", "[emerg] still could not bind()"),
        # numbers that name the kind of error stay
        (
            "OSError: [Errno 28] No space left on device",
            "OSError: [Errno 28] No space left on device",
        ),
        ("connect() failed (113: No route to host)", "connect() failed (113: No route to host)"),
        ("worker exited on signal 11", "worker exited on signal 11"),
        ("upstream returned HTTP 503", "upstream returned HTTP 503"),
        ("503 Service Unavailable", "503 Service Unavailable"),
        ("the upstream returned 502", "the upstream returned 502"),
        ("took 503 ms, batch 404", "took <ms:num> ms, batch <batch:int>"),
        ("ORA-00001: unique constraint violated", "ORA-00001: unique constraint violated"),
        ("failed with SQLSTATE 23505", "failed with SQLSTATE 23505"),
        ("ERROR 1205 (HY000): Lock wait", "ERROR 1205 (HY000): Lock wait"),
    ],
)
def test_a_quote_generalises_as_the_table_says(quote: str, symptom: str) -> None:
    assert generalise(quote) == symptom
