"""Time windows: leading timestamps in the common formats, --since/--until through the CLI on
real logs, the bisection on a sorted file (same findings as a full read, less read) and the
full read of an unsorted one, and ``time`` in JSON findings."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import BinaryIO

import pytest
from conftest import REPO, json_findings, run_cli, signature_fields, write_signature

import matcher.sources.read
import matcher.sources.scan
import matcher.sources.window
from matcher.sources.timestamps import line_time, parse_when

SIGNATURES = str(REPO / "signatures")
SAMPLES = REPO / "sample_logs"
LOGHUB = REPO / "tests" / "data" / "loghub"
NOW = datetime(2026, 12, 3, 8, 0, 0).timestamp()  # local time, as naive log times are


def local(*fields: int) -> float:
    return datetime(*fields).timestamp()  # type: ignore[arg-type]


def utc(*fields: int) -> float:
    return datetime(*fields, tzinfo=timezone.utc).timestamp()  # type: ignore[arg-type,misc]


@pytest.mark.parametrize(
    ("log", "expected"),
    [
        ("Hadoop.head.log", local(2015, 10, 18, 18, 1, 47) + 0.978),  # Python logging
        ("Zookeeper.head.log", local(2015, 7, 29, 17, 41, 44) + 0.747),
        ("Windows.head.log", local(2016, 9, 28, 4, 30, 30)),
        ("Apache.head.log", local(2005, 12, 4, 4, 47, 44)),  # Apache error log
        ("Linux.head.log", local(2026, 6, 14, 15, 16, 1)),  # syslog: the year before NOW
        ("Mac.head.log", local(2026, 7, 1, 9, 0, 55)),
        ("OpenSSH.head.log", local(2025, 12, 10, 6, 55, 46)),  # a day after NOW: last year
        ("HDFS.head.log", None),  # 081109 203615: not a format read
        ("Spark.head.log", None),
    ],
)
def test_the_first_line_of_real_logs_has_its_time(log: str, expected: float | None) -> None:
    first = (LOGHUB / log).read_bytes().splitlines()[0]
    assert line_time(first, now=NOW) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("log", "expected"),
    [
        ("gunicorn-app.log", utc(2026, 11, 27, 1, 59, 45)),  # [2026-11-27 01:59:45 +0000]
        ("postgresql.log", utc(2026, 11, 27, 1, 59, 39) + 0.441),  # … 01:59:39.441 UTC
        ("seed-script.log", local(2026, 11, 27, 1, 59, 42) + 0.362),  # …,362 INFO
        ("app-json.log", utc(2026, 11, 27, 1, 59, 48) + 0.453),  # {"ts": "…+00:00"}
        ("pytest-output.log", None),
    ],
)
def test_the_first_line_of_the_sample_logs_has_its_time(log: str, expected: float | None) -> None:
    first = (SAMPLES / log).read_text(encoding="utf-8").splitlines()[0]
    assert line_time(first) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("line", "expected"),
    [  # the formats that no log in the repository has
        (
            '10.0.0.1 - - [27/Nov/2026:00:11:11 +0100] "GET / HTTP/1.1" 200',
            utc(2026, 11, 26, 23, 11, 11),
        ),
        ("2026/11/27 00:11:11 [error] 12#12: *1 connect() failed", local(2026, 11, 27, 0, 11, 11)),
        ("2026/11/27 00:11:11.123456 panic: boom", local(2026, 11, 27, 0, 11, 11) + 0.123456),
        ("2026-11-27T00:11:11Z level=error", utc(2026, 11, 27, 0, 11, 11)),
        ("2026-11-27T00:11:11.5-02:00 x", utc(2026, 11, 27, 2, 11, 11) + 0.5),
        ('{"time": 1764202271.25, "msg": "x"}', 1764202271.25),
        ('{"ts": 1764202271250, "msg": "x"}', 1764202271.25),
        (  # Docker's json-file driver: the time after a long message
            '{"log":"' + "x" * 300 + '\\n","stream":"stderr","time":"2026-11-27T00:11:11.5Z"}',
            utc(2026, 11, 27, 0, 11, 11) + 0.5,
        ),
        (
            "2026-11-27T00:11:11.123456789Z stderr F boom",
            utc(2026, 11, 27, 0, 11, 11) + 0.123456789,
        ),
        ("2026-13-45 00:11:11 not a date", None),
        ("", None),
    ],
)
def test_documented_formats(line: str, expected: float | None) -> None:
    assert line_time(line) == pytest.approx(expected)


def test_since_and_until_take_iso_and_relative_times() -> None:
    assert parse_when("2h", now=NOW) == NOW - 7200
    assert parse_when("1h30m", now=NOW) == NOW - 5400
    assert parse_when("30m ago", now=NOW) == parse_when("-30m", now=NOW) == NOW - 1800
    assert parse_when("2026-11-27", now=NOW) == local(2026, 11, 27)
    assert parse_when("2026-11-27T00:11Z") == utc(2026, 11, 27, 0, 11)
    with pytest.raises(ValueError, match="ISO 8601"):
        parse_when("yesterday")


def scan_json(*args: str) -> list[dict[str, object]]:
    result = run_cli(["scan", "-f", "json", *args])
    assert result.exit_code in (0, 1), result.stderr
    return json_findings(result.stdout)


def test_since_and_until_keep_the_findings_in_the_window_on_the_sample_logs() -> None:
    logs = [str(SAMPLES / n) for n in ("gunicorn-app.log", "postgresql.log", "app-json.log")]
    every = scan_json("-s", SIGNATURES, *logs)
    assert all(f["time"] for f in every)  # gunicorn's tracebacks take their header's time
    since, until = "2026-11-27T01:59:49.700Z", "2026-11-27T02:00:00Z"
    window = scan_json("-s", SIGNATURES, "--since", since, "--until", until, *logs)
    low, high = parse_when(since), parse_when(until)
    wanted = [f for f in every if low <= from_rfc3339(f["time"]) <= high]
    assert 0 < len(wanted) < len(every)
    assert window == wanted


def test_time_in_json_is_rfc3339_utc_or_null() -> None:
    log = str(SAMPLES / "postgresql.log")
    assert [f["time"] for f in scan_json("-s", SIGNATURES, log)] == [
        "2026-11-27T01:59:42.907Z",
        "2026-11-27T01:59:49.672Z",
        "2026-11-27T02:00:00.323Z",
    ]
    untimed = scan_json("-s", SIGNATURES, str(SAMPLES / "pytest-output.log"))
    assert untimed and all(f["time"] is None for f in untimed)


def test_findings_without_a_time_are_left_out_with_a_warning() -> None:
    log = str(SAMPLES / "pytest-output.log")
    result = run_cli(["scan", "-s", SIGNATURES, "--since", "2000-01-01", log])
    assert (result.exit_code, result.stdout) == (0, "")
    assert "2 finding(s) without a timestamp left out by --since/--until" in result.stderr


@pytest.fixture
def hadoop_signature(tmp_path: Path) -> str:
    fields = signature_fields("HADOOP-RM", symptoms=["ERROR IN CONTACTING RM"])
    write_signature(tmp_path / "sig", fields)
    write_signature(
        tmp_path / "sig",
        signature_fields("ZK-BROKEN", symptoms=["Connection broken for id <id>, my id = <n>"]),
    )
    return str(tmp_path / "sig")


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, int | None]]:
    """Bisect files of any size, with small probes; record where each scan starts reading."""
    monkeypatch.setattr(matcher.sources.window, "MIN_SEEK_BYTES", 0)
    monkeypatch.setattr(matcher.sources.window, "PROBE_BYTES", 4096)
    monkeypatch.setattr(matcher.sources.window, "LEAD_BYTES", 8192)
    calls: list[tuple[int, int | None]] = []
    real = matcher.sources.read.read_chunks

    def spy(
        path: str,
        chunk_size: int = matcher.sources.read.CHUNK_SIZE,
        idle: float | None = None,
        start: int = 0,
        stop: int | None = None,
    ) -> Iterator[bytes]:
        calls.append((start, stop))
        return real(path, chunk_size, idle, start, stop)

    monkeypatch.setattr(matcher.sources.scan, "read_chunks", spy)
    return calls


def test_since_on_a_sorted_real_log_seeks_and_finds_what_a_full_read_finds(
    hadoop_signature: str, reads: list[tuple[int, int | None]]
) -> None:
    log = LOGHUB / "Hadoop_2k.log"
    every = scan_json("-s", hadoop_signature, str(log))
    assert reads == [(0, None)] and len(every) == 147
    for since, until in [("2015-10-18 18:08:00", None), ("2015-10-18 18:07", "2015-10-18 18:09")]:
        reads.clear()
        args = ["--since", since] + (["--until", until] if until else [])
        window = scan_json("-s", hadoop_signature, *args, str(log))
        low, high = parse_when(since), parse_when(until) if until else float("inf")
        wanted = [f for f in every if low <= from_rfc3339(f["time"]) <= high]
        assert 0 < len(window) < len(every)
        assert window == wanted  # same lines (counted from the file's start), same order
        start, stop = reads[0]
        assert start > log.stat().st_size // 3
        assert (stop is None) == (until is None)


def test_an_unsorted_real_log_is_read_whole(
    hadoop_signature: str, reads: list[tuple[int, int | None]]
) -> None:
    log = LOGHUB / "Zookeeper_2k.log"  # several servers' logs, times go back and forth
    every = scan_json("-s", hadoop_signature, str(log))
    since = "2015-07-30 00:00"
    window = scan_json("-s", hadoop_signature, "--since", since, str(log))
    assert reads[-1] == (0, None)
    assert window == [f for f in every if from_rfc3339(f["time"]) >= parse_when(since)]
    assert 0 < len(window) < len(every)


def from_rfc3339(text: object) -> float:
    return datetime.fromisoformat(str(text).replace("Z", "+00:00")).timestamp()


def test_unknown_failures_with_a_time_outside_the_window_are_left_out() -> None:
    logs = [str(SAMPLES / "postgresql.log"), str(SAMPLES / "seed-script.log")]
    args = ["scan", "-s", SIGNATURES, "--unknown", "-f", "json", *logs]

    def unknown(*extra: str) -> list[tuple[str, object]]:
        records = json_findings(run_cli([*args, *extra]).stdout)
        return [(Path(str(r["source"])).name, r["line"]) for r in records if "kind" in r]

    assert unknown() == [("postgresql.log", 47), ("postgresql.log", 50), ("seed-script.log", 70)]
    assert unknown("--since", "2026-11-27T01:59:50Z") == [
        ("postgresql.log", 47),
        ("postgresql.log", 50),
    ]


def test_line_counts_are_remembered_and_a_rewritten_log_is_counted_anew(
    hadoop_signature: str,
    reads: list[tuple[int, int | None]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import matcher.sources.lineindex as lineindex

    monkeypatch.setattr(lineindex, "COUNT_BYTES", 4096)
    monkeypatch.setattr(lineindex, "CHECKPOINT_BYTES", 16384)
    log = tmp_path / "hadoop.log"
    log.write_bytes((LOGHUB / "Hadoop_2k.log").read_bytes())
    since = ["--since", "2015-10-18 18:08:00"]
    first = scan_json("-s", hadoop_signature, *since, str(log))
    index = list(Path(os.environ["XDG_CACHE_HOME"]).glob("incident-matcher/lines/*.json"))
    assert len(index) == 1 and json.loads(index[0].read_text())["points"]
    starts: list[int] = []
    real = lineindex.count_newlines

    def spy(fh: BinaryIO, start: int, end: int, line: int, found: list[tuple[int, int]]) -> int:
        starts.append(start)
        return real(fh, start, end, line, found)

    monkeypatch.setattr(lineindex, "count_newlines", spy)
    assert scan_json("-s", hadoop_signature, *since, str(log)) == first
    assert starts[0] > 0  # counted from a remembered point, not from the start
    with log.open("r+b") as fh:  # the same inode, one line more at the top
        data = fh.read()
        fh.seek(0)
        fh.write(b"2015-10-18 18:00:00,000 INFO [main] restarted\n" + data)
    again = scan_json("-s", hadoop_signature, *since, str(log))
    assert [f["line"] for f in again] == [int(str(f["line"])) + 1 for f in first]


def test_a_window_on_stdin_keeps_what_it_keeps_on_the_file() -> None:
    log = SAMPLES / "postgresql.log"
    since = ["--since", "2026-11-27T01:59:45Z"]
    on_file = scan_json("-s", SIGNATURES, *since, str(log))
    result = run_cli(["scan", "-s", SIGNATURES, "-f", "json", *since], input=log.read_bytes())
    on_stdin = json_findings(result.stdout)
    assert [f["line"] for f in on_stdin] == [f["line"] for f in on_file] == [23, 35]
