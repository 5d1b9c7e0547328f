"""SARIF 2.1.0: one rule per signature, one result per finding, for code-scanning tools.

Locations are relative to the working directory (``uriBaseId`` ``%SRCROOT%``); a source
outside it gets an absolute ``file:`` URI, and stdin none. Unknown failures, when reported,
are results of one more rule, ``unknown-failure``. Validated against the OASIS schema in
tests/test_ci_sarif.py.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote

from matcher import __version__
from matcher.engine.scanner import ScanStats
from matcher.model import Finding, Severity, Signature, UnknownFailure

SCHEMA_URI = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
TOOL = "incident-matcher"
ROOT_ID = "%SRCROOT%"
UNKNOWN_RULE = "unknown-failure"
FINGERPRINT = "incidentMatcher/v1"


_LEVELS = {
    Severity.CRITICAL: "error",
    Severity.HIGH: "error",
    Severity.MEDIUM: "warning",
    Severity.LOW: "warning",
    Severity.INFO: "note",
}


def sarif_level(finding: Finding) -> str:
    """As the github format: regressions and critical/high are errors."""
    return "error" if finding.is_regression else _LEVELS[finding.signature.severity]


def artifact_location(source: str, base: str) -> dict[str, str] | None:
    """Relative to ``base`` when inside it, else an absolute file URI; None for stdin."""
    if not source or source.startswith("<"):
        return None
    path = os.path.abspath(source)
    try:
        rel = os.path.relpath(path, base)
    except ValueError:  # another drive on Windows
        rel = os.pardir
    if rel == os.pardir or rel.startswith(os.pardir + os.sep):
        return {"uri": Path(path).as_uri()}
    return {"uri": quote(rel.replace(os.sep, "/")), "uriBaseId": ROOT_ID}


def rule_for(signature: Signature) -> dict[str, Any]:
    level = _LEVELS[signature.severity]
    rule: dict[str, Any] = {
        "id": signature.id,
        "shortDescription": {"text": signature.title},
        "fullDescription": {"text": signature.description or signature.title},
        "help": {"text": signature.resolution},
        "defaultConfiguration": {"level": level},
        "properties": {
            "severity": str(signature.severity),
            "status": str(signature.status),
            "retryable": signature.retryable,
            "tags": list(signature.tags),
        },
    }
    if signature.runbook and signature.runbook.startswith(("http://", "https://")):
        rule["helpUri"] = signature.runbook
    elif signature.runbook:
        rule["properties"]["runbook"] = signature.runbook
    return rule


UNKNOWN_RULE_OBJECT: dict[str, Any] = {
    "id": UNKNOWN_RULE,
    "shortDescription": {"text": "A failure that no known incident explains"},
    "fullDescription": {
        "text": "An error-like line, event or failing test case that no signature matches: "
        "a new failure, or one that needs a signature."
    },
    "defaultConfiguration": {"level": "warning"},
}


def _location(source: str, line: int, text: str, base: str, testcase: str | None) -> list[Any]:
    where = artifact_location(source, base)
    location: dict[str, Any] = {}
    if where is not None:
        physical: dict[str, Any] = {"artifactLocation": where}
        if line > 0:
            physical["region"] = {"startLine": line, "snippet": {"text": text}}
        location["physicalLocation"] = physical
    if testcase:
        location["logicalLocations"] = [{"fullyQualifiedName": testcase, "kind": "function"}]
    return [location] if location else []


def finding_result(finding: Finding, rule_index: int, base: str) -> dict[str, Any]:
    sig = finding.signature
    head = "Regression: " if finding.is_regression else ""
    result: dict[str, Any] = {
        "ruleId": sig.id,
        "ruleIndex": rule_index,
        "kind": "fail",
        "level": sarif_level(finding),
        "message": {"text": f"{head}{sig.title}. Resolution: {sig.resolution_summary}"},
        "partialFingerprints": {FINGERPRINT: finding.id},
        "properties": {
            "regression": finding.is_regression,
            "retryable": sig.retryable,
            "testcase": finding.testcase,
            "captures": dict(finding.captures),
        },
    }
    locations = _location(finding.source, finding.line, finding.text, base, finding.testcase)
    if locations:
        result["locations"] = locations
    return result


def unknown_result(failure: UnknownFailure, rule_index: int, base: str) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": UNKNOWN_RULE,
        "ruleIndex": rule_index,
        "kind": "fail",
        "level": "warning",
        "message": {"text": f"Unknown failure ({failure.kind}): {failure.text}"},
        "properties": {"kind": failure.kind, "testcase": failure.testcase},
    }
    locations = _location(failure.source, failure.line, failure.text, base, failure.testcase)
    if locations:
        result["locations"] = locations
    return result


def build_log(
    signatures: Sequence[Signature],
    findings: Sequence[Finding],
    unknown: Sequence[UnknownFailure] | None,
    base: str,
    omitted: int = 0,
) -> dict[str, Any]:
    """The SARIF log as a dict. ``unknown=None``: unknown failures were not checked;
    ``omitted``: more unknown failures counted than kept (a notification says how many)."""
    rules: dict[str, Signature] = {sig.id: sig for sig in signatures}
    for finding in findings:
        rules.setdefault(finding.signature.id, finding.signature)
    index = {rule_id: i for i, rule_id in enumerate(rules)}
    rule_objects = [rule_for(sig) for sig in rules.values()]
    results = [finding_result(f, index[f.signature.id], base) for f in findings]
    if unknown is not None:
        rule_objects.append(UNKNOWN_RULE_OBJECT)
        results += [unknown_result(u, len(rules), base) for u in unknown]
    base_uri = Path(base).as_uri().rstrip("/") + "/"
    run = {
        "tool": {"driver": {"name": TOOL, "version": __version__, "rules": rule_objects}},
        "originalUriBaseIds": {ROOT_ID: {"uri": base_uri}},
        "results": results,
    }
    if unknown is not None and omitted:
        text = f"{omitted} more unknown failure(s) of the kinds listed were counted, not kept"
        note = {"level": "warning", "message": {"text": text}}
        run["invocations"] = [{"executionSuccessful": True, "toolExecutionNotifications": [note]}]
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


class SarifReporter:
    """Buffers findings; writes one SARIF log in ``finish``."""

    def __init__(
        self,
        out: TextIO,
        *,
        signatures: Sequence[Signature] = (),
        unknown: bool = True,
        base: str | None = None,
    ) -> None:
        self.out = out
        self.signatures = tuple(signatures)
        self.unknown = unknown
        self.base = os.path.abspath(base if base is not None else os.getcwd())
        self.findings: list[Finding] = []

    def finding(self, finding: Finding) -> None:
        self.findings.append(finding)

    def finish(self, stats: ScanStats) -> None:
        unknown = stats.unknown if self.unknown else None
        log = build_log(self.signatures, self.findings, unknown, self.base, stats.unknown_omitted)
        # ensure_ascii: valid JSON whatever the stream's encoding, lone surrogates included.
        self.out.write(json.dumps(log, indent=2, ensure_ascii=True) + "\n")
        self.out.flush()
