"""JUnit XML: one test case per signature, failed when it matched, for GitLab, Jenkins and
Azure DevOps test reports.

The failure's body names the incident's resolution and runbook, then each finding: the test
case it came from (JUnit input, pytest plugin) and its location. Unknown failures, when
reported, are one more test case, ``unknown failures``, failed when there is any. The output
validates against the Jenkins/Surefire ``junit-10.xsd`` (see tests/test_ci_junit.py).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from typing import TextIO

from matcher.engine.scanner import ScanStats
from matcher.model import Finding, Signature, UnknownFailure

SUITE = "incident-matcher"
UNKNOWN_CASE = "unknown failures (no known incident)"
MAX_LISTED = 100
# Characters XML 1.0 cannot hold at all (not even as references): shown as \xNN instead.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(text: str) -> str:
    if not _NOT_XML.search(text):
        return text
    return _NOT_XML.sub(lambda m: f"\\x{ord(m.group(0)):02x}", text)


def _where(source: str, line: int, testcase: str | None) -> str:
    return f"{testcase}: {source}:{line}" if testcase else f"{source}:{line}"


def failure_body(signature: Signature, findings: Sequence[Finding]) -> str:
    regression = any(f.is_regression for f in findings)
    lines = [f"{signature.id} [{signature.severity}] {signature.title}"]
    if regression:
        lines.append("REGRESSION: this incident was marked resolved and it is back")
    lines.append(f"resolution: {signature.resolution_summary}")
    if signature.runbook:
        lines.append(f"runbook: {signature.runbook}")
    if signature.retryable:
        lines.append("retryable: yes (a known flake)")
    lines += ["", f"{len(findings)} finding(s):"]
    for finding in findings[:MAX_LISTED]:
        lines.append(f"- {_where(finding.source, finding.line, finding.testcase)}")
        lines.append(f"    {finding.text}")
    if len(findings) > MAX_LISTED:
        lines.append(f"- … and {len(findings) - MAX_LISTED} more")
    return "\n".join(lines) + "\n"


def _failure_message(signature: Signature, findings: Sequence[Finding]) -> str:
    tests = list(dict.fromkeys(f.testcase for f in findings if f.testcase))
    where = f" in {len(tests)} test(s): {', '.join(tests[:5])}" if tests else ""
    head = "REGRESSION: " if any(f.is_regression for f in findings) else ""
    return f"{head}{signature.title}: {len(findings)} finding(s){where}"


def unknown_body(unknown: Sequence[UnknownFailure], omitted: int = 0) -> str:
    lines = [f"{len(unknown) + omitted} failure(s) that no signature explains:"]
    for failure in unknown[:MAX_LISTED]:
        lines.append(f"- {_where(failure.source, failure.line, failure.testcase)} ({failure.kind})")
        lines.append(f"    {failure.text}")
    if len(unknown) > MAX_LISTED:
        lines.append(f"- … and {len(unknown) - MAX_LISTED} more")
    if omitted:  # over the per-kind bound of the scan: counted, not kept
        lines.append(f"- … and {omitted} more of kinds already listed, counted but not kept")
    return "\n".join(lines) + "\n"


def _testcase(suite: ET.Element, name: str) -> ET.Element:
    return ET.SubElement(suite, "testcase", {"classname": SUITE, "name": xml_safe(name)})


def _fail(case: ET.Element, kind: str, message: str, body: str) -> None:
    failure = ET.SubElement(case, "failure", {"type": kind, "message": xml_safe(message)})
    failure.text = xml_safe(body)


def build_report(
    signatures: Sequence[Signature],
    findings: Sequence[Finding],
    unknown: Sequence[UnknownFailure] | None,
    omitted: int = 0,
) -> ET.Element:
    """The ``<testsuites>`` tree. ``unknown=None``: unknown failures were not checked;
    ``omitted``: more unknown failures counted than kept."""
    by_id: dict[str, list[Finding]] = {}
    for finding in findings:
        by_id.setdefault(finding.signature.id, []).append(finding)
    known = {sig.id: sig for sig in signatures}
    for finding in findings:
        known.setdefault(finding.signature.id, finding.signature)
    root = ET.Element("testsuites", {"name": SUITE})
    suite = ET.SubElement(root, "testsuite", {"name": SUITE})
    failures = 0
    for sig in known.values():
        case = _testcase(suite, f"{sig.id}: {sig.title}")
        matched = by_id.get(sig.id)
        if matched:
            kind = "regression" if any(f.is_regression for f in matched) else str(sig.severity)
            _fail(case, kind, _failure_message(sig, matched), failure_body(sig, matched))
            failures += 1
    if unknown is not None:
        case = _testcase(suite, UNKNOWN_CASE)
        if unknown:
            total = len(unknown) + omitted
            _fail(case, "unknown", f"{total} unknown failure(s)", unknown_body(unknown, omitted))
            failures += 1
    counts = {"tests": str(len(suite)), "failures": str(failures), "errors": "0"}
    suite.attrib.update({**counts, "skipped": "0"})
    root.attrib.update(counts)
    return root


class JunitReporter:
    """Buffers findings; writes the whole document in ``finish``."""

    def __init__(
        self, out: TextIO, *, signatures: Sequence[Signature] = (), unknown: bool = True
    ) -> None:
        self.out = out
        self.signatures = tuple(signatures)
        self.unknown = unknown
        self.findings: list[Finding] = []

    def finding(self, finding: Finding) -> None:
        self.findings.append(finding)

    def finish(self, stats: ScanStats) -> None:
        unknown = stats.unknown if self.unknown else None
        root = build_report(self.signatures, self.findings, unknown, stats.unknown_omitted)
        ET.indent(root)
        self.out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        # Non-ASCII as character references: valid whatever the stream's encoding.
        self.out.write(ET.tostring(root, encoding="us-ascii", xml_declaration=False).decode())
        self.out.write("\n")
        self.out.flush()
