"""Reporters turn findings into output. Each takes a text stream and never decides exit codes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, TextIO

from matcher.engine.scanner import ScanStats
from matcher.model import Finding, Signature
from matcher.vocabulary import FORMATS as FORMATS
from matcher.vocabulary import UNKNOWN_BY_DEFAULT


class Reporter(Protocol):
    def finding(self, finding: Finding) -> None: ...

    def finish(self, stats: ScanStats) -> None: ...


# Formats that list unknown failures unless told not to (``--unknown`` turns them on for the
# others, ``--no-unknown`` off for these). ``--summary`` has them on too.


def make_reporter(
    name: str,
    out: TextIO,
    *,
    color: bool = False,
    signatures: Sequence[Signature] = (),
    unknown: bool | None = None,
    workspace: str | None = None,
    context: int = 0,
) -> Reporter:
    """``signatures``: every loaded signature (junit and sarif list the ones that did not
    match too). ``unknown``: None for the format's default. ``workspace``: the directory
    paths are made relative to (github: ``$GITHUB_WORKSPACE`` or cwd; sarif: cwd).
    ``context``: lines shown around matched lines (text)."""
    with_unknown = name in UNKNOWN_BY_DEFAULT if unknown is None else unknown
    if name == "json":
        from matcher.reporters.jsonl import JsonReporter

        return JsonReporter(out, unknown=with_unknown)
    if name == "github":
        from matcher.reporters.github import GithubReporter

        return GithubReporter(out, unknown=with_unknown, workspace=workspace)
    if name == "junit":
        from matcher.reporters.junit import JunitReporter

        return JunitReporter(out, signatures=signatures, unknown=with_unknown)
    if name == "sarif":
        from matcher.reporters.sarif import SarifReporter

        return SarifReporter(out, signatures=signatures, unknown=with_unknown, base=workspace)
    if name == "markdown":
        from matcher.reporters.summary import SummaryReporter

        return SummaryReporter(out, unknown=with_unknown)
    from matcher.reporters.text import TextReporter

    return TextReporter(out, color=color, context=context, unknown=with_unknown)


class Tee:
    """Hands every finding to several reporters (``--format github --summary FILE``)."""

    def __init__(self, *reporters: Reporter) -> None:
        self.reporters = list(reporters)

    def add(self, reporter: Reporter) -> None:
        self.reporters.append(reporter)

    def finding(self, finding: Finding) -> None:
        for reporter in self.reporters:
            reporter.finding(finding)

    def finish(self, stats: ScanStats) -> None:
        for reporter in self.reporters:
            reporter.finish(stats)
