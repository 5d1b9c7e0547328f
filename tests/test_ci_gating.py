"""Gating (--fail-on, --fail-on-regression, --fail-on-unknown) and the retryable verdict."""

from __future__ import annotations

import pytest
from test_ci_support import finding, signature, unknown

from matcher.engine.scanner import ScanStats
from matcher.model import Severity, Signature, Status
from matcher.reporters.gating import GatePolicy, Tally, decide, format_outputs, is_retryable

HIGH = signature("INC-H", Severity.HIGH)
LOW = signature("INC-L", Severity.LOW)
RESOLVED_LOW = signature("INC-R", Severity.LOW, status=Status.RESOLVED)
FLAKE = signature("INC-F", Severity.MEDIUM, retryable=True)
FLAKE2 = signature("INC-G", Severity.HIGH, retryable=True)


@pytest.mark.parametrize(
    ("fail_on", "sigs", "failing"),
    [
        ("info", [LOW], True),
        ("high", [LOW], False),
        ("high", [LOW, HIGH], True),
        ("critical", [HIGH], False),
        ("never", [HIGH], False),
        ("info", [], False),
    ],
)
def test_fail_on_severity(fail_on: str, sigs: list[Signature], failing: bool) -> None:
    decision = decide([finding(s) for s in sigs], [], GatePolicy.from_options(fail_on))
    assert decision.failing is failing
    assert decision.exit_status == (1 if failing else 0)


def test_fail_on_regression_fails_even_below_the_threshold() -> None:
    found = [finding(RESOLVED_LOW)]
    assert not decide(found, [], GatePolicy.from_options("high")).failing
    decision = decide(found, [], GatePolicy.from_options("never", fail_on_regression=True))
    assert decision.failing
    assert decision.regressions == 1
    assert decision.reasons == ("1 regression(s)",)


def test_fail_on_unknown() -> None:
    policy = GatePolicy.from_options("high", fail_on_unknown=True)
    assert decide([finding(LOW)], [unknown()], policy).failing
    assert not decide([finding(LOW)], [], policy).failing
    assert not decide([], [unknown()], GatePolicy.from_options("info")).failing


@pytest.mark.parametrize(
    ("sigs", "unknowns", "retryable", "reason"),
    [
        ([FLAKE], 0, True, "every finding is a known retryable incident"),
        ([FLAKE, FLAKE2], 0, True, "every finding is a known retryable incident"),
        ([FLAKE, HIGH], 0, False, "not retryable: INC-H"),
        ([FLAKE], 1, False, "1 unknown failure(s)"),
        ([], 0, False, "no known incident explains the failure"),
        ([], 2, False, "2 unknown failure(s)"),
    ],
)
def test_retryable_only_when_every_finding_is_and_nothing_is_unknown(
    sigs: list[Signature], unknowns: int, retryable: bool, reason: str
) -> None:
    found = [finding(s, i) for i, s in enumerate(sigs, 1)]
    failures = [unknown(i) for i in range(unknowns)]
    decision = decide(found, failures, GatePolicy(None))
    assert decision.retryable is retryable
    assert decision.retry_reason == reason
    assert is_retryable(found, failures) is retryable


def test_not_retryable_when_unknown_failures_were_not_looked_for() -> None:
    assert not is_retryable([finding(FLAKE)], [], unknown_checked=False)


def test_tally_is_fed_like_a_reporter() -> None:
    tally = Tally()
    for f in (finding(FLAKE), finding(RESOLVED_LOW, 2)):
        tally.finding(f)
    tally.finish(ScanStats(unknown=[unknown()]))
    decision = tally.decide(GatePolicy.from_options("medium", fail_on_unknown=True))
    assert decision.failing
    assert decision.reasons == ("a finding at or above medium", "1 unknown failure(s)")
    assert (decision.findings, decision.regressions, decision.unknown) == (2, 1, 1)
    assert format_outputs(decision.as_outputs()) == (
        "failing=true\nretryable=false\nfindings=2\nregressions=1\nunknown=1\n"
    )
