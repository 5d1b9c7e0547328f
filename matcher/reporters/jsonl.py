"""JSON Lines: one object per finding, for jq and machines. The fields are documented in
docs/json-format.md; ``schema`` changes whenever a field changes meaning."""

from __future__ import annotations

import json
from typing import Any, TextIO

from matcher.engine.scanner import ScanStats
from matcher.model import Finding, UnknownFailure

SCHEMA = "incident-matcher/finding/v1"
UNKNOWN_SCHEMA = "incident-matcher/unknown/v1"
# After the unknown failures listed: how many more there were (only the first of each kind
# are kept, see matcher.engine.stats).
OMITTED_SCHEMA = "incident-matcher/unknown-omitted/v1"


def finding_to_dict(finding: Finding) -> dict[str, Any]:
    sig = finding.signature
    return {
        "schema": SCHEMA,
        "id": finding.id,
        "incident": sig.id,
        "title": sig.title,
        "severity": str(sig.severity),
        "status": str(sig.status),
        "regression": finding.is_regression,
        "retryable": sig.retryable,
        "source": finding.source,
        "line": finding.line,
        "time": format_time(finding.time),
        "matched_lines": list(finding.matched_lines),
        "first_line": finding.first_line,
        "last_line": finding.last_line,
        "offset": finding.offset,
        "text": finding.text,
        "span": list(finding.span),
        "captures": dict(finding.captures),
        "decoded": finding.decoded,
        "fields": dict(finding.fields),
        "raw_span": _raw_span(finding.raw_span),
        "resolution": sig.resolution_summary,
        "runbook": sig.runbook,
        "truncated": finding.truncated,
        "partial": finding.partial,
        "event_cut": finding.event_cut,
        "testcase": finding.testcase,
        "event": list(finding.event),
        "event_lines": list(finding.event_lines),
    }


def _raw_span(span: tuple[int, int, int, int] | None) -> dict[str, int] | None:
    if span is None:
        return None
    return dict(zip(("first_line", "start", "last_line", "end"), span, strict=True))


def format_time(moment: float | None) -> str | None:
    """RFC 3339 in UTC (``2026-11-27T01:59:45.123Z``), or None when the line had no time."""
    if moment is None:
        return None
    from datetime import datetime, timezone

    stamp = datetime.fromtimestamp(moment, timezone.utc).isoformat(timespec="milliseconds")
    return stamp.replace("+00:00", "Z")


def unknown_to_dict(failure: UnknownFailure) -> dict[str, Any]:
    return {
        "schema": UNKNOWN_SCHEMA,
        "kind": failure.kind,
        "source": failure.source,
        "line": failure.line,
        "first_line": failure.first_line,
        "last_line": failure.last_line,
        "text": failure.text,
        "testcase": failure.testcase,
    }


class JsonReporter:
    def __init__(self, out: TextIO, *, unknown: bool = False) -> None:
        self.out = out
        self.unknown = unknown

    def finding(self, finding: Finding) -> None:
        # ensure_ascii keeps lone surrogates and control characters escaped: always valid JSON.
        self.out.write(json.dumps(finding_to_dict(finding), ensure_ascii=True) + "\n")

    def finish(self, stats: ScanStats) -> None:
        if self.unknown:
            for failure in stats.unknown:
                self.unknown_failure(failure)
            if stats.unknown_omitted:
                omitted = {"schema": OMITTED_SCHEMA, "omitted": stats.unknown_omitted}
                self.out.write(json.dumps(omitted) + "\n")
        self.out.flush()

    def unknown_failure(self, failure: UnknownFailure) -> None:
        self.out.write(json.dumps(unknown_to_dict(failure), ensure_ascii=True) + "\n")
