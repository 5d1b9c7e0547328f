"""A Markdown job summary: one table row per incident, then the unknown failures.

Written for ``$GITHUB_STEP_SUMMARY`` (GitHub renders it on the run's page) but plain GitHub
Markdown anywhere. Log text is put in code spans and every other value is escaped, so a log
line can neither break the table nor inject markup.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TextIO

from matcher.engine.scanner import ScanStats
from matcher.model import Finding, Signature, UnknownFailure
from matcher.reporters.gating import GatePolicy, decide
from matcher.reporters.github import LIMIT_PER_LEVEL, describe_hidden, plan_annotations
from matcher.text import neutralize
from matcher.vocabulary import STEP_SUMMARY_ENV

HEADING = "## incident-matcher"
MAX_UNKNOWN_ROWS = 50
MAX_CELL = 300
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")
_URL = re.compile(r"^https?://[^\s<>\"]+$")


def summary_path(option: str | None, environ: Mapping[str, str] | None = None) -> str | None:
    """``--summary FILE`` if given, else ``$GITHUB_STEP_SUMMARY`` if set, else None."""
    env = os.environ if environ is None else environ
    return option or env.get(STEP_SUMMARY_ENV) or None


def md_text(text: str, limit: int = MAX_CELL) -> str:
    """Plain text for a table cell: one line, Markdown and HTML specials escaped."""
    flat = neutralize(" ".join(text.split()))
    if len(flat) > limit:
        flat = flat[: limit - 1] + "…"
    return _MD_SPECIAL.sub(r"\\\1", flat)


def md_code(text: str, limit: int = MAX_CELL) -> str:
    """A code span safe inside a table cell (GFM needs ``\\|`` even in code)."""
    flat = neutralize(" ".join(text.split()))
    if len(flat) > limit:
        flat = flat[: limit - 1] + "…"
    longest = max((len(m) for m in re.findall(r"`+", flat)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if flat.startswith("`") or flat.endswith("`") else ""
    return f"{fence}{pad}{flat}{pad}{fence}".replace("|", "\\|") if flat else ""


def md_link(url: str | None, label: str) -> str:
    if not url:
        return ""
    if not _URL.match(url):
        return md_text(url)
    safe = url.replace("(", "%28").replace(")", "%29").replace("|", "%7C")
    return f"[{label}]({safe})"


@dataclass
class _Row:
    signature: Signature
    first: Finding
    order: int
    count: int = 0
    testcases: list[str] = field(default_factory=list)


def _rows(findings: Sequence[Finding]) -> list[_Row]:
    rows: dict[str, _Row] = {}
    for order, finding in enumerate(findings):
        row = rows.get(finding.signature.id)
        if row is None:
            row = rows[finding.signature.id] = _Row(finding.signature, finding, order)
        row.count += 1
        if finding.testcase and finding.testcase not in row.testcases:
            row.testcases.append(finding.testcase)
    return sorted(
        rows.values(),
        key=lambda r: (not r.first.is_regression, -r.signature.severity, r.order),
    )


def _location(source: str, line: int, testcase: str | None = None) -> str:
    where = md_code(f"{source}:{line}")
    return f"{where} in {md_code(testcase)}" if testcase else where


def _incident_cell(row: _Row) -> str:
    sig = row.signature
    cell = f"**{md_text(sig.id)}** {md_text(sig.title)}"
    if row.first.is_regression:
        cell = f"**REGRESSION** {cell}"
    if len(row.testcases) > 1:
        cell += f" ({len(row.testcases)} tests)"
    return cell


def render_summary(
    findings: Sequence[Finding],
    unknown: Sequence[UnknownFailure],
    *,
    unknown_checked: bool = True,
    policy: GatePolicy | None = None,
    github_annotations: bool = False,
    unknown_omitted: int = 0,
) -> str:
    """The whole summary as Markdown text (ends with a blank line); ``unknown_omitted``:
    unknown failures counted, not kept (they count in the headline)."""
    rows = _rows(findings)
    headline = _headline(rows, findings, unknown, unknown_checked, policy, unknown_omitted)
    out = [HEADING, "", headline, ""]
    if rows:
        out += [
            "| Incident | Severity | Count | First location | Resolution | Runbook |",
            "| --- | --- | ---: | --- | --- | --- |",
        ]
        for row in rows:
            sig, first = row.signature, row.first
            out.append(
                f"| {_incident_cell(row)} | {sig.severity} | {row.count} "
                f"| {_location(first.source, first.line, first.testcase)} "
                f"| {md_text(sig.resolution_summary)} | {md_link(sig.runbook, 'runbook')} |"
            )
        out.append("")
    if unknown_checked and unknown:
        out += _unknown_section(unknown)
    if github_annotations:
        hidden = plan_annotations(findings, unknown if unknown_checked else ()).hidden_counts()
        if any(hidden.values()):
            out += [
                f"GitHub shows at most {LIMIT_PER_LEVEL} annotations of each level per step: "
                f"{describe_hidden(hidden)} were not annotated. The tables above list them all.",
                "",
            ]
    return "\n".join(out) + "\n"


def _headline(
    rows: Sequence[_Row],
    findings: Sequence[Finding],
    unknown: Sequence[UnknownFailure],
    unknown_checked: bool,
    policy: GatePolicy | None,
    omitted: int = 0,
) -> str:
    decision = decide(
        findings,
        unknown,
        policy or GatePolicy(None),
        unknown_checked=unknown_checked,
        unknown_omitted=omitted,
    )
    parts = [f"**{len(rows)}** known incident(s) in **{len(findings)}** finding(s)"]
    if decision.regressions:
        parts.append(f"**{decision.regressions}** regression(s)")
    if unknown_checked:
        parts.append(f"**{len(unknown) + omitted}** unknown failure(s)")
    answer = "yes" if decision.retryable else "no"
    parts.append(f"retryable: **{answer}** ({md_text(decision.retry_reason)})")
    if policy is not None:
        verdict = "failing" if decision.failing else "passing"
        why = f" ({'; '.join(decision.reasons)})" if decision.reasons else ""
        parts.append(f"result: **{verdict}**{why}")
    return " · ".join(parts)


def _unknown_section(unknown: Sequence[UnknownFailure]) -> list[str]:
    out = [
        "### Unknown failures",
        "",
        "No signature explains these: a new failure, or one that needs a signature.",
        "",
        "| Location | Kind | Text |",
        "| --- | --- | --- |",
    ]
    for failure in unknown[:MAX_UNKNOWN_ROWS]:
        where = _location(failure.source, failure.line, failure.testcase)
        out.append(f"| {where} | {md_text(failure.kind)} | {md_code(failure.text)} |")
    if len(unknown) > MAX_UNKNOWN_ROWS:
        out.append(f"| … and {len(unknown) - MAX_UNKNOWN_ROWS} more | | |")
    out.append("")
    return out


class SummaryReporter:
    """Collects findings; appends the Markdown summary to ``out`` in ``finish``."""

    def __init__(
        self,
        out: TextIO,
        *,
        unknown: bool = True,
        policy: GatePolicy | None = None,
        github_annotations: bool = False,
    ) -> None:
        self.out = out
        self.unknown = unknown
        self.policy = policy
        self.github_annotations = github_annotations
        self.findings: list[Finding] = []

    def finding(self, finding: Finding) -> None:
        self.findings.append(finding)

    def finish(self, stats: ScanStats) -> None:
        self.out.write(
            render_summary(
                self.findings,
                stats.unknown if self.unknown else [],
                unknown_checked=self.unknown,
                policy=self.policy,
                github_annotations=self.github_annotations,
                unknown_omitted=stats.unknown_omitted if self.unknown else 0,
            )
        )
        self.out.flush()
