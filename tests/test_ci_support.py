"""Shared helpers of the tests/test_ci_*.py modules (issue #5, CI formats). No tests here."""

from __future__ import annotations

import functools
import io
import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from matcher.api import ScanRun
from matcher.engine.scanner import ScanStats
from matcher.model import Finding, Severity, Signature, SourceLocation, Status, UnknownFailure
from matcher.patterns.ruleset import Ruleset
from matcher.reporters import make_reporter
from matcher.rules.load import load_ruleset
from matcher.sources.junit import scan_junit
from matcher.sources.sniff import is_junit_xml

DATA = Path(__file__).parent / "data" / "ci"
SIGNATURES = DATA / "signatures"
SCHEMAS = DATA / "schemas"
SAMPLE_LOGS = Path(__file__).parent.parent / "sample_logs"


@functools.cache
def ruleset() -> Ruleset:
    return load_ruleset([SIGNATURES], cache=False, unknown=True)


def signature(
    sig_id: str = "INC-1",
    severity: Severity = Severity.HIGH,
    *,
    title: str = "Something broke",
    status: Status = Status.OPEN,
    retryable: bool = False,
    runbook: str | None = "https://runbooks.example.org/x",
    resolution: str = "Restart it.",
) -> Signature:
    return Signature(
        id=sig_id,
        title=title,
        severity=severity,
        symptoms=(),
        resolution=resolution,
        location=SourceLocation("sig.yml", 1, 1),
        runbook=runbook,
        status=status,
        retryable=retryable,
    )


def finding(
    sig: Signature,
    line: int = 1,
    *,
    source: str = "app.log",
    text: str = "boom",
    testcase: str | None = None,
) -> Finding:
    return Finding(
        signature=sig,
        source=source,
        line=line,
        text=text,
        span=(0, len(text)),
        captures={},
        matched_lines=(line,),
        first_line=line,
        last_line=line,
        testcase=testcase,
    )


def unknown(
    line: int = 9, *, source: str = "app.log", text: str = "ERROR new thing", kind: str = "error"
) -> UnknownFailure:
    return UnknownFailure(source=source, line=line, text=text, kind=kind)


def scan_inputs(paths: Iterable[str | os.PathLike[str]]) -> tuple[list[Finding], ScanStats]:
    """What ``matcher scan`` does once the lead routes JUnit XML to matcher.sources.junit."""
    findings: list[Finding] = []
    stats = ScanStats()
    for path in map(str, paths):
        with open(path, "rb") as fh:
            head = fh.read(4096)
        if is_junit_xml(head):
            found, unknown_failures = scan_junit(ruleset(), path, stats=stats)
            findings += found
            stats.unknown += unknown_failures
        else:
            run = ScanRun(ruleset(), [path], unknown=True)
            findings += list(run)
            stats.lines += run.stats.lines
            stats.unknown += run.stats.unknown
    return findings, stats


def render(
    fmt: str,
    findings: Sequence[Finding],
    stats: ScanStats,
    *,
    signatures: Sequence[Signature] = (),
    unknown: bool | None = None,
    workspace: str | None = None,
) -> str:
    out = io.StringIO()
    reporter = make_reporter(fmt, out, signatures=signatures, unknown=unknown, workspace=workspace)
    for f in findings:
        reporter.finding(f)
    reporter.finish(stats)
    return out.getvalue()
