"""The Markdown job summary (--summary FILE, $GITHUB_STEP_SUMMARY) and --format markdown."""

from __future__ import annotations

import io

from test_ci_support import finding, render, signature, unknown

from matcher.engine.scanner import ScanStats
from matcher.model import Severity, Status
from matcher.reporters import Tee, make_reporter
from matcher.reporters.gating import GatePolicy
from matcher.reporters.summary import (
    MAX_UNKNOWN_ROWS,
    SummaryReporter,
    md_code,
    md_link,
    md_text,
    render_summary,
    summary_path,
)


def test_summary_path_defaults_to_the_step_summary() -> None:
    env = {"GITHUB_STEP_SUMMARY": "/tmp/step"}
    assert summary_path(None, env) == "/tmp/step"
    assert summary_path("mine.md", env) == "mine.md"
    assert summary_path(None, {}) is None
    assert summary_path(None, {"GITHUB_STEP_SUMMARY": ""}) is None


def test_cells_cannot_break_the_table_or_inject_markup() -> None:
    assert md_text("a | b\n<script>*x*</script> [l](u)") == (
        "a \\| b \\<script\\>\\*x\\*\\</script\\> \\[l\\](u)"
    )
    assert md_code("SELECT a || b FROM `t`") == "`` SELECT a \\|\\| b FROM `t` ``"
    assert md_code("x" * 400).endswith("…`") and len(md_code("x" * 400)) == 302
    assert md_link("https://ex.org/a_(b)", "runbook") == "[runbook](https://ex.org/a_%28b%29)"
    assert md_link("javascript:alert(1)", "runbook") == "javascript:alert(1)"
    assert md_link("docs/runbooks/pool.md", "runbook") == "docs/runbooks/pool.md"
    assert md_link(None, "runbook") == ""


def test_table_one_row_per_incident_with_count_and_first_location() -> None:
    pool = signature("INC-1", Severity.HIGH, title="Pool exhausted", retryable=True)
    dup = signature("INC-2", Severity.MEDIUM, title="Duplicate e-mail", status=Status.RESOLVED)
    found = [
        finding(pool, 10, testcase="t.py::test_a"),
        finding(dup, 20, testcase="t.py::test_b"),
        finding(pool, 30, testcase="t.py::test_c"),
    ]
    text = render_summary(found, [unknown(40)], policy=GatePolicy.from_options("high"))
    lines = text.splitlines()
    assert lines[0] == "## incident-matcher"
    assert lines[2] == (
        "**2** known incident(s) in **3** finding(s) · **1** regression(s) · "
        "**1** unknown failure(s) · retryable: **no** (1 unknown failure(s)) · "
        "result: **failing** (a finding at or above high)"
    )
    rows = [line for line in lines if line.startswith("| **")]
    assert rows[0].startswith("| **REGRESSION** **INC-2** Duplicate e-mail | medium | 1 |")
    assert rows[1].startswith(
        "| **INC-1** Pool exhausted (2 tests) | high | 2 | `app.log:10` in `t.py::test_a` |"
    )
    assert rows[1].endswith("| Restart it. | [runbook](https://runbooks.example.org/x) |")
    assert "### Unknown failures" in lines
    assert "| `app.log:40` | error | `ERROR new thing` |" in lines


def test_known_and_unknown_are_both_reported() -> None:
    """One known and one new failure: the run must not look explained."""
    sig = signature("INC-1", Severity.HIGH, retryable=True)
    stats = ScanStats(
        unknown=[unknown(5, text="Traceback (most recent call last):", kind="traceback")]
    )
    text = render("markdown", [finding(sig, 2)], stats)
    assert "**1** known incident(s)" in text and "**1** unknown failure(s)" in text
    assert "retryable: **no** (1 unknown failure(s))" in text
    assert "`Traceback (most recent call last):`" in text


def test_retryable_yes_only_for_known_flakes() -> None:
    flake = signature("INC-1", Severity.HIGH, retryable=True)
    text = render_summary([finding(flake)], [])
    assert "retryable: **yes** (every finding is a known retryable incident)" in text
    assert "unknown failure" in render_summary([finding(flake)], [])
    blind = render_summary([finding(flake)], [], unknown_checked=False)
    assert "retryable: **no** (unknown failures were not checked)" in blind
    assert "unknown failure(s)" not in blind


def test_nothing_found() -> None:
    text = render_summary([], [])
    assert text == (
        "## incident-matcher\n\n**0** known incident(s) in **0** finding(s) · "
        "**0** unknown failure(s) · retryable: **no** (no known incident explains the "
        "failure)\n\n"
    )


def test_long_unknown_list_is_capped() -> None:
    many = [unknown(n) for n in range(MAX_UNKNOWN_ROWS + 7)]
    text = render_summary([], many)
    assert "| … and 7 more | | |" in text
    assert text.count("| `app.log:") == MAX_UNKNOWN_ROWS


def test_annotation_overflow_is_counted_when_beside_the_github_format() -> None:
    sig = signature()
    found = [finding(sig, n) for n in range(1, 13)]
    text = render_summary(found, [], github_annotations=True)
    assert "2 errors were not annotated" in text
    assert "not annotated" not in render_summary(found, [])


def test_tee_feeds_the_output_format_and_the_summary() -> None:
    out, summary = io.StringIO(), io.StringIO()
    tee = Tee(make_reporter("github", out), SummaryReporter(summary, github_annotations=True))
    tee.finding(finding(signature()))
    tee.finish(ScanStats())
    assert out.getvalue().startswith("::error ")
    assert summary.getvalue().startswith("## incident-matcher\n")
