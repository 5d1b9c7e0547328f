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
    "load_signatures": "matcher.rules.signatures",
    "parse_signature_texts": "matcher.rules.signatures",
    "load_ruleset": "matcher.rules.load",
    "compile_ruleset": "matcher.patterns.ruleset",
    "Ruleset": "matcher.patterns.ruleset",
    "compile_symptom": "matcher.patterns.symptoms",
    "Scanner": "matcher.engine.scanner",
    "ScanStats": "matcher.engine.scanner",
    "ScanOptions": "matcher.engine.options",
    "scan_file": "matcher.sources.scan",
    "scan_lines": "matcher.sources.scan",
    "scan_text": "matcher.sources.scan",
    "ScanRun": "matcher.sources.run",
    "Finding": "matcher.model",
    "UnknownFailure": "matcher.model",
    "Signature": "matcher.model",
    "Symptom": "matcher.model",
    "Severity": "matcher.model",
    "Status": "matcher.model",
    "Role": "matcher.model",
    "SourceLocation": "matcher.model",
    "MatcherError": "matcher.errors",
    "SignatureError": "matcher.errors",
    "SourceError": "matcher.errors",
    "StateError": "matcher.errors",
    "IncidentLogError": "matcher.errors",
    "Problem": "matcher.errors",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'matcher' has no attribute {name!r}")
    return getattr(import_module(module), name)
