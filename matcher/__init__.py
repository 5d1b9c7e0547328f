"""incident-matcher: flag log lines that match past incidents.

    import matcher
    ruleset = matcher.load_ruleset(["signatures"])
    for finding in matcher.scan_file(ruleset, "app.log"):
        print(finding.line, finding.signature.id, finding.signature.resolution_summary)

Names are imported lazily so that ``matcher --help`` and an empty scan start fast.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

_EXPORTS = {
    "load_signatures": "matcher.signatures",
    "parse_signature_texts": "matcher.signatures",
    "load_ruleset": "matcher.ruleset",
    "compile_ruleset": "matcher.ruleset",
    "Ruleset": "matcher.ruleset",
    "Scanner": "matcher.scanner",
    "ScanStats": "matcher.scanner",
    "scan_file": "matcher.api",
    "scan_lines": "matcher.api",
    "scan_text": "matcher.api",
    "ScanRun": "matcher.api",
    "UnknownFailure": "matcher.model",
    "compile_symptom": "matcher.symptoms",
    "Finding": "matcher.model",
    "Signature": "matcher.model",
    "Symptom": "matcher.model",
    "Severity": "matcher.model",
    "Status": "matcher.model",
    "Role": "matcher.model",
    "SourceLocation": "matcher.model",
    "MatcherError": "matcher.errors",
    "SignatureError": "matcher.errors",
    "SourceError": "matcher.errors",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'matcher' has no attribute {name!r}")
    return getattr(import_module(module), name)
