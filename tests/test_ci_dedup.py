"""CI input, one failure one finding (issue #12): a real pytest run of tests/data/ci/shop,
its terminal output and its JUnit report scanned together through the CLI. Each failing test
is one finding (or one unknown failure), named by its pytest node id whichever input it was
read from, with the test's captured output inside its event; an unknown failure points at the
telling ``E`` line of its test."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import json_findings, run_cli
from test_ci_support import DATA, SIGNATURES

SHOP = DATA / "shop"
MODULE = "tests/test_shop.py"
POOL = f"{MODULE}::test_checkout_under_load"
REIMPORT = f"{MODULE}::TestImport::test_reimport[batch-1]"
NIGHTLY = f"{MODULE}::test_nightly_counts"
PAYLOAD = f"{MODULE}::test_payload_has_display_name"
TOTALS = f"{MODULE}::test_totals_add_up"
EXPLAINED = {(POOL, "INC-2024-001"), (REIMPORT, "INC-2024-002"), (NIGHTLY, "INC-2024-002")}


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """pytest really run over the shop suite: ``pytest.log`` and ``report.xml``."""
    where = tmp_path_factory.mktemp("shop") / "shop"
    shutil.copytree(SHOP, where)
    # kept under another name, so that the project's own test run does not collect it
    (where / "tests" / "shop_suite.py").rename(where / MODULE)
    env = {**os.environ, "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"}
    with (where / "pytest.log").open("wb") as out:
        done = subprocess.run(
            [sys.executable, "-m", "pytest", "--junitxml=report.xml", "--color=no"],
            cwd=where,
            stdout=out,
            env=env,
            timeout=120,
            check=False,
        )
    assert done.returncode == 1, (where / "pytest.log").read_text(encoding="utf-8")
    return where


def scan(run: Path, *names: str, options: tuple[str, ...] = ("--unknown",)) -> list[Any]:
    paths = [str(run / name) for name in names]
    result = run_cli(["scan", "-f", "json", "-s", str(SIGNATURES), *options, *paths])
    assert result.exit_code == 1, result.stderr
    return json_findings(result.stdout)


def findings(records: list[Any]) -> list[dict[str, Any]]:
    return [r for r in records if r["schema"] == "incident-matcher/finding/v1"]


def unknowns(records: list[Any]) -> list[dict[str, Any]]:
    return [r for r in records if r["schema"] == "incident-matcher/unknown/v1"]


def line_of(path: Path, text: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if line == text)


def captured_line(path: Path, message: str) -> tuple[int, str]:
    """The line pytest's "Captured log call" shows for ``log.error(message)``."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(
        (n, line)
        for n, line in enumerate(lines, 1)
        if line.startswith("ERROR    shop:test_shop.py:") and line.endswith(message)
    )


@pytest.mark.parametrize(
    "inputs",
    [("pytest.log", "report.xml"), ("report.xml", "pytest.log"), ("pytest.log",), ("report.xml",)],
)
def test_one_finding_per_failing_test_named_by_node_id(run: Path, inputs: tuple[str, ...]) -> None:
    records = scan(run, *inputs)
    got = sorted((f["testcase"], f["incident"]) for f in findings(records))
    assert got == sorted(EXPLAINED)
    assert sorted(u["testcase"] for u in unknowns(records)) == [PAYLOAD, TOTALS]
    # findings of one test come from the first input that has it
    assert {f["source"] for f in findings(records)} == {str(run / inputs[0])}


def test_the_closing_line_counts_each_failing_test_once(run: Path) -> None:
    paths = [str(run / "pytest.log"), str(run / "report.xml")]
    result = run_cli(["scan", "-s", str(SIGNATURES), "--unknown", *paths])
    assert "3 finding(s) (INC-2024-001: 1, INC-2024-002: 2), 2 unknown failure(s)" in result.stderr


def test_captured_output_is_inside_the_tests_event(run: Path) -> None:
    log = run / "pytest.log"
    records = findings(scan(run, "pytest.log"))
    by_test = {f["testcase"]: f for f in records}
    pool = by_test[POOL]
    assert pool["first_line"] == line_of(log, "_" * 27 + " test_checkout_under_load " + "_" * 27)
    assert "checkout 17: retrying" in pool["event"]
    assert pool["event"][-1].endswith("payment gateway: checkout 17 waiting for a connection")
    nightly = by_test[NIGHTLY]
    number, captured = captured_line(log, 'violates unique constraint "ix_users_email"')
    assert nightly["event"][-1] == captured
    # the line pytest captured tells it, not the source line shown in the traceback
    assert nightly["line"] == number


def test_captured_log_of_a_test_is_no_unknown_failure_of_its_own(run: Path) -> None:
    """The ERROR lines pytest captured (an explained test's and an unexplained test's) are
    part of their test: only the two unexplained tests are unknown failures."""
    records = unknowns(scan(run, "pytest.log"))
    log = run / "pytest.log"
    got = [(u["testcase"], u["line"], u["text"], u["kind"]) for u in records]
    key_error, assertion = "E       KeyError: 'display_name'", "E       assert 3 == 4"
    assert got == [
        (PAYLOAD, line_of(log, key_error), key_error, "testcase"),
        (TOTALS, line_of(log, assertion), assertion, "testcase"),
    ]


def test_without_unknown_mode_the_log_still_names_node_ids(run: Path) -> None:
    records = scan(run, "pytest.log", options=())
    assert sorted((f["testcase"], f["incident"]) for f in records) == sorted(EXPLAINED)


@pytest.mark.parametrize("fmt", ["github", "junit", "sarif", "markdown"])
def test_every_format_names_the_node_id(run: Path, fmt: str) -> None:
    paths = [str(run / "pytest.log"), str(run / "report.xml")]
    result = run_cli(["scan", "-f", fmt, "-s", str(SIGNATURES), *paths])
    assert result.exit_code == 1, result.stderr
    # the job summary names the first test of each incident
    shown = (POOL, REIMPORT, PAYLOAD, TOTALS) if fmt == "markdown" else (POOL, NIGHTLY, PAYLOAD)
    for node_id in shown:
        assert node_id in result.stdout
    assert "tests.test_shop::" not in result.stdout


def test_past_the_bound_findings_stream_and_counts_stay_true(
    run: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Memory is bounded: past MAX_HELD findings a run reports what it held (merged) and the
    rest as it comes; the closing line counts exactly what was reported."""
    monkeypatch.setattr("matcher.sources.pertest.MAX_HELD", 2)
    records = scan(run, "pytest.log", "report.xml")
    found = findings(records)
    assert [f["source"] for f in found[:2]] == [str(run / "pytest.log")] * 2
    assert len(found) > len(EXPLAINED)  # the report's are no longer merged
    paths = [str(run / "pytest.log"), str(run / "report.xml")]
    result = run_cli(["scan", "-s", str(SIGNATURES), "--unknown", *paths])
    assert f"{len(found)} finding(s)" in result.stderr
