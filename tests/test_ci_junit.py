"""--format junit (output), validated against the Jenkins/Surefire junit-10.xsd."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from test_ci_support import DATA, SCHEMAS, finding, render, ruleset, scan_inputs, signature, unknown

from matcher.engine.scanner import ScanStats
from matcher.model import Severity, Status

XSD = SCHEMAS / "junit-10.xsd"


def validate(document: str) -> ET.Element:
    """Structural checks GitLab, Jenkins and Azure rely on, then the XSD when xmlschema is
    installed."""
    root = ET.fromstring(document.encode("utf-8"))
    assert root.tag == "testsuites"
    for suite in root.iter("testsuite"):
        cases = suite.findall("testcase")
        assert suite.get("tests") == str(len(cases))
        assert suite.get("failures") == str(sum(c.find("failure") is not None for c in cases))
        assert suite.get("errors") == "0"
        assert all(c.get("name") and c.get("classname") for c in cases)
    return root


def validate_xsd(document: str) -> None:
    xmlschema = pytest.importorskip("xmlschema")
    xmlschema.XMLSchema(str(XSD)).validate(document)


def cases(root: ET.Element) -> dict[str, ET.Element | None]:
    return {c.get("name", ""): c.find("failure") for c in root.iter("testcase")}


def test_one_case_per_signature_failed_when_it_matched() -> None:
    pool = signature("INC-1", Severity.HIGH, title="Pool exhausted")
    quiet = signature("INC-3", Severity.LOW, title="Never seen")
    found = [
        finding(pool, 4, testcase="tests/t.py::test_a", text="TimeoutError: QueuePool limit"),
        finding(pool, 9, testcase="tests/t.py::test_b"),
    ]
    document = render("junit", found, ScanStats(), signatures=[pool, quiet])
    validate_xsd(document)
    root = validate(document)
    failures = cases(root)
    assert list(failures) == [
        "INC-1: Pool exhausted",
        "INC-3: Never seen",
        "unknown failures (no known incident)",
    ]
    assert failures["INC-3: Never seen"] is None
    assert failures["unknown failures (no known incident)"] is None
    failure = failures["INC-1: Pool exhausted"]
    assert failure is not None and failure.get("type") == "high"
    assert failure.get("message") == (
        "Pool exhausted: 2 finding(s) in 2 test(s): tests/t.py::test_a, tests/t.py::test_b"
    )
    body = (failure.text or "").splitlines()
    assert body[:3] == [
        "INC-1 [high] Pool exhausted",
        "resolution: Restart it.",
        "runbook: https://runbooks.example.org/x",
    ]
    assert "- tests/t.py::test_a: app.log:4" in body
    assert "    TimeoutError: QueuePool limit" in body
    assert "- tests/t.py::test_b: app.log:9" in body


def test_regression_and_unknown_failures_are_marked() -> None:
    back = signature("INC-2", Severity.MEDIUM, status=Status.RESOLVED)
    stats = ScanStats(unknown=[unknown(3, text="FATAL: new thing", kind="fatal")])
    document = render("junit", [finding(back)], stats)
    validate_xsd(document)
    failures = cases(validate(document))
    regression = failures["INC-2: Something broke"]
    assert regression is not None and regression.get("type") == "regression"
    assert (regression.get("message") or "").startswith("REGRESSION: ")
    new = failures["unknown failures (no known incident)"]
    assert new is not None and new.get("type") == "unknown"
    assert "- app.log:3 (fatal)\n    FATAL: new thing" in (new.text or "")
    without = cases(validate(render("junit", [finding(back)], stats, unknown=False)))
    assert "unknown failures (no known incident)" not in without


def test_text_that_xml_cannot_hold_is_made_visible() -> None:
    nasty = "bad \x00\x1b[0m \udcff ]]> </failure> & done"
    document = render("junit", [finding(signature(), text=nasty)], ScanStats())
    validate_xsd(document)
    failure = cases(validate(document))["INC-1: Something broke"]
    assert failure is not None
    assert "bad \\x00\\x1b[0m \\xdcff ]]> </failure> & done" in (failure.text or "")
    assert document.isascii()


def test_junit_input_to_junit_output_per_test_case() -> None:
    """The committed fixture from a real pytest run: incidents per test case, and the
    KeyError test as an unknown failure."""
    findings, stats = scan_inputs([DATA / "pytest-junit.xml"])
    document = render("junit", findings, stats, signatures=ruleset().signatures)
    validate_xsd(document)
    failures = cases(validate(document))
    pool = failures["INC-2024-001: Database connection pool exhausted"]
    dup = failures["INC-2024-002: Duplicate user e-mail on re-import"]
    new = failures["unknown failures (no known incident)"]
    assert pool is not None and "check_users.py::test_report_queries_run_concurrently" in (
        pool.text or ""
    )
    assert dup is not None and dup.get("type") == "regression"
    assert "check_users.py::test_reimport_of_same_batch" in (dup.text or "")
    assert "check_users.py::test_nightly_import_counts_rows" in (dup.text or "")
    assert new is not None
    assert "check_users.py::test_user_payload_has_display_name" in (new.text or "")
    assert "KeyError: 'display_name'" in (new.text or "")


def test_unknown_failures_counted_but_not_kept_are_in_the_count_and_the_body() -> None:
    stats = ScanStats(unknown=[unknown(3), unknown(5)], unknown_omitted=7)
    document = render("junit", [], stats, unknown=True)
    failure = cases(validate(document))["unknown failures (no known incident)"]
    assert failure is not None
    assert failure.get("message") == "9 unknown failure(s)"
    assert "and 7 more of kinds already listed" in (failure.text or "")
