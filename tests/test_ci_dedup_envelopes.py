"""CI input in an envelope (issue #12): pytest's output as GitHub Actions, GitLab, the kubelet
(CRI) or docker's json-file driver store it, scanned with the run's JUnit report, names each
failing test by its node id and reports it once, exactly as the bare output does."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from test_ci_dedup import EXPLAINED, PAYLOAD, TOTALS, findings, run, scan, unknowns

__all__ = ["run"]  # the module-scoped fixture: one real pytest run for every case here


def _stamp(n: int) -> str:
    return f"2026-11-27T00:{n // 600 % 60:02d}:{n // 10 % 60:02d}.{n % 10}000000Z"


def github(lines: list[str]) -> list[str]:
    # the raw log GitHub serves: a BOM, then a timestamp before each line; a group around it
    body = [f"{_stamp(n)} {line}" for n, line in enumerate(lines, 2)]
    return [f"\ufeff{_stamp(0)} ##[group]Run python -m pytest", f"{_stamp(1)} ##[endgroup]", *body]


def gitlab(lines: list[str]) -> list[str]:
    # the runner's job trace: timestamp, stream and line flags, section markers, colours
    marker = "section_start:1796083871:step_script\r\x1b[0K"
    head = f"{_stamp(0)} 00O {marker}\x1b[36;1m$ pytest\x1b[0;m"
    return [head, *(f"{_stamp(n)} 01O {line}" for n, line in enumerate(lines, 1))]


def cri(lines: list[str]) -> list[str]:
    return [f"{_stamp(n)} stdout F {line}" for n, line in enumerate(lines)]


def docker(lines: list[str]) -> list[str]:
    record = {"log": "", "stream": "stdout", "time": ""}  # dockerd's key order, no spaces
    return [
        json.dumps({**record, "log": line + "\n", "time": _stamp(n)}, separators=(",", ":"))
        for n, line in enumerate(lines)
    ]


WRAPPERS: dict[str, Callable[[list[str]], list[str]]] = {
    "github": github,
    "gitlab": gitlab,
    "cri": cri,
    "docker": docker,
}


def wrapped(run: Path, name: str) -> str:
    lines = (run / "pytest.log").read_text(encoding="utf-8").splitlines()
    target = run / f"pytest-{name}.log"
    target.write_text("\n".join(WRAPPERS[name](lines)) + "\n", encoding="utf-8")
    return target.name


@pytest.mark.parametrize("name", sorted(WRAPPERS))
@pytest.mark.parametrize("with_report", [True, False])
def test_an_enveloped_pytest_log_names_and_counts_tests_as_the_bare_one(
    run: Path, name: str, with_report: bool
) -> None:
    inputs = (wrapped(run, name), "report.xml") if with_report else (wrapped(run, name),)
    records: list[Any] = scan(run, *inputs)
    assert sorted((f["testcase"], f["incident"]) for f in findings(records)) == sorted(EXPLAINED)
    assert sorted(u["testcase"] for u in unknowns(records)) == [PAYLOAD, TOTALS]
    assert {f["source"] for f in findings(records)} == {str(run / inputs[0])}


@pytest.fixture(scope="module")
def coloured(run: Path) -> str:
    """The same suite run again by pytest with ``--color=yes`` (as CI jobs ask for): escape
    codes around the section headers, the summary's ``FAILED`` and the ``E`` lines."""
    env = {**os.environ, "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"}
    with (run / "pytest-colour.log").open("wb") as out:
        command = [sys.executable, "-m", "pytest", "--color=yes", "-p", "no:cacheprovider"]
        subprocess.run(command, cwd=run, stdout=out, env=env, timeout=120, check=False)
    assert b"\x1b[31m\x1b[1m___" in (run / "pytest-colour.log").read_bytes()
    return "pytest-colour.log"


@pytest.mark.parametrize("with_report", [True, False])
def test_pytest_output_in_colour_names_and_counts_tests_as_without(
    run: Path, coloured: str, with_report: bool
) -> None:
    inputs = (coloured, "report.xml") if with_report else (coloured,)
    records: list[Any] = scan(run, *inputs)
    assert sorted((f["testcase"], f["incident"]) for f in findings(records)) == sorted(EXPLAINED)
    assert sorted(u["testcase"] for u in unknowns(records)) == [PAYLOAD, TOTALS]
