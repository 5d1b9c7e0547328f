"""--format github: workflow commands, their escaping, levels, order and GitHub's limits."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest
from test_ci_support import finding, render, signature, unknown

from matcher.engine.scanner import ScanStats
from matcher.model import Severity, Status
from matcher.reporters.github import (
    LIMIT_PER_LEVEL,
    default_workspace,
    escape_data,
    escape_property,
    plan_annotations,
    workspace_path,
)


def test_escaping_follows_the_actions_toolkit() -> None:
    assert escape_data("100%\r\nnext::x, y") == "100%25%0D%0Anext::x, y"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


def test_levels_regression_first_then_severity_then_position(tmp_path: Path) -> None:
    medium = signature("INC-M", Severity.MEDIUM)
    found = [
        finding(signature("INC-I", Severity.INFO), 1),
        finding(medium, 2),
        finding(signature("INC-C", Severity.CRITICAL), 3),
        finding(signature("INC-R", Severity.LOW, status=Status.RESOLVED), 4),
        finding(medium, 1, source="b.log"),
    ]
    out = render("github", found, ScanStats(), workspace=str(tmp_path))
    heads = [
        line.split("::")[1].split(" ")[0] + ":" + line.split("title=")[1].split("%3A")[0]
        for line in out.splitlines()
    ]
    assert heads == [
        "error:Regression of INC-R",
        "error:INC-C",
        "warning:INC-M",
        "warning:INC-M",
        "notice:INC-I",
    ]
    # same severity: position (source in order of appearance, then line)
    lines = out.splitlines()
    assert "at: app.log:2" in lines[2] and "at: b.log:1" in lines[3]


def test_message_names_incident_resolution_runbook_and_test() -> None:
    sig = signature(
        "INC-9",
        Severity.HIGH,
        title="Pool, exhausted: again",
        retryable=True,
        resolution="Raise the pool.\nMore detail.",
    )
    out = render("github", [finding(sig, 7, testcase="tests/t.py::test_x")], ScanStats())
    assert out.startswith("::error ")
    assert "title=INC-9%3A Pool%2C exhausted%3A again::" in out
    message = out.split("::", 2)[2]
    assert message.rstrip("\n").split("%0A") == [
        "INC-9 [high] Pool, exhausted: again",
        "test: tests/t.py::test_x",
        "at: app.log:7",
        "log: boom",
        "resolution: Raise the pool.",
        "runbook: https://runbooks.example.org/x",
        "retryable: yes (a known flake)",
    ]


def test_log_text_cannot_inject_a_command() -> None:
    evil = "x\n::error::forged\r\x1b[31m 100%"
    out = render("github", [finding(signature(), text=evil)], ScanStats())
    assert out.count("\n") == 1
    assert "::error::forged" not in out.split("::", 2)[2].split("%0A")[0]
    assert "%0A::error::forged" in out and "\x1b" not in out and "100%25" in out


def test_file_only_inside_the_workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    inside = tmp_path / "logs" / "app,1.log"
    outside = tmp_path.parent / "elsewhere.log"
    ws = str(tmp_path)
    assert workspace_path(str(inside), ws) == "logs/app,1.log"
    assert workspace_path(str(outside), ws) is None
    assert workspace_path("<stdin>", ws) is None
    found = [
        finding(signature(), 3, source=str(inside)),
        finding(signature(), 4, source=str(outside)),
    ]
    out = render("github", found, ScanStats(), workspace=ws).splitlines()
    assert out[0].startswith("::error file=logs/app%2C1.log,line=3,title=")
    assert out[1].startswith("::error title=") and f"at: {outside}:4" in out[1]
    monkeypatch.setenv("GITHUB_WORKSPACE", ws)
    assert default_workspace() == ws
    monkeypatch.delenv("GITHUB_WORKSPACE")
    assert default_workspace() == os.getcwd()


def test_an_event_is_annotated_at_its_most_telling_line() -> None:
    f = replace(finding(signature(), 5), first_line=3, last_line=9)
    out = render("github", [f], ScanStats(), workspace=".")
    assert out.startswith("::error file=app.log,line=5,title=")


def test_unknown_failures_are_warnings_on_by_default_and_can_be_turned_off() -> None:
    stats = ScanStats(unknown=[unknown(text="ERROR: disk full", kind="error")])
    out = render("github", [], stats, workspace=".")
    assert out.startswith("::warning file=app.log,line=9,title=Unknown failure::")
    assert "Unknown failure (error)" in out and "log: ERROR: disk full" in out
    assert render("github", [], stats, unknown=False) == ""


def test_at_most_ten_per_level_the_rest_in_a_collapsed_group() -> None:
    sig = signature()
    found = [finding(sig, n) for n in range(1, 14)]
    found += [finding(signature("INC-W", Severity.LOW), 50)]
    out = render("github", found, ScanStats(), workspace=".").splitlines()
    commands = [line for line in out if line.startswith(("::error", "::warning"))]
    assert len(commands) == LIMIT_PER_LEVEL + 1
    assert (
        out[-5] == "::group::matcher: 3 errors not annotated (GitHub shows 10 per level and step)"
    )
    assert out[-4:-1] == [f"  app.log:{n}: error: INC-1: Something broke" for n in (11, 12, 13)]
    assert out[-1] == "::endgroup::"
    plan = plan_annotations(found)
    assert plan.hidden_counts() == {"error": 3, "warning": 0, "notice": 0}


def test_nothing_found_prints_nothing() -> None:
    assert render("github", [], ScanStats()) == ""


def test_unknown_failures_counted_but_not_kept_are_said_in_a_plain_line() -> None:
    stats = ScanStats(unknown=[unknown(3)], unknown_omitted=4)
    out = render("github", [], stats, unknown=True).splitlines()
    assert out[0].startswith("::warning ")
    assert (
        out[-1]
        == "matcher: 4 more unknown failure(s) of the kinds annotated were counted, not kept"
    )
    assert not any("more unknown" in line for line in render("github", [], stats, unknown=False))
