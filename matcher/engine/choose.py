"""The scanner for a source: ``EnvelopeScanner`` (it recognises an envelope, and hands a bare
log to a ``Scanner``), or a plain ``Scanner`` when the envelope is ``none``."""

from __future__ import annotations

from typing import Any

from matcher.engine.enveloped import EnvelopeScanner
from matcher.engine.options import ScanOptions
from matcher.engine.scanner import Scanner
from matcher.patterns.ruleset import Ruleset


def new_scanner(
    ruleset: Ruleset,
    source: str,
    options: ScanOptions,
    names: tuple[str, str] | None = None,
    **where: Any,
) -> Scanner | EnvelopeScanner:
    """The scanner for one source and ``options``: an ``EnvelopeScanner`` unless the envelope
    is ``none``. ``names``: the envelope and structure, already recognised (a segment of a
    file); ``where``: ``first_line``, ``offset``, ``history``, ``segment``."""
    common: dict[str, Any] = {
        "events": options.events,
        "unknown": options.unknown,
        "context": options.context,
        "on_warning": options.on_warning,
        **where,
    }
    if options.envelope == "none":
        return Scanner(ruleset, source, **common)
    envelope, structure = names or (options.envelope, "auto")
    return EnvelopeScanner(
        ruleset, source, envelope=envelope, structure=structure, fields=options.fields, **common
    )
