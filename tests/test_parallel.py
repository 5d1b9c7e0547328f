"""A big file is cut into segments scanned by forked workers (``--jobs``); the findings, their
order, line numbers and counts must be exactly those of one process reading it whole."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path
from typing import Any

import pytest

from matcher import load_ruleset, scan_file
from matcher.engine.options import ScanOptions
from matcher.engine.scanner import ScanStats
from matcher.sources.parallel import plan, scan_parallel

ROOT = Path(__file__).resolve().parent.parent
LOGS = ("gunicorn-app.log", "postgresql.log", "pytest-output.log", "near-misses.log")


@pytest.fixture(scope="module")
def big_log(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """About 1.5 MB of the real sample logs (tracebacks, PostgreSQL DETAIL lines, pytest
    blocks) between filler lines, so that segment cuts land everywhere."""
    parts = [(ROOT / "sample_logs" / name).read_bytes() for name in LOGS]
    path = tmp_path_factory.mktemp("parallel") / "big.log"
    with path.open("wb") as fh:
        for i in range(60):
            for k, part in enumerate(parts):
                fh.write(b"2024-09-02 07:36:%02d,000 INFO filler line %d\n" % (i % 60, i) * (k + 1))
                fh.write(part)
    return path


@pytest.mark.parametrize(
    ("segment_kib", "options"),
    [
        (48, {}),
        (48, {"unknown": True}),
        (16, {"unknown": True, "context": 2}),  # context before comes from the look-back
        (160, {"events": "lines"}),
    ],
)
def test_segments_give_exactly_the_findings_of_one_process(
    big_log: Path, segment_kib: int, options: dict[str, object]
) -> None:
    ruleset = load_ruleset([ROOT / "signatures"], cache=False, unknown=bool(options.get("unknown")))
    whole = ScanStats()
    expected = list(scan_file(ruleset, big_log, stats=whole, **options))
    assert len(expected) > 100

    segments = plan([str(big_log)], 2, "auto", min_bytes=0, segment_bytes=segment_kib << 10)
    assert len(segments) >= 6
    assert [s.start for s in segments] == sorted({s.start for s in segments})
    got, lines, unknowns = [], 0, []
    for _, result in scan_parallel(ruleset, segments, 2, ScanOptions(**options)):  # type: ignore[arg-type]
        assert result.error is None
        got += result.findings
        lines += result.stats.lines
        unknowns += result.stats.unknown
    if options.get("context"):  # lines after an event end at a cut (ScanRun does not cut)
        got = [dataclasses.replace(f, context_after=()) for f in got]
        expected = [dataclasses.replace(f, context_after=()) for f in expected]
    assert got == expected  # same order, lines, matched lines, captures and signatures
    assert all(a.signature is b.signature for a, b in zip(got, expected, strict=True))
    assert lines == whole.lines
    assert unknowns == whole.unknown


def test_every_cut_is_at_the_start_of_a_line_outside_any_event(big_log: Path) -> None:
    data = big_log.read_bytes()
    segments = plan([str(big_log)], 2, "auto", min_bytes=0, segment_bytes=16 << 10)
    for segment in segments[1:]:
        assert data[segment.start - 1 : segment.start] == b"\n"
        following = data[segment.start : data.index(b"\n", segment.start)]
        # an event's continuation never starts a segment
        assert not following.startswith((b" ", b"\t", b"DETAIL:", b"Caused by", b"E "))


def test_small_files_and_one_worker_are_not_cut(big_log: Path) -> None:
    assert len(plan([str(big_log)], 2, "auto")) == 1  # below the default 128 MiB
    assert len(plan([str(big_log)], 1, "auto", min_bytes=0, segment_bytes=1 << 10)) == 1


def test_with_context_several_files_run_side_by_side_but_none_is_cut(
    big_log: Path, tmp_path: Path
) -> None:
    from matcher import ScanRun

    ruleset = load_ruleset([ROOT / "signatures"], cache=False)
    copy = tmp_path / "copy.log"
    shutil.copyfile(big_log, copy)
    run = ScanRun(ruleset, [str(big_log), str(copy)], jobs=2, context=2)
    with pytest.MonkeyPatch.context() as mp:
        import matcher.sources.parallel

        real = matcher.sources.parallel.plan
        calls: list[list[object]] = []

        def spy(*args: object, **kwargs: object) -> list[object]:
            # tiny segments unless the caller says otherwise: without --context this file
            # would be cut
            small = {"min_bytes": 0, "segment_bytes": 16 << 10}
            segments = real(*args, **{**small, **kwargs})  # type: ignore[arg-type]
            calls.append(segments)
            return segments

        mp.setattr(matcher.sources.parallel, "plan", spy)
        findings = list(run)
    assert calls and all(s.start == 0 and s.end is None for s in calls[0])
    # (a run names pytest's tests by node id: compare with runs of one file in one process)
    singles = [list(ScanRun(ruleset, [str(path)], context=2)) for path in (big_log, copy)]
    assert findings == singles[0] + singles[1]


def test_a_cut_run_names_pytests_tests_as_one_process_does(
    big_log: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Node ids come from summary lines in later segments than the failure sections."""
    from matcher import ScanRun
    from matcher.sources import parallel
    from matcher.sources import run as run_module

    ruleset = load_ruleset([ROOT / "signatures"], cache=False, unknown=True)
    one = ScanRun(ruleset, [str(big_log)], unknown=True)
    expected = list(one)
    real = parallel.plan
    plans: list[int] = []

    def tiny(*args: Any, **kwargs: Any) -> Any:
        segments = real(*args, **{**kwargs, "min_bytes": 0, "segment_bytes": 16 << 10})
        plans.append(len(segments))
        return segments

    monkeypatch.setattr(parallel, "plan", tiny)
    monkeypatch.setattr(run_module, "_small", lambda path: False)
    cut = ScanRun(ruleset, [str(big_log)], unknown=True, jobs=2)
    assert list(cut) == expected
    assert plans and plans[0] > 10
    assert cut.stats.unknown == one.stats.unknown
    tests = {f.testcase for f in expected}
    assert "suite/test_users_api.py::test_report_queries_run_concurrently" in tests
    assert all(u.testcase.startswith("suite/") for u in one.stats.unknown if u.testcase)
