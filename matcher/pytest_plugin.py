"""pytest plugin: name the known incident behind a failing test, with its resolution.

Enabled by ``--incidents`` (signatures from ./signatures), ``--incident-signatures PATH``
(repeatable) or the ini option ``incident_signatures``. When a test fails, its failure text
and captured output and logs are matched; each known incident appears in the test's report
(a "known incidents" section) and in a terminal summary line. Nothing changes for passing
runs or without the options, and the signatures are only loaded at the first failure.
``-p no:incident_matcher`` turns the plugin off entirely.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from collections.abc import Generator, Sequence

    from matcher.model import Finding
    from matcher.patterns.ruleset import Ruleset

SECTION = "known incidents"
SUMMARY_PREFIX = "known incident "
DEFAULT_DIR = "signatures"
_PYTEST_E = re.compile(r"^E\s+")  # pytest's marker of exception lines


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("incident-matcher", "known incidents (incident-matcher)")
    group.addoption(
        "--incidents",
        action="store_true",
        default=False,
        help="Match failing tests against known incidents (signatures in ./signatures).",
    )
    group.addoption(
        "--incident-signatures",
        action="append",
        default=[],
        metavar="PATH",
        help="Signature file or directory to match failing tests against; repeatable. "
        "Implies --incidents.",
    )
    parser.addini(
        "incident_signatures",
        type="paths",
        default=[],
        help="Signature files or directories (relative to the ini file); enables the "
        "incident-matcher plugin.",
    )


def signature_paths(config: pytest.Config) -> list[Path]:
    """Where the signatures are, or ``[]`` when the plugin is not enabled."""
    here = Path(config.invocation_params.dir)
    given = [here / p for p in config.getoption("incident_signatures") or ()]
    if given:
        return given
    ini = [Path(p) for p in config.getini("incident_signatures") or ()]
    if ini:
        return ini
    return [here / DEFAULT_DIR] if config.getoption("incidents") else []


def pytest_configure(config: pytest.Config) -> None:
    paths = signature_paths(config)
    if paths:
        config.pluginmanager.register(IncidentMatcher(paths), "incident-matcher-session")


def describe(finding: Finding, nodeid: str) -> str:
    """The terminal summary line for one known incident in one test."""
    sig = finding.signature
    regression = " (REGRESSION: it was resolved)" if finding.is_regression else ""
    runbook = f" (runbook: {sig.runbook})" if sig.runbook else ""
    return (
        f"{SUMMARY_PREFIX}{sig.id} in {nodeid}: {sig.title}{regression}"
        f" - resolution: {sig.resolution_summary}{runbook}"
    )


def section_text(findings: Sequence[Finding], nodeid: str) -> str:
    lines = []
    for finding in findings:
        sig = finding.signature
        lines.append(describe(finding, nodeid))
        matched = _PYTEST_E.sub("", finding.text).strip()
        lines.append(f"    severity: {sig.severity}; matched: {matched}")
        if sig.retryable:
            lines.append("    retryable: yes (a known flake)")
    return "\n".join(lines)


def _first_per_incident(findings: Sequence[Finding]) -> list[Finding]:
    first: dict[str, Finding] = {}
    for finding in findings:
        first.setdefault(finding.signature.id, finding)
    return list(first.values())


class IncidentMatcher:
    """The per-session part, registered only when the plugin is enabled."""

    def __init__(self, paths: Sequence[Path]) -> None:
        self.paths = list(paths)
        self._ruleset: Ruleset | None = None
        self.error: str | None = None
        self.summary: list[str] = []
        self.failed: dict[str, bool] = {}  # failing test -> explained by a known incident

    def ruleset(self) -> Ruleset | None:
        """Loaded on first use: a passing run never pays for it."""
        if self._ruleset is None and self.error is None:
            from matcher.errors import MatcherError
            from matcher.rules.load import load_ruleset

            try:
                self._ruleset = load_ruleset(self.paths)
            except (MatcherError, ValueError, OSError) as exc:
                self.error = f"signatures not loaded from {', '.join(map(str, self.paths))}: {exc}"
        return self._ruleset

    def match(self, report: pytest.TestReport) -> list[Finding]:
        ruleset = self.ruleset()
        if ruleset is None:
            return []
        from matcher.api import scan_text

        parts = [report.longreprtext, *(content for _, content in report.sections)]
        text = "\n".join(part for part in parts if part)
        return _first_per_incident(scan_text(ruleset, text, source=report.nodeid))

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_makereport(
        self, item: pytest.Item, call: pytest.CallInfo[None]
    ) -> Generator[None, Any, None]:
        outcome = yield
        report: pytest.TestReport = outcome.get_result()
        if report.failed:
            findings = self.match(report)
            if findings:
                report.sections.append((SECTION, section_text(findings, report.nodeid)))

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        # Read back from the report, so that this also works on an xdist controller.
        if not report.failed:
            return
        explained = self.failed.get(report.nodeid, False)
        for name, content in report.sections:
            if name == SECTION:
                explained = True
                self.summary += [ln for ln in content.splitlines() if ln.startswith(SUMMARY_PREFIX)]
        self.failed[report.nodeid] = explained

    def pytest_terminal_summary(self, terminalreporter: Any) -> None:
        if not (self.summary or self.error):
            return
        terminalreporter.write_sep("=", SECTION)
        for line in dict.fromkeys(self.summary):
            terminalreporter.write_line(line)
        unexplained = [nodeid for nodeid, explained in self.failed.items() if not explained]
        if self.error:
            terminalreporter.write_line(f"incident-matcher: {self.error}", red=True)
        elif unexplained:
            terminalreporter.write_line(
                f"{len(unexplained)} failing test(s) match no known incident: "
                + ", ".join(unexplained)
            )
