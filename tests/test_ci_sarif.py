"""--format sarif, validated against the OASIS SARIF 2.1.0 JSON schema."""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft4Validator  # type: ignore[import-untyped]
from test_ci_support import DATA, SCHEMAS, finding, render, ruleset, scan_inputs, signature, unknown

from matcher.engine.scanner import ScanStats
from matcher.model import Severity, Status
from matcher.reporters.sarif import artifact_location


@functools.cache
def validator() -> Draft4Validator:
    schema = json.loads((SCHEMAS / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    return Draft4Validator(schema)


def sarif(*args: Any, **kwargs: Any) -> dict[str, Any]:
    document = render("sarif", *args, **kwargs)
    assert document.isascii()
    log: dict[str, Any] = json.loads(document)
    errors = sorted(validator().iter_errors(log), key=str)
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors)
    return log


def test_schema_rejects_what_it_should() -> None:
    """The vendored schema is really applied (a broken log fails)."""
    assert not validator().is_valid({"version": "2.1.0", "runs": [{"results": []}]})
    assert not validator().is_valid({"version": "2.0.0", "runs": []})


def test_one_rule_per_signature_results_relative_to_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    pool = signature("INC-1", Severity.HIGH, retryable=True)
    back = signature("INC-2", Severity.LOW, status=Status.RESOLVED, runbook="docs/rb.md")
    info = signature("INC-3", Severity.INFO, runbook=None)
    found = [
        finding(pool, 3, source="logs/app 1.log", testcase="t.py::test_a"),
        finding(back, 4, source=str(tmp_path / "logs" / "b.log")),
        finding(info, 5, source="<stdin>"),
    ]
    log = sarif(found, ScanStats(unknown=[unknown()]), signatures=[pool, back, info])
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == ["INC-1", "INC-2", "INC-3", "unknown-failure"]
    assert rules[0]["helpUri"] == "https://runbooks.example.org/x"
    assert rules[0]["properties"]["retryable"] is True
    assert rules[1]["properties"]["runbook"] == "docs/rb.md"
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == tmp_path.as_uri() + "/"
    results = run["results"]
    assert [(r["ruleId"], r["ruleIndex"], r["level"]) for r in results] == [
        ("INC-1", 0, "error"),
        ("INC-2", 1, "error"),
        ("INC-3", 2, "note"),
        ("unknown-failure", 3, "warning"),
    ]
    first = results[0]["locations"][0]
    assert first["physicalLocation"]["artifactLocation"] == {
        "uri": "logs/app%201.log",
        "uriBaseId": "%SRCROOT%",
    }
    assert first["physicalLocation"]["region"] == {"startLine": 3, "snippet": {"text": "boom"}}
    assert first["logicalLocations"] == [{"fullyQualifiedName": "t.py::test_a", "kind": "function"}]
    assert results[1]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "logs/b.log"
    assert results[1]["message"]["text"].startswith("Regression: ")
    assert results[1]["properties"]["regression"] is True
    assert "locations" not in results[2]  # stdin has no location
    assert results[0]["partialFingerprints"]["incidentMatcher/v1"] == found[0].id


def test_outside_the_working_directory_is_an_absolute_uri(tmp_path: Path) -> None:
    base = tmp_path / "work"
    assert artifact_location(str(tmp_path / "x.log"), str(base)) == {
        "uri": (tmp_path / "x.log").as_uri()
    }
    assert artifact_location("<stdin>", str(base)) is None


def test_unknown_off_means_no_unknown_rule() -> None:
    log = sarif([], ScanStats(unknown=[unknown()]), unknown=False)
    assert log["runs"][0]["tool"]["driver"]["rules"] == []
    assert log["runs"][0]["results"] == []


def test_real_pytest_run_as_junit_and_as_text(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(DATA)
    for name, unknowns in (("pytest-junit.xml", 1), ("pytest-output.log", None)):
        findings, stats = scan_inputs([name])
        log = sarif(findings, stats, signatures=ruleset().signatures)
        results = log["runs"][0]["results"]
        ids = sorted(r["ruleId"] for r in results if r["ruleId"] != "unknown-failure")
        assert ids == ["INC-2024-001", "INC-2024-002", "INC-2024-002"], name
        uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
        assert uris == {name}
        if unknowns is not None:
            assert sum(r["ruleId"] == "unknown-failure" for r in results) == unknowns


def test_unknown_failures_counted_but_not_kept_are_a_notification() -> None:
    stats = ScanStats(unknown=[unknown(3), unknown(5)], unknown_omitted=7)
    log = sarif([], stats, unknown=True)
    run = log["runs"][0]
    assert len(run["results"]) == 2
    [note] = run["invocations"][0]["toolExecutionNotifications"]
    assert note["level"] == "warning" and note["message"]["text"].startswith("7 more unknown")
    assert "invocations" not in sarif([], ScanStats(unknown=[unknown(3)]), unknown=True)["runs"][0]
