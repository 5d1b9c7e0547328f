"""Exit-status and retry decisions for CI: what makes a run fail, and whether re-running it
is worth a try. Pure functions over findings and unknown failures; no I/O, no exit.

Fed like a reporter (``Tally.finding`` / ``Tally.finish``), so the CLI can run it beside the
output reporter and decide after the last finding.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from matcher.engine.scanner import ScanStats
from matcher.model import Finding, Severity, UnknownFailure
from matcher.vocabulary import EXIT_FINDINGS, EXIT_OK


@dataclass(frozen=True)
class GatePolicy:
    """What fails the build. ``fail_on=None`` is ``--fail-on never``."""

    fail_on: Severity | None = Severity.INFO
    fail_on_regression: bool = False
    fail_on_unknown: bool = False

    @classmethod
    def from_options(
        cls, fail_on: str, *, fail_on_regression: bool = False, fail_on_unknown: bool = False
    ) -> GatePolicy:
        """From the CLI's values: ``fail_on`` is a severity name or ``"never"``."""
        threshold = None if fail_on == "never" else Severity.parse(fail_on)
        return cls(threshold, fail_on_regression, fail_on_unknown)


@dataclass(frozen=True)
class Decision:
    failing: bool
    reasons: tuple[str, ...]
    retryable: bool
    retry_reason: str
    findings: int
    regressions: int
    unknown: int

    @property
    def exit_status(self) -> int:
        """0 or 1; input errors (3) and usage errors (2) are the CLI's to add."""
        return EXIT_FINDINGS if self.failing else EXIT_OK

    def as_outputs(self) -> dict[str, str]:
        """``key=value`` pairs for ``$GITHUB_OUTPUT`` (see docs/ci.md)."""
        return {
            "failing": _bool(self.failing),
            "retryable": _bool(self.retryable),
            "findings": str(self.findings),
            "regressions": str(self.regressions),
            "unknown": str(self.unknown),
        }


def _bool(value: bool) -> str:
    return "true" if value else "false"


def is_retryable(
    findings: Iterable[Finding], unknown: Iterable[UnknownFailure], *, unknown_checked: bool = True
) -> bool:
    """Yes only with at least one finding, no unknown failure, and every finding's signature
    ``retryable: true``. Without unknown-failure detection nobody can say nothing new failed,
    so the answer is no."""
    return decide(findings, unknown, GatePolicy(None), unknown_checked=unknown_checked).retryable


class Tally:
    """Counts what gating needs; use as a reporter, then ``decide``."""

    def __init__(self) -> None:
        self.findings = 0
        self.regressions = 0
        self.worst: Severity | None = None
        self.not_retryable: dict[str, None] = {}  # ids in order of first finding
        self.unknown: list[UnknownFailure] = []
        self.unknown_count = 0  # those kept in ``unknown`` and those only counted
        self.by_incident: dict[str, int] = {}

    def finding(self, finding: Finding) -> None:
        sig = finding.signature
        self.findings += 1
        self.regressions += finding.is_regression
        if not sig.retryable:
            self.not_retryable[sig.id] = None
        self.worst = sig.severity if self.worst is None else max(self.worst, sig.severity)
        self.by_incident[sig.id] = self.by_incident.get(sig.id, 0) + 1

    def finish(self, stats: ScanStats) -> None:
        self.unknown = list(stats.unknown)
        self.unknown_count = stats.unknown_total

    def decide(self, policy: GatePolicy, *, unknown_checked: bool = True) -> Decision:
        reasons = _reasons(self, policy)
        why_not = _why_not_retryable(self, unknown_checked)
        return Decision(
            failing=bool(reasons),
            reasons=tuple(reasons),
            retryable=why_not is None,
            retry_reason=why_not or "every finding is a known retryable incident",
            findings=self.findings,
            regressions=self.regressions,
            unknown=self.unknown_count,
        )


def _why_not_retryable(tally: Tally, unknown_checked: bool) -> str | None:
    if not unknown_checked:
        return "unknown failures were not checked"
    if tally.unknown_count:
        return f"{tally.unknown_count} unknown failure(s)"
    if not tally.findings:
        return "no known incident explains the failure"
    if tally.not_retryable:
        return f"not retryable: {', '.join(tally.not_retryable)}"
    return None


def _reasons(tally: Tally, policy: GatePolicy) -> list[str]:
    reasons = []
    if policy.fail_on is not None and tally.worst is not None and tally.worst >= policy.fail_on:
        reasons.append(f"a finding at or above {policy.fail_on}")
    if policy.fail_on_regression and tally.regressions:
        reasons.append(f"{tally.regressions} regression(s)")
    if policy.fail_on_unknown and tally.unknown_count:
        reasons.append(f"{tally.unknown_count} unknown failure(s)")
    return reasons


def decide(
    findings: Iterable[Finding],
    unknown: Iterable[UnknownFailure],
    policy: GatePolicy,
    *,
    unknown_checked: bool = True,
    unknown_omitted: int = 0,
) -> Decision:
    """The whole decision at once, for callers that hold every finding (``unknown_omitted``:
    unknown failures counted but not kept)."""
    tally = Tally()
    for finding in findings:
        tally.finding(finding)
    tally.finish(ScanStats(unknown=list(unknown), unknown_omitted=unknown_omitted))
    return tally.decide(policy, unknown_checked=unknown_checked)


def format_outputs(outputs: Mapping[str, str]) -> str:
    """Lines for ``$GITHUB_OUTPUT``; values here never hold a newline."""
    return "".join(f"{key}={value}\n" for key, value in outputs.items())
