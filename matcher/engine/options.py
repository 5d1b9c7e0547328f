"""What a scan is asked to do, as one record that crosses from the CLI to the workers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

EVENT_KINDS = ("auto", "python", "java", "go", "lines")


@dataclass(frozen=True)
class ScanOptions:
    """``events``: how lines are grouped (``lines``: not at all); ``unknown``: also report
    error-like events no signature explains; ``context``: lines kept around each match;
    ``on_warning``: called with a message a rule raises (a regex timeout, say); ``envelope``
    and ``fields``: see docs/envelopes.md."""

    events: str = "auto"
    unknown: bool = False
    context: int = 0
    on_warning: Callable[[str], None] | None = None
    # matcher.envelopes: ``auto`` (recognise it), ``none`` or a name; the fields a structured
    # (JSON, logfmt) record's message is taken from (empty: the usual ones).
    envelope: str = "auto"
    fields: tuple[str, ...] = ()
