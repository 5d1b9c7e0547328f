"""``matcher calibrate``: signatures over logs of good runs (the loghub sets: real logs of 16
systems, none of them a failure the shipped signatures describe), rates, verdicts, runs."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO, run_cli, signature_fields, write_signature
from test_suggest import LOGHUB

pytestmark = pytest.mark.skipif(
    not (LOGHUB / "HDFS_2k.log").is_file(), reason="loghub sets not found"
)
SETS = sorted(LOGHUB.glob("*_2k.log"))


@pytest.fixture
def good_runs(tmp_path: Path) -> Path:
    """A directory of runs: one loghub log per run."""
    runs = tmp_path / "runs"
    runs.mkdir()
    for log in SETS:
        (runs / log.name).symlink_to(log)
    return runs


@pytest.fixture
def loose(tmp_path: Path) -> Path:
    """The shipped signatures and one that says too little."""
    sigs = tmp_path / "sigs"
    shutil.copytree(REPO / "signatures", sigs)
    write_signature(
        sigs,
        signature_fields("LOOSE", symptoms=["Exception"], examples={"match": ["Exception"]}),
    )
    return sigs


def calibrate(*args: str) -> tuple[int, dict[str, Any]]:
    result = run_cli(["calibrate", "-f", "json", "-j", "1", *args])
    return result.exit_code, json.loads(result.stdout)


def test_the_shipped_signatures_fire_on_no_good_run(good_runs: Path) -> None:
    code, report = calibrate(str(good_runs), "-s", str(REPO / "signatures"))
    assert code == 0
    assert report["runs"] == len(SETS) == 16
    assert {(s["id"], s["runs"], s["too_loose"]) for s in report["signatures"]} == {
        ("INC-2024-001", 0, False),
        ("INC-2024-002", 0, False),
    }


def test_a_loose_signature_is_named_with_its_runs_and_lines(good_runs: Path, loose: Path) -> None:
    code, report = calibrate(str(good_runs), "-s", str(loose))
    assert code == 1
    first = report["signatures"][0]
    assert first["id"] == "LOOSE" and first["too_loose"] is True
    assert first["runs"] >= 2 and first["rate"] == pytest.approx(first["runs"] / 16)
    hadoop = str(good_runs / "Hadoop_2k.log")
    assert {"run": hadoop, "source": hadoop, "line": 912} in [
        {k: h[k] for k in ("run", "source", "line")} for h in first["hits"]
    ]
    assert "DataStreamer Exception" in first["hits"][0]["text"]
    # a higher limit lets it pass; --strict fails on any hit at all
    assert calibrate(str(good_runs), "-s", str(loose), "--max-rate", "0.5")[0] == 0
    assert calibrate(str(good_runs), "-s", str(loose), "--max-rate", "0.5", "--strict")[0] == 1


def test_a_subdirectory_is_one_run(tmp_path: Path, loose: Path) -> None:
    # two runs: one of two files (both hit), one of one file (no hit) -> 1 of 2 runs
    runs = tmp_path / "runs"
    (runs / "job-1").mkdir(parents=True)
    (runs / "job-2").mkdir()
    (runs / "job-1" / "a.log").symlink_to(LOGHUB / "Hadoop_2k.log")
    (runs / "job-1" / "b.log").symlink_to(LOGHUB / "Zookeeper_2k.log")
    (runs / "job-2" / "c.log").symlink_to(LOGHUB / "HDFS_2k.log")
    code, report = calibrate(str(runs), "-s", str(loose))
    assert report["runs"] == 2
    sig = next(s for s in report["signatures"] if s["id"] == "LOOSE")
    assert (sig["runs"], sig["rate"], code) == (1, 0.5, 1)
    assert {h["run"] for h in sig["hits"]} == {str(runs / "job-1")}


def test_text_output_and_exit_codes(good_runs: Path, loose: Path, tmp_path: Path) -> None:
    result = run_cli(["calibrate", str(good_runs), "-s", str(loose), "-j", "1"])
    assert result.exit_code == 1
    header, first, *rest = result.stdout.splitlines()
    assert header.split() == ["SIGNATURE", "RUNS", "RATE", "VERDICT"]
    assert first.split()[:2] == ["LOOSE", f"{first.split()[1].split('/')[0]}/16"]
    assert first.endswith("too loose (> 10%)")
    assert rest[0].startswith(f"    {good_runs / 'Hadoop_2k.log'}:912: ")
    assert "1 of 3 signature(s) too loose" in result.stderr
    missing = run_cli(["calibrate", str(tmp_path / "nope.log"), "-s", str(loose)])
    assert missing.exit_code == 3 and "nope.log" in missing.stderr
    assert run_cli(["calibrate", str(good_runs), "--max-rate", "2"]).exit_code == 2
