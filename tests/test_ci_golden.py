"""Golden files for the github and Markdown formats, over the committed output of a real
pytest run (tests/data/ci/pytest-output.log and pytest-junit.xml, made by
tests/data/ci/make_fixtures.py). ``UPDATE_GOLDEN=1`` rewrites them; review the diff."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from test_ci_support import DATA, render, scan_inputs

from matcher.reporters.gating import GatePolicy
from matcher.reporters.summary import SummaryReporter

EXPECTED = DATA / "expected"
POLICY = GatePolicy.from_options("high", fail_on_regression=True)


def check_golden(name: str, actual: str) -> None:
    path = EXPECTED / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(actual, encoding="utf-8")
    assert actual == path.read_text(encoding="utf-8"), f"{path} differs (UPDATE_GOLDEN=1)"


@pytest.fixture(autouse=True)
def _in_data_dir(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(DATA)
    monkeypatch.delenv("GITHUB_WORKSPACE", raising=False)


CASES = [("pytest-junit.xml", True), ("pytest-output.log", True)]


@pytest.mark.parametrize(("name", "unknown"), CASES)
def test_github_golden(name: str, unknown: bool) -> None:
    findings, stats = scan_inputs([name])
    check_golden(f"{name}.github", render("github", findings, stats, unknown=unknown))


@pytest.mark.parametrize(("name", "unknown"), CASES)
def test_markdown_golden(name: str, unknown: bool) -> None:
    findings, stats = scan_inputs([name])
    out = io.StringIO()
    reporter = SummaryReporter(out, unknown=unknown, policy=POLICY, github_annotations=True)
    for finding in findings:
        reporter.finding(finding)
    reporter.finish(stats)
    check_golden(f"{name}.md", out.getvalue())


def test_goldens_name_the_right_incident_per_test_case() -> None:
    """What the goldens must say, independently of their exact text."""
    github = (EXPECTED / "pytest-junit.xml.github").read_text(encoding="utf-8").splitlines()
    by_test = {
        line.split("%0Atest: ")[1].split("%0A")[0]: line.split("title=")[1].split("::")[0]
        for line in github
    }
    dup = "Regression of INC-2024-002%3A Duplicate user e-mail on re-import"
    assert by_test == {
        "check_users.py::test_reimport_of_same_batch": dup,
        "check_users.py::test_nightly_import_counts_rows": dup,
        "check_users.py::test_report_queries_run_concurrently": (
            "INC-2024-001%3A Database connection pool exhausted"
        ),
        "check_users.py::test_user_payload_has_display_name": (
            "Unknown failure in check_users.py%3A%3Atest_user_payload_has_display_name"
        ),
    }
    summary = (EXPECTED / "pytest-junit.xml.md").read_text(encoding="utf-8")
    assert "**1** unknown failure(s)" in summary and "retryable: **no**" in summary
    assert "result: **failing**" in summary


def test_fixture_files_are_committed_and_small() -> None:
    for name, _ in CASES:
        path: Path = DATA / name
        assert 0 < path.stat().st_size < 20_000


def test_text_output_of_a_real_run_counts_each_failing_test_once() -> None:
    findings, stats = scan_inputs(["pytest-output.log"])
    assert sorted((f.line, f.signature.id) for f in findings) == [
        (29, "INC-2024-001"),
        (50, "INC-2024-002"),
        (71, "INC-2024-002"),
    ]
    # the KeyError test: one unknown failure (its failure section, told by its E line; the
    # FAILED summary line repeats it), never two
    new = [u for u in stats.unknown if u.testcase is not None and "payload" in u.testcase]
    assert [(u.testcase, u.line, u.text) for u in new] == [
        (
            "check_users.py::test_user_payload_has_display_name",
            78,
            "E       KeyError: 'display_name'",
        )
    ]


def test_text_output_known_failure_is_never_also_unknown() -> None:
    _, stats = scan_inputs(["pytest-output.log"])
    assert [u.testcase for u in stats.unknown] == [
        "check_users.py::test_user_payload_has_display_name"
    ]


@pytest.mark.skipif(
    not (Path(__file__).parent.parent / "sample_logs" / "pytest-output.log").is_file(),
    reason="sample_logs/ not present",
)
def test_sample_pytest_output_of_a_real_sqlalchemy_run() -> None:
    """sample_logs/pytest-output.log (real SQLAlchemy + PostgreSQL failures) as text: both
    incidents, and the two unrelated failing tests as unknown failures, once each."""
    sample = Path(__file__).parent.parent / "sample_logs" / "pytest-output.log"
    findings, stats = scan_inputs([sample])
    assert sorted({f.signature.id for f in findings}) == ["INC-2024-001", "INC-2024-002"]
    assert stats.unknown
    known_tests = ("test_report_queries_run_concurrently", "test_reimport_of_same_faker_batch")
    assert not [u for u in stats.unknown if any(t in (u.testcase or "") for t in known_tests)]
    assert all(
        u.testcase and u.testcase.startswith("suite/test_users_api.py::") for u in stats.unknown
    )
    texts = [u.text for u in stats.unknown]
    assert len(texts) == len(set(texts))
