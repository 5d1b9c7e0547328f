"""Issue #3, events: one finding per traceback, stack trace, panic or pytest failure section.

The logs are real: tests/data/events/ was captured by tools/events/make_traces.sh (Python
logging + logger.exception of really raised sqlite3/SQLAlchemy errors, ``java Trace.java``,
``go run`` of a panicking program, two processes appending to one file, a pytest run), and
sample_logs/ by tools/sample_logs/ (PostgreSQL, psycopg2 under gunicorn, pytest). Line numbers
below are those of the committed files; each expectation also names the text it points at.
"""

from __future__ import annotations

import itertools
import json
import re
import tracemalloc
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import matcher
from matcher.cli.main import cli
from matcher.engine.events import MAX_EVENT_LINES
from matcher.engine.scanner import Scanner
from matcher.model import Finding
from matcher.patterns.prefilter import hyperscan_available
from matcher.patterns.ruleset import Ruleset

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "events"
SAMPLES = ROOT / "sample_logs"
PYTHON = DATA / "python-traces.log"
JAVA = DATA / "java-trace.log"
GO = DATA / "go-panic.log"
INTERLEAVED = DATA / "interleaved.log"
PYTEST_PARAMS = DATA / "pytest-params.log"
FIXTURES = (PYTHON, JAVA, GO, INTERLEAVED, PYTEST_PARAMS)
REAL_LOGS = (
    *FIXTURES,
    *(SAMPLES / name for name in ("gunicorn-app.log", "seed-script.log", "postgresql.log")),
    SAMPLES / "pytest-output.log",
)

ENGINES = [
    pytest.param(
        "hyperscan",
        marks=pytest.mark.skipif(not hyperscan_available(), reason="hyperscan not installed"),
    ),
    "pure",
]

# -- signatures ---------------------------------------------------------------------------


def signature(sig_id: str, symptoms: Any, **extra: Any) -> dict[str, Any]:
    return {
        "id": sig_id,
        "title": f"{sig_id} incident",
        "severity": "high",
        "symptoms": symptoms,
        "resolution": "Follow the runbook.",
        **extra,
    }


DUP = signature(
    "DUP",
    [
        "UNIQUE constraint failed: users.email",
        'duplicate key value violates unique constraint "ix_users_email"',
    ],
)
POOL = signature("POOL", ["QueuePool limit of size <size> overflow <overflow> reached"])
DISK = signature("DISK", ["No space left on device"])
GOPANIC = signature("GOPANIC", ["index out of range [<index>] with length <length>"])
STANDARD = (DUP, POOL, DISK, GOPANIC)

_counter = itertools.count()


def write_signatures(directory: Path, *sigs: dict[str, Any]) -> Path:
    directory.mkdir(parents=True)
    for sig in sigs:
        text = yaml.safe_dump(sig, sort_keys=False, allow_unicode=True)
        (directory / f"{sig['id']}.yml").write_text(text, encoding="utf-8")
    return directory


def load(base: Path, *sigs: dict[str, Any], engine: str = "pure", unknown: bool = False) -> Ruleset:
    directory = write_signatures(base / f"signatures-{next(_counter)}", *sigs)
    ruleset: Ruleset = matcher.load_ruleset(
        [directory], engine=engine, cache=False, unknown=unknown
    )
    return ruleset


@pytest.fixture(scope="module")
def standard(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Ruleset]:
    """The standard signatures per engine, with unknown-failure markers (they change nothing
    about findings; tests that want unknown failures pass ``unknown=True`` to the scanner)."""
    base = tmp_path_factory.mktemp("standard")
    engines = ["pure", *(["hyperscan"] if hyperscan_available() else [])]
    return {engine: load(base, *STANDARD, engine=engine, unknown=True) for engine in engines}


# -- helpers ------------------------------------------------------------------------------


