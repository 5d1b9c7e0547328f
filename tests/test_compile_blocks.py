"""Code blocks pasted whole from a real log (issue #11, fourth pass): the lines that state the
error become symptoms, and nothing around them does. A full gunicorn block gives its
`[CRITICAL] WORKER TIMEOUT` line, not the `SystemExit: 1` of the killed worker's traceback;
a V8 out-of-memory dump gives its `FATAL ERROR:` line, not the GC trace, the banners or the
native frames (docs/incident-log-format.md, "Code blocks"). The blocks are cut from the real
logs of tests/data/postmortems/logs/."""

from __future__ import annotations

from pathlib import Path

import pytest
from compile_helpers import LOGS, flagged, symptoms_of


def _block(log: str, first: int, last: int, indent: str = "") -> str:
    lines = (LOGS / log).read_text("utf-8").splitlines()[first - 1 : last]
    body = "".join(f"{indent}{line}\n" for line in lines)
    return f"* Pasted from {log}:\n\n{indent}```\n{body}{indent}```\n"


@pytest.mark.parametrize(
    ("log", "first", "last", "symptoms", "lines"),
    [
        (  # the arbiter's CRITICAL line over the killed worker's ERROR line and traceback
            "gunicorn-export.log",
            1,
            19,
            ("[CRITICAL] WORKER TIMEOUT (pid:<pid:int>)",),
            {5, 20, 42, 57},
        ),
        (  # a V8 dump: GC trace, banners and native frames around the one statement
            "node-services.log",
            30,
            52,
            ("FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory",),
            {39, 94},
        ),
        (  # a Node crash: the source excerpt and the `at` frames are no statement
            "node-services.log",
            9,
            29,
            ("Error: connect ECONNREFUSED <ip>:<port:int>",),
            {1, 13, 56, 68},
        ),
        (  # an app's line before a traceback says no error: the exception line does
            "sessions-memcache.log",
            1,
            14,
            ("pymemcache.exceptions.MemcacheServerError: out of memory storing object",),
            {13, 14, 40, 41},
        ),
    ],
)
def test_a_block_pasted_from_a_real_log(
    tmp_path: Path, log: str, first: int, last: int, symptoms: tuple[str, ...], lines: set[int]
) -> None:
    block = _block(log, first, last)
    assert symptoms_of(block) == symptoms
    assert flagged(tmp_path, block, log) == lines


def test_a_postgres_block_keeps_the_lines_that_go_on_from_the_error() -> None:
    block = (
        "* Server log:\n\n      ERROR:  deadlock detected\n"
        "      DETAIL:  Process 20817 waits for ShareLock on transaction 4410921; blocked by"
        " process 20822.\n"
        "              Process 20822 waits for ShareLock on transaction 4410919; blocked by"
        " process 20817.\n"
        "      HINT:  See server log for query details.\n"
    )
    assert symptoms_of(block) == (
        "ERROR: deadlock detected",
        "DETAIL: Process <process:int> waits for ShareLock on transaction <transaction:int>;"
        " blocked by process <process2:int>",
        "Process <process:int> waits for ShareLock on transaction <transaction:int>; blocked by"
        " process <process2:int>",
    )


def test_lines_without_a_level_stay_when_no_line_has_one() -> None:
    block = (
        "* Console:\n\n```\n$ cp /srv/db.dump /backup/\n"
        "cp: error writing '/backup/db.dump': No space left on device\n```\n"
    )
    assert symptoms_of(block) == ("cp: error writing '<path>': No space left on device",)


@pytest.mark.parametrize(
    ("log", "symptom"),
    [
        ("rq-worker.log", "rq.timeouts.JobTimeoutException"),
        ("billing-pg.log", "psycopg2.errors.QueryCanceled"),
        ("gateway-http.log", "ConnectionRefusedError"),
    ],
)
def test_a_trimmed_traceback_without_its_frames_gives_no_source_line(
    tmp_path: Path, log: str, symptom: str
) -> None:
    # the source line above the exception, as a trimmed traceback shows it
    lines = (LOGS / log).read_text("utf-8").splitlines()
    n = next(i for i, line in enumerate(lines) if line.startswith(symptom))
    block = f"* Trimmed:\n\n```\n{lines[n - 1]}\n{lines[n]}\n```\n"
    assert lines[n - 1].startswith("    ")
    (found,) = symptoms_of(block)
    assert found.startswith(symptom)
    assert n + 1 in flagged(tmp_path, block, log)


def test_a_go_panic_gives_its_panic_line() -> None:
    lines = (Path(__file__).parent / "data" / "events" / "go-panic.log").read_text("utf-8")
    block = "* The importer died:\n\n```\n" + "\n".join(lines.splitlines()[:21]) + "\n```\n"
    (found,) = symptoms_of(block)  # not `goroutine 1 [running]:`, `main.main()`, a path
    assert found.startswith("panic: runtime error: index out of range [")
