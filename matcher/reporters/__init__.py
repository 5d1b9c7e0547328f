"""Reporters turn findings into output. Each takes a text stream and never decides exit codes."""

from __future__ import annotations

from typing import Protocol, TextIO

from matcher.model import Finding
from matcher.scanner import ScanStats


class Reporter(Protocol):
    def finding(self, finding: Finding) -> None: ...

    def finish(self, stats: ScanStats) -> None: ...


FORMATS = ("text", "json")


def make_reporter(name: str, out: TextIO, *, color: bool = False) -> Reporter:
    if name == "json":
        from matcher.reporters.jsonl import JsonReporter

        return JsonReporter(out)
    from matcher.reporters.text import TextReporter

    return TextReporter(out, color=color)