def lines_of(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").split("\n")


def of(findings: Iterable[Finding], sig_id: str) -> list[Finding]:
    return [f for f in findings if f.signature.id == sig_id]


def scan(ruleset: Ruleset, path: Path, **options: Any) -> list[Finding]:
    return list(matcher.scan_file(ruleset, path, **options))


def scan_bytes(
    ruleset: Ruleset, data: bytes, chunk: int | None = None, **options: Any
) -> list[Finding]:
    scanner = Scanner(ruleset, "<test>", **options)
    if chunk is None:
        found = scanner.feed(data)
    else:
        found = [f for i in range(0, len(data), chunk) for f in scanner.feed(data[i : i + chunk])]
    return found + scanner.close()


@dataclass(frozen=True)
class Event:
    """An expected finding: its event's first and last line, the line it points at (and a
    piece of that line's text), and every line where a symptom matched."""

    first: int
    line: int
    last: int
    matched: tuple[int, ...]
    text: str


def assert_events(findings: list[Finding], path: Path, expected: Sequence[Event]) -> None:
    lines = lines_of(path)
    got = [(f.first_line, f.line, f.last_line, f.matched_lines) for f in findings]
    assert got == [(e.first, e.line, e.last, e.matched) for e in expected]
    for finding, event in zip(findings, expected, strict=True):
        assert event.text in finding.text
        assert lines[finding.line - 1] == finding.text
        # the whole event, exactly; it never ends on a blank line
        assert finding.event == tuple(lines[finding.first_line - 1 : finding.last_line])
        assert finding.event[-1].strip()
        assert not finding.event_cut


# -- each real trace: one finding per event and signature, with its whole event -------------

REAL_TRACES = {
    "python logger.exception + SQLAlchemy/sqlite3, chained": (
        PYTHON,
        "DUP",
        [
            Event(2, 35, 38, (8, 35), "sqlalchemy.exc.IntegrityError: (sqlite3.IntegrityError)"),
            Event(39, 43, 43, (43,), "sqlite3.IntegrityError: UNIQUE"),
            Event(44, 48, 48, (48,), "sqlite3.IntegrityError: UNIQUE"),  # a warning's exc_info
            Event(65, 69, 76, (69,), "sqlite3.IntegrityError: UNIQUE"),  # raise ... from ...
        ],
    ),
    "python SQLAlchemy QueuePool TimeoutError": (
        PYTHON,
        "POOL",
        [Event(77, 102, 102, (102,), "sqlalchemy.exc.TimeoutError: QueuePool limit of size 1")],
    ),
    "psycopg2 under gunicorn, DETAIL/[SQL]/Background trailer": (
        SAMPLES / "gunicorn-app.log",
        "DUP",
        [Event(13, 49, 54, (19, 49), "sqlalchemy.exc.IntegrityError: (psycopg2.errors.Unique")],
    ),
    "gunicorn QueuePool timeouts": (
        SAMPLES / "gunicorn-app.log",
        "POOL",
        [
            Event(56, 81, 81, (81,), "sqlalchemy.exc.TimeoutError"),
            Event(83, 108, 108, (108,), "sqlalchemy.exc.TimeoutError"),
            Event(109, 134, 134, (134,), "sqlalchemy.exc.TimeoutError"),
        ],
    ),
    "seed script chained psycopg2 error": (
        SAMPLES / "seed-script.log",
        "DUP",
        [Event(6, 64, 69, (12, 64), "sqlalchemy.exc.IntegrityError: (psycopg2.errors.Unique")],
    ),
    "postgresql ERROR + DETAIL + STATEMENT": (
        SAMPLES / "postgresql.log",
        "DUP",
        [
            Event(12, 12, 14, (12,), "ERROR:  duplicate key value"),
            Event(23, 23, 25, (23,), "ERROR:  duplicate key value"),
            Event(35, 35, 37, (35,), "ERROR:  duplicate key value"),
        ],
    ),
    "java ERROR line + printStackTrace with Caused by/... N more/Suppressed": (
        JAVA,
        "DUP",
        [Event(2, 17, 24, (17,), "Caused by: java.sql.SQLException: ERROR: duplicate key")],
    ),
    "java uncaught exception in a thread": (
        JAVA,
        "DISK",
        [Event(27, 34, 36, (34,), "Caused by: java.io.IOException: No space left on device")],
    ),
    "go panic with goroutine dump": (
        GO,
        "GOPANIC",
        [Event(5, 5, 20, (5,), "panic: runtime error: index out of range [3] with length 3")],
    ),
    "pytest failure section (pool timeout)": (
        SAMPLES / "pytest-output.log",
        "POOL",
        [Event(11, 66, 68, (66,), "E               sqlalchemy.exc.TimeoutError")],
    ),
    "pytest failure section with a chained error": (
        SAMPLES / "pytest-output.log",
        "DUP",
        [Event(69, 257, 264, (194, 257), "E       sqlalchemy.exc.IntegrityError")],
    ),
}


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("case", list(REAL_TRACES))
def test_real_trace_is_one_finding_with_its_whole_event(
    standard: dict[str, Ruleset], engine: str, case: str
) -> None:
    path, sig_id, expected = REAL_TRACES[case]
    assert_events(of(scan(standard[engine], path), sig_id), path, expected)


def test_the_fixtures_hold_what_the_expectations_say() -> None:
    """Guards the line numbers above against a regenerated fixture."""
    python, java, go = lines_of(PYTHON), lines_of(JAVA), lines_of(GO)
    assert " ERROR [" in python[1] and python[2].startswith("Traceback")
    assert python[9].startswith("The above exception was the direct cause")
    assert " WARNING [" in python[43] and "retrying with new fake data" in python[43]
    assert python[56].startswith("During handling of the above exception")
    assert python[75].startswith("DuplicateUser: ")
    assert python[37].startswith("(Background on this error at:") and " ERROR [" in python[38]
    assert " ERROR " in java[1] and java[2].startswith("java.lang.RuntimeException")
    assert java[12].startswith("Caused by: ") and java[15] == "\t... 8 more"
    assert java[20].startswith("\tSuppressed: ") and java[23] == "\t\t... 9 more"
    assert java[26].startswith('Exception in thread "worker-1" ') and " INFO " in java[36]
    assert go[4].startswith("panic: ") and go[6] == "goroutine 1 [running]:"
    assert go[14].startswith("goroutine ") and go[19] == "exit status 2"


def test_the_next_log_line_ends_a_go_panic(standard: dict[str, Ruleset]) -> None:
    # go run's own "exit status 2" is not prefixed, so it joins; a logged line never does.
    data = GO.read_bytes() + b"2026/11/27 02:06:12 supervisor: restarting importer\n"
    (finding,) = of(scan_bytes(standard["pure"], data), "GOPANIC")
    assert (finding.first_line, finding.last_line) == (5, 20)
    assert "goroutine 1 [running]:" in finding.event and "created by main.main" in finding.event


def test_trailing_blank_lines_never_belong_to_an_event(standard: dict[str, Ruleset]) -> None:
    record = "\n".join(lines_of(PYTHON)[38:43]) + "\n"  # ERROR + sqlite3 traceback
    later = "2026-11-27 02:08:50,109 INFO [6524] users.import: continuing\n"
    for text in (record + "\n\n" + later, record + "\n\n\n", record + "\r\n"):
        (finding,) = of(matcher.scan_text(standard["pure"], text), "DUP")
        assert (finding.first_line, finding.line, finding.last_line) == (1, 5, 5)


# -- chained tracebacks, Java causes, Go dumps: one event each ---------------------------


@pytest.mark.parametrize("engine", ENGINES)
def test_chained_tracebacks_are_one_event(tmp_path: Path, engine: str) -> None:
    implicit = signature(
        "IMPLICIT", {"all": ["KeyError: 'user:<id>'", "cache rebuild failed for user:<id>"]}
    )
    explicit = signature(
        "EXPLICIT",
        {"all": ["UNIQUE constraint failed: users.email", "user <email> already imported"]},
    )
    findings = scan(load(tmp_path, implicit, explicit, engine=engine), PYTHON)
    # matched lines include the source line that raised (61, 75): it holds the text too
    implicit_event = Event(50, 63, 63, (55, 61, 63), "RuntimeError: cache rebuild failed")
    assert_events(of(findings, "IMPLICIT"), PYTHON, [implicit_event])
    # "DuplicateUser: …" names no Error/Exception class, so the line pointed at is the last
    # matched one that does: the sqlite3 error it was raised from
    explicit_event = Event(65, 69, 76, (69, 75, 76), "sqlite3.IntegrityError: UNIQUE")
    assert_events(of(findings, "EXPLICIT"), PYTHON, [explicit_event])


@pytest.mark.parametrize("engine", ENGINES)
def test_java_cause_and_suppressed_are_in_the_event_of_the_error_line(
    tmp_path: Path, engine: str
) -> None:
    both = signature(
        "JAVA",
        {"all": ["request failed: POST /api/users", "connection reset while returning to pool"]},
    )
    (finding,) = scan(load(tmp_path, both, engine=engine), JAVA)
    assert (finding.first_line, finding.last_line, finding.matched_lines) == (2, 24, (3, 21))
    assert finding.line == 21  # the last matched exception line: the Suppressed one
    assert finding.event[0].endswith(": request failed")
    assert {"\t... 8 more", "\t... 9 more", "\t\t... 9 more"} <= set(finding.event)


def test_an_uncaught_java_exception_does_not_join_the_log_line_before_it(
    standard: dict[str, Ruleset],
) -> None:
    # "Exception in thread" comes from the JVM's default handler, not from the WARN record
    # before it: it starts an event, and its causes stay in that event.
    scanner = Scanner(standard["pure"], "java", unknown=True)
    scanner.feed(JAVA.read_bytes().replace(b"No space left on device", b"Disk quota exceeded"))
    scanner.close()
    (unknown,) = scanner.stats.unknown
    assert (unknown.first_line, unknown.last_line) == (27, 36)


# -- PostgreSQL: same prefix joins, another pid does not --------------------------------

PG_ALL = signature(
    "PGALL",
    {
        "all": [
            'duplicate key value violates unique constraint "ix_users_email"',
            "Key (email)=(<email>) already exists",
        ]
    },
)


@pytest.mark.parametrize("engine", ENGINES)
def test_postgresql_error_detail_statement_are_one_event(tmp_path: Path, engine: str) -> None:
    path = SAMPLES / "postgresql.log"
    findings = scan(load(tmp_path, PG_ALL, engine=engine), path)
    assert [(f.first_line, f.line, f.last_line, f.matched_lines) for f in findings] == [
        (12, 12, 14, (12, 13)),
        (23, 23, 25, (23, 24)),
        (35, 35, 37, (35, 36)),
    ]
    assert findings[0].event[2].split("] ", 1)[1].startswith("app@appdb STATEMENT:  INSERT")


@pytest.mark.parametrize("engine", ENGINES)
def test_postgresql_detail_of_another_backend_does_not_join(tmp_path: Path, engine: str) -> None:
    error, detail, statement = lines_of(SAMPLES / "postgresql.log")[11:14]
    other = detail.replace("[20272]", "[20273]")
    ruleset = load(tmp_path, PG_ALL, DUP, engine=engine)
    assert [f.signature.id for f in matcher.scan_text(ruleset, f"{error}\n{detail}\n")] == [
        "DUP",
        "PGALL",
    ]
    findings = matcher.scan_text(ruleset, f"{error}\n{other}\n{statement}\n")
    assert [(f.signature.id, f.first_line, f.last_line) for f in findings] == [("DUP", 1, 1)]
    # interleaved: the other backend's line between ERROR and DETAIL ends the event too
    log_line = lines_of(SAMPLES / "postgresql.log")[14]
    findings = matcher.scan_text(ruleset, f"{error}\n{log_line}\n{detail}\n{statement}\n")
    assert [(f.signature.id, f.first_line, f.last_line) for f in findings] == [("DUP", 1, 1)]


# -- any / all / unless ------------------------------------------------------------------


@pytest.mark.parametrize("engine", ENGINES)
def test_all_fires_only_when_every_line_is_in_the_same_event(tmp_path: Path, engine: str) -> None:
    both = signature(
        "BOTH", {"all": ["could not create user <email>", "UNIQUE constraint failed: users.email"]}
    )
    ruleset = load(tmp_path, both, engine=engine)
    findings = scan(ruleset, PYTHON)
    assert [(f.first_line, f.line, f.last_line, f.matched_lines) for f in findings] == [
        (2, 35, 38, (2, 8, 35)),
        (39, 43, 43, (39, 43)),
    ]
    # the error line alone, then (after another record) a traceback: two events, no finding
    lines = lines_of(PYTHON)
    split = "\n".join([lines[38], lines[48], *lines[43:48]]) + "\n"
    assert matcher.scan_text(ruleset, split) == []
    assert of(matcher.scan_text(load(tmp_path, DUP, engine=engine), split), "DUP")


@pytest.mark.parametrize("engine", ENGINES)
def test_unless_suppresses_the_event_it_matches_in(tmp_path: Path, engine: str) -> None:
    retried = signature(
        "RETRIED",
        {"any": DUP["symptoms"], "unless": ["retrying with new fake data"]},
    )
    findings = scan(load(tmp_path, retried, engine=engine), PYTHON)
    # the warning with exc_info (44-48) says the error was handled: no finding for it
    assert [(f.first_line, f.last_line) for f in findings] == [(2, 38), (39, 43), (65, 76)]
    assert all(44 not in f.matched_lines for f in findings)


@pytest.mark.parametrize("engine", ENGINES)
def test_any_and_all_together(tmp_path: Path, engine: str) -> None:
    sqlalchemy_dup = signature(
        "SADUP", {"any": DUP["symptoms"], "all": ["[SQL: INSERT INTO users"]}
    )
    ruleset = load(tmp_path, sqlalchemy_dup, engine=engine)
    # any: the sqlite3 message (python), the PostgreSQL one (gunicorn); all: the [SQL: line
    assert [(f.first_line, f.matched_lines) for f in scan(ruleset, PYTHON)] == [(2, (8, 35, 36))]
    gunicorn = SAMPLES / "gunicorn-app.log"
    assert [(f.first_line, f.matched_lines) for f in scan(ruleset, gunicorn)] == [
        (13, (19, 49, 52))
    ]
    # the [SQL: line alone (another constraint) is not enough
    other = gunicorn.read_text(encoding="utf-8").replace('"ix_users_email"', '"ix_users_name"')
    assert matcher.scan_text(ruleset, other) == []


# -- interleaved writers -----------------------------------------------------------------

PID = re.compile(r"^\S+ \S+ [A-Z]+ \[(\d+)\] ")
EVERY_RECORD = signature("RECORD", [{"regex": r"^\S+ \S+ (?:INFO|WARNING|ERROR) \[\d+\] "}])


@pytest.mark.parametrize("engine", ENGINES)
def test_interleaved_writers_never_share_an_event(tmp_path: Path, engine: str) -> None:
    """Two processes append to one file (tools/events/interleaved.py). Lines with a
    timestamp/level/pid prefix always start an event, so no event holds prefixed lines of both
    writers. What cannot be told apart: an unprefixed traceback line belongs to whichever
    writer wrote the last prefixed line, so writer 1's frames written after a writer-2 line
    land in writer 2's event, and its exception line, cut off from its frames, is an event of
    its own; it is still reported, once."""
    ruleset = load(tmp_path, EVERY_RECORD, DUP, POOL, engine=engine)
    findings = scan(ruleset, INTERLEAVED)
    lines = lines_of(INTERLEAVED)
    records = [n for n, line in enumerate(lines, 1) if PID.match(line)]
    pids = [m.group(1) for m in map(PID.match, lines) if m]
    writer_1 = pids[0]
    assert len(set(pids)) == 2
    # every record starts an event, and no event holds a second record
    events = of(findings, "RECORD")
    assert [f.first_line for f in events] == records
    assert all(sum(PID.match(line) is not None for line in f.event) == 1 for f in events)
    # 1. logger.exception writes the record in one write: the whole record is one event
    # 2. line by line: writer 1's exception line (23) is reported once, on its own
    assert [(f.first_line, f.line, f.last_line) for f in of(findings, "DUP")] == [
        (3, 9, 9),
        (23, 23, 23),
    ]
    assert f"[{writer_1}] users.import: could not create user" in of(findings, "DUP")[0].event[0]
    # writer 2's ERROR between writer 1's frames is its own finding, with no writer-1 record
    (pool,) = of(findings, "POOL")
    assert (pool.first_line, pool.line) == (16, 16)
    assert [PID.match(line) is not None for line in pool.event] == [True, False]


def test_interleaved_line_by_line_in_both_orders(standard: dict[str, Ruleset]) -> None:
    """The real traceback of writer 1 interleaved with writer 2 one line at a time, writer 2
    first or second: writer 1's exception line is reported once, never with a writer-2 line
    as the one it points at, and nothing is reported for writer 2's harmless lines."""
    lines = lines_of(PYTHON)
    record = lines[38:43]  # ERROR + traceback of a sqlite3 IntegrityError
    other = [f"2026-11-27 02:08:50,2{i:02d} INFO [7001] worker: heartbeat {i}" for i in range(5)]
    for first, second in ((record, other), (other, record)):
        mixed = [line for pair in zip(first, second, strict=True) for line in pair]
        findings = of(matcher.scan_text(standard["pure"], "\n".join(mixed) + "\n"), "DUP")
        assert [f.text for f in findings] == [record[-1]]


# -- chunking independence ---------------------------------------------------------------


def findings_and_unknown(ruleset: Ruleset, data: bytes, cuts: Sequence[int]) -> tuple[Any, ...]:
    scanner = Scanner(ruleset, "<chunks>", unknown=True)
    found: list[Finding] = []
    for start, end in itertools.pairwise([0, *cuts, len(data)]):
        found += scanner.feed(data[start:end])
    found += scanner.close()
    return found, scanner.stats.unknown, scanner.stats.lines


ALL_REAL = b"".join(path.read_bytes() for path in REAL_LOGS)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("path", REAL_LOGS, ids=lambda p: p.name)
def test_fixed_chunk_sizes_give_identical_findings(
    standard: dict[str, Ruleset], engine: str, path: Path
) -> None:
    data = path.read_bytes()
    whole = findings_and_unknown(standard[engine], data, [])
    assert whole[0]
    for size in (1, 7, 4096):
        assert findings_and_unknown(standard[engine], data, range(size, len(data), size)) == whole


@settings(
    max_examples=40, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)
@given(cuts=st.lists(st.integers(0, len(ALL_REAL)), max_size=60))
def test_random_chunk_boundaries_give_identical_findings(
    standard: dict[str, Ruleset], cuts: list[int]
) -> None:
    for ruleset in standard.values():
        whole = findings_and_unknown(ruleset, ALL_REAL, [])
        assert findings_and_unknown(ruleset, ALL_REAL, sorted(cuts)) == whole


@pytest.mark.parametrize("engine", ENGINES)
def test_context_lines_do_not_depend_on_where_blocks_end(
    standard: dict[str, Ruleset], engine: str
) -> None:
    # grep -C shows the lines after a match whatever the reads were: an event waits for them.
    def run(cuts: Sequence[int]) -> list[Finding]:
        scanner = Scanner(standard[engine], "<chunks>", context=3)
        found: list[Finding] = []
        for start, end in itertools.pairwise([0, *cuts, len(ALL_REAL)]):
            found += scanner.feed(ALL_REAL[start:end])
        return found + scanner.close()

    whole = run([])
    assert sum(len(f.context_after) == 3 for f in whole) > 10
    for size in (7, 4096):
        assert run(range(size, len(ALL_REAL), size)) == whole


# -- live input: the flush timeout, with a clock the test controls ---------------------


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_an_open_event_is_flushed_after_the_idle_timeout(standard: dict[str, Ruleset]) -> None:
    clock = FakeClock()
    scanner = Scanner(standard["pure"], "live", clock=clock, idle_flush=0.5)
    record = "\n".join(lines_of(PYTHON)[38:43]) + "\n"
    # the traceback may go on (a trailer, a chained exception): it is held back
    assert scanner.feed(record.encode()) == []
    assert scanner.flush_if_idle() == []
    clock.now += 0.499
    assert scanner.flush_if_idle() == []
    clock.now += 0.001
    (finding,) = scanner.flush_if_idle()
    assert (finding.first_line, finding.line, finding.last_line) == (1, 5, 5)
    assert scanner.flush_if_idle() == []  # reported once
    # what comes next is scanned as usual, numbered on
    later = lines_of(PYTHON)[38:43]
    assert scanner.feed(("\n".join(later) + "\n").encode()) == []
    assert [f.first_line for f in scanner.close()] == [6]


def test_new_bytes_restart_the_idle_timeout(standard: dict[str, Ruleset]) -> None:
    clock = FakeClock()
    scanner = Scanner(standard["pure"], "live", clock=clock, idle_flush=0.5)
    lines = [line + "\n" for line in lines_of(PYTHON)[1:38]]  # ERROR + chained traceback
    for line in lines[:20]:
        assert scanner.feed(line.encode()) == []
        clock.now += 0.4
        assert scanner.flush_if_idle() == []
    for line in lines[20:]:
        scanner.feed(line.encode())
    clock.now += 0.5
    (finding,) = scanner.flush_if_idle()
    assert (finding.first_line, finding.last_line) == (1, 37)


def test_flush_closes_an_open_event_at_once(standard: dict[str, Ruleset]) -> None:
    scanner = Scanner(standard["pure"], "live", clock=FakeClock(), idle_flush=0.5)
    assert scanner.feed(GO.read_bytes()) == []
    (finding,) = scanner.flush()
    assert (finding.signature.id, finding.first_line, finding.last_line) == ("GOPANIC", 5, 20)
    assert scanner.flush() == [] and scanner.close() == []


# -- bounds ------------------------------------------------------------------------------

RUNAWAY_HEAD = (
    b"2026-11-27 02:08:50,041 ERROR [6524] users.import: UNIQUE constraint failed: users.email\n"
    b"Traceback (most recent call last):\n"
)


def runaway(lines: int, width: int = 60) -> bytes:
    return b"".join(
        (b'  File "/app/loop.py", line %d, in spin ' % i).ljust(width - 1, b".") + b"\n"
        for i in range(lines)
    )


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("chunk", [None, 4096])
def test_a_runaway_block_is_cut_and_the_scan_goes_on(
    standard: dict[str, Ruleset], engine: str, chunk: int | None
) -> None:
    block = RUNAWAY_HEAD + runaway(5000)
    findings = scan_bytes(standard[engine], block + PYTHON.read_bytes(), chunk)
    first, *rest = findings
    assert first.event_cut and (first.first_line, first.line) == (1, 1)
    assert len(first.event) == first.last_line == MAX_EVENT_LINES
    # after it, the real log is scanned exactly as on its own, 5,002 lines further down
    alone = scan(standard[engine], PYTHON)
    assert [
        (f.signature.id, f.first_line - 5002, f.line - 5002, f.last_line - 5002) for f in rest
    ] == [(f.signature.id, f.first_line, f.line, f.last_line) for f in alone]
    assert [f.event for f in rest] == [f.event for f in alone]


def test_a_runaway_block_costs_bounded_memory(standard: dict[str, Ruleset]) -> None:
    data = RUNAWAY_HEAD + runaway(5000, width=1024) + PYTHON.read_bytes()  # 5 MiB
    scanner = Scanner(standard["pure"], "<runaway>")
    tracemalloc.start()
    try:
        found = [f for i in range(0, len(data), 4096) for f in scanner.feed(data[i : i + 4096])]
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    found += scanner.close()
    assert found[0].event_cut and sum(len(line) + 1 for line in found[0].event) <= 256 * 1024
    assert peak < 2 * 1024 * 1024, f"peak {peak} bytes while scanning {len(data)}"
    assert len(found) == 1 + len(scan(standard["pure"], PYTHON))


@pytest.mark.parametrize("frames", [MAX_EVENT_LINES - 2, MAX_EVENT_LINES - 1])
def test_an_event_is_cut_only_when_it_goes_on_past_the_bound(
    standard: dict[str, Ruleset], frames: int
) -> None:
    # head (2 lines) + frames: exactly the bound, then one line more; a record follows
    data = RUNAWAY_HEAD + runaway(frames) + PYTHON.read_bytes()[:200]
    (finding,) = of(scan_bytes(standard["pure"], data), "DUP")
    assert finding.last_line == MAX_EVENT_LINES
    assert finding.event_cut is (frames + 2 > MAX_EVENT_LINES)


def test_events_after_a_cut_do_not_overlap_it(standard: dict[str, Ruleset]) -> None:
    spam = b"".join(b"    UNIQUE constraint failed: users.email (%d)\n" % i for i in range(3000))
    findings = scan_bytes(standard["pure"], RUNAWAY_HEAD + spam)
    ranges = [(f.first_line, f.last_line) for f in findings]
    assert all(a[1] < b[0] for a, b in itertools.pairwise(ranges)), ranges


# -- the CLI: --events lines, --context ----------------------------------------------------


def run_cli(*args: str) -> Any:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def signature_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_signatures(tmp_path_factory.mktemp("cli") / "signatures", *STANDARD)


@pytest.mark.parametrize("engine", ENGINES)
def test_events_lines_gives_one_finding_per_line(signature_dir: Path, engine: str) -> None:
    path = str(SAMPLES / "gunicorn-app.log")
    common = ["scan", "-s", str(signature_dir), "--engine", engine, "--no-cache", "-f", "json"]
    by_mode = {}
    for mode in ("auto", "lines"):
        result = run_cli(*common, "--events", mode, "-j", "1", path)
        assert result.exit_code == 1, result.output
        rows = [json.loads(line) for line in result.stdout.splitlines()]
        by_mode[mode] = [(r["incident"], r["line"], r["first_line"], r["last_line"]) for r in rows]
    assert by_mode["auto"][0] == ("DUP", 49, 13, 54)
    assert by_mode["lines"][:2] == [("DUP", 19, 19, 19), ("DUP", 49, 49, 49)]
    assert len(by_mode["lines"]) == len(by_mode["auto"]) + 1


def test_context_shows_lines_around_matched_lines(signature_dir: Path) -> None:
    path = str(SAMPLES / "seed-script.log")
    result = run_cli("scan", "-s", str(signature_dir), "--no-cache", "--color", "never",
                     "-C", "2", "-j", "1", path)  # fmt: skip
    assert result.exit_code == 1
    shown = [int(m.group(1)) for m in re.finditer(r"(?m)^  [> ] +(\d+) \| ", result.stdout)]
    # the event's first line, then 2 lines either side of matched lines 12 and 64
    assert shown == [6, 10, 11, 12, 13, 14, 62, 63, 64, 65, 66]
    assert re.search(r"(?m)^  > 64 \| sqlalchemy\.exc\.IntegrityError", result.stdout)
    plain = run_cli("scan", "-s", str(signature_dir), "--no-cache", "--color", "never",
                    "-j", "1", path)  # fmt: skip
    shown = [int(m.group(1)) for m in re.finditer(r"(?m)^  [> ] +(\d+) \| ", plain.stdout)]
    assert shown == [6, 12, 64]


# -- unknown failures ----------------------------------------------------------------------


@pytest.mark.parametrize("engine", ENGINES)
def test_unknown_lists_an_unexplained_traceback_once(
    standard: dict[str, Ruleset], engine: str
) -> None:
    scanner = Scanner(standard[engine], "python", unknown=True)
    scanner.feed(PYTHON.read_bytes())
    scanner.close()
    # the implicit chain (KeyError -> RuntimeError) is the only failure no signature explains;
    # the explicit chain ends in DuplicateUser but holds the sqlite3 error DUP explains
    (unknown,) = scanner.stats.unknown
    where = (unknown.first_line, unknown.line, unknown.last_line)
    assert (unknown.kind, where) == ("traceback", (50, 63, 63))
    assert unknown.text == "RuntimeError: cache rebuild failed for user:42"


def test_unknown_is_off_unless_asked_for(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown=True"):
        Scanner(load(tmp_path, DUP), "x", unknown=True)
    scanner = Scanner(load(tmp_path, DUP, unknown=True), "x")
    scanner.feed(PYTHON.read_bytes())
    scanner.close()
    assert scanner.stats.unknown == []


def test_unknown_pytest_failures_are_listed_once_each(standard: dict[str, Ruleset]) -> None:
    scanner = Scanner(standard["pure"], "pytest", unknown=True)
    findings = scanner.feed((SAMPLES / "pytest-output.log").read_bytes()) + scanner.close()
    assert sorted(f.signature.id for f in findings) == ["DUP", "POOL"]
    # each is its failure section, told by its E line (the summary line repeats it)
    got = [(u.testcase, u.kind, u.text) for u in scanner.stats.unknown]
    assert got == [
        ("test_user_payload_has_display_name", "testcase", "E       KeyError: 'display_name'"),
        ("test_user_list_page_count", "testcase", "E       assert 3 == 4"),
    ]


# -- pytest's short summary repeats the failure section -----------------------------------


@pytest.mark.parametrize("engine", ENGINES)
def test_the_failed_summary_line_adds_no_second_finding(
    standard: dict[str, Ruleset], engine: str
) -> None:
    findings = scan(standard[engine], SAMPLES / "pytest-output.log")
    assert [(f.signature.id, f.first_line) for f in findings] == [("POOL", 11), ("DUP", 69)]
    # the summary lines (286, 287) matched the same symptoms but belong to reported tests
    lines = lines_of(SAMPLES / "pytest-output.log")
    assert lines[285].startswith("FAILED ") and "QueuePool limit" in lines[285]
    # a test in a class: "TestImport.test_dup" in its header, "TestImport::test_dup" in FAILED
    params = lines_of(PYTEST_PARAMS)
    assert params[54].startswith("FAILED check_import.py::TestImport::test_dup - sqlite3.")
    assert 55 not in [f.line for f in scan(standard[engine], PYTEST_PARAMS)]


def test_a_parameter_id_with_a_dot_is_not_reported_twice(standard: dict[str, Ruleset]) -> None:
    findings = scan(standard["pure"], PYTEST_PARAMS)
    assert [f.first_line for f in findings] == [12, 33]


# -- matcher test: multi-line examples -----------------------------------------------------

TRACEBACK_EXAMPLE = """\
id: TRACE
title: User import hits a duplicate e-mail
severity: medium
symptoms:
  all:
    - 'could not create user <email>'
    - 'UNIQUE constraint failed: users.email'
resolution: Make the import idempotent.
examples:
  match:
    - |
{example}
"""


def example_block(lines: Sequence[str]) -> str:
    return "\n".join(f"      {line}" if line else "" for line in lines)


@pytest.mark.parametrize("engine", ENGINES)
def test_matcher_test_runs_multi_line_examples(tmp_path: Path, engine: str) -> None:
    record = lines_of(PYTHON)[38:43]  # ERROR line + traceback, as one block string
    (tmp_path / "whole").mkdir()
    (tmp_path / "whole" / "trace.yml").write_text(
        TRACEBACK_EXAMPLE.format(example=example_block(record)), encoding="utf-8"
    )
    samples = tmp_path / "no-samples"
    samples.mkdir()
    common = ["test", "--samples", str(samples), "--engine", engine, "--no-cache", "-s"]
    result = run_cli(*common, str(tmp_path / "whole"))
    assert result.exit_code == 0, result.output
    assert "ok   TRACE" in result.output and "1 passed, 0 failed" in result.output

    # the same lines with another record between them: two events, so the example fails
    later = "2026-11-27 02:08:50,109 INFO [6524] users.import: continuing with the next batch"
    split = [*record[:2], later, *record[2:]]
    (tmp_path / "split").mkdir()
    (tmp_path / "split" / "trace.yml").write_text(
        TRACEBACK_EXAMPLE.format(example=example_block(split)), encoding="utf-8"
    )
    result = run_cli(*common, str(tmp_path / "split"))
    assert result.exit_code == 1, result.output
    assert "FAIL TRACE" in result.output and "match example not flagged" in result.output


def test_matcher_test_fails_examples_split_into_single_lines(tmp_path: Path) -> None:
    record = lines_of(PYTHON)[38:43]
    text = TRACEBACK_EXAMPLE.replace("    - |\n{example}\n", "").rstrip("\n") + "\n"
    text += "".join(f"    - {json.dumps(line)}\n" for line in (record[0], record[-1]))
    (tmp_path / "sigs").mkdir()
    (tmp_path / "sigs" / "trace.yml").write_text(text, encoding="utf-8")
    samples = tmp_path / "no-samples"
    samples.mkdir()
    result = run_cli("test", "--samples", str(samples), "--no-cache", "-s", str(tmp_path / "sigs"))
    assert result.exit_code == 1
    assert result.output.count("match example not flagged") == 2


# -- every real log is used ---------------------------------------------


def test_every_real_log_is_covered() -> None:
    covered = {path for path, _, _ in REAL_TRACES.values()}
    assert covered | {INTERLEAVED, PYTEST_PARAMS} >= set(REAL_LOGS)
